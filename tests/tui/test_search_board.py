"""The quote board while a search is typed: the other-speakers column, the counts, raw mode, tabs."""

from __future__ import annotations

from dataclasses import replace

import pytest
from briefing.tui import loader
from briefing.tui.app import BriefingApp
from briefing.tui.screens import main as main_screen
from briefing.tui.widgets.quote_column import QuoteColumn
from textual.widgets import Tab, Tabs


async def settle(pilot) -> None:
    """Let every worker finish and its result reach the screen."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def labels(app: BriefingApp) -> list[str]:
    """The board's column labels, left to right (those in sight)."""
    return [c.spec.label for c in app.main.board.columns]


def column(app: BriefingApp, label: str) -> QuoteColumn:
    """The quote column with this label."""
    return next(c for c in app.main.board.on_board if c.spec.label == label)


async def without_meloni(app: BriefingApp, pilot) -> None:
    """Choose every column but Meloni's (as the column picker would): her quote has no column then."""
    await settle(pilot)
    app._columns_chosen([spec for spec in app.state.specs if spec.label != "Meloni"])
    await settle(pilot)


async def kosovo_under_tabs(app: BriefingApp, pilot):
    """Search "kosovo" on a board too narrow for its columns; return the board and its tab bar."""
    await settle(pilot)
    await pilot.press("slash", *"kosovo")
    await settle(pilot)
    board = app.main.board
    assert board.tabbed
    return board, board.query_one(Tabs)


def mode_line(app: BriefingApp) -> str:
    """What the search box says beside its mode."""
    return str(app.main.search.query_one("#search-mode").render())


async def test_other_speakers_column_holds_the_matches_of_speakers_without_a_column(briefing_db):
    """A match by a speaker with no column of their own is in the last column, not lost."""
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(160, 40)) as pilot:
        await without_meloni(app, pilot)
        assert "Meloni" not in labels(app) and loader.OTHER_SPEAKERS.label not in labels(app)
        await pilot.press("slash", *"condemnation")
        await settle(pilot)
        others = column(app, loader.OTHER_SPEAKERS.label)
        assert [q.speaker for q in others.items] == ["Giorgia Meloni"]
        assert labels(app)[-1] == loader.OTHER_SPEAKERS.label and others.display
        # Leaving the search takes the column away again.
        await pilot.press("escape")
        await settle(pilot)
        assert loader.OTHER_SPEAKERS.label not in labels(app)


@pytest.mark.parametrize("candidates, about", [(4, ""), (1, "about ")])
async def test_the_count_says_how_many_of_how_many(briefing_db, monkeypatch, candidates, about):
    """When the columns hold only the best of the matches, the box says "N of M"; "N of about M"
    when the search ranked its best quotes alone and M counts a fragment beside its statement."""
    import briefing.core.store.search as search_module

    monkeypatch.setattr(loader, "SEARCH_QUOTE_LIMIT", 2)
    monkeypatch.setattr(search_module, "CANDIDATES_PER_STATEMENT", candidates)
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kosovo")
        await settle(pilot)
        data = app.columns_data
        assert data.quote_total > 2 and data.quote_total_exact == (not about)
        assert f"2 of {about}{data.quote_total} quotes" in mode_line(app)


def test_more_quotes_continue_the_ranking_without_repeating_any(briefing_db):
    """The next page of a search's quotes is the ranking after the quotes the columns hold: each
    column keeps its quotes first and gains its share of the next ones, none twice."""
    from briefing.core.store.database import open_database
    from briefing.tui.state import ColumnSpec, Filters

    db = open_database(briefing_db, create=False)
    specs = [ColumnSpec("Vucic", speaker="Aleksandar Vucic")]
    whole = loader.load_columns(db, specs, Filters(), "kosovo")
    assert not whole.truncated
    ranked = [q.id for _spec, quotes in whole.columns for q in quotes]
    original = loader.SEARCH_QUOTE_LIMIT
    try:
        loader.SEARCH_QUOTE_LIMIT = 2
        first = loader.load_columns(db, specs, Filters(), "kosovo")
        assert first.truncated and sum(len(q) for _s, q in first.columns) == 2
        pages = [first]
        while pages[-1].truncated and len(pages) < 10:
            pages.append(loader.load_more_quotes(db, pages[-1], Filters()))
    finally:
        loader.SEARCH_QUOTE_LIMIT = original
    last = pages[-1]
    assert not last.truncated
    held = [q.id for _spec, quotes in last.columns for q in quotes]
    assert sorted(held) == sorted(ranked) and len(set(held)) == len(held)
    for (spec, before), (_same, after) in zip(first.columns, last.columns):
        assert after[: len(before)] == before, spec.label
    assert last.totals == [len(quotes) for _spec, quotes in last.columns]


