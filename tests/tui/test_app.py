"""Functional tests of the app: state and messages after key presses, never pixels."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from briefing.core.locations import bundled_data_dir
from briefing.core.models import Extraction, Quote
from briefing.core.store.database import load_stored_settings, open_database, write_extraction
from briefing.tui import messages as app_messages
from briefing.tui import prefs
from briefing.tui.app import BriefingApp
from briefing.tui.commands import BriefingCommands
from briefing.tui.dialogs.help import HelpScreen
from briefing.tui.dialogs.speaker_picker import SpeakerPicker
from briefing.tui.loader import COLUMN_QUOTE_LIMIT, SEARCH_QUOTE_LIMIT
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.article_view import ArticleView
from briefing.tui.widgets.column_choices import ColumnChoices
from briefing.tui.widgets.quote_column import QuoteColumn
from textual.message import Message


def of_type(messages: list[Message], kind: type) -> list:
    """The messages of one class, in order."""
    return [m for m in messages if isinstance(m, kind)]


async def settle(pilot) -> None:
    """Let every worker finish and its result reach the screen."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_reader(pilot) -> ArticleView:
    """Enter on the highlighted item: the reader's article view, once the article is shown."""
    await pilot.press("enter")
    await settle(pilot)
    return pilot.app.screen.query_one(ArticleView)


def column(app: BriefingApp, label: str) -> QuoteColumn:
    """The quote column with this label."""
    return next(c for c in app.main.board.columns if c.spec.label == label)


def texts(col: QuoteColumn) -> list[str]:
    """The quote texts of a column."""
    return [q.text for q in col.items]


# --- start ------------------------------------------------------------------------------------


async def test_first_screen_is_populated_after_workers(briefing_db):
    """The start-up contract: wait for workers, pause, and everything is there."""
    messages: list[Message] = []
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert app.ready and app.error is None
        assert of_type(messages, app_messages.Started)
        assert [s.label for s in app.main.board.specs] == ["Vucic", "NATO", "Meloni"]
        assert {c.spec.label: len(c.items) for c in app.main.board.columns} == {"Vucic": 5, "NATO": 5, "Meloni": 1}
        assert [s.label for s in app.main.sources.items] == ["Bloomberg", "unknown outlet", "The Associated Press"]
        headings = [line.entry.value for line in app.main.timeline.items if line.event is None]
        assert "2023-05-29" in headings and headings == sorted(headings, key=lambda v: v.replace("-W21", "-05-22"))
        assert app.main.header.query_one("#header-counts").render().plain == "3 sources · 11 quotes · 7 events"
        assert app.main.board.columns[0].has_focus


async def test_first_run_indexes_the_bundle_with_progress(tmp_path):
    """`briefing` on a new database indexes the bundled folder in a worker, showing progress."""
    bundle = tmp_path / "bundle"
    shutil.copytree(bundled_data_dir(), bundle)
    messages: list[Message] = []
    app = BriefingApp(tmp_path / "new.db", bundle=bundle)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        started = of_type(messages, app_messages.Started)
        assert started and started[0].error is None and started[0].report.added == 3
        assert of_type(messages, app_messages.IndexProgress)
        assert len(app.main.sources.items) == 3
        assert not app.main.progress.display
    # A second start finds nothing to do: incremental and cheap.
    messages.clear()
    app = BriefingApp(tmp_path / "new.db", bundle=bundle)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        report = of_type(messages, app_messages.Started)[0].report
        assert (report.added, report.updated, report.unchanged) == (0, 0, 3)


async def test_missing_database_is_a_message_not_a_crash(tmp_path):
    """Opening a database that is not there says so on screen."""
    messages: list[Message] = []
    app = BriefingApp(tmp_path / "nope.db")
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await settle(pilot)
        assert "No briefing database" in of_type(messages, app_messages.Started)[0].error
        assert app.main.query_one("#notice").display
        # The columns laid out while it opened are gone, not "Loading…" forever.
        assert app.main.board.columns == [] and not list(app.main.board.query(QuoteColumn))
        assert app.main.sources.has_focus
        assert app.main.header.query_one("#header-counts").render().plain == "not open"


async def test_empty_database_explains_how_to_fill_it(empty_db):
    """A briefing without sources shows how to index one."""
    app = BriefingApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        notice = app.main.query_one("#notice")
        assert notice.display and "briefing index FOLDER --db empty.db" in notice.render().plain


