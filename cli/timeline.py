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
    """Print the merged timeline, oldest first, with the sources for each date and disagreements."""
    from briefing.core.date_values import day_label
    from briefing.core.store.timeline import timeline

    db = open_db(db_path)
    article_id = source_id(db, source)
    entries = timeline(db, article_id=article_id)
    if as_json:
        print_json([e.to_dict() for e in entries])
        return
    t = table("date", "event", "sources")
    for entry in entries:
        label = day_label(entry.value) if entry.granularity == "day" else entry.value
        lines = safe("\n".join(f"• {e.sentence}" for e in entry.events))
        for note in entry.disagreements:
            warning = safe(f"\n⚠ {note}")
            warning.stylize("yellow")
            lines.append_text(warning)
        t.add_row(label, lines, safe(", ".join(entry.outlets)))
    console().print(t)
