"""Screenshots of the app at fixed sizes, compared with the accepted ones in __snapshots__.

The curated database holds fixed quotes and dates (see conftest.curate), so these change only
when the app's look changes; `test_main_screen_as_indexed` shows what the quote and date rules
find today and changes with them. Regenerate with `pytest tests/tui --snapshot-update` and look.
"""

from __future__ import annotations

import sqlite3

from briefing.tui.app import BriefingApp


async def ready(pilot) -> None:
    """Wait until every worker's result is on screen."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


class TestMainScreen:
    """The first screen: header, sources, timeline, quote columns."""

    def test_main_screen_120x40(self, snap_compare, briefing_db):
        """Three columns side by side."""
        assert snap_compare(BriefingApp(briefing_db), terminal_size=(120, 40), run_before=ready)

    def test_main_screen_80x24(self, snap_compare, briefing_db):
        """Too narrow for three columns: they become tabs."""
        assert snap_compare(BriefingApp(briefing_db), terminal_size=(80, 24), run_before=ready)

    def test_main_screen_200x60(self, snap_compare, briefing_db):
        """Wide: columns widen, cards wrap less."""
        assert snap_compare(BriefingApp(briefing_db), terminal_size=(200, 60), run_before=ready)

    def test_main_screen_as_indexed(self, snap_compare, indexed_db):
        """data/ as the quote and date rules index it today (changes when the rules do)."""
        assert snap_compare(BriefingApp(indexed_db), terminal_size=(120, 40), run_before=ready)

    def test_empty_database(self, snap_compare, empty_db):
        """No sources: the screen says how to index some."""
        assert snap_compare(BriefingApp(empty_db), terminal_size=(80, 24), run_before=ready)


class TestSearch:
    """Search as you type."""

    def test_search_with_results(self, snap_compare, briefing_db):
        """Matching quotes with the terms marked, and matching articles with snippets."""

        async def run_before(pilot) -> None:
            await ready(pilot)
            await pilot.press("slash")  # open the search box
            await pilot.press(*"pogrom")  # type the query
            await ready(pilot)

        assert snap_compare(BriefingApp(briefing_db), terminal_size=(120, 40), run_before=run_before)

    def test_bad_raw_query_inline_error(self, snap_compare, briefing_db):
        """Raw FTS5 syntax that does not parse: one line under the box, nothing else changes."""

        async def run_before(pilot) -> None:
            await ready(pilot)
            await pilot.press("slash")  # open the search box
            await pilot.press("ctrl+r")  # raw FTS5 syntax
            await pilot.press(*"AND AND")  # not a valid FTS5 query
            await ready(pilot)

        assert snap_compare(BriefingApp(briefing_db), terminal_size=(120, 40), run_before=run_before)


class TestFilters:
    """Narrowing the briefing."""

    def test_source_filter(self, snap_compare, briefing_db):
        """Only The Associated Press: its quote and its events."""

        async def run_before(pilot) -> None:
            await ready(pilot)
            await pilot.press("shift+tab", "shift+tab")  # from the first column to the sources
            await pilot.press("down", "down")  # The Associated Press
            await pilot.press("f")  # show only this source
            await ready(pilot)

        assert snap_compare(BriefingApp(briefing_db), terminal_size=(120, 40), run_before=run_before)


class TestReader:
    """The article reader."""

    def test_reader_with_highlights(self, snap_compare, briefing_db):
        """Bloomberg opened at the pogrom quote: quotes in speaker colours, dates in the side line."""

        async def run_before(pilot) -> None:
            await ready(pilot)
            await pilot.press("j")  # second Vucic quote: "We will not tolerate the pogrom of Serbs"
            await pilot.press("enter")  # open the article there
            await ready(pilot)

        assert snap_compare(BriefingApp(briefing_db), terminal_size=(120, 40), run_before=run_before)


    def test_reader_find_and_link_80x24(self, snap_compare, briefing_db):
        """A find under way at 80x24: its matches marked, the one stepped to underlined, the count in the
        status line; the article's web address in the header."""
        conn = sqlite3.connect(briefing_db)
        conn.execute("UPDATE articles SET url = 'https://news.example/kosovo' WHERE outlet = 'Bloomberg'")
        conn.commit()
        conn.close()

        async def run_before(pilot) -> None:
            await ready(pilot)
            await pilot.press("enter")  # Bloomberg, at its first quote
            await ready(pilot)
            await pilot.press("slash", *"serb", "enter")  # find "serb", keep the matches
            await pilot.press("n")  # the second match

        assert snap_compare(BriefingApp(briefing_db), terminal_size=(80, 24), run_before=run_before)


class TestDialogs:
    """Help and the speaker picker."""

    def test_help(self, snap_compare, briefing_db):
        """Every key binding, by where it works."""

        async def run_before(pilot) -> None:
            await ready(pilot)
            await pilot.press("question_mark")  # open the help

        assert snap_compare(BriefingApp(briefing_db), terminal_size=(120, 40), run_before=run_before)

    def test_speaker_picker(self, snap_compare, briefing_db):
        """Every group and speaker with counts; the current columns ticked."""

        async def run_before(pilot) -> None:
            await ready(pilot)
            await pilot.press("c")  # choose columns
            await ready(pilot)

        assert snap_compare(BriefingApp(briefing_db), terminal_size=(120, 40), run_before=run_before)
