"""The help screen: every key binding of the app, by where it works, with its id for remapping."""

from __future__ import annotations

from typing import ClassVar

from briefing.tui.screens import FOCUS_BINDINGS
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

#: Marks used on screen, explained at the end of the help.
LEGEND = [
    ("“…”", "a direct quote, word for word"),
    ("reported:", "indirect (reported) speech, in italics"),
    ("⚠ by pronoun", "a weak attribution: the speaker was found from 'he', 'she', a continuation, or not at all"),
    ("also in …", "other sources carry the same statement"),
    ("(inferred)", "the publication date was worked out, not given by the article"),
    ("⚠ sources disagree", "sources give different dates for the same event"),
    ("★", "pinned: goes into the exported brief"),
]


class HelpScreen(ModalScreen[None], inherit_bindings=False):
    """A scrollable list of keys; escape or ? closes it (q still quits)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *FOCUS_BINDINGS,
        Binding("escape,question_mark", "dismiss", "Close help", id="help.close"),
        # A modal screen hides the app's own bindings, so quitting is offered here too.
        Binding("q", "app.quit", "Quit", id="help.quit"),
        Binding("down,j", "scroll('down')", "Scroll down", show=False, id="help.down"),
        Binding("up,k", "scroll('up')", "Scroll up", show=False, id="help.up"),
    ]
    """Close and scroll."""

    def __init__(self, sections: list[tuple[str, list[Binding]]], key_display) -> None:
        """`sections` lists (title, bindings); `key_display(binding)` formats a key."""
        super().__init__()
        self.sections = sections
        self.key_display = key_display

    def compose(self) -> ComposeResult:
        """A titled box with one table per section."""
        with Vertical(id="help-box"):
            yield Static(Text("Keys — escape closes this help", style="bold"), id="help-title")
            with VerticalScroll(id="help-scroll"):
                for title, bindings in self.sections:
                    yield Static(self._table(title, bindings), classes="help-section")
                yield Static(self._legend(), classes="help-section")

    def on_mount(self) -> None:
        """Focus the scrolling area so arrows scroll it."""
        self.query_one("#help-scroll").focus()

    def _table(self, title: str, bindings: list[Binding]) -> Table:
        table = Table(title=Text(title, style="bold"), title_justify="left", show_header=False, box=None, expand=True,
                      padding=(0, 1))
        table.add_column("key", style="bold", no_wrap=True, min_width=12)
        table.add_column("what", ratio=1)
        table.add_column("id", style="dim", no_wrap=True)
        for binding in bindings:
            table.add_row(Text(self.key_display(binding)), Text(binding.tooltip or binding.description), Text(binding.id or ""))
        return table

    def _legend(self) -> Table:
        table = Table(title=Text("Marks", style="bold"), title_justify="left", show_header=False, box=None, expand=True,
                      padding=(0, 1))
        table.add_column("mark", style="bold", no_wrap=True, min_width=12)
        table.add_column("meaning", ratio=1)
        for mark, meaning in LEGEND:
            table.add_row(Text(mark), Text(meaning))
        return table

    def action_scroll(self, direction: str) -> None:
        """Scroll the list of keys."""
        scroll = self.query_one("#help-scroll", VerticalScroll)
        if direction == "down":
            scroll.scroll_down()
        else:
            scroll.scroll_up()