async def test_reading_a_column_to_its_end_brings_the_next_quotes(briefing_db, monkeypatch):
    """A search that found more quotes than the board holds reads the next ones when a column is
    read to its last card: the column grows, and the count in the box with it."""
    monkeypatch.setattr(loader, "SEARCH_QUOTE_LIMIT", 2)
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kosovo")
        await settle(pilot)
        data = app.columns_data
        assert data.truncated
        held = sum(len(quotes) for _spec, quotes in data.columns)
        assert held == 2 and mode_line(app).startswith("2 of ")
        full = next(c for c in app.main.board.columns if c.items)
        tail = [str(option.prompt) for option in full.options if option is not None]
        assert any("more of the search's matches follow" in line for line in tail)
        app.main.board.activate(app.main.board.columns.index(full))
        await pilot.press("end")
        await settle(pilot)
        assert sum(len(quotes) for _spec, quotes in app.columns_data.columns) > held
        assert not mode_line(app).startswith("2 of ")


async def test_raw_mode_ends_when_the_search_box_closes(briefing_db):
    """ctrl+r is for the one search it was switched on in."""
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "ctrl+r", *"kosovo")
        await settle(pilot)
        assert app.main.search.raw and app.state.search_raw
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("slash")
        assert not app.main.search.raw and not app.state.search_raw


async def test_two_searches_in_a_row_keep_the_columns_and_the_active_one(briefing_db):
    """Other speakers match, then nobody else does: the same columns stay, the user's column stays active."""
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(160, 40)) as pilot:
        await without_meloni(app, pilot)
        await pilot.press("slash", *"condemnation")
        await settle(pilot)
        searching = [c.spec.label for c in app.main.board.on_board]
        first_columns = app.main.board.on_board
        app.main.board.activate(1)  # the user moves into the second column
        await settle(pilot)
        assert app.screen.focused is app.main.board.columns[1]
        await pilot.press("slash", "ctrl+u", *"pogrom")
        await settle(pilot)
        assert [c.spec.label for c in app.main.board.on_board] == searching
        # The same widgets, not new ones, and every one of them shown.
        assert app.main.board.on_board == first_columns
        # Other speakers have no match now: their column stays, saying so, while the box is open.
        others = column(app, loader.OTHER_SPEAKERS.label)
        assert others.items == [] and others.display
        assert main_screen.OTHERS_NONE_MATCH in [str(option.prompt) for option in others.options]
        assert all(c.display for c in app.main.board.on_board)
        assert [q.text for q in column(app, "Vucic").items] == ["We will not tolerate the pogrom of Serbs,"]
        # The box has the keys; the column the user was in is still the board's active one.
        assert app.main.board.active_index == 1


async def test_tabs_settle_on_the_column_with_matches_and_stay_there(briefing_db):
    """Under tabs, a search brings the first column with matches forward, and then nothing moves.

    The board sets the active tab itself; each such change comes back as a message, and one
    arriving after a newer change must not undo it (the tabs would flip for as long as the app ran).
    """
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(70, 30)) as pilot:
        await without_meloni(app, pilot)
        board = app.main.board
        await pilot.press("slash", *"condemnation")
        await settle(pilot)
        assert board.tabbed
        tabs = board.query_one(Tabs)
        assert board.columns[-1].spec == loader.OTHER_SPEAKERS and board.columns[-1].quotes
        first = next(i for i, c in enumerate(board.columns) if c.quotes)
        assert first > 0  # the first column has no match: the board had to move
        assert board.active_index == first
        assert [c.display for c in board.columns] == [i == first for i in range(len(board.columns))]
        calls = 0
        real = board.activate

        def counting(*args, **kwargs):
            nonlocal calls
            calls += 1
            return real(*args, **kwargs)

        board.activate = counting
        for _ in range(5):
            await pilot.pause(0.02)
        assert calls == 0
        assert tabs.active == board._tab_id(first) and board.active_index == first


