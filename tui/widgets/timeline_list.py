"""The timeline pane: dates oldest first, a short line per event, who reports it, where sources disagree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from briefing.core.date_values import when_label
from briefing.core.store.rows import EventRow, TimelineEntry
from briefing.tui.text import one_line, safe
from briefing.tui.widgets.briefing_list import BriefingList
from rich.text import Text
from textual.binding import Binding, BindingType


@dataclass(frozen=True)
class TimelineItem:
    """A line of the timeline: a date heading (event is None) or one event under it."""

    entry: TimelineEntry
    event: EventRow | None = None

    @property
    def key(self) -> str:
        """Option id, also the pin key of an event."""
        return f"event-{self.event.id}" if self.event else f"date-{self.entry.value}"

    @property
    def day(self) -> str | None:
        """The ISO day this line stands for (first day of a wider date)."""
        return self.entry.day_first


def flatten(entries: list[TimelineEntry]) -> list[TimelineItem]:
    """One heading per date followed by its events."""
    items = []
    for entry in entries:
        items.append(TimelineItem(entry))
        items.extend(TimelineItem(entry, event) for event in entry.events)
    return items


#: Longest an event line may be; the timeline is a summary, the reader has the rest.
EVENT_LINE = 80


class TimelineList(BriefingList):
    """Dates and their events; enter on a date shows that day, enter on an event opens its article."""

    #: Items made options at a time (date headings and event lines of one to three lines).
    PAGE_SIZE: ClassVar[int] = 20

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "item('filter')", "Only this day", id="timeline.filter",
                tooltip="Show only this day's quotes and events (escape to go back)"),
        Binding("p", "item('pin')", "Pin", id="timeline.pin", tooltip="Pin this event for the exported brief"),
    ]
    """Filter to a day, pin an event."""

    EMPTY_TEXT = "No dated events."
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timeline--date",
        "timeline--sources",
        "timeline--event",
        "timeline--bullet",
        "timeline--outlet",
        "timeline--disagree",
        "timeline--pin",
    }
    """Styles of headings, events and disagreement marks, set in app.tcss."""

    def __init__(self, *, id: str | None = None) -> None:
        """An empty timeline."""
        super().__init__(id=id)
        self.pinned: set[str] = set()
        #: Index of the story's main day while it waits to be scrolled to the top, else None.
        self._story: int | None = None

    def item_key(self, item: TimelineItem) -> str:
        """Option id: 'date-<value>' or 'event-<id>'."""
        return item.key

    def set_entries(
        self,
        entries: list[TimelineEntry],
        pinned: set[str] | None = None,
        empty_text: str | None = None,
        story_start: str | None = None,
    ) -> None:
        """Show the timeline entries, the cursor on the story's main day (from `story_start` on)."""
        self.pinned = pinned or set()
        items = flatten(entries)
        if items and items == self.items:
            return  # unchanged (say, a speaker filter): keep the cursor and scroll where they are
        previous = self.current_key
        keep = previous is not None and any(item.key == previous for item in items)
        story = None if keep else self.story_index(items, story_start)
        self._story = story
        self.set_items(items, empty_text=empty_text, fallback=story)

    def window_filled(self) -> None:
        """Put the story's main day at the top once its window is laid out.

        Pages are added first while less than a page follows the day: the lines below it must
        fill the view for the day to reach the top.
        """
        if self._story is None:
            return
        _first, end = self.window
        if end < len(self.items) and end - self._story < self.PAGE_SIZE:
            self._add_page()
            self.call_after_refresh(self.window_filled)
            return
        self._story = None
        self.scroll_to_highlight(top=True)

    @staticmethod
    def story_index(items: list[TimelineItem], story_start: str | None) -> int | None:
        """Index of the story's main day: the day most sources report (earliest on a tie).

        Background years and the run-up would otherwise push the day that matters out of view.
        """
        if not story_start:
            return None
        best_index, best_sources = None, 0
        for index, item in enumerate(items):
            entry = item.entry
            if item.event is None and entry.granularity == "day" and (entry.day_first or "") >= story_start:
                if len(entry.outlets) > best_sources:
                    best_index, best_sources = index, len(entry.outlets)
        return best_index

    def divider_after(self, index: int) -> bool:
        """A line between one date's events and the next date."""
        following = index + 1
        return following < len(self.items) and self.items[following].event is None

    def render_item(self, item: TimelineItem) -> Text:
        """A date heading with its sources and disagreements, or an indented event line."""
        style = lambda name: self.get_component_rich_style(name, partial=True)  # noqa: E731
        entry = item.entry
        if item.event is None:
            text = Text(when_label(entry.value, entry.granularity), style=style("timeline--date"))
            if entry.disagreements:
                text.append("  ⚠ sources disagree", style("timeline--disagree"))
            text.append("\n")
            text.append_text(safe(", ".join(entry.outlets), style("timeline--sources")))
            if entry.hidden:
                # Only the first events of a busy date are read; the day filter shows them all.
                text.append(f"\n+{entry.hidden} more events (f: this day)", style("timeline--sources"))
            for note in entry.disagreements:
                text.append("\n⚠ ", style("timeline--disagree"))
                text.append_text(safe(one_line(note), style("timeline--disagree")))
            return text
        event = item.event
        text = Text("• ", style=style("timeline--bullet"))
        if item.key in self.pinned:
            text.append("★ ", style("timeline--pin"))
        text.append_text(safe(one_line(event.sentence or event.expression, EVENT_LINE), style("timeline--event")))
        text.append(" — ", style("timeline--outlet"))
        text.append_text(safe(event.label, style("timeline--outlet")))
        return text

    def action_item(self, action: str) -> None:
        """Ask the app to act on the highlighted line."""
        self.post_action(action)
