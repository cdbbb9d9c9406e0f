"""The timeline as a reader reads it: a sentence once per date, expected and possible days marked,
background dates apart, dates in words for people and ISO for scripts, no dateline as an event."""

from __future__ import annotations

import json

import pytest
from briefing.cli.main import cli
from briefing.core.date_values import when_label
from briefing.core.export import render_brief
from briefing.core.indexer import index_paths
from briefing.core.models import Event, Extraction, ParsedArticle
from briefing.core.settings import Settings
from briefing.core.store.database import open_database, write_article
from briefing.core.store.reads import list_events
from briefing.core.store.rows import timeline_sections
from briefing.core.store.timeline import timeline
from click.testing import CliRunner


@pytest.fixture
def harbour_db(tmp_path, harbour_folder):
    """The two reports indexed."""
    db = open_database(tmp_path / "harbour.db")
    index_paths(db, [harbour_folder])
    yield db
    db.close()


def _by_value(entries):
    return {entry.value: entry for entry in entries}


@pytest.mark.parametrize("per_entry", [None, 2, 40])
def test_a_sentence_dating_one_day_twice_is_one_line(harbour_db, per_entry):
    monday = _by_value(timeline(harbour_db, per_entry=per_entry))["2024-03-04"]
    sentences = [e.sentence for e in monday.events]
    assert len(sentences) == len(set(sentences)) == 2  # one from each report
    assert sum("Monday's night shift" in s for s in sentences) == 1
    assert monday.hidden == 0 and monday.outlets == ["Lakeside Post", "Velmora Courier"]


def test_the_article_keeps_both_expressions_of_the_sentence(harbour_db):
    """The reader marks every dated expression; only the timeline lists the sentence once."""
    expressions = [e.expression for e in list_events(harbour_db, day="2024-03-04") if e.outlet == "Velmora Courier"]
    assert expressions == ["on Monday", "on Monday's"]


def test_two_sentences_on_one_date_stay_two_lines(fresh_db):
    text = "The fair opened on Monday. Crowds came on Monday too."
    events = tuple(
        Event(start, start + len(expr), expr, "2024-03-04", "day", "2024-03-06", "weekday-past", sentence, s_start, s_end)
        for expr, sentence, start, s_start, s_end in (
            ("on Monday", "The fair opened on Monday.", 16, 0, 26),
            ("on Monday", "Crowds came on Monday too.", 39, 27, 53),
            # The first sentence once more (a second expression in it): a repeat.
            ("Monday", "The fair opened on Monday.", 19, 0, 26),
        )
    )
    with fresh_db.atomic():
        write_article(fresh_db, ParsedArticle("fair.txt", text, published="2024-03-06"), "fair.txt", "h",
                      Extraction(events=events), Settings(), "v")
    assert fresh_db.execute("SELECT seq, repeats FROM events ORDER BY seq").fetchall() == [(0, 0), (1, 0), (2, 1)]
    [entry] = timeline(fresh_db)
    assert [e.sentence for e in entry.events] == ["The fair opened on Monday.", "Crowds came on Monday too."]


@pytest.mark.parametrize("per_entry", [None, 1])
def test_roles_are_read_with_the_timeline(harbour_db, per_entry):
    entries = _by_value(timeline(harbour_db, per_entry=per_entry))
    assert entries["1987"].role == "background" and entries["1987"].background
    # Told on Wednesday: Thursday only offered; Friday ahead, offered, and (in the later report) done.
    assert entries["2024-03-07"].role == "possible" and entries["2024-03-07"].role_mark == "? possible"
    assert entries["2024-03-08"].roles == {"future": 1, "possible": 1, "story": 1}
    assert entries["2024-03-08"].role == "story" and not entries["2024-03-08"].role_mark
    assert entries["2024-W09"].role == entries["2024-02"].role == "story"
    background, story = timeline_sections(list(entries.values()))
    assert [e.value for e in background] == ["1987"] and "1987" not in {e.value for e in story}


def test_event_marks_say_expected_and_possible(harbour_db):
    friday = _by_value(timeline(harbour_db))["2024-03-08"]
    marks = {(e.outlet, e.expression): e.role_mark for e in friday.events}
    assert marks == {
        ("Velmora Courier", "on Friday"): "→ expected",
        ("Velmora Courier", "the day after"): "? possible",
        ("Lakeside Post", "on Friday"): "",
    }


