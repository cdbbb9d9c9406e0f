"""Index phases, each run in its own process so its peak memory is its own.

`python -m bench.measure_index tokenizer CORPUS` times spaCy's blank English tokenizer alone over
the corpus's article texts (the floor); `python -m bench.measure_index index CORPUS DB --jobs J
[--reindex]` times a full in-process `index_paths`, then optionally a re-index of the unchanged
corpus (skipped by stat) and one after touching every file (skipped by hash).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from bench.measure_common import emit, peak_rss_mb


def corpus_texts(corpus: Path):
    """Yield (text, words) for every article of the corpus, read by the core's own ingest."""
    from briefing.core.ingest import discover, parse_bytes, read_bytes
    from briefing.core.models import ParsedArticle

    candidates, _problems = discover([corpus])
    for candidate in candidates:
        for item in parse_bytes(candidate.path, read_bytes(candidate.path)):
            if isinstance(item, ParsedArticle):
                yield item.text, item.words


def measure_tokenizer(corpus: Path) -> dict:
    """Seconds spaCy's blank English tokenizer needs for the corpus texts (parsing not counted)."""
    import spacy

    make_doc = spacy.blank("en").make_doc
    seconds = 0.0
    articles = words = 0
    for text, count in corpus_texts(corpus):
        started = time.perf_counter()
        make_doc(text)
        seconds += time.perf_counter() - started
        articles += 1
        words += count
    return {"seconds": seconds, "articles": articles, "words": words, "peak_rss_mb": peak_rss_mb()}


def _touch_all(corpus: Path) -> None:
    # New modification times, same bytes: the re-index must fall back to comparing hashes.
    stamp = time.time_ns()
    for folder, _dirs, files in os.walk(corpus):
        for name in files:
            if not name.startswith("."):
                os.utime(os.path.join(folder, name), ns=(stamp, stamp))


def measure_index(corpus: Path, db_path: Path, jobs: int, reindex: bool) -> dict:
    """Seconds for a full index into a new database, and for re-indexing the unchanged corpus."""
    # Imported up front, as the CLI does before any work: module import time is not indexing.
    import briefing.core.nlp.pipeline  # noqa: F401
    from briefing.core.indexer import index_paths
    from briefing.core.store.database import open_database

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    db = open_database(db_path)
    started = time.perf_counter()
    report = index_paths(db, [corpus], jobs=jobs)
    seconds = time.perf_counter() - started
    result = {
        "seconds": seconds,
        "jobs": jobs,
        "articles": report.added + report.updated,
        "words": report.words,
        "problems": len(report.problems),
        "problem_examples": [f"{p.path}: {p.reason}" for p in report.problems[:3]],
    }
    if reindex:
        started = time.perf_counter()
        again = index_paths(db, [corpus], jobs=jobs)
        result["reindex_seconds"] = time.perf_counter() - started
        result["reindex_changed"] = again.added + again.updated + again.removed
        _touch_all(corpus)
        started = time.perf_counter()
        touched = index_paths(db, [corpus], jobs=jobs)
        result["retouch_seconds"] = time.perf_counter() - started
        result["retouch_changed"] = touched.added + touched.updated + touched.removed
    db.close()
    result["db_mb"] = round(sum(os.path.getsize(f"{db_path}{s}") for s in ("", "-wal") if os.path.exists(f"{db_path}{s}")) / 2**20, 1)
    result["peak_rss_mb"] = peak_rss_mb()
    # Worker processes of --jobs: their peak, taken after the pool has been joined.
    result["workers_peak_rss_mb"] = peak_rss_mb(children=True) if jobs > 1 else None
    return result


def main(argv: list[str] | None = None) -> None:
    """Command line of the index phases (used by `python -m bench`)."""
    parser = argparse.ArgumentParser(prog="python -m bench.measure_index")
    sub = parser.add_subparsers(dest="phase", required=True)
    tok = sub.add_parser("tokenizer")
    tok.add_argument("corpus", type=Path)
    idx = sub.add_parser("index")
    idx.add_argument("corpus", type=Path)
    idx.add_argument("db", type=Path)
    idx.add_argument("--jobs", type=int, default=1)
    idx.add_argument("--reindex", action="store_true")
    args = parser.parse_args(argv)
    if args.phase == "tokenizer":
        emit(measure_tokenizer(args.corpus))
    else:
        emit(measure_index(args.corpus, args.db, args.jobs, args.reindex))


if __name__ == "__main__":
    main()
