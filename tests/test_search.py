"""Search: diacritics and Cyrillic fold together, any typed string is a valid query, offsets mark matches."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from core.errors import QueryError
from core.models import Extraction, ParsedArticle, Quote
from core.settings import Settings
from core.store.database import write_article
from core.store.search import build_match, matching_quote_ids, quote_marks, search_articles, split_marks

HOSTILE = ["Vucic's", "KFOR-led", '"unbalanced', "NOT", "*", "(", "^", "col:x", "AND OR", "a\"b\"c", "NEAR(x y)", "", "   ", "-", "'", "\\", "%", "_"]


def add(db, path, text, title=None, quotes=()):
    article = ParsedArticle(path=path, text=text, title=title)
    with db.atomic():
        return write_article(db, article, path, path, Extraction(quotes=tuple(quotes)), Settings(), "test")


@pytest.fixture
def db(fresh_db):
    add(fresh_db, "vucic.txt", "Serbian President Aleksandar Vucic said the army was on alert.", title="Vucic speaks")
    add(fresh_db, "vucic-diacritics.txt", "Predsednik Aleksandar Vučić je rekao.")
    add(fresh_db, "cyrillic.txt", "Председник Александар Вучић је рекао да ће војска остати.")
    add(fresh_db, "djokovic.txt", "Novak Đoković won in Belgrade.")
    add(
        fresh_db,
        "kfor.txt",
        "The KFOR-led force said it was an unbalanced response. Troops were not hurt.",
        title="Troops in Zvecan",
        quotes=[Quote(0, 20, "KFOR-led force said", "direct", "said", "KFOR", "KFOR", "organisation")],
    )
    return fresh_db


def paths(hits):
    return sorted(h.path for h in hits)


def test_latin_diacritics_and_cyrillic_find_each_other(db):
    expected = ["cyrillic.txt", "vucic-diacritics.txt", "vucic.txt"]
    assert paths(search_articles(db, "Vucic")) == expected
    assert paths(search_articles(db, "Vučić")) == expected
    assert paths(search_articles(db, "Вучић")) == expected


def test_dj_spelling_finds_the_crossed_d(db):
    assert paths(search_articles(db, "Djokovic")) == ["djokovic.txt"]
    assert paths(search_articles(db, "Đoković")) == ["djokovic.txt"]


def test_last_word_is_a_prefix_for_search_as_you_type(db):
    assert paths(search_articles(db, "Zvec")) == ["kfor.txt"]
    assert paths(search_articles(db, "Zvec ")) == []  # a finished word is matched whole


def test_title_match_ranks_above_body_match(db):
    add(db, "body-only.txt", "Troops and more troops and troops again.")
    hits = search_articles(db, "troops")
    assert hits[0].path == "kfor.txt"


def test_snippet_marks_are_offsets_into_plain_text(db):
    hit = search_articles(db, "unbalanced")[0]
    assert "\x02" not in hit.snippet.text and "\x03" not in hit.snippet.text
    assert [hit.snippet.text[s:e] for s, e in hit.snippet.marks] == ["unbalanced"]


def test_split_marks():
    marked = split_marks("a \x02bc\x03 d \x02e\x03")
    assert (marked.text, marked.marks) == ("a bc d e", ((2, 4), (7, 8)))


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_strings_are_valid_queries(db, query):
    search_articles(db, query)
    matching_quote_ids(db, query)


def test_hostile_strings_still_find_their_words(db):
    assert paths(search_articles(db, "KFOR-led")) == ["kfor.txt"]
    assert paths(search_articles(db, '"unbalanced')) == ["kfor.txt"]
    assert paths(search_articles(db, "Vucic's")) == ["cyrillic.txt", "vucic-diacritics.txt", "vucic.txt"]
    assert paths(search_articles(db, "NOT")) == ["kfor.txt"]  # a word, not an operator


def test_raw_mode_passes_syntax_and_reports_errors(db):
    assert paths(search_articles(db, "troops NOT unbalanced", raw=True)) == []
    assert paths(search_articles(db, "troops OR Djokovic", raw=True)) == ["djokovic.txt", "kfor.txt"]
    for bad in ("NEAR(", '"unbalanced', "nosuchcolumn: x"):
        with pytest.raises(QueryError, match="Not a valid search"):
            search_articles(db, bad, raw=True)


def test_quotes_are_searched_by_text_and_speaker(db):
    ids = matching_quote_ids(db, "KFOR")
    assert len(ids) == 1
    marks = quote_marks(db, "force", ids)[ids[0]]
    assert [marks.text[s:e] for s, e in marks.marks] == ["force"]


def test_build_match_quotes_every_word():
    assert build_match("NOT (x") == '"NOT" "(x" *'
    assert build_match("*") is None
    assert build_match('say "hi') == '"say" """hi" *'


@pytest.fixture(scope="module")
def module_db(tmp_path_factory):
    from core.store.database import open_database

    db = open_database(tmp_path_factory.mktemp("q") / "q.db")
    add(db, "a.txt", "Serbian President Aleksandar Vučić said NOT this (really) * ^ col:x.")
    return db


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_string_is_a_valid_query(module_db, query):
    assert isinstance(search_articles(module_db, query), list)
    assert isinstance(matching_quote_ids(module_db, query), list)
