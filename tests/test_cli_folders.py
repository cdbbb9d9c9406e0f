"""A folder is a briefing: its own database, re-indexing what a database was built from, `briefing list`,
`briefing FOLDER`, and the usage errors around them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from briefing.core.locations import data_dir, folder_db_path
from briefing.core.store.catalog import describe_briefing, list_briefings

from tests.test_cli import run

ARTICLE_ONE = """---
title: Ferry service to Lornholm suspended
source: The Island Post
url: https://island-post.example/ferry-suspended
published: 2030-03-02
---
The ferry between Brask and Lornholm was suspended on Monday after a storm damaged the pier.

"We will not sail until the pier is safe," said Edda Morn, the ferry company's director.
"""

ARTICLE_TWO = """Lornholm pier repairs to take a month

BRASK, March 4 (Island Wire) - Repairs to the Lornholm pier will take at least a month, officials said on Wednesday.

"Every islander will have a boat to the mainland by Friday," Mayor Josef Lind said.
"""


def story_folder(parent: Path, name: str = "ferry-story") -> Path:
    """A small folder of invented articles: one Markdown file with front matter, one plain text."""
    folder = parent / name
    folder.mkdir(parents=True)
    (folder / "ferry.md").write_text(ARTICLE_ONE, encoding="utf-8")
    (folder / "pier.txt").write_text(ARTICLE_TWO, encoding="utf-8")
    return folder


@pytest.fixture
def no_env_db(monkeypatch):
    """No BRIEFING_DB: the folder's own database is used, as for a user who never set it."""
    monkeypatch.delenv("BRIEFING_DB", raising=False)


def source_titles(capsys, db: Path) -> list[str]:
    code, out, err = run(capsys, "sources", "--json", "--db", str(db))
    assert code == 0, err
    return sorted(s["title"] for s in json.loads(out))


def test_a_folder_is_indexed_into_its_own_database(capsys, tmp_path, no_env_db):
    folder = story_folder(tmp_path)
    code, _, err = run(capsys, "index", str(folder))
    own = folder_db_path([folder])
    assert code == 0 and "2 added" in err and str(own) in err
    assert own.parent == data_dir() and own.name.startswith("ferry-story-") and own.suffix == ".db"
    assert f"briefing {folder}" in err  # says how to open it
    # The bundled sample's database is neither created nor written.
    assert not (data_dir() / "briefing.db").exists()
    assert source_titles(capsys, own) == ["Ferry service to Lornholm suspended", "Lornholm pier repairs to take a month"]


def test_two_folders_with_one_name_get_two_briefings(capsys, tmp_path, no_env_db):
    first = story_folder(tmp_path / "desk-a")
    second = story_folder(tmp_path / "desk-b")
    (second / "pier.txt").unlink()
    assert run(capsys, "index", str(first))[0] == 0
    assert run(capsys, "index", str(second))[0] == 0
    assert folder_db_path([first]) != folder_db_path([second])
    assert len(source_titles(capsys, folder_db_path([first]))) == 2
    assert len(source_titles(capsys, folder_db_path([second]))) == 1


def test_index_with_no_path_reads_again_the_folders_the_database_was_built_from(capsys, tmp_path):
    folder = story_folder(tmp_path)
    db = tmp_path / "story.db"
    assert run(capsys, "index", str(folder), "--db", str(db))[0] == 0
    (folder / "pier.txt").write_text(ARTICLE_TWO.replace("a month", "six weeks"), encoding="utf-8")
    (folder / "late.txt").write_text("Late news\n\nThe pier reopened on Sunday, the harbour master said.\n")
    code, _, err = run(capsys, "index", "--db", str(db))
    assert code == 0 and "1 added, 1 updated, 1 unchanged" in err, err
    # Only the user's folder: the bundled sample was not added to their briefing.
    titles = source_titles(capsys, db)
    assert len(titles) == 3 and "Lornholm pier repairs to take six weeks" in titles


def test_a_new_database_with_no_path_gets_the_bundled_sample(capsys, tmp_path):
    db = tmp_path / "new.db"
    code, _, err = run(capsys, "index", "--db", str(db))
    assert code == 0 and "3 added" in err
    assert run(capsys, "index", "--db", str(db))[2].count("3 unchanged") == 1


def test_index_again_when_the_folders_are_gone_says_so_and_keeps_everything(capsys, tmp_path):
    folder = story_folder(tmp_path)
    db = tmp_path / "story.db"
    run(capsys, "index", str(folder), "--db", str(db))
    folder.rename(tmp_path / "moved")
    code, _, err = run(capsys, "index", "--db", str(db))
    assert code == 1 and "gone" in err and str(folder) in err and "Traceback" not in err
    assert len(source_titles(capsys, db)) == 2


