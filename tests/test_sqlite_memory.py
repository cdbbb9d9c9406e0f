"""The store turns SQLite's process-wide memory counter off before it opens anything, and only then."""

from __future__ import annotations

import subprocess
import sys

import pytest

#: Runs Python in subprocesses: `make test-fast` leaves it out.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="the library is reached through the sqlite3 module's own file on Linux"),
]


def _run(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.split()


def test_the_counter_is_off_once_the_store_is_imported(tmp_path):
    """With the counter off, SQLite reports nothing allocated even while a briefing is open and read."""
    lines = _run(
        "from briefing.core.store import sqlite_memory\n"
        "from briefing.core.store.database import open_database\n"
        f"db = open_database({str(tmp_path / 'b.db')!r})\n"
        "db.execute('SELECT count(*) FROM sqlite_master').fetchone()\n"
        "print(sqlite_memory.stop_counting_memory(), sqlite_memory.memory_in_use())\n"
    )
    assert lines == ["True", "0"]


def test_sqlite_in_use_is_left_alone(tmp_path):
    """A connection opened before the store is imported keeps SQLite as it is: it is never shut down under it."""
    lines = _run(
        "import sqlite3\n"
        f"conn = sqlite3.connect({str(tmp_path / 'other.db')!r})\n"
        "conn.execute('CREATE TABLE t (x)')\n"
        "from briefing.core.store import sqlite_memory\n"
        "conn.execute('INSERT INTO t VALUES (1)')\n"
        "print(sqlite_memory.stop_counting_memory(), sqlite_memory.memory_in_use() > 0, conn.execute('SELECT x FROM t').fetchone()[0])\n"
    )
    assert lines == ["False", "True", "1"]