async def test_hits_read_without_a_snippet_get_one_as_they_come_into_view(briefing_db, monkeypatch):
    """The search reads snippets for the first hits only; the others are read when shown."""
    monkeypatch.setattr(loader, "SEARCH_SNIPPETS", 0)
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kosovo")
        await settle(pilot)
        assert all(not hit.snippet.text for hit in app.columns_data.hits)  # none came with the results
        hits = app.main.hits.items
        assert hits and all(hit.snippet.text for hit in hits)
        for hit in hits:
            start, end = hit.snippet.marks[0]
            assert hit.snippet.text[start:end].lower().startswith("kosovo")


async def test_a_search_under_tabs_leaves_nothing_animating(briefing_db):
    """Each key changes the tabs' counts and may bring another column forward: the underline and the
    tab bar move at once, so the screen is still as soon as the results are drawn."""
    import asyncio

    app = BriefingApp(briefing_db)
    async with app.run_test(size=(50, 30)) as pilot:
        board, tabs = await kosovo_under_tabs(app, pilot)
        # What a key does to the tab bar, without the pilot's wait for animations to end.
        tabs.query(Tab).last().label = "a much longer label · 1,234"
        tabs.active = board._tab_id(len(board.columns) - 1)
        await asyncio.sleep(0.1)
        assert not app.animator.is_being_animated(tabs.query_one("Underline"), "highlight_start")
        assert not app.animator.is_being_animated(tabs.query_one("#tabs-scroll"), "scroll_x")


async def test_a_second_search_mounts_no_widgets(briefing_db):
    """The other-speakers column and the tab bar made for the first search serve every later one."""
    from textual import events

    app = BriefingApp(briefing_db)
    mounted: list = []
    async with app.run_test(size=(70, 30), message_hook=lambda m: mounted.append(m._sender)
                            if isinstance(m, events.Mount) else None) as pilot:
        await without_meloni(app, pilot)
        await pilot.press("slash", *"condemnation")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert loader.OTHER_SPEAKERS.label not in labels(app)
        mounted.clear()
        await pilot.press("slash", *"pogrom")
        await settle(pilot)
        assert app.main.board.tabbed and column(app, "Vucic").quotes
        assert mounted and not [w for w in mounted if app.main.board in w.ancestors]  # the footer's keys only


async def test_the_collector_is_paused_while_typing_and_back_on_after(briefing_db, monkeypatch):
    """No garbage collection in the middle of a burst of keys; it runs again once they stop."""
    import gc

    import briefing.tui.app as app_module

    monkeypatch.setattr(app_module, "TYPING_SETTLE", 0.3)
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.6)  # the start-up pause is over
        assert gc.isenabled()
        await pilot.press("slash", *"kosov")
        assert not gc.isenabled()
        await settle(pilot)
        await pilot.pause(0.5)
        assert gc.isenabled()
    assert gc.isenabled()


async def test_a_search_is_parsed_once_for_its_quotes_and_its_articles(briefing_db, monkeypatch):
    """The two halves of a search, read side by side, share one parsed query."""
    import briefing.core.store.search as search_module

    parsed: list[str] = []
    real = search_module.build_match
    monkeypatch.setattr(search_module, "build_match", lambda text, **kw: parsed.append(text) or real(text, **kw))
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        app.main.search.input.value = "kosovo"
        await settle(pilot)
        assert app.columns_data.query == "kosovo" and app.columns_data.hits
        assert parsed == ["kosovo"]


