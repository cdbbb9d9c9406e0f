"""Linking across sources for an index run: rows read from the store, linked, and the links written back."""

from __future__ import annotations

import datetime as dt

import sqlite_utils
from briefing.core.linking.events import FOLLOWING_CHARS, link_events, weeks_to_read
from briefing.core.linking.statements import link_statements
from briefing.core.store.links import (
    long_events,
    quote_texts,
    save_event_links,
    save_statement_ids,
    short_event_days,
    short_events_of_week,
)
from briefing.core.store.owed import OwedLinks


def relink_statements(db: sqlite_utils.Database) -> int:
    """Give quotes from different articles that report one statement a shared `statement_id`
    (and every other quote none); return how many quotes are linked."""
    statement_of = link_statements(quote_texts(db))
    save_statement_ids(db, statement_of)
    return len(statement_of)


def relink_events(db: sqlite_utils.Database, weeks: set[dt.date] | None = None, values: set[str] | None = None) -> None:
    """Set events.cluster_id and events.disagreement, in one transaction.

    With no arguments, for the whole briefing. With `weeks` (ISO Mondays whose short-dated
    events changed) and `values` (long date values whose events changed), only what those
    changes can reach.
    """
    whole = weeks is None and values is None
    changed = None if whole else (weeks or set())
    with db.conn:
        mondays = weeks_to_read(short_event_days(db), changed)
        by_week = (
            (monday, short_events_of_week(db, monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), FOLLOWING_CHARS))
            for monday in mondays
        )
        long_dated = long_events(db, None if whole else (values or set()), FOLLOWING_CHARS)
        # Each block is written before the next week is read, as the linker yields it.
        for links in link_events(by_week, long_dated, changed=changed):
            save_event_links(db, links)


def relink_owed(db: sqlite_utils.Database, owed: OwedLinks) -> None:
    """Relink what is owed: statements, and events on the weeks and dates given."""
    if owed.everything or owed.statements:
        relink_statements(db)
    if owed.everything:
        relink_events(db)
        return
    if owed.weeks or owed.values:
        relink_events(db, owed.weeks, owed.values)
