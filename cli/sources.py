"""`briefing sources`: the articles of the briefing."""

from __future__ import annotations

import click
from briefing.cli.common import CONTEXT, db_option, json_option, open_db
from briefing.cli.output import console, print_json, safe, table


@click.command("sources", context_settings=CONTEXT)
@db_option
@json_option
def sources_command(db_path, as_json: bool) -> None:
    """List the articles of the briefing: outlet, date (and where it came from), place, counts."""
    from briefing.core.store.reads import list_sources

    rows = list_sources(open_db(db_path))
    if as_json:
        print_json([s.to_dict() for s in rows])
        return
    t = table("id", "outlet", "published", "place", "quotes", "events", "title")
    for s in rows:
        date = (s.published or "undated") + (" (inferred)" if s.inferred else "")
        t.add_row(str(s.id), safe(s.label), date, safe(s.place or ""), str(s.quotes), str(s.events), safe(s.title))
    console().print(t)