async def test_opening_banner_shows_only_when_opening_is_slow(briefing_db, monkeypatch):
    """A briefing that opens at once never flashes a banner; a slow one says it is opening."""
    import briefing.tui.app as app_module
    from briefing.tui.widgets.index_progress import IndexProgress

    shown: list[str] = []
    original_start = IndexProgress.start
    monkeypatch.setattr(IndexProgress, "start", lambda self, message: (shown.append(message), original_start(self, message)))
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(app_module.OPENING_BANNER_DELAY + 0.1)
        assert app.ready and shown == [] and not app.main.progress.display

    original_load = app_module.load_overview

    def slow_load(*args, **kwargs):
        time.sleep(app_module.OPENING_BANNER_DELAY + 0.4)
        return original_load(*args, **kwargs)

    monkeypatch.setattr(app_module, "load_overview", slow_load)
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(app_module.OPENING_BANNER_DELAY + 0.2)
        assert not app.ready and shown == ["Opening the briefing…"] and app.main.progress.display
        await settle(pilot)
        assert app.ready and not app.main.progress.display


async def test_garbage_collector_is_paused_only_while_the_first_screen_is_built(briefing_db, monkeypatch):
    """Paused from start-up until just after the first screen is up, then on again; never left off."""
    import gc

    import briefing.tui.app as app_module

    monkeypatch.setattr(app_module, "COLLECTOR_SETTLE", 0.05)
    assert gc.isenabled()
    while_opening: list[bool] = []
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40), message_hook=lambda m: while_opening.append(gc.isenabled())
                            if isinstance(m, app_messages.Started) else None) as pilot:
        await settle(pilot)
        assert while_opening == [False]
        await pilot.pause(0.2)
        assert gc.isenabled()
    assert gc.isenabled()
    # An app that exits while opening turns it back on too.
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)):
        pass
    assert gc.isenabled()
    # A collector the caller had switched off stays off.
    gc.disable()
    try:
        app = BriefingApp(briefing_db)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.pause(0.2)
            assert not gc.isenabled()
    finally:
        gc.enable()


# --- layout and navigation ----------------------------------------------------------------------


@pytest.mark.parametrize(("size", "tabbed"), [((80, 24), True), ((120, 40), False), ((200, 60), False)])
async def test_columns_become_tabs_when_narrow(briefing_db, size, tabbed):
    """Side by side when they fit, tabs when they do not."""
    app = BriefingApp(briefing_db)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        board = app.main.board
        assert board.tabbed is tabbed
        shown = [c for c in board.columns if c.display]
        assert len(shown) == (1 if tabbed else 3)


async def test_resizing_switches_between_tabs_and_columns(briefing_db):
    """The layout is decided again on resize."""
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not app.main.board.tabbed
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.main.board.tabbed
        await pilot.press("right")  # next column: its tab comes forward
        await pilot.pause()
        assert app.main.board.active_index == 1 and app.main.board.columns[1].display
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert not app.main.board.tabbed


async def test_keyboard_moves_between_panes_and_items(briefing_db):
    """tab / shift+tab between panes, j / k and arrows within one, left / right between columns."""
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        vucic = column(app, "Vucic")
        assert vucic.has_focus and vucic.highlighted == 0
        await pilot.press("j", "j")
        assert vucic.highlighted == 2
        await pilot.press("k")
        assert vucic.highlighted == 1
        await pilot.press("right")
        assert column(app, "NATO").has_focus
        await pilot.press("tab")
        assert column(app, "Meloni").has_focus
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        assert app.main.timeline.has_focus
        await pilot.press("shift+tab")
        assert app.main.sources.has_focus


