"""Exports never overwrite without being asked and never half-write."""

from __future__ import annotations

import errno
import os

import briefing.core.export
import pytest
from briefing.cli.main import main
from briefing.core.errors import BriefingError
from briefing.core.export import write_brief
from briefing.core.locations import export_dir

BRIEF = "# Brief\n\nNew content.\n"


def run(*args: str) -> int:
    try:
        main(list(args))
    except SystemExit as stop:
        return stop.code or 0
    return 0


def test_an_existing_file_is_refused_unless_forced(tmp_path):
    target = tmp_path / "brief.md"
    target.write_text("old notes")
    with pytest.raises(BriefingError, match="already exists.*--force"):
        write_brief(BRIEF, target)
    assert target.read_text() == "old notes"
    assert write_brief(BRIEF, target, force=True) == target
    assert target.read_text() == BRIEF


def test_the_database_is_never_overwritten_even_forced(capsys, seed_db_path, tmp_path):
    before = seed_db_path.read_bytes()
    for extra in ([], ["--force"]):
        assert run("export", "--out", str(seed_db_path), "--db", str(seed_db_path), *extra) == 1
        assert "is the briefing database" in capsys.readouterr().err
    (tmp_path / "link.md").symlink_to(seed_db_path)
    assert run("export", "--out", str(tmp_path / "link.md"), "--db", str(seed_db_path), "--force") == 1
    assert seed_db_path.read_bytes() == before
    assert run("sources", "--db", str(seed_db_path)) == 0


def test_a_file_behind_a_symbolic_link_is_never_written_through(tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    link = tmp_path / "brief.md"
    link.symlink_to(precious)
    with pytest.raises(BriefingError, match="already exists"):
        write_brief(BRIEF, link)
    write_brief(BRIEF, link, force=True)  # the link is replaced by the brief, its target left alone
    assert precious.read_text() == "keep me"
    assert not link.is_symlink() and link.read_text() == BRIEF


def test_a_full_disk_leaves_the_old_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "brief.md"
    target.write_text("old notes")

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(briefing.core.export.os, "fsync", full)
    with pytest.raises(BriefingError, match="No space left on device; nothing was changed there"):
        write_brief(BRIEF, target, force=True)
    assert target.read_text() == "old notes"
    assert os.listdir(tmp_path) == ["brief.md"]  # no temporary file left behind


def test_two_exports_in_the_same_second_get_two_files(monkeypatch):
    class Frozen(briefing.core.export.dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return cls(2023, 5, 30, 12, 0, 0)

    monkeypatch.setattr(briefing.core.export.dt, "datetime", Frozen)
    first = write_brief("# one\n", title="Kosovo")
    second = write_brief("# two\n", title="Kosovo")
    assert first != second and first.parent == second.parent == export_dir()
    assert (first.read_text(), second.read_text()) == ("# one\n", "# two\n")


def test_a_long_title_makes_a_short_file_name():
    path = write_brief(BRIEF, title="A very long title about the northern Kosovo clashes " * 20)
    assert len(path.name.encode()) < 100 and path.read_text() == BRIEF
