"""The briefing app: the App, its messages, and `run_app` (what `briefing` with no command opens)."""

from __future__ import annotations

import gc
import sqlite3
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import ClassVar

from briefing.core.errors import BriefingError
from briefing.core.export import render_brief, write_brief
from briefing.core.models import IndexReport
from briefing.core.settings import Settings
from briefing.core.store.reads import sources_with_ids
from briefing.core.store.rows import EventRow, QuoteRow, Source
from briefing.core.store.search import UNSEARCHABLE, quote_marks
from briefing.tui import prefs
from briefing.tui.commands import BriefingCommands
from briefing.tui.screens import FOCUS_BINDINGS
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.screens.speaker_picker import SpeakerPicker
from briefing.tui.view import (
    ColumnsData,
    ColumnSpec,
    Filters,
    Overview,
    Stale,
    Store,
    default_columns,
    effective_columns,
    load_columns,
    load_overview,
    load_settings,
    searchable,
)
from briefing.tui.widgets.article_view import ArticleView
from briefing.tui.widgets.briefing_list import BriefingList
from briefing.tui.widgets.column_choices import ColumnChoices
from briefing.tui.widgets.quote_column import QuoteColumn
from briefing.tui.widgets.search_bar import SearchBar
from briefing.tui.widgets.source_list import SourceList
from briefing.tui.widgets.timeline_list import TimelineItem, TimelineList
from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.worker import Worker, WorkerState, get_current_worker

Pinnable = QuoteRow | EventRow


#: How often the app looks for commits by another process (a running `briefing index`).
CHANGE_CHECK_SECONDS = 2.0
#: How long opening may take before a banner says it is under way.
OPENING_BANNER_DELAY = 0.3
#: Longest the garbage collector stays paused at start-up (a bundle being indexed takes longer).
COLLECTOR_PAUSE_LIMIT = 2.0
#: How long after the first screen is filled the collector resumes (its first frames are drawn by then).
COLLECTOR_SETTLE = 0.5


def _pause_collector() -> bool:
    """Pause Python's cyclic garbage collector for the start-up; True when this paused it.

    Building the first screen allocates a great many short-lived objects (styles, strips,
    options): with the collector on, a third of the start-up went on collections that freed
    almost nothing, as reference counting frees them anyway. Textual pauses it the same way
    while scrolling (App.PAUSE_GC_ON_SCROLL). It is turned back on once the screen is up.
    """
    if not gc.isenabled():
        return False
    gc.disable()
    return True


