"""One-line text widgets that change with every key of a search: a new text costs one layout, not two."""

from __future__ import annotations

from textual.geometry import Size
from textual.visual import VisualType
from textual.widgets import Label, Static, Tab


class SteadySize:
    """Mixin for a widget that does not scroll, whose new size needs no second layout.

    When a layout gives a widget a new size, Textual also sets its virtual size as a reactive that
    asks for a layout of its own: a label whose count grew by a digit would lay the screen out a
    second time, one frame later. For a widget that does not scroll (a label, a tab, the boxes of
    a tab bar whose children were placed in the same layout) that second layout has nothing to
    place, so the new size is taken without it (the widget is redrawn all the same).
    """

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)  # type: ignore[misc]


def set_text(widget: Static, content: VisualType) -> None:
    """Show `content` in `widget` unless it shows it already (an update lays the screen out again)."""
    if widget.content != content:
        widget.update(content)


class LineLabel(SteadySize, Label):
    """A label whose size follows its text, such as a search's count or its error line."""


class LineTab(SteadySize, Tab):
    """A column's tab, whose label carries the column's count."""

    def update(self, content: VisualType = "") -> None:
        """Show a new label without telling the tab bar: the board places the underline itself, in the same frame.

        Tab would post Relabelled, which climbs the bar's boxes and reaches it after the frame
        that drew the new label, to place the underline where the board already put it (see
        ColumnTabs.place_underline) and ask for one more frame: more work after each key.
        """
        Static.update(self, content)
