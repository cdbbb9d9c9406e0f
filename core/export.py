"""Markdown briefs: pinned items, or a whole (filtered) briefing, written to a file."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from briefing.core.date_values import day_label
from briefing.core.errors import BriefingError
from briefing.core.locations import export_dir
from briefing.core.store.rows import EventRow, QuoteRow, Source, TimelineEntry
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
    """The brief as Markdown: sources, quotes grouped by speaker, and the timeline."""
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
        for q in quotes:
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
            lines.append("")
    if entries is None and events:
        entries = _entries(events)
    if entries:
        lines += ["## Timeline", ""]
        for entry in entries:
            label = day_label(entry.value) if entry.granularity == "day" else entry.value
            flag = " ⚠ sources disagree" if entry.disagreements else ""
            lines.append(f"- **{label}** ({', '.join(_md(o) for o in entry.outlets)}){flag}")
            for event in entry.events:
                lines.append(f"  - {_md(event.sentence)} — {_md(event.label)}")
            for note_text in entry.disagreements:
                lines.append(f"  - ⚠ {_md(note_text)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


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


def write_brief(markdown: str, path: Path | str | None = None, *, title: str = "briefing") -> Path:
    """Write a brief to `path` (or a new file in the export folder) and return where it went."""
    if path is None:
        folder = export_dir()
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "briefing"
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = folder / f"{slug}-{stamp}.md"
    path = Path(path).expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown, encoding="utf-8")
    except OSError as err:
        raise BriefingError(f"Cannot write the brief to {path}: {err.strerror or err}.") from None
    return path
