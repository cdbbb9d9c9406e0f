"""The data model shared by ingest, NLP, store, CLI and app: small frozen dataclasses."""

from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import NamedTuple

#: Where an article's publication date came from, most trusted first.
PUBLISHED_SOURCES = ("front-matter", "dateline", "header", "inferred", "unknown")

#: How a quote's speaker was found; the last three are weak and marked in the app.
ATTRIBUTIONS = ("named", "organisation", "according-to", "pronoun", "continuation", "unknown")
WEAK_ATTRIBUTIONS = frozenset({"pronoun", "continuation", "unknown"})

#: How an article with no outlet of its own is named wherever outlets are listed.
UNKNOWN_OUTLET = "unknown outlet"


def outlet_label(outlet: str | None) -> str:
    """The outlet, or `UNKNOWN_OUTLET` when there is none."""
    return outlet or UNKNOWN_OUTLET


#: Kinds of quote: verbatim in quote marks, reported speech, or reported speech with a verbatim part.
QUOTE_KINDS = ("direct", "indirect", "mixed")

#: The fields of a quote and of an event that every JSON output carries, named as in the database.
QUOTE_FIELDS = ("speaker", "group", "kind", "cue", "text", "start", "end", "attribution", "speaker_as_written")
EVENT_FIELDS = ("expression", "value", "granularity", "start", "end", "anchor", "rule", "sentence", "role")


def public_fields(item, fields: tuple[str, ...]) -> dict:
    """The named attributes of a quote or event (stored row or fresh extraction) as a dict."""
    return {name: getattr(item, name) for name in fields}


#: Joins the notes of one event (`events.disagreement`): a date note and a figure note, say.
NOTE_SEPARATOR = "; "
#: The words every note begins with (core.linking.events writes them): a date note, a figure note.
NOTE_OPENING = re.compile("dated |figures differ: ")
# Where one note ends and the next begins: a separator before a note's opening words, so a
# "; " inside a note (a file name) stays in it.
_NEXT_NOTE = re.compile(re.escape(NOTE_SEPARATOR) + f"(?={NOTE_OPENING.pattern})")


def distinct_notes(event_notes) -> list[str]:
    """The notes of several events, each once, sorted: an event's note may join several.

    A note cut short ("…") that begins another note whole is left out for that one.
    """
    notes = sorted({note for joined in event_notes if joined for note in _NEXT_NOTE.split(joined)})
    return [note for note in notes if not (note.endswith("…") and _begins_another(notes, note))]


def _begins_another(notes: list[str], cut: str) -> bool:
    """Whether a note of sorted `notes` other than `cut` begins with `cut` less its "…"."""
    head = cut[:-1]
    # The notes beginning with `head` sort together right from it: a look at the first two.
    at = bisect.bisect_left(notes, head)
    return any(note != cut and note.startswith(head) for note in notes[at : at + 2])


#: Granularities of a resolved date value.
GRANULARITIES = ("day", "week", "month", "year", "span")

#: What an event's day is to the story (see core.nlp.event_roles): one of the story's days;
#: the article's own date (dateline, publication note), no event; a day long before the story;
#: a day still ahead when it was told; one of several days offered, or a hedged one.
EVENT_ROLES = ("story", "dateline", "background", "future", "possible")
#: How the timeline marks a day that had not happened when it was told, a mark and a word
#: (never colour alone): the CLI, the app and the brief all say it so.
ROLE_MARKS = {"future": "→ expected", "possible": "? possible"}


@dataclass(frozen=True)
class ParsedArticle:
    """One article as ingest reads it, before NLP: metadata plus the text exactly as decoded."""

    path: str
    text: str
    #: The article body lies in text[body_start:body_end]; header lines, datelines and
    #: copyright footers lie outside it and are not searched for quotes or dates.
    body_start: int = 0
    body_end: int | None = None
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    place: str | None = None
    url: str | None = None
    #: ISO date (YYYY-MM-DD) or None.
    published: str | None = None
    published_source: str = "unknown"
    #: Human-readable reason for the publication date (shown in the app and JSON).
    published_reason: str = ""
    #: ISO timestamp of when the page was captured, where the file says so.
    captured: str | None = None
    #: Copyright year from a footer, used when inferring an undated article's date.
    copyright_year: int | None = None
    #: File format the article came from: text, markdown, jsonl, html.
    format: str = "text"
    #: Notes from decoding (e.g. "decoded as cp1252"), shown to the user.
    warnings: tuple[str, ...] = ()

    @property
    def body(self) -> str:
        """The article body, without header line, dateline or footer."""
        return self.text[self.body_start : self.body_end]

    @cached_property
    def words(self) -> int:
        """Word count of the body (counted once: the indexer's report and the row both ask)."""
        return len(self.body.split())