def test_list_shows_each_briefing_with_folders_counts_and_last_index(capsys, tmp_path, no_env_db):
    assert "No briefings yet" in run(capsys, "list")[1]
    folder = story_folder(tmp_path)
    run(capsys, "index", str(folder))
    (data_dir() / "notes.db").write_text("not a database")
    code, out, _ = run(capsys, "list", "--json")
    listed = {Path(b["database"]).name: b for b in json.loads(out)}
    assert code == 0 and set(listed) == {folder_db_path([folder]).name, "notes.db"}
    mine = listed[folder_db_path([folder]).name]
    assert mine["folders"] == [str(folder.resolve())] and mine["title"] == "ferry-story"
    assert (mine["sources"], mine["problem"]) == (2, None) and mine["quotes"] >= 2
    assert mine["indexed_at"] and mine["indexed_at"].endswith("+00:00")
    assert "not a briefing database" in listed["notes.db"]["problem"]
    code, out, _ = run(capsys, "list")
    assert code == 0 and "ferry-story" in out and "notes.db" in out


def test_describe_briefing_never_writes(tmp_path, no_env_db, capsys):
    folder = story_folder(tmp_path)
    run(capsys, "index", str(folder))
    path = folder_db_path([folder])
    before = path.stat().st_mtime_ns
    assert describe_briefing(path).sources == 2 and list_briefings(data_dir())[0].database == str(path)
    assert path.stat().st_mtime_ns == before


@pytest.fixture
def opened(monkeypatch):
    """What `briefing …` would open the app with, instead of opening it."""
    import briefing.tui.app as app_module

    calls: list[dict] = []
    monkeypatch.setattr(app_module, "run_app", lambda path, **options: calls.append({"path": Path(path), **options}))
    return calls


def test_briefing_folder_opens_the_folders_own_briefing(capsys, tmp_path, no_env_db, opened):
    folder = story_folder(tmp_path)
    code, _, err = run(capsys, str(folder))
    assert code == 0, err
    assert opened == [{"path": folder_db_path([folder]), "bundle": None, "folders": [folder], "model": None}]
    # `briefing open FOLDER` is the same; --db names another database.
    run(capsys, "open", str(folder))
    run(capsys, "--db", str(tmp_path / "mine.db"), str(folder))
    assert opened[1] == opened[0] and opened[2]["path"] == tmp_path / "mine.db"
    # No folder: the bundled sample on the default database, as before.
    run(capsys)
    assert opened[3]["bundle"] is not None and opened[3]["folders"] is None
    assert opened[3]["path"] == data_dir() / "briefing.db"


def test_a_word_that_is_neither_command_nor_folder_is_a_usage_error(capsys, tmp_path, opened):
    code, out, err = run(capsys, "serch", "pier")
    assert code == 2 and "serch: no such folder or file, and no such command" in err
    assert opened == []


def test_version(capsys):
    from importlib.metadata import version

    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"briefing {version('briefing')}"


@pytest.mark.parametrize("command", [["quotes"], ["timeline"], ["export"], ["quotes", "--json"], ["export", "--json"]])
def test_an_unknown_source_is_a_usage_error(capsys, seed_db_path, tmp_path, command):
    code, out, err = run(capsys, *command, "--source", "no-such-article.txt", "--db", str(seed_db_path))
    assert code == 2 and out == "" and "No source matches 'no-such-article.txt'" in err
    assert not list(tmp_path.glob("*.md"))


def test_extract_reads_settings_as_an_index_does(capsys, tmp_path):
    """Files with no briefing.toml beside them get no focus speakers: never the bundled sample's."""
    folder = story_folder(tmp_path)
    code, out, _ = run(capsys, "extract", str(folder / "ferry.md"), "--json")
    groups = {q["group"] for a in json.loads(out)["articles"] for q in a["quotes"]}
    assert code == 0 and groups <= {None} and "Vucic" not in out
    (folder / "briefing.toml").write_text(
        'title = "Ferry"\n[[speakers]]\nname = "Edda Morn"\ngroup = "Ferry company"\naliases = ["Morn"]\n'
    )
    code, out, _ = run(capsys, "extract", str(folder / "ferry.md"), "--json")
    speakers = {(q["speaker"], q["group"]) for a in json.loads(out)["articles"] for q in a["quotes"]}
    assert ("Edda Morn", "Ferry company") in speakers
