"""Reading a briefing: sources, speakers, quotes and events as small rows for the CLI and the app."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

import sqlite_utils
from briefing.core.models import WEAK_ATTRIBUTIONS, distinct_notes
from briefing.core.store.database import get_meta, set_meta


@dataclass(frozen=True)
class Source:
    """An indexed article with its metadata and counts."""

    id: int
    path: str
    outlet: str | None
    title: str | None
    byline: str | None
    place: str | None
    url: str | None
    published: str | None
    published_source: str
    published_reason: str | None
    captured: str | None
    words: int
    quotes: int = 0
    events: int = 0

    @property
    def inferred(self) -> bool:
        """True when the publication date was inferred rather than given."""
        return self.published_source == "inferred"

    @property
    def label(self) -> str:
        """Outlet, or 'unknown outlet'."""
        return self.outlet or "unknown outlet"

    def to_dict(self) -> dict:
        """Plain dict for JSON."""
        return asdict(self)


@dataclass(frozen=True)
class QuoteRow:
    """A stored quote with its source's outlet and date."""

    id: int
    article_id: int
    seq: int
    start: int
    end: int
    text: str
    kind: str
    cue: str
    speaker: str
    speaker_as_written: str
    attribution: str
    group: str | None
    statement_id: int | None
    outlet: str | None
    published: str | None
    path: str
    #: Outlets of other articles that carry the same statement.
    also_in: tuple[str, ...] = ()

    @property
    def weak(self) -> bool:
        """True when the speaker was found only by pronoun, continuation or not at all."""
        return self.attribution in WEAK_ATTRIBUTIONS

    def to_dict(self) -> dict:
        """Plain dict for JSON."""
        data = asdict(self)
        data["also_in"] = list(self.also_in)
        return data


@dataclass(frozen=True)
class EventRow:
    """A stored dated event with its source."""

    id: int
    article_id: int
    start: int
    end: int
    expression: str
    value: str
    granularity: str
    anchor: str | None
    rule: str
    sentence: str
    day_first: str | None
    day_last: str | None
    cluster_id: int | None
    disagreement: str | None
    outlet: str | None
    published: str | None
    path: str

    def to_dict(self) -> dict:
        """Plain dict for JSON."""
        return asdict(self)


@dataclass(frozen=True)
class SpeakerCount:
    """A speaker with how many quotes the briefing has from them."""

    name: str
    group: str | None
    is_focus: bool
    quotes: int


@dataclass
class Counts:
    """Totals for the header."""

    sources: int = 0
    quotes: int = 0
    events: int = 0
    speakers: int = 0


_SOURCE_SQL = """
SELECT a.id, a.path, a.outlet, a.title, a.byline, a.place, a.url, a.published,
       a.published_source, a.published_reason, a.captured, a.words,
       (SELECT count(*) FROM quotes q WHERE q.article_id = a.id),
       (SELECT count(*) FROM events e WHERE e.article_id = a.id)
FROM articles a
"""


def counts(db: sqlite_utils.Database) -> Counts:
    """How many sources, quotes, events and speakers the briefing holds."""
    row = db.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM quotes), "
        "(SELECT count(*) FROM events), (SELECT count(*) FROM speakers)"
    ).fetchone()
    return Counts(*row)


_SOURCES_SQL = """
SELECT a.id, a.path, a.outlet, a.title, a.byline, a.place, a.url, a.published,
       a.published_source, a.published_reason, a.captured, a.words,
       coalesce(q.n, 0), coalesce(e.n, 0)
FROM articles a
LEFT JOIN (SELECT article_id, count(*) AS n FROM quotes GROUP BY article_id) q ON q.article_id = a.id
LEFT JOIN (SELECT article_id, count(*) AS n FROM events GROUP BY article_id) e ON e.article_id = a.id
"""


#: Sources oldest first (undated last), then by outlet: the order idx_articles_order holds.
_SOURCE_ORDER = " ORDER BY a.published IS NULL, a.published, a.outlet, a.path"


