"""The source files of a briefing: what each was when it was last read, and its articles."""

from __future__ import annotations

import os
from typing import NamedTuple

import sqlite_utils
from briefing.core.store.database import delete_article, prune_speakers
from briefing.core.store.owed import owe_identity, owe_links

#: The pipeline version stamped on a file (and on its articles) when extracting one of its
#: articles failed: no run's version is this, so the next run reads and extracts it again.
RETRY_VERSION = "retry"


class StoredFile(NamedTuple):
    """A file's row: what the next run's stat and hash checks compare with."""

    content_hash: str | None
    size: int
    mtime_ns: int
    pipeline_version: str


def stored_files(db: sqlite_utils.Database) -> dict[str, StoredFile]:
    """Every file read before, by path."""
    return {
        r[0]: StoredFile(*r[1:])
        for r in db.execute("SELECT path, content_hash, size, mtime_ns, pipeline_version FROM files").fetchall()
    }


def record_file(db: sqlite_utils.Database, path: str, file: StoredFile) -> None:
    """Insert or update a file's row (caller owns the transaction)."""
    db.execute(
        "INSERT INTO files (path, content_hash, size, mtime_ns, pipeline_version) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(path) DO UPDATE SET content_hash = excluded.content_hash, size = excluded.size, "
        "mtime_ns = excluded.mtime_ns, pipeline_version = excluded.pipeline_version",
        [path, *file],
    )


def retry_file(db: sqlite_utils.Database, path: str) -> None:
    """Have the next run read `path` again, whatever its size and time (caller owns the transaction)."""
    db.execute("UPDATE files SET pipeline_version = ? WHERE path = ?", [RETRY_VERSION, path])


def article_count(db: sqlite_utils.Database, file: str) -> int:
    """How many articles came from `file`."""
    return db.execute("SELECT count(*) FROM articles WHERE file = ?", [file]).fetchone()[0]


def articles_of(db: sqlite_utils.Database, file: str) -> dict[str, int]:
    """The ids of the articles that came from `file`, by article path."""
    return {r[0]: r[1] for r in db.execute("SELECT path, id FROM articles WHERE file = ?", [file]).fetchall()}


def article_hashes(db: sqlite_utils.Database, file: str, pipeline_version: str) -> dict[str, str]:
    """The content hashes of `file`'s articles extracted by this pipeline version, by article path."""
    return {
        r[0]: r[1]
        for r in db.execute(
            "SELECT path, content_hash FROM articles WHERE file = ? AND pipeline_version = ?", [file, pipeline_version]
        ).fetchall()
    }


def files_under(db: sqlite_utils.Database, folder: str) -> list[str]:
    """The stored files inside `folder` (an absolute path)."""
    prefix = folder.rstrip(os.sep) + os.sep
    return [r[0] for r in db.execute("SELECT path FROM files").fetchall() if r[0].startswith(prefix)]


def remove_files(db: sqlite_utils.Database, paths: list[str]) -> int:
    """Remove these files' articles (their links owed again) and the files' rows, in one
    transaction; return how many articles."""
    removed = 0
    with db.atomic():
        for path in paths:
            for (article_id,) in db.execute("SELECT id FROM articles WHERE file = ?", [path]).fetchall():
                owe_links(db, article_id)
                owe_identity(db, None)  # the names its clues gave are given again without them
                delete_article(db, article_id)
                removed += 1
            db.execute("DELETE FROM files WHERE path = ?", [path])
        if paths:
            prune_speakers(db)
    return removed
