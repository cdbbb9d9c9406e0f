"""Plain-text news articles: header line, dateline, byline, body, copyright footer."""

from __future__ import annotations

from briefing.core.ingest.dateline import outlet_of, publication, read_front
from briefing.core.ingest.headline import TITLE_LENGTH, headline, shorten, title_from_body
from briefing.core.models import ParsedArticle

# Kept importable from here: the headline rules live in ingest.headline.
__all__ = ["TITLE_LENGTH", "parse_plain", "shorten", "title_from_body"]


def parse_plain(path: str, text: str, *, fmt: str = "text", warnings: tuple[str, ...] = ()) -> ParsedArticle:
    """Read the metadata a plain news text carries in its head and foot."""
    front = read_front(text)
    published, source, reason, captured = publication(front)
    body_end = front.body_end if front.body_end is not None else len(text)
    return ParsedArticle(
        path=path,
        text=text,
        body_start=front.body_start,
        body_end=body_end,
        outlet=outlet_of(front),
        title=headline(None, None, text[front.body_start : body_end]),
        byline=front.byline,
        place=front.place,
        published=published,
        published_source=source,
        published_reason=reason,
        captured=captured,
        copyright_year=front.copyright_year,
        format=fmt,
        warnings=warnings,
    )
