"""Where briefing keeps things: the bundled sample, the default database, each folder's database, user settings."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "briefing"


def bundled_data_dir() -> Path:
    """The sample briefing shipped with the package (`briefing/data`, package data)."""
    # Installed as files (a wheel or an editable checkout), never zipped: the indexer walks it.
    return Path(str(resources.files("briefing").joinpath("data")))


def data_dir() -> Path:
    """Per-user data directory (databases, exports)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Per-user config directory (remembered column choices)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


#: The database file of the bundled sample briefing in the user data folder.
DEFAULT_DB_NAME = "briefing.db"
#: Suffix of every briefing database file.
DB_SUFFIX = ".db"
#: Longest the folder's name gets in its database's file name.
NAME_LENGTH = 40


def env_db_path() -> Path | None:
    """The database the BRIEFING_DB variable names, or None when it is not set."""
    env = os.environ.get("BRIEFING_DB")
    return Path(env).expanduser() if env else None


def default_db_path() -> Path:
    """The database used when neither --db nor BRIEFING_DB is given and no folder is named."""
    return env_db_path() or data_dir() / DEFAULT_DB_NAME


def folder_db_path(paths: Iterable[Path | str]) -> Path:
    """The user data folder's database for a folder (or several paths): named after the first,
    with a short hash of where they are, so two folders called `story` never share one."""
    # Resolved as an index run stores its folders: a link and its target are one briefing.
    resolved = [Path(p).expanduser().resolve() for p in paths]
    if not resolved:
        raise ValueError("folder_db_path needs at least one path")
    first = resolved[0]
    name = first.name if first.is_dir() else first.stem
    slug = re.sub(r"\W+", "-", name.casefold()).strip("-_")[:NAME_LENGTH].strip("-_") or "briefing"
    key = "\n".join(sorted(str(p) for p in resolved))
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return data_dir() / f"{slug}-{digest}{DB_SUFFIX}"


def export_dir() -> Path:
    """Where Markdown briefs are written unless a path is given."""
    return data_dir() / "exports"
