"""Work an index run owes the briefing as a whole: dating undated articles, linking across sources.

It is written in the same transaction as the articles that caused it and cleared only once done,
so a run killed before its briefing-wide steps is finished by the next run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import sqlite_utils
from briefing.core.models import ParsedArticle
from briefing.core.store.links import SHORT_EVENT
from briefing.core.store.schema import (
    OWED_ALL_LINKS,
    OWED_DATE,
    OWED_IDENTITY,
    OWED_NAMES,
    OWED_STATEMENTS,
    OWED_VALUE,
    OWED_WEEK,
)


def owe_date(db: sqlite_utils.Database, path: str) -> None:
    """Owe the dating of an article with no date of its own, once the whole run is in."""
    db.execute("INSERT OR IGNORE INTO owed (kind, key) VALUES (?, ?)", [OWED_DATE, path])


def owe_links(db: sqlite_utils.Database, article_id: int) -> None:
    """Owe the relinking of an article's statements and of the weeks and dates its events are on
    (called for the events it has before a change and those it has after)."""
    db.execute("INSERT OR IGNORE INTO owed (kind, key) VALUES (?, '')", [OWED_STATEMENTS])
    db.execute(
        "INSERT OR IGNORE INTO owed (kind, key) SELECT DISTINCT CASE WHEN " + SHORT_EVENT + " THEN ? ELSE ? END, "
        "CASE WHEN " + SHORT_EVENT + " THEN date(e.day_first, '-6 days', 'weekday 1') ELSE e.value END "
        "FROM events e WHERE e.article_id = ?",
        [OWED_WEEK, OWED_VALUE, article_id],
    )


def owe_identity(db: sqlite_utils.Database, article_id: int | None) -> None:
    """Owe naming the speakers again: after reading the clues of an article written, or (None) only
    naming again, as when an article was removed."""
    if article_id is None:
        db.execute("INSERT OR IGNORE INTO owed (kind, key) VALUES (?, '')", [OWED_NAMES])
    else:
        db.execute("INSERT OR IGNORE INTO owed (kind, key) VALUES (?, ?)", [OWED_IDENTITY, str(article_id)])


@dataclass(frozen=True)
class OwedIdentity:
    """Naming owed: whether at all, and whose clues to read first (every article's, or some)."""

    owed: bool = False
    every_article: bool = False
    article_ids: frozenset[int] = frozenset()


def owed_identity(db: sqlite_utils.Database) -> OwedIdentity:
    """What naming the speakers again is owed."""
    rows = db.execute("SELECT kind, key FROM owed WHERE kind IN (?, ?)", [OWED_IDENTITY, OWED_NAMES]).fetchall()
    keys = [key for kind, key in rows if kind == OWED_IDENTITY]
    return OwedIdentity(
        owed=bool(rows),
        every_article="" in keys,
        article_ids=frozenset(int(key) for key in keys if key.isdigit()),
    )


def has_owed(db: sqlite_utils.Database) -> bool:
    """True when any briefing-wide work is owed."""
    return db.execute("SELECT 1 FROM owed LIMIT 1").fetchone() is not None


@dataclass(frozen=True)
class StoredArticle:
    """An article read back from the store to be extracted again, with where its row came from."""

    article: ParsedArticle
    id: int
    file: str
    content_hash: str


def articles_owed_a_date(db: sqlite_utils.Database) -> list[StoredArticle]:
    """The stored articles owed a date, in the order they were owed."""
    found = []
    for (path,) in db.execute("SELECT key FROM owed WHERE kind = ? ORDER BY rowid", [OWED_DATE]).fetchall():
        row = db.execute(
            "SELECT path, file, content_hash, text, body_start, body_end, outlet, title, byline, place, url, "
            "captured, copyright_year, format, id FROM articles WHERE path = ?",
            [path],
        ).fetchone()
        if row is None:
            continue  # removed since
        article = ParsedArticle(
            path=row[0], text=row[3], body_start=row[4], body_end=row[5], outlet=row[6], title=row[7],
            byline=row[8], place=row[9], url=row[10], captured=row[11], copyright_year=row[12], format=row[13],
        )
        found.append(StoredArticle(article, row[14], row[1], row[2]))
    return found


@dataclass(frozen=True)
class OwedLinks:
    """The links across sources owed: everything, or the statements and the events of some weeks and dates."""

    everything: bool = False
    statements: bool = False
    #: ISO Mondays of the weeks whose short-dated events changed.
    weeks: set[dt.date] = field(default_factory=set)
    #: Long date values (months, years, long spans) whose events changed.
    values: set[str] = field(default_factory=set)


def owed_links(db: sqlite_utils.Database) -> OwedLinks:
    """What linking is owed."""
    rows = db.execute("SELECT kind, key FROM owed WHERE kind NOT IN (?, ?, ?)", [OWED_DATE, OWED_IDENTITY, OWED_NAMES]).fetchall()
    return OwedLinks(
        everything=any(kind == OWED_ALL_LINKS for kind, _key in rows),
        statements=any(kind == OWED_STATEMENTS for kind, _key in rows),
        weeks={dt.date.fromisoformat(key) for kind, key in rows if kind == OWED_WEEK},
        values={key for kind, key in rows if kind == OWED_VALUE},
    )


def clear_owed(db: sqlite_utils.Database) -> None:
    """Forget the owed work: it is done (caller owns the transaction)."""
    db.execute("DELETE FROM owed")
