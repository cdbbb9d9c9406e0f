"""Screens of the briefing app: the main board and the article reader (dialogs over them are in tui/dialogs)."""

from __future__ import annotations

from textual.binding import Binding

#: Focus movement for every screen; declared here (with ids) because our screens do not inherit
#: Textual's unnamed defaults.
FOCUS_BINDINGS = [
    Binding("tab", "app.focus_next", "Next pane", show=False, id="focus_next"),
    Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, id="focus_previous"),
    Binding("ctrl+c", "screen.copy_text", "Copy selected text", show=False, id="copy_text"),
]
