"""A checklist of speaker groups and speakers with their quote counts, for choosing the columns."""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.option_list import OptionDoesNotExist

#: What a line starts with, chosen or not: readable without colour (and the same width as the
#: toggle button it replaces, so the list's measurements hold).
TICKED = "[x] "
UNTICKED = "[ ] "


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

    def render_line(self, y: int) -> Strip:
        """A line with [x] or [ ] before the speaker instead of a button that only its colour tells."""
        strip = super().render_line(y)
        index = int(self.scroll_offset.y) + y
        try:
            option = self.get_option_at_index(index)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) < 4:
            return strip
        chosen = option.value in self._selected
        # The prompt's own style, and the option's index for the mouse (as the button had).
        base = segments[3].style or Style()
        mark_style = base + Style(bold=chosen, meta={"option": index})
        return Strip([Segment(TICKED if chosen else UNTICKED, mark_style), *segments[4:]])
