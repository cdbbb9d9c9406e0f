"""Plain-text news articles: header line, dateline, byline, body, copyright footer."""

from __future__ import annotations

import re

from briefing.core.ingest.dateline import Front, outlet_of, publication, read_front
from briefing.core.models import ParsedArticle
from briefing.core.textsafe import clean_text

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z“\"‘(])|\n\s*\n")
TITLE_LENGTH = 90


def parse_plain(path: str, text: str, *, fmt: str = "text", warnings: tuple[str, ...] = ()) -> ParsedArticle:
    """Read the metadata a plain news text carries in its head and foot."""
    return article_from_front(path, text, read_front(text), fmt=fmt, warnings=warnings)


def article_from_front(
    path: str,
    text: str,
    front: Front,
    *,
    fmt: str,
    title: str | None = None,
    outlet: str | None = None,
    byline: str | None = None,
    place: str | None = None,
    url: str | None = None,
    dated: tuple[str, str] | None = None,
    warnings: tuple[str, ...] = (),
) -> ParsedArticle:
    """The article a text is, from what its file says about it and, for the rest, its own head and foot.

    Every reader ends here: a field its file's metadata gives (front matter, a JSON record, a
    page's tags) wins; otherwise the text's dateline, byline and footer (`front`) say it, and
    the first sentence is the title. `dated` is the metadata's date and where it came from.
    Each field is cleaned here, on the way in, as the text was: one line, no escape sequences,
    control characters or bidi overrides, whoever reads the database later.
    """
    title, outlet, byline, place, url = (_field(value) for value in (title, outlet, byline, place, url))
    published, source, reason, captured = publication(front)
    if dated:
        (published, reason), source = dated, "front-matter"
    body_end = front.body_end if front.body_end is not None else len(text)
    return ParsedArticle(
        path=path,
        text=text,
        body_start=front.body_start,
        body_end=body_end,
        outlet=outlet or outlet_of(front),
        title=title or title_from_body(text[front.body_start : body_end]),
        byline=byline or front.byline,
        place=place or front.place,
        url=url,
        published=published,
        published_source=source,
        published_reason=reason,
        captured=captured,
        copyright_year=front.copyright_year,
        format=fmt,
        warnings=warnings,
    )


def _field(value: str | None) -> str | None:
    """A metadata value as stored: cleaned like the text, on one line, None when nothing is left."""
    if not value:
        return None
    return " ".join(clean_text(value).split()) or None


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
