"""The merged timeline: events grouped by date, and the summary of it an index run stores."""

from __future__ import annotations

import json

import sqlite_utils
from briefing.core.models import UNKNOWN_OUTLET, distinct_notes
from briefing.core.store.database import get_meta, set_meta
from briefing.core.store.owed import has_owed
from briefing.core.store.reads import EVENT_SQL, FIRST_OF_SENTENCE, json_list, list_events
from briefing.core.store.rows import EventRow, TimelineEntry
from briefing.core.store.schema import SUMMARY_KEY


def timeline(
    db: sqlite_utils.Database,
    *,
    article_id: int | None = None,
    day: str | None = None,
    per_entry: int | None = None,
) -> list[TimelineEntry]:
    """The merged timeline: events grouped by their value, oldest first, a sentence once per date.

    With `per_entry`, only the first events of each date are read (with counts, outlets,
    disagreements and roles of all of them): a month of coverage opens at once.
    """
    if per_entry is None:
        entries: dict[str, TimelineEntry] = {}
        for event in list_events(db, article_id=article_id, day=day, once_per_sentence=True):
            entry = entries.get(event.value)
            if entry is None:
                entry = entries[event.value] = TimelineEntry(event.value, event.granularity, event.day_first)
            entry.events.append(event)
        return _in_order(entries.values())
    where, params = [FIRST_OF_SENTENCE], []
    if article_id is not None:
        where.append("article_id = ?")
        params.append(article_id)
    if day:
        where.append("day_first <= ? AND day_last >= ?")
        params += [day, day]
    stored = None if params else _stored_summaries(db, per_entry)
    summaries = stored if stored is not None else _summaries(db, where, params, per_entry)
    entries = {}
    first_ids: list[int] = []
    for value, granularity, first, total, outlets, notes, ids, roles in summaries:
        entries[value] = TimelineEntry(
            value, granularity, first, total=total, all_outlets=outlets, all_disagreements=notes, all_roles=roles
        )
        first_ids.extend(ids[:per_entry])
    rows = db.execute(
        EVENT_SQL + " WHERE e.id IN (SELECT value FROM json_each(?)) "
        "ORDER BY a.published IS NULL, a.published, e.article_id, e.seq",
        [json_list(first_ids)],
    ).fetchall()
    for row in rows:
        event = EventRow(*row)
        if event.value in entries:  # a summary a little behind its events never breaks the timeline
            entries[event.value].events.append(event)
    return _in_order(entries.values())


#: Events per date kept in the stored timeline summary (what the app's whole timeline shows).
SUMMARY_EVENTS_PER_DATE = 40

# (value, granularity, day_first, total, outlets, notes, ids of the first events, events by role)
_Summary = tuple[str, str, str | None, int, list[str], list[str], list[int], dict[str, int] | None]


def _summaries(db: sqlite_utils.Database, where: list[str], params: list, per_entry: int) -> list[_Summary]:
    """Per date: its events counted, its outlets and notes, the ids of its first events, its
    events counted by role."""
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    # Plain scans of the events table where possible: joining every event to its (large)
    # article row is what makes a long timeline slow to open.
    found: dict[str, list] = {}
    for value, granularity, first, total, notes in db.execute(
        "SELECT value, min(granularity), min(day_first), count(*), json_group_array(DISTINCT disagreement) "
        f"FROM events{clause} GROUP BY value",
        params,
    ).fetchall():
        found[value] = [value, granularity, first, total, [], distinct_notes(json.loads(notes)), [], {}]
    for value, outlets in db.execute(
        "SELECT o.value, json_group_array(o.outlet) FROM (SELECT DISTINCT e.value, "
        "coalesce(a.outlet, ?) AS outlet FROM events e JOIN articles a ON a.id = e.article_id"
        f"{clause.replace('article_id', 'e.article_id').replace('day_', 'e.day_')}) o GROUP BY o.value",
        [UNKNOWN_OUTLET, *params],
    ).fetchall():
        found[value][4] = sorted(json.loads(outlets))
    for value, event_id in db.execute(
        "SELECT value, id FROM (SELECT value, id, row_number() OVER (PARTITION BY value ORDER BY article_id, seq) AS n "
        f"FROM events{clause}) WHERE n <= ?",
        [*params, per_entry],
    ).fetchall():
        found[value][6].append(event_id)
    for value, role, total in db.execute(
        f"SELECT value, coalesce(role, 'story'), count(*) FROM events{clause} GROUP BY 1, 2", params
    ).fetchall():
        found[value][7][role] = total
    return [tuple(item) for item in found.values()]  # type: ignore[misc]


def _stored_summaries(db: sqlite_utils.Database, per_entry: int) -> list[_Summary] | None:
    """The summaries the last index run stored, or None when they cannot stand in for a count
    (not stored yet, fewer events per date than asked for, or work still owed)."""
    if per_entry > SUMMARY_EVENTS_PER_DATE or has_owed(db):
        return None
    if get_meta(db, SUMMARY_KEY) != "current":
        return None
    return [
        (
            value, granularity, first, total, json.loads(outlets), distinct_notes(json.loads(notes)), json.loads(ids),
            json.loads(roles) if roles else None,
        )
        for value, granularity, first, total, outlets, notes, ids, roles in db.execute(
            "SELECT value, granularity, day_first, total, outlets, notes, first_ids, roles FROM timeline_dates"
        )
    ]


def store_timeline_summary(db: sqlite_utils.Database) -> None:
    """Count the whole timeline once and store it, so the app opens without counting (caller
    owns the transaction; the indexer calls this after linking events)."""
    db.execute("DELETE FROM timeline_dates")
    db.conn.executemany(
        "INSERT INTO timeline_dates (value, granularity, day_first, total, outlets, notes, first_ids, roles) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (value, granularity, first, total, json.dumps(outlets), json.dumps(notes), json.dumps(ids), json.dumps(roles))
            for value, granularity, first, total, outlets, notes, ids, roles in _summaries(
                db, [FIRST_OF_SENTENCE], [], SUMMARY_EVENTS_PER_DATE
            )
        ],
    )
    set_meta(db, SUMMARY_KEY, "current")


def _in_order(entries) -> list[TimelineEntry]:
    return sorted(entries, key=lambda e: (e.day_first or "9999", _granularity_rank(e.granularity), e.value))


def _granularity_rank(granularity: str) -> int:
    # Wider spans first when they start on the same day: a year before its first month.
    return {"span": 0, "year": 1, "month": 2, "week": 3, "day": 4}.get(granularity, 5)
