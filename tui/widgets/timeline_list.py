"""The timeline pane: dates oldest first, a short line per event, who reports it, where sources disagree.

Dates long before the story wait behind one folded "Background" line at the top; days that had
not come when they were told are marked "expected", days only offered or hedged "possible".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from briefing.core.date_values import granularity_of, when_label
from briefing.core.store.rows import EventRow, TimelineEntry, timeline_sections
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


@dataclass(frozen=True)
class BackgroundFold:
    """The line standing for the background dates: folded, or open with them below it."""

    entries: tuple[TimelineEntry, ...]
    open: bool = False
    #: Option id: there is one fold.
    key: ClassVar[str] = "background"


def flatten(entries: list[TimelineEntry], background_open: bool = False) -> list[TimelineItem | BackgroundFold]:
    """The background fold (its dates below it when open), then one heading per story date
    followed by its events."""
    background, story = timeline_sections(entries)
    items: list[TimelineItem | BackgroundFold] = []
    if background:
        items.append(BackgroundFold(tuple(background), background_open))
    for entry in (background if background_open else []) + story:
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
        Binding("b", "toggle_background", "Background", id="timeline.background",
                tooltip="Show or hide the background: dates long before the story (enter on its line too)"),
    ]
    """Filter to a day, pin an event, open or fold the background dates."""

    EMPTY_TEXT = "No dated events."
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timeline--date",
        "timeline--sources",
        "timeline--event",
        "timeline--bullet",
        "timeline--outlet",
        "timeline--disagree",
        "timeline--pin",
        "timeline--role",
        "timeline--fold",
    }
    """Styles of headings, events and disagreement marks, set in app.tcss."""

    def __init__(self, *, id: str | None = None) -> None:
        """An empty timeline."""
        super().__init__(id=id)
        self.pinned: set[str] = set()
        #: Index of the story's main day while it waits to be scrolled to the top, else None.
        self._story: int | None = None
        #: The dates shown, and whether the background ones are unfolded.
        self._entries: list[TimelineEntry] = []
        self.background_open = False

    def item_key(self, item: TimelineItem | BackgroundFold) -> str:
        """Option id: 'background', 'date-<value>' or 'event-<id>'."""
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
        self._entries = entries
        items = flatten(entries, self.background_open)
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

    def action_toggle_background(self) -> None:
        """Unfold the background dates below their line, or fold them away; the cursor goes to the line."""
        if not any(isinstance(item, BackgroundFold) for item in self.items):
            return
        self.background_open = not self.background_open
        self._story = None
        self.set_items(flatten(self._entries, self.background_open), keep_position=False, fallback=0)

    def action_select(self) -> None:
        """enter: on the background line, unfold or fold it; elsewhere, open or choose the line."""
        if isinstance(self.current, BackgroundFold):
            self.action_toggle_background()
        else:
            super().action_select()

    @staticmethod
    def story_index(items: list[TimelineItem | BackgroundFold], story_start: str | None) -> int | None:
        """Index of the story's main day: the day most sources report (earliest on a tie).

        Background years and the run-up would otherwise push the day that matters out of view.
        """
        if not story_start:
            return None
        best_index, best_sources = None, 0
        for index, item in enumerate(items):
            if not isinstance(item, TimelineItem):
                continue
            entry = item.entry
            if item.event is None and entry.granularity == "day" and (entry.day_first or "") >= story_start:
                if len(entry.outlets) > best_sources:
                    best_index, best_sources = index, len(entry.outlets)
        return best_index

    def divider_after(self, index: int) -> bool:
        """A line between one date's events and the next date."""
        following = index + 1
        return following < len(self.items) and (
            isinstance(self.items[following], BackgroundFold) or self.items[following].event is None
        )

    def render_item(self, item: TimelineItem | BackgroundFold) -> Text:
        """The background line, a date heading with its sources and disagreements, or an indented event line."""
        style = lambda name: self.get_component_rich_style(name, partial=True)  # noqa: E731
        if isinstance(item, BackgroundFold):
            return self._render_fold(item, style)
        entry = item.entry
        if item.event is None:
            text = Text(when_label(entry.value, entry.granularity), style=style("timeline--date"))
            if entry.role_mark:
                text.append(f"  {entry.role_mark}", style("timeline--role"))
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
        if event.role_mark:
            text.append(f"{event.role_mark}: ", style("timeline--role"))
        text.append_text(safe(one_line(event.sentence or event.expression, EVENT_LINE), style("timeline--event")))
        text.append(" — ", style("timeline--outlet"))
        text.append_text(safe(event.label, style("timeline--outlet")))
        return text

    @staticmethod
    def _render_fold(fold: BackgroundFold, style) -> Text:
        """'▸ Background · 4 dates, 1998 – 2022' and the key that unfolds it (or folds it, open)."""
        # From the start of the first date to the end of the last ("1998/1999" is a span of years).
        first, last = fold.entries[0].value.split("/")[0], fold.entries[-1].value.split("/")[-1]
        span = when_label(first, granularity_of(first))
        if last != first:
            span += f" – {when_label(last, granularity_of(last))}"
        dates = f"{len(fold.entries)} date" + ("s" if len(fold.entries) > 1 else "")
        text = Text("▾ " if fold.open else "▸ ", style=style("timeline--fold"))
        text.append("Background", style("timeline--date"))
        text.append(f" · {dates}, {span}", style("timeline--sources"))
        text.append("\nlong before the story · b: " + ("hide" if fold.open else "show"), style("timeline--sources"))
        return text

    def action_item(self, action: str) -> None:
        """Ask the app to act on the highlighted line (the background line is no day and no event)."""
        if isinstance(self.current, BackgroundFold):
            self.app.notify("This line holds the background dates: b or enter shows them.", timeout=3)
            return
        self.post_action(action)
