"""Markdown or text with YAML front matter between `---` lines."""

from __future__ import annotations

import datetime as dt
import re

import yaml
from briefing.core.ingest.dateline import read_front
from briefing.core.ingest.headline import headline, shorten
from briefing.core.ingest.plaintext import article_from_front
from briefing.core.models import ParsedArticle
from dateutil import parser as dateparser

# libyaml's safe loader when PyYAML was built with it (the wheels are): the same documents,
# several times faster than the pure-Python one.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"[ \t]*#[ \t]+(?P<title>[^\n]+)\n")

#: Front-matter keys accepted for each field, in order of preference.
KEYS = {
    "title": ("title", "headline"),
    "outlet": ("source", "outlet", "publisher", "site", "site_name", "sitename", "publication"),
    "url": ("url", "link", "canonical_url", "source_url"),
    "published": ("published", "date", "pubdate", "published_at", "publish_date", "datePublished"),
    "author": ("author", "authors", "byline", "by"),
    "place": ("place", "dateline", "location"),
}


def has_front_matter(text: str) -> bool:
    """True when the text opens with a `---` front-matter block."""
    return bool(_FRONT.match(text))


def parse_front_matter(path: str, text: str, *, fmt: str = "markdown", warnings: tuple[str, ...] = ()) -> ParsedArticle:
    """Metadata from front matter, then from the body's own dateline and footer."""
    match = _FRONT.match(text)
    meta: dict = {}
    notes = list(warnings)
    start = 0
    if match:
        start = match.end()
        block = match.group("yaml")
        try:
            loaded = yaml.load(block, Loader=_SAFE_LOADER)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            # libyaml puts an error found at the end of the block past its last line (on the
            # closing ---): name the block's last line, as the pure-Python loader does.
            where = f" (line {min(mark.line, block.count(chr(10))) + 2})" if mark else ""
            notes.append(f"front matter is not valid YAML{where}; read the text without it")
            loaded = None
        if isinstance(loaded, dict):
            meta = {str(k).lower(): v for k, v in loaded.items()}
        elif loaded is not None:
            notes.append("front matter is not a mapping of keys; ignored")
    heading = _HEADING.match(text, _skip_blank(text, start))
    title_from_heading = None
    if heading:
        title_from_heading = heading.group("title").strip().strip("#").strip()
        start = heading.end()
    front = read_front(text, _skip_blank(text, start))
    given = _date(_first(meta, "published"))
    title = headline(_text(_first(meta, "title")) or title_from_heading, _text(_first(meta, "url")), text[front.body_start : front.body_end])
    return article_from_front(
        path,
        text,
        front,
        fmt=fmt,
        title=shorten(" ".join(title.split()), 200) if title else None,
        outlet=_text(_first(meta, "outlet")),
        byline=_author(_first(meta, "author")),
        place=_text(_first(meta, "place")),
        url=_text(_first(meta, "url")),
        dated=(given, "front matter") if given else None,
        undated_reason=None if _first(meta, "published") is None else f"the front matter's date '{_text(_first(meta, 'published'))}' names no day",
        warnings=tuple(notes),
    )


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def _first(meta: dict, field: str):
    for key in KEYS[field]:
        value = meta.get(key.lower())
        if value not in (None, ""):
            return value
    return None


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    return " ".join(str(value).split()) or None


def _author(value) -> str | None:
    if isinstance(value, list):
        names = [_text(v) for v in value]
        return ", ".join(n for n in names if n) or None
    return _text(value)


def _date(value) -> str | None:
    """An ISO day from a YAML date, datetime, or a date string in any common format.

    A date without its day ("2023-09", "September 2023") is no day: None, never a day made up
    from today's.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    try:
        # Two different defaults: a field the string lacks comes out different.
        first = dateparser.parse(text, fuzzy=False, default=dt.datetime(2000, 1, 1))
        second = dateparser.parse(text, fuzzy=False, default=dt.datetime(2001, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return None
    if first.date() != second.date():
        return None
    return first.date().isoformat()


parse_date = _date
