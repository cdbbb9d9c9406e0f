"""Rebuilding a briefing from its source files into a fresh database file, swapped in when done."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from briefing.core.errors import BriefingError, DatabaseError
from briefing.core.indexer.run import BUNDLE_KEY, index_paths
from briefing.core.models import IndexReport
from briefing.core.store.database import (
    get_meta,
    leave_one_file,
    open_database,
    refuse_foreign_file,
    remove_database,
    set_meta,
    swap_in,
)

#: What a rebuild carries over from the old file, when it can still be read: the folders it
#: was built from and where the bundled sample was.
KEPT_META = ("roots", BUNDLE_KEY)


def rebuild_database(path: Path | str, paths: list[Path], **options) -> IndexReport:
    """Index `paths` (none: the folders the old file was built from) into a new file beside
    `path`, and put it in the old file's place once it is whole.

    The old file is only read, and only for its folders: a damaged database (which could not
    be emptied in place) is rebuilt as well as a whole one, and a run stopped halfway leaves the
    old file as it was. `options` are those of `index_paths`.
    """
    path = Path(path).expanduser()
    refuse_foreign_file(path)
    kept = _kept_meta(path)
    roots = list(paths) or [Path(root) for root in json.loads(kept.get("roots") or "[]")]
    if not roots:
        raise DatabaseError(
            f"Cannot read which folders {path} was built from; give them: "
            f"`briefing index --rebuild FOLDER --db {path}`."
        )
    fresh = path.with_name(path.name + ".rebuild")
    remove_database(fresh)  # what a stopped rebuild left
    db = open_database(fresh)
    try:
        with db.atomic():
            for key, value in kept.items():
                set_meta(db, key, value)
        report = index_paths(db, roots, **options)
        leave_one_file(db)  # the whole database in its one file, to be moved into place
    finally:
        db.close()
    swap_in(fresh, path)
    return report


def _kept_meta(path: Path) -> dict[str, str]:
    """The meta values a rebuild keeps, as far as the old file can still be read."""
    if not path.exists():
        return {}
    try:
        db = open_database(path, readonly=True)
    except BriefingError:
        return {}
    try:
        return {key: value for key in KEPT_META if (value := get_meta(db, key)) is not None}
    except sqlite3.Error:
        return {}
    finally:
        db.close()