async def test_opening_the_search_makes_the_tabs_before_the_first_key(briefing_db, monkeypatch):
    """Two columns fit side by side until a search adds its other-speakers column: the tab bar that
    needs is made when the box opens, and what that left is collected before the first key."""
    from textual import events

    collected: list[int] = []
    app = BriefingApp(briefing_db)
    mounted: list = []
    async with app.run_test(size=(120, 40), message_hook=lambda m: mounted.append(m._sender)
                            if isinstance(m, events.Mount) else None) as pilot:
        await without_meloni(app, pilot)
        await pilot.resize_terminal(100, 40)  # room for two columns side by side, not three
        board = app.main.board
        assert not board.tabbed and not board.query(Tab)
        monkeypatch.setattr(app._collector, "collect_young", lambda: collected.append(1))
        await pilot.press("slash")
        await pilot.pause()
        assert not board.tabbed
        tabs = {tab.id for tab in board.query(Tab)}
        assert len(tabs) == len(board.on_board) == 3
        assert collected
        mounted.clear()
        await pilot.press(*"condemnation")  # said by Meloni, who has no column now
        await settle(pilot)
        assert board.tabbed and column(app, loader.OTHER_SPEAKERS.label).quotes
        assert {tab.id for tab in board.query(Tab)} == tabs
        assert not [w for w in mounted if board in w.ancestors]


async def test_the_board_keeps_its_shape_while_the_search_box_is_open(briefing_db):
    """Once a search has turned the board to tabs for speakers without a column, words whose
    matches are not theirs leave it as it is while the box is open; closing it brings the columns
    back side by side."""
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await without_meloni(app, pilot)
        board = app.main.board
        assert not board.tabbed
        others = column(app, loader.OTHER_SPEAKERS.label)
        await pilot.press("slash")
        await settle(pilot)
        shapes = [board.tabbed]
        for word in ("condemnation", "pogrom", "condemnation"):
            await pilot.press("ctrl+u", *word)
            await settle(pilot)
            shapes.append(board.tabbed)
            assert bool(others.quotes) == (word == "condemnation")
        assert shapes == [False, True, True, True]
        await pilot.press("ctrl+u")
        await settle(pilot)
        assert board.tabbed and not others.quotes
        await pilot.press("escape")
        await settle(pilot)
        assert not board.tabbed and not others.display


async def test_turning_to_tabs_restyles_only_the_tab_bar(briefing_db, monkeypatch):
    """A search's other-speakers column can turn the board to tabs and back from one key to the
    next: the tab bar is shown or hidden, and no column or card below it is styled again."""
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        board = app.main.board
        tabs = board.query_one(Tabs)
        assert not board.tabbed and not tabs.display
        restyled: list = []
        original = app.stylesheet.update_nodes
        monkeypatch.setattr(app.stylesheet, "update_nodes", lambda nodes, animate=False: (
            restyled.extend(nodes), original(nodes, animate=animate))[1])
        board.tabbed = True
        await pilot.pause()
        assert tabs.display and tabs.region.height
        board.tabbed = False
        await pilot.pause()
        assert not tabs.display
        assert not [node for node in restyled if node is board or isinstance(node, QuoteColumn)]


async def test_a_count_that_widens_its_tab_costs_one_layout(briefing_db, monkeypatch):
    """Under tabs each key of a search changes the counts in the labels: the bar takes the new
    widths, and the underline its place under the active tab, in the one layout of that frame."""
    from textual.screen import Screen

    app = BriefingApp(briefing_db)
    async with app.run_test(size=(70, 30)) as pilot:
        board, tabs = await kosovo_under_tabs(app, pilot)
        columns = [(spec, column(app, spec.label).quotes) for spec in [c.spec for c in board.on_board]]
        layouts: list[object] = []
        original = Screen._refresh_layout
        monkeypatch.setattr(Screen, "_refresh_layout", lambda screen, *a, **k: (layouts.append(screen), original(screen, *a, **k))[1])
        board.show(columns, totals=[12_345 + n for n in range(len(columns))], optional=loader.OTHER_SPEAKERS)
        for _ in range(3):
            await pilot.pause()
        assert len(layouts) == 1
        assert "12,345" in tabs.query(Tab).first().label.plain
        active = tabs.active_tab
        underline = tabs.query_one("Underline")
        span = active.virtual_region.shrink(active.styles.gutter).column_span
        assert (underline.highlight_start, underline.highlight_end) == span


