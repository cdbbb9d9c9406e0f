"""A terminal narrower than the layout: lists are clipped, never crash while wrapping their cards."""

from __future__ import annotations

import pytest
from briefing.tui.app import BriefingApp
from briefing.tui.dialogs.help import HelpScreen
from briefing.tui.screens.reader import ReaderScreen

from tests.tui.test_app import settle


@pytest.mark.parametrize("width", [30, 12])
async def test_a_very_narrow_terminal_opens_searches_reads_and_helps(briefing_db, width):
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        assert app.ready and app.error is None
        await pilot.press("slash", "p", "o", "l", "i", "c", "e")
        await settle(pilot)
        assert app.columns_data is not None and app.columns_data.query == "police"
        await pilot.press("enter")  # the best match opens in the reader
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape", "escape", "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