def list_sources(db: sqlite_utils.Database, *, limit: int | None = None, offset: int = 0) -> list[Source]:
    """Sources oldest first (undated last), then by outlet."""
    # All of them: counts grouped once, not a pair of sub-queries per article. A page: a pair
    # of index look-ups per article beats grouping every quote of the briefing.
    sql = (_SOURCES_SQL + _SOURCE_ORDER) if limit is None else (_SOURCE_SQL + _SOURCE_ORDER + " LIMIT ? OFFSET ?")
    params: list = [] if limit is None else [limit, offset]
    return [Source(*r) for r in db.execute(sql, params).fetchall()]


def sources_with_ids(db: sqlite_utils.Database, ids: list[int]) -> list[Source]:
    """The sources with these ids, in `list_sources` order."""
    if not ids:
        return []
    sql = _SOURCES_SQL + " WHERE a.id IN (SELECT value FROM json_each(?))" + _SOURCE_ORDER
    return [Source(*r) for r in db.execute(sql, [_json_list(ids)]).fetchall()]


def inferred_source_ids(db: sqlite_utils.Database) -> set[int]:
    """Ids of the sources whose publication date was inferred."""
    return {r[0] for r in db.execute("SELECT id FROM articles WHERE published_source = 'inferred'")}


def earliest_published(db: sqlite_utils.Database) -> str | None:
    """The earliest publication date in the briefing (an index look-up)."""
    return db.execute("SELECT min(published) FROM articles WHERE published IS NOT NULL").fetchone()[0]


def get_source(db: sqlite_utils.Database, article_id: int) -> Source | None:
    """One source by id."""
    row = db.execute(_SOURCE_SQL + " WHERE a.id = ?", [article_id]).fetchone()
    return Source(*row) if row else None


def find_source(db: sqlite_utils.Database, ref: str) -> Source | None:
    """A source by id, path, or file name."""
    if ref.isdigit():
        found = get_source(db, int(ref))
        if found:
            return found
    row = db.execute(
        _SOURCE_SQL + " WHERE a.path = ? OR a.path LIKE ? ORDER BY length(a.path) LIMIT 1",
        [ref, f"%/{ref}"],
    ).fetchone()
    return Source(*row) if row else None


def article_text(db: sqlite_utils.Database, article_id: int) -> str:
    """The stored text of an article (exactly as decoded at ingest)."""
    row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    return row[0] if row else ""


_QUOTE_SQL = """
SELECT q.id, q.article_id, q.seq, q.start, q."end", q.text, q.kind, q.cue, q.speaker,
       q.speaker_as_written, q.attribution, q.group_name, q.statement_id, a.outlet, a.published, a.path
FROM quotes q JOIN articles a ON a.id = q.article_id
"""


def list_quotes(
    db: sqlite_utils.Database,
    *,
    speaker: str | None = None,
    group: str | None = None,
    article_id: int | None = None,
    day: str | None = None,
    ids: list[int] | None = None,
    limit: int | None = None,
    exact_speaker: bool = False,
) -> list[QuoteRow]:
    """Quotes matching every filter given, oldest source first, in article order.

    `speaker` matches the canonical name or the name as written, case-insensitively (with
    `exact_speaker`, only the canonical name; otherwise also any name containing it);
    `day` keeps quotes from articles published that day; `ids` keeps the given quotes in
    that order (search results).
    """
    if ids is not None and not ids:
        return []
    where, params = _quote_filters(speaker, group, article_id, day, ids, exact_speaker)
    # The quote's copy of its article's date: the speaker and group indexes hold this order.
    order = "q.published IS NULL, q.published, q.article_id, q.seq"
    sql = _QUOTE_SQL + (" WHERE " + " AND ".join(where) if where else "") + f" ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    rows = [QuoteRow(*r) for r in db.execute(sql, params).fetchall()]
    if ids is not None:
        position = {qid: n for n, qid in enumerate(ids)}
        rows.sort(key=lambda q: position.get(q.id, 0))
    return _with_also_in(db, rows)


def count_quotes(
    db: sqlite_utils.Database,
    *,
    speaker: str | None = None,
    group: str | None = None,
    article_id: int | None = None,
    day: str | None = None,
    exact_speaker: bool = False,
) -> int:
    """How many quotes `list_quotes` would return for the same filters (without a limit)."""
    where, params = _quote_filters(speaker, group, article_id, day, None, exact_speaker)
    # Every filter is on the quotes themselves: counting stays on their indexes.
    sql = "SELECT count(*) FROM quotes q" + (" WHERE " + " AND ".join(where) if where else "")
    return db.execute(sql, params).fetchone()[0]