async def test_enter_opens_the_article_at_the_quote_and_escape_returns(briefing_db):
    """enter on a quote opens the reader with that quote emphasised; n / N step through quotes."""
    messages: list[Message] = []
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        vucic = column(app, "Vucic")
        await pilot.press("j")  # the pogrom quote
        chosen = vucic.current
        assert "pogrom" in chosen.text
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert of_type(messages, app_messages.ArticleOpened)[0].quote_id == chosen.id
        loaded = of_type(messages, ReaderScreen.Loaded)[0]
        view = reader.query_one(ArticleView)
        assert view.quotes[loaded.current].id == chosen.id
        # Scrolled so the quote is on screen.
        line = view.line_of(chosen.start)
        assert view.scroll_offset.y <= line < view.scroll_offset.y + view.size.height
        # Every quote span is coloured: the chosen one by its column colour (Vucic is column 1).
        assert reader.colour_of(chosen) == 1
        await pilot.press("n")
        assert view.current == loaded.current + 1
        await pilot.press("N", "N")
        assert view.current == loaded.current - 1
        await pilot.press("]")
        assert view.current == loaded.current
        # Dates are marked with their ISO value in the side line.
        assert any("2023-05-29" in line.dates for line in view._lines)
        await pilot.press("escape")
        assert app.screen is app.main


async def test_enter_on_an_event_opens_the_article_there(briefing_db):
    """enter on a timeline event opens its article scrolled to the date."""
    messages: list[Message] = []
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        timeline = app.main.timeline
        timeline.focus()
        index = next(i for i, line in enumerate(timeline.items) if line.event and line.event.expression == "Tuesday, May 30, 2023")
        timeline.highlighted = index
        await pilot.press("enter")
        await settle(pilot)
        opened = of_type(messages, app_messages.ArticleOpened)[0]
        assert opened.offset == timeline.items[index].event.start
        view = app.screen.query_one(ArticleView)
        line = view.line_of(opened.offset)
        assert view.scroll_offset.y <= line < view.scroll_offset.y + view.size.height


async def test_help_lists_every_binding_and_each_has_an_id(briefing_db):
    """`?` shows every binding of the app; none lacks an id."""
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        sections = app.screen.sections
        bindings = [b for _title, group in sections for b in group]
        assert bindings and all(b.id for b in bindings)
        for needed in ("quit", "help", "search", "back", "export", "columns", "command_palette", "quote.pin",
                       "quote.same_speaker", "quote.same_source", "quote.same_day", "source.filter", "timeline.filter",
                       "reader.next_quote", "reader.previous_quote", "list.down", "focus_next", "focus_previous"):
            assert needed in {b.id for b in bindings}, needed
        await pilot.press("escape")
        assert app.screen is app.main
        await pilot.press("question_mark", "q")  # q quits, even from the help
    assert app.return_code == 0


def test_every_binding_in_the_app_has_an_id():
    """All Binding objects declared under tui/ carry an id (so users can remap them)."""
    import inspect

    import briefing.tui.app
    import briefing.tui.dialogs.help
    import briefing.tui.dialogs.speaker_picker
    import briefing.tui.screens.main
    import briefing.tui.screens.reader
    import briefing.tui.widgets.article_view
    import briefing.tui.widgets.briefing_list
    import briefing.tui.widgets.column_choices
    import briefing.tui.widgets.quote_column
    import briefing.tui.widgets.search_bar
    import briefing.tui.widgets.source_list
    import briefing.tui.widgets.timeline_list

    tui = briefing.tui
    modules = [tui.app, tui.dialogs.help, tui.screens.main, tui.screens.reader, tui.dialogs.speaker_picker,
               tui.widgets.article_view, tui.widgets.briefing_list, tui.widgets.column_choices,
               tui.widgets.quote_column, tui.widgets.search_bar, tui.widgets.source_list, tui.widgets.timeline_list]
    checked = 0
    for module in modules:
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            for binding in cls.__dict__.get("BINDINGS", []):
                assert binding.id, f"{cls.__name__}: {binding.key} has no id"
                checked += 1
    assert checked > 30


# --- search ------------------------------------------------------------------------------------


async def test_one_letter_is_not_searched_yet(briefing_db):
    """A single letter would match nearly everything: the briefing stays whole until the second."""
    messages: list[Message] = []
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press("/", "p")
        await settle(pilot)
        assert not of_type(messages, app_messages.SearchFinished)
        assert len(column(app, "Vucic").items) == 5
        assert "type on to search" in str(app.main.search.query_one("#search-mode").render())
        await pilot.press("o")
        await settle(pilot)
        assert of_type(messages, app_messages.SearchFinished)[-1].query == "po"
        await pilot.press("backspace")
        await settle(pilot)
        assert app.state.search_query == "" and len(column(app, "Vucic").items) == 5


