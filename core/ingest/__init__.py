"""Ingest: find article files, decode them, and read each format into ParsedArticle objects."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing.core.ingest.decode import NotText, decode_bytes
from briefing.core.ingest.frontmatter import has_front_matter, parse_front_matter
from briefing.core.ingest.html import parse_html
from briefing.core.ingest.jsonl import parse_jsonl
from briefing.core.ingest.plaintext import parse_plain
from briefing.core.models import FileProblem, ParsedArticle
from briefing.core.settings import SETTINGS_FILE

TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
#: Files larger than this are skipped with a reason rather than read into memory.
MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Candidate:
    """A file found by discovery, with what `stat` said about it."""

    path: str
    size: int
    mtime_ns: int


def discover(paths: list[Path]) -> tuple[list[Candidate], list[FileProblem]]:
    """Every article file under the given files and folders (recursively), sorted by path.

    Hidden files and folders and the settings file are skipped; symbolic links are followed
    once, so a link loop cannot make the walk endless.
    """
    found: dict[str, Candidate] = {}
    problems: list[FileProblem] = []
    seen_dirs: set[tuple[int, int]] = set()
    for root in paths:
        try:
            info = root.stat()
        except OSError as err:
            problems.append(FileProblem(str(root), f"cannot read: {err.strerror or err}"))
            continue
        if root.is_dir():
            _walk(root, found, problems, seen_dirs)
        else:
            found[str(root)] = Candidate(str(root), info.st_size, info.st_mtime_ns)
    return sorted(found.values(), key=lambda c: c.path), problems


def _walk(folder: Path, found: dict, problems: list, seen: set) -> None:
    try:
        info = folder.stat()
    except OSError as err:
        problems.append(FileProblem(str(folder), f"cannot read folder: {err.strerror or err}"))
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return  # a symbolic-link loop, or a folder reached twice
    seen.add(key)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        problems.append(FileProblem(str(folder), f"cannot list folder: {err.strerror or err}"))
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name == SETTINGS_FILE:
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=True):
                _walk(path, found, problems, seen)
            elif entry.is_file(follow_symlinks=True):
                stat = entry.stat(follow_symlinks=True)
                found[str(path)] = Candidate(str(path), stat.st_size, stat.st_mtime_ns)
            elif entry.is_symlink():
                problems.append(FileProblem(str(path), "broken symbolic link"))
        except OSError as err:
            problems.append(FileProblem(str(path), f"cannot read: {err.strerror or err}"))


def read_bytes(path: str) -> bytes:
    """The file's bytes; raise NotText with a reason for unreadable or oversized files."""
    try:
        size = os.stat(path).st_size
        if size > MAX_FILE_BYTES:
            raise NotText(f"too large ({size // (1024 * 1024)} MB; the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)")
        with open(path, "rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise NotText("vanished before it could be read") from None
    except IsADirectoryError:
        raise NotText("is a folder, not a file") from None
    except PermissionError:
        raise NotText("permission denied") from None
    except OSError as err:
        raise NotText(f"cannot read: {err.strerror or err}") from None


def parse_bytes(path: str, data: bytes) -> list[ParsedArticle | FileProblem]:
    """Decode and parse one file's bytes into articles (JSON Lines may give many).

    Never raises for bad content: a file that cannot be read becomes a FileProblem.
    """
    suffix = Path(path).suffix.lower()
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
        if suffix in HTML_SUFFIXES or (suffix not in ARTICLE_SUFFIXES and _looks_like_html(decoded.text)):
            return [parse_html(path, decoded.text)]
        if has_front_matter(decoded.text) or suffix in MARKDOWN_SUFFIXES:
            fmt = "markdown" if suffix in MARKDOWN_SUFFIXES else "text"
            return [parse_front_matter(path, decoded.text, fmt=fmt, warnings=notes)]
        return [parse_plain(path, decoded.text, warnings=notes)]
    except NotText as err:
        return [FileProblem(path, str(err))]
    except RecursionError:
        return [FileProblem(path, "too deeply nested to read")]


def _looks_like_html(text: str) -> bool:
    head = text[:512].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


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
