"""`briefing speakers`: every speaker found."""

from __future__ import annotations

import click
from briefing.cli.common import CONTEXT, db_option, json_option, open_db
from briefing.cli.output import console, print_json, safe, table


@click.command("speakers", context_settings=CONTEXT)
@db_option
@json_option
def speakers_command(db_path, as_json: bool) -> None:
    """List every speaker found, with their group and number of quotes."""
    from briefing.core.store.reads import list_speakers

    rows = list_speakers(open_db(db_path))
    if as_json:
        print_json([{"name": s.name, "group": s.group, "focus": s.is_focus, "quotes": s.quotes} for s in rows])
        return
    t = table("speaker", "group", "quotes")
    for s in rows:
        t.add_row(safe(s.name), safe(s.group or ""), str(s.quotes))
    console().print(t)
