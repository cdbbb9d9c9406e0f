"""One line under the header saying what the briefing is narrowed to, and how to go back."""

from __future__ import annotations

from briefing.core.textsafe import terminal_safe
from briefing.tui.widgets.one_line import SteadySize, set_text
from rich.text import Text
from textual.widgets import Static


class StatusLine(SteadySize, Static):
    """Shows the active filters and search; hidden when there are none."""

    def show_state(self, filters: list[str], query: str = "", note: str = "") -> None:
        """Describe the filters (already phrased) and the search; hide when empty."""
        parts = list(filters)
        if query.strip():
            parts.append(f"search: {query.strip()}")
        self.display = bool(parts or note)
        text = Text()
        if parts:
            text.append("Showing only ", style="bold")
            text.append(terminal_safe(" · ".join(parts)))
            text.append("   escape: back", style="dim")
        if note:
            text.append(("   " if parts else "") + terminal_safe(note), style="italic")
        set_text(self, text)
