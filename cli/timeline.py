"""`briefing timeline`: dated events, oldest first, with the sources and their disagreements."""

from __future__ import annotations

import click
from briefing.cli.common import CONTEXT, db_option, json_option, open_db, source_id
from briefing.cli.output import console, print_json, safe, table


@click.command("timeline", context_settings=CONTEXT)
@click.option("--source", default=None, help="Only events from this source (id, path or file name).")
@db_option
@json_option
def timeline_command(source, db_path, as_json: bool) -> None:
    """Print the merged timeline, oldest first, with the sources for each date and disagreements.

    Dates long before the story come first, under "Background"; days still ahead when they
    were told are marked "expected", days only offered or hedged "possible". In JSON, dates are
    ISO values, each entry says its section and each event its role.
    """
    from briefing.core.store.rows import timeline_sections
    from briefing.core.store.timeline import timeline

    db = open_db(db_path)
    article_id = source_id(db, source)
    entries = timeline(db, article_id=article_id)
    if as_json:
        print_json([e.to_dict() for e in entries])
        return
    background, story = timeline_sections(entries)
    out = console()
    if background:
        out.print("Background: dates long before the story", style="bold")
        out.print(_table(background))
        out.print("The story", style="bold")
    out.print(_table(story))


def _table(entries):
    """A table of dates in words, their events (marked when not yet come or only offered) and sources."""
    from briefing.core.date_values import when_label

    t = table("date", "event", "sources")
    for entry in entries:
        label = safe(when_label(entry.value, entry.granularity))
        if entry.role_mark:
            label.append(f"\n{entry.role_mark}", style="italic")
        lines = safe("\n".join(f"• {e.role_mark + ': ' if e.role_mark else ''}{e.sentence}" for e in entry.events))
        for note in entry.disagreements:
            warning = safe(f"\n⚠ {note}")
            warning.stylize("yellow")
            lines.append_text(warning)
        t.add_row(label, lines, safe(", ".join(entry.outlets)))
    return t
