"""The list of sources: outlet, publication date (marked when inferred), place and quote count."""

from __future__ import annotations

from typing import ClassVar

from briefing.core.store.rows import Source
from briefing.tui.text import safe, short_day
from briefing.tui.widgets.briefing_list import BriefingList
from rich.text import Text
from textual.binding import Binding, BindingType


class SourceList(BriefingList):
    """One entry per indexed article; `f` shows only that source's quotes and events."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "item('filter')", "Only this source", id="source.filter",
                tooltip="Show only this source's quotes and events (escape to go back)"),
    ]
    """Filter the briefing to the highlighted source."""

    EMPTY_TEXT = "No sources yet."
    COMPONENT_CLASSES: ClassVar[set[str]] = {"source--outlet", "source--meta", "source--inferred", "source--chosen"}
    """Styles of the parts of an entry, set in app.tcss."""

    def __init__(self, *, id: str | None = None) -> None:
        """An empty source list."""
        super().__init__(id=id)
        self.chosen: int | None = None

    def item_key(self, item: Source) -> str:
        """Option id: 'source-<id>'."""
        return f"source-{item.id}"

    def set_sources(self, sources: list[Source], chosen: int | None = None, total: int | None = None) -> None:
        """Show `sources` (the first of `total`), marking the one the briefing is filtered to."""
        if sources and sources == self.items and chosen == self.chosen:
            return  # unchanged: keep the cursor and scroll where they are
        self.chosen = chosen
        more = (total or 0) - len(sources)
        self.tail_hint = f"⋯ {more:,} more sources: search (/) to find one" if more > 0 else None
        self.set_items(sources, empty_text=self.EMPTY_TEXT, force=True)
        if chosen is not None:
            self.select_key(f"source-{chosen}")

    def render_item(self, item: Source) -> Text:
        """Outlet and quote count; date (inferred marked) and place."""
        style = lambda name: self.get_component_rich_style(name, partial=True)  # noqa: E731
        text = Text()
        if item.id == self.chosen:
            text.append("▶ ", style("source--chosen"))
        text.append_text(safe(item.label, style("source--outlet")))
        text.append(f" · {item.quotes} quote{'s' if item.quotes != 1 else ''}", style("source--meta"))
        text.append("\n")
        text.append(short_day(item.published), style("source--meta"))
        if item.inferred:
            text.append(" (inferred)", style("source--inferred"))
        if item.place:
            text.append(" · ", style("source--meta"))
            text.append_text(safe(item.place, style("source--meta")))
        return text

    def action_item(self, action: str) -> None:
        """Ask the app to act on the highlighted source."""
        self.post_action(action)
