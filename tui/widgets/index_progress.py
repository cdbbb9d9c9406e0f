"""The indexing banner: what is being read and a progress bar, shown while the briefing is built."""

from __future__ import annotations

from pathlib import Path

from briefing.core.textsafe import terminal_safe
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class IndexProgress(Horizontal):
    """A label and a progress bar; hidden once indexing is over."""

    def compose(self) -> ComposeResult:
        """Label and bar."""
        yield Label(Text("Opening the briefing…"), id="index-label")
        yield ProgressBar(total=None, show_eta=False, id="index-bar")

    def start(self, message: str) -> None:
        """Show the banner with a message and an indeterminate bar."""
        self.display = True
        self.query_one("#index-label", Label).update(Text(message))

    def advance(self, done: int, total: int, path: str) -> None:
        """Show progress through the files."""
        self.display = True
        name = terminal_safe(Path(path).name)[:40]
        self.query_one("#index-label", Label).update(Text(f"Indexing {done}/{total} {name}"))
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)

    def finish(self) -> None:
        """Hide the banner (and stop the indeterminate bar's animation timer)."""
        self.display = False
        self.query_one(ProgressBar).update(total=1, progress=1)