async def test_search_filters_columns_and_lists_articles(briefing_db):
    """`/` then typing: columns keep the matching quotes with the terms marked; articles are listed."""
    messages: list[Message] = []
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press("/")
        assert app.main.search.input.has_focus
        await pilot.press(*"pogrom")
        await settle(pilot)
        finished = of_type(messages, app_messages.SearchFinished)[-1]
        assert (finished.query, finished.quotes, finished.articles, finished.error) == ("pogrom", 1, 1, None)
        vucic = column(app, "Vucic")
        assert texts(vucic) == ["We will not tolerate the pogrom of Serbs,"]
        marked = vucic.marks[vucic.items[0].id]
        start, end = marked.marks[0]
        assert marked.text[start:end].lower().startswith("pogrom")
        assert len(column(app, "NATO").quotes) == 0
        assert app.main.hits.display and [h.outlet for h in app.main.hits.items] == ["Bloomberg"]
        # The card highlights the match.
        prompt = vucic.get_option_at_index(0).prompt
        assert any(span.style == vucic.get_component_rich_style("quote--match", partial=True) for span in prompt.spans)
        # Enter on a matching article opens it with the search terms marked.
        app.main.hits.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.search == app.columns_data.parsed
        view = app.screen.query_one(ArticleView)
        assert view.matches and all(view.text[s:e].lower().startswith("pogrom") for s, e in view.matches)
        line = view.line_of(view.text.index("pogrom"))
        assert view.scroll_offset.y <= line < view.scroll_offset.y + view.size.height
        await pilot.press("escape")
        # Down in the box goes to the results; escape closes the search and brings everything back.
        await pilot.press("slash", "down")
        await pilot.pause()
        assert vucic.has_focus
        await pilot.press("slash", "escape")
        await settle(pilot)
        assert not app.main.search.display and not app.main.hits.display
        assert len(column(app, "Vucic").items) == 5
        # Letters that are keys elsewhere (q quits, e exports) are just letters in the box.
        await pilot.press("slash", *"quote e?")
        assert app.main.search.value == "quote e?" and app.is_running


async def test_search_drops_stale_results(briefing_db, monkeypatch):
    """A slow result for an earlier keystroke never overwrites the result for the latest query."""
    import briefing.tui.app as app_module

    real = app_module.load_columns

    def slow_for_short_queries(db, specs, filters, query="", raw=False, **kwargs):
        if query == "pog":
            time.sleep(0.4)  # finishes after the user has typed on
        return real(db, specs, filters, query, raw, **kwargs)

    monkeypatch.setattr(app_module, "load_columns", slow_for_short_queries)
    messages: list[Message] = []
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press("/", *"pog")
        await pilot.press(*"rom")
        await settle(pilot)
        dropped = of_type(messages, app_messages.StaleResultDropped)
        assert "pog" in [m.query for m in dropped]
        applied = [m.query for m in of_type(messages, app_messages.SearchFinished)]
        assert "pog" not in applied and applied[-1] == "pogrom"
        assert texts(column(app, "Vucic")) == ["We will not tolerate the pogrom of Serbs,"]


@pytest.mark.parametrize("query", ["Vucic's", "KFOR-led", '"unbalanced', "NOT", "*", "(", "^", "col:x", "[bold]"])
async def test_any_typed_words_are_a_valid_search(briefing_db, query):
    """Outside raw mode every string is searched as words: no error, no crash."""
    messages: list[Message] = []
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press("/")
        app.main.search.input.value = query
        await settle(pilot)
        assert all(m.error is None for m in of_type(messages, app_messages.SearchFinished))


async def test_a_new_search_puts_each_column_on_its_best_match(briefing_db):
    """The cursor was on a quote that a search also finds: the column still opens at its top."""
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        nato = column(app, "NATO")
        nato.focus()
        await pilot.press("down")
        was_on = nato.current
        await pilot.press("/", *"kfor")
        await settle(pilot)
        nato = column(app, "NATO")
        ids = [q.id for q in nato.items]
        assert was_on.id in ids[1:]  # found, but not the best match
        assert nato.current_index == 0 and nato.scroll_y == 0


