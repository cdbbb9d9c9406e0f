"""Markdown or text with YAML front matter between `---` lines."""

from __future__ import annotations

import datetime as dt
import re

import yaml
from briefing.core.ingest.dateline import read_front
from briefing.core.ingest.decode import NotText
from briefing.core.ingest.headline import headline, shorten
from briefing.core.ingest.plaintext import article_from_front
from briefing.core.models import ParsedArticle
from dateutil import parser as dateparser

# libyaml's safe loader when PyYAML was built with it (the wheels are): the same documents,
# several times faster than the pure-Python one.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FrontLoader(_BASE_LOADER):
    """The safe loader, but a value it cannot build (a 30 February, an hour 25, an integer of
    thousands of digits) stays the text it was written as, instead of failing the whole block."""


def _as_written_on_failure(build):
    def construct(loader, node):
        try:
            return build(loader, node)
        except (ValueError, OverflowError):
            return str(node.value)

    return construct


for _tag in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
    _FrontLoader.add_constructor(_tag, _as_written_on_failure(_BASE_LOADER.yaml_constructors[_tag]))
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
    """Metadata from front matter, then from the body's own dateline and footer.

    The front matter is metadata, not article text: the article's text begins after it, so it
    is never searched, shown or quoted, and every offset counts from there.
    """
    match = _FRONT.match(text)
    meta: dict = {}
    notes = list(warnings)
    if match:
        block = match.group("yaml")
        try:
            loaded = yaml.load(block, Loader=_FrontLoader)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            # libyaml puts an error found at the end of the block past its last line (on the
            # closing ---): name the block's last line, as the pure-Python loader does.
            where = f" (line {min(mark.line, block.count(chr(10))) + 2})" if mark else ""
            notes.append(f"front matter is not valid YAML{where}; read the text without it")
            loaded = None
        except (ValueError, TypeError, RecursionError) as err:
            # Whatever else a block can make the loader raise is this file's note, never the run's end.
            notes.append(f"front matter could not be read ({type(err).__name__}); read the text without it")
            loaded = None
        if isinstance(loaded, dict):
            # Only plain keys are looked up; a key that is itself a list is never turned into text.
            meta = {k.lower(): v for k, v in loaded.items() if isinstance(k, str)}
        elif loaded is not None:
            notes.append("front matter is not a mapping of keys; ignored")
        text = text[_skip_blank(text, match.end()) :]
        if not text.strip():
            raise NotText("has front matter but no article text")
    start = 0
    heading = _HEADING.match(text, start)
    title_from_heading = None
    if heading:
        title_from_heading = heading.group("title").strip().strip("#").strip()
        start = heading.end()
    front = read_front(text, _skip_blank(text, start))
    given, date_note = read_date(_first(meta, "published"), "front matter's date")
    if date_note:
        notes.append(date_note)
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


#: Values a metadata field is read from: one scalar. A list or mapping is never turned into
#: text whole (YAML aliases let a few hundred bytes name billions of nested items).
_SCALARS = (str, int, float, dt.date)
#: Most authors read from a list of them.
MAX_AUTHORS = 20


def _text(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if not isinstance(value, _SCALARS) or isinstance(value, bool):
        return None
    return " ".join(str(value).split()) or None


def _author(value) -> str | None:
    if isinstance(value, list):
        names = [_text(v) for v in value[:MAX_AUTHORS]]
        return ", ".join(n for n in names if n) or None
    return _text(value)


def read_date(value, field: str = "date") -> tuple[str | None, str | None]:
    """The ISO day a metadata date names, and a note when it names none.

    A YAML date or datetime, or a date string in any common format, as long as it gives the
    year, the month and the day: a partial date ("2023", "May 2023", "Monday") is never
    completed from today's date, so it gives no day and says so (the date is then inferred).
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), None
    if isinstance(value, dt.date):
        return value.isoformat(), None
    if not isinstance(value, _SCALARS) or isinstance(value, bool):
        return None, f"the {field} is not a date; the publication date is inferred"
    written = " ".join(str(value).split())
    shown = written if len(written) <= 40 else written[:39] + "…"
    try:
        # Parsed against two defaults that differ in every part: a part the text does not
        # give comes out differently, and such a date is not a whole day.
        first, second = (dateparser.parse(written, default=default, fuzzy=False) for default in _DEFAULTS)
    except (ValueError, OverflowError, TypeError):
        return None, f"the {field} {shown!r} is not a date; the publication date is inferred"
    if first.date() != second.date():
        return None, f"the {field} {shown!r} names no single day; the publication date is inferred"
    return first.date().isoformat(), None


_DEFAULTS = (dt.datetime(2000, 1, 1), dt.datetime(2004, 2, 2))


def parse_date(value) -> str | None:
    """The ISO day a metadata date names in full, else None (see `read_date`)."""
    return read_date(value)[0]
