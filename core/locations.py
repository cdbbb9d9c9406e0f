"""Where briefing keeps things: the bundled sample, the default database, user settings."""

from __future__ import annotations

import os
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


def default_db_path() -> Path:
    """The database used when neither --db nor BRIEFING_DB is given."""
    env = os.environ.get("BRIEFING_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / "briefing.db"


def export_dir() -> Path:
    """Where Markdown briefs are written unless a path is given."""
    return data_dir() / "exports"
