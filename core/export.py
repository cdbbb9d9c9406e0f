"""Markdown briefs: pinned items, or a whole (filtered) briefing, written to a file."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from briefing.core.date_values import day_label, when_label
from briefing.core.errors import BriefingError
from briefing.core.locations import export_dir
from briefing.core.store.rows import EventRow, QuoteRow, Source, TimelineEntry, timeline_sections
from briefing.core.textsafe import terminal_safe, web_address


def _md(text: str | None) -> str:
    """Article text made inert in Markdown: no HTML, links or emphasis from the article."""
    text = " ".join(terminal_safe(text or "").split())
    return re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", text)


@dataclass(frozen=True)
class BriefContent:
    """What a brief holds before its sources are read: quotes, the timeline or events, a note,
    and the ids of the sources to list."""

    title: str
    quotes: list[QuoteRow]
    source_ids: list[int]
    entries: list[TimelineEntry] | None = None
    events: list[EventRow] | None = None
    note: str = ""
    #: True for the pinned items, False for what was on screen.
    pinned: bool = False

    @property
    def event_count(self) -> int:
        """How many events the brief lists."""
        if self.events is not None:
            return len(self.events)
        return sum(len(entry.events) for entry in self.entries or [])

    def render(self, sources: list[Source]) -> str:
        """The brief as Markdown, with these sources (see `render_brief`)."""
        return render_brief(
            self.title, sources=sources, quotes=self.quotes, entries=self.entries, events=self.events, note=self.note
        )


def brief_of_pins(title: str, items: list[QuoteRow | EventRow]) -> BriefContent:
    """A brief of pinned quotes and events, with the sources they come from."""
    return BriefContent(
        title,
        quotes=[item for item in items if isinstance(item, QuoteRow)],
        events=[item for item in items if isinstance(item, EventRow)],
        source_ids=sorted({item.article_id for item in items}),
        note=f"{len(items)} pinned item(s)",
        pinned=True,
    )


def brief_of_view(
    title: str,
    columns: list[list[QuoteRow]],
    entries: list[TimelineEntry],
    *,
    source_id: int | None = None,
    narrowed_to: list[str] | None = None,
) -> BriefContent:
    """A brief of what is on screen: the quotes of the columns (each once) and the timeline.

    Its sources are the chosen one (`source_id`), else those of the quotes and events;
    `narrowed_to` says what the screen was narrowed to ('source: AP', 'search: pogrom').
    """
    seen: set[int] = set()
    quotes = []
    for rows in columns:
        for quote in rows:
            if quote.id not in seen:
                seen.add(quote.id)
                quotes.append(quote)
    if source_id is not None:
        used = [source_id]
    else:
        used = sorted({q.article_id for q in quotes} | {e.article_id for entry in entries for e in entry.events})
    note = ("Showing only " + " · ".join(narrowed_to)) if narrowed_to else ""
    return BriefContent(title, quotes=quotes, entries=entries, source_ids=used, note=note)


def render_brief(
    title: str,
    *,
    sources: list[Source],
    quotes: list[QuoteRow],
    entries: list[TimelineEntry] | None = None,
    events: list[EventRow] | None = None,
    note: str = "",
) -> str:
    """The brief as Markdown: sources, quotes grouped by speaker, the background dates and the timeline."""
    lines = [f"# {_md(title)}", ""]
    if note:
        lines += [f"_{_md(note)}_", ""]
    links = {s.id: web_address(s.url) for s in sources}
    if sources:
        lines += ["## Sources", ""]
        for s in sources:
            date = s.published or "undated"
            if s.inferred:
                date += " (inferred)"
            place = f", {_md(s.place)}" if s.place else ""
            lines.append(f"- **{_md(s.label)}** — {date}{place}: {_linked(_md(s.title) or ('link' if links[s.id] else ''), links[s.id])}")
        lines.append("")
    if quotes:
        lines += ["## Quotes", ""]
        by_speaker: dict[str, list[QuoteRow]] = {}
        # A fragment is its statement's words: listed with the statement when that is here, not twice.
        carried = {f.id for q in quotes for f in q.fragments}
        for q in quotes:
            if q.id not in carried:
                by_speaker.setdefault(q.speaker or "Unknown speaker", []).append(q)
        for speaker, items in by_speaker.items():
            group = items[0].group
            lines += [f"### {_md(speaker)}" + (f" ({_md(group)})" if group and group != speaker else ""), ""]
            for q in items:
                text = f"“{_md(q.text)}”" if q.kind == "direct" else _md(q.text)
                weak = f" _(attribution: {q.attribution})_" if q.weak else ""
                also = f" Also in {', '.join(_md(o) for o in q.also_in)}." if q.also_in else ""
                lines.append(
                    f"- {text} — {_md(q.speaker_as_written or q.speaker)}, {_md(q.cue)} "
                    f"({_linked(_md(q.label), links.get(q.article_id))}, {q.published or 'undated'}){weak}{also}"
                )
                lines += _fragment_lines(q)
            lines.append("")
    if entries is None and events:
        entries = _entries(events)
    background, story = timeline_sections(entries or [])
    for heading, section in (("Background", background), ("Timeline", story)):
        if section:
            lines += [f"## {heading}", ""]
            if section is background:
                lines += ["_Dates long before the story._", ""]
            lines += _timeline_lines(section)
    return "\n".join(lines).rstrip() + "\n"


def _fragment_lines(quote: QuoteRow) -> list[str]:
    """The statement's fragments whose words its text does not hold (those it holds are there in
    their quote marks), each as the speaker's exact words under it."""
    shown = " ".join(terminal_safe(quote.text).split())
    lines = []
    for fragment in quote.fragments:
        words = " ".join(terminal_safe(fragment.text).split())
        if words and words not in shown:
            lines.append(f"  - exact words: “{_md(words)}”")
    return lines


