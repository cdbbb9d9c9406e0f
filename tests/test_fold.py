"""One comparison form of a spelling: Cyrillic and Latin letters folded, accents removed."""

from __future__ import annotations

from briefing.core.fold import fold, without_diacritics


def test_every_spelling_of_a_name_gives_one_form():
    assert {without_diacritics(s) for s in ("Vučić", "Вучић", "Vucic")} == {"Vucic"}


def test_letters_no_accent_decomposes_are_folded():
    assert without_diacritics("Đoković") == "Djokovic"
    assert without_diacritics("Łódź") == "Lodz"


def test_case_and_punctuation_are_left_alone():
    assert without_diacritics("ÉLYSÉE’s “Café”") == "ELYSEE’s “Cafe”"


def test_plain_text_is_unchanged():
    text = "Police said on Monday."
    assert without_diacritics(text) == text == fold(text)
