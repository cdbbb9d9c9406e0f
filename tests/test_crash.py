"""Crash safety: `briefing index` killed with SIGKILL at several points leaves a whole database."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from briefing.core.indexer import index_paths
from briefing.core.indexer.run import DEFER_FULL_TEXT_FILES
from briefing.core.store.database import check_database, open_database, unindexed_articles

from tests.test_indexer import snapshot

#: Runs whole programs in subprocesses or over thousands of files: `make test-fast` leaves it out.
pytestmark = pytest.mark.slow

#: Enough copies for more files than a run indexes row by row (core.indexer.run.DEFER_FULL_TEXT_FILES):
#: the kills then land while the full-text index waits for the end of the run.
COPIES = 70


@pytest.fixture
def corpus(seed_folder):
    """The seeds and many variants of them: enough work for a kill to land mid-run."""
    sources = sorted(seed_folder.glob("0*.txt"))
    for n in range(COPIES):
        for source in sources:
            text = source.read_text(encoding="utf-8").replace("Kosovo", f"Kosovo{n}", 1)
            (seed_folder / f"v{n:03d}_{source.name}").write_text(text, encoding="utf-8")
    return seed_folder


def article_count(path) -> int:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def kill_when(path, corpus, at_least: int) -> bool:
    """Start an index and SIGKILL it once `at_least` articles are committed (0: at once)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing.cli.main", "index", str(corpus), "--db", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if article_count(path) >= at_least and (at_least or path.exists()):
            break
        time.sleep(0.01)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return killed


def test_killed_index_leaves_a_whole_database_and_finishes_on_rerun(tmp_path, corpus):
    clean = open_database(tmp_path / "clean.db")
    index_paths(clean, [corpus])
    expected = snapshot(clean)
    total = len(expected[0])
    assert total >= DEFER_FULL_TEXT_FILES
    path = tmp_path / "killed.db"
    kills = 0
    for at_least in (0, 1, total // 3, (2 * total) // 3):
        kills += kill_when(path, corpus, at_least)
        db = open_database(path)
        assert check_database(db) == [], f"damaged after a kill at {at_least} articles"
        db.close()
    assert kills >= 3, "the index finished before it could be killed: the test proves nothing"
    db = open_database(path)
    index_paths(db, [corpus])
    assert snapshot(db) == expected
    # Every article is in the full-text index again, checked against the rows.
    assert unindexed_articles(db) == 0
    assert check_database(db) == []
    # And the indexes only reads use, left out while the first run wrote, are there.
    from briefing.core.store.schema import READ_INDEXES

    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()}
    assert set(READ_INDEXES) <= names
