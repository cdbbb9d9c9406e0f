"""Ingest: find article files, decode them, and read each format into ParsedArticle objects."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from briefing.core.ingest.decode import NotText, decode_bytes
from briefing.core.ingest.discover import (
    ARTICLE_FORMATS,
    ARTICLE_SUFFIXES,
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    MARKDOWN_SUFFIXES,
    Candidate,
    Discovery,
    discover,
    find_articles,
    is_article_file,
    special_kind,
)
from briefing.core.ingest.frontmatter import has_front_matter, parse_front_matter
from briefing.core.ingest.html import parse_html
from briefing.core.ingest.jsonl import parse_jsonl
from briefing.core.ingest.plaintext import parse_plain
from briefing.core.models import FileProblem, ParsedArticle

__all__ = [
    "ARTICLE_FORMATS", "ARTICLE_SUFFIXES", "Candidate", "Discovery", "MAX_FILE_BYTES", "READ_VERSION", "articles_in", "discover",
    "find_articles", "is_article_file", "parse_bytes", "parse_file", "read_bytes",
]

#: Bumped when reading a file gives a different article (what the text holds, which fields are
#: read): part of the pipeline version, so the next index run reads every file again and fixes
#: rows an older reader wrote (2: front matter is no longer part of the text).
READ_VERSION = 2
#: Files larger than this are skipped with a reason rather than read into memory.
MAX_FILE_BYTES = 64 * 1024 * 1024


def read_bytes(path: str) -> bytes:
    """The file's bytes; raise NotText with a reason for unreadable, oversized or special files.

    Opened without blocking and checked to be a regular file before a byte is read: a named
    pipe or a device given as a path is refused at once instead of waiting forever.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise NotText("vanished before it could be read") from None
    except IsADirectoryError:
        raise NotText("is a folder, not a file") from None
    except PermissionError:
        raise NotText("permission denied") from None
    except OSError as err:
        raise NotText(f"cannot read: {err.strerror or err}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise NotText("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise NotText(f"is {special_kind(info.st_mode)}, not a file; not read")
        if info.st_size > MAX_FILE_BYTES:
            size, limit = info.st_size // (1024 * 1024), MAX_FILE_BYTES // (1024 * 1024)
            raise NotText(f"too large ({size} MB; the limit is {limit} MB)")
        try:
            return handle.read(MAX_FILE_BYTES + 1)
        except OSError as err:
            raise NotText(f"cannot read: {err.strerror or err}") from None


def parse_bytes(path: str, data: bytes) -> list[ParsedArticle | FileProblem]:
    """Decode and parse one file's bytes into articles (JSON Lines may give many).

    Never raises for bad content: a file that cannot be read becomes a FileProblem.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        return [FileProblem(path, f"not an article file (briefing reads {ARTICLE_FORMATS})")]
    try:
        decoded = decode_bytes(data)
    except NotText as err:
        return [FileProblem(path, str(err))]
    notes = tuple(decoded.warnings)
    try:
        if suffix in JSONL_SUFFIXES:
            results: list[ParsedArticle | FileProblem] = list(parse_jsonl(path, decoded.text))
            if notes:
                results.append(FileProblem(path, "; ".join(notes), skipped=False))
            return results or [FileProblem(path, "no articles in this JSON Lines file")]
        if suffix in HTML_SUFFIXES:
            return [parse_html(path, decoded.text)]
        if has_front_matter(decoded.text) or suffix in MARKDOWN_SUFFIXES:
            fmt = "markdown" if suffix in MARKDOWN_SUFFIXES else "text"
            return [parse_front_matter(path, decoded.text, fmt=fmt, warnings=notes)]
        return [parse_plain(path, decoded.text, warnings=notes)]
    except NotText as err:
        return [FileProblem(path, str(err))]
    except RecursionError:
        return [FileProblem(path, "too deeply nested to read")]


def parse_file(path: str | Path) -> list[ParsedArticle | FileProblem]:
    """Read and parse one file; problems are returned, never raised."""
    path = str(path)
    try:
        return parse_bytes(path, read_bytes(path))
    except NotText as err:
        return [FileProblem(path, str(err))]


def articles_in(path: str | Path) -> Iterator[ParsedArticle]:
    """Just the articles of one file (for scripts and tests)."""
    for item in parse_file(path):
        if isinstance(item, ParsedArticle):
            yield item
