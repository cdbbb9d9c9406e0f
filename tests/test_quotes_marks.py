"""Quotation marks: pairing by kind, apostrophes, unclosed marks, multi-paragraph quotes."""

from __future__ import annotations

import pytest
from briefing.core.nlp.speech_marks import find_quote_spans


def inner(text: str) -> list[str]:
    """The quoted texts of a text, in order."""
    return [text[s.inner_start : s.inner_end] for s in find_quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will not,” he said.", ["We will not,"]),
        ('"Hi," said Smith.', ["Hi,"]),
        ("„Ovo je kraj“, rekao je.", ["Ovo je kraj"]),
        ('„Ovo je kraj", rekao je.', ["Ovo je kraj"]),
        ("«Bonjour», il a dit.", ["Bonjour"]),
        ("»Hallo«, sagte er.", ["Hallo"]),
        ("''Yes,'' he said.", ["Yes,"]),
        ("``Yes,'' he said.", ["Yes,"]),
        ("‘We will win,’ she said.", ["We will win,"]),
        ("'We will win,' she said.", ["We will win,"]),
    ],
)
def test_every_mark_style_pairs(text, expected):
    assert inner(text) == expected


def test_spans_have_exact_offsets():
    text = "He said “yes” and left."
    [span] = find_quote_spans(text)
    assert (text[span.start : span.end], text[span.inner_start : span.inner_end]) == ("“yes”", "yes")


@pytest.mark.parametrize(
    "text",
    [
        "Kosovo’s people don’t forget the ’90s or the '90s.",
        "It was rock'n'roll, the Serbs’ demands and the officials' cars.",
        "Vučić's office and O'Brien's",
    ],
)
def test_apostrophes_are_never_quotation_marks(text):
    assert find_quote_spans(text) == []


def test_apostrophes_inside_a_quote_do_not_end_it():
    assert inner("“We don’t want Kosovo’s north to burn,” he said.") == ["We don’t want Kosovo’s north to burn,"]
    assert inner("'We don't want war,' he said.") == ["We don't want war,"]


def test_pairs_by_kind_not_by_count():
    # A straight mark inside curly quotes neither closes them nor shifts the pairing after it.
    assert inner("“He called it \"Z\" twice,” she said. Then “more”.") == ['He called it "Z" twice,', "more"]


def test_nested_single_quotes_stay_inside():
    assert inner("“He told me ‘no’ today,” she said.") == ["He told me ‘no’ today,"]


def test_an_unclosed_mark_does_not_derail_the_next_paragraph():
    text = "“This quote never closes.\n\nThen “a real one” follows, and “another”."
    assert inner(text) == ["a real one", "another"]


def test_an_unclosed_straight_mark_resets_at_the_paragraph_end():
    text = 'He said "yes and left.\n\nShe said "no" then.'
    assert inner(text) == ["no"]


def test_a_quote_over_several_paragraphs_is_one_run():
    text = "“First paragraph.\n\n“Second paragraph.\n\n“Third,” she said. “Other.”"
    spans = find_quote_spans(text)
    assert inner(text) == ["First paragraph.", "Second paragraph.", "Third,", "Other."]
    assert [s.closed for s in spans] == [False, False, True, True]
    assert spans[0].run == spans[1].run == spans[2].run != spans[3].run


def test_a_paragraph_not_opening_with_a_mark_ends_the_quote():
    text = "“Unclosed here.\n\nNarrative paragraph with “a quote”."
    spans = find_quote_spans(text)
    assert inner(text) == ["a quote"] and spans[0].closed


def test_a_mark_of_another_kind_closes_as_a_fallback():
    assert inner("“Mixed,\" he said. Then “x”.") == ["Mixed,", "x"]


def test_empty_and_stray_marks_give_nothing():
    assert find_quote_spans("A stray closer” here, and an empty “” pair.") == []
    assert find_quote_spans("") == []


def test_single_newlines_are_paragraphs_when_there_are_no_blank_lines():
    # Without blank lines in the text each line is a paragraph: the unclosed mark stops there.
    assert inner("“Unclosed line\nA “closed” one") == ["closed"]
    # With blank lines elsewhere, a lone newline is a wrapped line inside the quote.
    assert inner("“Wrapped\nline,” he said.\n\nNext.") == ["Wrapped\nline,"]
