"""The app's data loader: one read connection shared by worker threads, and what each screen shows, read from the store."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

import sqlite_utils
from briefing.core.errors import QueryError
from briefing.core.settings import Settings
from briefing.core.store.database import load_stored_settings, open_database, unindexed_articles
from briefing.core.store.reads import (
    article_text,
    count_quotes,
    counts,
    earliest_published,
    get_source,
    inferred_source_ids,
    list_events,
    list_groups,
    list_quotes,
    list_sources,
    list_speakers,
    most_quoted,
    quote_groups,
    speaker_kinds,
)
from briefing.core.store.rows import Counts, EventRow, QuoteRow, Source, SpeakerCount, TimelineEntry
from briefing.core.store.search import ArticleHit, Marked, Query, article_marks, parse_query, quote_marks, search
from briefing.core.store.timeline import SUMMARY_EVENTS_PER_DATE, timeline
from briefing.tui.state import ColumnSpec, Filters, effective_columns

T = TypeVar("T")

#: Quotes (statements) a search reads at a time: the best of them on every key, the next as a
#: column is read to its end (`load_more_quotes`). A screen shows a few dozen cards; reading and
#: sharing out hundreds on every key is most of a search's cost while typing.
SEARCH_QUOTE_LIMIT = 100
#: Quotes per column whose search marks are read with the results; later ones as they scroll into view.
EAGER_MARKS = 30
#: Most articles a search lists.
SEARCH_ARTICLE_LIMIT = 50
#: Article hits given a snippet with the results (a screen shows fewer); later ones as they scroll in.
SEARCH_SNIPPETS = 10
#: Quotes read into a column when not searching: a briefing is read by searching and
#: filtering, not by scrolling through thousands of one speaker's quotes; the column says
#: how many more there are.
COLUMN_QUOTE_LIMIT = 500


@dataclass
class Overview:
    """Header counts, the source list and the timeline for the current filters."""

    title: str
    counts: Counts
    #: The first SOURCE_LIMIT sources (counts.sources says how many there are).
    sources: list[Source]
    entries: list[TimelineEntry]
    #: Ids of all sources whose publication date was inferred.
    inferred_ids: set[int] = field(default_factory=set)
    #: Earliest publication date of the briefing.
    first_published: str | None = None
    #: Articles a search cannot find yet (an index run has not filled the full-text index yet).
    unsearchable: int = 0


@dataclass
class ColumnsData:
    """The quote columns (and, when searching, the matching articles) for one query and filter set."""

    query: str
    raw: bool
    columns: list[tuple[ColumnSpec, list[QuoteRow]]]
    marks: dict[int, Marked] = field(default_factory=dict)
    hits: list[ArticleHit] = field(default_factory=list)
    #: True when the search found more quotes than the columns hold (`load_more_quotes` reads on).
    truncated: bool = False
    #: A one-line message when the query could not be run.
    error: str | None = None
    #: Each column's quote count for the filters (more than it holds when capped).
    totals: list[int] = field(default_factory=list)
    #: The search, parsed once: what every mark of these results (and of cards scrolled in later) comes from.
    parsed: Query | None = None
    #: How many quotes and articles the search found in all (the columns hold the best of them).
    quote_total: int = 0
    article_total: int = 0
    #: False when `quote_total` is rough: every matching quote, a fragment beside its statement.
    quote_total_exact: bool = True
    #: How many of the matching quotes and articles were ranked, when not all were (`core.store.search.RANK_LIMIT`).
    quotes_ranked: int | None = None
    articles_ranked: int | None = None


@dataclass
class ArticleData:
    """Everything the reader needs for one article."""

    source: Source | None
    text: str
    quotes: list[QuoteRow]
    events: list[EventRow]
    #: Where the search the article was opened from matches its text (the same marks as snippets and cards).
    matches: tuple[tuple[int, int], ...] = ()


class Store:
    """The app's read connection: opened once, shared by worker threads one query at a time."""

    def __init__(self, path: Path) -> None:
        """Remember where the database is; `open` connects."""
        self.path = Path(path)
        self._db: sqlite_utils.Database | None = None
        # One connection, one reader at a time: queries are short, and SQLite connections are
        # not meant to interleave statements from several threads.
        self._lock = threading.Lock()
        #: A second connection, for the half of a search that runs beside the other (opened when first needed).
        self._beside: sqlite_utils.Database | None = None
        self._beside_lock = threading.Lock()

    def open(self) -> None:
        """Connect (raises core.errors.DatabaseError with a readable message)."""
        with self._lock:
            if self._db is None:
                self._db = open_database(self.path, create=False)

    @property
    def is_open(self) -> bool:
        """True once connected."""
        return self._db is not None

    def read(self, function: Callable[..., T], *args, **kwargs) -> T:
        """Run `function(db, *args, **kwargs)` under the connection lock."""
        with self._lock:
            if self._db is None:
                raise RuntimeError("the store is not open")
            return function(self._db, *args, **kwargs)

    def read_beside(self, function: Callable[..., T], *args, **kwargs) -> T:
        """Run `function(db, *args, **kwargs)` on the second connection, alongside a `read` in another thread.

        SQLite leaves Python's lock while it works, so the two halves of a search (quotes and
        articles) run at the same time on two cores.
        """
        with self._beside_lock:
            if self._db is None:
                raise RuntimeError("the store is not open")
            if self._beside is None:
                self._beside = open_database(self.path, create=False)
            return function(self._beside, *args, **kwargs)

    def close(self) -> None:
        """Disconnect."""
        with self._lock:
            if self._db is not None:
                self._db.conn.close()
                self._db = None
        with self._beside_lock:
            if self._beside is not None:
                self._beside.conn.close()
                self._beside = None


