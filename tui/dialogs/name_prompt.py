"""A one-line prompt for a speaker's name (merge into whom, rename to what), offering the names the briefing knows."""

from __future__ import annotations

from typing import ClassVar

from briefing.core.textsafe import terminal_safe
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static


class NamePrompt(ModalScreen[str | None], inherit_bindings=False):
    """Ask for a name; enter gives it (right arrow takes the name offered), escape gives None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel"),
    ]
    """Cancel (enter submits the name)."""

    def __init__(self, question: str, value: str = "", names: list[str] | None = None) -> None:
        """`question` above the box, `value` in it, `names` offered as completions while typing."""
        super().__init__()
        self.question = question
        self.value = value
        self.names = names or []

    def compose(self) -> ComposeResult:
        """The question, the box and a hint."""
        with Vertical(id="prompt-box"):
            yield Static(Text(terminal_safe(self.question), style="bold"), id="prompt-question")
            yield Input(
                self.value,
                suggester=SuggestFromList(self.names, case_sensitive=False) if self.names else None,
                id="prompt-input",
            )
            yield Static(Text("enter: done · → takes the name offered · escape: cancel", style="dim"), id="prompt-hint")

    def on_mount(self) -> None:
        """Type straight away."""
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Give the name typed (nothing typed is a cancel)."""
        event.stop()
        self.dismiss(" ".join(event.value.split()) or None)

    def action_cancel(self) -> None:
        """Give no name."""
        self.dismiss(None)
