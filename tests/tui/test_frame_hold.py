"""A key of a search draws its typed text with its results, in one frame; a slow search draws the text first."""

from __future__ import annotations

import time

from briefing.tui import app as app_module
from briefing.tui import frame_hold
from briefing.tui.app import BriefingApp


async def settle(pilot) -> None:
    """Let every worker finish and its result reach the screen."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def record_frames(app: BriefingApp, monkeypatch) -> list[tuple[str, str | None]]:
    """Each frame drawn from now on, as (the box's text, the query whose results are shown)."""
    frames: list[tuple[str, str | None]] = []
    display = BriefingApp._display

    def drawn(self, screen, renderable):
        if renderable is not None:
            frames.append((self.main.search.value, self.columns_data.query if self.columns_data else None))
        return display(self, screen, renderable)

    monkeypatch.setattr(BriefingApp, "_display", drawn)
    return frames


async def test_a_key_is_drawn_with_its_results_in_one_frame(briefing_db, monkeypatch):
    """No frame shows a typed letter beside the results of the text before it."""
    monkeypatch.setattr(frame_hold, "HOLD_LIMIT", 30.0)  # only the results may end the hold here
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kos")
        await settle(pilot)
        frames = record_frames(app, monkeypatch)
        for letter in "ovo":
            await pilot.press(letter)
            await settle(pilot)
        assert app.columns_data.query == "kosovo" and not app._frames.holding
        assert ("koso", "koso") in frames and ("kosovo", "kosovo") in frames
        assert all(typed == shown for typed, shown in frames)


async def test_a_key_that_searches_nothing_is_drawn_at_once(briefing_db, monkeypatch):
    """One letter searches nothing: it is drawn with the box's hint without waiting for a hold to run out."""
    monkeypatch.setattr(frame_hold, "HOLD_LIMIT", 30.0)
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        frames = record_frames(app, monkeypatch)
        await pilot.press("k")
        await settle(pilot)
        assert not app._frames.holding
        assert frames and frames[-1][0] == "k"


async def test_a_search_slower_than_the_hold_draws_the_typed_text_first(briefing_db, monkeypatch):
    """Past HOLD_LIMIT the typed text is drawn while its search goes on; its results follow."""
    monkeypatch.setattr(frame_hold, "HOLD_LIMIT", 0.02)
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kos")
        await settle(pilot)
        load_columns = app_module.load_columns
        monkeypatch.setattr(app_module, "load_columns", lambda *a, **k: (time.sleep(0.3), load_columns(*a, **k))[1])
        frames = record_frames(app, monkeypatch)
        await pilot.press("o")
        await settle(pilot)
        assert app.columns_data.query == "koso"
        assert ("koso", "kos") in frames  # the letter, drawn before its results
        assert frames[-1] == ("koso", "koso")
