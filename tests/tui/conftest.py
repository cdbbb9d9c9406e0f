"""Fixtures for the app's tests: databases built from data/, fixed quotes and dates, nothing that varies."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from briefing.core.indexer import index_paths
from briefing.core.locations import bundled_data_dir
from briefing.core.models import Event, Extraction, Quote
from briefing.core.store.database import load_stored_settings, open_database, set_meta, write_extraction
from briefing.core.store.reads import MOST_QUOTED_KEY, count_most_quoted
from briefing.core.store.timeline import store_timeline_summary
from textual.widgets import Input


@pytest.fixture(autouse=True)
def quiet_app(monkeypatch, tmp_path):
    """No blinking cursor, and user folders (config, data, exports) inside tmp_path."""
    # A blinking cursor makes a screenshot depend on the moment it was taken.
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("BRIEFING_DB", raising=False)


def _copy(source: Path, target: Path) -> Path:
    """A standalone copy of a WAL database (VACUUM INTO also takes what is still in the WAL)."""
    conn = sqlite3.connect(source)
    conn.execute("VACUUM INTO ?", [str(target)])
    conn.close()
    return target


@pytest.fixture(scope="session")
def indexed_db_path(tmp_path_factory) -> Path:
    """data/ indexed once per session with the real quote and date rules (whatever they find today)."""
    path = tmp_path_factory.mktemp("tui-indexed") / "indexed.db"
    db = open_database(path)
    index_paths(db, [bundled_data_dir()])
    db.conn.close()
    return path


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def _quote(text, needle, kind, cue, speaker, written, attribution, group) -> Quote:
    start, end = _span(text, needle)
    return Quote(start, end, needle, kind, cue, speaker, written, attribution, group)


def _event(text, expression, value, granularity, sentence_start, anchor, after=0) -> Event:
    start, end = _span(text, expression, after)
    s_start, _ = _span(text, sentence_start)
    s_end = text.find(".", end)
    sentence = text[s_start : s_end + 1 if s_end >= 0 else len(text)]
    return Event(start, end, expression, value, granularity, anchor, "fixture", sentence, s_start, s_end + 1)


def curate(db) -> None:
    """Replace whatever the rules found with a fixed set of quotes and dates from the three seed articles.

    Screens then show the same thing whatever the state of the quote and date rules, and tests
    can name the quotes they expect.
    """
    articles = {Path(path).name[:3]: (aid, text) for aid, path, text in db.execute("SELECT id, path, text FROM articles")}
    settings = load_stored_settings(db)
    bloomberg, bloomberg_text = articles["000"]
    kyiv, kyiv_text = articles["002"]
    ap, ap_text = articles["003"]
    extractions = {
        bloomberg: Extraction(
            quotes=(
                _quote(bloomberg_text, "More than 50 local Serbs were injured in the flare up", "indirect",
                       "told reporters in Belgrade", "Aleksandar Vucic", "Serb President Aleksandar Vucic", "named", "Vucic"),
                _quote(bloomberg_text, "We will not tolerate the pogrom of Serbs,", "direct", "said", "Aleksandar Vucic", "he",
                       "pronoun", "Vucic"),
                _quote(bloomberg_text, "I beg Serbs in Kosovo not to engage in confrontation with NATO.", "direct", "",
                       "Aleksandar Vucic", "he", "continuation", "Vucic"),
                _quote(bloomberg_text, "Such attacks are totally unacceptable,", "direct", "said in the statement", "NATO",
                       "NATO", "organisation", "NATO"),
                _quote(bloomberg_text, "KFOR will take all necessary actions to fulfill its UN mandate.", "direct", "", "NATO",
                       "NATO", "continuation", "NATO"),
                _quote(bloomberg_text, "four local prominent Serbs were arrested in Kosovo", "indirect", "said",
                       "Aleksandar Vucic", "Vucic", "named", "Vucic"),
            ),
            events=(
                _event(bloomberg_text, "on Monday", "2023-05-29", "day", "The force, known as KFOR", "2023-05-29"),
                _event(bloomberg_text, "Friday", "2023-05-26", "day", "Following Friday", "2023-05-29"),
            ),
        ),
        kyiv: Extraction(
            quotes=(
                _quote(kyiv_text, "unjustified strikes against KFOR units are unacceptable", "indirect", "said",
                       "Angelo Michele Ristuccia", "Major General Angelo Michele Ristuccia", "named", "NATO"),
                _quote(kyiv_text, "I express my strongest condemnation of the attack that took place against the KFOR mission",
                       "direct", "said", "Giorgia Meloni", "Meloni", "named", "Meloni"),
                _quote(kyiv_text, "NATO strongly condemns the unprovoked attacks on KFOR troops in northern Kosovo",
                       "direct", "said", "NATO", "the statement", "according-to", "NATO"),
                _quote(kyiv_text, "He intends to ask these countries to \"understand their children.\"", "mixed", "intends to ask",
                       "Aleksandar Vucic", "He", "pronoun", "Vucic"),
            ),
            events=(
                _event(kyiv_text, "on May 29", "2023-05-29", "day", "In the north of partially", "2023-05-30"),
                _event(kyiv_text, "last week", "2023-W21", "week", "The clashes, which began", "2023-05-30"),
            ),
        ),
        ap: Extraction(
            quotes=(
                _quote(ap_text, "both ethnic Albanian mayors and Kosovo police must leave northern Kosovo", "indirect",
                       "have insisted", "KFOR", "NATO peacekeepers", "organisation", "NATO"),
            ),
            events=(
                _event(ap_text, "on Wednesday", "2023-05-31", "day", "Troops from the NATO-led", "2023-05-31"),
                _event(ap_text, "on Monday", "2023-05-29", "day", "NATO has decided", "2023-05-31"),
                _event(ap_text, "Tuesday, May 30, 2023", "2023-05-30", "day", "A dog walks by", "2023-05-31"),
            ),
        ),
    }
    with db.atomic():
        db.execute("DELETE FROM quotes")
        db.execute("DELETE FROM events")
        db.execute("DELETE FROM speakers")
        for article_id, extraction in extractions.items():
            write_extraction(db, article_id, extraction, settings)
        # The same NATO statement in two outlets: each card says "also in" the other.
        db.execute("UPDATE quotes SET statement_id = 1 WHERE text LIKE 'Such attacks%' OR text LIKE 'NATO strongly%'")
        db.execute(
            "UPDATE events SET disagreement = ? WHERE expression = 'Friday'",
            ["Bloomberg puts the first clashes on Friday 26 May; the Kyiv report says they began the week before"],
        )
        db.execute(
            "UPDATE articles SET published = '2023-05-29', published_source = 'inferred', "
            "published_reason = 'from the dates it mentions' WHERE id = ?",
            [bloomberg],
        )
        # What an index run derives from quotes and events, derived again from the curated ones.
        set_meta(db, MOST_QUOTED_KEY, json.dumps(count_most_quoted(db)))
        store_timeline_summary(db)


@pytest.fixture(scope="session")
def curated_db_path(indexed_db_path, tmp_path_factory) -> Path:
    """data/ indexed, with the fixed quotes and dates of `curate` (once per session)."""
    path = _copy(indexed_db_path, tmp_path_factory.mktemp("tui-curated") / "curated.db")
    db = open_database(path)
    curate(db)
    db.conn.close()
    return path


@pytest.fixture
def briefing_db(curated_db_path, tmp_path) -> Path:
    """A private copy of the curated briefing for one test."""
    return _copy(curated_db_path, tmp_path / "briefing.db")


@pytest.fixture
def indexed_db(indexed_db_path, tmp_path) -> Path:
    """A private copy of data/ as the rules index it today."""
    return _copy(indexed_db_path, tmp_path / "indexed.db")


@pytest.fixture
def empty_db(tmp_path, monkeypatch) -> Path:
    """A briefing database with no articles, at a relative path (so screens do not show tmp_path)."""
    monkeypatch.chdir(tmp_path)
    db = open_database(tmp_path / "empty.db")
    db.conn.close()
    return Path("empty.db")


def pytest_collection_modifyitems(items):
    """Every app test drives the whole app: slow, left out by `make test-fast`."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.slow)