async def test_bad_raw_query_shows_an_inline_message(briefing_db):
    """ctrl+r switches to raw FTS5; a syntax error is a line under the box, and the columns stay."""
    messages: list[Message] = []
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press("/", "ctrl+r")
        assert app.main.search.raw
        await pilot.press(*'"unbalanced')
        await settle(pilot)
        last = of_type(messages, app_messages.SearchFinished)[-1]
        assert last.error and "Not a valid search" in last.error
        error_line = app.main.search.query_one("#search-error")
        assert error_line.display and "Not a valid search" in error_line.render().plain
        # Fixing the query clears the message.
        app.main.search.input.value = "pogrom"
        await settle(pilot)
        assert not error_line.display
        assert texts(column(app, "Vucic")) == ["We will not tolerate the pogrom of Serbs,"]


# --- filters -------------------------------------------------------------------------------------


async def test_choosing_a_source_shows_only_its_quotes_and_events(briefing_db):
    """`f` on a source narrows everything to it; escape goes back."""
    messages: list[Message] = []
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        sources = app.main.sources
        sources.focus()
        sources.highlighted = 2  # The Associated Press
        await pilot.press("f")
        await settle(pilot)
        filters = of_type(messages, app_messages.FiltersChanged)[-1].filters
        assert filters.source_label == "The Associated Press"
        assert app.main.sources.get_option_at_index(2).prompt.plain.startswith("▶ The Associated Press")
        assert {c.spec.label: len(c.items) for c in app.main.board.columns} == {"Vucic": 0, "NATO": 1, "Meloni": 0}
        outlets = {line.event.outlet for line in app.main.timeline.items if line.event}
        assert outlets == {"The Associated Press"}
        assert app.main.status.display and "The Associated Press" in app.main.status.render().plain
        await pilot.press("escape")
        await settle(pilot)
        assert not app.state.filters.active
        assert len(column(app, "Vucic").items) == 5


async def test_choosing_a_date_shows_that_days_quotes_and_events(briefing_db):
    """enter on a date in the timeline narrows to that day."""
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        timeline = app.main.timeline
        timeline.focus()
        timeline.highlighted = next(i for i, line in enumerate(timeline.items) if line.key == "date-2023-05-30")
        await pilot.press("enter")
        await settle(pilot)
        assert app.state.filters.day == "2023-05-30"
        assert {c.spec.label: len(c.items) for c in app.main.board.columns} == {"Vucic": 1, "NATO": 2, "Meloni": 1}
        assert {line.entry.value for line in timeline.items} == {"2023-05-30"}


async def test_same_speaker_source_and_day_from_a_quote(briefing_db):
    """s, f and d on a quote narrow to its speaker, its source, its day; escape undoes each."""
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        column(app, "NATO").focus()
        await pilot.press("j", "j")  # Ristuccia, in the Kyiv report of 30 May
        quote = column(app, "NATO").current
        assert quote.speaker == "Angelo Michele Ristuccia"
        await pilot.press("s")
        await settle(pilot)
        assert app.state.filters.speaker == "Angelo Michele Ristuccia"
        assert [c.spec.label for c in app.main.board.columns] == ["Angelo Michele Ristuccia"]
        assert texts(app.main.board.columns[0]) == [quote.text]
        assert app.main.board.columns[0].has_focus
        await pilot.press("escape")
        await settle(pilot)
        assert not app.state.filters.active and len(app.main.board.columns) == 3
        column(app, "NATO").focus()
        column(app, "NATO").select_key(f"quote-{quote.id}")
        await pilot.press("f")
        await settle(pilot)
        assert app.state.filters.source_id == quote.article_id
        await pilot.press("escape")
        await settle(pilot)
        column(app, "NATO").focus()
        column(app, "NATO").select_key(f"quote-{quote.id}")
        await pilot.press("d")
        await settle(pilot)
        assert app.state.filters.day == "2023-05-30"


async def test_speaker_picker_chooses_columns_and_remembers(briefing_db):
    """`c` lists every speaker with counts; the ticked ones become the columns, remembered per database."""
    messages: list[Message] = []
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, SpeakerPicker)
        choices = app.screen.query_one(ColumnChoices)
        values = [choices.get_option_at_index(i).value for i in range(choices.option_count)]
        assert "group:NATO" in values and "speaker:Giorgia Meloni" in values and "speaker:KFOR" in values
        assert choices.selected == ["group:Vucic", "group:NATO", "group:Meloni"]
        choices.deselect_all()
        choices.select("speaker:KFOR")
        choices.select("group:Vucic")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.main
        chosen = of_type(messages, app_messages.ColumnsChosen)[-1]
        assert [s.label for s in chosen.specs] == ["KFOR", "Vucic"]
        assert chosen.saved_to is not None and chosen.saved_to.is_relative_to(Path(prefs.prefs_path()).parent)
        assert {c.spec.label: len(c.items) for c in app.main.board.columns} == {"KFOR": 1, "Vucic": 5}
        assert app.main.board.columns[0].has_focus
    # Remembered: a new session on the same database opens with the same columns.
    assert "databases" in json.loads(prefs.prefs_path().read_text())
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert [s.label for s in app.main.board.specs] == ["KFOR", "Vucic"]