#: Columns a briefing with no settings opens with.
DEFAULT_COLUMNS = 3
#: The order of the default columns by kind of speaker: people before organisations.
_KIND_ORDER = {"person": 0, "group": 1, "organisation": 2}


def default_columns(db: sqlite_utils.Database, settings: Settings) -> list[ColumnSpec]:
    """The briefing's own columns (settings: a group of its focus speakers, or a speaker's name),
    else its most quoted speakers (after naming across the briefing), people first."""
    if settings.columns:
        groups = quote_groups(db) | {s.group for s in settings.speakers}
        return [ColumnSpec(name, group=name) if name in groups else ColumnSpec(name, speaker=name) for name in settings.columns]
    top = most_quoted(db, DEFAULT_COLUMNS)
    kinds = speaker_kinds(db, [name for name, is_group in top if not is_group])
    top = sorted(top, key=lambda item: -1 if item[1] else _KIND_ORDER.get(kinds.get(item[0], ""), 3))
    return [ColumnSpec(name, group=name) if is_group else ColumnSpec(name, speaker=name) for name, is_group in top]


def load_settings(db: sqlite_utils.Database) -> Settings:
    """The stored briefing settings."""
    return load_stored_settings(db)


#: Sources read into the source list: a briefing of many thousand articles is searched, and
#: the list says how many more there are.
SOURCE_LIMIT = 500

#: Events read per date for the whole timeline (a summary: a busy date says how many more it
#: has, and choosing the date shows them all); the stored summary holds that many or more.
TIMELINE_EVENTS_PER_DATE = min(12, SUMMARY_EVENTS_PER_DATE)


def load_overview(db: sqlite_utils.Database, filters: Filters) -> Overview:
    """Counts, the first sources and the (filtered) timeline."""
    settings = load_stored_settings(db)
    day = filters.day
    return Overview(
        title=settings.title,
        counts=counts(db),
        sources=list_sources(db, limit=SOURCE_LIMIT),
        # A chosen day shows all its events; the whole timeline shows the first of each date.
        entries=timeline(db, article_id=filters.source_id, day=day, per_entry=None if day else TIMELINE_EVENTS_PER_DATE),
        inferred_ids=inferred_source_ids(db),
        first_published=earliest_published(db),
        unsearchable=unindexed_articles(db),
    )


#: The column of matching quotes by speakers who have no column of their own.
OTHER_SPEAKERS = ColumnSpec("other speakers")


def load_columns(
    db: sqlite_utils.Database, specs: list[ColumnSpec], filters: Filters, query: str = "", raw: bool = False,
    *, parsed: Query | None = None, articles: bool = True,
) -> ColumnsData:
    """The quotes of each column for the filters, limited to those matching `query` when given.

    A search is one `search` call with the filters inside it: its best quotes are shared out to
    the columns, and the matches of speakers without a column go to a last column of their own
    (shown, empty or not, for as long as there is a search). `parsed` is `query` already parsed;
    with `articles` False the matching articles are left out, for `load_hits` to read beside it.
    """
    specs = effective_columns(specs, filters)
    if parsed is None and query.strip():
        parsed = parse_query(db, query, raw=raw)
    if parsed is not None:
        return _search_columns(db, specs, filters, parsed, articles)
    columns = []
    totals = []
    for spec in specs:
        # A column holds exactly one speaker (or one group), never every name containing it; a
        # fragment is shown on its statement's card, not as a card (and a count) of its own.
        where = dict(
            group=spec.group, speaker=spec.speaker, article_id=filters.source_id, day=filters.day,
            exact_speaker=True, statements=True,
        )
        rows = list_quotes(db, limit=COLUMN_QUOTE_LIMIT, **where)
        columns.append((spec, rows))
        totals.append(len(rows) if len(rows) < COLUMN_QUOTE_LIMIT else count_quotes(db, **where))
    return ColumnsData(query, raw, columns, totals=totals)


def load_hits(db: sqlite_utils.Database, filters: Filters, parsed: Query) -> tuple[list[ArticleHit], int, int | None]:
    """The articles the search finds under the filters (the first with snippets), how many there are, and how many were ranked.

    A query that cannot be run finds none here: the quotes' half of the same search says why.
    """
    try:
        found = search(
            db, parsed, speaker=filters.speaker, article_id=filters.source_id, day=filters.day,
            quotes=0, articles=SEARCH_ARTICLE_LIMIT, snippets=SEARCH_SNIPPETS,
        )
    except QueryError:
        return [], 0, None
    return found.articles, found.article_total, found.articles_ranked


