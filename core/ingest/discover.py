"""Finding the article files the user pointed at: inside the folders given, each real file once."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from briefing.core.models import FileProblem
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
#: Why a file whose name is not UTF-8 is not read.
NOT_UTF8 = "the file name is not valid UTF-8 (shown with �); rename the file to index it"
#: What a symbolic link leading out of the indexed folders is told with.
OUTSIDE_LINK = "a symbolic link to {target}, outside the folder indexed; not followed (--follow-links reads it)"


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


def is_article_file(path: str | Path) -> bool:
    """True when the file's extension is an article format."""
    return Path(path).suffix.lower() in ARTICLE_SUFFIXES


def discover(paths: list[Path]) -> tuple[list[Candidate], list[FileProblem]]:
    """The article files under the given files and folders, and what could not be read (see `find_articles`)."""
    found = find_articles(paths)
    return found.candidates, found.problems


def find_articles(paths: list[Path], *, exclude: frozenset[str] = frozenset(), follow_links: bool = False) -> Discovery:
    """Every article file under the given files and folders (recursively), sorted by path.

    Hidden files and folders and the settings file are skipped; files of other formats are
    counted, not read. Each real file is listed once, under its first path. A symbolic link
    leading inside the folders given is left to the walk, which reaches what it points at; one
    leading outside them is not followed, with a note, unless `follow_links` (then each folder
    is walked once, so a loop cannot make the walk endless). A file given by name that is not
    an article file, and a folder holding none, are problems: the user pointed at them. Files
    whose real path is in `exclude` (the database's own) are not looked at at all.
    """
    walker = _Walker(
        folders=tuple(os.path.realpath(p) for p in paths if p.is_dir()), exclude=exclude, follow_links=follow_links
    )
    for root in paths:
        walker.root(root)
    walker.result.candidates = sorted(walker.found.values(), key=lambda c: c.path)
    return walker.result


def printable_path(path: str) -> str:
    """A path as it can be shown and stored: bytes of a file name that are not UTF-8 become �."""
    return os.fsencode(path).decode("utf-8", "replace") if not _is_utf8(path) else path


def _is_utf8(name: str) -> bool:
    # Python reads a name's bytes that are not UTF-8 as lone surrogates.
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def special_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


@dataclass
class _Walker:
    """One discovery: what it was asked and what it has found so far."""

    folders: tuple[str, ...]
    exclude: frozenset[str]
    follow_links: bool
    result: Discovery = field(default_factory=Discovery)
    #: Candidates by the real file they are (device, inode).
    found: dict[tuple[int, int], Candidate] = field(default_factory=dict)
    seen_dirs: set[tuple[int, int]] = field(default_factory=set)

    def problem(self, path: str | Path, reason: str, *, skipped: bool = True) -> None:
        self.result.problems.append(FileProblem(str(path), reason, skipped=skipped))

    def root(self, root: Path) -> None:
        """A file or folder the user named."""
        if not _is_utf8(str(root)):
            self.problem(printable_path(str(root)), NOT_UTF8)
            return
        try:
            info = root.stat()
        except OSError as err:
            self.problem(root, f"cannot read: {err.strerror or err}")
            return
        if os.path.realpath(root) in self.exclude:
            self.problem(root, "is the briefing database itself, not an article")
            return
        if root.is_dir():
            before, left_out = len(self.found), self.result.left_out
            self.walk(root)
            if len(self.found) == before:
                others = self.result.left_out - left_out
                reason = f"no article files in this folder (briefing reads {ARTICLE_FORMATS})"
                if others:
                    reason += f"; {others} other file{'s' if others != 1 else ''} left out"
                self.problem(root, reason)
        elif not stat.S_ISREG(info.st_mode):
            self.problem(root, f"is {special_kind(info.st_mode)}, not a file; not read")
        elif not is_article_file(root):
            self.problem(root, f"not an article file (briefing reads {ARTICLE_FORMATS})")
        else:
            self.add(root, info)

    def add(self, path: Path, info: os.stat_result) -> None:
        self.found.setdefault((info.st_dev, info.st_ino), Candidate(str(path), info.st_size, info.st_mtime_ns))

    def inside(self, real: str) -> bool:
        """Whether a real path lies in one of the folders given."""
        return any(real == folder or real.startswith(folder.rstrip(os.sep) + os.sep) for folder in self.folders)

    def walk(self, folder: Path) -> None:
        try:
            info = folder.stat()
        except OSError as err:
            self.problem(folder, f"cannot read folder: {err.strerror or err}")
            return
        key = (info.st_dev, info.st_ino)
        if key in self.seen_dirs:
            return  # a symbolic-link loop, or a folder reached twice
        self.seen_dirs.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as err:
            self.problem(folder, f"cannot list folder: {err.strerror or err}")
            return
        for entry in entries:
            if entry.name.startswith(".") or entry.name == SETTINGS_FILE:
                continue
            try:
                self.entry(entry)
            except OSError as err:
                self.problem(entry.path, f"cannot read: {err.strerror or err}")

    def entry(self, entry: os.DirEntry) -> None:
        if not _is_utf8(entry.name):
            # SQLite stores UTF-8 only: such a path cannot be recorded, nor found again.
            self.problem(printable_path(entry.path), NOT_UTF8)
            return
        path = Path(entry.path)
        if entry.is_symlink():
            real = os.path.realpath(entry.path)
            if not os.path.exists(real):
                self.problem(path, "broken symbolic link")
                return
            if self.inside(real):
                return  # the walk reaches what it points at by its own path: each real file once
            if not self.follow_links:
                self.problem(path, OUTSIDE_LINK.format(target=real), skipped=False)
                return
        if self.exclude and os.path.realpath(entry.path) in self.exclude:
            return
        if entry.is_dir(follow_symlinks=True):
            self.walk(path)
        elif entry.is_file(follow_symlinks=True):
            if not is_article_file(entry.name):
                self.result.left_out += 1
                return
            self.add(path, entry.stat(follow_symlinks=True))
        else:
            self.result.left_out += 1  # a named pipe, a socket, a device: not an article
