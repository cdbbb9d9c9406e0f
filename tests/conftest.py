"""Shared fixtures: isolated user folders, fresh databases, the seed briefing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from briefing.core.indexer import index_paths
from briefing.core.locations import bundled_data_dir
from briefing.core.store.database import open_database

ROOT = Path(__file__).resolve().parent.parent
#: The project's hand annotations of the bundled sample (quotes, dated expressions, publication dates).
GOLD = ROOT / "tests" / "gold"
SEEDS = ["000_f5ec45a519c0155c.txt", "002_9ff1f4b1b3b910a3.txt", "003_4ab14f8341552d8d.txt"]


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    """Point every user folder and the default database into a temporary place."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("BRIEFING_DB", str(home / "briefing.db"))
    return home


@pytest.fixture
def fresh_db(tmp_path):
    """An empty briefing database."""
    return open_database(tmp_path / "fresh.db")


@pytest.fixture
def seed_folder(tmp_path):
    """A copy of the bundled briefing (articles and settings) that a test may change."""
    folder = tmp_path / "seeds"
    shutil.copytree(bundled_data_dir(), folder)
    return folder


@pytest.fixture(scope="session")
def seed_db_path(tmp_path_factory):
    """A database indexed from the bundled data/ once per session (read-only use)."""
    path = tmp_path_factory.mktemp("seeddb") / "seed.db"
    db = open_database(path)
    index_paths(db, [bundled_data_dir()])
    db.close()
    return path


@pytest.fixture
def seed_db(seed_db_path):
    """The session's seed database, opened read-only."""
    db = open_database(seed_db_path, readonly=True)
    yield db
    db.close()
