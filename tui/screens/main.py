"""The main screen: header, sources and timeline on the left, quote columns on the right."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from briefing.core.store.rows import Source, TimelineEntry
from briefing.tui.loader import OTHER_SPEAKERS, ColumnsData
from briefing.tui.screens import FOCUS_BINDINGS
from briefing.tui.widgets.article_hits import ArticleHits
from briefing.tui.widgets.briefing_header import BriefingHeader
from briefing.tui.widgets.index_progress import IndexProgress
from briefing.tui.widgets.quote_board import QuoteBoard
from briefing.tui.widgets.quote_column import CardView
from briefing.tui.widgets.search_bar import SearchBar
from briefing.tui.widgets.source_list import SourceList
from briefing.tui.widgets.status_line import StatusLine
from briefing.tui.widgets.timeline_list import TimelineList
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

#: What the articles pane says while the search box is open and empty.
HITS_WAITING = "Type to search."
#: What the other speakers' column says while the search box is open and empty, and when a search finds none of theirs.
OTHERS_WAITING = "Quotes of speakers without a column, as a search finds them."
OTHERS_NONE_MATCH = "No quote of a speaker without a column matches."


def story_start(first_published: str | None) -> str | None:
    """A week before the earliest publication date: where the story's own days begin."""
    if not first_published:
        return None
    try:
        return (dt.date.fromisoformat(first_published) - dt.timedelta(days=7)).isoformat()
    except ValueError:
        return None


