"""Remembered choices, one JSON file in the user config folder: the quote columns (by database) and the theme."""

from __future__ import annotations

import json
import os
from pathlib import Path

from briefing.core import locations
from briefing.tui.state import ColumnSpec

PREFS_FILE = "app.json"


def prefs_path() -> Path:
    """Where the preferences live (looked up on every call, so tests can move config_dir)."""
    return locations.config_dir() / PREFS_FILE


def _key(db_path: Path | str) -> str:
    return str(Path(db_path).expanduser().resolve())


def _read() -> dict:
    try:
        data = json.loads(prefs_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_columns(db_path: Path | str) -> list[ColumnSpec] | None:
    """The columns chosen last time for this database, or None when never chosen."""
    entry = _read().get("databases", {}).get(_key(db_path), {})
    if not isinstance(entry, dict) or not isinstance(entry.get("columns"), list):
        return None
    specs = [spec for spec in (ColumnSpec.from_dict(c) for c in entry["columns"]) if spec]
    return specs or None


def save_columns(db_path: Path | str, specs: list[ColumnSpec]) -> Path | None:
    """Remember `specs` for this database; returns the file, or None when it could not be written."""
    data = _read()
    databases = data.setdefault("databases", {})
    if not isinstance(databases, dict):
        databases = data["databases"] = {}
    databases.setdefault(_key(db_path), {})["columns"] = [s.to_dict() for s in specs]
    return _write(data)


def load_theme() -> str | None:
    """The theme chosen last time (in the command palette), or None."""
    theme = _read().get("theme")
    return theme if isinstance(theme, str) and theme else None


def save_theme(theme: str) -> Path | None:
    """Remember the theme for every briefing; returns the file, or None when it could not be written."""
    data = _read()
    data["theme"] = theme
    return _write(data)


def _write(data: dict) -> Path | None:
    path = prefs_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a crash never leaves half a file behind.
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        return None
    return path
