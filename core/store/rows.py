"""The rows a briefing is read as: sources, quotes, events, speakers, counts and timeline lines."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from briefing.core.models import ROLE_MARKS, WEAK_ATTRIBUTIONS, distinct_notes, outlet_label


@dataclass(frozen=True)
class Source:
    """An indexed article with its metadata and counts."""

    id: int
    path: str
    outlet: str | None
    title: str | None
    byline: str | None
    place: str | None
    url: str | None
    published: str | None
    published_source: str
    published_reason: str | None
    captured: str | None
    words: int
    quotes: int = 0
    events: int = 0

    @property
    def inferred(self) -> bool:
        """True when the publication date was inferred rather than given."""
        return self.published_source == "inferred"

    @property
    def label(self) -> str:
        """Outlet, or the one name of an unknown outlet."""
        return outlet_label(self.outlet)

    def to_dict(self) -> dict:
        """Plain dict for JSON."""
        return asdict(self)


@dataclass(frozen=True)
class Fragment:
    """A partial quote inside a reported statement: the speaker's exact words, shown with the statement."""

    id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class QuoteRow:
    """A stored quote with its source's outlet and date."""

    id: int
    article_id: int
    seq: int
    start: int
    end: int
    text: str
    kind: str
    cue: str
    speaker: str
    speaker_as_written: str
    attribution: str
    group: str | None
    statement_id: int | None
    outlet: str | None
    published: str | None
    path: str
    #: Outlets of other articles that carry the same statement.
    also_in: tuple[str, ...] = ()
    #: Id of the reported statement this quote is a fragment of (same article), else None.
    parent_id: int | None = None
    #: The fragments of this statement by the same speaker, in text order (see `list_quotes`).
    fragments: tuple[Fragment, ...] = ()

    @property
    def label(self) -> str:
        """The outlet of the quote's source, or the one name of an unknown outlet."""
        return outlet_label(self.outlet)

    @property
    def weak(self) -> bool:
        """True when the speaker was found only by pronoun, continuation or not at all."""
        return self.attribution in WEAK_ATTRIBUTIONS

    def to_dict(self) -> dict:
        """Plain dict for JSON."""
        data = asdict(self)
        data["also_in"] = list(self.also_in)
        data["fragments"] = [asdict(f) for f in self.fragments]
        return data


@dataclass(frozen=True)
class EventRow:
    """A stored dated event with its source."""

    id: int
    article_id: int
    start: int
    end: int
    expression: str
    value: str
    granularity: str
    anchor: str | None
    rule: str
    sentence: str
    day_first: str | None
    day_last: str | None
    cluster_id: int | None
    disagreement: str | None
    outlet: str | None
    published: str | None
    path: str
    #: What the day is to the story (core.models.EVENT_ROLES; "story" for rows stored without one).
    role: str = "story"

    @property
    def label(self) -> str:
        """The outlet of the event's source, or the one name of an unknown outlet."""
        return outlet_label(self.outlet)

    @property
    def role_mark(self) -> str:
        """'→ expected' or '? possible' for a day not yet come or only offered, else ''."""
        return ROLE_MARKS.get(self.role, "")

    def to_dict(self) -> dict:
        """Plain dict for JSON."""
        return asdict(self)


@dataclass(frozen=True)
class SpeakerCount:
    """A speaker with how many quotes the briefing has from them."""

    name: str
    group: str | None
    is_focus: bool
    quotes: int
    #: person, organisation, group or description (core.identity); "" before speakers were named.
    kind: str = ""
    #: Hidden by the settings: kept, but not offered as a column.
    hidden: bool = False


@dataclass
class Counts:
    """Totals for the header."""

    sources: int = 0
    quotes: int = 0
    events: int = 0
    speakers: int = 0


@dataclass
class TimelineEntry:
    """One line of the merged timeline: events from one or more sources about one date."""

    value: str
    granularity: str
    day_first: str | None
    events: list[EventRow] = field(default_factory=list)
    #: When only the first events of a date were read: how many it has in all, and the
    #: outlets and notes of all of them.
    total: int | None = None
    all_outlets: list[str] | None = None
    all_disagreements: list[str] | None = None
    #: Likewise, how many of all its events have each role.
    all_roles: dict[str, int] | None = None

    @property
    def roles(self) -> dict[str, int]:
        """How many of this date's events have each role."""
        if self.all_roles is not None:
            return self.all_roles
        return dict(Counter(e.role for e in self.events))

    @property
    def role(self) -> str:
        """What the date is to the story, from its events: 'background' when every one is;
        'future' or 'possible' when none is a day that happened (possible when any is only
        offered); else 'story'."""
        kinds = set(self.roles)
        if kinds == {"background"}:
            return "background"
        if kinds and kinds <= {"future", "possible"}:
            return "possible" if "possible" in kinds else "future"
        return "story"

    @property
    def background(self) -> bool:
        """True for a date long before the story (kept apart from the story's days)."""
        return self.role == "background"

    @property
    def role_mark(self) -> str:
        """'→ expected' or '? possible' for a date none of whose events happened, else ''."""
        return ROLE_MARKS.get(self.role, "")

    @property
    def outlets(self) -> list[str]:
        """Distinct outlets reporting this entry's events."""
        if self.all_outlets is not None:
            return self.all_outlets
        return sorted({e.label for e in self.events})

    @property
    def disagreements(self) -> list[str]:
        """Distinct disagreement notes among this entry's events."""
        if self.all_disagreements is not None:
            return self.all_disagreements
        return distinct_notes(e.disagreement for e in self.events)

    @property
    def hidden(self) -> int:
        """Events of this date not read (see `timeline(per_entry=…)`)."""
        return (self.total - len(self.events)) if self.total is not None else 0

    def to_dict(self) -> dict:
        """Plain dict for JSON."""
        return {
            "value": self.value,
            "granularity": self.granularity,
            "section": "background" if self.background else "story",
            "sources": self.outlets,
            "disagreements": self.disagreements,
            "events": [e.to_dict() for e in self.events],
        }


def timeline_sections(entries: list[TimelineEntry]) -> tuple[list[TimelineEntry], list[TimelineEntry]]:
    """The timeline's background dates and the story's own days, each in the order given."""
    background = [entry for entry in entries if entry.background]
    return background, [entry for entry in entries if not entry.background]
