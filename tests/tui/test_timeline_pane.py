"""The timeline pane: background dates folded behind one line, expected and possible days marked."""

from __future__ import annotations

import pytest
from briefing.core.indexer import index_paths
from briefing.core.store.database import open_database
from briefing.tui.app import BriefingApp
from briefing.tui.widgets.timeline_list import BackgroundFold, TimelineItem


async def settle(pilot) -> None:
    """Let every worker finish and its result reach the screen."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def harbour_db_path(tmp_path, harbour_folder):
    """The two invented harbour reports (tests/conftest.py) indexed with the real rules."""
    path = tmp_path / "harbour.db"
    db = open_database(path)
    index_paths(db, [harbour_folder])
    db.conn.close()
    return path


def headings(timeline) -> list[str]:
    """The date values the timeline heads a line with, in order."""
    return [item.entry.value for item in timeline.items if isinstance(item, TimelineItem) and item.event is None]


def prompt(timeline, key: str) -> str:
    """The text of the timeline line with this key."""
    return timeline.get_option(key).prompt.plain


async def test_background_dates_are_folded_until_b_or_enter_opens_them(harbour_db_path):
    app = BriefingApp(harbour_db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        timeline = app.main.timeline
        fold = timeline.items[0]
        assert isinstance(fold, BackgroundFold) and not fold.open
        assert "1987" not in headings(timeline) and headings(timeline)[0] == "2024-02"
        assert prompt(timeline, "background").startswith("▸ Background · 1 date, 1987")
        assert "b: show" in prompt(timeline, "background")

        timeline.focus()
        timeline.select_index(0)
        await pilot.press("f", "p")  # no day to show, nothing to pin: a hint, and nothing changes
        await pilot.pause()
        assert not app.state.filters.active and not app.state.pins and not timeline.items[0].open
        await pilot.press("b")
        assert timeline.items[0].open and timeline.current is timeline.items[0]
        assert headings(timeline)[:2] == ["1987", "2024-02"]
        assert prompt(timeline, "background").startswith("▾ Background") and "b: hide" in prompt(timeline, "background")

        await pilot.press("enter")  # on the background line: folds it again
        assert not timeline.items[0].open and "1987" not in headings(timeline)
        await pilot.press("enter")
        assert timeline.items[0].open and "1987" in headings(timeline)

        # A filter and its undoing redraw the timeline: the background stays as the user left it.
        timeline.select_key("date-2024-03-04")
        await pilot.press("f")
        await settle(pilot)
        assert headings(timeline) == ["2024-03-04"] and not any(isinstance(i, BackgroundFold) for i in timeline.items)
        await pilot.press("escape")
        await settle(pilot)
        assert timeline.items[0].open and "1987" in headings(timeline)


async def test_expected_and_possible_days_say_so_in_words(harbour_db_path):
    app = BriefingApp(harbour_db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        timeline = app.main.timeline
        lines = {item.key: item for item in timeline.items if isinstance(item, TimelineItem)}
        events = {(line.event.outlet, line.event.expression): key for key, line in lines.items() if line.event}
        assert "→ expected: Mayor Tilda Brann" in prompt(timeline, events[("Velmora Courier", "on Friday")])
        assert "? possible: Union leader" in prompt(timeline, events[("Velmora Courier", "tomorrow")])
        # The later report says Friday happened: no mark on its line, nor on the date.
        assert "expected" not in prompt(timeline, events[("Lakeside Post", "on Friday")])
        assert prompt(timeline, "date-2024-03-08").startswith("Fri 8 Mar 2024\n")
        # A date only offered is marked at its heading too.
        assert prompt(timeline, "date-2024-03-07").startswith("Thu 7 Mar 2024  ? possible")
        # One line per sentence per date: "on Monday ... Monday's" in one sentence is one line.
        monday = [line for line in lines.values() if line.event and line.entry.value == "2024-03-04"]
        assert len(monday) == 2
        # Weeks and months in words, as in the CLI.
        assert prompt(timeline, "date-2024-W09").startswith("week of Mon 26 Feb 2024")
        assert prompt(timeline, "date-2024-02").startswith("February 2024")
