"""The store turns SQLite's process-wide memory counter off before it opens anything, and only then."""

from __future__ import annotations

import subprocess
import sys

import pytest
from briefing.core.store import sqlite_memory

#: Runs Python in subprocesses: `make test-fast` leaves it out.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sqlite_memory._library() is None, reason="SQLite's own functions are out of reach from Python here"),
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


def test_a_counter_already_off_is_never_taken_for_nothing_open(tmp_path):
    """Once the counter is off it reads 0 whatever is open: SQLite is not shut down again, even with a connection open."""
    lines = _run(
        "from briefing.core.store import sqlite_memory\n"
        "import sqlite3\n"
        f"conn = sqlite3.connect({str(tmp_path / 'other.db')!r})\n"
        "conn.execute('CREATE TABLE t (x)')\n"
        "print(sqlite_memory.memory_in_use(), sqlite_memory._switch_off())\n"
        "conn.execute('INSERT INTO t VALUES (2)')\n"
        "print(conn.execute('SELECT x FROM t').fetchone()[0])\n"
    )
    assert lines == ["0", "False", "2"]


def test_a_default_file_layer_chosen_before_stays_the_default():
    """SQLite set up again makes its own file layer the default; one made the default before is made so again."""
    lines = _run(
        "from briefing.core.store import sqlite_memory as m\n"
        "lib = m._library()\n"
        "before = lib.sqlite3_vfs_find(None)\n"
        "other = lib.sqlite3_vfs_find(b'unix-none')\n"
        "if not other:\n"
        "    print('none')\n"
        "    raise SystemExit\n"
        "lib.sqlite3_vfs_register(other, 1)\n"
        "m._outcome = None\n"
        "lib.sqlite3_config.argtypes = [__import__('ctypes').c_int]\n"
        # The store's import turned the counter off: turn it on again, so that a switch happens.
        "lib.sqlite3_shutdown(); lib.sqlite3_config(9, __import__('ctypes').c_int(1)); lib.sqlite3_initialize()\n"
        "lib.sqlite3_vfs_register(other, 1)\n"
        "print(m.stop_counting_memory(), lib.sqlite3_vfs_find(None) == other, other != before)\n"
    )
    if lines == ["none"]:
        pytest.skip("this SQLite has no second file layer to choose")
    assert lines == ["True", "True", "True"]
