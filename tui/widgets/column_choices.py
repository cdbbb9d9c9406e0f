"""A checklist of speaker groups and speakers with their quote counts, for choosing the columns."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import SelectionList


class ColumnChoices(SelectionList[str], inherit_bindings=False):
    """Space ticks a group or speaker; the order ticked is the order of the columns."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,x", "select", "Tick / untick", id="picker.toggle"),
        Binding("down,j", "cursor_down", "Down", show=False, id="picker.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="picker.up"),
        Binding("home,g", "first", "First", show=False, id="picker.first"),
        Binding("end,G", "last", "Last", show=False, id="picker.last"),
        Binding("pagedown", "page_down", "Page down", show=False, id="picker.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="picker.page_up"),
    ]
    """Tick and move."""
