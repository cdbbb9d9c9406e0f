"""The app's state without the app: filters and going back, columns and colours, search, pins, the brief."""

from __future__ import annotations

import subprocess
import sys

from briefing.core.store.rows import EventRow, QuoteRow, TimelineEntry
from briefing.tui.state import BriefingState, ColumnSpec, Filters


def quote(quote_id: int, article_id: int, speaker: str, group: str | None = None) -> QuoteRow:
    return QuoteRow(quote_id, article_id, 0, 0, 10, f"Words of {speaker}.", "direct", "said", speaker, speaker,
                    "named", group, None, "Harbour Post", "2024-03-05", f"{article_id}.txt")


def event(event_id: int, article_id: int, day: str) -> EventRow:
    return EventRow(event_id, article_id, 0, 6, "Monday", day, "day", day, "weekday-past", "The council met on Monday.",
                    day, day, event_id, None, "Harbour Post", day, f"{article_id}.txt")


def test_the_state_needs_no_textual():
    script = "import sys, briefing.tui.state; print('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.strip() == "False"


def test_escape_goes_back_through_the_filters_in_order():
    state = BriefingState()
    assert state.narrow(state.to_source(3, "Harbour Post"))
    assert state.narrow(state.to_day("2024-03-04"))
    assert state.filters == Filters(source_id=3, source_label="Harbour Post", day="2024-03-04")
    assert state.filters.describe() == ["source: Harbour Post", "day: 4 Mar 2024"]
    assert not state.narrow(state.filters)  # the same filters again: nothing to go back to
    assert state.back() and state.filters == Filters(source_id=3, source_label="Harbour Post")
    assert state.back() and not state.filters.active
    assert not state.back()


def test_a_source_without_a_label_is_named_by_its_id():
    assert BriefingState().to_source(7, None).describe() == ["source: source 7"]


def test_a_speaker_filter_shows_one_column_and_colours_follow_the_columns():
    state = BriefingState()
    state.specs = [ColumnSpec("Council", group="Council"), ColumnSpec("Ana Petrel", speaker="Ana Petrel")]
    council, petrel, other = quote(1, 1, "Jo Reed", "Council"), quote(2, 1, "Ana Petrel"), quote(3, 2, "Max Orr")
    assert [state.colour_of(q) for q in (council, petrel, other)] == [1, 2, 0]
    assert state.legend() == [("Council", 1), ("Ana Petrel", 2), ("other", 0)]
    state.narrow(state.to_speaker("Max Orr"))
    assert state.columns == [ColumnSpec("Max Orr", speaker="Max Orr")]
    assert [state.colour_of(q) for q in (council, petrel, other)] == [0, 0, 1]


def test_colours_repeat_after_six_columns():
    state = BriefingState()
    state.specs = [ColumnSpec(f"S{n}", speaker=f"S{n}") for n in range(8)]
    assert state.colour_of(quote(1, 1, "S6")) == 1 and state.colour_of(quote(2, 1, "S7")) == 2


def test_a_first_letter_searches_nothing_but_clearing_a_search_does():
    state = BriefingState()
    assert not state.type_search("p", raw=False) and state.search_query == ""
    assert state.type_search("po", raw=False) and state.search_query == "po"
    assert state.type_search("p", raw=False) and state.search_query == ""  # back to one letter: the whole briefing
    assert state.type_search("p", raw=True) and (state.search_query, state.search_raw) == ("p", True)
    state.close_search()
    assert state.search_query == ""


def test_pins_toggle_and_make_the_brief():
    state = BriefingState()
    said, met = quote(4, 2, "Ana Petrel"), event(9, 3, "2024-03-04")
    assert state.toggle_pin(said) == ("quote-4", True)
    assert state.toggle_pin(met) == ("event-9", True)
    brief = state.brief("Harbour", [[quote(5, 1, "Jo Reed")]], [])
    assert (brief.quotes, brief.events, brief.source_ids, brief.pinned) == ([said], [met], [2, 3], True)
    assert brief.note == "2 pinned item(s)" and brief.event_count == 1
    assert state.toggle_pin(said) == ("quote-4", False) and state.pinned == {"event-9"}


def test_without_pins_the_brief_is_what_is_shown_each_quote_once():
    state = BriefingState()
    shared = quote(1, 1, "Jo Reed", "Council")
    entries = [TimelineEntry("2024-03-04", "day", "2024-03-04", events=[event(9, 3, "2024-03-04")])]
    state.type_search("harbour", raw=False)
    brief = state.brief("Harbour", [[shared, quote(2, 2, "Ana Petrel")], [shared]], entries)
    assert [q.id for q in brief.quotes] == [1, 2] and brief.source_ids == [1, 2, 3] and not brief.pinned
    assert brief.note == "Showing only search: harbour" and brief.event_count == 1
    state.narrow(state.to_source(2, "Harbour Post"))
    brief = state.brief("Harbour", [[quote(2, 2, "Ana Petrel")]], entries)
    assert brief.source_ids == [2] and brief.note == "Showing only source: Harbour Post · search: harbour"
    assert "_Showing only source: Harbour Post · search: harbour_" in brief.render([])
