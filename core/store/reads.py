"""Reading a briefing: sources, speakers, quotes and events as small rows for the CLI and the app."""

from __future__ import annotations

import dataclasses
import json

import sqlite_utils
from briefing.core.models import UNKNOWN_OUTLET
from briefing.core.store.database import get_meta, set_meta
from briefing.core.store.rows import Counts, EventRow, Fragment, QuoteRow, Source, SpeakerCount
from briefing.core.store.schema import MOST_QUOTED_KEY

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
    return [Source(*r) for r in db.execute(sql, [json_list(ids)]).fetchall()]


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


def like_pattern(text: str) -> str:
    """`text` for a LIKE pattern, matching itself only: its % and _ are not wildcards (ESCAPE '\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


#: Largest id SQLite can hold: a longer number given as a source is a name, never an id.
_MAX_ID = 2**63 - 1


def find_source(db: sqlite_utils.Database, ref: str) -> Source | None:
    """A source by id, path, or file name (the name exactly: "a_b.txt" is not "axb.txt")."""
    if ref.isascii() and ref.isdigit() and int(ref) <= _MAX_ID:
        found = get_source(db, int(ref))
        if found:
            return found
    row = db.execute(
        _SOURCE_SQL + " WHERE a.path = ? OR a.path LIKE ? ESCAPE '\\' ORDER BY length(a.path) LIMIT 1",
        [ref, "%/" + like_pattern(ref)],
    ).fetchone()
    return Source(*row) if row else None


def article_text(db: sqlite_utils.Database, article_id: int) -> str:
    """The stored text of an article (exactly as decoded at ingest)."""
    row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    return row[0] if row else ""


_QUOTE_SQL = """
SELECT q.id, q.article_id, q.seq, q.start, q."end", q.text, q.kind, q.cue, q.speaker,
       q.speaker_as_written, q.attribution, q.group_name, q.statement_id, a.outlet, a.published, a.path,
       (SELECT p.id FROM quotes p WHERE p.article_id = q.article_id AND p.seq = q.parent_seq)
