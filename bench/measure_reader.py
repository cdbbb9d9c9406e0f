"""The article reader on an article with many quotes: time to open it, per quote step, per find key.

`python -m bench.measure_reader 2000 15000` writes, for each size, one article of that many short
attributed quotes (invented speakers), indexes it into its own briefing in a temporary folder,
and drives the app headless with Textual's pilot at 120x40: the reader opened on the article
(timed until it is on screen and idle), `n` pressed ten times, a word found with `/` key by key,
then escape back to the briefing. Times include the pilot's own wait for an idle screen; the
floor is that wait alone, a key the reader does not bind pressed the same way.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from pathlib import Path

from bench.measure_common import median

SPEAKERS = ("Mayor Ana Kell", "Minister Ivo Brand", "Chief Lena Ostra", "Senator Paul Vint")


def write_article(folder: Path, quotes: int) -> Path:
    """One article of `quotes` attributed quotes, five to a paragraph."""
    lines = ["---", f"title: Many quotes {quotes}", "published: 2024-03-01", "---", ""]
    for n in range(quotes):
        lines.append(f'"We will rebuild the bridge number {n}," {SPEAKERS[n % len(SPEAKERS)]} said.')
        if n % 5 == 4:
            lines.append("")
    path = folder / "many.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


async def _idle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def drive(db: Path) -> dict:
    """Open the reader on the one article, step, find, go back; seconds for each."""
    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.reader import ReaderScreen

    app = BriefingApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await _idle(pilot)
        started = time.perf_counter()
        app.open_article(1)
        while not (isinstance(app.screen, ReaderScreen) and app.screen.data is not None):
            await pilot.pause()
        await _idle(pilot)
        opened = time.perf_counter() - started
        floor = []
        for _ in range(5):
            started = time.perf_counter()
            await pilot.press("x")
            await _idle(pilot)
            floor.append(time.perf_counter() - started)
        steps = []
        for _ in range(10):
            started = time.perf_counter()
            await pilot.press("n")
            await _idle(pilot)
            steps.append(time.perf_counter() - started)
        await pilot.press("slash")
        keys = []
        for key in "bridge":
            started = time.perf_counter()
            await pilot.press(key)
            await _idle(pilot)
            keys.append(time.perf_counter() - started)
        await pilot.press("enter", "escape")
        started = time.perf_counter()
        await pilot.press("escape")
        await _idle(pilot)
        back = time.perf_counter() - started
        closed = not isinstance(app.screen, ReaderScreen)
    return {
        "open_s": round(opened, 3),
        "floor_key_ms": round(median(floor) * 1000, 1),
        "step_p50_ms": round(median(steps) * 1000, 1),
        "step_max_ms": round(max(steps) * 1000, 1),
        "find_key_p50_ms": round(median(keys) * 1000, 1),
        "find_key_max_ms": round(max(keys) * 1000, 1),
        "escape_s": round(back, 3),
        "closed": closed,
    }


def measure(quotes: int) -> dict:
    """Index an article of `quotes` quotes and time the reader on it."""
    from briefing.core.indexer import index_paths
    from briefing.core.store.database import open_database

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_article(folder, quotes)
        db_path = Path(tmp) / "many.db"
        db = open_database(db_path)
        index_paths(db, [folder])
        db.conn.close()
        return {"quotes": quotes, **asyncio.run(drive(db_path))}


def main(argv: list[str] | None = None) -> None:
    """Command line: python -m bench.measure_reader QUOTES..."""
    parser = argparse.ArgumentParser(prog="python -m bench.measure_reader", description=__doc__.splitlines()[0])
    parser.add_argument("quotes", type=int, nargs="*", default=[2000, 15000], help="quotes in the article (several: one run each)")
    args = parser.parse_args(argv)
    for quotes in args.quotes:
        print(json.dumps(measure(quotes)))


if __name__ == "__main__":
    main()
