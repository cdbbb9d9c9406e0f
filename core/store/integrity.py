"""Whether a briefing database is whole: SQLite's and FTS5's integrity checks, never writing to it."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator

import sqlite_utils
from briefing.core.errors import DatabaseError
from briefing.core.store.schema import FTS_COLUMNS, FTS_DEFERRED_KEY


def check_database(db: sqlite_utils.Database) -> list[str]:
    """Problems found by SQLite's and FTS5's integrity checks; empty when the database is whole.

    FTS5 checks an index through a write command (it changes nothing): it runs inside a
    savepoint rolled back at once, and where the connection is read-only (as `briefing check`
    opens it; the file may sit on read-only media) on a copy in a temporary folder, so a
    healthy read-only database is never called damaged, and the file is never written.
    """
    problems = [f"SQLite: {row}" for row in _integrity_rows(db)]
    if problems:
        return problems  # FTS5's own check on a damaged file says nothing more
    deferred = {table: _deferred(db, table) for table in FTS_COLUMNS}
    try:
        db.conn.execute("SAVEPOINT briefing_check")
        try:
            return problems + _fts_problems(db.conn, deferred)
        finally:
            db.conn.execute("ROLLBACK TO briefing_check")
            db.conn.execute("RELEASE briefing_check")
    except _ReadOnly:
        with _scratch_copy(db) as copy:
            return problems + _fts_problems(copy, deferred)


class _ReadOnly(Exception):
    """The connection cannot take FTS5's check command."""


def damage_of(db: sqlite_utils.Database) -> str | None:
    """What is wrong with the database's pages, in SQLite's words, or None when they are whole.

    SQLite's quick check: every page and record read once, without comparing indexes with
    their tables (a tenth of a second for 100 MB). Commands that print from the briefing ask
    it first, so a damaged file is said to be damaged instead of printed from in part.
    """
    try:
        rows = [r[0] for r in db.execute("PRAGMA quick_check(5)").fetchall()]
    except sqlite3.DatabaseError as err:
        return str(err)
    return None if rows == ["ok"] else "; ".join(rows)


#: Words of SQLite errors that mean the file is damaged, not busy or missing.
DAMAGE_WORDS = ("malformed", "corrupt", "vtable constructor failed", "not a database")


def is_damage(err: sqlite3.Error) -> bool:
    """Whether an error SQLite raised while reading means the database is damaged."""
    return any(word in str(err) for word in DAMAGE_WORDS)


def damaged_message(path: object | None, detail: str) -> str:
    """The sentence a damaged database is reported with, and what to do (`path` None: not known here)."""
    detail = " ".join(detail.split())
    detail = detail if len(detail) <= 120 else detail[:119] + "…"
    name, option = (str(path), f" --db {path}") if path is not None else ("The database", "")
    return (
        f"{name} is damaged ({detail}); nothing is shown from it. "
        f"Run `briefing index --rebuild{option}` to build it again from its source files."
    )


def _integrity_rows(db: sqlite_utils.Database) -> list[str]:
    try:
        rows = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    except sqlite3.DatabaseError as err:
        return [str(err)]
    return [] if rows == ["ok"] else rows


def _deferred(db: sqlite_utils.Database, table: str) -> bool:
    """Whether an index run has yet to add rows to `table`'s full-text index (see core.store.database.defer_full_text)."""
    key = FTS_DEFERRED_KEY.format(table=table)
    return db.execute("SELECT 1 FROM meta WHERE key = ?", [key]).fetchone() is not None


def _fts_problems(conn: sqlite3.Connection, deferred: dict[str, bool]) -> list[str]:
    problems = []
    for table, waiting in deferred.items():
        fts = f"{table}_fts"
        # Rows an index run has yet to add are missing by design: then the index is checked on
        # its own, not against every row.
        try:
            conn.execute(f"INSERT INTO {fts}({fts}, rank) VALUES('integrity-check', {int(not waiting)})")
        except sqlite3.DatabaseError as err:
            if "readonly" in str(err):
                raise _ReadOnly from None
            problems.append(f"{fts}: {err}")
    return problems


@contextlib.contextmanager
def _scratch_copy(db: sqlite_utils.Database) -> Iterator[sqlite3.Connection]:
    """A copy of the database in a temporary folder, open for writing, removed after."""
    with tempfile.TemporaryDirectory(prefix="briefing-check-") as folder:
        copy = sqlite3.connect(os.path.join(folder, "copy.db"), isolation_level=None)
        try:
            try:
                db.conn.backup(copy)
            except sqlite3.OperationalError as err:
                raise DatabaseError(f"Cannot check the full-text indexes: no room for a copy in {folder} ({err}).") from None
            yield copy
        finally:
            copy.close()
