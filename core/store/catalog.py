"""The briefings a user has: each database in a folder with its title, the folders it was built
from, its counts and when it was last indexed."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import sqlite_utils
from briefing.core.errors import BriefingError
from briefing.core.store.database import get_meta, load_stored_settings, open_database, set_meta
from briefing.core.store.reads import counts

#: Meta key: the folders and files an index run was given, as a JSON list of absolute paths.
ROOTS_KEY = "roots"
#: Meta key: when the last index run finished (ISO 8601, UTC).
INDEXED_AT_KEY = "indexed_at"


def indexed_roots(db: sqlite_utils.Database) -> list[str]:
    """The folders and files this briefing was built from (absolute paths, sorted)."""
    try:
        roots = json.loads(get_meta(db, ROOTS_KEY) or "[]")
    except ValueError:
        return []
    return [str(r) for r in roots if isinstance(r, str)] if isinstance(roots, list) else []


def record_indexed_at(db: sqlite_utils.Database, when: dt.datetime | None = None) -> None:
    """Note that an index run finished now (caller owns the transaction)."""
    moment = (when or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    set_meta(db, INDEXED_AT_KEY, moment.isoformat(timespec="seconds"))


@dataclass
class BriefingInfo:
    """One briefing database as `briefing list` shows it."""

    database: str
    title: str | None = None
    folders: list[str] = field(default_factory=list)
    sources: int = 0
    quotes: int = 0
    events: int = 0
    #: When it was last indexed (ISO 8601, UTC), or None when no run recorded it.
    indexed_at: str | None = None
    #: Why it could not be read, when it could not.
    problem: str | None = None

    def to_dict(self) -> dict:
        """Plain dict for JSON."""
        return asdict(self)


def describe_briefing(path: Path | str) -> BriefingInfo:
    """What a briefing database holds, read without writing to it; a problem is said, never raised."""
    info = BriefingInfo(str(path))
    try:
        db = open_database(path, readonly=True)
    except BriefingError as err:
        info.problem = str(err)
        return info
    try:
        c = counts(db)
        info.sources, info.quotes, info.events = c.sources, c.quotes, c.events
        info.title = load_stored_settings(db).title
        info.folders = indexed_roots(db)
        info.indexed_at = get_meta(db, INDEXED_AT_KEY)
    except Exception as err:  # a damaged file is listed with why, the others still are
        info.problem = f"cannot be read: {err}"
    finally:
        db.conn.close()
    return info


def list_briefings(folder: Path | str, suffix: str = ".db") -> list[BriefingInfo]:
    """Every briefing database in `folder` (not its subfolders), by file name."""
    try:
        files = sorted(p for p in Path(folder).iterdir() if p.suffix == suffix and p.is_file())
    except OSError:
        return []
    return [describe_briefing(p) for p in files]
