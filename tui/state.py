"""What the user has chosen on the main screen, as plain data: columns, filters and their history,
the search, pins. No Textual here: the app keeps a `BriefingState` and redraws from it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from briefing.core.date_values import day_label
from briefing.core.export import BriefContent, brief_of_pins, brief_of_view
from briefing.core.store.rows import EventRow, QuoteRow, TimelineEntry

#: Fewest letters a search-as-you-type query needs: one letter as a prefix matches nearly
#: every article and quote, a search that costs the most and tells the least.
MIN_SEARCH_LETTERS = 2
#: Quote columns take colours 1 to this many in turn; 0 is for quotes in no column.
COLUMN_COLOURS = 6

#: What can be pinned for the exported brief.
Pinnable = QuoteRow | EventRow


def searchable(query: str, raw: bool = False) -> bool:
    """True when `query` is worth searching for (raw FTS5 syntax always is, if not blank)."""
    if raw:
        return bool(query.strip())
    return sum(ch.isalnum() for ch in query) >= MIN_SEARCH_LETTERS


@dataclass(frozen=True)
class ColumnSpec:
    """One quote column: a group of speakers from the settings, or a single speaker."""

    label: str
    group: str | None = None
    speaker: str | None = None

    def matches(self, quote: QuoteRow) -> bool:
        """True when `quote` belongs in this column."""
        if self.group is not None:
            return quote.group == self.group
        return bool(self.speaker) and quote.speaker == self.speaker

    def to_dict(self) -> dict:
        """Plain dict for the remembered preferences."""
        return {"label": self.label, "group": self.group, "speaker": self.speaker}

    @classmethod
    def from_dict(cls, data: dict) -> ColumnSpec | None:
        """Inverse of `to_dict`; None for a malformed entry."""
        if not isinstance(data, dict) or not data.get("label"):
            return None
        group, speaker = data.get("group"), data.get("speaker")
        if not group and not speaker:
            return None
        return cls(str(data["label"]), str(group) if group else None, str(speaker) if speaker else None)


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the briefing to; an empty Filters shows everything."""

    source_id: int | None = None
    source_label: str = ""
    day: str | None = None
    speaker: str | None = None

    @property
    def active(self) -> bool:
        """True when anything is filtered."""
        return self.source_id is not None or self.day is not None or self.speaker is not None

    def describe(self) -> list[str]:
        """Short phrases for the status line, e.g. ['source: Bloomberg', 'day: 29 May 2023']."""
        parts = []
        if self.source_id is not None:
            parts.append(f"source: {self.source_label or self.source_id}")
        if self.day:
            parts.append(f"day: {day_label(self.day, weekday=False)}")
        if self.speaker:
            parts.append(f"speaker: {self.speaker}")
        return parts

    def with_(self, **changes) -> Filters:
        """A copy with some fields changed."""
        return replace(self, **changes)


def effective_columns(specs: list[ColumnSpec], filters: Filters) -> list[ColumnSpec]:
    """The columns to show: one column for the speaker when filtered to a speaker."""
    if filters.speaker:
        return [ColumnSpec(filters.speaker, speaker=filters.speaker)]
    return list(specs)


def pin_key(item: Pinnable) -> str:
    """The key a quote or event is pinned under ('quote-3', 'event-9')."""
    return f"quote-{item.id}" if isinstance(item, QuoteRow) else f"event-{item.id}"


class BriefingState:
    """The choices on the main screen; each change says whether there is anything to read again."""

    def __init__(self) -> None:
        """Nothing chosen: every source, no search, no pins."""
        #: The columns chosen (before a speaker filter narrows them to one).
        self.specs: list[ColumnSpec] = []
        self.filters = Filters()
        #: Earlier filters, most recent last: escape goes back through them.
        self.history: list[Filters] = []
        self.search_query = ""
        self.search_raw = False
        #: Pinned quotes and events by key ('quote-3', 'event-9'), in pinning order.
        self.pins: dict[str, Pinnable] = {}

    # --- filters ------------------------------------------------------------------------------

    def narrow(self, filters: Filters) -> bool:
        """Show only what `filters` keep, remembering the filters before; False when they are the same."""
        if filters == self.filters:
            return False
        self.history.append(self.filters)
        self.filters = filters
        return True

    def back(self) -> bool:
        """Go back to the filters before the last change; False when there were none."""
        if not self.history:
            return False
        self.filters = self.history.pop()
        return True

    def to_source(self, article_id: int, label: str | None) -> Filters:
        """The current filters narrowed to one source."""
        return self.filters.with_(source_id=article_id, source_label=label or f"source {article_id}")

    def to_day(self, day: str) -> Filters:
        """The current filters narrowed to one day."""
        return self.filters.with_(day=day)

    def to_speaker(self, name: str) -> Filters:
        """The current filters narrowed to one speaker."""
        return self.filters.with_(speaker=name)

    # --- columns ------------------------------------------------------------------------------

    @property
    def columns(self) -> list[ColumnSpec]:
        """The columns shown: the chosen ones, or the one speaker filtered to."""
        return effective_columns(self.specs, self.filters)

    def colour_of(self, quote: QuoteRow) -> int:
        """Speaker colour (1–6) of a quote: the colour of its column, 0 when in none."""
        for index, spec in enumerate(self.columns):
            if spec.matches(quote):
                return index % COLUMN_COLOURS + 1
        return 0

    def legend(self) -> list[tuple[str, int]]:
        """(label, colour) of each column shown, and of the quotes in none."""
        return [(spec.label, index % COLUMN_COLOURS + 1) for index, spec in enumerate(self.columns)] + [("other", 0)]

    # --- search -------------------------------------------------------------------------------

    def type_search(self, typed: str, raw: bool) -> bool:
        """What is in the search box changed; True when there is something new to search for.

        Until what is typed is long enough to narrow anything, the briefing stays as it is (a
        first letter searches nothing); clearing a search, or changing the mode, always counts.
        """
        query = typed if searchable(typed, raw) else ""
        if query != typed and not self.search_query and raw == self.search_raw:
            return False
        self.search_query, self.search_raw = query, raw
        return True

    def close_search(self) -> None:
        """The search box was closed: nothing is searched, and the next search is of words as typed."""
        self.search_query = ""
        self.search_raw = False

    # --- pins ---------------------------------------------------------------------------------

    def toggle_pin(self, item: Pinnable) -> tuple[str, bool]:
        """Pin or unpin a quote or event; return its key and whether it is pinned now."""
        key = pin_key(item)
        pinned = key not in self.pins
        if pinned:
            self.pins[key] = item
        else:
            del self.pins[key]
        return key, pinned

    @property
    def pinned(self) -> set[str]:
        """The keys of the pinned items."""
        return set(self.pins)

    # --- export -------------------------------------------------------------------------------

    def brief(self, title: str, columns: list[list[QuoteRow]], entries: list[TimelineEntry]) -> BriefContent:
        """What an export writes: the pinned items, or else what is shown (`columns` and `entries`)."""
        if self.pins:
            return brief_of_pins(title, list(self.pins.values()))
        narrowed = self.filters.describe() + ([f"search: {self.search_query}"] if self.search_query.strip() else [])
        return brief_of_view(title, columns, entries, source_id=self.filters.source_id, narrowed_to=narrowed)