async def test_more_columns_than_the_board_starts_with(briefing_db, monkeypatch):
    """The board opens with three columns laid out; a fourth chosen column is added beside them."""
    from briefing.tui.widgets.quote_board import QuoteBoard

    assert QuoteBoard.PLACEHOLDER_COLUMNS == 3
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        choices = app.screen.query_one(ColumnChoices)
        choices.select("speaker:KFOR")
        await pilot.press("enter")
        await settle(pilot)
        board = app.main.board
        assert [s.label for s in board.specs] == ["Vucic", "NATO", "Meloni", "KFOR"]
        assert [c for c in board.query(QuoteColumn) if c.display] == board.columns
        assert {c.spec.label: len(c.items) for c in board.columns} == {"Vucic": 5, "NATO": 5, "Meloni": 1, "KFOR": 1}
        assert board.columns[0].has_focus and not board.tabbed


async def test_command_palette_offers_the_apps_own_commands(briefing_db):
    """The palette provider knows speakers, sources, dates, columns and export."""
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        provider = BriefingCommands(app.screen)
        await provider.startup()
        found = [hit.text async for hit in provider.search("meloni")]
        assert "Go to speaker: Giorgia Meloni" in found
        names = [name for name, _callback, _help in provider._commands()]
        assert "Change columns…" in names and "Export brief" in names
        assert any(n.startswith("Go to source: The Associated Press") for n in names)
        assert "Go to date: Mon 29 May 2023" in names
        hit = [h async for h in provider.search("go to date 30 may")][0]
        hit.command()
        await settle(pilot)
        assert app.state.filters.day == "2023-05-30"


# --- pins and export -------------------------------------------------------------------------------


async def test_pins_make_the_exported_brief(briefing_db, tmp_path):
    """`p` pins a quote or event; `e` writes only the pinned items and says where."""
    messages: list[Message] = []
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press("j", "p")  # pin the pogrom quote
        pinned = of_type(messages, app_messages.PinsChanged)[-1]
        assert pinned.pinned and pinned.total == 1
        assert "★ pinned" in column(app, "Vucic").get_option_at_index(1).prompt.plain
        timeline = app.main.timeline
        timeline.focus()
        timeline.highlighted = next(i for i, line in enumerate(timeline.items) if line.event and line.event.expression == "on Wednesday")
        await pilot.press("p")
        assert set(app.state.pins) == {f"quote-{column(app, 'Vucic').items[1].id}", f"event-{timeline.items[timeline.highlighted].event.id}"}
        await pilot.press("e")
        await settle(pilot)
        exported = of_type(messages, app_messages.BriefExported)[-1]
        assert exported.pinned and (exported.quotes, exported.events) == (1, 1)
        assert exported.path.is_relative_to(tmp_path)
        text = exported.path.read_text()
        assert "We will not tolerate the pogrom of Serbs" in text
        assert "More than 50 local Serbs" not in text
        assert "Wed 31 May 2023" in text
        # Unpin: p again.
        column(app, "Vucic").focus()
        await pilot.press("p")
        assert of_type(messages, app_messages.PinsChanged)[-1].pinned is False


async def test_export_without_pins_writes_what_is_on_screen(briefing_db):
    """With nothing pinned, `e` exports the filtered view: its quotes, sources and timeline."""
    messages: list[Message] = []
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        app.goto_source(3)
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        exported = of_type(messages, app_messages.BriefExported)[-1]
        assert not exported.pinned and exported.quotes == 1
        text = exported.path.read_text()
        assert "The Associated Press" in text and "Bloomberg" not in text
        assert "both ethnic Albanian mayors" in text and "Showing only source: The Associated Press" in text


