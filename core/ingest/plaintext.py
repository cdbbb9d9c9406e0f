"""Plain-text news articles: header line, dateline, byline, body, copyright footer."""

from __future__ import annotations

import re

from briefing.core.ingest.dateline import outlet_of, publication, read_front
from briefing.core.models import ParsedArticle

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z“\"‘(])|\n\s*\n")
TITLE_LENGTH = 90


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
        title=title_from_body(text[front.body_start : body_end]),
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


def title_from_body(body: str, length: int = TITLE_LENGTH) -> str | None:
    """Fallback title: the first sentence, shortened on a word boundary."""
    body = body.strip()
    if not body:
        return None
    first = _SENTENCE_END.split(body, maxsplit=1)[0]
    first = " ".join(first.split()).rstrip(".")
    return shorten(first, length)


def shorten(text: str, length: int) -> str:
    """Cut `text` to at most `length` characters on a word boundary, with an ellipsis."""
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0].rstrip(",;:—-– ")
    return cut + "…"