def _quote_filters(speaker, group, article_id, day, ids, exact_speaker) -> tuple[list[str], list]:
    where, params = [], []
    if speaker and exact_speaker:
        where.append("q.speaker = ?")
        params.append(speaker)
    elif speaker:
        where.append("(q.speaker = ? COLLATE NOCASE OR q.speaker_as_written = ? COLLATE NOCASE OR q.speaker LIKE ?)")
        params += [speaker, speaker, f"%{speaker}%"]
    if group:
        where.append("q.group_name = ?")
        params.append(group)
    if article_id is not None:
        where.append("q.article_id = ?")
        params.append(article_id)
    if day:
        where.append("q.published = ?")
        params.append(day)
    if ids is not None:
        where.append("q.id IN (SELECT value FROM json_each(?))")
        params.append(_json_list(ids))
    return where, params


def _json_list(ids: list[int]) -> str:
    return "[" + ",".join(str(int(i)) for i in ids) + "]"


def _with_also_in(db: sqlite_utils.Database, rows: list[QuoteRow]) -> list[QuoteRow]:
    statements = sorted({q.statement_id for q in rows if q.statement_id is not None})
    if not statements:
        return rows
    outlets: dict[int, list[tuple[int, str]]] = {}
    for sid, article_id, outlet in db.execute(
        "SELECT DISTINCT q.statement_id, q.article_id, coalesce(a.outlet, 'unknown outlet') "
        "FROM quotes q JOIN articles a ON a.id = q.article_id "
        "WHERE q.statement_id IN (SELECT value FROM json_each(?))",
        [_json_list(statements)],
    ).fetchall():
        outlets.setdefault(sid, []).append((article_id, outlet))
    result = []
    for q in rows:
        if q.statement_id is None:
            result.append(q)
            continue
        others = tuple(sorted({o for aid, o in outlets.get(q.statement_id, []) if aid != q.article_id}))
        result.append(QuoteRow(*[getattr(q, f) for f in q.__dataclass_fields__ if f != "also_in"], also_in=others))
    return result


_EVENT_SQL = """
SELECT e.id, e.article_id, e.start, e."end", e.expression, e.value, e.granularity, e.anchor, e.rule,
       e.sentence, e.day_first, e.day_last, e.cluster_id, e.disagreement, a.outlet, a.published, a.path
FROM events e JOIN articles a ON a.id = e.article_id
"""


