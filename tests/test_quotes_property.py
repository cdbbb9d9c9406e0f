"""The quote finder on any input: never raises, offsets always slice back, time stays linear."""

from __future__ import annotations

import gc
import time

import pytest
import spacy
from briefing.core.models import ParsedArticle
from briefing.core.nlp.pipeline import Extractor
from briefing.core.settings import FocusSpeaker, Settings
from hypothesis import given, settings
from hypothesis import strategies as st

SETTINGS = Settings(speakers=(FocusSpeaker("Aleksandar Vucic", "Vucic", ("Vucic", "Вучић")),))

# Pieces that make random text look like reported speech, with every kind of mark.
PIECES = [
    '"', "“", "”", "„", "«", "»", "'", "‘", "’", "''", "``", "\n", "\n\n", ",", ".", ":", "—", "-", "(", ")",
    "said", "says", "told reporters", "according to", "he", "she", "they", "it", "Vucic", "NATO",
    "the statement", "Serbian President Aleksandar", "urged", "called on", "that", "who", "known as",
    "a spokesman for", "We will", "Kosovo’s", "don't", "Вучић", "!", "?", "...", "saying", "added",
    "quoted", "as saying", "described", "the report", "when asked", "in a statement", "on Monday",
]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map(" ".join)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(SETTINGS)


@pytest.fixture(scope="module")
def quote_nlp():
    """Only the components of this package (sentences, quotes), for timing them alone."""
    nlp = spacy.blank("en")
    nlp.max_length = 100_000_000
    nlp.add_pipe("briefing_sentences")
    nlp.add_pipe("briefing_quotes", config={"settings": SETTINGS.to_dict()})
    return nlp


def check(extractor: Extractor, text: str, body_start: int = 0) -> list:
    quotes = extractor.extract(ParsedArticle(path="p.txt", text=text, body_start=body_start)).quotes
    for n, quote in enumerate(quotes):
        assert text[quote.start : quote.end] == quote.text and quote.text.strip()
        assert body_start <= quote.start < quote.end <= len(text)
        assert (quote.cue_start, quote.cue_end) == (-1, -1) or text[quote.cue_start : quote.cue_end] == quote.cue
        assert quote.parent is None or 0 <= quote.parent < n
        assert quote.kind in ("direct", "indirect", "mixed")
    return list(quotes)


@settings(max_examples=300, deadline=None)
@given(text=TEXT, prefix=st.text(max_size=5))
def test_never_raises_and_offsets_slice_back(extractor, text, prefix):
    check(extractor, prefix + text, body_start=len(prefix))


@pytest.mark.slow
@pytest.mark.parametrize(
    "make",
    [
        lambda n: "word " * n,  # one long sentence
        lambda n: "Smith said " * (n // 2),
        lambda n: '"We will win," he said. ' * (n // 6),  # an article of many quotes
        lambda n: "“ said " * (n // 2),  # unbalanced marks
        lambda n: '“a\n\n' * (n // 2),  # a "quote" over thousands of paragraphs
        lambda n: "Smith, " * n + "said that it ended.",
        lambda n: "He said it was fine. " * (n // 5),
        lambda n: 'Vucic said "yes and no" while the minister, who ' * (n // 10),
    ],
    ids=["long-sentence", "said-storm", "quote-storm", "unbalanced", "paragraph-run", "commas", "pronouns", "no-ends"],
)
def test_pathological_text_stays_linear(quote_nlp, make):
    # 4x the input must take about 4x the time (quadratic would be 16x). The garbage collector
    # is paused while timing: its passes over a growing heap are not the rules' complexity.
    def run(n: int) -> float:
        doc = quote_nlp.make_doc(make(n))
        gc.collect()
        gc.disable()
        try:
            started = time.perf_counter()
            for _name, component in quote_nlp.pipeline:
                doc = component(doc)
            return time.perf_counter() - started
        finally:
            gc.enable()

    run(2_000)
    small, large = min(run(10_000) for _ in range(3)), min(run(40_000) for _ in range(3))
    assert large < 8 * max(small, 0.01), (small, large)