def test_the_stored_summary_counts_roles_and_lines_as_counting_does(harbour_db, monkeypatch):
    from briefing.core.store import timeline as timeline_module

    assert timeline_module._stored_summaries(harbour_db, 2) is not None
    stored = [(e.value, e.total, e.roles) for e in timeline(harbour_db, per_entry=2)]
    monkeypatch.setattr(timeline_module, "_stored_summaries", lambda db, per_entry: None)
    counted = [(e.value, e.total, e.roles) for e in timeline(harbour_db, per_entry=2)]
    assert stored == counted
    assert ("2024-03-04", 2, {"story": 2}) in stored


def test_weeks_and_months_have_one_spelling_in_words():
    assert when_label("2024-W09", "week") == "week of Mon 26 Feb 2024"
    assert when_label("2024-02", "month") == "February 2024"
    assert when_label("1998/1999", "span") == "1998 – 1999"


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_timeline_in_words_with_background_apart_and_marks(tmp_path, harbour_db):
    out = _run("timeline", "--db", str(tmp_path / "harbour.db"))
    background, story = out.split("The story")
    # The year heads a line of the background table only (a story sentence may still name it).
    assert background.startswith("Background") and "│ 1987 " in background and "│ 1987 " not in story
    for words in ("week of Mon 26 Feb 2024", "February 2024", "Thu 7 Mar 2024", "→ expected: Mayor Tilda Brann",
                  "? possible: Union leader Oskar Pell"):
        assert words in " ".join(story.split()), words
    assert "2024-W09" not in out and "2024-02" not in out
    assert out.count("Dockworkers in Velmora walked off") == 1


def test_cli_timeline_json_in_iso_with_sections_and_roles(tmp_path, harbour_db):
    entries = json.loads(_run("timeline", "--json", "--db", str(tmp_path / "harbour.db")))
    sections = {e["value"]: e["section"] for e in entries}
    assert sections["1987"] == "background" and sections["2024-W09"] == sections["2024-02"] == "story"
    roles = {(e["value"], ev["expression"]): ev["role"] for e in entries for ev in e["events"]}
    assert roles[("2024-03-08", "on Friday")] in {"future", "story"}
    assert {roles[("2024-03-07", "tomorrow")], roles[("2024-03-08", "the day after")]} == {"possible"}
    assert [e["value"] for e in entries].count("2024-03-04") == 1
    monday = next(e for e in entries if e["value"] == "2024-03-04")
    assert len(monday["events"]) == 2


def test_cli_extract_json_and_plain_carry_roles(harbour_folder):
    articles = json.loads(_run("extract", str(harbour_folder / "talks.md"), "--json"))["articles"]
    assert {e["expression"]: e["role"] for e in articles[0]["events"]}["in 1987"] == "background"
    plain = _run("extract", str(harbour_folder / "talks.md"))
    assert "week of Mon 26 Feb 2024" in plain and "background" in plain and "2024-W09" not in plain


def test_brief_has_a_background_section_dates_in_words_and_marks(harbour_db):
    brief = render_brief("Harbour", sources=[], quotes=[], entries=timeline(harbour_db))
    background, story = brief.split("## Timeline")
    assert "## Background" in background and "**1987**" in background and "**1987**" not in story
    assert "**week of Mon 26 Feb 2024**" in story and "**February 2024**" in story
    assert "**Thu 7 Mar 2024** _? possible_" in story
    assert "_→ expected:_ Mayor Tilda Brann" in story


def test_no_dateline_of_the_bundled_briefing_is_an_event(seed_db):
    """What `briefing extract` calls an article's own date (its dateline) never reaches the timeline."""
    from briefing.core.extract import extract_files
    from briefing.core.locations import bundled_data_dir

    paths = sorted(str(p) for p in bundled_data_dir().glob("*.txt"))
    datelines = {
        (article["path"].rsplit("/", 1)[-1], e["start"])
        for article in extract_files(paths).articles
        for e in article["events"]
        if e["role"] == "dateline"
    }
    assert datelines  # the bundle has one: "30 May" heading the Kyiv report
    stored = {(e.path.rsplit("/", 1)[-1], e.start) for entry in timeline(seed_db) for e in entry.events}
    assert stored and not datelines & stored