async def test_export_that_cannot_read_its_sources_says_so(briefing_db, monkeypatch):
    """The brief's sources are read in a worker: a database error there is a notice, not silence."""
    import sqlite3

    import briefing.tui.sharing as sharing_module

    def locked(db, ids):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(sharing_module, "sources_with_ids", locked)
    messages: list[Message] = []
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert not of_type(messages, app_messages.BriefExported)
        assert any("Could not read the sources for the brief: database is locked" in str(n.message) for n in app._notifications)


async def test_articles_a_stopped_index_left_unsearchable_are_announced_once(briefing_db):
    """A briefing whose last index run stopped before filling the full-text index says so."""
    db = open_database(briefing_db)
    with db.atomic():
        # As a run stopped half-way leaves it: the last two articles were written, not indexed.
        last = db.execute("SELECT id FROM articles ORDER BY id DESC LIMIT 1 OFFSET 2").fetchone()[0]
        db.execute("INSERT INTO meta (key, value) VALUES ('fts_unindexed_after.articles', ?)", [str(last)])
    db.close()
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "p", "o", "l", "enter")
        await settle(pilot)
        told = [n for n in app._notifications if "cannot be found by a search yet" in str(n.message)]
        assert len(told) == 1 and str(told[0].message).startswith("2 article(s)")


# --- safe text ------------------------------------------------------------------------------------


HOSTILE = (
    "A reporter wrote [bold red]x[/] and [link=http://evil.example]click[/link] here. "
    "\"We will [blink]not[/blink] stop,\" the mayor said.\n"
)


async def test_article_text_is_shown_literally(tmp_path):
    """Markup in an article is shown as typed; escape sequences are stripped, never sent to the terminal."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    path = tmp_path / "hostile.db"
    db = open_database(path)
    from briefing.core.indexer import index_paths

    index_paths(db, [folder])
    article_id, text = db.execute("SELECT id, text FROM articles").fetchone()
    # Bypass ingest (which already cleans text) to prove the app cleans it again.
    dirty = text.replace("A reporter", "\x1b[31mA reporter\x1b]8;;http://x\x07")
    db.execute("UPDATE articles SET text = ? WHERE id = ?", [dirty, article_id])
    db.execute("DELETE FROM quotes")
    start = dirty.index("We will")
    end = dirty.index(" stop,") + len(" stop,")
    write_extraction(
        db, article_id,
        Extraction(quotes=(Quote(start, end, dirty[start:end] + "\x1b[2J", "direct", "said", "Mayor [i]X[/i]",
                                 "the mayor", "named", None),)),
        load_stored_settings(db),
    )
    db.conn.commit()
    db.conn.close()

    app = BriefingApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.sources.focus()
        view = await open_reader(pilot)
        joined = " ".join(view.lines)
        assert "[bold red]x[/]" in joined and "[link=http://evil.example]click[/link]" in joined
        assert "\x1b" not in joined and "\x07" not in joined
        assert joined.startswith("A reporter")
        # The quote span still covers the quote after the escapes were removed.
        quote = view.quotes[0]
        assert view.text[view._at(quote.start) : view._at(quote.end)].startswith("We will [blink]not[/blink]")
        screen_text = app.export_screenshot()
        assert "[bold red]x[/]" in screen_text.replace("&#160;", " ")
        await pilot.press("escape")
        # A quote card with markup in it, shown in a column of its own speaker.
        app.goto_speaker("Mayor [i]X[/i]")
        await settle(pilot)
        card = app.main.board.columns[0].get_option_at_index(0).prompt.plain
        assert "[blink]not[/blink]" in card and "\x1b" not in card


# --- scale -----------------------------------------------------------------------------------------


def _many_vucic_quotes(path, count: int) -> None:
    """Give the first article `count` copies of one of Vucic's quotes (and no other quote)."""
    db = open_database(path)
    article_id, text = db.execute("SELECT id, text FROM articles WHERE path LIKE '%000_%'").fetchone()
    start = text.index("We will not tolerate")
    quote = Quote(start, start + 41, text[start : start + 41], "direct", "said", "Aleksandar Vucic", "he", "pronoun", "Vucic")
    with db.atomic():
        db.execute("DELETE FROM quotes WHERE article_id = ?", [article_id])
        write_extraction(db, article_id, Extraction(quotes=(quote,) * count), load_stored_settings(db))
    db.conn.close()


