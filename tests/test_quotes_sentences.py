"""The sentence splitter the quote (and date) rules read sentences from."""

from __future__ import annotations

import time

import pytest
import spacy
from briefing.core.nlp import sentences as _sentences  # noqa: F401  (registers the factory)


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.max_length = 10_000_000
    pipeline.add_pipe("briefing_sentences")
    return pipeline


def split(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


def test_full_stops_and_closing_quotes(nlp):
    text = "He left. “We will stay.” She stayed."
    assert split(nlp, text) == ["He left.", "“We will stay.”", "She stayed."]


def test_a_question_inside_a_quote_does_not_cut_off_its_cue(nlp):
    assert split(nlp, "“Why now?” he asked. “Who benefits?” asked Dacic.") == [
        "“Why now?” he asked.",
        "“Who benefits?” asked Dacic.",
    ]


def test_paragraph_breaks_end_sentences(nlp):
    assert split(nlp, "A headline without a full stop\n\nThe body starts here.") == [
        "A headline without a full stop",
        "The body starts here.",
    ]


def test_wrapped_lines_are_not_sentence_ends_in_a_text_with_blank_lines(nlp):
    text = "Police said on\nTuesday that five were hurt.\n\nNext paragraph."
    assert split(nlp, text) == ["Police said on\nTuesday that five were hurt.", "Next paragraph."]


def test_single_newlines_are_paragraphs_when_the_text_has_no_blank_lines(nlp):
    assert split(nlp, "First line without stop\nSecond line") == ["First line without stop", "Second line"]


def test_abbreviations_inside_a_sentence(nlp):
    assert len(split(nlp, "U.S. Secretary of State Antony Blinken said Mr. Vucic agreed.")) == 1
    assert split(nlp, "They met in the U.S. The talks failed.") == ["They met in the U.S.", "The talks failed."]


def test_leading_whitespace_does_not_make_an_empty_sentence(nlp):
    assert split(nlp, "\n\nHello there. Bye.") == ["Hello there.", "Bye."]


def test_long_text_is_split_in_linear_time(nlp):
    # Setting Token.is_sent_start token by token is quadratic; 200,000 words must stay quick.
    text = "word " * 100_000 + "Then it ended. " * 20_000
    started = time.perf_counter()
    doc = nlp(text)
    assert sum(1 for _ in doc.sents) == 20_000
    assert time.perf_counter() - started < 10