def list_events(
    db: sqlite_utils.Database,
    *,
    article_id: int | None = None,
    day: str | None = None,
    limit: int | None = None,
) -> list[EventRow]:
    """Events oldest first; `day` keeps events whose value covers that ISO day."""
    where, params = [], []
    if article_id is not None:
        where.append("e.article_id = ?")
        params.append(article_id)
    if day:
        where.append("e.day_first <= ? AND e.day_last >= ?")
        params += [day, day]
    sql = (
        _EVENT_SQL
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY e.day_first IS NULL, e.day_first, e.day_last, a.published, e.article_id, e.seq"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [EventRow(*r) for r in db.execute(sql, params).fetchall()]


def list_speakers(db: sqlite_utils.Database) -> list[SpeakerCount]:
    """Every speaker with their quote count, most quoted first."""
    rows = db.execute(
        "SELECT s.name, s.group_name, s.is_focus, count(q.id) AS n FROM speakers s "
        "LEFT JOIN quotes q ON q.speaker_id = s.id GROUP BY s.id ORDER BY n DESC, s.name"
    ).fetchall()
    return [SpeakerCount(r[0], r[1], bool(r[2]), r[3]) for r in rows]


def speaker_exists(db: sqlite_utils.Database, name: str) -> bool:
    """True when `name` is a canonical speaker of the briefing."""
    return db.execute("SELECT 1 FROM speakers WHERE name = ?", [name]).fetchone() is not None


#: Meta key of the most quoted groups and speakers, kept by the indexer (see `most_quoted`).
MOST_QUOTED_KEY = "most_quoted"


def most_quoted(db: sqlite_utils.Database, count: int = 3) -> list[tuple[str, bool]]:
    """The `count` most quoted groups or speakers as (name, is a group), most quoted first.

    Read from what the last index run stored (counting every quote of a large briefing takes
    a while); counted afresh when it is missing or shorter than asked for.
    """
    stored = get_meta(db, MOST_QUOTED_KEY)
    if stored:
        names = [(name, bool(is_group)) for name, is_group in json.loads(stored)]
        if len(names) >= count:
            return names[:count]
    return count_most_quoted(db, max(count, 10))[:count]


def count_most_quoted(db: sqlite_utils.Database, count: int = 10) -> list[tuple[str, bool]]:
    """Count which groups or speakers are most quoted (what `most_quoted` reads, stored)."""
    groups = {g for (g,) in db.execute("SELECT DISTINCT group_name FROM quotes WHERE group_name IS NOT NULL")}
    return [(name, name in groups) for name, _n in list_groups(db)[:count]]


def list_groups(db: sqlite_utils.Database) -> list[tuple[str, int]]:
    """Quote groups (columns) with their quote counts, most quoted first."""
    return [
        (r[0], r[1])
        for r in db.execute(
            "SELECT coalesce(group_name, speaker), count(*) AS n FROM quotes WHERE speaker != '' "
            "GROUP BY coalesce(group_name, speaker) ORDER BY n DESC"
        ).fetchall()
    ]


@dataclass
class TimelineEntry:
    """One line of the merged timeline: events from one or more sources about one date."""

    value: str
    granularity: str
    day_first: str | None
    events: list[EventRow] = field(default_factory=list)
    #: When only the first events of a date were read: how many it has in all, and the
    #: outlets and notes of all of them.
    total: int | None = None
    all_outlets: list[str] | None = None
    all_disagreements: list[str] | None = None

    @property
    def outlets(self) -> list[str]:
        """Distinct outlets reporting this entry's events."""
        if self.all_outlets is not None:
            return self.all_outlets
        return sorted({e.outlet or "unknown outlet" for e in self.events})

    @property
    def disagreements(self) -> list[str]:
        """Distinct disagreement notes among this entry's events."""
        if self.all_disagreements is not None:
            return self.all_disagreements
        return distinct_notes(e.disagreement for e in self.events)

    @property
    def hidden(self) -> int:
        """Events of this date not read (see `timeline(per_entry=…)`)."""
        return (self.total - len(self.events)) if self.total is not None else 0

    def to_dict(self) -> dict:
        """Plain dict for JSON."""
        return {
            "value": self.value,
            "granularity": self.granularity,
            "sources": self.outlets,
            "disagreements": self.disagreements,
            "events": [e.to_dict() for e in self.events],
        }


def timeline(
    db: sqlite_utils.Database,
    *,
    article_id: int | None = None,
    day: str | None = None,
    per_entry: int | None = None,
) -> list[TimelineEntry]:
    """The merged timeline: events grouped by their value, oldest first.

    With `per_entry`, only the first events of each date are read (with counts, outlets and
    disagreements of all of them): a month of coverage opens at once.
    """
    if per_entry is None:
        entries: dict[str, TimelineEntry] = {}
        for event in list_events(db, article_id=article_id, day=day):
            entry = entries.get(event.value)
            if entry is None:
                entry = entries[event.value] = TimelineEntry(event.value, event.granularity, event.day_first)
            entry.events.append(event)
        return _in_order(entries.values())
    where, params = [], []
    if article_id is not None:
        where.append("article_id = ?")
        params.append(article_id)
    if day:
        where.append("day_first <= ? AND day_last >= ?")
        params += [day, day]
    stored = None if where else _stored_summaries(db, per_entry)
    summaries = stored if stored is not None else _summaries(db, where, params, per_entry)
    entries = {}
    first_ids: list[int] = []
    for value, granularity, first, total, outlets, notes, ids in summaries:
        entries[value] = TimelineEntry(
            value, granularity, first, total=total, all_outlets=outlets, all_disagreements=notes
        )
        first_ids.extend(ids[:per_entry])
    rows = db.execute(
        _EVENT_SQL + " WHERE e.id IN (SELECT value FROM json_each(?)) "
        "ORDER BY a.published IS NULL, a.published, e.article_id, e.seq",
        [_json_list(first_ids)],
    ).fetchall()
    for row in rows:
        event = EventRow(*row)
        if event.value in entries:  # a summary a little behind its events never breaks the timeline
            entries[event.value].events.append(event)
    return _in_order(entries.values())


#: Events per date kept in the stored timeline summary (what the app's whole timeline shows).
SUMMARY_EVENTS_PER_DATE = 40

# (value, granularity, day_first, total, outlets, notes, ids of the first events)
_Summary = tuple[str, str, str | None, int, list[str], list[str], list[int]]


def _summaries(db: sqlite_utils.Database, where: list[str], params: list, per_entry: int) -> list[_Summary]:
    """Per date: its events counted, its outlets and notes, the ids of its first events."""
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    # Plain scans of the events table where possible: joining every event to its (large)
    # article row is what makes a long timeline slow to open.
    found: dict[str, list] = {}
    for value, granularity, first, total, notes in db.execute(
        "SELECT value, min(granularity), min(day_first), count(*), json_group_array(DISTINCT disagreement) "
        f"FROM events{clause} GROUP BY value",
        params,
    ).fetchall():
        found[value] = [value, granularity, first, total, [], distinct_notes(json.loads(notes)), []]
    for value, outlets in db.execute(
        "SELECT o.value, json_group_array(o.outlet) FROM (SELECT DISTINCT e.value, "
        "coalesce(a.outlet, 'unknown outlet') AS outlet FROM events e JOIN articles a ON a.id = e.article_id"
        f"{clause.replace('article_id', 'e.article_id').replace('day_', 'e.day_')}) o GROUP BY o.value",
        params,
    ).fetchall():
        found[value][4] = sorted(json.loads(outlets))
    for value, event_id in db.execute(
        "SELECT value, id FROM (SELECT value, id, row_number() OVER (PARTITION BY value ORDER BY article_id, seq) AS n "
        f"FROM events{clause}) WHERE n <= ?",
        [*params, per_entry],
    ).fetchall():
        found[value][6].append(event_id)
    return [tuple(item) for item in found.values()]  # type: ignore[misc]


def _stored_summaries(db: sqlite_utils.Database, per_entry: int) -> list[_Summary] | None:
    """The summaries the last index run stored, or None when they cannot stand in for a count
    (not stored yet, fewer events per date than asked for, or work still owed)."""
    if per_entry > SUMMARY_EVENTS_PER_DATE or db.execute("SELECT 1 FROM pending LIMIT 1").fetchone():
        return None
    if get_meta(db, SUMMARY_KEY) != "current":
        return None
    return [
        (value, granularity, first, total, json.loads(outlets), distinct_notes(json.loads(notes)), json.loads(ids))
        for value, granularity, first, total, outlets, notes, ids in db.execute(
            "SELECT value, granularity, day_first, total, outlets, notes, first_ids FROM timeline_dates"
        )
    ]


#: Meta key saying the stored timeline summary matches the events ("current").
SUMMARY_KEY = "timeline_summary"


def store_timeline_summary(db: sqlite_utils.Database) -> None:
    """Count the whole timeline once and store it, so the app opens without counting (caller
    owns the transaction; the indexer calls this after linking events)."""
    db.execute("DELETE FROM timeline_dates")
    db.conn.executemany(
        "INSERT INTO timeline_dates (value, granularity, day_first, total, outlets, notes, first_ids) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (value, granularity, first, total, json.dumps(outlets), json.dumps(notes), json.dumps(ids))
            for value, granularity, first, total, outlets, notes, ids in _summaries(db, [], [], SUMMARY_EVENTS_PER_DATE)
        ],
    )
    set_meta(db, SUMMARY_KEY, "current")


def _in_order(entries) -> list[TimelineEntry]:
    return sorted(entries, key=lambda e: (e.day_first or "9999", _granularity_rank(e.granularity), e.value))


def _granularity_rank(granularity: str) -> int:
    # Wider spans first when they start on the same day: a year before its first month.
    return {"span": 0, "year": 1, "month": 2, "week": 3, "day": 4}.get(granularity, 5)
