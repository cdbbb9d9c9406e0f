"""Dated expressions resolved against the article's date (placeholder until the date rules land)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("briefing_dates")
def make_dates(nlp: Language, name: str) -> "DateFinder":
    """Factory for the date finder."""
    return DateFinder()


class DateFinder:
    """Sets doc._.briefing_events (list of core.models.Event) and doc._.briefing_inferred_published."""

    def __init__(self) -> None:
        for ext in ("briefing_events", "briefing_inferred_published"):
            if not Doc.has_extension(ext):
                Doc.set_extension(ext, default=None)

    def __call__(self, doc: Doc) -> Doc:
        """Find dated expressions."""
        doc._.briefing_events = []
        doc._.briefing_inferred_published = None
        return doc
