"""HTML pages: the article text and metadata taken out by trafilatura (the `html` extra)."""

from __future__ import annotations

from briefing.core.ingest.dateline import read_front
from briefing.core.ingest.decode import NotText
from briefing.core.ingest.frontmatter import read_date
from briefing.core.ingest.plaintext import article_from_front
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
    given, date_note = read_date(data.get("date"), "page's date")
    return article_from_front(
        path,
        body,
        read_front(body),
        fmt="html",
        title=_clean(data.get("title")),
        outlet=_clean(data.get("sitename")),
        byline=_clean(data.get("author")),
        url=_clean(data.get("url")),
        dated=(given, "the page's metadata") if given else None,
        warnings=(date_note,) if date_note else (),
    )


def _clean(value) -> str | None:
    if not value:
        return None
    return " ".join(clean_text(str(value)).split()) or None
