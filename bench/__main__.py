"""Measure indexing, search and the app against their floors in one run: `python -m bench --articles N`.

Generates (or reuses) a synthetic corpus under bench/corpora/, runs each phase in its own
process so peak memory is per phase, prints a table with PASS/MISS per target and writes JSON.
Figures are ratios to a floor measured in the same run, so they mean something on a noisy machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

from bench.corpus import corpus_matches, generate, read_manifest
from bench.measure_common import median, read_result

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "bench" / "corpora"
RESULTS = ROOT / "bench" / "results"

#: Every figure the JSON promises, as section.key; each is a number or null with a note.
KEYS = (
    "index.words_per_s",
    "index.ratio_vs_tokenizer",
    "index.reindex_share",
    "index.peak_rss_mb",
    "search.p50_ms",
    "search.p95_ms",
    "search.raw_p95_ms",
    "search.ratio_vs_raw",
    "search.ratio_vs_raw_same",
    "search.speedup_vs_rg",
    "tui.startup_s",
    "tui.startup_ratio",
    "tui.search_ms",
    "tui.peak_rss_mb",
    "typing.p50_ms",
    "typing.p95_ms",
    "typing.minimal_p95_ms",
    "typing.ratio_vs_minimal",
)


def run_phase(module: str, *args: object) -> tuple[dict | None, str | None]:
    """Run `python -m bench.<module> args…` and return (its result, None) or (None, why it failed)."""
    env = dict(os.environ)
    # The phases import bench, core and tui from this checkout, installed or not.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    proc = subprocess.run(
        [sys.executable, "-m", f"bench.{module}", *map(str, args)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    result = read_result(proc.stdout)
    if proc.returncode == 0 and result is not None:
        return result, None
    lines = [line for line in proc.stderr.strip().splitlines() if line.strip()]
    return None, f"{module} {args[0] if args else ''} failed (exit {proc.returncode}): {lines[-1] if lines else 'no output'}"


def _repeat(times: int, module: str, *args: object) -> tuple[dict | None, str | None]:
    """Run an app phase `times` times, each in a new process: median times, largest memory."""
    results = []
    for _ in range(max(1, times)):
        result, error = run_phase(module, *args)
        if error:
            return None, error
        results.append(result)
        if result.get("startup_s") is None:
            return result, None  # no app to measure: one answer is enough

    def middle(key: str):
        values = [r[key] for r in results if r.get(key) is not None]
        return median(values) if values else None

    return {
        "startup_s": middle("startup_s"),
        "first_startup_s": results[0]["startup_s"],
        "search_ms": middle("search_ms"),
        "peak_rss_mb": max((r["peak_rss_mb"] for r in results if r.get("peak_rss_mb") is not None), default=None),
        "note": next((r["note"] for r in results if r.get("note")), None),
    }, None


def _ratio(numerator, denominator) -> float | None:
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def machine() -> dict:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass

    def version(name: str) -> str | None:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return None

    rg = shutil.which("rg")
    rg_version = None
    if rg:
        out = subprocess.run([rg, "--version"], capture_output=True, text=True, check=False).stdout
        rg_version = out.split("\n", 1)[0] or None
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "spacy": version("spacy"),
        "textual": version("textual"),
        "sqlite_utils": version("sqlite-utils"),
        "ripgrep": rg_version,
    }


def prepare_corpus(articles: int, seed: int, folder: Path) -> dict:
    """Reuse the corpus in `folder` when it matches, else generate it; return its manifest."""
    if corpus_matches(folder, articles, seed):
        return {**read_manifest(folder), "reused": True, "seconds": None}
    manifest = generate(articles, folder, seed=seed)
    return {**manifest, "reused": False}


def measure(args: argparse.Namespace, say, checkpoint=lambda doc: None) -> dict:
    """Run every phase and assemble the result document; `checkpoint(doc)` is called after each phase.

    A long run (100,000 articles takes hours) that is stopped still leaves the figures it had.
    """
    n, seed = args.articles, args.seed
    corpus = args.corpus or CORPORA / f"n{n}-s{seed}"
    workdir = args.workdir or RESULTS / f"work-n{n}-s{seed}"
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "bench.db"
    notes: dict[str, str] = {}
    doc: dict = {"articles": n, "seed": seed, "machine": machine(), "notes": notes}

    say(f"corpus: {n} articles in {corpus}")
    started = time.perf_counter()
    doc["corpus"] = {**prepare_corpus(n, seed, corpus), "path": str(corpus)}
    say(f"  {'reused' if doc['corpus']['reused'] else 'generated'} in {time.perf_counter() - started:.1f} s")

    phases = set(args.phases.split(","))
    tok = full = jobs_run = None
    tok_error = full_error = jobs_error = None
    if "index" in phases:
        say("index: spaCy tokenizer alone (the floor)")
        tok, tok_error = run_phase("measure_index", "tokenizer", corpus)
        say("index: full run, jobs=1, then re-index unchanged")
        full, full_error = run_phase("measure_index", "index", corpus, db, "--jobs", 1, "--reindex")
    else:
        tok_error = full_error = "not measured (--phases)"
    # Later phases need the database: this run's, or one a --keep run left in the work folder.
    no_db = None if full is not None or ("index" not in phases and db.exists()) else (
        full_error if "index" in phases else f"no database at {db}: run with --keep and the index phase first")
    if "index" in phases and args.jobs and args.jobs > 1:
        say(f"index: full run, jobs={args.jobs}")
        jobs_db = workdir / f"bench-j{args.jobs}.db"
        jobs_run, jobs_error = run_phase("measure_index", "index", corpus, jobs_db, "--jobs", args.jobs)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{jobs_db}{suffix}").unlink(missing_ok=True)
    index = {
        "words_per_s": _ratio(full and full["words"], full and full["seconds"]),
        "ratio_vs_tokenizer": _ratio(full and full["seconds"], tok and tok["seconds"]),
        "reindex_share": _ratio(full and full.get("reindex_seconds"), full and full["seconds"]),
        "peak_rss_mb": full and full["peak_rss_mb"],
        "seconds": full and full["seconds"],
        "articles": full and full["articles"],
        "words": full and full["words"],
        "problems": full and full["problems"],
        "problem_examples": full and full["problem_examples"],
        "db_mb": full and full["db_mb"],
        "tokenizer_seconds": tok and tok["seconds"],
        "tokenizer_words_per_s": _ratio(tok and tok["words"], tok and tok["seconds"]),
        "reindex_seconds": full and full.get("reindex_seconds"),
        "retouch_share": _ratio(full and full.get("retouch_seconds"), full and full["seconds"]),
        "jobs": args.jobs if jobs_run else None,
        "jobs_seconds": jobs_run and jobs_run["seconds"],
        "jobs_speedup": _ratio(full and full["seconds"], jobs_run and jobs_run["seconds"]),
        "jobs_peak_rss_mb": jobs_run and jobs_run["peak_rss_mb"],
        "jobs_workers_peak_rss_mb": jobs_run and jobs_run["workers_peak_rss_mb"],
    }
    for key, error in (("ratio_vs_tokenizer", tok_error), ("words_per_s", full_error), ("jobs_speedup", jobs_error)):
        if error:
            notes[f"index.{key}"] = error
    if not (args.jobs and args.jobs > 1) or "index" not in phases:
        notes["index.jobs_speedup"] = "not measured (--jobs below 2, or --phases without index)"
    doc["index"] = index
    checkpoint(doc)

    if "search" not in phases:
        search, search_error = None, "not measured (--phases)"
    elif no_db:
        search, search_error = None, no_db
    else:
        say("search: core API, raw FTS5, rg")
        search, search_error = run_phase(
            "measure_search", db, corpus, "--articles", n, "--seed", seed, "--repeats", args.repeats,
            "--rg-queries", args.rg_queries if args.rg_queries is not None else (200 if n <= 20_000 else 40),
        )
    s = search or {}
    doc["search"] = {
        "p50_ms": s.get("p50_ms"),
        "p95_ms": s.get("p95_ms"),
        "raw_p50_ms": s.get("raw_p50_ms"),
        "raw_p95_ms": s.get("raw_p95_ms"),
        "ratio_vs_raw": _ratio(s.get("p95_ms"), s.get("raw_p95_ms")),
        "raw_same_p50_ms": s.get("raw_same_p50_ms"),
        "raw_same_p95_ms": s.get("raw_same_p95_ms"),
        "ratio_vs_raw_same": _ratio(s.get("p95_ms"), s.get("raw_same_p95_ms")),
        "rank_limit": s.get("rank_limit"),
        "queries_over_rank_limit": s.get("queries_over_rank_limit"),
        "snippets_p50_ms": s.get("snippets_p50_ms"),
        "snippets_p95_ms": s.get("snippets_p95_ms"),
        "snippets": s.get("snippets"),
        "rg_p50_ms": s.get("rg_p50_ms"),
        "rg_p95_ms": s.get("rg_p95_ms"),
        "speedup_vs_rg": _ratio(s.get("rg_p95_ms"), s.get("p95_ms")),
        "queries": s.get("queries"),
        "rg_queries": s.get("rg_queries"),
        "by_kind_p95_ms": s.get("by_kind_p95_ms"),
        "median_hits_by_kind": s.get("median_hits_by_kind"),
        "slowest": s.get("slowest"),
        "peak_rss_mb": s.get("peak_rss_mb"),
    }
    if search_error:
        notes["search.p95_ms"] = search_error
    elif s.get("rg_note"):
        notes["search.speedup_vs_rg"] = s["rg_note"]
    checkpoint(doc)

    tui: dict = {}
    if args.no_tui or "tui" not in phases:
        notes["tui.startup_s"] = "not measured (--no-tui or --phases)"
    else:
        # One start per process: a start is what a user does once, and repeated starts in one
        # process would also measure whatever earlier app instances left behind.
        say(f"app: minimal Textual app (the floor), {args.tui_runs} starts")
        minimal, minimal_error = _repeat(args.tui_runs, "measure_tui", "minimal", "--query", args.tui_query)
        say(f"app: briefing app start-up and a typed search, {args.tui_runs} starts")
        app, app_error = (None, no_db) if no_db else _repeat(
            args.tui_runs, "measure_tui", "app", db, "--query", args.tui_query
        )
        a = app or {}
        tui = {
            "startup_s": a.get("startup_s"),
            "first_startup_s": a.get("first_startup_s"),
            "minimal_startup_s": minimal and minimal["startup_s"],
            "startup_ratio": _ratio(a.get("startup_s"), minimal and minimal["startup_s"]),
            "search_ms": a.get("search_ms"),
            "search_query": args.tui_query,
            "minimal_typing_ms": minimal and minimal["search_ms"],
            "peak_rss_mb": a.get("peak_rss_mb"),
            "minimal_peak_rss_mb": minimal and minimal["peak_rss_mb"],
            "starts": args.tui_runs,
        }
        if minimal_error:
            notes["tui.startup_ratio"] = minimal_error
        if app_error or a.get("note"):
            notes["tui.startup_s"] = app_error or a["note"]
    doc["tui"] = {key.split(".")[1]: tui.get(key.split(".")[1]) for key in KEYS if key.startswith("tui.")} | tui
    doc["typing"] = _typing(args, db, no_db, notes, say)
    _explain_nulls(doc)
    doc["targets"] = targets(doc)
    if not args.keep and "index" in phases:
        # Only what this run made: a database kept by an earlier run stays.
        shutil.rmtree(workdir, ignore_errors=True)
    return doc


def _typing(args: argparse.Namespace, db: Path, no_db: str | None, notes: dict, say) -> dict:
    """Search as you type, key by key: the app against a minimal app with one Input, in the same run."""
    empty = {key.split(".")[1]: None for key in KEYS if key.startswith("typing.")}
    if args.no_tui or "tui" not in args.phases.split(","):
        notes["typing.p95_ms"] = "not measured (--no-tui or --phases)"
        return empty
    say("app: typing a search key by key, the minimal app then the briefing app")
    minimal, minimal_error = run_phase("measure_typing", "minimal")
    app, app_error = (None, no_db) if no_db else run_phase("measure_typing", "app", db)
    if minimal_error:
        notes["typing.minimal_p95_ms"] = minimal_error
    if app_error:
        notes["typing.p95_ms"] = app_error
    a, m = app or {}, minimal or {}
    return {
        "p50_ms": a.get("p50_ms"),
        "p95_ms": a.get("p95_ms"),
        "max_ms": a.get("max_ms"),
        "keys": a.get("keys"),
        "slowest": a.get("slowest"),
        "minimal_p50_ms": m.get("p50_ms"),
        "minimal_p95_ms": m.get("p95_ms"),
        "ratio_vs_minimal": _ratio(a.get("p95_ms"), m.get("p95_ms")),
        "p50_ratio_vs_minimal": _ratio(a.get("p50_ms"), m.get("p50_ms")),
    }


def _explain_nulls(doc: dict) -> None:
    """Give every promised figure that is null a note (a failed phase explains its dependants)."""
    notes = doc["notes"]
    for key in KEYS:
        section, name = key.split(".")
        if doc[section].get(name) is None and key not in notes:
            same_section = [why for k, why in notes.items() if k.startswith(section + ".")]
            notes[key] = same_section[0] if same_section else "not measured"


def get(doc: dict, key: str):
    """A figure by its dotted key."""
    section, name = key.split(".")
    return doc.get(section, {}).get(name)


def targets(doc: dict) -> list[dict]:
    """The issue's targets with PASS, MISS, n/a (no figure) or info (another corpus size)."""
    n = doc["articles"]
    rows = [
        ("index time ≤ 4× tokenizer alone", "index.ratio_vs_tokenizer", "≤", 4.0, True),
        ("re-index of unchanged ≤ 5% of full", "index.reindex_share", "≤", 0.05, True),
        ("search p95 ≤ 1.2× raw FTS5 (every match ranked)", "search.ratio_vs_raw", "≤", 1.2, True),
        ("search ≥ 10× faster than rg (at 100,000)", "search.speedup_vs_rg", "≥", 10.0, n >= 100_000),
        # 2× holds up to 10,000 articles, 3× from 100,000; in between the stricter one applies.
        (f"app start-up ≤ {2 if n < 100_000 else 3}× minimal app", "tui.startup_ratio", "≤", 2.0 if n < 100_000 else 3.0, True),
        ("app memory < 400 MB", "tui.peak_rss_mb", "<", 400.0, True),
        (f"typing p95 ≤ {1.5 if n < 100_000 else 2}× minimal app", "typing.ratio_vs_minimal", "≤", 1.5 if n < 100_000 else 2.0, True),
    ]
    result = []
    for name, key, op, limit, applies in rows:
        value = get(doc, key)
        if value is None:
            status = "n/a"
        else:
            ok = value <= limit if op == "≤" else value >= limit if op == "≥" else value < limit
            status = ("PASS" if ok else "MISS") if applies else "info"
        result.append({"name": name, "key": key, "op": op, "limit": limit, "value": value, "status": status})
    return result


