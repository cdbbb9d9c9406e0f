"""HTML pages: the article text and metadata taken out by trafilatura (the `html` extra)."""

from __future__ import annotations

from briefing.core.ingest.dateline import outlet_of, publication, read_front
from briefing.core.ingest.decode import NotText
from briefing.core.ingest.frontmatter import parse_date
from briefing.core.ingest.headline import headline
from briefing.core.models import ParsedArticle
from briefing.core.textsafe import clean_text


def parse_html(path: str, html: str) -> ParsedArticle:
    """Extract the main text of a news page; raise NotText when there is none."""
    try:
        import trafilatura
    except ModuleNotFoundError as err:
        if err.name != "trafilatura":
            raise NotText(f"the HTML extractor is installed but cannot load: {err}") from None
        raise NotText("HTML needs the optional extractor: pip install 'briefing[html]'") from None
    except ImportError as err:  # installed, but one of its own imports is broken
        raise NotText(f"the HTML extractor is installed but cannot load: {err}") from None
    try:
        doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False, with_metadata=True)
    except Exception as err:  # trafilatura raises many types on broken markup
        raise NotText(f"HTML could not be read ({type(err).__name__})") from None
    if doc is None:
        raise NotText("HTML page has no article text")
    data = doc if isinstance(doc, dict) else doc.as_dict()
    body = clean_text(data.get("text") or "")
    if not body.strip():
        raise NotText("HTML page has no article text")
    front = read_front(body)
    published, source, reason, captured = publication(front)
    given = parse_date(data.get("date"))
    if given:
        published, source, reason = given, "front-matter", "the page's metadata"
    body_end = front.body_end if front.body_end is not None else len(body)
    return ParsedArticle(
        path=path,
        text=body,
        body_start=front.body_start,
        body_end=body_end,
        outlet=_clean(data.get("sitename")) or outlet_of(front),
        title=headline(_clean(data.get("title")), _clean(data.get("url")), body[front.body_start : body_end]),
        byline=_clean(data.get("author")) or front.byline,
        place=front.place,
        url=_clean(data.get("url")),
        published=published,
        published_source=source,
        published_reason=reason,
        captured=captured,
        copyright_year=front.copyright_year,
        format="html",
    )


def _clean(value) -> str | None:
    if not value:
        return None
    return " ".join(clean_text(str(value)).split()) or None
