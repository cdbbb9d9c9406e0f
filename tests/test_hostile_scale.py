"""Cost linear in an article's size: long runs of punctuation, many events, many quotes."""

from __future__ import annotations

import re

import pytest
from briefing.core.models import ParsedArticle
from briefing.core.nlp.pipeline import LONG_RUN, Extractor, build_nlp, make_doc
from briefing.core.settings import Settings

STORY = "The mayor of Dunmore said on Monday that the bridge was open. "


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(Settings())


@pytest.mark.parametrize("mark", ['"', "”", ")", "(", "'", ".", '",'])
def test_the_tokenizer_is_never_given_a_long_run_of_punctuation(nlp, monkeypatch, mark):
    # spaCy strips a run's marks one at a time, searching the rest again each time: quadratic.
    given: list[str] = []
    real = nlp.make_doc
    monkeypatch.setattr(nlp, "make_doc", lambda text: given.append(text) or real(text))
    text = STORY + mark * 20_000 + "\n" + STORY
    doc = make_doc(nlp, text)
    assert doc.text == text
    longest = max((len(m.group()) for piece in given for m in re.finditer(r"[^\w\s]+", piece)), default=0)
    assert longest < LONG_RUN


def test_text_without_long_runs_is_tokenized_as_spacy_does(nlp):
    text = '"We are open," the mayor said... -- (really!) ' * 50 + "=" * 80
    assert [t.text for t in make_doc(nlp, text)] == [t.text for t in nlp.make_doc(text)]


def test_an_article_with_a_long_run_of_closing_quotes_is_extracted_with_exact_offsets():
    text = '"The bridge is open," the mayor of Dunmore said on Monday. ' + '"' * 20_000 + " The governor said on Tuesday that the road was shut."
    extraction = Extractor(Settings()).extract(ParsedArticle(path="a.txt", text=text, published="2023-05-04"))
    assert extraction.quotes and all(text[q.start : q.end] == q.text for q in extraction.quotes)