async def test_a_new_count_in_a_tab_sends_the_tab_bar_nothing_after_its_frame(briefing_db):
    """The board places the underline when it relabels a tab: no message climbs the bar to place
    it again (and ask for another frame) once the new label is drawn."""
    app = BriefingApp(briefing_db)
    relabelled: list = []
    async with app.run_test(size=(70, 30), message_hook=lambda m: relabelled.append(m)
                            if isinstance(m, Tab.Relabelled) else None) as pilot:
        board, tabs = await kosovo_under_tabs(app, pilot)
        columns = [(spec, column(app, spec.label).quotes) for spec in [c.spec for c in board.on_board]]
        relabelled.clear()
        board.show(columns, totals=[54_321 + n for n in range(len(columns))], optional=loader.OTHER_SPEAKERS)
        await settle(pilot)
        assert "54,321" in tabs.query(Tab).first().label.plain
        assert relabelled == []
        active = tabs.active_tab
        underline = tabs.query_one("Underline")
        assert (underline.highlight_start, underline.highlight_end) == active.virtual_region.shrink(active.styles.gutter).column_span


async def test_what_a_key_left_is_collected_while_the_next_search_runs(briefing_db, monkeypatch):
    """While typing, the young garbage of the last results is collected once the next key's search
    is running in its threads (the screen waits for them anyway), not after its results are drawn."""
    import threading

    import briefing.tui.app as app_module

    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kos")
        await settle(pilot)
        assert app.columns_data.query == "kos"
        search_running = threading.Event()
        parse_query = app_module.parse_query
        monkeypatch.setattr(app_module, "parse_query", lambda *a, **k: (search_running.set(), parse_query(*a, **k))[1])
        seen: list[tuple[bool, str]] = []
        monkeypatch.setattr(app._collector, "collect_young", lambda: seen.append((search_running.is_set(), app.columns_data.query)))
        await pilot.press("o")
        await settle(pilot)
        assert app.columns_data.query == "koso"
        assert seen == [(True, "kos")]


async def test_the_articles_pane_stays_while_the_search_box_is_open(briefing_db):
    """The pane of matching articles opens with the search box and stays, emptied or not, until
    the box closes: the panes below it do not move on the first key of every word."""
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        hits = app.main.hits
        assert not hits.display
        await pilot.press("slash")
        await pilot.pause()
        waiting = str(hits.get_option_at_index(0).prompt)
        assert hits.display and not hits.items and waiting == "Type to search."
        await pilot.press(*"kosovo")
        await settle(pilot)
        assert hits.items
        await pilot.press("ctrl+u")
        await settle(pilot)
        assert hits.display and not hits.items and str(hits.get_option_at_index(0).prompt) == waiting
        await pilot.press(*"zzzzqx")
        await settle(pilot)
        assert str(hits.get_option_at_index(0).prompt) == "No articles match."
        await pilot.press("escape")
        await settle(pilot)
        assert not hits.display


async def test_a_column_keeps_its_width_with_or_without_a_scrollbar(briefing_db):
    """A column's cards are as wide with three matches as with three hundred: a scrollbar that
    comes or goes with the count does not wrap and measure the cards again."""
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        vucic = column(app, "Vucic")
        quotes = vucic.quotes
        vucic.set_quotes(quotes[:1])
        await pilot.pause()
        assert not vucic.show_vertical_scrollbar
        few = vucic.scrollable_content_region.width
        vucic.set_quotes([replace(quote, id=10_000 + n) for n, quote in enumerate(quotes * 60)])
        await pilot.pause()
        assert vucic.show_vertical_scrollbar
        assert vucic.scrollable_content_region.width == few


async def test_a_search_that_ranked_only_its_last_indexed_matches_says_so(briefing_db, monkeypatch):
    """Above the ranking limit the search box says what was ranked; below it, nothing."""
    import briefing.core.store.search as search_module

    app = BriefingApp(briefing_db)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kosovo")
        await settle(pilot)
        assert "ranked" not in mode_line(app)
        monkeypatch.setattr(search_module, "RANK_LIMIT", 2)
        await pilot.press("ctrl+u", *"kosovo")
        await settle(pilot)
        assert "last 2 ranked" in mode_line(app)
