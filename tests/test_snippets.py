"""Snippets and marks: FTS5's own highlight() of the search's MATCH, and the window around the best run of marks."""

from __future__ import annotations

from briefing.core.store.marks import find_marks, marks_in
from briefing.core.store.search import build_match
from briefing.core.store.snippets import snippet_around


def marked(text: str, query: str, raw: bool = False) -> tuple[str, list[str]]:
    match = build_match(query, raw=raw)
    snippet, marks = snippet_around(text, marks_in(match, text))
    return snippet, [snippet[a:b] for a, b in marks]


def test_last_word_is_a_prefix_while_typing():
    _snippet, words = marked("Police said the policing of the north was tense.", "polic")
    assert words == ["Police", "policing"]


def test_finished_words_match_their_stemmed_forms():
    _snippet, words = marked("Two troops were hurt. A troop carrier clashed with protesters.", "troop clash ")
    assert words == ["troops", "troop", "clashed"]
    # Porter's forms, not a suffix list: what the index finds is what is marked.
    _snippet, words = marked("The negotiations were generous, the organisers said.", "negotiate generously ")
    assert words == ["negotiations", "generous"]


def test_a_short_word_is_never_marked_inside_a_longer_one():
    _snippet, words = marked("Art and the artist met in a cart.", "art ")
    assert words == ["Art"]


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


def test_raw_queries_mark_what_fts5_matches():
    _snippet, words = marked("Troops met the KFOR commander amid unrest.", "(troops OR kfor*) NOT unrest", raw=True)
    assert words == []  # NOT unrest: the text does not match, so nothing in it is marked
    _snippet, words = marked("Troops met the KFOR commander.", "troops OR kfor*", raw=True)
    assert words == ["Troops", "KFOR"]


def test_a_phrase_is_marked_whole_and_only_where_its_words_are_together():
    text = "He told the crowd. Later she told reporters it was calm, and reporters left."
    _snippet, words = marked(text, '"told reporters"')
    assert words == ["told reporters"]
    assert marked(text, "“told reporters”")[1] == ["told reporters"]
    # A phrase still being typed: its last word is a prefix.
    assert marked(text, '"told rep')[1] == ["told reporters"]


def test_context_lets_a_match_on_the_speaker_mark_the_text():
    match = build_match("kurti calm ")
    assert find_marks(match, ["It was calm."], [None]) == [()]  # "kurti" is not in the text alone
    assert find_marks(match, ["It was calm."], ["Albin Kurti"]) == [((7, 11),)]


def test_letters_that_lengthen_when_lowered_keep_offsets():
    # "İ".lower() is two characters: marks must still point into the original text.
    snippet, words = marked("İstanbul talks: Kurti met Vucic.", "vucic ")
    assert words == ["Vucic"]
