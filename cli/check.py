"""`briefing check`: whether the database is whole."""

from __future__ import annotations

import sys

import click
from briefing.cli.common import CONTEXT, db_option, db_path_of, json_option
from briefing.cli.output import console, line, print_json


@click.command("check", context_settings=CONTEXT)
@db_option
@json_option
def check_command(db_path, as_json: bool) -> None:
    """Verify a database: SQLite and FTS5 integrity, and counts. Exit 1 when damaged."""
    from briefing.core.store.database import check_database, open_database, unindexed_articles
    from briefing.core.store.reads import counts
    from briefing.core.store.search import UNSEARCHABLE

    # FTS5's integrity-check is issued as a write command, so the file is opened read-write;
    # it changes nothing.
    db = open_database(db_path_of(db_path), create=False)
    problems = check_database(db)
    c = counts(db)
    unsearchable = unindexed_articles(db)
    if as_json:
        print_json({"ok": not problems, "problems": problems, "sources": c.sources, "quotes": c.quotes, "events": c.events,
                    "speakers": c.speakers, "unsearchable": unsearchable})
    else:
        out = console()
        for problem in problems:
            out.print(line(problem))
        if unsearchable:
            out.print(UNSEARCHABLE.format(count=unsearchable), markup=False)
        verdict = "damaged: run `briefing index --rebuild`" if problems else "ok"
        out.print(line(f"{db_path_of(db_path)}: {verdict}; {c.sources} sources, {c.quotes} quotes, {c.events} events, {c.speakers} speakers"))
    if problems:
        sys.exit(1)
