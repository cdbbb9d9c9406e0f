"""Concurrent, read-only and damaged databases: wait, read, say so, rebuild."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from briefing.core.indexer import index_paths
from briefing.core.store.database import open_database
from briefing.core.store.reads import counts

STORY = "The mayor of Dunmore said on Monday that the bridge was open again.\n"


def test_a_second_writer_waits_for_the_first_instead_of_failing(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    path = tmp_path / "b.db"
    index_paths(open_database(path), [tmp_path / "a.txt"])
    (tmp_path / "c.txt").write_text(STORY.replace("Monday", "Tuesday"))
    holding, done = threading.Event(), threading.Event()

    def other_writer():
        # Another index run in the middle of a batch: it holds the write lock for a moment.
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO meta (key, value) VALUES ('other', 'run')")
        holding.set()
        time.sleep(1.0)
        conn.execute("COMMIT")
        conn.close()
        done.set()

    second = open_database(path)
    thread = threading.Thread(target=other_writer)
    thread.start()
    holding.wait()
    report = index_paths(second, [tmp_path / "c.txt"])  # must wait its busy timeout, not fail "locked"
    thread.join()
    assert done.is_set() and report.added == 1
    assert counts(second).sources == 2


def _copied_alone_to_read_only_media(seed_db_path, tmp_path):
    """The seed database copied without its -wal and -shm into a folder where SQLite cannot make
    its -shm file (a dangling link in its place stands for read-only media, even for root)."""
    media = tmp_path / "media"
    media.mkdir()
    copy = media / "briefing.db"
    source = sqlite3.connect(seed_db_path)
    source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    source.close()
    copy.write_bytes(seed_db_path.read_bytes())
    (media / "briefing.db-shm").symlink_to(tmp_path / "missing" / "shm")
    return copy


def test_a_database_on_read_only_media_is_readable(seed_db_path, tmp_path, capsys):
    from briefing.cli.main import main

    copy = _copied_alone_to_read_only_media(seed_db_path, tmp_path)
    before = copy.read_bytes()
    db = open_database(copy, readonly=True)
    assert counts(db).sources == 3
    db.close()
    main(["sources", "--db", str(copy)])
    assert "Kosovo" in capsys.readouterr().out
    assert copy.read_bytes() == before


def test_check_calls_a_healthy_read_only_database_ok_and_never_writes(seed_db_path, tmp_path, capsys):
    from briefing.cli.main import main

    copy = _copied_alone_to_read_only_media(seed_db_path, tmp_path)
    copy.chmod(0o444)
    before = copy.read_bytes()
    main(["check", "--db", str(copy)])  # exit 0: no SystemExit
    said = capsys.readouterr().out
    assert f"{copy}: ok" in said and "damaged" not in said
    assert copy.read_bytes() == before


def test_check_on_an_empty_file_leaves_it_empty(tmp_path, capsys):
    from briefing.cli.main import main

    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    try:
        main(["check", "--db", str(empty)])
        code = 0
    except SystemExit as stop:
        code = stop.code
    assert code == 1 and "is empty" in capsys.readouterr().err
    assert empty.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


def test_check_still_finds_a_damaged_full_text_index(tmp_path):
    from briefing.core.store.integrity import check_database

    (tmp_path / "a.txt").write_text(STORY)
    path = tmp_path / "b.db"
    index_paths(open_database(path), [tmp_path / "a.txt"])
    raw = sqlite3.connect(path)
    raw.execute("DELETE FROM articles_fts_data WHERE id > 10")  # the index loses its pages
    raw.commit()
    raw.close()
    problems = check_database(open_database(path, readonly=True))
    assert problems and all(p.startswith("articles_fts") for p in problems)


def _damaged(tmp_path, seed_folder):
    """A briefing database with one of its full-text index's pages overwritten."""
    path = tmp_path / "d.db"
    db = open_database(path)
    index_paths(db, [seed_folder])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles_fts_data'").fetchone()[0]
    db.close()
    with open(path, "r+b") as handle:
        handle.seek(4096 * (page - 1))
        handle.write(b"\xde\xad\xbe\xef" * 1024)
    return path


def _run(*args: str) -> int:
    from briefing.cli.main import main

    try:
        main(list(args))
    except SystemExit as stop:
        return stop.code or 0
    return 0


def test_readers_say_the_database_is_damaged_instead_of_printing_from_it(tmp_path, seed_folder, capsys):
    path = _damaged(tmp_path, seed_folder)
    for command in (["sources"], ["quotes"], ["timeline"], ["speakers"], ["search", "police"], ["export", "--out", str(tmp_path / "b.md")]):
        assert _run(*command, "--db", str(path)) == 1, command
        said = capsys.readouterr()
        assert said.out == "" and f"{path} is damaged" in said.err and "--rebuild" in said.err
    assert not (tmp_path / "b.md").exists()


def test_rebuild_builds_a_damaged_database_again_from_its_sources(tmp_path, seed_folder, capsys):
    path = _damaged(tmp_path, seed_folder)
    assert _run("check", "--db", str(path)) == 1
    capsys.readouterr()
    assert _run("index", "--rebuild", "--db", str(path)) == 0  # the folders are read from the damaged file
    assert "3 added" in capsys.readouterr().err
    assert _run("check", "--db", str(path)) == 0
    assert _run("sources", "--db", str(path)) == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("d.db")) == ["d.db"]


def test_a_stopped_rebuild_leaves_the_old_database_as_it_was(tmp_path, seed_folder):
    from briefing.core.indexer import rebuild_database

    path = tmp_path / "b.db"
    index_paths(open_database(path), [seed_folder])

    def stop(done, total, current):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        rebuild_database(path, [], progress=stop)
    assert counts(open_database(path, readonly=True)).sources == 3
    report = rebuild_database(path, [])  # and the next rebuild clears what the stopped one left
    assert report.added == 3 and not (tmp_path / "b.db.rebuild").exists()


def test_rebuild_never_replaces_a_file_that_is_not_a_briefing_database(tmp_path, seed_folder, capsys):
    notes = tmp_path / "notes.db"
    notes.write_text("my own notes")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE mine (x)").connection.execute("PRAGMA application_id = 7")
    for target in (notes, other):
        before = target.read_bytes()
        assert _run("index", str(seed_folder), "--rebuild", "--db", str(target)) == 1
        assert "left untouched" in capsys.readouterr().err
        assert target.read_bytes() == before


def test_a_full_disk_says_what_was_committed(tmp_path, monkeypatch):
    import briefing.core.indexer.run
    from briefing.core.errors import DatabaseError

    folder = tmp_path / "story"
    folder.mkdir()
    for n in range(300):
        (folder / f"{n:03d}.txt").write_text(f"Official {n} of Dunmore said on Monday that talks with Westby would go on. " * 20)
    monkeypatch.setattr(briefing.core.indexer.run, "BATCH_FILES", 20)
    db = open_database(tmp_path / "b.db")
    size = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {size + 150}")  # the disk fills part way through
    with pytest.raises(DatabaseError) as stopped:
        index_paths(db, [folder])
    kept = counts(open_database(tmp_path / "b.db", readonly=True)).sources
    assert 0 < kept < 300
    assert f"The {kept} sources committed before are kept" in str(stopped.value)
    assert "nothing was written" not in str(stopped.value)
