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


#: Two invented reports of one strike: a sentence dating one day twice, a day ahead ("on
#: Friday", told on Wednesday), days offered ("tomorrow or the day after"), a week, a month,
#: and a year long before the story.
HARBOUR_TALKS = """---
title: Harbour talks stall in Velmora
outlet: Velmora Courier
date: 2024-03-06
---

Dockworkers in Velmora walked off the job on Monday, and the harbour stayed shut on Monday's night shift too.

Mayor Tilda Brann said the council would vote on the new contract on Friday.

Union leader Oskar Pell said talks could resume tomorrow or the day after.

Ferry traffic fell sharply last week, and cargo volumes had already dropped in February.

The harbour was last closed by a strike in 1987.
"""
HARBOUR_REOPENS = """---
title: Velmora harbour reopens
outlet: Lakeside Post
date: 2024-03-09
---

The Velmora harbour reopened on Saturday after the council approved the contract on Friday.

The strike that began on Monday was the first since 1987.
"""


@pytest.fixture
def harbour_folder(tmp_path):
    """A folder of the two reports."""
    folder = tmp_path / "harbour"
    folder.mkdir()
    (folder / "talks.md").write_text(HARBOUR_TALKS, encoding="utf-8")
    (folder / "reopens.md").write_text(HARBOUR_REOPENS, encoding="utf-8")
    return folder
