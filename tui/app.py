"""The briefing app: the App, which reads in worker threads and redraws from its state, and `run_app`
(what `briefing` with no command opens)."""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import ClassVar

from briefing.core.errors import BriefingError
from briefing.core.models import IndexReport
from briefing.core.settings import Settings
from briefing.core.store.catalog import describe_briefing
from briefing.core.store.database import data_version
from briefing.core.store.rows import QuoteRow, Source
from briefing.core.store.search import (
    UNSEARCHABLE,
    ArticleHit,
    Query,
    add_snippets,
    parse_query,
    quote_marks,
    ranked_note,
)
from briefing.core.textsafe import terminal_safe
from briefing.tui import messages, prefs
from briefing.tui.changes import ChangeWatch
from briefing.tui.collector import COLLECTOR_PAUSE_LIMIT, COLLECTOR_SETTLE, TYPING_SETTLE, CollectorPause
from briefing.tui.commands import BriefingCommands
from briefing.tui.cpus import current_cpu, kept_off, kept_on
from briefing.tui.dialogs.help import HelpScreen
from briefing.tui.dialogs.speaker_picker import SpeakerPicker
from briefing.tui.frame_hold import FrameHold
from briefing.tui.indexing import FolderIndexing
from briefing.tui.loader import (
    ColumnsData,
    Overview,
    Store,
    load_columns,
    load_hits,
    load_more_quotes,
    load_overview,
)
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.sharing import Sharing
from briefing.tui.state import BriefingState, ColumnSpec, Filters, Pinnable, searchable
from briefing.tui.widgets.article_hits import ArticleHits
from briefing.tui.widgets.briefing_list import BriefingList
from briefing.tui.widgets.quote_column import QuoteColumn
from briefing.tui.widgets.search_bar import SearchBar
from briefing.tui.widgets.timeline_list import TimelineItem
from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.worker import Worker, WorkerState, get_current_worker

#: How often the app looks for commits by another process (a running `briefing index`).
CHANGE_CHECK_SECONDS = 2.0
#: How long opening may take before a banner says it is under way.
OPENING_BANNER_DELAY = 0.3

