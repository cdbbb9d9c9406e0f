"""The bench runs end to end on a tiny corpus and writes every promised figure; timings are not asserted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.__main__ import KEYS
from bench.corpus import MANIFEST, generate, sample_queries

#: Runs whole programs in subprocesses or over thousands of files: `make test-fast` leaves it out.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


def test_corpus_is_deterministic_and_covers_every_format(tmp_path):
    """Same seed, same bytes; a smaller corpus is a prefix; every input format occurs."""
    first, second, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate(60, first, seed=7, jobs=1)
    generate(60, second, seed=7, jobs=1)
    generate(60, other, seed=8, jobs=1)

    def files(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    assert files(first) == files(second)
    assert files(first) != files(other)
    assert {p.suffix for p in first.rglob("*.*") if p.name != MANIFEST} == {".txt", ".md", ".jsonl", ".html"}
    small = tmp_path / "small"
    generate(10, small, seed=7, jobs=1)
    big = files(first)
    for name, data in files(small).items():
        if name.endswith((".txt", ".md", ".html")):
            assert big[name] == data


def test_corpus_reads_as_articles(tmp_path):
    """The core's ingest reads the generated files: JSON Lines hold several articles, texts about 500 words."""
    from briefing.core.ingest import parse_file
    from briefing.core.models import ParsedArticle

    generate(50, tmp_path, seed=0, jobs=1)
    articles = []
    for path in sorted(tmp_path.rglob("*.*")):
        if path.name == MANIFEST or path.suffix == ".html":  # HTML needs the optional extractor
            continue
        items = parse_file(path)
        assert all(isinstance(i, ParsedArticle) for i in items), items
        if path.suffix == ".jsonl":
            assert len(items) > 1
        articles.extend(items)
    words = sum(a.words for a in articles) / len(articles)
    assert 350 < words < 700
    assert any(a.published_source == "dateline" for a in articles)
    assert any("said" in a.text and "“" in a.text for a in articles)


def test_queries_cover_every_kind():
    """200 queries of five kinds, the same for the same corpus; phrases are typed between quotes."""
    queries = sample_queries(100, seed=0)
    assert len(queries) == 200
    assert {kind for kind, _ in queries} == {"rare name", "common word", "phrase", "words", "prefix"}
    assert queries == sample_queries(100, seed=0)
    phrases = [q for kind, q in queries if kind == "phrase"]
    assert all(q.startswith('"') and q.endswith('"') and len(q) > 2 for q in phrases)
    assert all(" " in q and '"' not in q for kind, q in queries if kind == "words")


def test_bench_end_to_end_writes_every_key(tmp_path):
    """`python -m bench --articles 30` prints a table and writes JSON with every key: a number, or null with a note."""
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--articles", "30", "--json", str(out), "--corpus", str(tmp_path / "corpus"),
         "--workdir", str(tmp_path / "work"), "--repeats", "1", "--rg-queries", "5", "--tui-runs", "1", "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "targets:" in proc.stdout
    doc = json.loads(out.read_text(encoding="utf-8"))
    for key in KEYS:
        section, name = key.split(".")
        assert name in doc[section], key
        value = doc[section][name]
        if value is None:
            assert doc["notes"].get(key), f"{key} is null without a note"
        else:
            assert isinstance(value, (int, float)) and not isinstance(value, bool), key
    # The index phase itself must work at any size: its figures are never null.
    for key in ("index.words_per_s", "index.ratio_vs_tokenizer", "index.reindex_share", "index.peak_rss_mb",
                "search.p50_ms", "search.p95_ms", "search.raw_p95_ms", "search.ratio_vs_raw", "search.ratio_vs_raw_same"):
        section, name = key.split(".")
        assert doc[section][name] is not None, (key, doc["notes"])
    assert doc["index"]["articles"] == 30 or doc["index"]["problems"]
    assert {t["status"] for t in doc["targets"]} <= {"PASS", "MISS", "n/a", "info"}
    assert len(doc["targets"]) == 7
    # The typing phase ran: keys were timed in both apps.
    assert doc["typing"]["minimal_p95_ms"] is not None, doc["notes"]
    assert not (tmp_path / "work").exists()  # databases are removed unless --keep


def test_phases_account_for_an_index_run(tmp_path):
    """`bench.phases` times every step of a real run: each step ran, and the steps fit in the whole."""
    from bench.phases import STEPS, measure_phases

    generate(24, tmp_path / "corpus", seed=3, jobs=1)
    result = measure_phases(tmp_path / "corpus", tmp_path / "phases.db")
    assert result["articles"] > 0 and result["words"] > 0
    steps = result["steps"]
    assert set(steps) == {name for _module, name, _what in STEPS}
    from briefing.core.ingest import discover

    assert steps["process_file"]["calls"] == len(discover([tmp_path / "corpus"])[0])
    for name in ("_reconcile", "relink_statements", "relink_events", "catch_up_full_text", "update_words"):
        assert steps[name]["calls"] == 1, name
    whole_steps = ("process_file", "_apply", "_reconcile", "catch_up_full_text", "update_words")
    parts = sum(steps[name]["seconds"] for name in whole_steps)
    assert parts <= result["seconds"] + 0.05
    assert steps["relink_statements"]["seconds"] + steps["relink_events"]["seconds"] <= steps["_reconcile"]["seconds"] + 0.05
