"""Ingest: find article files, decode them, and read each format into ParsedArticle objects."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefing.core.ingest.decode import NotText, decode_bytes
from briefing.core.ingest.frontmatter import has_front_matter, parse_front_matter
from briefing.core.ingest.html import parse_html
from briefing.core.ingest.jsonl import parse_jsonl
from briefing.core.ingest.plaintext import parse_plain
from briefing.core.models import FileProblem, ParsedArticle
from briefing.core.settings import SETTINGS_FILE

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
#: Only files named so are read: a folder also holds spreadsheets, scripts, images and keys, and
#: a file without an extension is not taken for text.
ARTICLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
#: The article formats, as a sentence names them.
ARTICLE_FORMATS = ".txt, .md, .jsonl and .html"
#: Files larger than this are skipped with a reason rather than read into memory.
MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Candidate:
    """A file found by discovery, with what `stat` said about it."""

    path: str
    size: int
    mtime_ns: int


@dataclass
class Discovery:
    """What discovery found: the article files, what could not be read, and how many other
    files (not an article format) were left out."""

    candidates: list[Candidate] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    left_out: int = 0
    #: Real paths never looked at (the database's own files).
    exclude: frozenset[str] = frozenset()


def is_article_file(path: str | Path) -> bool:
    """True when the file's extension is an article format."""
    return Path(path).suffix.lower() in ARTICLE_SUFFIXES


def discover(paths: list[Path]) -> tuple[list[Candidate], list[FileProblem]]:
    """The article files under the given files and folders, and what could not be read (see `find_articles`)."""
    found = find_articles(paths)
    return found.candidates, found.problems


def find_articles(paths: list[Path], *, exclude: frozenset[str] = frozenset()) -> Discovery:
    """Every article file under the given files and folders (recursively), sorted by path.

    Hidden files and folders and the settings file are skipped; files of other formats are
    counted, not read; symbolic links are followed once, so a link loop cannot make the walk
    endless. A file given by name that is not an article file, and a folder holding none, are
    problems: the user pointed at them. Files whose real path is in `exclude` (the database's
    own) are not looked at at all.
    """
    result = Discovery()
    result.exclude = exclude
    found: dict[str, Candidate] = {}
    seen_dirs: set[tuple[int, int]] = set()
    for root in paths:
        try:
            info = root.stat()
        except OSError as err:
            result.problems.append(FileProblem(str(root), f"cannot read: {err.strerror or err}"))
            continue
        if os.path.realpath(root) in exclude:
            result.problems.append(FileProblem(str(root), "is the briefing database itself, not an article"))
            continue
        if root.is_dir():
            before, left_out = len(found), result.left_out
            _walk(root, found, result, seen_dirs)
            if len(found) == before:
                others = result.left_out - left_out
                reason = f"no article files in this folder (briefing reads {ARTICLE_FORMATS})"
                if others:
                    reason += f"; {others} other file{'s' if others != 1 else ''} left out"
                result.problems.append(FileProblem(str(root), reason))
        elif not is_article_file(root):
            result.problems.append(FileProblem(str(root), f"not an article file (briefing reads {ARTICLE_FORMATS})"))
        else:
            found[str(root)] = Candidate(str(root), info.st_size, info.st_mtime_ns)
    result.candidates = sorted(found.values(), key=lambda c: c.path)
    return result


def _walk(folder: Path, found: dict, result: Discovery, seen: set) -> None:
    problems = result.problems
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
        if result.exclude and os.path.realpath(entry.path) in result.exclude:
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=True):
                _walk(path, found, result, seen)
            elif entry.is_file(follow_symlinks=True):
                if not is_article_file(entry.name):
                    result.left_out += 1
                    continue
                stat = entry.stat(follow_symlinks=True)
                found[str(path)] = Candidate(str(path), stat.st_size, stat.st_mtime_ns)
            elif entry.is_symlink():
                problems.append(FileProblem(str(path), "broken symbolic link"))
            else:
                result.left_out += 1  # a named pipe, a socket, a device: not an article
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
