"""Text from outside is data in every line the CLI prints: no markup, no escapes, no forged lines."""

from __future__ import annotations

import io
import json
import re

from briefing.cli.index import progress_bar
from briefing.cli.main import main
from briefing.cli.output import print_json
from rich.console import Console

STORY = "The mayor of Dunmore said on Monday that the bridge was open again.\n"
#: What a terminal would act on: ESC, BEL, C1 controls, bidi overrides.
RAW = re.compile("[\x1b\x07\x80-\x9f\u202a-\u202e\u2066-\u2069]")


def run(*args: str) -> int:
    try:
        main(list(args))
    except SystemExit as stop:
        return stop.code or 0
    return 0


def shown_by_the_progress_bar(path: str) -> str:
    screen = io.StringIO()
    out = Console(file=screen, force_terminal=True, width=200, color_system="truecolor", markup=False, emoji=False)
    with progress_bar(out) as progress:
        progress(1, 3, path)
    return screen.getvalue()


def test_the_progress_bar_shows_file_names_without_reading_markup():
    shown = shown_by_the_progress_bar("/story/[link=javascript:alert(1)]click.txt")
    assert "\x1b]8;" not in shown  # no OSC 8 hyperlink
    assert "[link=javascript:alert(1)]click.txt" in shown
    shown = shown_by_the_progress_bar("/story/[reverse][blink]x :smile:.txt")
    assert "\x1b[7m" not in shown and "\x1b[5m" not in shown  # no reverse, no blink
    assert "[reverse][blink]x :smile:.txt" in shown and "😄" not in shown


def test_a_newline_in_a_file_name_cannot_forge_a_line(tmp_path, capsys):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY)
    (folder / "b\nIndexed into forged.db: 99 added.txt").write_text("")  # empty: a named failure
    assert run("index", str(folder), "--db", str(tmp_path / "b.db")) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("skipped: ") and "b␤Indexed into forged.db" in lines[0]
    assert lines[1].startswith(f"Indexed into {tmp_path / 'b.db'}: 1 added")


def test_escape_sequences_in_the_database_path_never_reach_the_terminal(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(STORY)
    db = str(tmp_path / "r\x1b]0;owned\x07\u202e.db")
    assert run("index", str(tmp_path / "a.txt"), "--db", db) == 0
    assert run("check", "--db", db) == 0
    said = capsys.readouterr()
    assert "Indexed into" in said.err and "ok;" in said.out
    assert not RAW.search(said.out + said.err)


def test_json_output_escapes_bidi_overrides_and_c1_controls(capsys):
    value = "evil\u202etxt.exe \u2066x\u2069 \x85 \x9b31m \u200b"
    print_json({"path": value})
    printed = capsys.readouterr().out
    assert not RAW.search(printed) and "\u200b" not in printed
    assert json.loads(printed) == {"path": value}


def test_json_lists_a_file_named_with_a_bidi_override_escaped(tmp_path, capsys):
    (tmp_path / "report\u202etxt.exe.txt").write_text(STORY)
    run("index", str(tmp_path), "--db", str(tmp_path / "b.db"))
    capsys.readouterr()
    run("sources", "--db", str(tmp_path / "b.db"), "--json")
    printed = capsys.readouterr().out
    assert "\\u202e" in printed and not RAW.search(printed)


def test_source_and_speaker_are_matched_as_written_not_as_patterns(tmp_path, capsys):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "axb.txt").write_text('"The bridge is open," said Mayor Ann Lee on Monday.\n')
    (folder / "a_b.txt").write_text('"The road is shut," said Governor Bo Park on Tuesday.\n')
    db = str(tmp_path / "b.db")
    run("index", str(folder), "--db", db)
    capsys.readouterr()
    assert run("quotes", "--source", "a_b.txt", "--db", db, "--json") == 0
    assert [q["path"].rsplit("/", 1)[1] for q in json.loads(capsys.readouterr().out)] == ["a_b.txt"]
    assert run("quotes", "--source", "_xb.txt", "--db", db) == 2  # no wildcard: no such source
    assert "No source matches" in capsys.readouterr().err
    assert run("quotes", "--speaker", "%", "--db", db, "--json") == 2  # no wildcard: no such speaker
    assert capsys.readouterr().out == ""


def test_a_huge_number_as_a_source_is_a_name_not_an_overflow(tmp_path, capsys, seed_db_path):
    assert run("quotes", "--source", "9" * 30, "--db", str(seed_db_path)) == 2
    said = capsys.readouterr().err
    assert "No source matches" in said and "unexpected" not in said
