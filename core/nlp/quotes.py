"""Quotes and their speakers (placeholder until the quote rules land)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("briefing_quotes", default_config={"settings": {}})
def make_quotes(nlp: Language, name: str, settings: dict) -> "QuoteFinder":
    """Factory for the quote finder."""
    return QuoteFinder(settings)


class QuoteFinder:
    """Sets doc._.briefing_quotes to a list of core.models.Quote (body-relative offsets)."""

    def __init__(self, settings: dict) -> None:
        if not Doc.has_extension("briefing_quotes"):
            Doc.set_extension("briefing_quotes", default=None)
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        """Find quotes."""
        doc._.briefing_quotes = []
        return doc
