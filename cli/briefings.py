"""`briefing list`: the briefings in the user data folder, with their folders, counts and last index."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
from briefing.cli.common import CONTEXT, json_option
from briefing.cli.output import console, print_json, safe, table


def local_time(iso: str | None) -> str:
    """An ISO 8601 moment as the local date and time to the minute ("unknown" when not recorded)."""
    if not iso:
        return "unknown"
    try:
        return dt.datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


@click.command("list", context_settings=CONTEXT)
@json_option
def list_command(as_json: bool) -> None:
    """List the briefings in the user data folder: title, folders, counts, when last indexed."""
    from briefing.core.locations import data_dir
    from briefing.core.store.catalog import list_briefings

    folder = data_dir()
    briefings = list_briefings(folder)
    if as_json:
        print_json([b.to_dict() for b in briefings])
        return
    out = console()
    if not briefings:
        out.print(safe(f"No briefings yet in {folder}. Open a folder of articles with: briefing FOLDER"))
        return
    t = table("database", "title", "folders", "sources", "quotes", "last indexed")
    for b in briefings:
        name = Path(b.database).name
        if b.problem:
            t.add_row(safe(name), safe(b.problem), "", "", "", "")
            continue
        t.add_row(
            safe(name), safe(b.title or ""), safe("\n".join(b.folders) or "—"),
            f"{b.sources:,}", f"{b.quotes:,}", local_time(b.indexed_at),
        )
    out.print(t)
    out.print(safe(f"In {folder}. Open one with: briefing FOLDER (or briefing --db DATABASE)"))
