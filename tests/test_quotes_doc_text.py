"""spaCy rebuilds Doc.text from every token on each access: the pipeline reads it at most once.

The Extractor hands the components the article body it made the Doc from, so they never
rebuild it; a Doc made elsewhere (nlp(text), nlp.pipe) has its text read once and shared.
"""

from __future__ import annotations

import pytest
from briefing.core.models import ParsedArticle
from briefing.core.nlp.pipeline import ARTICLE_KEY, Extractor
from briefing.core.settings import Settings
from spacy.tokens import Doc

TEXT = (
    "PRISTINA, May 30 (Reuters) - Kosovo's prime minister said on Thursday the mayors would stay.\n\n"
    "“We will not back down,” Albin Kurti told reporters. “The law is the law.”\n\n"
    "Serbian President Aleksandar Vucic said the army was on “the highest level of combat readiness”, "
    "and the EU called for calm tomorrow."
)


class CountingDoc(Doc):
    """A Doc that counts how often its text is rebuilt."""

    reads = 0

    @property
    def text(self) -> str:
        type(self).reads += 1
        return Doc.text.__get__(self)


@pytest.fixture
def extractor(monkeypatch) -> Extractor:
    extractor = Extractor(Settings())
    make_doc = extractor.nlp.make_doc

    def counting(text: str) -> Doc:
        doc = make_doc(text)
        return CountingDoc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])

    monkeypatch.setattr(extractor.nlp, "make_doc", counting)
    CountingDoc.reads = 0
    return extractor


def test_extract_never_rebuilds_the_text(extractor):
    extraction = extractor.extract(ParsedArticle(path="t.txt", text=TEXT, published="2023-05-30"))
    assert CountingDoc.reads == 0
    # ... and the results are those of a plain Doc.
    assert {q.text for q in extraction.quotes} >= {"We will not back down", "The law is the law."}
    assert any(e.expression == "tomorrow" for e in extraction.events)


def test_components_on_a_doc_of_their_own_read_the_text_once(extractor):
    doc = extractor.nlp.make_doc(TEXT)
    doc.user_data[ARTICLE_KEY] = {"published": "2023-05-30"}
    for _name, component in extractor.nlp.pipeline:
        doc = component(doc)
    assert CountingDoc.reads == 1
    assert doc._.briefing_quotes and doc._.briefing_events