def _timeline_lines(entries: list[TimelineEntry]) -> list[str]:
    """Each date in words with its sources, then its events (marked when not yet come or only
    offered) and the notes where sources disagree."""
    lines = []
    for entry in entries:
        label = when_label(entry.value, entry.granularity)
        mark = f" _{entry.role_mark}_" if entry.role_mark else ""
        flag = " ⚠ sources disagree" if entry.disagreements else ""
        lines.append(f"- **{label}**{mark} ({', '.join(_md(o) for o in entry.outlets)}){flag}")
        for event in entry.events:
            role = f"_{event.role_mark}:_ " if event.role_mark else ""
            lines.append(f"  - {role}{_md(event.sentence)} — {_md(event.label)}")
        for note_text in entry.disagreements:
            lines.append(f"  - ⚠ {_md(note_text)}")
    lines.append("")
    return lines
def _linked(text: str, url: str | None) -> str:
    """Markdown `text` as a link to `url` (a `web_address`, so it cannot end the link early), or as it is."""
    return f"[{text}]({url})" if url and text else text


def quote_citation(quote: QuoteRow, url: str | None = None) -> str:
    """A quote as plain text with its citation, for the clipboard: the words, who said them
    (and how weakly we know), the outlet, the date and the article's web address."""
    words = " ".join(terminal_safe(quote.text).split())
    if quote.kind == "direct" and words[:1] not in "\"“„«‘'‹":
        words = f"“{words}”"
    elif quote.kind != "direct":
        words = f"{words} (reported speech)"
    speaker = terminal_safe(quote.speaker) or "unknown speaker"
    if quote.weak:
        speaker += f" (attributed by {quote.attribution})"
    parts = [speaker, terminal_safe(quote.label), day_label(quote.published, weekday=False)]
    address = web_address(url)
    if address:
        parts.append(address)
    return f"{words} — {', '.join(parts)}"


def _entries(events: list[EventRow]) -> list[TimelineEntry]:
    grouped: dict[str, TimelineEntry] = {}
    for e in events:
        grouped.setdefault(e.value, TimelineEntry(e.value, e.granularity, e.day_first)).events.append(e)
    return sorted(grouped.values(), key=lambda t: (t.day_first or "9999", t.value))


#: Longest the title part of a brief's default file name gets (a file name has 255 bytes at most).
SLUG_CHARS = 60
#: Files a brief is never written over, whatever is asked: the database and what SQLite keeps beside it.
DATABASE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def write_brief(
    markdown: str,
    path: Path | str | None = None,
    *,
    title: str = "briefing",
    force: bool = False,
    database: Path | str | None = None,
) -> Path:
    """Write a brief and return where it went; nothing is overwritten unless asked, nothing half-written.

    With no `path`, a new file in the export folder named after the title and the time, made
    unique (two exports in one second get two files). An existing `path` is refused unless
    `force`; the `database` (and its -wal, -shm) never, even with `force`. The brief is written to
    a temporary file beside the target and renamed over it, so a full disk or a kill leaves the
    old file whole; a symbolic link at `path` is replaced, never written through.
    """
    if path is None:
        return _write_new(markdown, export_dir(), _slug(title))
    path = Path(path).expanduser()
    if database is not None and _is_database(path, Path(database)):
        raise BriefingError(f"{path} is the briefing database; the brief was not written. Choose another --out.")
    if path.is_dir():
        raise BriefingError(f"{path} is a folder; give a file name with --out.")
    if not force and (path.exists() or path.is_symlink()):
        raise BriefingError(f"{path} already exists; the brief was not written. Choose another --out, or add --force to replace it.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = _written_beside(markdown, path)
        os.replace(temporary, path)
    except OSError as err:
        raise BriefingError(f"Cannot write the brief to {path}: {err.strerror or err}; nothing was changed there.") from None
    return path


def _slug(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    if len(slug) > SLUG_CHARS:
        slug = slug[:SLUG_CHARS].rsplit("-", 1)[0] or slug[:SLUG_CHARS]
    return slug or "briefing"


def _is_database(path: Path, database: Path) -> bool:
    target = os.path.realpath(path)
    own = os.path.realpath(database)
    return any(target == own + suffix for suffix in DATABASE_SUFFIXES)


def _written_beside(markdown: str, path: Path) -> str:
    """The brief in a new temporary file in `path`'s folder, on disk; its name."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:100]}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(markdown)
            file.flush()
            os.fsync(file.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def _write_new(markdown: str, folder: Path, slug: str) -> Path:
    """The brief under a name no file has yet in `folder`: the whole file appears at once, or none."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = _written_beside(markdown, folder / f"{slug}.md")
    except OSError as err:
        raise BriefingError(f"Cannot write the brief in {folder}: {err.strerror or err}.") from None
    try:
        for attempt in range(1, 1000):
            path = folder / (f"{slug}-{stamp}.md" if attempt == 1 else f"{slug}-{stamp}-{attempt}.md")
            try:
                # A hard link fails when the name is taken: no other export's file is ever replaced.
                os.link(temporary, path)
                return path
            except FileExistsError:
                continue
        raise BriefingError(f"Cannot find a free file name for the brief in {folder}.")
    except OSError as err:
        raise BriefingError(f"Cannot write the brief in {folder}: {err.strerror or err}.") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
