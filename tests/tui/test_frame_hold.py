"""A key of a search draws its typed text with its results, in one frame; a slow search draws the text first.

The key under test is put in the box directly and the app left to run on its own: Textual's
pilot draws a frame itself when it waits for a still screen, which would hide a frame the app
never asked for.
"""

from __future__ import annotations

import asyncio
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
        if renderable is not None and not self._batch_count:  # a frame held back draws nothing
            frames.append((self.main.search.value, self.columns_data.query if self.columns_data else None))
        return display(self, screen, renderable)

    monkeypatch.setattr(BriefingApp, "_display", drawn)
    return frames


async def type_alone(app: BriefingApp, text: str, wait: float = 0.25) -> None:
    """Put `text` in the search box as keys would, and let the app run by itself for `wait` seconds."""
    app.main.search.input.insert_text_at_cursor(text)
    await asyncio.sleep(wait)


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
            await type_alone(app, letter)
        await settle(pilot)
        assert app.columns_data.query == "kosovo" and not app._frames.holding
        assert ("koso", "koso") in frames and ("kosovo", "kosovo") in frames
        assert all(typed == shown for typed, shown in frames)


async def test_a_key_that_searches_nothing_is_drawn_at_once(briefing_db, monkeypatch):
    """A space after one letter searches nothing and changes no other text: it is drawn all the same."""
    monkeypatch.setattr(frame_hold, "HOLD_LIMIT", 30.0)
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "k")
        await settle(pilot)
        frames = record_frames(app, monkeypatch)
        await type_alone(app, " ")
        assert not app._frames.holding
        assert any(typed == "k " for typed, _shown in frames)


async def test_a_search_slower_than_the_hold_draws_the_typed_text_first(briefing_db, monkeypatch):
    """Past HOLD_LIMIT the typed text is drawn while its search goes on; its results follow."""
    monkeypatch.setattr(frame_hold, "HOLD_LIMIT", 0.02)
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kos")
        await settle(pilot)
        load_columns = app_module.load_columns
        monkeypatch.setattr(app_module, "load_columns", lambda *a, **k: (time.sleep(0.4), load_columns(*a, **k))[1])
        frames = record_frames(app, monkeypatch)
        await type_alone(app, "o", wait=0.2)
        assert ("koso", "kos") in frames  # the letter, drawn before its results
        await asyncio.sleep(0.6)
        assert app.columns_data.query == "koso"
        assert frames[-1] == ("koso", "koso")