class BriefingApp(App[None], inherit_bindings=False):
    """A briefing on screen: sources, timeline and side-by-side quotes, driven from the keyboard.

    Start-up contract (for tests and the start-up benchmark): everything slow runs in thread
    workers, and results are applied on the main thread before those workers finish, so

        async with BriefingApp(db_path).run_test(size=(120, 40)) as pilot:
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    leaves the first screen fully populated (header counts, sources, timeline, quote columns),
    `app.ready` is True and a `BriefingApp.Started` message has been posted. Likewise, after
    `await pilot.press("/")`, `await pilot.press(*"pogrom")`, `wait_for_complete()` and
    `pause()`, the columns hold the matching quotes with the terms highlighted, the matching
    articles are listed, and `SearchFinished` was posted for the last query (results of
    earlier keystrokes are dropped, with `StaleResultDropped`).
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

    # --- messages ---------------------------------------------------------------------------

    class IndexProgress(Message):
        """Indexing the bundle advanced (a newer one replaces a queued older one)."""

        def __init__(self, done: int, total: int, path: str) -> None:
            """Files done, files in all, the file just read."""
            super().__init__()
            self.done = done
            self.total = total
            self.path = path

        def can_replace(self, message: Message) -> bool:
            """Only the latest progress matters."""
            return isinstance(message, BriefingApp.IndexProgress)

    class Started(Message):
        """The first screen is populated (or shows why it cannot be)."""

        def __init__(self, error: str | None, report: IndexReport | None) -> None:
            """The start-up error, if any, and the index report when the bundle was indexed."""
            super().__init__()
            self.error = error
            self.report = report

    class OverviewLoaded(Message):
        """Sources and timeline were shown for these filters."""

        def __init__(self, filters: Filters, sources: int, entries: int) -> None:
            """The filters and how many sources and timeline entries are shown."""
            super().__init__()
            self.filters = filters
            self.sources = sources
            self.entries = entries

    class ColumnsLoaded(Message):
        """The quote columns were shown for these filters and query."""

        def __init__(self, filters: Filters, query: str, counts: dict[str, int]) -> None:
            """The filters, the query, and the number of quotes per column label."""
            super().__init__()
            self.filters = filters
            self.query = query
            self.counts = counts

    class SearchFinished(Message):
        """A search result was applied (or its error shown)."""

        def __init__(self, query: str, quotes: int, articles: int, error: str | None) -> None:
            """The query, matching quotes shown, matching articles, and the inline error if any."""
            super().__init__()
            self.query = query
            self.quotes = quotes
            self.articles = articles
            self.error = error

    class StaleResultDropped(Message):
        """A worker finished after the user had moved on; its result was thrown away."""

        def __init__(self, kind: str, query: str) -> None:
            """'columns' or 'overview', and the query it was for."""
            super().__init__()
            self.kind = kind
            self.query = query

    class FiltersChanged(Message):
        """The briefing was narrowed (or widened back)."""

        def __init__(self, filters: Filters) -> None:
            """The new filters."""
            super().__init__()
            self.filters = filters

    class ColumnsChosen(Message):
        """The user chose new columns (remembered for this database)."""

        def __init__(self, specs: list[ColumnSpec], saved_to: Path | None) -> None:
            """The columns and the preferences file (None when it could not be written)."""
            super().__init__()
            self.specs = specs
            self.saved_to = saved_to

    class PinsChanged(Message):
        """A quote or event was pinned or unpinned."""

        def __init__(self, key: str, pinned: bool, total: int) -> None:
            """The item key ('quote-3', 'event-9'), its new state, and how many are pinned."""
            super().__init__()
            self.key = key
            self.pinned = pinned
            self.total = total

    class ArticleOpened(Message):
        """The reader was opened on an article."""

        def __init__(self, article_id: int, quote_id: int | None, offset: int | None) -> None:
            """The article, and the quote or offset it was opened at."""
            super().__init__()
            self.article_id = article_id
            self.quote_id = quote_id
            self.offset = offset

    class BriefExported(Message):
        """A Markdown brief was written."""

        def __init__(self, path: Path, quotes: int, events: int, pinned: bool) -> None:
            """Where it went, what it holds, and whether it was the pinned items."""
            super().__init__()
            self.path = path
            self.quotes = quotes
            self.events = events
            self.pinned = pinned

    # --- set-up -----------------------------------------------------------------------------

    def __init__(self, db_path: Path | str, *, bundle: Path | str | None = None, model: str | None = None) -> None:
        """Open the briefing at `db_path`; index `bundle` (a folder) into it first when given."""
        super().__init__()
        self.db_path = Path(db_path).expanduser()
        self.bundle = Path(bundle) if bundle is not None else None
        self.model = model
        self.store = Store(self.db_path)
        self.settings = Settings()
        #: The columns chosen (before a speaker filter narrows them to one).
        self.specs: list[ColumnSpec] = []
        self.filters = Filters()
        #: Whether the user was told that some articles are not searchable yet (once a session).
        self._told_unsearchable = False
        #: Earlier filters, most recent last: escape goes back through them.
        self.history: list[Filters] = []
        self.search_query = ""
        self.search_raw = False
        #: Pinned quotes and events by key ('quote-3', 'event-9'), in pinning order.
        self.pins: dict[str, Pinnable] = {}
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
        self._screen_ready = threading.Event()
        self._data_version: int | None = None
        self._open_best_when_loaded = False
        self._checking = False
        self.main = MainScreen()
        self._collector_paused = False

    def get_default_screen(self) -> MainScreen:
        """The main screen is the first and bottom screen."""
        return self.main

    def on_load(self) -> None:
        """Start reading the briefing in a thread before the screen is built (it fills in as it arrives).

        Building the first screen also goes faster without garbage collections.
        """
        self._collector_paused = _pause_collector()
        self._start()

    def on_mount(self) -> None:
        """Never leave the collector paused for long (indexing a bundle takes a while)."""
        self.set_timer(COLLECTOR_PAUSE_LIMIT, self._resume_collector)

    def _resume_collector(self) -> None:
        """Turn the garbage collector back on (the first screen is up, or start-up is taking long)."""
        if self._collector_paused:
            self._collector_paused = False
            gc.enable()

    @on(MainScreen.Ready)
    def _main_ready(self, _event: MainScreen.Ready) -> None:
        self._screen_ready.set()
        # A briefing that opens at once never flashes a banner (its panes say "Loading…").
        self.set_timer(OPENING_BANNER_DELAY, self._opening_banner)

    def _opening_banner(self) -> None:
        """Say what is taking time, unless the briefing is open or indexing progress shows already."""
        if self.ready or self.main.progress.display:
            return
        message = "Checking the bundled briefing…" if self.bundle is not None else "Opening the briefing…"
        self.main.progress.start(message)

    def on_unmount(self) -> None:
        """Close the database (and never leave the garbage collector paused)."""
        self._resume_collector()
        self.store.close()

    @work(thread=True, group="start", exit_on_error=False)
    def _start(self) -> None:
        """Index the bundle (when given), open the store, read the first screen's data."""
        report = None
        index_error = None
        if self.bundle is not None:
            try:
                report = self._index_bundle()
            except BriefingError as err:
                # What was indexed before is still worth showing; say why it is not up to date.
                index_error = str(err)
        try:
            self.store.open()
            settings = self.store.read(load_settings)
            specs = prefs.load_columns(self.db_path) or self.store.read(default_columns, settings)
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
        self.call_from_thread(self._started, settings, specs, overview, columns, report)

    def _index_bundle(self) -> IndexReport:
        """Bring the database up to date with the bundled folder (cheap when nothing changed)."""
        from briefing.core.indexer import index_bundle
        from briefing.core.store.database import open_database

        db = open_database(self.db_path)
        try:
            return index_bundle(
                db,
                self.bundle,
                model=self.model,
                progress=lambda done, total, path: self.post_message(self.IndexProgress(done, total, path)),
            )
        finally:
            db.conn.close()

    def on_briefing_app_index_progress(self, message: IndexProgress) -> None:
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
        self.set_timer(COLLECTOR_SETTLE, self._resume_collector)
        self.post_message(self.Started(error, report))

    def _started(
        self, settings: Settings, specs: list[ColumnSpec], overview: Overview, columns: ColumnsData, report: IndexReport | None
    ) -> None:
        self.settings = settings
        self.specs = specs
        self.title = settings.title
        # One paint for the whole first screen, not one per pane.
        with self.batch_update():
            self._fill_first_screen(overview, columns)
        if overview.counts.sources == 0:
            self.main.show_notice(
                f"This briefing has no sources yet. Index a folder of articles into it:\n"
                f"  briefing index FOLDER --db {self.db_path}"
            )
        if report is not None and report.failed:
            names = ", ".join(Path(p.path).name for p in report.problems if p.skipped)
            self.notify(f"{report.failed} file(s) could not be read: {names}", severity="warning", timeout=8)
        self.ready = True
        # The filled screen is laid out and drawn over the next few frames: resume after those.
        self.set_timer(COLLECTOR_SETTLE, self._resume_collector)
        self.post_message(self.Started(None, report))
        # Another process (`briefing index`) may write while the app is open: look now and then.
        self.set_interval(CHANGE_CHECK_SECONDS, self._check_for_changes)

    def _fill_first_screen(self, overview: Overview, columns: ColumnsData) -> None:
        self.main.progress.finish()
        self._apply_overview(self._overview_generation, overview)
        self._apply_columns(self._columns_generation, columns)
        if self.search_query.strip():
            self.reload(overview=False)  # typed into the search box while the briefing was opening
        else:
            focus = self.main.board.columns[0] if self.main.board.columns else self.main.sources
            focus.focus()

    def action_refresh(self) -> None:
        """Read the briefing again, with the current filters and search."""
        if self.store.is_open:
            self.reload()
            self.notify("Read the briefing again.", timeout=3)

    def _check_for_changes(self) -> None:
        """Look for commits by another connection, unless the previous look is still waiting.

        Not an exclusive worker: when reads are slow (a huge briefing) a new look would cancel
        the last one every tick, and nobody waiting for the app's workers would ever see them end.
        """
        if self._checking or not self.store.is_open:
            return
        self._checking = True
        self._look_for_changes()

    @work(thread=True, group="changes", exit_on_error=False)
    def _look_for_changes(self) -> None:
        """Reload when another connection has committed since the last look (PRAGMA data_version)."""
        try:
            version = self.store.read(lambda db: db.execute("PRAGMA data_version").fetchone()[0])
        finally:
            self._checking = False
        previous, self._data_version = self._data_version, version
        if previous is not None and version != previous:
            self.call_from_thread(self._changed_elsewhere)

    def _changed_elsewhere(self) -> None:
        self.reload()
        self.notify("The briefing changed on disk; showing the new state.", timeout=4)

    # --- loading ----------------------------------------------------------------------------

    def reload(self, *, overview: bool = True) -> None:
        """Read the view again for the current filters and query (in threads)."""
        if not self.store.is_open:
            return
        if overview:
            self._overview_generation += 1
            self._load_overview(self._overview_generation, self.filters)
        self._columns_generation += 1
        self._load_columns(self._columns_generation, list(self.specs), self.filters, self.search_query, self.search_raw)

    @work(thread=True, exclusive=True, group="overview", exit_on_error=False)
    def _load_overview(self, generation: int, filters: Filters) -> None:
        data = self.store.read(load_overview, filters)
        if get_current_worker().is_cancelled:
            self.post_message(self.StaleResultDropped("overview", ""))
            return
        self.call_from_thread(self._apply_overview, generation, data)

    @work(thread=True, exclusive=True, group="columns", exit_on_error=False)
    def _load_columns(self, generation: int, specs: list[ColumnSpec], filters: Filters, query: str, raw: bool) -> None:
        try:
            data = self.store.read(
                load_columns, specs, filters, query, raw, is_stale=lambda: generation != self._columns_generation
            )
        except Stale:
            self.post_message(self.StaleResultDropped("columns", query))
            return
        if get_current_worker().is_cancelled:
            # A newer request is under way; this one must not overwrite it.
            self.post_message(self.StaleResultDropped("columns", query))
            return
        self.call_from_thread(self._apply_columns, generation, data)

    def _apply_overview(self, generation: int, data: Overview) -> None:
        if generation != self._overview_generation:
            self.dropped_results += 1
            self.post_message(self.StaleResultDropped("overview", ""))
            return
        self.overview = data
        self.inferred_ids = data.inferred_ids
        self.main.header.update(data.title, data.counts, len(self.pins))
        self.main.show_overview(
            data.sources, self.filters.source_id, data.entries, set(self.pins), self.filters.day is not None,
            total_sources=data.counts.sources, first_published=data.first_published,
        )
        self._show_status()
        if data.unsearchable and not self._told_unsearchable:
            self._told_unsearchable = True
            self.notify(UNSEARCHABLE.format(count=data.unsearchable), severity="warning", timeout=10)
        self.post_message(self.OverviewLoaded(self.filters, len(data.sources), len(data.entries)))

    def _apply_columns(self, generation: int, data: ColumnsData) -> None:
        # Only the newest request may change the screen: the user has typed on since the others.
        if generation != self._columns_generation:
            self.dropped_results += 1
            self.post_message(self.StaleResultDropped("columns", data.query))
            return
        searching = bool(data.query.strip())
        if data.error:
            self._open_best_when_loaded = False
            self.main.search.show_error(data.error)
            self.main.search.show_count("")
            self.post_message(self.SearchFinished(data.query, 0, 0, data.error))
            return
        self.columns_data = data
        self.main.search.show_error(None)
        self.main.show_columns(data, set(self.pins), self.inferred_ids, self.filters.active)
        quotes = sum(len(rows) for _spec, rows in data.columns)
        if searching:
            note = (
                f"{quotes}{'+' if data.truncated else ''} quote{'' if quotes == 1 else 's'} · "
                f"{len(data.hits)} article{'' if len(data.hits) == 1 else 's'}"
            )
            self.main.search.show_count(note)
        else:
            self.main.search.show_count(self._waiting_hint())
        self._show_status()
        self.post_message(self.ColumnsLoaded(self.filters, data.query, {s.label: len(r) for s, r in data.columns}))
        if searching:
            self.post_message(self.SearchFinished(data.query, quotes, len(data.hits), None))
        if self._open_best_when_loaded and data.query == self.search_query:
            self._open_best_when_loaded = False
            self._focus_results()
            self.call_after_refresh(self._open_best)

    def _show_status(self) -> None:
        self.main.status.show_state(self.filters.describe(), self.search_query if not self.main.search.display else "")

    # --- filters ----------------------------------------------------------------------------

    def set_filters(self, filters: Filters) -> None:
        """Narrow (or widen) the briefing; the previous filters are kept for escape."""
        if filters == self.filters:
            return
        self.history.append(self.filters)
        self.filters = filters
        self.post_message(self.FiltersChanged(filters))
        self.reload()

    def clear_filters(self) -> None:
        """Show the whole briefing again."""
        self.set_filters(Filters())

    def goto_source(self, article_id: int, label: str | None = None) -> None:
        """Show only this source's quotes and events."""
        if label is None and self.overview is not None:
            label = next((s.label for s in self.overview.sources if s.id == article_id), None)
        self.set_filters(self.filters.with_(source_id=article_id, source_label=label or f"source {article_id}"))

    def goto_day(self, day: str) -> None:
        """Show only that day's quotes and events."""
        self.set_filters(self.filters.with_(day=day))

    def goto_speaker(self, name: str) -> None:
        """Show only this speaker's quotes."""
        self.set_filters(self.filters.with_(speaker=name))

    def action_back(self) -> None:
        """Escape: close the search, else undo the last filter."""
        search = self.main.search
        if search.display or self.search_query:
            search.action_close()
            return
        if self.history:
            self.filters = self.history.pop()
            self.post_message(self.FiltersChanged(self.filters))
            self.reload()

    # --- search -----------------------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search box."""
        if self.screen is not self.main:
            self.pop_screen()
        self.main.search.open()

    @on(SearchBar.Changed)
    def _search_changed(self, event: SearchBar.Changed) -> None:
        # Until the query is long enough to narrow anything, the briefing stays as it is.
        query = event.query if searchable(event.query, event.raw) else ""
        if not query.strip():
            self.main.search.show_error(None)
        if query != event.query and not self.search_query and event.raw == self.search_raw:
            self.main.search.show_count(self._waiting_hint())  # one letter typed: nothing to search yet
            return
        self.search_query = query
        self.search_raw = event.raw
        self.reload(overview=False)

    def _waiting_hint(self) -> str:
        """What the search box says beside its mode while nothing is searched."""
        typed = self.main.search.value
        return "type on to search" if typed.strip() and not searchable(typed, self.main.search.raw) else ""

    @on(SearchBar.Closed)
    def _search_closed(self, _event: SearchBar.Closed) -> None:
        self.search_query = ""
        self._show_status()
        self._focus_results()

    @on(SearchBar.Done)
    def _search_done(self, event: SearchBar.Done) -> None:
        # Enter in the search box opens the best match, as in most finders; down only moves
        # there. Results still on their way are waited for, so enter never opens a stale one.
        if event.open_first and self.columns_data is not None and self.columns_data.query != self.search_query:
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

    @on(QuoteColumn.MarksWanted)
    def _marks_wanted(self, event: QuoteColumn.MarksWanted) -> None:
        self._load_marks(event.column, event.query, event.raw, event.ids)

    @work(thread=True, group="marks", exit_on_error=False)
    def _load_marks(self, column: QuoteColumn, query: str, raw: bool, ids: list[int]) -> None:
        try:
            marks = self.store.read(quote_marks, query, ids, raw=raw)
        except (BriefingError, sqlite3.Error):
            return  # the cards stay unmarked; the search itself already reported any error
        self.call_from_thread(column.add_marks, (query, raw), marks)

    # --- items ------------------------------------------------------------------------------

    @on(BriefingList.Action)
    def _item_action(self, event: BriefingList.Action) -> None:
        item, action = event.item, event.action
        if isinstance(item, QuoteRow):
            self._quote_action(action, item)
        elif isinstance(item, TimelineItem):
            self._timeline_action(action, item)
        elif isinstance(item, Source):
            if action == "open":
                self.open_article(item.id)
            elif action == "filter":
                self.goto_source(item.id, item.label)
        elif action == "open" and hasattr(item, "snippet"):
            self.open_article(item.id, terms=tuple(self.search_query.split()))

    def _quote_action(self, action: str, quote: QuoteRow) -> None:
        if action == "open":
            self.open_article(quote.article_id, quote_id=quote.id)
        elif action == "pin":
            self.toggle_pin(quote)
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

    def colour_of(self, quote: QuoteRow) -> int:
        """Speaker colour (1–6) of a quote: the colour of its column, 0 when in none."""
        for index, spec in enumerate(effective_columns(self.specs, self.filters)):
            if spec.matches(quote):
                return index % 6 + 1
        return 0

    def open_article(
        self, article_id: int, *, quote_id: int | None = None, offset: int | None = None, terms: tuple[str, ...] = ()
    ) -> None:
        """Open the reader on an article, at a quote or an offset."""
        specs = effective_columns(self.specs, self.filters)
        legend = [(spec.label, index % 6 + 1) for index, spec in enumerate(specs)] + [("other", 0)]
        self.push_screen(
            ReaderScreen(
                self.store, article_id, colour_of=self.colour_of, legend=legend,
                quote_id=quote_id, offset=offset, terms=terms,
            )
        )
        self.post_message(self.ArticleOpened(article_id, quote_id, offset))

    # --- pins -------------------------------------------------------------------------------

    def toggle_pin(self, item: Pinnable) -> None:
        """Pin or unpin a quote or event (pinned items make the exported brief)."""
        key = f"quote-{item.id}" if isinstance(item, QuoteRow) else f"event-{item.id}"
        pinned = key not in self.pins
        if pinned:
            self.pins[key] = item
        else:
            del self.pins[key]
        keys = set(self.pins)
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
            self.main.header.update(self.overview.title, self.overview.counts, len(self.pins))
        self.notify(("Pinned" if pinned else "Unpinned") + f" · {len(self.pins)} pinned", timeout=2)
        self.post_message(self.PinsChanged(key, pinned, len(self.pins)))

    @on(ReaderScreen.Pin)
    def _reader_pin(self, event: ReaderScreen.Pin) -> None:
        self.toggle_pin(event.quote)

    # --- export -----------------------------------------------------------------------------

    def action_export(self) -> None:
        """Write a Markdown brief: the pinned items, or what is on screen when nothing is pinned."""
        title = self.settings.title
        if self.pins:
            quotes = [i for i in self.pins.values() if isinstance(i, QuoteRow)]
            events = [i for i in self.pins.values() if isinstance(i, EventRow)]
            used = sorted({i.article_id for i in self.pins.values()})
            self._write_brief(
                partial(render_brief, title, quotes=quotes, events=events, note=f"{len(self.pins)} pinned item(s)"),
                used, title, len(quotes), len(events), True,
            )
            return
        seen: set[int] = set()
        quotes = []
        for _spec, rows in (self.columns_data.columns if self.columns_data else []):
            for quote in rows:
                if quote.id not in seen:
                    seen.add(quote.id)
                    quotes.append(quote)
        entries = self.overview.entries if self.overview else []
        # The sources of what is shown: the chosen one, else those of the quotes and events.
        if self.filters.source_id is not None:
            used = [self.filters.source_id]
        else:
            used = sorted({q.article_id for q in quotes} | {e.article_id for entry in entries for e in entry.events})
        note_parts = self.filters.describe() + ([f"search: {self.search_query}"] if self.search_query.strip() else [])
        render = partial(
            render_brief, title, quotes=quotes, entries=entries,
            note=("Showing only " + " · ".join(note_parts)) if note_parts else "",
        )
        self._write_brief(render, used, title, len(quotes), sum(len(e.events) for e in entries), False)

    @work(thread=True, group="export", exit_on_error=False)
    def _write_brief(self, render: Callable[..., str], source_ids: list[int], title: str, quotes: int, events: int, pinned: bool) -> None:
        try:
            sources = self.store.read(sources_with_ids, source_ids)
            path = write_brief(render(sources=sources), title=title)
        except (BriefingError, sqlite3.Error) as err:
            message = str(err) if isinstance(err, BriefingError) else f"Could not read the sources for the brief: {err}"
            self.call_from_thread(self.notify, message, severity="error", timeout=8)
            return
        what = "pinned items" if pinned else "what is on screen"
        self.call_from_thread(self.notify, f"Wrote the brief ({what}) to {path}", title="Exported", timeout=8)
        self.post_message(self.BriefExported(path, quotes, events, pinned))

    # --- columns ----------------------------------------------------------------------------

    def action_choose_columns(self) -> None:
        """Open the speaker picker."""
        if not self.store.is_open:
            self.notify("The briefing is not open yet.", timeout=3)
            return
        self.push_screen(SpeakerPicker(self.store, list(self.specs)), self._columns_chosen)

    def _columns_chosen(self, specs: list[ColumnSpec] | None) -> None:
        if not specs:
            return
        self.specs = specs
        saved = prefs.save_columns(self.db_path, specs)
        if saved is None:
            self.notify("Could not remember the columns (config folder not writable).", severity="warning")
        self.post_message(self.ColumnsChosen(specs, saved))
        self.reload(overview=False)

    # --- help -------------------------------------------------------------------------------

    def binding_sections(self) -> list[tuple[str, list[Binding]]]:
        """Every key binding of the app, by where it works (the help screen lists these)."""

        def own(cls) -> list[Binding]:
            """Bindings declared by the class itself."""
            return [b for b in cls.BINDINGS if isinstance(b, Binding)]

        return [
            ("Everywhere", own(BriefingApp) + FOCUS_BINDINGS),
            ("Main screen", [b for b in own(MainScreen) if b not in FOCUS_BINDINGS]),
            ("Lists (sources, timeline, columns, articles)", own(BriefingList)),
            ("Quote columns", own(QuoteColumn)),
            ("Sources", own(SourceList)),
            ("Timeline", own(TimelineList)),
            ("Search box", own(SearchBar)),
            ("Article reader", [b for b in own(ReaderScreen) if b not in FOCUS_BINDINGS] + own(ArticleView)),
            ("Speaker picker", [b for b in own(SpeakerPicker) if b not in FOCUS_BINDINGS] + own(ColumnChoices)),
            ("Help", [b for b in own(HelpScreen) if b not in FOCUS_BINDINGS]),
        ]

    def action_help(self) -> None:
        """Show every key binding."""
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.binding_sections(), self._key_label))

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


def run_app(db_path: Path | str, *, bundle: Path | str | None = None, model: str | None = None) -> None:
    """Open the app on `db_path`, indexing `bundle` into it first when given."""
    BriefingApp(db_path, bundle=bundle, model=model).run()