class MainScreen(Screen, inherit_bindings=False):
    """The briefing at a glance; the app fills it from worker results."""

    AUTO_FOCUS = "QuoteColumn"
    """The first quote column: it is laid out (empty) from the start, so focus does not move when the briefing loads."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *FOCUS_BINDINGS,
        # A priority binding acts as the key arrives: the keys of "/strike" typed in one burst
        # (a paste, tmux, a fast typist) go into the box, not to the quote column's own keys.
        Binding("slash", "open_search", "Search", priority=True, id="search", tooltip="Search quotes and articles as you type"),
        Binding("escape", "app.back", "Back", show=False, id="back", tooltip="Close the search, or undo the last filter"),
        Binding("c", "app.choose_columns", "Columns", id="columns", tooltip="Choose the speakers shown as columns"),
        Binding("e", "app.export", "Export", id="export", tooltip="Write a Markdown brief (pinned items, or what is shown)"),
        Binding("r", "app.refresh", "Refresh", show=False, id="refresh",
                tooltip="Read the database again (new articles from a running `briefing index`)"),
    ]
    """Search, go back, choose columns, export, refresh."""

    class Ready(Message):
        """The screen's widgets are mounted: results can be shown."""

    def action_open_search(self) -> None:
        """Open the search box."""
        self.app.action_search()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In the search box, / is a character to search for."""
        if action == "open_search":
            # The screen's focus: the box's has_focus follows only once its Focus event is handled.
            return self.focused is not self.search.input
        return True

    def compose(self) -> ComposeResult:
        """Header, progress, search, status, the two panes and the footer."""
        yield BriefingHeader(id="header")
        yield IndexProgress(id="index-progress")
        yield SearchBar(id="search")
        yield StatusLine(id="status")
        with Horizontal(id="body"):
            with Vertical(id="sidebar"):
                hits = ArticleHits(id="hits")
                hits.border_title = "Articles"
                yield hits
                sources = SourceList(id="sources")
                sources.border_title = "Sources"
                yield sources
                timeline = TimelineList(id="timeline")
                timeline.border_title = "Timeline"
                yield timeline
            with Vertical(id="main-pane"):
                yield Static(id="notice")
                yield QuoteBoard(id="board")
        yield Footer()

    def on_mount(self) -> None:
        """Start with what is hidden hidden and a visible 'loading' state in every pane."""
        self.show_notice(None)
        self.query_one(SourceList).set_items([], empty_text="Loading…")
        self.query_one(TimelineList).set_items([], empty_text="Loading…")
        self.post_message(self.Ready())

    # --- parts ------------------------------------------------------------------------------

    @property
    def header(self) -> BriefingHeader:
        """The top line."""
        return self.query_one(BriefingHeader)

    @property
    def progress(self) -> IndexProgress:
        """The indexing banner."""
        return self.query_one(IndexProgress)

    @property
    def search(self) -> SearchBar:
        """The search box."""
        return self.query_one(SearchBar)

    @property
    def status(self) -> StatusLine:
        """The filter line."""
        return self.query_one(StatusLine)

    @property
    def sources(self) -> SourceList:
        """The source list."""
        return self.query_one(SourceList)

    @property
    def timeline(self) -> TimelineList:
        """The timeline pane."""
        return self.query_one(TimelineList)

    @property
    def hits(self) -> ArticleHits:
        """The matching articles (while searching)."""
        return self.query_one(ArticleHits)

    @property
    def board(self) -> QuoteBoard:
        """The quote columns."""
        return self.query_one(QuoteBoard)

    # --- filling ----------------------------------------------------------------------------

    def show_notice(self, message: str | None, *, error: bool = False) -> None:
        """A message above the columns (empty briefing, database problem); None hides it."""
        notice = self.query_one("#notice", Static)
        notice.display = bool(message)
        notice.set_class(error, "-error")
        notice.update(Text(message or ""))

    def show_overview(
        self,
        sources: list[Source],
        chosen: int | None,
        entries: list[TimelineEntry],
        pinned: set[str],
        day_filtered: bool,
        *,
        total_sources: int | None = None,
        first_published: str | None = None,
    ) -> None:
        """Fill the source list (the first `sources` of `total_sources`) and the timeline."""
        self.sources.set_sources(sources, chosen, total_sources)
        empty = "No dated events for this filter." if (chosen is not None or day_filtered) else "No dated events."
        self.timeline.set_entries(entries, pinned, empty_text=empty, story_start=story_start(first_published))

    def show_columns(self, data: ColumnsData, pinned: set[str], inferred: set[int], filtered: bool = False) -> None:
        """Fill the quote columns and, when searching, the matching articles."""
        searching = bool(data.query.strip())
        empty = "No quotes match." if searching else ("No quotes for this filter." if filtered else "No quotes.")
        search = data.parsed if searching else None
        columns, totals = data.columns, data.totals
        if columns and all(spec != OTHER_SPEAKERS for spec, _rows in columns):
            # The search's other-speakers column stays on the board, empty and out of sight, between
            # searches: starting a search then fills a column instead of mounting one and its tabs.
            columns, totals = [*columns, (OTHER_SPEAKERS, [])], [*totals, 0] if totals else totals
        others_empty = OTHERS_NONE_MATCH if searching else OTHERS_WAITING
        self.board.show(columns, CardView(data.marks, pinned, inferred, empty, search, more=data.truncated and searching), totals, OTHER_SPEAKERS, others_empty)
        if searching and self.board.tabbed:
            # Under tabs, bring the first column with matches forward.
            counts = [len(rows) for _spec, rows in data.columns]
            if counts and not counts[self.board.active_index] and any(counts):
                self.board.activate(next(i for i, n in enumerate(counts) if n), focus=False)
        if searching:
            self.hits.display = True
            self.hits.border_title = f"Articles · {len(data.hits)}"
            self.hits.set_hits(data.hits, search)
        elif self.search.display:
            self.open_hits()  # the box was emptied: the pane waits for the next word where it is
        else:
            self.hits.display = False

    def open_search(self, *, typed: bool) -> None:
        """Give the screen the shape of a search as its box opens (`typed`: the box holds a query).

        The articles pane, and the other speakers' column once a search has shown it, stay until
        the box closes, emptied or not: the panes take their places once, instead of moving (and
        being measured and drawn again, the columns turning to tabs and back) on the first key of
        every word.
        """
        if not typed:
            self.open_hits()
        self.board.hold_shape(True)

    def close_search(self) -> None:
        """The search box closed: the articles pane goes, the other speakers' column stays only with quotes."""
        self.hits.display = False
        self.board.hold_shape(False)

    def open_hits(self) -> None:
        """Show the articles pane, empty, waiting for a word."""
        self.hits.border_title = "Articles"
        self.hits.set_hits([], None, empty_text=HITS_WAITING)
        self.hits.display = True
