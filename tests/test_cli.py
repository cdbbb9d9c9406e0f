"""The `briefing` command: JSON shapes, help texts, exit codes, safe output, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest
from briefing.cli.main import cli, main

ARTICLE_FIELDS = {"path", "outlet", "title", "published", "published_source", "place", "words"}
QUOTE_FIELDS = {"speaker", "group", "kind", "cue", "text", "start", "end", "attribution"}
EVENT_FIELDS = {"expression", "value", "granularity", "start", "end", "anchor", "sentence"}


def run(capsys, *argv) -> tuple[int, str, str]:
    """Run the CLI in-process; return (exit code, stdout, stderr)."""
    try:
        main(list(argv))
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    out = capsys.readouterr()
    return code, out.out, out.err


def test_every_command_has_help_text():
    assert cli.help
    for name, command in cli.commands.items():
        assert command.help and len(command.help.strip()) > 20, f"`briefing {name}` has no help text"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"`briefing {name} {param.opts[0]}` has no help text"


def test_index_then_sources_json(capsys, seed_folder, tmp_path):
    db = str(tmp_path / "b.db")
    code, _, err = run(capsys, "index", str(seed_folder), "--db", db)
    assert code == 0 and "3 added" in err
    code, out, _ = run(capsys, "sources", "--json", "--db", db)
    sources = json.loads(out)
    assert code == 0 and len(sources) == 3
    assert all(ARTICLE_FIELDS <= set(s) for s in sources)
    by_file = {s["path"].rsplit("/", 1)[-1][:3]: s for s in sources}
    assert (by_file["000"]["outlet"], by_file["003"]["outlet"], by_file["002"]["outlet"]) == ("Bloomberg", "The Associated Press", None)
    assert (by_file["003"]["published"], by_file["002"]["published"]) == ("2023-05-31", "2023-05-30")


def test_search_diacritics_json(capsys, seed_db_path):
    code, out, _ = run(capsys, "search", "Vučić", "--json", "--db", str(seed_db_path))
    result = json.loads(out)
    hits = result["hits"]
    assert code == 0 and {h["outlet"] for h in hits} == {"Bloomberg", None}
    assert result["total"] == len(hits) and result["ranked"] is None  # every match ranked
    for hit in hits:
        assert all(hit["snippet"][s:e].lower().startswith("vu") for s, e in hit["matches"])


def test_search_says_when_it_ranked_only_the_matches_indexed_last(capsys, seed_db_path, monkeypatch):
    import briefing.core.store.search as search_module

    monkeypatch.setattr(search_module, "RANK_LIMIT", 2)
    code, out, err = run(capsys, "search", "Kosovo", "--limit", "1", "--db", str(seed_db_path))
    assert code == 0 and "1 of 3 articles shown, the best of the last 2 indexed first; 2 more match" in err
    code, out, _ = run(capsys, "search", "Kosovo", "--json", "--db", str(seed_db_path))
    result = json.loads(out)
    assert (result["total"], result["ranked"], len(result["hits"])) == (3, 2, 2)


def test_quotes_and_timeline_and_extract_json_shapes(capsys, seed_db_path):
    db = str(seed_db_path)
    code, out, _ = run(capsys, "quotes", "--json", "--db", db)
    assert code == 0 and all(QUOTE_FIELDS <= set(q) for q in json.loads(out))
    code, out, _ = run(capsys, "timeline", "--json", "--db", db)
    assert code == 0 and all({"value", "granularity", "sources", "events"} <= set(e) for e in json.loads(out))
    code, out, _ = run(capsys, "search", "Serbs", "--in", "quotes", "--json", "--db", db)
    assert code == 0 and all(QUOTE_FIELDS <= set(q) for q in json.loads(out)["hits"])


def test_extract_json_keeps_paths_as_given(capsys, monkeypatch):
    from briefing.core.locations import bundled_data_dir

    monkeypatch.chdir(bundled_data_dir().parent)
    code, out, _ = run(capsys, "extract", "data/003_4ab14f8341552d8d.txt", "./data/000_f5ec45a519c0155c.txt", "--json")
    result = json.loads(out)
    assert code == 0
    assert [a["path"] for a in result["articles"]] == ["data/003_4ab14f8341552d8d.txt", "./data/000_f5ec45a519c0155c.txt"]
    for article in result["articles"]:
        assert ARTICLE_FIELDS - {"words"} <= set(article)
        assert all(QUOTE_FIELDS <= set(q) for q in article["quotes"])
        assert all(EVENT_FIELDS <= set(e) for e in article["events"])


@pytest.mark.parametrize("query", ["Vucic's", "KFOR-led", '"unbalanced', "NOT", "*", "(", "^", "col:x", "\x00", "'; DROP TABLE articles; --"])
def test_no_query_string_fails(capsys, seed_db_path, query):
    for where in ("articles", "quotes"):
        code, out, err = run(capsys, "search", query, "--in", where, "--json", "--db", str(seed_db_path))
        result = json.loads(out)
        assert code == 0 and isinstance(result["hits"], list) and result["total"] >= len(result["hits"]) and "Traceback" not in err


def test_a_query_without_words_says_so_and_no_match_prints_no_table(capsys, seed_db_path):
    for where in ("articles", "quotes"):
        code, out, err = run(capsys, "search", '" * "', "--in", where, "--db", str(seed_db_path))
        assert (code, out) == (0, "") and err.strip() == "Nothing to search for: the query has no words."
        code, out, err = run(capsys, "search", "zzyzx", "--in", where, "--db", str(seed_db_path))
        assert (code, out) == (0, "") and err.strip() == f"No {where} match."
    code, out, err = run(capsys, "search", '"told reporters"', "--json", "--db", str(seed_db_path))
    assert [hit["outlet"] for hit in json.loads(out)["hits"]] == ["Bloomberg"]


def test_raw_syntax_error_is_one_line(capsys, seed_db_path):
    code, out, err = run(capsys, "search", "NEAR(", "--raw", "--db", str(seed_db_path))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "Not a valid search" in err


def test_usage_errors_exit_2(capsys, seed_db_path):
    assert run(capsys, "search", "x", "--in", "nowhere", "--db", str(seed_db_path))[0] == 2
    assert run(capsys, "index", "/no/such/folder", "--db", str(seed_db_path))[0] == 2


def test_missing_database_is_a_sentence(capsys, tmp_path):
    code, out, err = run(capsys, "sources", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "No briefing database" in err and not (tmp_path / "none.db").exists()


def test_failed_file_exits_1_and_names_it(capsys, seed_folder, tmp_path):
    (seed_folder / "broken.txt").write_bytes(b"\x00\x00\x00")
    code, _, err = run(capsys, "index", str(seed_folder), "--db", str(tmp_path / "b.db"))
    assert code == 1 and "broken.txt" in err and "3 added" in err


HOSTILE_ARTICLE = (
    "[bold red]Alarm[/bold red] \x1b[31mred\x1b[0m \x1b]8;;http://evil\x07link\x1b]8;;\x07 "
    "[link=http://x]y[/link] \u202egnp.exe zero\u200bwidth\n\n"
    "“We reject [bold]this[/bold] \x1b[2Jmarkup,” NATO said on Monday.\n\n"
    "Officials said the [link=http://x]talks[/link] would go on.\n"
)


def test_article_markup_and_escapes_never_reach_the_terminal(capsys, tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "a.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    db = str(tmp_path / "h.db")
    run(capsys, "index", str(folder), "--db", db)
    outputs = {}
    for argv in (
        ["sources"], ["sources", "--json"], ["search", "Alarm"], ["search", "Alarm", "--json"],
        ["search", "reject", "--in", "quotes"], ["quotes"], ["quotes", "--json"], ["timeline"],
        ["timeline", "--json"], ["speakers"], ["export", "--out", str(tmp_path / "b.md")],
    ):
        code, out, err = run(capsys, *argv, "--db", db)
        assert code == 0, (argv, err)
        outputs[" ".join(argv)] = out + err
    code, out, err = run(capsys, "extract", str(folder / "a.txt"))
    outputs["extract"] = out + err
    outputs["extract --json"] = run(capsys, "extract", str(folder / "a.txt"), "--json")[1]
    outputs["brief"] = (tmp_path / "b.md").read_text(encoding="utf-8")
    for name, text in outputs.items():
        for bad in ("\x1b", "\x07", "\u202e", "\u200b", "\x9b"):
            assert bad not in text, f"{bad!r} reached the output of `briefing {name}`"
    # Markup is shown as the characters it is, never interpreted.
    assert "[bold red]Alarm" in outputs["search Alarm --json"]
    assert "[bold]this[/bold]" in outputs["quotes --json"]
    assert "[bold]this[/bold]" in outputs["quotes"]


def test_no_traceback_from_a_real_process(tmp_path):
    notdb = tmp_path / "notes.db"
    notdb.write_text("just some notes")
    result = subprocess.run(
        [sys.executable, "-m", "briefing.cli.main", "sources", "--db", str(notdb)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "not a briefing database" in result.stderr and "Traceback" not in result.stderr
    assert notdb.read_text() == "just some notes"


def test_locate_and_check(capsys, seed_db_path):
    code, out, _ = run(capsys, "locate", "--json", "--db", str(seed_db_path))
    assert code == 0 and json.loads(out)["database"] == str(seed_db_path)
    code, out, _ = run(capsys, "check", "--json", "--db", str(seed_db_path))
    report = json.loads(out)
    assert code == 0 and report["ok"] is True and report["sources"] == 3


def test_export_writes_markdown(capsys, seed_db_path, tmp_path):
    target = tmp_path / "brief.md"
    code, out, _ = run(capsys, "export", "--out", str(target), "--db", str(seed_db_path))
    assert code == 0 and str(target) in out
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Northern Kosovo clashes, May 2023") and "## Sources" in text


def test_quotes_by_any_spelling_of_a_focus_speaker(capsys, seed_db_path):
    db = str(seed_db_path)
    results = []
    for spelling in ("Vucic", "Vučić", "Вучић", "Aleksandar Vucic"):
        code, out, _ = run(capsys, "quotes", "--speaker", spelling, "--json", "--db", db)
        results.append(sorted(q["text"] for q in json.loads(out)))
    assert results[0] and all(r == results[0] for r in results)
    code, out, _ = run(capsys, "quotes", "--speaker", "NATO", "--json", "--db", db)
    assert {q["speaker"] for q in json.loads(out)} == {"NATO"}  # exact: not every name containing NATO
