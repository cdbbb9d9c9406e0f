"""The default NLP pipeline: blank English, our sentence, quote and date components.

`Extractor` is what ingest-side callers use: it builds the spaCy pipeline once and turns a
ParsedArticle into an Extraction with offsets into the stored article text.
"""

from __future__ import annotations

import re
from dataclasses import replace

import spacy
from briefing.core.ingest.dateline import head_dateline
from briefing.core.models import Extraction, ParsedArticle

# Importing the modules registers their @Language.factory components.
from briefing.core.nlp import dates as _dates  # noqa: F401
from briefing.core.nlp import quotes as _quotes  # noqa: F401
from briefing.core.nlp import sentences as _sentences  # noqa: F401
from briefing.core.nlp.context import BriefingContext
from briefing.core.nlp.speech_marks import TEXT_KEY
from briefing.core.settings import Settings
from spacy.language import Language
from spacy.tokens import Doc

#: Key in Doc.user_data under which the components find the article's metadata.
ARTICLE_KEY = "briefing.article"
#: Longest run of punctuation spaCy's tokenizer is given whole. It strips a run's marks one at a
#: time and searches what is left again for each, which is quadratic in the run (16,000 quote
#: marks took 21 s); a longer run is made one token a mark, as the tokenizer would make it.
LONG_RUN = 256
_LONG_RUN = re.compile(rf"[^\w\s]{{{LONG_RUN},}}")


def build_nlp(settings: Settings, model: str | None = None) -> Language:
    """Blank English (or an installed trained pipeline when asked for) plus our components."""
    if model:
        # A trained pipeline may add entities or a parse; our rules must not depend on them.
        nlp = spacy.load(model, exclude=["lemmatizer"])
    else:
        nlp = spacy.blank("en")
        # spaCy's 1M-character cap protects the parser's memory; our rules are linear, so a
        # very long article (a 20 MB scrape on one line) is simply read.
        nlp.max_length = 100_000_000
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("briefing_sentences", before="parser")
    else:
        nlp.add_pipe("briefing_sentences")
    nlp.add_pipe("briefing_quotes", config={"settings": settings.to_dict()})
    nlp.add_pipe("briefing_dates")
    return nlp


class Extractor:
    """Runs the NLP pipeline over articles; build once, call many times."""

    def __init__(self, settings: Settings, model: str | None = None) -> None:
        self.settings = settings
        self.nlp = build_nlp(settings, model)

    def extract(self, article: ParsedArticle, context: BriefingContext | None = None) -> Extraction:
        """Quotes and events of one article, offsets into `article.text`."""
        body = article.body
        doc = make_doc(self.nlp, body)
        # The components read the text from here: Doc.text would rebuild it from the tokens.
        doc.user_data[TEXT_KEY] = body
        doc.user_data[ARTICLE_KEY] = {
            "published": article.published,
            "copyright_year": article.copyright_year,
            "captured": article.captured,
            "context": context or BriefingContext(),
            "url": article.url,
            "dateline": head_dateline(article.text, article.body_start),
        }
        for _name, component in self.nlp.pipeline:
            doc = component(doc)
        inferred = doc._.briefing_inferred_published
        events = tuple(doc._.briefing_events or ())
        extraction = Extraction(
            quotes=tuple(doc._.briefing_quotes or ()),
            events=tuple(e for e in events if e.role != "dateline"),
            datelines=tuple(e for e in events if e.role == "dateline"),
            inferred_published=inferred[0] if inferred else None,
            inferred_reason=inferred[1] if inferred else "",
        )
        return _shift(extraction, article.body_start)


def make_doc(nlp: Language, text: str) -> Doc:
    """The tokens of `text`, in time linear in its length (see LONG_RUN); `doc.text == text`."""
    if not _LONG_RUN.search(text):
        return nlp.make_doc(text)
    docs, position = [], 0
    for run in _LONG_RUN.finditer(text):
        if run.start() > position:
            docs.append(nlp.make_doc(text[position : run.start()]))
        docs.append(Doc(nlp.vocab, words=list(run.group()), spaces=[False] * len(run.group())))
        position = run.end()
    if position < len(text):
        docs.append(nlp.make_doc(text[position:]))
    return Doc.from_docs(docs, ensure_whitespace=False)


def _shift(extraction: Extraction, offset: int) -> Extraction:
    """Move body-relative offsets to offsets into the whole stored text."""
    if not offset:
        return extraction

    def move(value: int) -> int:
        return value + offset if value >= 0 else value

    quotes = tuple(
        replace(q, start=move(q.start), end=move(q.end), cue_start=move(q.cue_start), cue_end=move(q.cue_end))
        for q in extraction.quotes
    )
    events = tuple(
        replace(
            e,
            start=move(e.start),
            end=move(e.end),
            sentence_start=move(e.sentence_start),
            sentence_end=move(e.sentence_end),
        )
        for e in extraction.events
    )
    # A dateline may lie before the body (a negative offset into it): moved all the same.
    datelines = tuple(
        replace(e, start=e.start + offset, end=e.end + offset, sentence_start=e.sentence_start + offset,
                sentence_end=e.sentence_end + offset)
        for e in extraction.datelines
    )
    return replace(extraction, quotes=quotes, events=events, datelines=datelines)
