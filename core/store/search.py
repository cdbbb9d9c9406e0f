"""Full-text search over articles and quotes: one parsed query, one search with its filters, one highlighter.

`parse_query` turns what a user typed into a `Query` once (the FTS5 MATCH with the vocabulary's
alternatives for the word being typed); `search` runs it with the filters inside the same SQL as
the MATCH and returns ranked quotes and article hits with their totals; `quote_marks` and the
snippets mark texts with `marks.find_marks`, FTS5's own highlight() of that same MATCH. The CLI
and the app both call these and nothing else.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from typing import NamedTuple

import sqlite_utils
from briefing.core.errors import QueryError
from briefing.core.fold import fold
from briefing.core.models import outlet_label
from briefing.core.store.marks import Marks, find_marks
from briefing.core.store.reads import json_list, quote_filters
from briefing.core.store.snippets import PHRASE_MARKS, snippet_around
from briefing.core.store.stems import stem, tokens
from briefing.core.textsafe import clean_text

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
    marks: Marks = ()


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
#: Letters the last word needs to match as a prefix. A word of one or two letters is matched
#: whole ("EU", "UN"): as a prefix it begins a third of the vocabulary, which is slow to rank
#: and says little about what is being looked for.
PREFIX_MIN_LETTERS = 3


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
    typed = pieces[-1][0].split()[-1] if pieces[-1][0].split() else ""
    if prefix and pieces[-1][1] and not query[-1:].isspace() and len(re.findall(r"\w", typed)) >= PREFIX_MIN_LETTERS:
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


@dataclass(frozen=True)
class Query:
    """What a user typed, parsed once: the MATCH every step of a search runs and every mark comes from."""

    text: str
    raw: bool = False
    #: The FTS5 MATCH expression (with the vocabulary's alternatives for a prefix); None: nothing to search.
    match: str | None = None

    @property
    def empty(self) -> bool:
        """True when the query has no words to search for."""
        return self.match is None


def parse_query(db: sqlite_utils.Database | None, text: str, *, raw: bool = False) -> Query:
    """Parse `text` once for a search of `db` (None: no vocabulary, FTS5's own prefix query)."""
    alternatives = partial(prefix_alternatives, db) if db is not None else None
    return Query(text, raw, build_match(text, raw=raw, alternatives=alternatives))


@dataclass
class SearchResult:
    """Quotes and articles matching a query under the filters, best first, with how many there are in all."""

    query: Query
    #: Ids of matching quotes, best first: a fragment's match counts for the statement it belongs to.
    quote_ids: list[int] = field(default_factory=list)
    quote_total: int = 0
    articles: list[ArticleHit] = field(default_factory=list)
    article_total: int = 0
    #: Marks of the first quotes (see `search`'s `marks`).
    marks: dict[int, Marked] = field(default_factory=dict)
    #: False when `quote_total` counts every matching quote, a fragment beside its statement (see `search`'s `rough_total`).
    quote_total_exact: bool = True
    #: How many of the matching quotes and articles were ranked, when not all of them were (see RANK_LIMIT).
    quotes_ranked: int | None = None
    articles_ranked: int | None = None


def search(
    db: sqlite_utils.Database,
    query: Query,
    *,
    speaker: str | None = None,
    group: str | None = None,
    article_id: int | None = None,
    day: str | None = None,
    exact_speaker: bool = True,
    quotes: int = 50,
    articles: int = 50,
    offset: int = 0,
    marks: int | None = None,
    snippets: int | None = None,
    rough_total: bool = False,
) -> SearchResult:
    """The quotes and articles `query` finds under the filters, ranked by bm25, with their totals.

    The filters are conditions of the same SQL as the MATCH, so a filtered search ranks and counts
    only what the filters keep. A partial quote (a fragment inside reported speech) is found as the
    statement it belongs to, never beside it. `quotes` and `articles` (0: none read) limit how many
    are returned; `marks` and `snippets` how many of them are marked (default all). Unfiltered,
    more than RANK_LIMIT matches are ranked among the RANK_LIMIT indexed last (`quotes_ranked`,
    `articles_ranked`).

    With `rough_total` an unfiltered search of many matches (search as you type) reads its page
    of statements from the best-ranked quotes alone, cut inside FTS5, in the same order; its
    quote total is then every matching quote, a fragment counted beside its statement
    (`quote_total_exact` False).
    """
    result = SearchResult(query)
    if query.empty:
        return result
    if quotes:
        filtered = bool(speaker or group or article_id is not None or day)
        bound = _Bound(None, None) if filtered else _rank_bound(db, "quotes_fts", query)
        best = _best_statements(db, query, quotes, offset, bound) if rough_total and not filtered else None
        if best is not None:
            result.quote_ids, result.quote_total, result.quote_total_exact = best
        else:
            result.quote_ids, result.quote_total = _quote_ids(
                db, query, speaker, group, article_id, day, exact_speaker, quotes, offset, bound.cut,
            )
        result.quotes_ranked = RANK_LIMIT if bound.cut is not None else None
        wanted = result.quote_ids if marks is None else result.quote_ids[: max(0, marks)]
        result.marks = quote_marks(db, query, wanted)
    # Articles have no speaker: a search narrowed to a speaker or group lists that speaker's quotes only.
    if articles and not speaker and not group:
        result.articles, result.article_total, result.articles_ranked = _articles(db, query, article_id, day, articles, offset)
        wanted_snippets = len(result.articles) if snippets is None else max(0, snippets)
        result.articles = add_snippets(db, query, result.articles[:wanted_snippets]) + result.articles[wanted_snippets:]
    return result


#: Most matches an unfiltered search ranks: above it, the best are found among the RANK_LIMIT
#: matches indexed last. bm25 reads each match's length, a lookup per match; a word in most of a
#: 100,000-article briefing (or a prefix being typed) would spend most of its search ranking
#: matches nobody reads past the first page. The totals stay exact, and the result says how many
#: were ranked (`articles_ranked`, `quotes_ranked`). A filtered search ranks every match it keeps.
RANK_LIMIT = 10_000


def ranked_note(ranked: int, *, short: bool = False) -> str:
    """How a search that ranked only some of its matches says so: 'best of the last 10,000 indexed' ('last 10,000 ranked' where room is short)."""
    return f"last {ranked:,} ranked" if short else f"best of the last {ranked:,} indexed"


class _Bound(NamedTuple):
    """Where the matches a search ranks begin, from one walk of them in rowid order."""

    #: The lowest rowid of the RANK_LIMIT matches indexed last (None: every match is ranked).
    cut: int | None
    #: How many match, when every match is ranked (None: not counted here).
    matches: int | None


def _rank_bound(db, table: str, query: Query) -> _Bound:
    """One walk of at most RANK_LIMIT + 1 matches, newest first: the cut, or the count when there is none (or neither).

    FTS5 walks its matches in rowid order without ranking them, so this costs about as much as
    counting that many matches; `rowid >= cut` then bounds the ranked query inside FTS5.
    """
    # A table whose rowids stop at RANK_LIMIT cannot hold more matches: no walk (the indexed
    # table's largest rowid is one step down its b-tree).
    content = table.removesuffix("_fts")
    if (db.execute(f'SELECT max(rowid) FROM "{content}"').fetchone()[0] or 0) <= RANK_LIMIT:
        return _Bound(None, None)
    walked, lowest = _run(
        db,
        f"SELECT count(*), min(rowid) FROM (SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?)",
        [query.match, RANK_LIMIT + 1],
        query.raw,
    )[0]
    return _Bound(lowest + 1, None) if walked > RANK_LIMIT else _Bound(None, walked)


#: A quote found in the index stands for its statement when it is a fragment of one.
_STATEMENT_OF = (
    "coalesce((SELECT p.id FROM quotes p WHERE q.parent_seq IS NOT NULL "
    "AND p.article_id = q.article_id AND p.seq = q.parent_seq), q.id)"
)


#: Quotes ranked inside FTS5 for each statement an unfiltered rough search shows: the page is
#: exact while that many hold enough statements (fragments fold into their statement).
CANDIDATES_PER_STATEMENT = 4


def _best_statements(db, query: Query, limit: int, offset: int, bound: _Bound) -> tuple[list[int], int, bool] | None:
    """The page of statements from the best-ranked quotes only (None: they hold too few statements).

    Every statement with a quote among the best candidates ranks before every statement without
    one, so the page is the one a full ranking gives. Ranking and cutting inside FTS5 spares
    joining every match to its quote row, which for a prefix of a few letters is most of the cost.
    """
    weights = ", ".join(str(w) for w in QUOTE_WEIGHTS)
    candidates = (offset + limit) * CANDIDATES_PER_STATEMENT
    rows = _run(
        db,
        f"""
        WITH f AS MATERIALIZED (
            SELECT rowid, bm25(quotes_fts, {weights}) AS score FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid >= ?
            ORDER BY score LIMIT ?
        )
        SELECT {_STATEMENT_OF} AS statement, min(f.score) AS best, count(*) OVER () AS statements,
               (SELECT count(*) FROM f) AS read
        FROM f JOIN quotes q ON q.id = f.rowid
        GROUP BY statement ORDER BY best LIMIT ? OFFSET ?
        """,
        [query.match, bound.cut or 0, candidates, limit, offset],
        query.raw,
    )
    if not rows:
        return None  # nothing matched, or a page past the end: the full search says which
    statements, read = rows[0][2], rows[0][3]
    if read < candidates and bound.cut is None:
        return [r[0] for r in rows], statements, True  # every match was read: the total is exact
    if statements < offset + limit:
        return None  # too few statements among the candidates to fill the page
    matches = bound.matches
    if matches is None:
        matches = _run(db, "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?", [query.match], query.raw)[0][0]
    return [r[0] for r in rows], matches, False


def _quote_ids(
    db, query: Query, speaker, group, article_id, day, exact_speaker, limit: int, offset: int, cut: int | None = None,
) -> tuple[list[int], int]:
    where, params = quote_filters(speaker, group, article_id, day, None, exact_speaker)
    weights = ", ".join(str(w) for w in QUOTE_WEIGHTS)
    condition = " AND ".join(where) or "1"
    # Ranked inside FTS5 (bm25 only works there), then filtered and read as statements in the
    # same query: one row per statement, at the rank of its best matching part.
    rows = _run(
        db,
        f"""
        WITH f AS MATERIALIZED (SELECT rowid, bm25(quotes_fts, {weights}) AS score FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid >= ?)
        SELECT {_STATEMENT_OF} AS statement, min(f.score) AS best, count(*) OVER () AS total
        FROM f JOIN quotes q ON q.id = f.rowid
        WHERE {condition}
        GROUP BY statement ORDER BY best LIMIT ? OFFSET ?
        """,
        [query.match, cut or 0, *params, limit, offset],
        query.raw,
    )
    # The total is counted in the same pass (a window over the grouped rows, before the LIMIT):
    # a second MATCH only when the page is past the last row, or when only some matches were ranked.
    ids = [r[0] for r in rows]
    if rows and cut is None:
        return ids, rows[0][2]
    if offset == 0 and cut is None:
        return ids, 0
    total = _run(
        db,
        f"SELECT count(DISTINCT {_STATEMENT_OF}) FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
        f"WHERE quotes_fts MATCH ? AND {condition}",
        [query.match, *params],
        query.raw,
    )[0][0]
    return ids, total


def _articles(db, query: Query, article_id, day, limit: int, offset: int) -> tuple[list[ArticleHit], int, int | None]:
    weights = ", ".join(str(w) for w in ARTICLE_WEIGHTS)
    where, params = ["1"], []
    if article_id is not None:
        where.append("a.id = ?")
        params.append(article_id)
    if day:
        where.append("a.published = ?")
        params.append(day)
    condition = " AND ".join(where)
    bound = _Bound(None, None) if params else _rank_bound(db, "articles_fts", query)
    cut = bound.cut
    ranked = f"SELECT rowid, bm25(articles_fts, {weights}) AS score FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ?"
    if not params:
        # Unfiltered, the page is cut inside FTS5 (its top-N sort), and only that page is joined
        # to the articles: joining every match first costs several times the ranking itself.
        ranked += " ORDER BY score LIMIT ? OFFSET ?"
    rows = _run(
        db,
        f"""
        SELECT a.id, a.path, a.outlet, a.title, a.published, f.score
        FROM ({ranked}) f
        JOIN articles a ON a.id = f.rowid
        WHERE {condition} ORDER BY f.score {"" if not params else "LIMIT ? OFFSET ?"}
        """,
        [query.match, cut or 0, *params, limit, offset],
        query.raw,
    )
    hits = [ArticleHit(r[0], r[1], r[2], r[3], r[4], Marked(""), r[5]) for r in rows]
    if len(hits) < limit and (offset == 0 or hits) and cut is None:
        return hits, offset + len(hits), None
    if bound.matches is not None:
        return hits, bound.matches, None  # the walk for the bound counted every match
    total = _run(
        db,
        # Unfiltered, FTS5 counts its own matches: joining each to its article reads every row.
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?" if not params else
        f"SELECT count(*) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? AND {condition}",
        [query.match, *params],
        query.raw,
    )[0][0]
    return hits, total, RANK_LIMIT if cut is not None else None


def add_snippets(db: sqlite_utils.Database, query: Query, hits: list[ArticleHit]) -> list[ArticleHit]:
    """The hits with a snippet each: a few words around the best run of marks of `query`."""
    if not hits:
        return []
    texts = dict(
        db.execute("SELECT id, text FROM articles WHERE id IN (SELECT value FROM json_each(?))", [json_list([h.id for h in hits])])
    )
    bodies = [texts.get(hit.id) or "" for hit in hits]
    found = find_marks(query.match, bodies, [hit.title for hit in hits])
    return [replace(hit, snippet=Marked(*snippet_around(body, marks))) for hit, body, marks in zip(hits, bodies, found)]


def quote_marks(db: sqlite_utils.Database, query: Query, quote_ids: list[int]) -> dict[int, Marked]:
    """For each quote id, its text with the ranges `query` matches (its speaker read as the search reads it)."""
    if query.empty or not quote_ids:
        return {}
    rows = db.execute(
        "SELECT id, text, speaker FROM quotes WHERE id IN (SELECT value FROM json_each(?))", [json_list(quote_ids)]
    ).fetchall()
    texts = [clean_text(r[1] or "") for r in rows]
    found = find_marks(query.match, texts, [r[2] for r in rows])
    return {row[0]: Marked(text, marks) for row, text, marks in zip(rows, texts, found)}


def article_marks(query: Query, text: str, title: str | None = None) -> Marks:
    """Where `query` matches an article's text (the reader's highlighting)."""
    return find_marks(query.match, [text], [title])[0] if not query.empty else ()
