"""Where a full index run's time goes: `python -m bench.phases CORPUS DB [--json FILE]`.

Indexes CORPUS into a new database DB in this process, with a clock around each step of
`core.indexer` (reading and extracting a file, writing it, dating the undated articles, linking
statements and events across sources, filling the full-text index, reading the vocabulary).
Each step is clocked where the run calls it. A
profiler says where the time goes inside a step; this says which step to profile, and shows
which ones grow faster than the corpus (run it at 10,000 and 100,000 articles). The clocks cost
a few microseconds a file.
"""

from __future__ import annotations

import argparse
import collections
import functools
import json
import time
from pathlib import Path

#: (module the run calls it from, function, what the step is) for every step timed.
STEPS = (
    ("briefing.core.indexer.files", "process_file", "read, parse and extract a file (dated articles)"),
    ("briefing.core.indexer.run", "_apply", "write a file's articles, quotes and events"),
    ("briefing.core.indexer.run", "_reconcile", "briefing-wide steps: undated articles, linking, summaries"),
    ("briefing.core.indexer.links", "relink_statements", "link quotes of one statement across sources"),
    ("briefing.core.indexer.links", "relink_events", "group events across sources, note disagreements"),
    ("briefing.core.indexer.run", "reidentify", "name speakers across the briefing (clues, then names)"),
    ("briefing.core.indexer.run", "catch_up_full_text", "fill the full-text indexes at the end of the run"),
    ("briefing.core.indexer.run", "update_words", "read the new words for search as you type"),
)


def _clocked(function, seconds: collections.Counter, calls: collections.Counter, name: str):
    @functools.wraps(function)
    def clocked(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[name] += time.perf_counter() - started
            calls[name] += 1

    return clocked


def measure_phases(corpus: Path, db_path: Path) -> dict:
    """Seconds and calls of each step of one full index run of `corpus` into a new database."""
    import importlib

    from briefing.core.indexer import index_paths
    from briefing.core.store.database import open_database

    if db_path.exists():
        raise SystemExit(f"{db_path} exists: give a new database path")
    seconds: collections.Counter = collections.Counter()
    calls: collections.Counter = collections.Counter()
    for module_name, function_name, _what in STEPS:
        module = importlib.import_module(module_name)
        setattr(module, function_name, _clocked(getattr(module, function_name), seconds, calls, function_name))
    db = open_database(db_path)
    started = time.perf_counter()
    report = index_paths(db, [corpus])
    total = time.perf_counter() - started
    db.conn.close()
    reconcile = seconds["_reconcile"] - seconds["relink_statements"] - seconds["relink_events"]
    steps = {name: {"seconds": round(seconds[name], 2), "calls": calls[name], "what": what} for _m, name, what in STEPS}
    steps["_reconcile"]["seconds_without_linking"] = round(reconcile, 2)
    whole_steps = ("process_file", "_apply", "_reconcile", "catch_up_full_text", "update_words")
    accounted = sum(seconds[name] for name in whole_steps)
    return {
        "articles": report.added,
        "words": report.words,
        "seconds": round(total, 2),
        "steps": steps,
        # Discovering files, commits and the loop between the steps above.
        "other_seconds": round(total - accounted, 2),
    }


def main(argv: list[str] | None = None) -> None:
    """Command line: print the steps' seconds (and write them as JSON with --json)."""
    parser = argparse.ArgumentParser(prog="python -m bench.phases")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("db", type=Path, help="a new database file")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    result = measure_phases(args.corpus, args.db)
    print(f"{result['articles']:,} articles, {result['words']:,} words: {result['seconds']:.1f} s")
    for name, step in result["steps"].items():
        print(f"  {name:22} {step['seconds']:8.1f} s  ×{step['calls']:<7}  {step['what']}")
    print(f"  {'other':22} {result['other_seconds']:8.1f} s")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