@dataclass(frozen=True)
class Quote:
    """Something a speaker said, located by character offsets into the stored article text."""

    start: int
    end: int
    text: str
    kind: str
    #: The speech cue as written ("said", "told reporters in Belgrade", "according to").
    cue: str
    #: Canonical speaker name ("Aleksandar Vucic"), or "" when unknown.
    speaker: str
    #: The speaker as the text names them here ("he", "Serb President Aleksandar Vucic").
    speaker_as_written: str
    #: How the speaker was found; one of ATTRIBUTIONS.
    attribution: str
    #: The focus group (quote column) from the briefing settings, or None.
    group: str | None = None
    #: Offsets of the cue in the text, or -1 when there is none (continuation).
    cue_start: int = -1
    cue_end: int = -1
    #: For a partial quote inside reported speech: index (in the article's quote list) of the
    #: enclosing reported statement.
    parent: int | None = None

    def to_dict(self) -> dict:
        """Plain dict for JSON."""
        return asdict(self)


@dataclass(frozen=True)
class Event:
    """A dated expression resolved to an ISO value, with the sentence it dates."""

    start: int
    end: int
    expression: str
    value: str
    granularity: str
    #: ISO date the expression was resolved against (publication date, caption date, ...).
    anchor: str | None
    #: Name of the rule that resolved it ("weekday-past", "explicit-date", ...).
    rule: str
    #: The sentence around the expression, trimmed to a short line.
    sentence: str
    sentence_start: int = -1
    sentence_end: int = -1
    #: What the day is to the story; one of EVENT_ROLES.
    role: str = "story"

    def to_dict(self) -> dict:
        """Plain dict for JSON."""
        return asdict(self)


@dataclass(frozen=True)
class Extraction:
    """What the NLP pipeline finds in one article."""

    quotes: tuple[Quote, ...] = ()
    #: Dated expressions that are events (every role but "dateline").
    events: tuple[Event, ...] = ()
    #: The article's own dates (its dateline, a publication note): dated, but no events, so
    #: kept out of the timeline.
    datelines: tuple[Event, ...] = ()
    #: Publication date the events were anchored on, when the article itself gave none but
    #: the pipeline inferred one; None otherwise.
    inferred_published: str | None = None
    inferred_reason: str = ""


@dataclass(frozen=True)
class FileProblem:
    """A file that could not be indexed, or was indexed with a caveat."""

    path: str
    reason: str
    #: True when the file was skipped; False for a warning on a file that was indexed.
    skipped: bool = True


@dataclass
class IndexReport:
    """What an index run did, for the CLI's summary and the app's progress."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    words: int = 0
    problems: list[FileProblem] = field(default_factory=list)
    #: Files found that are not an article format, left out unread.
    left_out: int = 0

    @property
    def failed(self) -> int:
        """Number of files skipped with an error."""
        return sum(1 for p in self.problems if p.skipped)


class QuoteText(NamedTuple):
    """A stored quote as linking across sources reads it."""

    id: int
    article_id: int
    text: str | None
    #: The publication date of the quote's article.
    published: str | None


class EventText(NamedTuple):
    """A stored event as linking across sources reads it: its date, its sentence and its source."""

    id: int
    article_id: int
    value: str
    granularity: str
    day_first: str | None
    day_last: str | None
    sentence: str | None
    sentence_start: int | None
    sentence_end: int | None
    outlet: str | None
    path: str | None
    start: int | None
    end: int | None
    #: The article's text from the start of the event's sentence, a few hundred characters past
    #: its end (the sentence after it often gives the figures); None when the sentence is not located.
    from_sentence: str | None
