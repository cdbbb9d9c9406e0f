"""Search as you type, key by key: the briefing app against a minimal Textual app with one Input.

`python -m bench.measure_typing minimal` and `python -m bench.measure_typing app DB` each run in
their own process. Both are driven headless by Textual's pilot at the same size; every word of
`WORDS` is typed a letter at a time into the search box. A key is timed from the moment it is
pressed until the screen is idle: for the minimal app, when the pilot has delivered the key and
the app has nothing left to do; for the briefing app, also until the results of what the box
holds are on screen (its search workers done and their result applied). Between words the box is
emptied (ctrl+u) and the app left to settle, untimed.

The minimal app is the floor: it costs what a key costs through the terminal, Textual and the
pilot's own idle detection, with no search behind it.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from pathlib import Path

from bench.measure_common import emit, peak_rss_mb, percentile

SIZE = (120, 40)

#: What is typed, a letter at a time: common words and rare ones, a name with diacritics, a phrase
#: between double quotes, and short prefixes that match nearly every article while being typed.
WORDS = ("police", "stoltenberg", "negotiations", '"tear gas"', "minister", "Vučić", "statement")


def minimal_app_class():
    """A Textual app with one Input, focused: the floor for a key typed into a search box."""
    from textual.app import App, ComposeResult
    from textual.widgets import Input

    class MinimalInputApp(App[None]):
        """One input and nothing behind it."""

        def compose(self) -> ComposeResult:
            """The input."""
            yield Input()

        def on_mount(self) -> None:
            """The cursor in the box, as after "/" in the briefing app."""
            self.query_one(Input).focus()

    return MinimalInputApp


async def _settle(pilot) -> None:
    """Wait until every worker is done and the screen has processed what they sent it."""
    from textual.worker import WorkerCancelled

    while True:
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:
            continue
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            return


def _current(app) -> bool:
    """True when the briefing app shows the results of what its search box holds (always for the minimal app)."""
    state = getattr(app, "state", None)
    if state is None:
        return True
    data = getattr(app, "columns_data", None)
    return data is not None and data.query == state.search_query


async def _type(make_app, words: tuple[str, ...], opens_search: bool) -> tuple[list[float], list[str]]:
    from textual.pilot import Pilot  # noqa: F401  (run_test hands one over)

    app = make_app()
    times: list[float] = []
    keys: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await _settle(pilot)
        if opens_search:
            await pilot.press("slash")
            await _settle(pilot)
        for word in words:
            for letter in word:
                began = time.perf_counter()
                await pilot.press(letter)
                await _settle(pilot)
                while not _current(app) and time.perf_counter() - began < 60:
                    await asyncio.sleep(0.001)
                    await _settle(pilot)
                times.append(time.perf_counter() - began)
                keys.append(letter)
            await pilot.press("ctrl+u")
            await _settle(pilot)
    return times, keys


def measure(make_app, opens_search: bool, words: tuple[str, ...] = WORDS) -> dict:
    """p50/p95 milliseconds a key over every letter of `words`, and the slowest keys."""
    times, keys = asyncio.run(_type(make_app, words, opens_search))
    ms = [t * 1000 for t in times]
    # Which key of which word: "sto|l" is the l typed after "sto".
    typed: list[str] = []
    for word in words:
        typed += [f"{word[:i]}|{word[i]}" for i in range(len(word))]
    return {
        "keys": len(ms),
        "p50_ms": percentile(ms, 0.5),
        "p95_ms": percentile(ms, 0.95),
        "max_ms": max(ms) if ms else None,
        "slowest": sorted(((round(t, 1), k) for t, k in zip(ms, typed)), reverse=True)[:5],
        "peak_rss_mb": peak_rss_mb(),
    }


def main(argv: list[str] | None = None) -> None:
    """Command line of the typing phase (used by `python -m bench`)."""
    parser = argparse.ArgumentParser(prog="python -m bench.measure_typing")
    sub = parser.add_subparsers(dest="which", required=True)
    sub.add_parser("minimal")
    app = sub.add_parser("app")
    app.add_argument("db", type=Path)
    args = parser.parse_args(argv)
    if args.which == "minimal":
        emit(measure(minimal_app_class(), opens_search=False))
        return
    from briefing.tui.app import BriefingApp

    emit(measure(lambda: BriefingApp(args.db), opens_search=True))


if __name__ == "__main__":
    main()
