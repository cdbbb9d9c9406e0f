"""JSON Lines: one article per line (title, text or body, source, url, published, author)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from briefing.core.ingest.dateline import outlet_of, publication, read_front
from briefing.core.ingest.frontmatter import parse_date
from briefing.core.ingest.headline import headline
from briefing.core.models import FileProblem, ParsedArticle
from briefing.core.textsafe import clean_text

TEXT_KEYS = ("text", "body", "content", "article", "maintext")
OUTLET_KEYS = ("source", "outlet", "publisher", "site", "source_domain")
DATE_KEYS = ("published", "date", "date_publish", "published_at", "pubdate", "publish_date")
AUTHOR_KEYS = ("author", "authors", "byline")


def parse_jsonl(path: str, text: str) -> Iterator[ParsedArticle | FileProblem]:
    """Yield an article for every good line and a problem (naming the line) for every bad one."""
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}#{number}"
        try:
            record = json.loads(line)
        except ValueError as err:
            yield FileProblem(path, f"line {number} is not valid JSON ({err.msg}); skipped that line")
            continue
        if not isinstance(record, dict):
            yield FileProblem(path, f"line {number} is not a JSON object; skipped that line")
            continue
        body = next((record[k] for k in TEXT_KEYS if isinstance(record.get(k), str) and record[k].strip()), None)
        if body is None:
            yield FileProblem(path, f"line {number} has no text (expected one of: {', '.join(TEXT_KEYS)}); skipped that line")
            continue
        yield _article(where, clean_text(body), record)


def _article(path: str, body: str, record: dict) -> ParsedArticle:
    front = read_front(body)
    published, source, reason, captured = publication(front)
    given = parse_date(_first(record, DATE_KEYS))
    if given:
        published, source, reason = given, "front-matter", "the record's date field"
    body_end = front.body_end if front.body_end is not None else len(body)
    outlet = _first(record, OUTLET_KEYS)
    if isinstance(outlet, dict):
        outlet = outlet.get("name") or outlet.get("title")
    author = _first(record, AUTHOR_KEYS)
    if isinstance(author, list):
        author = ", ".join(str(a) for a in author if a)
    title = _first(record, ("title", "headline"))
    return ParsedArticle(
        path=path,
        text=body,
        body_start=front.body_start,
        body_end=body_end,
        outlet=_clean(outlet) or outlet_of(front),
        title=headline(_clean(title), _clean(record.get("url") or record.get("link")), body[front.body_start : body_end]),
        byline=_clean(author) or front.byline,
        place=_clean(record.get("place") or record.get("dateline")) or front.place,
        url=_clean(record.get("url") or record.get("link")),
        published=published,
        published_source=source,
        published_reason=reason,
        captured=captured,
        copyright_year=front.copyright_year,
        format="jsonl",
    )


def _first(record: dict, keys: tuple[str, ...]):
    for key in keys:
        if record.get(key) not in (None, ""):
            return record[key]
    return None


def _clean(value) -> str | None:
    if value is None:
        return None
    return " ".join(clean_text(str(value)).split()) or None
