"""`briefing speakers`: every speaker, the spellings merged into each and how; merge, rename, hide."""

from __future__ import annotations

import click
from briefing.cli.common import CONTEXT, db_option, json_option, open_db
from briefing.cli.output import console, print_json, safe, table


@click.group("speakers", context_settings=CONTEXT, invoke_without_command=True)
@db_option
@json_option
@click.option("--all", "show_hidden", is_flag=True, help="List the speakers the settings hide too.")
@click.pass_context
def speakers_command(ctx: click.Context, db_path, as_json: bool, show_hidden: bool) -> None:
    """List every speaker: their quotes, and the spellings merged into their name and how.

    The subcommands set names right: `merge A B` shows A's quotes under B, `rename A "New name"`,
    `hide A`. They are written to the briefing's briefing.toml (kept by `index --rebuild`, and
    travelling with the folder) and applied at once, without extracting anything again.
    """
    if ctx.invoked_subcommand is not None:
        root = ctx.find_root()
        if db_path is not None and isinstance(root.obj, dict):
            root.obj["db"] = db_path  # `briefing speakers --db X merge …` names it for the subcommand
        return
    from briefing.core.store.identity import merged_spellings
    from briefing.core.store.reads import list_speakers

    db = open_db(db_path)
    rows = list_speakers(db, hidden=show_hidden)
    merged = merged_spellings(db)
    if as_json:
        print_json([
            {
                "name": s.name, "group": s.group, "focus": s.is_focus, "kind": s.kind, "hidden": s.hidden,
                "quotes": s.quotes, "spellings": [m.to_dict() for m in merged.get(s.name, [])],
            }
            for s in rows
        ])
        return
    t = table("speaker", "kind", "quotes", "also written, and how")
    for s in rows:
        spellings = "; ".join(f"{m.spelling} ({m.rule})" for m in merged.get(s.name, []))
        name = s.name + (f" [{s.group}]" if s.group and s.group != s.name else "") + (" (hidden)" if s.hidden else "")
        t.add_row(safe(name), s.kind, str(s.quotes), safe(spellings))
    console().print(t)


def _report(edit, verb: str) -> None:
    out = console()
    out.print(safe(f"{verb}. Written to {edit.path}; {edit.report.renamed} quote(s) renamed."))
    out.print("The next `briefing index` keeps it; nothing was extracted again.", style="dim")


@speakers_command.command("merge", context_settings=CONTEXT)
@click.argument("speaker")
@click.argument("into")
@db_option
def merge_command(speaker: str, into: str, db_path) -> None:
    """Show SPEAKER's quotes under INTO's name (any spelling the briefing knows names either)."""
    from briefing.core.indexer.identity import merge_speakers

    edit = merge_speakers(open_db(db_path, readonly=False), speaker, into)
    _report(edit, f"Merged {edit.before} into {edit.after}")


@speakers_command.command("rename", context_settings=CONTEXT)
@click.argument("speaker")
@click.argument("name")
@db_option
def rename_command(speaker: str, name: str, db_path) -> None:
    """Show SPEAKER under NAME from now on."""
    from briefing.core.indexer.identity import rename_speaker

    edit = rename_speaker(open_db(db_path, readonly=False), speaker, name)
    _report(edit, f"Renamed {edit.before} to {edit.after}")


@speakers_command.command("hide", context_settings=CONTEXT)
@click.argument("speaker")
@db_option
def hide_command(speaker: str, db_path) -> None:
    """Leave SPEAKER out of the speaker lists and the columns (their quotes stay)."""
    from briefing.core.indexer.identity import hide_speaker

    edit = hide_speaker(open_db(db_path, readonly=False), speaker)
    _report(edit, f"Hid {edit.before}")