async def test_ten_thousand_quotes_stay_responsive(briefing_db):
    """10,000 quotes of one speaker: the column reads the first of them, renders a page at a time and says how many more."""
    _many_vucic_quotes(briefing_db, 10_000)
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        vucic = column(app, "Vucic")
        # The column reads the first quotes and says how many there are in all.
        assert len(vucic.items) == COLUMN_QUOTE_LIMIT
        assert str(vucic.border_title) == "Vucic · 10,001"
        assert vucic.shown <= 2 * vucic.PAGE_SIZE  # only a window of them are options
        await pilot.press("end")
        last = COLUMN_QUOTE_LIMIT - 1
        assert vucic.current_index == last and vucic.shown <= 2 * vucic.PAGE_SIZE
        tail = vucic.get_option_at_index(vucic.option_count - 1)
        assert tail.disabled and str(tail.prompt).startswith(f"⋯ {10_001 - COLUMN_QUOTE_LIMIT:,} more")
        await pilot.press("up", "pageup", "home")
        assert vucic.current_index == 0
        await pilot.press("/", *"pogrom")
        await settle(pilot)
        vucic = column(app, "Vucic")
        assert len(vucic.items) == SEARCH_QUOTE_LIMIT  # the search cap
        # Cards scrolled into view later get their highlights too.
        vucic.focus()
        await pilot.press("end")
        await settle(pilot)
        assert vucic.current.id in vucic.marks


async def test_a_column_draws_one_screen_of_cards_and_pages_on(briefing_db):
    """A search redraws a column on every key: it makes one screen of cards, and the next as the
    cursor pages down through them."""
    _many_vucic_quotes(briefing_db, 300)
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        vucic = column(app, "Vucic")
        assert vucic.shown == vucic.PAGE_SIZE  # ten cards of four or five lines fill the column
        assert vucic.virtual_size.height >= vucic.size.height
        vucic.focus()
        for _ in range(6):
            await pilot.press("pagedown")
        assert vucic.current_index > 2 * vucic.PAGE_SIZE
        assert vucic.shown > vucic.current_index - vucic.window[0]


async def test_source_list_reads_the_first_sources_and_says_how_many_more(briefing_db, monkeypatch):
    """A briefing of many thousand sources opens with the first of them and a line for the rest."""
    import briefing.tui.loader

    monkeypatch.setattr(briefing.tui.loader, "SOURCE_LIMIT", 2)
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sources = app.main.sources
        assert len(sources.items) == 2 and app.overview.counts.sources == 3
        tail = sources.get_option_at_index(sources.option_count - 1)
        assert tail.disabled and str(tail.prompt) == "⋯ 1 more sources: search (/) to find one"
        # Which sources have inferred dates is read for the whole briefing, not from the list.
        assert app.inferred_ids == {1}


# --- another process writing ------------------------------------------------------------------


async def test_new_articles_from_a_running_index_appear(briefing_db, tmp_path):
    """While the app is open, another connection indexes more articles: they show up."""
    from briefing.core.indexer import index_paths

    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "reuters.txt").write_text(
        "BRUSSELS, May 30 (Reuters) - NATO said on Tuesday it would send more troops to Kosovo.\n", encoding="utf-8"
    )
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = len(app.main.sources.items)
        app._check_for_changes()  # the periodic look, now: remembers the current version
        await settle(pilot)
        writer = open_database(briefing_db)
        index_paths(writer, [extra])  # no "database is locked" for either side
        writer.conn.close()
        app._check_for_changes()  # the next periodic look sees the commit and reloads
        await settle(pilot)
        assert len(app.main.sources.items) == before + 1
        await pilot.press("r")  # the refresh key reads again without error
        await settle(pilot)
        assert len(app.main.sources.items) == before + 1


async def test_enter_in_the_search_box_opens_the_best_match(briefing_db):
    """/pogrom then enter: the reader opens on that quote, as a new user expects."""
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"pogrom", "enter")  # enter at once, before results may be in
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        quote = view.quotes[view.current]
        assert "pogrom" in view.text[quote.start : quote.end]


async def test_a_blank_line_between_paragraphs_is_one_empty_line_in_the_reader(briefing_db):
    """The reader keeps the article's paragraph breaks as they are: never two empty lines for one."""
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = await open_reader(pilot)
        blank = sum(1 for paragraph in view.text.split("\n") if not paragraph.strip())
        assert blank > 0 and [line.strip() for line in view.lines].count("") == blank