def _fmt(value, unit: str = "", digits: int = 2) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and abs(value) >= 1000:
        return f"{value:,.0f}{unit}"
    return f"{value:.{digits}f}{unit}" if isinstance(value, float) else f"{value}{unit}"


def table(doc: dict) -> str:
    """The human-readable report: figures, their floors, and each target's status."""
    i, s, t, m = doc["index"], doc["search"], doc["tui"], doc["machine"]
    k = doc.get("typing") or {}
    c = doc["corpus"]
    lines = [
        f"briefing bench — {doc['articles']:,} articles ({c.get('files', '?'):,} files, {c.get('words', 0):,} words), seed {doc['seed']}",
        f"machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB; Python {m['python']}, SQLite {m['sqlite']}, "
        f"spaCy {m['spacy']}, Textual {m['textual']}, {m['ripgrep'] or 'no ripgrep'}",
        "",
        f"{'figure':<34}{'value':>14}  {'floor / reference':<34}",
        f"{'index words/s (jobs=1)':<34}{_fmt(i['words_per_s']):>14}  tokenizer {_fmt(i['tokenizer_words_per_s'])} words/s",
        f"{'index time':<34}{_fmt(i['seconds'], ' s'):>14}  tokenizer {_fmt(i['tokenizer_seconds'], ' s')}; ratio {_fmt(i['ratio_vs_tokenizer'], '×')}",
        f"{'re-index unchanged (stat)':<34}{_fmt(i['reindex_seconds'], ' s'):>14}  share {_fmt(i['reindex_share'] and i['reindex_share'] * 100, ' %')}",
        f"{'re-index touched (hash)':<34}{_fmt(i['retouch_share'] and i['retouch_share'] * 100, ' %'):>14}  of the full run",
        f"{'index peak memory':<34}{_fmt(i['peak_rss_mb'], ' MB', 0):>14}  database {_fmt(i['db_mb'], ' MB', 0)}",
        f"{'index jobs=' + str(i['jobs'] or '-') + ' speed-up':<34}{_fmt(i['jobs_speedup'], '×'):>14}  {_fmt(i['jobs_seconds'], ' s')} vs jobs=1",
        f"{'search p50 / p95':<34}{_fmt(s['p50_ms']) + ' / ' + _fmt(s['p95_ms']) + ' ms':>14}  raw FTS5 {_fmt(s['raw_p50_ms'])} / {_fmt(s['raw_p95_ms'])} ms; p95 ratio {_fmt(s['ratio_vs_raw'], '×')}",
        f"{'raw FTS5, the same matches ranked':<34}{_fmt(s.get('raw_same_p50_ms')) + ' / ' + _fmt(s.get('raw_same_p95_ms')) + ' ms':>14}  "
        f"p95 ratio {_fmt(s.get('ratio_vs_raw_same'), '×')}; {s.get('queries_over_rank_limit')} of {s.get('queries')} queries match over "
        f"{(s.get('rank_limit') or 0):,}, where the search ranks those indexed last",
        f"{'search with ' + str(s.get('snippets')) + ' snippets p50 / p95':<34}{_fmt(s.get('snippets_p50_ms')) + ' / ' + _fmt(s.get('snippets_p95_ms')) + ' ms':>14}  the CLI's default page of hits",
        f"{'rg p50 / p95':<34}{_fmt(s['rg_p50_ms'], digits=0) + ' / ' + _fmt(s['rg_p95_ms'], digits=0) + ' ms':>14}  search is {_fmt(s['speedup_vs_rg'], '×', 1)} faster (p95)",
        f"{'app start-up':<34}{_fmt(t.get('startup_s'), ' s'):>14}  minimal app {_fmt(t.get('minimal_startup_s'), ' s')}; ratio {_fmt(t.get('startup_ratio'), '×')}",
        f"{'app typed search':<34}{_fmt(t.get('search_ms'), ' ms', 0):>14}  '/' + '{t.get('search_query', '')}'; typing alone {_fmt(t.get('minimal_typing_ms'), ' ms', 0)}",
        f"{'app typing a key p50 / p95':<34}{_fmt(k.get('p50_ms'), digits=0) + ' / ' + _fmt(k.get('p95_ms'), digits=0) + ' ms':>14}  "
        f"minimal app {_fmt(k.get('minimal_p50_ms'), digits=0)} / {_fmt(k.get('minimal_p95_ms'), digits=0)} ms; p95 ratio {_fmt(k.get('ratio_vs_minimal'), '×')} ({k.get('keys') or '—'} keys)",
        f"{'app peak memory':<34}{_fmt(t.get('peak_rss_mb'), ' MB', 0):>14}  minimal app {_fmt(t.get('minimal_peak_rss_mb'), ' MB', 0)}",
        "",
        "targets:",
    ]
    for row in doc["targets"]:
        value = _fmt(row["value"], digits=3)
        lines.append(f"  {row['status']:<5} {row['name']:<44} {value:>10} {row['op']} {row['limit']}")
    if doc["notes"]:
        lines.append("notes:")
        lines.extend(f"  {key}: {why}" for key, why in sorted(doc["notes"].items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: python -m bench --articles N [--json FILE] [--jobs J]."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True, help="corpus size")
    parser.add_argument("--json", type=Path, help="write the results here (default: bench/results/bench-nN.json)")
    parser.add_argument("--jobs", type=int, default=2, help="also index with this many processes and report the speed-up (0: skip)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed")
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: bench/corpora/nN-sS, reused when it matches)")
    parser.add_argument("--workdir", type=Path, help="where the databases go (default: bench/results/work-…; removed unless --keep)")
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    parser.add_argument("--repeats", type=int, default=3, help="timings per search query (the median counts)")
    parser.add_argument("--rg-queries", type=int, help="queries timed with rg (default: 200, or 40 above 20,000 articles)")
    parser.add_argument("--tui-runs", type=int, default=3, help="app starts timed, each in a new process (the median counts)")
    parser.add_argument("--tui-query", default="police", help="what the app search types")
    parser.add_argument("--no-tui", action="store_true", help="skip the app phases")
    parser.add_argument("--phases", default="index,search,tui",
                        help="phases to run; without index, search and tui use the database a --keep run left")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")

    def say(text: str) -> None:
        if not args.quiet:
            print(text, file=sys.stderr, flush=True)

    out = args.json or RESULTS / f"bench-n{args.articles}.json"
    out.parent.mkdir(parents=True, exist_ok=True)

    def write(doc: dict, partial: bool = True) -> None:
        # Written after each phase, marked partial until the run is complete.
        out.write_text(json.dumps({**doc, "partial": partial}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    doc = measure(args, say, write)
    write(doc, partial=False)
    print(table(doc))
    print(f"\nJSON: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
