"""What linking across sources reads (quotes, events with their sentences) and the links it writes back."""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterator

import sqlite_utils
from briefing.core.models import EventText, QuoteText

#: Events whose date is a day, a week or a span of at most a week (a weekend): SQL over `events e`.
SHORT_EVENT = (
    "e.day_first IS NOT NULL AND (e.granularity IN ('day', 'week') OR (e.granularity = 'span' "
    "AND coalesce(julianday(e.day_last) - julianday(e.day_first) <= 7, 0)))"
)


def quote_texts(db: sqlite_utils.Database) -> Iterator[QuoteText]:
    """Every quote with its article's date, in id order (read as it is consumed)."""
    cursor = db.execute(
        "SELECT q.id, q.article_id, q.text, a.published FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY q.id"
    )
    return map(QuoteText._make, cursor)


def save_statement_ids(db: sqlite_utils.Database, statement_of: dict[int, int]) -> None:
    """Give the quotes in `statement_of` their statement id and every other quote none, in one
    transaction; quotes whose id is already right are not written."""
    current = dict(db.execute("SELECT id, statement_id FROM quotes WHERE statement_id IS NOT NULL").fetchall())
    updates = [(sid, qid) for qid, sid in statement_of.items() if current.get(qid) != sid]
    clears = [(qid,) for qid in current if qid not in statement_of]
    with db.conn:
        db.conn.executemany("UPDATE quotes SET statement_id = NULL WHERE id = ?", clears)
        db.conn.executemany("UPDATE quotes SET statement_id = ? WHERE id = ?", updates)


_EVENT_TEXT_SQL = """
SELECT e.id, e.article_id, e.value, e.granularity, e.day_first, e.day_last, e.sentence,
       e.sentence_start, e.sentence_end, a.outlet, a.path, e.start, e."end"
FROM events e JOIN articles a ON a.id = e.article_id
"""


class _ArticleTexts:
    """Article texts, each read once while events are read (the last few kept).

    An event's sentence and what follows it are sliced here, not in SQL: substr() over an
    article's text reads the whole text and walks it to the offset for every event, which made
    an article's events cost its length each (a 10 MB article's took 88 s and 1 GB).
    """

    def __init__(self, db: sqlite_utils.Database, keep: int = 16) -> None:
        self.db, self.keep = db, keep
        self.texts: OrderedDict[int, str] = OrderedDict()

    def get(self, article_id: int) -> str:
        if article_id in self.texts:
            self.texts.move_to_end(article_id)
        else:
            row = self.db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
            self.texts[article_id] = row[0] if row else ""
            if len(self.texts) > self.keep:
                self.texts.popitem(last=False)
        return self.texts[article_id]


def _event_text(row: tuple, texts: _ArticleTexts, following: int) -> EventText:
    """An event row with its article's text from the start of its sentence, `following` characters past its end."""
    start, end = row[7], row[8]
    after = None
    if start is not None and end is not None and 0 <= start < end:
        after = texts.get(row[1])[start : end + following]
    return EventText(*row, after)


def short_event_days(db: sqlite_utils.Database) -> list[str]:
    """The first days of the short-dated events (see `SHORT_EVENT`), each once."""
    return [r[0] for r in db.execute(f"SELECT DISTINCT e.day_first FROM events e WHERE {SHORT_EVENT}")]


def short_events_of_week(db: sqlite_utils.Database, monday: str, sunday: str, following: int) -> list[EventText]:
    """The short-dated events beginning between `monday` and `sunday` (ISO days), in id order,
    each with `following` characters of text after its sentence."""
    rows = db.execute(
        _EVENT_TEXT_SQL + f" WHERE {SHORT_EVENT} AND e.day_first >= ? AND e.day_first <= ? ORDER BY e.id",
        [monday, sunday],
    ).fetchall()
    texts = _ArticleTexts(db)
    return [_event_text(row, texts, following) for row in rows]


def long_events(db: sqlite_utils.Database, values: set[str] | None, following: int) -> Iterator[EventText]:
    """The events dated by a month, a year or a long span, in value order, then id: all of them,
    or those with one of `values` (read as they are consumed, from the first one asked for)."""
    where = f"NOT ({SHORT_EVENT})"
    params: list = []
    if values is not None:
        where += " AND e.value IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(sorted(values)))
    texts = _ArticleTexts(db)
    for row in db.execute(_EVENT_TEXT_SQL + f" WHERE {where} ORDER BY e.value, e.id", params):
        yield _event_text(row, texts, following)


def save_event_links(db: sqlite_utils.Database, links: list[tuple[int, str | None, int]]) -> None:
    """Write (cluster id, disagreement note, event id) for each event (caller owns the transaction)."""
    if links:
        db.conn.executemany("UPDATE events SET cluster_id = ?, disagreement = ? WHERE id = ?", links)
