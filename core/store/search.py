"""Full-text search over articles and quotes: safe quoting, prefix matching, bm25, offset snippets."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, replace

import sqlite_utils

from core.errors import QueryError
from core.fold import fold
from core.store.snippets import make_snippet, query_terms
from core.textsafe import clean_text

# Markers FTS5 puts around matches in snippets. Control characters are removed from every
# stored text at ingest, so they can only come from FTS5 and are turned into offsets.
_OPEN, _CLOSE = "\x02", "\x03"
_WORDLIKE = re.compile(r"\w")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s$", re.IGNORECASE)

#: Said beside a search while an index run's articles are not in the full-text index yet: the
#: run is still going (in another process), or it was stopped and the next run finishes it.
UNSEARCHABLE = (
    "{count} article(s) cannot be found by a search yet: an index run is still going, or it stopped "
    "before it finished (then `briefing index` finishes it)."
)

#: bm25 weights: a match in the title counts ten times one in the body.
ARTICLE_WEIGHTS = (10.0, 1.0, 1.0)
QUOTE_WEIGHTS = (1.0, 2.0, 1.0)


@dataclass(frozen=True)
class Marked:
    """Text with the character ranges a search matched."""

    text: str
    marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class ArticleHit:
    """An article matching a search, with a snippet."""

    id: int
    path: str
    outlet: str | None
    title: str | None
    published: str | None
    snippet: Marked
    rank: float


def build_match(query: str, *, raw: bool = False, prefix: bool = True) -> str | None:
    """Turn what a user typed into an FTS5 MATCH expression; None when nothing is searchable.

    By default every word is quoted, so any string is a valid query, and the last word matches
    as a prefix (search as you type). With raw=True the FTS5 syntax passes through.
    """
    # Control characters (NUL ends an SQL string early) can never be in the indexed text.
    query = fold(clean_text(query))
    if raw:
        return query if query.strip() else None
    # "Vucic's" means Vucic: the possessive would otherwise become a stray "s" term.
    words = [_POSSESSIVE.sub("", w) for w in query.split()]
    words = [w for w in words if _WORDLIKE.search(w)]
    if not words:
        return None
    terms = ['"' + w.replace('"', '""') + '"' for w in words]
    if prefix and not query[-1:].isspace():
        terms[-1] += " *"
    return " ".join(terms)


def split_marks(marked: str) -> Marked:
    """Convert FTS5 marker characters into (start, end) offsets over the clean text."""
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    length = 0
    start = None
    for piece in re.split(f"([{_OPEN}{_CLOSE}])", marked):
        if piece == _OPEN:
            start = length
        elif piece == _CLOSE:
            if start is not None and length > start:
                marks.append((start, length))
            start = None
        elif piece:
            out.append(piece)
            length += len(piece)
    return Marked("".join(out), tuple(marks))


def _run(db: sqlite_utils.Database, sql: str, params: list, raw: bool):
    try:
        return db.execute(sql, params).fetchall()
    except sqlite3.OperationalError as err:
        message = str(err)
        # In raw mode any parse failure of the MATCH expression is the user's syntax
        # ("unterminated string", "fts5: syntax error", "no such column"), said in one line.
        if raw:
            raise QueryError(f"Not a valid search: {message} (FTS5 query syntax).") from None
        if "no such column" in message or "fts5" in message:
            raise QueryError(f"Not a valid search: {message}.") from None
        raise


def search_articles(
    db: sqlite_utils.Database,
    query: str,
    *,
    limit: int = 50,
    offset: int = 0,
    raw: bool = False,
    snippets: int | None = None,
) -> list[ArticleHit]:
    """Articles matching `query`, best first (bm25, title weighted over body).

    Each hit carries a snippet; with `snippets=N` only the first N do (the rest an empty one,
    see `add_snippets`): making a snippet re-reads the article, and a screen shows a few hits.
    """
    match = build_match(query, raw=raw)
    if match is None:
        return []
    weights = ", ".join(str(w) for w in ARTICLE_WEIGHTS)
    # Ranked inside FTS5 first, then only the returned rows are joined to their articles.
    rows = _run(
        db,
        f"""
        SELECT a.id, a.path, a.outlet, a.title, a.published, f.score
        FROM (SELECT rowid, bm25(articles_fts, {weights}) AS score FROM articles_fts
              WHERE articles_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?) f
        JOIN articles a ON a.id = f.rowid
        ORDER BY f.score
        """,
        [match, limit, offset],
        raw,
    )
    hits = [ArticleHit(r[0], r[1], r[2], r[3], r[4], Marked(""), r[5]) for r in rows]
    wanted = len(hits) if snippets is None else max(0, snippets)
    return add_snippets(db, query, hits[:wanted], raw=raw) + hits[wanted:]


def add_snippets(db: sqlite_utils.Database, query: str, hits: list[ArticleHit], *, raw: bool = False) -> list[ArticleHit]:
    """The hits with a snippet each: a few words around the best match, marks as offsets."""
    if not hits:
        return []
    terms = query_terms(fold(clean_text(query)), raw=raw)
    ids = json.dumps([hit.id for hit in hits])  # any number of hits: one parameter, not one each
    texts = dict(db.execute("SELECT id, text FROM articles WHERE id IN (SELECT value FROM json_each(?))", [ids]).fetchall())
    return [replace(hit, snippet=Marked(*_snippet(texts.get(hit.id) or "", terms))) for hit in hits]


def _snippet(text: str, terms) -> tuple[str, tuple[tuple[int, int], ...]]:
    snippet, marks = make_snippet(text, terms)
    return snippet, tuple(marks)


def matching_quote_ids(db: sqlite_utils.Database, query: str, *, raw: bool = False, limit: int | None = None) -> list[int]:
    """Ids of quotes matching `query`, best first."""
    match = build_match(query, raw=raw)
    if match is None:
        return []
    weights = ", ".join(str(w) for w in QUOTE_WEIGHTS)
    sql = f"SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY bm25(quotes_fts, {weights})"
    params: list = [match]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [r[0] for r in _run(db, sql, params, raw)]


def quote_marks(db: sqlite_utils.Database, query: str, quote_ids: list[int], *, raw: bool = False) -> dict[int, Marked]:
    """For each quote id, its text with the ranges `query` matched."""
    match = build_match(query, raw=raw)
    if match is None or not quote_ids:
        return {}
    result: dict[int, Marked] = {}
    # Chunked to stay under SQLite's variable limit.
    for chunk_start in range(0, len(quote_ids), 500):
        chunk = quote_ids[chunk_start : chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        rows = _run(
            db,
            f"SELECT rowid, highlight(quotes_fts, 0, '{_OPEN}', '{_CLOSE}') FROM quotes_fts "
            f"WHERE quotes_fts MATCH ? AND rowid IN ({marks})",
            [match, *chunk],
            raw,
        )
        for rowid, marked in rows:
            result[rowid] = split_marks(marked or "")
    return result


def _one_line(text: str) -> str:
    return " ".join(text.split())
