"""A partial quote inside reported speech is shown with its statement: one card, one count, one row for people."""

from __future__ import annotations

import dataclasses
import json

import pytest
from briefing.cli.main import main
from briefing.core.export import render_brief
from briefing.core.models import Extraction, ParsedArticle, Quote
from briefing.core.settings import Settings
from briefing.core.store.database import update_words, write_article
from briefing.core.store.reads import count_quotes, list_groups, list_quotes
from briefing.core.store.rows import Fragment
from briefing.tui.loader import load_columns, load_speaker_choices
from briefing.tui.state import ColumnSpec, Filters
from briefing.tui.text import marked
from briefing.tui.widgets.quote_card import with_fragments
from rich.console import Console

PLAN = "Lena Ostrova said the plan was “a careful first step” and that the ferry would wait. Rain fell on Varnholm."
STATEMENT = "the plan was “a careful first step” and that the ferry would wait"
FRAGMENT = "a careful first step"


def quote_of(text, words, speaker, *, kind="direct", parent=None):
    start = text.index(words)
    return Quote(start, start + len(words), words, kind, "said", speaker, speaker, "name", parent=parent)


def add(db, path, text, quotes):
    with db.atomic():
        write_article(db, ParsedArticle(path=path, text=text), path, path, Extraction(quotes=tuple(quotes)), Settings(), "test")
    update_words(db)


@pytest.fixture
def plan_db(fresh_db):
    """Lena Ostrova's statement with a fragment of her exact words inside it."""
    statement = quote_of(PLAN, STATEMENT, "Lena Ostrova", kind="mixed")
    add(fresh_db, "plan.txt", PLAN, [statement, quote_of(PLAN, FRAGMENT, "Lena Ostrova", parent=0)])
    return fresh_db


def ids_by_text(db):
    return dict(db.execute("SELECT text, id FROM quotes").fetchall())


def test_a_speakers_column_shows_the_statement_once_with_its_fragment(plan_db):
    column = ColumnSpec("Lena Ostrova", speaker="Lena Ostrova")
    data = load_columns(plan_db, [column], Filters())
    ((_spec, rows),) = data.columns
    assert [q.text for q in rows] == [STATEMENT] and data.totals == [1]
    assert [f.text for f in rows[0].fragments] == [FRAGMENT]
    assert count_quotes(plan_db, speaker="Lena Ostrova", exact_speaker=True, statements=True) == 1
    # The reader and scripts still get every quote, the fragment knowing its statement.
    every = list_quotes(plan_db, speaker="Lena Ostrova", exact_speaker=True)
    ids = ids_by_text(plan_db)
    assert [(q.text, q.parent_id) for q in every] == [(STATEMENT, None), (FRAGMENT, ids[STATEMENT])]


def test_a_fragment_in_another_mouth_stays_its_own_card(fresh_db):
    text = "Pavel Irn said the vote was “a quiet victory” for the harbour towns. Nobody else spoke."
    statement = quote_of(text, "the vote was “a quiet victory” for the harbour towns", "Pavel Irn", kind="mixed")
    add(fresh_db, "vote.txt", text, [statement, quote_of(text, "a quiet victory", "Ada Kell", parent=0)])
    columns = [ColumnSpec("Pavel Irn", speaker="Pavel Irn"), ColumnSpec("Ada Kell", speaker="Ada Kell")]
    data = load_columns(fresh_db, columns, Filters())
    (_a, pavel), (_b, ada) = data.columns
    assert [q.text for q in ada] == ["a quiet victory"] and data.totals == [1, 1]
    assert pavel[0].fragments == ()  # never hidden under another speaker's statement


def test_search_still_finds_one_row_per_statement_with_its_fragment(plan_db):
    data = load_columns(plan_db, [ColumnSpec("Lena Ostrova", speaker="Lena Ostrova")], Filters(), query="careful ")
    rows = [q for _spec, quotes in data.columns for q in quotes]
    assert [q.text for q in rows] == [STATEMENT]
    assert [f.text for f in rows[0].fragments] == [FRAGMENT]


def test_the_card_sets_the_exact_words_apart_inside_the_statement(plan_db):
    (row,) = list_quotes(plan_db, statements=True)
    words = with_fragments(marked(row.text, (), "italic"), row, "")
    start = words.plain.index("“a careful")
    end = words.plain.index("step”") + len("step”")
    console = Console()
    exact = words.get_style_at_offset
    # Upright and bold with their quote marks; the paraphrase around them stays as it was.
    assert all(not exact(console, i).italic and exact(console, i).bold for i in range(start, end))
    assert exact(console, 0).italic and not exact(console, 0).bold
    assert exact(console, end).italic
    assert words.plain == STATEMENT  # nothing added when the words are in the statement


def test_the_card_adds_a_line_for_a_fragment_not_in_the_statements_words(plan_db):
    (row,) = list_quotes(plan_db, statements=True)
    elsewhere = dataclasses.replace(row, fragments=(Fragment(99, 0, 10, "words spoken at the quay"),))
    words = with_fragments(marked(row.text, (), "italic"), elsewhere, "")
    assert words.plain == STATEMENT + "\n“words spoken at the quay”"


