"""The search box: words as typed (or raw FTS5 syntax), with an inline line for a bad query."""

from __future__ import annotations

from time import monotonic
from typing import ClassVar

from briefing.core.textsafe import terminal_safe
from briefing.tui.widgets.one_line import LineLabel, set_text
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label

#: Keys closer together than this (seconds) are one burst: a paste, or keys sent by a program.
BURST_GAP = 0.05
#: The rest of a burst is searched this long after its first key waiting (seconds; a frame at 60 a second).
BURST_WAIT = 1 / 60


class SearchBar(Vertical):
    """`/` opens it; typing filters the quote columns and lists matching articles."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close search", id="search.close", tooltip="Clear the search and close the box"),
        Binding("ctrl+r", "toggle_raw", "Raw FTS5", id="search.raw",
                tooltip="Switch between words as typed (\"a phrase\" in quotes) and raw FTS5 syntax (AND, OR, NOT, NEAR)"),
        Binding("down", "results", "To results", show=False, id="search.results"),
    ]
    """Close, switch raw mode, go down to the results."""

    class Changed(Message):
        """The query (or raw mode) changed."""

        def __init__(self, bar: SearchBar, query: str, raw: bool) -> None:
            """Carry the bar, the query and whether it is raw FTS5."""
            super().__init__()
            self.bar = bar
            self.query = query
            self.raw = raw

        @property
        def control(self) -> SearchBar:
            """The search bar."""
            return self.bar

    class Closed(Message):
        """The user closed the search (escape)."""

    class Done(Message):
        """The user pressed enter (open the best result) or down (go to the results)."""

        def __init__(self, open_first: bool = False) -> None:
            """`open_first`: enter was pressed, so the best result opens at once."""
            super().__init__()
            self.open_first = open_first

    def __init__(self, *, id: str | None = None) -> None:
        """A hidden, empty search bar."""
        super().__init__(id=id)
        self.raw = False
        #: A change of the box is waiting for the next refresh to be searched.
        self._change_owed = False
        #: When the box last changed (monotonic seconds).
        self._last_change = 0.0

    def compose(self) -> ComposeResult:
        """Prompt, input, mode; the error line below."""
        with Horizontal(id="search-row"):
            yield Label(Text("Search"), id="search-prompt")
            yield Input(placeholder="words in quotes, speakers and articles", compact=True, id="search-input")
            yield LineLabel(Text("words"), id="search-mode")
        yield LineLabel(Text(""), id="search-error")

    @property
    def input(self) -> Input:
        """The text box."""
        return self.query_one("#search-input", Input)

    @property
    def value(self) -> str:
        """The query as typed."""
        return self.input.value

    def open(self) -> None:
        """Show the bar and put the cursor in it."""
        self.display = True
        # Focused at once, so keys that arrived with the / go into the box.
        self.screen.set_focus(self.input)

    def show_error(self, message: str | None) -> None:
        """Show (or clear) the inline message under the box."""
        label = self.query_one("#search-error", Label)
        set_text(label, Text(terminal_safe(message or "")))
        label.display = bool(message)
        self.set_class(bool(message), "-error")

    def show_count(self, message: str) -> None:
        """Show the result count beside the mode."""
        mode = "raw FTS5" if self.raw else "words"
        set_text(self.query_one("#search-mode", Label), Text(f"{message} · {mode}" if message else mode))

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        now = monotonic()
        quiet = now - self._last_change > BURST_GAP
        self._last_change = now
        if self._change_owed:
            return
        if quiet:
            # A key typed on its own is searched at once.
            self._post_change()
            return
        # The rest of a burst (text pasted without bracketed paste, which a terminal delivers as
        # keys) is searched once, as the box holds it a frame later, instead of one search a
        # character. A timer, not the next refresh: while the app holds its frames for a search
        # (tui/frame_hold.py), "after the next refresh" comes at once.
        self._change_owed = True
        self.set_timer(BURST_WAIT, self._post_change)

    def _post_change(self) -> None:
        self._change_owed = False
        self.post_message(self.Changed(self, self.value, self.raw))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done(open_first=True))

    def action_close(self) -> None:
        """Clear and hide the search; raw FTS5 mode ends with it."""
        self.raw = False
        self.show_count("")
        self.input.value = ""
        self.show_error(None)
        self.display = False
        self.post_message(self.Closed())

    def action_toggle_raw(self) -> None:
        """Switch raw FTS5 syntax on or off and search again."""
        self.raw = not self.raw
        self.show_count("")
        self.post_message(self.Changed(self, self.value, self.raw))

    def action_results(self) -> None:
        """Go down to the results."""
        self.post_message(self.Done())
