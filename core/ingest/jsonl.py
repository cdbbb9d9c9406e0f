"""JSON Lines: one article per line (title, text or body, source, url, published, author)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from briefing.core.ingest.dateline import read_front
from briefing.core.ingest.frontmatter import read_date
from briefing.core.ingest.plaintext import article_from_front
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
            record = json.loads(line, parse_int=_number, parse_float=_number)
        except RecursionError:
            yield FileProblem(path, f"line {number} is nested too deeply to read; skipped that line")
            continue
        except ValueError as err:
            reason = getattr(err, "msg", None) or "not JSON"
            yield FileProblem(path, f"line {number} is not valid JSON ({reason}); skipped that line")
            continue
        if not isinstance(record, dict):
            yield FileProblem(path, f"line {number} is not a JSON object; skipped that line")
            continue
        body = next((record[k] for k in TEXT_KEYS if isinstance(record.get(k), str) and record[k].strip()), None)
        if body is None:
            yield FileProblem(path, f"line {number} has no text (expected one of: {', '.join(TEXT_KEYS)}); skipped that line")
            continue
        yield _article(where, clean_text(body), record)


def _number(text: str) -> int | float | str:
    """A JSON number as Python reads it, or as written when it is too long to convert (Python
    refuses integers of thousands of digits): no field the reader uses is such a number."""
    try:
        return float(text) if any(c in text for c in ".eE") else int(text)
    except ValueError:
        return text


def _article(path: str, body: str, record: dict) -> ParsedArticle:
    given, date_note = read_date(_first(record, DATE_KEYS), "record's date")
    outlet = _first(record, OUTLET_KEYS)
    if isinstance(outlet, dict):
        outlet = outlet.get("name") or outlet.get("title")
    author = _first(record, AUTHOR_KEYS)
    if isinstance(author, list):
        author = ", ".join(str(a) for a in author if a)
    title = _first(record, ("title", "headline"))
    return article_from_front(
        path,
        body,
        read_front(body),
        fmt="jsonl",
        title=_clean(title),
        outlet=_clean(outlet),
        byline=_clean(author),
        place=_clean(record.get("place") or record.get("dateline")),
        url=_clean(record.get("url") or record.get("link")),
        dated=(given, "the record's date field") if given else None,
        warnings=(date_note,) if date_note else (),
    )


def _first(record: dict, keys: tuple[str, ...]):
    for key in keys:
        if record.get(key) not in (None, ""):
            return record[key]
    return None


def _clean(value) -> str | None:
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    return " ".join(clean_text(str(value)).split()) or None