def run(capsys, *argv):
    try:
        main(list(argv))
    except SystemExit as exc:
        assert not exc.code
    return capsys.readouterr().out


def test_briefing_quotes_puts_the_fragment_under_its_statement(capsys, plan_db, tmp_path):
    path = str(tmp_path / "fresh.db")
    out = run(capsys, "quotes", "--db", path)
    assert "↳ “a careful first step”" in out
    # Once inside the statement, once under it: never a row of its own.
    assert out.count(FRAGMENT) == 2
    assert out.index("the plan was") < out.index("↳")


def test_briefing_quotes_json_keeps_every_quote_with_its_parent(capsys, plan_db, tmp_path):
    rows = json.loads(run(capsys, "quotes", "--db", str(tmp_path / "fresh.db"), "--json"))
    ids = ids_by_text(plan_db)
    assert [(r["text"], r["parent"]) for r in rows] == [(STATEMENT, None), (FRAGMENT, ids[STATEMENT])]
    assert {r["id"] for r in rows} == set(ids.values())


def test_a_brief_lists_a_fragment_with_its_statement_not_twice(plan_db):
    pinned_both = list_quotes(plan_db)  # the statement and its fragment, as two pins would give them
    markdown = render_brief("Varnholm", sources=[], quotes=pinned_both)
    assert markdown.count(FRAGMENT) == 1 and STATEMENT in markdown
    (row,) = list_quotes(plan_db, statements=True)
    elsewhere = dataclasses.replace(row, fragments=(Fragment(99, 0, 10, "words spoken at the quay"),))
    assert "  - exact words: “words spoken at the quay”" in render_brief("Varnholm", sources=[], quotes=[elsewhere])


def test_the_speaker_picker_counts_as_the_columns_do(plan_db):
    choices = load_speaker_choices(plan_db)
    assert [(s.name, s.quotes) for s in choices.speakers] == [("Lena Ostrova", 1)]
    assert [(name, n) for name, n, _members in choices.groups] == []  # no group in the settings
    assert list_groups(plan_db) == [("Lena Ostrova", 1)]


# --- search as you type ranks only the best quotes -------------------------------------------------

FERRY = [
    "Mayor Ana Kell said the ferry would run “every hour, ferry after ferry” from May.",
    "Chief Lena Ostra said the ferry was safe.",
    "Minister Ivo Brand said the old ferry would be sold and a ferry bought.",
    "Senator Paul Vint said a ferry costs money.",
]


@pytest.fixture
def ferry_db(fresh_db):
    """Four statements about a ferry; the first holds a fragment that matches too."""
    for n, text in enumerate(FERRY):
        speaker = " ".join(text.split()[1:3])
        words = text[text.index("the ferry") if "the ferry" in text else text.index("a ferry") :].rstrip(".")
        quotes = [quote_of(text, words, speaker, kind="mixed")]
        if "“" in text:
            quotes.append(quote_of(text, "every hour, ferry after ferry", speaker, parent=0))
        add(fresh_db, f"ferry{n}.txt", text, quotes)
    return fresh_db


def test_a_rough_search_shows_the_page_a_full_ranking_gives(ferry_db, monkeypatch):
    """Ranked from the best quotes alone, the page is the same; only its total may count a fragment too."""
    import briefing.core.store.search as search_module
    from briefing.core.store.search import parse_query, search

    query = parse_query(ferry_db, "ferry")
    full = search(ferry_db, query, quotes=2, articles=0)
    assert full.quote_total == 4 and full.quote_total_exact
    # Every match read: the same page, the exact total.
    assert search(ferry_db, query, quotes=2, articles=0, rough_total=True).quote_total == 4
    monkeypatch.setattr(search_module, "CANDIDATES_PER_STATEMENT", 2)  # 4 of the 5 matching quotes
    rough = search(ferry_db, query, quotes=2, articles=0, rough_total=True)
    assert rough.quote_ids == full.quote_ids
    assert not rough.quote_total_exact and rough.quote_total == 5  # the fragment beside its statement
    # Filtered, the search is always the full one.
    speaker = search(ferry_db, query, quotes=2, articles=0, rough_total=True, speaker="Ana Kell")
    assert speaker.quote_total_exact


def test_a_rough_search_whose_best_quotes_fold_into_too_few_statements_ranks_them_all(ferry_db, monkeypatch):
    import briefing.core.store.search as search_module
    from briefing.core.store.search import parse_query, search

    query = parse_query(ferry_db, '"every hour"')  # the statement and its fragment, nothing else
    monkeypatch.setattr(search_module, "CANDIDATES_PER_STATEMENT", 1)
    full = search(ferry_db, parse_query(ferry_db, "ferry"), quotes=3, articles=0)
    rough = search(ferry_db, parse_query(ferry_db, "ferry"), quotes=3, articles=0, rough_total=True)
    assert rough.quote_ids == full.quote_ids
    # Two candidates are the statement and its fragment: one statement for a page of two, so the
    # full ranking runs, and its total is exact.
    folded = search(ferry_db, query, quotes=2, articles=0, rough_total=True)
    assert len(folded.quote_ids) == 1 and folded.quote_total == 1 and folded.quote_total_exact