def _search_columns(db: sqlite_utils.Database, specs: list[ColumnSpec], filters: Filters, parsed: Query, articles: bool) -> ColumnsData:
    try:
        found = search(
            db, parsed, speaker=filters.speaker, article_id=filters.source_id, day=filters.day,
            quotes=SEARCH_QUOTE_LIMIT, articles=SEARCH_ARTICLE_LIMIT if articles else 0, marks=0, snippets=SEARCH_SNIPPETS,
            rough_total=True,
        )
    except QueryError as err:
        hint = " Press ctrl+r to search the words as typed." if parsed.raw else ""
        return ColumnsData(parsed.text, parsed.raw, [], error=f"{err}{hint}", parsed=parsed)
    rows = list_quotes(db, ids=found.quote_ids)
    columns = _share_out(specs, rows)
    # Highlighting costs a little per quote: only what is seen first, the rest as it scrolls in.
    shown = [q.id for _spec, quotes in columns for q in quotes[:EAGER_MARKS]]
    marks = quote_marks(db, parsed, shown)
    return ColumnsData(
        parsed.text, parsed.raw, columns, marks, found.articles, found.quote_total > len(rows),
        totals=[len(quotes) for _spec, quotes in columns], parsed=parsed,
        quote_total=found.quote_total, article_total=found.article_total, quote_total_exact=found.quote_total_exact,
        quotes_ranked=found.quotes_ranked, articles_ranked=found.articles_ranked,
    )


def _share_out(specs: list[ColumnSpec], rows: list[QuoteRow]) -> list[tuple[ColumnSpec, list[QuoteRow]]]:
    """The quotes of each column, in the order given, and the rest in the other speakers' column."""
    columns = [(spec, [q for q in rows if spec.matches(q)]) for spec in specs]
    placed = {q.id for _spec, quotes in columns for q in quotes}
    # The column is there for every search, empty or not: a board whose columns come and go
    # from one key to the next re-makes its tabs and layout on every key.
    columns.append((OTHER_SPEAKERS, [q for q in rows if q.id not in placed]))
    return columns


def load_more_quotes(db: sqlite_utils.Database, data: ColumnsData, filters: Filters) -> ColumnsData:
    """`data` with the search's next SEARCH_QUOTE_LIMIT quotes added to its columns (ranked after those it holds)."""
    if data.parsed is None or not data.truncated:
        return data
    held = [q for _spec, quotes in data.columns for q in quotes]
    try:
        found = search(
            db, data.parsed, speaker=filters.speaker, article_id=filters.source_id, day=filters.day,
            quotes=SEARCH_QUOTE_LIMIT, offset=len(held), articles=0, marks=0, rough_total=True,
        )
    except QueryError:
        return replace(data, truncated=False)
    ids = {q.id for q in held}
    rows = [q for q in list_quotes(db, ids=found.quote_ids) if q.id not in ids]
    specs = [spec for spec, _quotes in data.columns if spec != OTHER_SPEAKERS]
    more = dict(_share_out(specs, rows))
    columns = [(spec, quotes + more.get(spec, [])) for spec, quotes in data.columns]
    return replace(
        data, columns=columns, totals=[len(quotes) for _spec, quotes in columns],
        truncated=bool(rows) and found.quote_total > len(held) + len(rows),
    )


def load_article(db: sqlite_utils.Database, article_id: int, search: Query | None = None) -> ArticleData:
    """Source, text, quotes and events of one article, and where `search` matches it."""
    source = get_source(db, article_id)
    text = article_text(db, article_id)
    return ArticleData(
        source=source,
        text=text,
        quotes=sorted(list_quotes(db, article_id=article_id), key=lambda q: (q.start, q.end)),
        events=sorted(list_events(db, article_id=article_id), key=lambda e: (e.start, e.end)),
        matches=article_marks(search, text, source.title if source else None) if search is not None else (),
    )


@dataclass
class SpeakerChoices:
    """What the speaker picker offers: groups with their quote counts and members, and every speaker."""

    #: (group, quotes, speakers in it), most quoted first; groups of the settings with no quotes last.
    groups: list[tuple[str, int, list[str]]]
    speakers: list[SpeakerCount]


def load_speaker_choices(db: sqlite_utils.Database) -> SpeakerChoices:
    """Every group and speaker the briefing knows, with counts."""
    speakers = list_speakers(db)
    members: dict[str, list[str]] = {}
    for speaker in speakers:
        if speaker.group:
            members.setdefault(speaker.group, []).append(speaker.name)
    stored_groups = quote_groups(db)
    groups = [(name, count, members.get(name, [])) for name, count in list_groups(db) if name in stored_groups]
    # Focus groups from the settings with no quotes yet still deserve a line.
    for name, people in members.items():
        if name not in {g for g, _c, _m in groups}:
            groups.append((name, 0, people))
    return SpeakerChoices(groups, speakers)
