"""The top line: the briefing's title and its counts (no clock, so screenshots never vary)."""

from __future__ import annotations

from briefing.core.store.rows import Counts
from briefing.core.textsafe import terminal_safe
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label


class BriefingHeader(Horizontal):
    """Title on the left; sources, quotes, events and pins on the right."""

    def compose(self) -> ComposeResult:
        """Two labels, filled by `update`."""
        yield Label(Text("briefing"), id="header-title")
        yield Label(Text("opening…"), id="header-counts")

    def update(self, title: str, counts: Counts | None, pins: int = 0) -> None:
        """Show the title and counts."""
        self.query_one("#header-title", Label).update(Text(terminal_safe(title) or "briefing"))
        if counts is None:
            self.query_one("#header-counts", Label).update(Text("opening…"))
            return
        parts = [
            _plural(counts.sources, "source"),
            _plural(counts.quotes, "quote"),
            _plural(counts.events, "event"),
        ]
        if pins:
            parts.append(f"★ {pins} pinned")
        self.query_one("#header-counts", Label).update(Text(" · ".join(parts)))

    def not_open(self) -> None:
        """Say the briefing could not be opened (instead of "opening…" for ever)."""
        self.query_one("#header-counts", Label).update(Text("not open"))


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