FROM quotes q JOIN articles a ON a.id = q.article_id
"""

#: SQL on quotes (alias q): the quote is not a fragment shown with its statement, one in the same
#: article with the same speaker (a fragment put in another mouth stays a quote of its own).
_NOT_SHOWN_WITH_STATEMENT = (
    "(q.parent_seq IS NULL OR NOT EXISTS (SELECT 1 FROM quotes p WHERE p.article_id = q.article_id "
    "AND p.seq = q.parent_seq AND p.speaker = q.speaker))"
)


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
    statements: bool = False,
) -> list[QuoteRow]:
    """Quotes matching every filter given, oldest source first, in article order.

    `speaker` matches the canonical name or the name as written, case-insensitively (with
    `exact_speaker`, only the canonical name; otherwise also any name containing it);
    `day` keeps quotes from articles published that day; `ids` keeps the given quotes in
    that order (search results). With `statements`, a fragment is left out when its statement
    (same article, same speaker) is there to carry it. Every row carries its own fragments.
    """
    if ids is not None and not ids:
        return []
    where, params = quote_filters(speaker, group, article_id, day, ids, exact_speaker)
    if statements:
        where.append(_NOT_SHOWN_WITH_STATEMENT)
    # The quote's copy of its article's date: the speaker and group indexes hold this order.
    order = "q.published IS NULL, q.published, q.article_id, q.seq"
    sql = _QUOTE_SQL + (" WHERE " + " AND ".join(where) if where else "") + f" ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    found = db.execute(sql, params).fetchall()
    # Each row made once, with its fragments: thousands of rows are read on every search key.
    fragments = _fragments(db, {r[1] for r in found})
    rows = [QuoteRow(*r[:-1], parent_id=r[-1], fragments=fragments.get((r[1], r[2], r[8]), ())) for r in found]
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
    statements: bool = False,
) -> int:
    """How many quotes `list_quotes` would return for the same filters (without a limit)."""
    where, params = quote_filters(speaker, group, article_id, day, None, exact_speaker)
    if statements:
        where.append(_NOT_SHOWN_WITH_STATEMENT)
    # Every filter is on the quotes themselves: counting stays on their indexes.
    sql = "SELECT count(*) FROM quotes q" + (" WHERE " + " AND ".join(where) if where else "")
    return db.execute(sql, params).fetchone()[0]


def quote_filters(speaker, group, article_id, day, ids, exact_speaker) -> tuple[list[str], list]:
    """SQL conditions on quotes (alias q) and their parameters for the filters given (see `list_quotes`)."""
    where, params = [], []
    if speaker and exact_speaker:
        where.append("q.speaker = ?")
        params.append(speaker)
    elif speaker:
        where.append(
            "(q.speaker = ? COLLATE NOCASE OR q.speaker_as_written = ? COLLATE NOCASE OR q.speaker LIKE ? ESCAPE '\\')"
        )
        params += [speaker, speaker, f"%{like_pattern(speaker)}%"]
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
        params.append(json_list(ids))
    return where, params


def json_list(ids: list[int]) -> str:
    """Ids as one JSON array: any number of them is one SQL parameter (read with json_each)."""
    return "[" + ",".join(str(int(i)) for i in ids) + "]"


def _with_also_in(db: sqlite_utils.Database, rows: list[QuoteRow]) -> list[QuoteRow]:
    statements = sorted({q.statement_id for q in rows if q.statement_id is not None})
    if not statements:
        return rows
    outlets: dict[int, list[tuple[int, str]]] = {}
    for sid, article_id, outlet in db.execute(
        "SELECT DISTINCT q.statement_id, q.article_id, coalesce(a.outlet, ?) "
        "FROM quotes q JOIN articles a ON a.id = q.article_id "
        "WHERE q.statement_id IN (SELECT value FROM json_each(?))",
        [UNKNOWN_OUTLET, json_list(statements)],
    ).fetchall():
        outlets.setdefault(sid, []).append((article_id, outlet))
    result = []
    for q in rows:
        if q.statement_id is None:
            result.append(q)
            continue
        others = tuple(sorted({o for aid, o in outlets.get(q.statement_id, []) if aid != q.article_id}))
        result.append(dataclasses.replace(q, also_in=others))
    return result


def _fragments(db: sqlite_utils.Database, article_ids: set[int]) -> dict[tuple[int, int, str], tuple[Fragment, ...]]:
    """The fragments of these articles' quotes by (article id, statement's seq, speaker), in text order."""
    if not article_ids:
        return {}
    found: dict[tuple[int, int, str], list[Fragment]] = {}
    # Every fragment of the articles (an index range each), matched to its statement by the caller.
    for article_id, parent_seq, speaker, fid, start, end, text in db.execute(
        'SELECT f.article_id, f.parent_seq, f.speaker, f.id, f.start, f."end", f.text FROM quotes f '
        "WHERE f.article_id IN (SELECT value FROM json_each(?)) AND f.parent_seq IS NOT NULL ORDER BY f.start, f.seq",
        [json_list(sorted(article_ids))],
    ).fetchall():
        found.setdefault((article_id, parent_seq, speaker), []).append(Fragment(fid, start, end, text))
    return {key: tuple(items) for key, items in found.items()}


EVENT_SQL = """
SELECT e.id, e.article_id, e.start, e."end", e.expression, e.value, e.granularity, e.anchor, e.rule,
       e.sentence, e.day_first, e.day_last, e.cluster_id, e.disagreement, a.outlet, a.published, a.path,
       coalesce(e.role, 'story')
