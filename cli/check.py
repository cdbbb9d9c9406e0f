"""`briefing check`: whether the database is whole."""

from __future__ import annotations

import os
import sqlite3
import sys

import click
from briefing.cli.common import CONTEXT, db_option, db_path_of, json_option
from briefing.cli.output import console, line, print_json


@click.command("check", context_settings=CONTEXT)
@db_option
@json_option
def check_command(db_path, as_json: bool) -> None:
    """Verify a database: SQLite and FTS5 integrity, and counts. Exit 1 when damaged."""
    from briefing.core.store.database import open_database, unindexed_articles
    from briefing.core.store.integrity import check_database
    from briefing.core.store.reads import counts
    from briefing.core.store.search import UNSEARCHABLE

    # Read-only: checking never writes (an empty file stays empty, a read-only copy is read).
    path = db_path_of(db_path)
    db = open_database(path, readonly=True)
    problems = check_database(db)
    try:
        c, unsearchable = counts(db), unindexed_articles(db)
    except sqlite3.DatabaseError:  # a damaged file may not even be counted
        c, unsearchable = None, 0
    if as_json:
        tally = {"sources": c.sources, "quotes": c.quotes, "events": c.events, "speakers": c.speakers} if c else {}
        print_json({"ok": not problems, "problems": problems, **tally, "unsearchable": unsearchable})
    else:
        out = console()
        for problem in problems:
            out.print(line(problem))
        if unsearchable:
            out.print(UNSEARCHABLE.format(count=unsearchable), markup=False)
        verdict = f"damaged: run `briefing index --rebuild --db {path}`" if problems else "ok"
        if not _writable(path):
            verdict += " (read-only)"
        tally = f"; {c.sources} sources, {c.quotes} quotes, {c.events} events, {c.speakers} speakers" if c else ""
        out.print(line(f"{path}: {verdict}{tally}"))
    if problems:
        sys.exit(1)


def _writable(path) -> bool:
    """Whether the database and its folder can be written (a read-only file is not a damaged one)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
