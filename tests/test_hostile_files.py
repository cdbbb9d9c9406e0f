"""Only what the user pointed at: article files, inside the folder, each once, never a pipe or the database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from briefing.cli.main import main
from briefing.core.indexer import index_paths
from briefing.core.ingest import find_articles, parse_bytes, read_bytes
from briefing.core.ingest.decode import NotText
from briefing.core.store.reads import list_sources

STORY = "The mayor of Dunmore said on Monday that the bridge was open again.\n"


def names(candidates) -> list[str]:
    return [Path(c.path).name for c in candidates]


def test_only_article_files_are_read_and_the_others_are_counted(fresh_db, tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.md").write_text(STORY)
    for other in ("figures.csv", "script.py", "photo.bin", "id_rsa", "README"):
        (tmp_path / other).write_text(STORY)
    report = index_paths(fresh_db, [tmp_path])
    assert (report.added, report.failed, report.left_out) == (2, 0, 5)
    assert sorted(Path(s.path).name for s in list_sources(fresh_db)) == ["a.txt", "b.md"]


def test_a_file_with_no_extension_is_not_read_as_text(tmp_path):
    (tmp_path / "id_ed25519").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n")
    found = find_articles([tmp_path])
    assert found.candidates == [] and found.left_out == 1
    assert parse_bytes(str(tmp_path / "id_ed25519"), b"The mayor said so.")[0].reason.startswith("not an article file")


def test_an_empty_folder_or_one_without_articles_is_a_failure_naming_it(fresh_db, tmp_path):
    empty, others = tmp_path / "empty", tmp_path / "others"
    empty.mkdir()
    others.mkdir()
    (others / "data.csv").write_text("a,b\n")
    report = index_paths(fresh_db, [empty, others])
    reasons = {p.path: p.reason for p in report.problems if p.skipped}
    assert reasons[str(empty)] == "no article files in this folder (briefing reads .txt, .md, .jsonl and .html)"
    assert reasons[str(others)].endswith("; 1 other file left out")
    assert report.failed == 2


def test_the_cli_counts_other_files_and_exits_1_on_a_folder_without_articles(tmp_path, capsys):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY)
    (folder / "sheet.csv").write_text("x\n")
    (folder / "image.png").write_bytes(b"\x89PNG")
    main(["index", str(folder), "--db", str(tmp_path / "b.db")])
    said = capsys.readouterr().err
    assert "1 added" in said and "; 2 other files left out." in said
    (folder / "a.txt").unlink()
    empty = tmp_path / "empty"
    empty.mkdir()
    try:
        main(["index", str(empty), "--db", str(tmp_path / "c.db")])
        code = 0
    except SystemExit as stop:
        code = stop.code
    assert code == 1
    assert f"{empty}: no article files in this folder" in capsys.readouterr().err


def test_a_file_named_on_the_command_line_that_is_not_an_article_is_a_failure(fresh_db, tmp_path):
    (tmp_path / "table.csv").write_text(STORY)
    report = index_paths(fresh_db, [tmp_path / "table.csv"])
    assert report.failed == 1 and report.added == 0


def test_a_link_leading_out_of_the_folder_is_not_followed(fresh_db, tmp_path):
    # The folder outside stands for /etc or ~/.ssh: nothing in it may be read.
    outside, folder = tmp_path / "outside", tmp_path / "story"
    outside.mkdir()
    folder.mkdir()
    (outside / "shadow.txt").write_text("root:secret-hash said the mayor on Monday.\n")
    (folder / "a.txt").write_text(STORY)
    (folder / "etc").symlink_to(outside)
    (folder / "leak.txt").symlink_to(outside / "shadow.txt")
    report = index_paths(fresh_db, [folder])
    assert report.added == 1 and report.failed == 0
    notes = {Path(p.path).name: p.reason for p in report.problems}
    assert set(notes) == {"etc", "leak.txt"}
    assert all("outside the folder indexed; not followed" in reason for reason in notes.values())
    assert not fresh_db.execute("SELECT count(*) FROM articles WHERE text LIKE '%secret%'").fetchone()[0]


def test_follow_links_reads_what_they_point_at_once(fresh_db, tmp_path):
    outside, folder = tmp_path / "outside", tmp_path / "story"
    outside.mkdir()
    folder.mkdir()
    (outside / "b.txt").write_text(STORY.replace("Monday", "Tuesday"))
    (folder / "a.txt").write_text(STORY)
    (folder / "more").symlink_to(outside)
    (folder / "also.txt").symlink_to(outside / "b.txt")
    report = index_paths(fresh_db, [folder], follow_links=True)
    assert report.added == 2 and report.problems == []


def test_each_real_file_is_indexed_once(fresh_db, tmp_path):
    folder = tmp_path / "story"
    (folder / "2023").mkdir(parents=True)
    (folder / "2023" / "a.txt").write_text(STORY)
    (folder / "latest").symlink_to(folder / "2023")
    (folder / "newest.txt").symlink_to(folder / "2023" / "a.txt")
    (folder / "hard.txt").hardlink_to(folder / "2023" / "a.txt")
    assert index_paths(fresh_db, [folder, folder / "2023" / "a.txt"]).added == 1


def test_the_same_folder_by_a_linked_path_is_the_same_folder(fresh_db, tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY)
    (tmp_path / "alias").symlink_to(folder)
    index_paths(fresh_db, [folder])
    again = index_paths(fresh_db, [tmp_path / "alias"])
    assert (again.added, again.unchanged) == (0, 1)
    assert len(list_sources(fresh_db)) == 1


def test_the_database_is_never_read_as_an_article_even_through_a_link(tmp_path):
    from briefing.core.store.database import open_database

    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY)
    db = open_database(folder / "notes.txt")  # a database whose name looks like an article
    (tmp_path / "alias").symlink_to(folder)
    report = index_paths(db, [tmp_path / "alias"])
    assert report.added == 1 and report.failed == 0
    assert [Path(s.path).name for s in list_sources(db)] == ["a.txt"]


def _briefing(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The CLI in its own process; the timeout only turns a hang into a failure."""
    return subprocess.run([sys.executable, "-m", "briefing.cli.main", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_a_named_pipe_given_as_a_path_is_refused_at_once(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would wait for a writer forever
    for args in (["index", "pipe.txt", "--db", "b.db"], ["extract", "pipe.txt"]):
        done = _briefing(*args, cwd=tmp_path)
        assert done.returncode == 1, done.stderr
        assert "pipe.txt: is a named pipe, not a file; not read" in done.stderr


def test_reading_a_named_pipe_does_not_wait_for_a_writer(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(NotText, match="named pipe"):
        read_bytes(str(tmp_path / "pipe.txt"))


def test_a_device_is_refused():
    with pytest.raises(NotText, match="a device"):
        read_bytes("/dev/null")


def test_a_file_name_that_is_not_utf8_is_that_files_failure(fresh_db, tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY)
    open(os.path.join(os.fsencode(folder), b"bad\xff.txt"), "w").write(STORY)
    report = index_paths(fresh_db, [folder])
    assert report.added == 1 and report.failed == 1
    (problem,) = report.problems
    assert problem.path == str(folder / "bad\ufffd.txt")
    assert "not valid UTF-8" in problem.reason
    # And the CLI says so in a line, not with an unexpected error.
    done = _briefing("index", "story", "--db", "c.db", cwd=tmp_path)
    assert done.returncode == 1 and "not valid UTF-8" in done.stderr and "unexpected" not in done.stderr