class BriefingApp(ChangeWatch, FolderIndexing, Sharing, App[None], inherit_bindings=False):
    """A briefing on screen: sources, timeline and side-by-side quotes, driven from the keyboard.

    Start-up contract (for tests and the start-up benchmark): everything slow runs in thread
    workers, and results are applied on the main thread before those workers finish, so

        async with BriefingApp(db_path).run_test(size=(120, 40)) as pilot:
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    leaves the first screen fully populated (header counts, sources, timeline, quote columns),
    `app.ready` is True and a `messages.Started` message has been posted. Likewise, after
    `await pilot.press("/")`, `await pilot.press(*"pogrom")`, `wait_for_complete()` and
    `pause()`, the columns hold the matching quotes with the terms highlighted, the matching
    articles are listed, and `messages.SearchFinished` was posted for the last query (results
    of earlier keystrokes are dropped, with `messages.StaleResultDropped`).

    What the user chose (columns, filters, search, pins) is `app.state`, a plain
    `BriefingState`; what was read for it is `app.overview` and `app.columns_data`.
    """

    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {BriefingCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Leave the app"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="quit_anywhere",
                tooltip="Leave the app, even from the search box"),
        Binding("question_mark", "help", "Help", key_display="?", id="help", tooltip="Every key, and what the marks mean"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, priority=True, id="command_palette",
                tooltip="Go to a speaker, source or date; change columns; export"),
        Binding("ctrl+c", "help_quit", "Quit hint", show=False, system=True, id="help_quit",
                tooltip="Says how to quit (ctrl+q or q); in the reader it copies selected text"),
    ]
    """Quit, help and the command palette, everywhere."""

    # --- set-up -----------------------------------------------------------------------------

    def __init__(
        self,
        db_path: Path | str,
        *,
        bundle: Path | str | None = None,
        folders: list[Path | str] | None = None,
        model: str | None = None,
    ) -> None:
        """Open the briefing at `db_path`; index `bundle` (the sample's folder) into it first when given.

        With `folders`, the briefing is theirs: indexed before it opens the first time, then
        opened at once and brought up to date from them while the user reads.
        """
        super().__init__()
        self.db_path = Path(db_path).expanduser()
        self.bundle = Path(bundle) if bundle is not None else None
        self.folders = [Path(f) for f in folders or []]
        #: True while the folders are read again behind an open briefing.
        self.updating_folders = False
        self._update_after_open = False
        self.model = model
        self.store = Store(self.db_path)
        self.settings = Settings()
        #: Columns, filters, search and pins: what the screen is drawn for.
        self.state = BriefingState()
        #: Whether the user was told that some articles are not searchable yet (once a session).
        self._told_unsearchable = False
        self.overview: Overview | None = None
        self.columns_data: ColumnsData | None = None
        #: Article ids whose publication date was inferred.
        self.inferred_ids: set[int] = set()
        #: True once the first screen is populated.
        self.ready = False
        #: Why the briefing could not be opened, if it could not.
        self.error: str | None = None
        #: How many stale worker results were dropped (for tests and the benchmark).
        self.dropped_results = 0
        self._overview_generation = 0
        self._columns_generation = 0
        #: The generation of the search whose next quotes are being read (one page at a time), or None.
        self._reading_more: int | None = None
        self._screen_ready = threading.Event()
        self._data_version: int | None = None
        self._open_best_when_loaded = False
        self._checking = False
        #: True while the columns are the most quoted speakers, not ones chosen or set.
        self._default_columns = False
        #: The columns the briefing itself gave (settings or most quoted), while the user has not changed them.
        self._briefing_specs: list[ColumnSpec] | None = None
        #: True while the screen says the briefing has no sources.
        self._empty_notice = False
        #: Runs the articles' half of a search beside the quotes' half (see `_load_columns`).
        self._beside = ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefing-articles")
        self.main = MainScreen()
        self._collector = CollectorPause()
        #: A key's typed text waits for its results, to be drawn with them in one frame.
        self._frames = FrameHold(self)
        #: Turns the collector back on once the user stops typing in the search box.
        self._typing_over: Timer | None = None

    def get_default_screen(self) -> MainScreen:
        """The main screen is the first and bottom screen."""
        return self.main

    def on_load(self) -> None:
        """Start reading the briefing in a thread before the screen is built (it fills in as it arrives).

        Building the first screen also goes faster without garbage collections.
        """
        self._collector.pause()
        self._start()

    def on_mount(self) -> None:
        """Never leave the collector paused for long (indexing a bundle takes a while); the theme chosen last time."""
        self.set_timer(COLLECTOR_PAUSE_LIMIT, self._collector.resume)
        saved = prefs.load_theme()
        if saved in self.available_themes:
            self.theme = saved
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme) -> None:
        """Remember a theme chosen in the command palette, with the column choice."""
        if theme.name != prefs.load_theme() and prefs.save_theme(theme.name) is None:
            self.notify("Could not remember the theme (config folder not writable).", severity="warning")

    @on(MainScreen.Ready)
    def _main_ready(self, _event: MainScreen.Ready) -> None:
        self._screen_ready.set()
        # Called as the box's text changes, before the frame that would draw it.
        self.watch(self.main.search.input, "value", self._box_changed, init=False)
        # A briefing that opens at once never flashes a banner (its panes say "Loading…").
        self.set_timer(OPENING_BANNER_DELAY, self._opening_banner)

    def _opening_banner(self) -> None:
        """Say what is taking time, unless the briefing is open or indexing progress shows already."""
        if self.ready or self.main.progress.display:
            return
        if self.bundle is not None:
            message = "Checking the bundled briefing…"
        elif self.folders and not self._update_after_open:
            message = f"Indexing {terminal_safe(self.folders[0].name)} for the first time…"
        else:
            message = "Opening the briefing…"
        self.main.progress.start(message)

    def on_unmount(self) -> None:
        """Close the database (and never leave the garbage collector paused)."""
        self._collector.resume_all()
        self._frames.release()
        self._beside.shutdown(wait=True, cancel_futures=True)
        self.store.close()

    @work(thread=True, group="start", exit_on_error=False)
    def _start(self) -> None:
        """Index the bundle or a new folder's briefing (when given), open the store, read the first screen's data."""
        report = None
        index_error = None
        # A folder's briefing that has articles opens at once; it is brought up to date after.
        self._update_after_open = bool(self.folders) and describe_briefing(self.db_path).sources > 0
        if self.bundle is not None or (self.folders and not self._update_after_open):
            try:
                report = self._index()
            except BriefingError as err:
                # What was indexed before is still worth showing; say why it is not up to date.
                index_error = str(err)
        try:
            self.store.open()
            # Taken before the first read, so a commit landing during it is seen by the first look.
            self._data_version = self.store.read(data_version)
            settings, specs, own = self._read_columns()
            self._default_columns = own and not settings.columns and bool(specs)
            overview = self.store.read(load_overview, Filters())
            columns = self.store.read(load_columns, specs, Filters())
        except Exception as err:  # whatever it is, the screen must say it rather than hang or crash
            message = str(err) if isinstance(err, BriefingError) else f"Could not open the briefing: {type(err).__name__}: {err}"
            self._screen_ready.wait(10)
            self.call_from_thread(self._start_failed, message, report)
            return
        if index_error:
            self.call_from_thread(self.notify, index_error, title="Indexing stopped", severity="error", timeout=10)
        # The main screen mounts while we read; results need its widgets.
        self._screen_ready.wait(10)
        self.call_from_thread(self._started, settings, specs, own, overview, columns, report)

    @on(messages.IndexProgress)
    def _index_progress(self, message: messages.IndexProgress) -> None:
        """Move the progress bar."""
        if self._screen_ready.is_set():
            self.main.progress.advance(message.done, message.total, message.path)

    def _start_failed(self, error: str, report: IndexReport | None) -> None:
        self.error = error
        self.main.progress.finish()
        self.main.show_notice(error, error=True)
        self.main.sources.set_items([], empty_text="—")
        self.main.timeline.set_items([], empty_text="—")
        # No briefing, no columns: the ones laid out while it opened would say "Loading…" forever.
        self.main.board.show([])
        self.main.sources.focus()
        self.main.header.not_open()
        self.ready = True
        # The filled screen is laid out and drawn over the next few frames: resume after those.
        self.set_timer(COLLECTOR_SETTLE, self._collector.resume)
        self.post_message(messages.Started(error, report))

    def _started(
        self,
        settings: Settings,
        specs: list[ColumnSpec],
        own: bool,
        overview: Overview,
        columns: ColumnsData,
        report: IndexReport | None,
    ) -> None:
        self.settings = settings
        self.state.specs = specs
        self._briefing_specs = list(specs) if own else None
        self.title = settings.title
        # One paint for the whole first screen, not one per pane.
        with self.batch_update():
            self._fill_first_screen(overview, columns)
        if overview.counts.sources == 0:
            self._empty_notice = True
            self.main.show_notice(self._no_sources_notice())
        self._tell_failures(report)
        self.ready = True
        # The filled screen is laid out and drawn over the next few frames: resume after those.
        self.set_timer(COLLECTOR_SETTLE, self._collector.resume)
        self.post_message(messages.Started(None, report))
        # Another process (`briefing index`) may write while the app is open: look now and then.
        self.set_interval(CHANGE_CHECK_SECONDS, self._check_for_changes)
        if self._update_after_open:
            self.updating_folders = True
            self._update_from_folders()

    def _fill_first_screen(self, overview: Overview, columns: ColumnsData) -> None:
        self.main.progress.finish()
        self._apply_overview(self._overview_generation, overview)
        self._apply_columns(self._columns_generation, columns)
        if self.state.search_query.strip():
            self.reload(overview=False)  # typed into the search box while the briefing was opening
        else:
            focus = self.main.board.columns[0] if self.main.board.columns else self.main.sources
            focus.focus()

    def action_refresh(self) -> None:
        """Read the briefing again, with the current filters and search."""
        if self.store.is_open:
            self._reread_briefing()
            self.notify("Read the briefing again.", timeout=3)

    # --- loading ----------------------------------------------------------------------------

    def reload(self, *, overview: bool = True) -> None:
        """Read the view again for the current filters and query (in threads)."""
        if not self.store.is_open:
            return
        state = self.state
        if overview:
            self._overview_generation += 1
            self._load_overview(self._overview_generation, state.filters)
        self._columns_generation += 1
        self._load_columns(self._columns_generation, list(state.specs), state.filters, state.search_query, state.search_raw)

    @work(thread=True, exclusive=True, group="overview", exit_on_error=False)
    def _load_overview(self, generation: int, filters: Filters) -> None:
        data = self.store.read(load_overview, filters)
        if get_current_worker().is_cancelled:
            self.post_message(messages.StaleResultDropped("overview", ""))
            return
        self.call_from_thread(self._apply_overview, generation, data)

    @work(thread=True, exclusive=True, group="columns", exit_on_error=False)
    def _load_columns(self, generation: int, specs: list[ColumnSpec], filters: Filters, query: str, raw: bool) -> None:
        # Parsed once; its articles are read on the store's second connection while its quotes are
        # read on the first: the two halves take about as long as the longer one.
        parsed = self.store.read(parse_query, query, raw=raw) if query.strip() else None
        if parsed is None:
            data = self.store.read(load_columns, specs, filters, query, raw)
        else:
            here = current_cpu()
            with kept_on(here):  # the articles' half keeps off this CPU (tui/cpus.py)
                hits = self._beside.submit(self._read_articles, here, filters, parsed)
                # What the last results' redraw left behind is collected while both halves run:
                # the screen has nothing to do until they are back, and SQLite works on meanwhile.
                self.call_later(self._collector.collect_young)
                data = self.store.read(load_columns, specs, filters, query, raw, parsed=parsed, articles=False)
                data.hits, data.article_total, data.articles_ranked = hits.result()
        if get_current_worker().is_cancelled:
            # A newer request is under way; this one must not overwrite it.
            self.post_message(messages.StaleResultDropped("columns", query))
            return
        self.call_from_thread(self._apply_columns, generation, data)

    def _read_articles(self, quotes_cpu: int | None, filters: Filters, parsed: Query) -> tuple[list[ArticleHit], int, int | None]:
        with kept_off(quotes_cpu):
            return self.store.read_beside(load_hits, filters, parsed)

    def _apply_overview(self, generation: int, data: Overview) -> None:
        if generation != self._overview_generation:
            self.dropped_results += 1
            self.post_message(messages.StaleResultDropped("overview", ""))
            return
        state = self.state
        self.overview = data
        self.inferred_ids = data.inferred_ids
        if self._empty_notice and data.counts.sources:
            self._empty_notice = False  # an index run has brought the first sources
            self.main.show_notice(None)
        self.main.header.update(data.title, data.counts, len(state.pins))
        self.main.show_overview(
            data.sources, state.filters.source_id, data.entries, state.pinned, state.filters.day is not None,
            total_sources=data.counts.sources, first_published=data.first_published,
        )
        self._show_status()
        if data.unsearchable and not self._told_unsearchable:
            self._told_unsearchable = True
            self.notify(UNSEARCHABLE.format(count=data.unsearchable), severity="warning", timeout=10)
        self.post_message(messages.OverviewLoaded(state.filters, len(data.sources), len(data.entries)))

    def _apply_columns(self, generation: int, data: ColumnsData) -> None:
        # Only the newest request may change the screen: the user has typed on since the others.
        if generation != self._columns_generation:
            self.dropped_results += 1
            self.post_message(messages.StaleResultDropped("columns", data.query))
            return
        try:
            self._show_columns_result(data)
        finally:
            # Once everything the result changes is asked to be drawn: it is, with the box's text.
            self._frames.release()

    def _show_columns_result(self, data: ColumnsData) -> None:
        searching = bool(data.query.strip())
        if data.error:
            self._open_best_when_loaded = False
            self.main.search.show_error(data.error)
            self.main.search.show_count("")
            self.post_message(messages.SearchFinished(data.query, 0, 0, data.error))
            return
        state = self.state
        self.columns_data = data
        self.main.search.show_error(None)
        self.main.show_columns(data, state.pinned, self.inferred_ids, state.filters.active)
        quotes = sum(len(rows) for _spec, rows in data.columns)
        if searching:
            note = f"{_of(quotes, data.quote_total, 'quote', data.quote_total_exact)} · {_of(len(data.hits), data.article_total, 'article')}"
            ranked = max(data.quotes_ranked or 0, data.articles_ranked or 0)
            if ranked:
                note += f" · {ranked_note(ranked, short=True)}"
            self.main.search.show_count(note)
        else:
            self.main.search.show_count(self._waiting_hint())
        self._show_status()
        self.post_message(messages.ColumnsLoaded(state.filters, data.query, {s.label: len(r) for s, r in data.columns}))
        if searching:
            self.post_message(messages.SearchFinished(data.query, quotes, len(data.hits), None))
        if self._open_best_when_loaded and data.query == state.search_query:
            self._open_best_when_loaded = False
            self._focus_results()
            self.call_after_refresh(self._open_best)

    def _show_status(self) -> None:
        state = self.state
        # A briefing with no settings opens on its most quoted speakers: say how to choose others.
        note = "columns: the most quoted speakers · c chooses others" if self._default_columns else ""
        self.main.status.show_state(state.filters.describe(), state.search_query if not self.main.search.display else "", note)

    # --- filters ----------------------------------------------------------------------------

    def set_filters(self, filters: Filters) -> None:
        """Narrow (or widen) the briefing; the previous filters are kept for escape."""
        if self.state.narrow(filters):
            self.post_message(messages.FiltersChanged(filters))
            self.reload()

    def clear_filters(self) -> None:
        """Show the whole briefing again."""
        self.set_filters(Filters())

    def goto_source(self, article_id: int, label: str | None = None) -> None:
        """Show only this source's quotes and events."""
        if label is None and self.overview is not None:
            label = next((s.label for s in self.overview.sources if s.id == article_id), None)
        self.set_filters(self.state.to_source(article_id, label))

    def goto_day(self, day: str) -> None:
        """Show only that day's quotes and events."""
        self.set_filters(self.state.to_day(day))

    def goto_speaker(self, name: str) -> None:
        """Show only this speaker's quotes."""
        self.set_filters(self.state.to_speaker(name))

    def action_back(self) -> None:
        """Escape: close the search, else undo the last filter."""
        search = self.main.search
        if search.display or self.state.search_query:
            search.action_close()
            return
        if self.state.back():
            self.post_message(messages.FiltersChanged(self.state.filters))
            self.reload()

    # --- search -----------------------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search box."""
        if self.screen is not self.main:
            self.pop_screen()
        self.main.search.open()
        self.main.open_search(typed=bool(self.state.search_query))
        self.main.board.prepare_tabs()
        self._typing()
        # Nothing is searched yet: a moment to collect what opening the box and the tabs left.
        self.call_after_refresh(self._collector.collect_young)

    def _box_changed(self, _value: str) -> None:
        # The new text is drawn with its results (or at once, when it searches nothing: see
        # _search_changed), not a frame before them.
        if self.main.search.display:
            self._frames.hold(self.main.search.input)

    @on(SearchBar.Changed)
    def _search_changed(self, event: SearchBar.Changed) -> None:
        self._typing()
        if not searchable(event.query, event.raw) or not event.query.strip():
            self.main.search.show_error(None)
        if not self.state.type_search(event.query, event.raw):
            self.main.search.show_count(self._waiting_hint())  # one letter typed: nothing to search yet
            self._frames.release()
            return
        self.reload(overview=False)

    def _waiting_hint(self) -> str:
        """What the search box says beside its mode while nothing is searched."""
        typed = self.main.search.value
        return "type on to search" if typed.strip() and not searchable(typed, self.main.search.raw) else ""

    def _typing(self) -> None:
        """No garbage collection in the middle of a burst of keys: it runs once they stop."""
        self._collector.keep_paused()
        if self._typing_over is not None:
            self._typing_over.stop()
        self._typing_over = self.set_timer(TYPING_SETTLE, partial(self._collector.resume, "typing"))

    @on(SearchBar.Closed)
    def _search_closed(self, _event: SearchBar.Closed) -> None:
        # Raw FTS5 mode is for the one search it was switched on in.
        self.state.close_search()
        self.main.close_search()
        self._show_status()
        self._focus_results()

    @on(SearchBar.Done)
    def _search_done(self, event: SearchBar.Done) -> None:
        # Enter in the search box opens the best match, as in most finders; down only moves
        # there. Results still on their way are waited for, so enter never opens a stale one.
        if event.open_first and self.columns_data is not None and self.columns_data.query != self.state.search_query:
            self._open_best_when_loaded = True
            return
        self._focus_results()
        if event.open_first:
            self.call_after_refresh(self._open_best)  # focus moves on the next refresh

    def _open_best(self) -> None:
        """Open the highlighted item of the focused result list, if any."""
        if isinstance(self.focused, BriefingList) and self.focused.items:
            self.focused.action_select()

    def _focus_results(self) -> None:
        board = self.main.board
        for column in board.columns:
            if column.items:
                board.activate(board.columns.index(column))
                return
        if self.main.hits.display and self.main.hits.items:
            self.main.hits.focus()
        elif board.columns:
            board.activate(board.active_index)

    @on(QuoteColumn.MoreWanted)
    def _more_wanted(self, event: QuoteColumn.MoreWanted) -> None:
        data = self.columns_data
        if data is None or not data.truncated or data.parsed != event.query or self._reading_more == self._columns_generation:
            return
        self._reading_more = self._columns_generation
        self._load_more(self._columns_generation, data, self.state.filters)

    @work(thread=True, exclusive=True, group="more", exit_on_error=False)
    def _load_more(self, generation: int, data: ColumnsData, filters: Filters) -> None:
        more = self.store.read(load_more_quotes, data, filters)
        self.call_from_thread(self._apply_more, generation, more)

    def _apply_more(self, generation: int, data: ColumnsData) -> None:
        if generation == self._columns_generation:
            self._reading_more = None  # the next page may be asked for
        self._apply_columns(generation, data)

    @on(QuoteColumn.MarksWanted)
    def _marks_wanted(self, event: QuoteColumn.MarksWanted) -> None:
        self._load_marks(event.column, event.query, event.ids)

    @work(thread=True, group="marks", exit_on_error=False)
    def _load_marks(self, column: QuoteColumn, query: Query, ids: list[int]) -> None:
        try:
            marks = self.store.read(quote_marks, query, ids)
        except (BriefingError, sqlite3.Error):
            return  # the cards stay unmarked; the search itself already reported any error
        self.call_from_thread(column.add_marks, query, marks)

    @on(ArticleHits.SnippetsWanted)
    def _snippets_wanted(self, event: ArticleHits.SnippetsWanted) -> None:
        self._load_snippets(event.hits, event.query, event.wanted)

    @work(thread=True, group="snippets", exit_on_error=False)
    def _load_snippets(self, hits: ArticleHits, query: Query, wanted: list) -> None:
        try:
            found = self.store.read(add_snippets, query, wanted)
        except (BriefingError, sqlite3.Error):
            return  # the hits stay without snippets; the search itself already reported any error
        self.call_from_thread(hits.add_snippets, query, found)

    # --- items ------------------------------------------------------------------------------

    @on(BriefingList.Action)
    def _item_action(self, event: BriefingList.Action) -> None:
        item, action = event.item, event.action
        if action == "link":
            self.open_link_of(item)
        elif isinstance(item, QuoteRow):
            self._quote_action(action, item)
        elif isinstance(item, TimelineItem):
            self._timeline_action(action, item)
        elif isinstance(item, Source):
            if action == "open":
                self.open_article(item.id)
            elif action == "filter":
                self.goto_source(item.id, item.label)
        elif action == "open" and hasattr(item, "snippet"):
            self.open_article(item.id, search=self._shown_search())

    def _shown_search(self) -> Query | None:
        """The parsed search whose results are on screen, if any."""
        data = self.columns_data
        return data.parsed if data is not None and data.query.strip() else None

    def _quote_action(self, action: str, quote: QuoteRow) -> None:
        if action == "open":
            self.open_article(quote.article_id, quote_id=quote.id, search=self._shown_search())
        elif action == "pin":
            self.toggle_pin(quote)
        elif action == "copy":
            self.copy_quote_with_citation(quote)
        elif action == "same-speaker":
            if not quote.speaker:
                self.notify("This quote has no known speaker.", timeout=3)
                return
            self.goto_speaker(quote.speaker)
        elif action == "same-source":
            self.goto_source(quote.article_id, quote.label)
        elif action == "same-day":
            if not quote.published:
                self.notify("This source has no date.", timeout=3)
                return
            self.goto_day(quote.published)

    def _timeline_action(self, action: str, item: TimelineItem) -> None:
        if action == "open" and item.event is not None:
            self.open_article(item.event.article_id, offset=item.event.start)
        elif action in ("open", "filter"):
            if item.entry.granularity != "day" or not item.day:
                self.notify("Only a single day can be chosen; this line covers a longer time.", timeout=3)
                return
            self.goto_day(item.day)
        elif action == "pin":
            if item.event is None:
                self.notify("Pin an event line, not the date.", timeout=3)
                return
            self.toggle_pin(item.event)

    def open_article(
        self, article_id: int, *, quote_id: int | None = None, offset: int | None = None, search: Query | None = None
    ) -> None:
        """Open the reader on an article, at a quote or an offset, marking what `search` matches in it."""
        self.push_screen(
            ReaderScreen(
                self.store, article_id, colour_of=self.state.colour_of, legend=self.state.legend(),
                quote_id=quote_id, offset=offset, search=search,
            )
        )
        self.post_message(messages.ArticleOpened(article_id, quote_id, offset))

    # --- pins -------------------------------------------------------------------------------

    def toggle_pin(self, item: Pinnable) -> None:
        """Pin or unpin a quote or event (pinned items make the exported brief)."""
        key, pinned = self.state.toggle_pin(item)
        keys = self.state.pinned
        for column in self.main.board.columns:
            column.pinned = keys
            if isinstance(item, QuoteRow):
                column.rerender(item)
        timeline = self.main.timeline
        timeline.pinned = keys
        for line in timeline.visible_items:
            if line.key == key:
                timeline.rerender(line)
        if self.overview is not None:
            self.main.header.update(self.overview.title, self.overview.counts, len(keys))
        self.notify(("Pinned" if pinned else "Unpinned") + f" · {len(keys)} pinned", timeout=2)
        self.post_message(messages.PinsChanged(key, pinned, len(keys)))

    @on(ReaderScreen.Pin)
    def _reader_pin(self, event: ReaderScreen.Pin) -> None:
        self.toggle_pin(event.quote)

    # --- columns ----------------------------------------------------------------------------

    def action_choose_columns(self) -> None:
        """Open the speaker picker."""
        if not self.store.is_open:
            self.notify("The briefing is not open yet.", timeout=3)
            return
        self.push_screen(SpeakerPicker(self.store, list(self.state.specs)), self._columns_chosen)

    @on(messages.SpeakersRenamed)
    def _speakers_renamed(self, event: messages.SpeakersRenamed) -> None:
        """A column of a merged or renamed speaker follows the new name; everything is read again."""
        if event.action != "hide":
            specs = [ColumnSpec(event.after, speaker=event.after) if s.speaker == event.before else s for s in self.state.specs]
            self.state.specs = list(dict.fromkeys(specs))
            if prefs.load_columns(self.db_path) is not None:
                prefs.save_columns(self.db_path, self.state.specs)  # columns chosen before keep the speaker
        self.reload()

    def _columns_chosen(self, specs: list[ColumnSpec] | None) -> None:
        if not specs:
            return
        self._default_columns = False
        self.state.specs = specs
        saved = prefs.save_columns(self.db_path, specs)
        if saved is None:
            self.notify("Could not remember the columns (config folder not writable).", severity="warning")
        self.post_message(messages.ColumnsChosen(specs, saved))
        self.reload(overview=False)

    # --- help -------------------------------------------------------------------------------

    def action_help(self) -> None:
        """Show every key binding."""
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.BINDINGS, self._key_label))

    def _key_label(self, binding: Binding) -> str:
        if binding.key_display:
            return binding.key_display
        return " / ".join(self.get_key_display(Binding(key, binding.action)) for key in binding.key.split(","))

    # --- errors -----------------------------------------------------------------------------

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker failed: say so in one line instead of crashing."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            message = str(error) if isinstance(error, BriefingError) else f"{type(error).__name__}: {error}"
            self.notify(message, title="Something went wrong", severity="error", timeout=10)


def run_app(
    db_path: Path | str,
    *,
    bundle: Path | str | None = None,
    folders: list[Path | str] | None = None,
    model: str | None = None,
) -> None:
    """Open the app on `db_path`, indexing `bundle` or `folders` into it (see `BriefingApp`)."""
    BriefingApp(db_path, bundle=bundle, folders=folders, model=model).run()


def _of(shown: int, total: int, noun: str, exact: bool = True) -> str:
    """'20 of 1,150 quotes' when a search shows a page of its matches, '12 quotes' when all
    ('of about 1,150' when the total is rough)."""
    plural = noun if total == 1 else noun + "s"
    return f"{shown:,} of {'' if exact else 'about '}{total:,} {plural}" if total > shown else f"{total:,} {plural}"
