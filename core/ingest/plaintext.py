"""Plain-text news articles: header line, dateline, byline, body, copyright footer."""

from __future__ import annotations

from briefing.core.ingest.dateline import Front, outlet_of, publication, read_front
from briefing.core.ingest.headline import TITLE_LENGTH, headline, shorten, title_from_body
from briefing.core.models import ParsedArticle
from briefing.core.textsafe import clean_text

# Kept importable from here: the headline rules live in ingest.headline.
__all__ = ["TITLE_LENGTH", "article_from_front", "parse_plain", "shorten", "title_from_body"]


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
    undated_reason: str | None = None,
    warnings: tuple[str, ...] = (),
) -> ParsedArticle:
    """The article a text is, from what its file says about it and, for the rest, its own head and foot.

    Every reader ends here: a field its file's metadata gives (front matter, a JSON record, a
    page's tags) wins; otherwise the text's dateline, byline and footer (`front`) say it, and
    the address's slug or the first sentence is the title. `dated` is the metadata's date and
    where it came from; `undated_reason` says why a date the metadata gives names no day.
    Each field is cleaned here, on the way in, as the text was: one line, no escape sequences,
    control characters or bidi overrides, whoever reads the database later.
    """
    title, outlet, byline, place, url = (_field(value) for value in (title, outlet, byline, place, url))
    published, source, reason, captured = publication(front)
    if dated:
        (published, reason), source = dated, "front-matter"
    elif published is None and undated_reason:
        reason = undated_reason
    body_end = front.body_end if front.body_end is not None else len(text)
    return ParsedArticle(
        path=path,
        text=text,
        body_start=front.body_start,
        body_end=body_end,
        outlet=outlet or outlet_of(front),
        title=headline(title, url, text[front.body_start : body_end]),
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
