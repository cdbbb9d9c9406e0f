"""Full-text search over articles and quotes: safe quoting, prefix matching, bm25, offset snippets."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

import sqlite_utils
from briefing.core.errors import QueryError
from briefing.core.fold import fold
from briefing.core.models import outlet_label
from briefing.core.store.snippets import PHRASE_MARKS, make_snippet, query_terms
from briefing.core.store.stems import stem, tokens
from briefing.core.textsafe import clean_text

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

    @property
    def label(self) -> str:
        """The outlet, or the one name of an unknown outlet."""
        return outlet_label(self.outlet)


#: (word, is a prefix) pairs a typed prefix is searched as (see `prefix_alternatives`).
Alternatives = list[tuple[str, bool]]

#: More alternatives than this and a typed prefix is left to FTS5's own prefix query.
MAX_PREFIX_ALTERNATIVES = 64


def prefix_alternatives(db: sqlite_utils.Database, token: str) -> Alternatives | None:
    """What finds every word of the briefing beginning with `token` (one unstemmed index word).

    The index holds porter stems, and FTS5 stems a prefix query's prefix too: "witnes*" looks
    for stems beginning "witn", but "witness" is stored as "wit"; "witnesses*" becomes "wit*",
    which "with" matches. So the briefing's vocabulary (schema.WORDS_SQL) gives the stems of
    the words beginning with `token`: a stem beginning with `token` is found by a prefix query
    where FTS5 leaves the prefix as it is, any other by a word that has it. None leaves the
    prefix query to FTS5: for words under three letters (porter leaves them alone, so FTS5 is
    exact), a vocabulary that is not complete (articles written by a run that has not ended,
    or an older database opened read-only), or a prefix with very many alternatives.
    """
    if len(token) < 3:
        return None
    try:
        if db.execute("SELECT 1 FROM words_pending LIMIT 1").fetchone():
            return None
        rows = db.execute(
            "SELECT word, stem FROM words WHERE word >= ? AND word < ?", [token, token + "\U0010ffff"]
        ).fetchall()
    except sqlite3.OperationalError:
        return None
    if not rows:
        # No word of the briefing begins so: the word as typed still finds its own forms.
        return [(token, False)]
    word_of: dict[str, str] = {}
    for word, word_stem in rows:
        if word_stem not in word_of or len(word) < len(word_of[word_stem]):
            word_of[word_stem] = word
    if stem(token) == token:
        heads = [token]
    else:
        # The typed letters are stemmed ("res" to "re"): one letter more is a prefix left alone.
        heads = sorted({s[: len(token) + 1] for s in word_of if s.startswith(token) and len(s) > len(token)})
    alternatives: Alternatives = []
    covered: set[str] = set()
    for head in heads:
        if stem(head) == head:
            alternatives.append((head, True))
            covered.update(s for s in word_of if s.startswith(head))
    alternatives += [(word_of[s], False) for s in sorted(word_of) if s not in covered]
    return alternatives if len(alternatives) <= MAX_PREFIX_ALTERNATIVES else None


def match_for(db: sqlite_utils.Database, query: str, *, raw: bool = False) -> str | None:
    """The MATCH expression a search of `db` runs for `query` (`build_match` with its vocabulary)."""
    return build_match(query, raw=raw, alternatives=partial(prefix_alternatives, db))


def build_match(
    query: str,
    *,
    raw: bool = False,
    prefix: bool = True,
    alternatives: Callable[[str], Alternatives | None] | None = None,
) -> str | None:
    """Turn what a user typed into an FTS5 MATCH expression; None when nothing is searchable.

    By default every word is quoted, so any string is a valid query; words typed between double
    quotes are one phrase; the last word matches as a prefix (search as you type), through
    `alternatives` when given (see `prefix_alternatives`). With raw=True the FTS5 syntax passes
    through.
    """
    # Control characters (NUL ends an SQL string early) can never be in the indexed text.
    query = fold(clean_text(query))
    if raw:
        return query if query.strip() else None
    # Between double quotes (straight or curly) the words are one phrase, in that order; a
    # quote left open is a phrase still being typed. Every other word is searched on its own.
    segments = PHRASE_MARKS.split(query)
    pieces: list[tuple[str, bool]] = []  # (words, from the last segment)
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if index % 2:
            # A phrase keeps its possessives: FTS5 reads "Vucic's party" as vucic s party.
            if _WORDLIKE.search(segment):
                pieces.append((" ".join(segment.split()), last))
            continue
        # "Vucic's" means Vucic: the possessive would otherwise become a stray "s" term.
        words = [_POSSESSIVE.sub("", w) for w in segment.split()]
        pieces += [(w, last) for w in words if _WORDLIKE.search(w)]
    if not pieces:
        return None
    terms = [_quoted(words) for words, _last in pieces]
    # The last word is a prefix while it is being typed: not after a space or a closing quote.
    if prefix and pieces[-1][1] and not query[-1:].isspace():
        terms[-1] = _prefix_term(pieces[-1][0], alternatives)
        if len(terms) > 1 and terms[-1].startswith("("):
            # FTS5 joins phrases by a space, but a bracketed group only by an explicit AND.
            return " ".join(terms[:-1]) + " AND " + terms[-1]
    return " ".join(terms)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _prefix_term(word: str, alternatives: Callable[[str], Alternatives | None] | None) -> str:
    """The last word as a prefix: FTS5's own prefix query, or its alternatives OR-ed."""
    parts = tokens(word) if alternatives is not None else ()
    found = alternatives(parts[-1]) if parts else None
    if not found:
        return _quoted(word) + " *"
    # "KFOR-le" is the phrase "kfor le*": each alternative keeps the words before the last.
    lead = "".join(part + " " for part in parts[:-1])
    options = [_quoted(lead + text) + (" *" if is_prefix else "") for text, is_prefix in found]
    return options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")"


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
    match = match_for(db, query, raw=raw)
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
    match = match_for(db, query, raw=raw)
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
    match = match_for(db, query, raw=raw)
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

