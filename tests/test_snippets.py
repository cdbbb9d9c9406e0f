"""Snippets made in Python: the words of the query found again, marks as offsets into the snippet."""

from __future__ import annotations

import pytest
from briefing.core.store.snippets import light_stem, make_snippet, query_terms


def marked(text: str, query: str, raw: bool = False) -> tuple[str, list[str]]:
    snippet, marks = make_snippet(text, query_terms(query, raw=raw))
    return snippet, [snippet[a:b] for a, b in marks]


def test_last_word_is_a_prefix_while_typing():
    _snippet, words = marked("Police said the policing of the north was tense.", "polic")
    assert words == ["Police", "policing"]


def test_finished_words_match_their_plural_and_past():
    _snippet, words = marked("Two troops were hurt. A troop carrier clashed with protesters.", "troop clash ")
    assert words == ["troops", "troop", "clashed"]


def test_diacritics_and_cyrillic_fold_to_the_query():
    text = "Serbian President Aleksandar Vučić and Вучић in Cyrillic; Đoković too."
    _snippet, words = marked(text, "Vucic ")
    assert words == ["Vučić", "Вучић"]
    # "Đ" becomes two letters in the index: the mark still covers the original word.
    _snippet, words = marked(text, "Djokovic ")
    assert words == ["Đoković"]


def test_window_holds_the_most_different_terms():
    text = " ".join(["filler"] * 40) + " NATO said troops " + " ".join(["filler"] * 40) + " NATO again"
    snippet, words = marked(text, "nato troops ")
    assert words == ["NATO", "troops"]
    assert snippet.startswith("…") and snippet.endswith("…")


def test_whitespace_collapses_without_moving_marks():
    snippet, words = marked("First line.\n\n   Then   Kurti\tsaid so.", "kurti ")
    assert "\n" not in snippet and "  " not in snippet
    assert words == ["Kurti"]


def test_no_match_in_the_text_shows_its_opening():
    snippet, words = marked("An article whose title matched, not its body. " * 5, "zvecan")
    assert snippet.startswith("An article whose title matched") and words == []


def test_raw_queries_skip_operators_and_keep_stars():
    assert query_terms("troops OR kfor* NOT title:unrest", raw=True) == [("troops", False), ("kfor", True)]


def test_a_closed_phrase_ends_the_prefix_and_an_open_one_keeps_it():
    closed = [("told", False), ("reporters", False)]
    assert query_terms('"told reporters"') == query_terms("“told reporters”") == closed
    assert query_terms('"told rep') == [("told", False), ("rep", True)]
    text = "He told the report it was reportedly calm."
    for typed, words in (("“told report”", ["told", "report"]), ("“told report", ["told", "report", "reportedly"])):
        snippet, marks = make_snippet(text, query_terms(typed))
        assert [snippet[s:e] for s, e in marks] == words, typed


@pytest.mark.parametrize(("word", "stem"), [("troops", "troop"), ("clashed", "clash"), ("injuries", "injury"), ("gas", "gas")])
def test_light_stem(word, stem):
    assert light_stem(word) == stem


def test_letters_that_lengthen_when_lowered_keep_offsets():
    # "İ".lower() is two characters: marks must still point into the original text.
    snippet, words = marked("İstanbul talks: Kurti met Vucic.", "vucic ")
    assert words == ["Vucic"]