FROM events e JOIN articles a ON a.id = e.article_id
"""

#: SQL on the events table: the event is the first of its article to date its sentence to its
#: value (see schema.EVENT_COLUMNS, `repeats`); the timeline lists only those.
FIRST_OF_SENTENCE = "coalesce(repeats, 0) = 0"


def list_events(
    db: sqlite_utils.Database,
    *,
    article_id: int | None = None,
    day: str | None = None,
    limit: int | None = None,
    once_per_sentence: bool = False,
) -> list[EventRow]:
    """Events oldest first; `day` keeps events whose value covers that ISO day.

    With `once_per_sentence`, a sentence dated twice to one value by its article is read once.
    """
    where, params = [], []
    if once_per_sentence:
        where.append("coalesce(e.repeats, 0) = 0")
    if article_id is not None:
        where.append("e.article_id = ?")
        params.append(article_id)
    if day:
        where.append("e.day_first <= ? AND e.day_last >= ?")
        params += [day, day]
    sql = (
        EVENT_SQL
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY e.day_first IS NULL, e.day_first, e.day_last, a.published, e.article_id, e.seq"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [EventRow(*r) for r in db.execute(sql, params).fetchall()]


def list_speakers(db: sqlite_utils.Database, *, hidden: bool = False) -> list[SpeakerCount]:
    """Every speaker with their quote count (as their column counts: a fragment is its statement's),
    most quoted first; those the settings hide only with `hidden`."""
    rows = db.execute(
        "SELECT s.name, s.group_name, s.is_focus, count(q.id) AS n, coalesce(s.kind, ''), coalesce(s.hidden, 0) "
        f"FROM speakers s LEFT JOIN quotes q ON q.speaker_id = s.id AND {_NOT_SHOWN_WITH_STATEMENT} "
        + ("" if hidden else "WHERE coalesce(s.hidden, 0) = 0 ")
        + "GROUP BY s.id ORDER BY n DESC, s.name"
    ).fetchall()
    return [SpeakerCount(r[0], r[1], bool(r[2]), r[3], r[4], bool(r[5])) for r in rows]


def speaker_kinds(db: sqlite_utils.Database, names: list[str]) -> dict[str, str]:
    """The kind of each of these speakers (person, organisation, group, description), by name."""
    return dict(
        db.execute(
            "SELECT name, coalesce(kind, '') FROM speakers WHERE name IN (SELECT value FROM json_each(?))",
            [json.dumps(names)],
        ).fetchall()
    )


def speaker_exists(db: sqlite_utils.Database, name: str) -> bool:
    """True when `name` is a canonical speaker of the briefing."""
    return db.execute("SELECT 1 FROM speakers WHERE name = ?", [name]).fetchone() is not None


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
    """Count which groups or speakers are most quoted (what `most_quoted` reads, stored): named
    speakers, not descriptions ("officials", "the report") nor those the settings hide, unless
    the briefing has nothing else."""
    groups = quote_groups(db)
    left_out = {
        name
        for name, kind, hidden in db.execute("SELECT name, coalesce(kind, ''), coalesce(hidden, 0) FROM speakers")
        if hidden or kind == "description"
    }
    ranked = list_groups(db)
    named = [(name, n) for name, n in ranked if name in groups or name not in left_out]
    return [(name, name in groups) for name, _n in (named or ranked)[:count]]


def store_most_quoted(db: sqlite_utils.Database) -> None:
    """Count the most quoted and store them for `most_quoted` (caller owns the transaction): every
    app start reads them, and counting a large briefing's quotes there would hold it up."""
    set_meta(db, MOST_QUOTED_KEY, json.dumps(count_most_quoted(db)))


def quote_groups(db: sqlite_utils.Database) -> set[str]:
    """The groups (columns of the settings) that have quotes."""
    return {g for (g,) in db.execute("SELECT DISTINCT group_name FROM quotes WHERE group_name IS NOT NULL")}


def list_groups(db: sqlite_utils.Database) -> list[tuple[str, int]]:
    """Quote groups (columns) with their quote counts (as the columns count), most quoted first."""
    return [
        (r[0], r[1])
        for r in db.execute(
            f"SELECT coalesce(q.group_name, q.speaker), count(*) AS n FROM quotes q WHERE q.speaker != '' "
            f"AND {_NOT_SHOWN_WITH_STATEMENT} GROUP BY coalesce(q.group_name, q.speaker) ORDER BY n DESC"
        ).fetchall()
    ]
