"""App phases: headless start-up of the briefing app and of a minimal Textual app, and a typed search.

`python -m bench.measure_tui minimal` and `python -m bench.measure_tui app DB --query WORD`
each run in their own process (so the app's peak memory is its own) and time, from creating the
app object, until the first screen is ready by the start-up contract of `tui.app.BriefingApp`:
`run_test(size=(120, 40))`, `workers.wait_for_complete()`, `pause()`.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from pathlib import Path

from bench.measure_common import emit, median, peak_rss_mb

SIZE = (120, 40)


def minimal_app_class():
    """A minimal Textual app with a Header, a DataTable of a few rows and a Footer: the floor."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Footer, Header

    class MinimalApp(App[None]):
        """The least a table-of-articles app does at start-up."""

        BINDINGS = [("q", "quit", "Quit")]

        def compose(self) -> ComposeResult:
            """Header, table, footer."""
            yield Header()
            yield DataTable()
            yield Footer()

        def on_mount(self) -> None:
            """Fill the table as a first screen would."""
            table = self.query_one(DataTable)
            table.add_columns("Outlet", "Published", "Title")
            for row in range(30):
                table.add_row("The Associated Press", f"2023-05-{row % 28 + 1:02d}", f"Article number {row} about the clashes")

    return MinimalApp


def typing_app_class():
    """The minimal app plus a search box that "/" focuses: the floor for a typed search (key handling alone)."""
    from textual.widgets import Input

    base = minimal_app_class()

    class TypingApp(base):
        """Types into an Input and does nothing with it."""

        BINDINGS = [("slash", "search", "Search")]

        def compose(self):
            """The minimal app's widgets and an input."""
            yield from super().compose()
            yield Input()

        def action_search(self) -> None:
            """Focus the search box."""
            self.query_one(Input).focus()

    return TypingApp


async def _settle(pilot) -> int:
    """Wait for the app's workers as the contract says; return how many were cancelled on the way.

    An exclusive worker replaced by a newer one makes `wait_for_complete` raise WorkerCancelled;
    the wait then goes on for the rest, and the count is reported rather than the run lost.
    """
    from textual.worker import WorkerCancelled

    cancelled = 0
    while True:
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:
            cancelled += 1
            continue
        await pilot.pause()
        return cancelled


def _searched(app) -> str | None:
    """What the briefing app searches for (None for an app without a search)."""
    return getattr(getattr(app, "state", None), "search_query", None)


def _shown_query(app) -> str | None:
    """The query whose results the briefing app shows (None for an app without one)."""
    if _searched(app) is None:
        return None
    return getattr(getattr(app, "columns_data", None), "query", "")


async def _run_once(make_app, query: str | None) -> tuple[float, float | None, object, int]:
    started = time.perf_counter()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        cancelled = await _settle(pilot)
        startup = time.perf_counter() - started
        search = None
        if query:
            began = time.perf_counter()
            await pilot.press("/")
            await pilot.press(*query)
            cancelled += await _settle(pilot)
            # Done when the columns show the results of what the app searches for (nothing yet
            # for a query too short to search), however the app schedules the search.
            wanted = query if _searched(app) is None else _searched(app)
            while _shown_query(app) not in (None, wanted) and time.perf_counter() - began < 60:
                await asyncio.sleep(0.005)
                cancelled += await _settle(pilot)
            search = time.perf_counter() - began
    return startup, search, app, cancelled


def measure(make_app, runs: int, query: str | None) -> dict:
    """Median start-up over `runs` starts (the first included), and the typed search of the last run."""
    startups: list[float] = []
    search = None
    app = None
    cancelled = 0
    for number in range(runs):
        startup, searched, app, dropped = asyncio.run(_run_once(make_app, query if number == runs - 1 else None))
        startups.append(startup)
        search = searched if searched is not None else search
        cancelled += dropped
    result = {
        "startup_s": median(startups),
        "first_startup_s": startups[0],
        "runs": runs,
        "search_ms": search * 1000 if search is not None else None,
        "peak_rss_mb": peak_rss_mb(),
        "note": None,
    }
    error = getattr(app, "error", None)
    if cancelled:
        result["note"] = (f"{cancelled} worker(s) were cancelled while waiting (workers.wait_for_complete "
                          "raised WorkerCancelled); timed until the rest completed")
    if error:
        result["note"] = f"the app started with an error: {error}"
    elif getattr(app, "ready", True) is False:
        result["note"] = "the app did not report ready after start-up"
    return result


def main(argv: list[str] | None = None) -> None:
    """Command line of the app phases (used by `python -m bench`)."""
    parser = argparse.ArgumentParser(prog="python -m bench.measure_tui")
    sub = parser.add_subparsers(dest="which", required=True)
    minimal = sub.add_parser("minimal")
    minimal.add_argument("--runs", type=int, default=1)
    minimal.add_argument("--query", default="police")
    app = sub.add_parser("app")
    app.add_argument("db", type=Path)
    app.add_argument("--runs", type=int, default=1)
    app.add_argument("--query", default="police")
    args = parser.parse_args(argv)
    if args.which == "minimal":
        result = measure(minimal_app_class(), args.runs, None)
        # Pilot key presses take time of their own: this is what typing costs with no search behind it.
        result["search_ms"] = measure(typing_app_class(), 1, args.query)["search_ms"]
        emit(result)
        return
    try:
        from briefing.tui.app import BriefingApp
    except ImportError as err:
        # The app is written alongside the bench: report why there is no figure, not a traceback.
        emit({"startup_s": None, "first_startup_s": None, "runs": 0, "search_ms": None, "peak_rss_mb": None,
              "note": f"briefing.tui.app.BriefingApp cannot be imported ({err})"})
        return
    emit(measure(lambda: BriefingApp(args.db), args.runs, args.query))


if __name__ == "__main__":
    main()
