"""Sentence boundaries for news text: full stops, question and exclamation marks, paragraph breaks."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_ENDS = {".", "!", "?", "..", "...", "…"}
_CLOSERS = {'"', "”", "’", "»", "'", ")", "]"}


@Language.factory("briefing_sentences")
def make_sentences(nlp: Language, name: str) -> "SentenceSplitter":
    """Factory for the sentence splitter."""
    return SentenceSplitter()


class SentenceSplitter:
    """Marks sentence starts after end punctuation (and closing quotes) and at paragraph breaks."""

    def __call__(self, doc: Doc) -> Doc:
        """Set `is_sent_start` on every token."""
        start_next = True
        for token in doc:
            if token.is_space:
                token.is_sent_start = start_next if token.i == 0 else False
                if "\n" in token.text:
                    start_next = True
                continue
            token.is_sent_start = start_next
            start_next = False
            if token.text in _ENDS or (token.text in _CLOSERS and token.i > 0 and doc[token.i - 1].text in _ENDS):
                nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
                if nxt is None or nxt.text not in _CLOSERS:
                    start_next = True
        return doc
