"""Search phase: the core search API against the same MATCH expressions on plain sqlite3, and ripgrep.

`python -m bench.measure_search DB CORPUS --articles N --seed S` runs the 200 queries of
`bench.corpus.sample_queries` through `core.store.search.search` (ranked hits with
their outlet, title and date; and again with snippets for the first 20, the CLI's page), the
MATCH expression `parse_query` makes of each (what the core search runs) straight against
`articles_fts` (ranked by the same bm25 weights, same limit: the floor), the same raw query
ranking only the matches the core ranks (above `RANK_LIMIT` matches the core ranks those indexed
last; the floor's cut is found untimed: what the core adds to the same ranking), and `rg` over the
corpus files as the tool a user would otherwise use.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import time
import urllib.parse
from pathlib import Path

from bench.corpus import sample_queries
from bench.measure_common import emit, median, peak_rss_mb, percentile

#: Results a search returns: what the app asks for.
LIMIT = 50
#: Hits given a snippet in the second timing: the CLI's default page.
SNIPPETS = 20


def _timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def measure_search(db_path: Path, corpus: Path, articles: int, seed: int, repeats: int, rg_queries: int) -> dict:
    """p50/p95 of the core search, of raw FTS5, and of rg, in milliseconds."""
    from briefing.core.store.database import open_database
    from briefing.core.store.search import ARTICLE_WEIGHTS, RANK_LIMIT, parse_query, search

    queries = sample_queries(articles, seed)
    db = open_database(db_path, readonly=True)
    uri = f"file:{urllib.parse.quote(str(db_path.resolve()))}?mode=ro"
    raw = sqlite3.connect(uri, uri=True)
    weights = ", ".join(str(w) for w in ARTICLE_WEIGHTS)
    raw_sql = f"SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? ORDER BY bm25(articles_fts, {weights}) LIMIT {LIMIT}"
    cut_sql = "SELECT rowid + 1 FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?"

    def core_search(query: str) -> None:
        search(db, parse_query(db, query), quotes=0, articles=LIMIT, snippets=0)

    def core_search_snippets(query: str) -> None:
        search(db, parse_query(db, query), quotes=0, articles=LIMIT, snippets=SNIPPETS)

    def raw_search(match: str | None, cut: int) -> None:
        if match is not None:
            raw.execute(raw_sql, [match, cut]).fetchall()

    def cut_of(match: str | None) -> int:
        row = raw.execute(cut_sql, [match, RANK_LIMIT]).fetchone() if match is not None else None
        return row[0] if row else 0

    # Made once, untimed: turning a typed prefix into the words it stands for, and finding where
    # the matches indexed last begin, are the core's own costs (in the core side's time), not the floor's.
    matches = [parse_query(db, q).match for _kind, q in queries]
    cuts = [cut_of(match) for match in matches]
    # One untimed pass warms the page cache for both sides alike.
    for (_kind, query), match, cut in zip(queries, matches, cuts):
        core_search(query)
        raw_search(match, cut)
    core_ms: list[float] = []
    snippet_ms: list[float] = []
    raw_ms: list[float] = []
    raw_same_ms: list[float] = []
    by_kind: dict[str, list[float]] = {}
    hits: dict[str, list[int]] = {}
    for (kind, query), match, cut in zip(queries, matches, cuts):
        # Alternating, each the median of a few repeats: drift and hiccups hit both sides alike.
        core_times, raw_times, raw_same_times, snippet_times = [], [], [], []
        for _ in range(repeats):
            core_times.append(_timed(core_search, query))
            raw_times.append(_timed(raw_search, match, 0))
            raw_same_times.append(_timed(raw_search, match, cut))
            snippet_times.append(_timed(core_search_snippets, query))
        core_ms.append(median(core_times) * 1000)
        snippet_ms.append(median(snippet_times) * 1000)
        raw_ms.append(median(raw_times) * 1000)
        raw_same_ms.append(median(raw_same_times) * 1000)
        by_kind.setdefault(kind, []).append(core_ms[-1])
        if match is not None:
            hits.setdefault(kind, []).append(raw.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [match]).fetchone()[0])
    result = {
        "queries": len(queries),
        "p50_ms": percentile(core_ms, 0.5),
        "p95_ms": percentile(core_ms, 0.95),
        "snippets_p50_ms": percentile(snippet_ms, 0.5),
        "snippets_p95_ms": percentile(snippet_ms, 0.95),
        "snippets": SNIPPETS,
        "raw_p50_ms": percentile(raw_ms, 0.5),
        "raw_p95_ms": percentile(raw_ms, 0.95),
        "raw_same_p50_ms": percentile(raw_same_ms, 0.5),
        "raw_same_p95_ms": percentile(raw_same_ms, 0.95),
        "rank_limit": RANK_LIMIT,
        "queries_over_rank_limit": sum(1 for cut in cuts if cut),
        "by_kind_p95_ms": {kind: percentile(values, 0.95) for kind, values in by_kind.items()},
        "median_hits_by_kind": {kind: median(values) for kind, values in hits.items()},
        "slowest": sorted(((round(t, 2), q) for t, (_k, q) in zip(core_ms, queries)), reverse=True)[:5],
    }
    result.update(_measure_rg(corpus, [q for _kind, q in queries], rg_queries))
    db.close()
    raw.close()
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def _measure_rg(corpus: Path, queries: list[str], limit: int) -> dict:
    """rg -i -F -l per query (its fastest useful mode: stop at the first match in a file)."""
    rg = shutil.which("rg")
    if rg is None:
        return {"rg_p50_ms": None, "rg_p95_ms": None, "rg_queries": 0,
                "rg_note": "ripgrep (rg) is not installed: apt-get install ripgrep"}
    # rg costs about the same for every query (it reads every file): a spread-out subset is enough.
    step = max(1, len(queries) // max(1, limit))
    chosen = queries[::step][:limit]

    def run(query: str) -> None:
        # rg -F searches its argument as one literal string: a phrase, without the quotes the
        # product's search reads it by.
        subprocess.run([rg, "-i", "-F", "-l", "--", query.strip('"'), str(corpus)], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)

    run(chosen[0])  # warm the page cache, as the search side was
    times = [_timed(run, q) * 1000 for q in chosen]
    return {"rg_p50_ms": percentile(times, 0.5), "rg_p95_ms": percentile(times, 0.95), "rg_queries": len(chosen),
            "rg_note": None}


def main(argv: list[str] | None = None) -> None:
    """Command line of the search phase (used by `python -m bench`)."""
    parser = argparse.ArgumentParser(prog="python -m bench.measure_search")
    parser.add_argument("db", type=Path)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--rg-queries", type=int, default=200)
    args = parser.parse_args(argv)
    emit(measure_search(args.db, args.corpus, args.articles, args.seed, args.repeats, args.rg_queries))


if __name__ == "__main__":
    main()
