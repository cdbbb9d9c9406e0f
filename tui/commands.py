"""The app's own commands in the command palette (ctrl+p): go to a speaker, source or date; columns; export."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from briefing.core.date_values import when_label
from briefing.core.store.reads import list_speakers
from briefing.core.textsafe import terminal_safe
from briefing.tui.text import one_line, short_day
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


def _display(matcher: Matcher, text: str) -> Content:
    """`text` with the fuzzy-matched letters highlighted, never parsed as markup (names come from articles)."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if not score:
        return content
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class BriefingCommands(Provider):
    """Commands for the open briefing: navigation by speaker, source and date, columns, export, search."""

    async def startup(self) -> None:
        """Read the speakers in a thread; sources and dates come from what the app already shows."""
        app: BriefingApp = self.app  # type: ignore[assignment]
        self.speakers: list[str] = []
        if app.store.is_open:
            try:
                rows = await asyncio.to_thread(app.store.read, list_speakers)
            except Exception:  # a palette without speakers beats an error in the palette
                rows = []
            self.speakers = [row.name for row in rows]

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app: BriefingApp = self.app  # type: ignore[assignment]
        commands: list[tuple[str, Callable[[], object], str]] = [
            ("Change columns…", app.action_choose_columns, "Choose which speakers are shown side by side"),
            ("Export brief", app.action_export, "Write a Markdown brief: pinned items, or what is shown"),
            ("Search quotes and articles", app.action_search, "Open the search box"),
            ("Clear filters", app.clear_filters, "Show the whole briefing again"),
            ("Show help", app.action_help, "Every key binding"),
        ]
        for name in self.speakers:
            commands.append((f"Go to speaker: {terminal_safe(name)}", partial(app.goto_speaker, name), "Show only this speaker's quotes"))
        overview = app.overview
        if overview is not None:
            for source in overview.sources:
                label = f"Go to source: {terminal_safe(source.label)} · {short_day(source.published)} · {one_line(source.title, 60)}"
                commands.append((label, partial(app.goto_source, source.id), "Show only this source's quotes and events"))
            days: dict[str, str] = {}
            for entry in overview.entries:
                if entry.day_first:
                    days.setdefault(entry.day_first, when_label(entry.value, entry.granularity) if entry.granularity == "day" else short_day(entry.day_first))
            for source in overview.sources:
                if source.published:
                    days.setdefault(source.published, when_label(source.published, "day"))
            for day, label in sorted(days.items()):
                commands.append((f"Go to date: {label}", partial(app.goto_day, day), "Show only this day's quotes and events"))
        return commands

    async def discover(self) -> Hits:
        """The general commands, shown before anything is typed."""
        for name, callback, help_text in self._commands()[:5]:
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        """Every command whose name fuzzily matches `query`."""
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _display(matcher, name), callback, text=name, help=help_text)
