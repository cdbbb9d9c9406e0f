"""Link events across sources: the same happening grouped, disagreements on date or figures flagged.

`link_events` gives every event it reads:
- a cluster id: events from different articles about the same happening share one (the
  smallest event id of the group); an event nobody else reports is a group of its own.
  Same happening = same or overlapping short date (a day, a week, a weekend) and similar
  words in the sentence that carries the date and the one after it (news often gives the
  toll in the sentence after the dated one). Months, years and long spans group only with
  the same value.
- a disagreement: a short note when sources disagree: the same event dated differently
  (very similar sentences, different days within a week), or the same figure given
  differently (numbers attached to the same kind of noun and the same predicate — "30
  soldiers injured" against "about 25 peacekeepers injured").

It scales by blocking: short-dated events are read one ISO week at a time (plus the week
before, for dates that disagree by a few days), and candidate pairs come from an inverted
index of sentence words that skips words too common to tell events apart: two events are
compared only when they share at least `MIN_SHARED_WORDS` of the words that remain.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from briefing.core.date_values import parse_day, week_monday
from briefing.core.linking.blocking import candidate_pairs
from briefing.core.linking.figures import Figure, figures, figures_disagree, same_count
from briefing.core.linking.union_find import UnionFind
from briefing.core.linking.words import SENTENCE_END, bag_of_words, content_stems
from briefing.core.models import NOTE_OPENING, NOTE_SEPARATOR, EventText, outlet_label

#: Cosine similarity of sentence words (idf-weighted within the week) above which two events
#: on the same day are one happening. Sources tell the same day from different sides, so the
#: bar is low; the shared-word minimum keeps two stories of one day apart.
SAME_EVENT_SIMILARITY = 0.1
MIN_SHARED_WORDS = 2
#: Similarity (of the dated sentences alone) above which two events on different days are the
#: same happening dated differently, with at least this many shared content words.
DATE_DISAGREEMENT_SIMILARITY = 0.5
DATE_DISAGREEMENT_SHARED_WORDS = 4
#: Days apart within which differently dated events are compared.
DATE_DISAGREEMENT_DAYS = 7
#: Words in more postings than this are not used to find candidate pairs (still scored).
MAX_POSTING = 100
#: Characters of article text read after the event's sentence, for the next sentence.
FOLLOWING_CHARS = 400
#: Longest note stored in events.disagreement.
NOTE_CHARS = 300
#: Verbs of saying (as in core.nlp.datelex): a date right next to one dates a statement, and
#: statements on different days are no disagreement.
_SPEECH_NEAR = re.compile(
    r"\b(?:said|says|told|stated|announced|added|declared|wrote|tweeted|posted|noted|warned|insisted|"
    r"claimed|explained|stressed|urged|asked|replied|reported|confirmed|denied|according)\b",
    re.IGNORECASE,
)


@dataclass
class _Item:
    """One event row with what linking needs."""

    id: int
    article_id: int
    value: str
    granularity: str
    first: dt.date | None
    last: dt.date | None
    label: str
    window: str
    bag: Counter = field(default_factory=Counter)
    #: Words of the dated sentence alone, for telling a differently dated same event.
    sentence_bag: Counter = field(default_factory=Counter)
    sentence_words: frozenset = frozenset()
    #: True when the date is the date of a statement ("said on Monday").
    statement: bool = False
    #: Id of the group this event belongs to, once linked.
    cluster: int = 0


def _item(row: EventText) -> _Item:
    """An event row with the features linking compares: its words, its window, whether it dates a statement."""
    (eid, article_id, value, granularity, first, last, sentence, s_start, s_end, outlet, _path, start, end, raw) = row
    if raw:
        length = max(0, (s_end or 0) - (s_start or 0))
        following = raw[length:]
        next_end = SENTENCE_END.search(following, 1)
        paragraph_break = following.find("\n\n")
        cut = next_end.end() if next_end else len(following)
        if 0 <= paragraph_break < cut:
            cut = paragraph_break
        window = raw[:length] + following[:cut]
        own = raw[:length]
        at, until = (start or 0) - (s_start or 0), (end or 0) - (s_start or 0)
        # "said on Monday", "told reporters on Monday"; or "On Monday, Kurti said" opening the
        # sentence. A trailing ", police said" attributes the whole sentence, not its date.
        statement = bool(
            _SPEECH_NEAR.search(own[max(0, at - 30) : max(0, at)])
            or (at <= 3 and _SPEECH_NEAR.search(own[until : until + 30]))
        )
    else:
        window = own = sentence or ""
        statement = False
    # The one name of an unknown outlet, as every other place says it (never its file's name).
    label = outlet_label(outlet)
    item = _Item(eid, article_id, value, granularity, parse_day(first), parse_day(last), label, window)
    item.sentence_bag = bag_of_words(own)
    item.sentence_words = frozenset(item.sentence_bag)
    item.bag = item.sentence_bag
    if len(window) > len(own):
        # Counter.update counts in C; `+` would build a third Counter and filter it.
        item.bag = Counter(item.sentence_bag)
        item.bag.update(content_stems(window[len(own) :]))
    item.statement = statement
    return item


class _Weights:
    """idf-weighted word vectors of one block's events, each made when a comparison first needs it.

    Most events of a busy week are never compared with anything (no candidate shares enough
    words with them): weighting them all up front cost more than the comparisons.
    """

    def __init__(self, items: list[_Item]) -> None:
        df: Counter = Counter()
        for item in items:
            df.update(item.bag.keys())
        total = len(items)
        self.idf = {w: math.log(1 + total / n) for w, n in df.items()}
        self._bags: dict[int, tuple[dict[str, float], float]] = {}
        self._sentences: dict[int, tuple[dict[str, float], float]] = {}

    def similarity(self, a: _Item, b: _Item) -> float:
        """Cosine of the two events' words (the dated sentence and the one after it)."""
        return _cosine(*self._vector(a, a.bag, self._bags), *self._vector(b, b.bag, self._bags))

    def sentence_similarity(self, a: _Item, b: _Item) -> float:
        """Cosine of the words of the two dated sentences alone."""
        return _cosine(
            *self._vector(a, a.sentence_bag, self._sentences), *self._vector(b, b.sentence_bag, self._sentences)
        )

    def _vector(self, item: _Item, bag: Counter, cache: dict) -> tuple[dict[str, float], float]:
        found = cache.get(item.id)
        if found is None:
            idf = self.idf
            vector = {w: c * idf.get(w, 1.0) for w, c in bag.items()}
            found = cache[item.id] = (vector, math.sqrt(sum(v * v for v in vector.values())))
        return found


def _cosine(a: dict[str, float], norm_a: float, b: dict[str, float], norm_b: float) -> float:
    """Cosine of two weighted vectors with known norms."""
    if not norm_a or not norm_b:
        return 0.0
    if len(b) < len(a):
        a, b = b, a
    return sum(v * b[w] for w, v in a.items() if w in b) / (norm_a * norm_b)


def _overlaps(a: _Item, b: _Item) -> bool:
    if a.granularity == "day" and b.granularity == "day":
        return a.value == b.value
    if not (a.first and a.last and b.first and b.last):
        return a.value == b.value
    return a.first <= b.last and b.first <= a.last


def weeks_to_read(first_days: Iterable[str], changed: set[dt.date] | None = None) -> list[dt.date]:
    """The ISO Mondays `link_events` reads, given the first days of the short-dated events: all of
    their weeks, or (with `changed`, the weeks whose events changed) those within two weeks of a
    change: the weeks either side of a change compare with it, and are read with their own
    neighbours for context."""
    weeks = sorted({week_monday(day) for first in first_days if (day := parse_day(first))})
    if changed is None:
        return weeks
    context = {week + dt.timedelta(days=d) for week in changed for d in (-14, -7, 0, 7, 14)}
    return [week for week in weeks if week in context]


#: What linking writes for one event: (cluster id, disagreement note or None, event id).
EventLink = tuple[int, str | None, int]


def link_events(
    weeks: Iterable[tuple[dt.date, Sequence[EventText]]],
    long_dated: Iterable[EventText],
    *,
    changed: set[dt.date] | None = None,
) -> Iterator[list[EventLink]]:
    """Group events and note disagreements; yield the links to write, a finished block at a time.

    `weeks` gives the short-dated events of each week to read, in week order (see
    `weeks_to_read`); `long_dated` the events dated by a month, a year or a long span, in value
    order. With `changed` (the ISO Mondays whose short-dated events changed), only the links
    those changes can reach are yielded: of the changed weeks and the weeks either side (their
    date notes compare with the changed week); weeks further out are read for context only.
    Each block is yielded once no later week can add a note to it, so a caller may write it
    before the next week is read.
    """
    whole = changed is None
    reach = {w + dt.timedelta(days=d) for w in changed or () for d in (-7, 0, 7)}
    notes: dict[int, list[tuple[str, str]]] = defaultdict(list)

    def finish(block: list[_Item], monday: dt.date | None) -> list[EventLink]:
        # A week outside the reach was read for context only: its rows are left as they are.
        if whole or monday is None or monday in reach:
            return _links(block, notes)
        for item in block:
            notes.pop(item.id, None)
        return []

    previous: list[_Item] = []
    previous_monday: dt.date | None = None
    for monday, rows in weeks:
        items = [_item(r) for r in rows]
        if previous_monday is not None and previous_monday != monday - dt.timedelta(days=7):
            yield finish(previous, previous_monday)
            previous, previous_monday = [], None
        _link_week(items, previous, notes)
        yield finish(previous, previous_monday)  # the week before can get no more notes now
        previous, previous_monday = items, monday
    yield finish(previous, previous_monday)

    # Long-dated events, in value order: grouped only with the same value.
    block: list[_Item] = []
    for row in long_dated:
        item = _item(row)
        if block and item.value != block[0].value:
            _link_same_value(block)
            yield _links(block, notes)
            block = []
        block.append(item)
    if block:
        _link_same_value(block)
        yield _links(block, notes)


def _candidate_pairs(items: list[_Item], others: list[_Item] | None = None, keep=None):
    """Pairs of events worth comparing (see blocking.candidate_pairs), with this room's thresholds."""
    return candidate_pairs(items, others, keep, min_shared=MIN_SHARED_WORDS, max_posting=MAX_POSTING)


def _link_week(items: list[_Item], previous: list[_Item], notes: dict[int, list[tuple[str, str]]]) -> None:
    """Group one week's short-dated events; note dates that disagree within the week or with
    the week before; compare figures within each group."""
    union = UnionFind()
    weights = _Weights(items + previous)
    for item in items:
        union.find(item.id)
    for i, j in _candidate_pairs(items):
        a, b = items[i], items[j]
        if _overlaps(a, b):
            if _similar(a, b, weights.similarity(a, b)):
                union.union(a.id, b.id)
        elif _dated_differently(a, b, weights):
            _note_dates(a, b, notes)
    # Across weeks only a differently dated same happening is looked for: only events that
    # can be one are compared.
    for i, j in _candidate_pairs(items, previous, keep=_may_be_dated_differently):
        a, b = items[i], previous[j]
        if _dated_differently(a, b, weights):
            _note_dates(a, b, notes)
    for item in items:
        item.cluster = union.find(item.id)
    _note_figures(items, notes)


def _link_same_value(items: list[_Item]) -> None:
    """Group events that share a long date value (a month, a year) and similar words."""
    union = UnionFind()
    weights = _Weights(items)
    for item in items:
        union.find(item.id)
    for i, j in _candidate_pairs(items):
        a, b = items[i], items[j]
        if a.granularity == b.granularity and _similar(a, b, weights.similarity(a, b)):
            union.union(a.id, b.id)
    for item in items:
        item.cluster = union.find(item.id)


def _may_be_dated_differently(event: _Item) -> bool:
    """Whether an event can be one side of `_dated_differently`: a day that is not a statement's."""
    return event.granularity == "day" and not event.statement and event.first is not None


def _dated_differently(a: _Item, b: _Item, weights: _Weights) -> bool:
    """The same happening on two different days within a week: near-identical dated sentences."""
    if not (_may_be_dated_differently(a) and _may_be_dated_differently(b)):
        return False
    if not (a.first and b.first and 0 < abs((a.first - b.first).days) <= DATE_DISAGREEMENT_DAYS):
        return False
    if len(a.sentence_words & b.sentence_words) < DATE_DISAGREEMENT_SHARED_WORDS:
        return False
    return weights.sentence_similarity(a, b) >= DATE_DISAGREEMENT_SIMILARITY


def _similar(a: _Item, b: _Item, similarity: float) -> bool:
    """Similar enough to be one happening: the cosine bar and a few shared content words."""
    return similarity >= SAME_EVENT_SIMILARITY and len(a.bag.keys() & b.bag.keys()) >= MIN_SHARED_WORDS


def _links(items: list[_Item], notes: dict[int, list[tuple[str, str]]]) -> list[EventLink]:
    """Cluster ids and notes of finished events (their notes are taken out of `notes`)."""
    links = []
    for item in items:
        entries = notes.pop(item.id, ())
        # Date notes first, sorted: the pairs that noted them are found in no fixed order.
        # Figure notes after them, in the order their groups were compared.
        dated = sorted({text for kind, text in entries if kind == _DATE_NOTE})
        note = _fit([*dated, *dict.fromkeys(text for kind, text in entries if kind != _DATE_NOTE)])
        links.append((item.cluster or item.id, note, item.id))
    return links


def _fit(parts: list[str]) -> str | None:
    """An event's notes joined, cut at a word to `NOTE_CHARS` with "…". A cut that would keep a
    later note without its opening words keeps the notes before it whole instead, so the notes
    can be told apart again (core.models.distinct_notes)."""
    note = NOTE_SEPARATOR.join(parts)
    if len(note) <= NOTE_CHARS:
        return note or None
    cut = note[: NOTE_CHARS - 1].rsplit(" ", 1)[0]
    # The last note the cut reaches (its separator counted), and where it starts.
    last, start, next_start = 0, 0, 0
    for index, part in enumerate(parts):
        if next_start > len(cut) + len(NOTE_SEPARATOR):
            break
        last, start = index, next_start
        next_start += len(part) + len(NOTE_SEPARATOR)
    if last and not NOTE_OPENING.match(cut[start:]):
        return NOTE_SEPARATOR.join(parts[:last])
    return cut + "…"


#: Kinds of the notes kept per event until its week is written.
_DATE_NOTE, _FIGURE_NOTE = "date", "figure"


def _note_dates(a: _Item, b: _Item, notes: dict[int, list[tuple[str, str]]]) -> None:
    note = f"dated {a.value} by {a.label}, {b.value} by {b.label}" if a.value < b.value else f"dated {b.value} by {b.label}, {a.value} by {a.label}"
    notes[a.id].append((_DATE_NOTE, note))
    notes[b.id].append((_DATE_NOTE, note))


def _note_figures(items: list[_Item], notes: dict[int, list[tuple[str, str]]]) -> None:
    """Within each group of events from several articles, compare the figures they give.

    Figures are compared as distinct variants (what is counted, how, by which number), so a
    figure repeated by a thousand outlets costs one comparison, not a million.
    """
    groups: dict[int, list[_Item]] = defaultdict(list)
    for item in items:
        groups[item.cluster].append(item)
    for group in groups.values():
        if len({item.article_id for item in group}) < 2:
            continue
        variants: dict[tuple, tuple[Figure, list[_Item]]] = {}
        seen_windows = set()
        for item in group:
            if (item.article_id, item.window) in seen_windows:
                continue
            seen_windows.add((item.article_id, item.window))
            for figure in figures(item.window):
                key = (figure.noun, figure.predicate, figure.low, figure.high, figure.exact, figure.stated)
                variants.setdefault(key, (figure, []))[1].append(item)
        listed = list(variants.values())
        for x in range(len(listed)):
            for y in range(x + 1, len(listed)):
                (fa, items_a), (fb, items_b) = listed[x], listed[y]
                articles = {i.article_id for i in items_a} | {i.article_id for i in items_b}
                if len(articles) < 2 or not same_count(fa, fb) or not figures_disagree(fa, fb):
                    continue
                pair = sorted((f"{_phrase(fa)} ({_labels(items_a)})", f"{_phrase(fb)} ({_labels(items_b)})"))
                note = f"figures differ: {pair[0]} vs {pair[1]}"
                for item in group:
                    if item.article_id in articles:
                        notes[item.id].append((_FIGURE_NOTE, note))


def _labels(items: list[_Item]) -> str:
    """'AP' or 'AP and 3 more': the sources giving one figure."""
    names = list(dict.fromkeys(item.label for item in items))
    return names[0] if len(names) == 1 else f"{names[0]} and {len(names) - 1} more"


def _phrase(figure: Figure) -> str:
    """'about 25 troops injured': the figure as written, with what it counts."""
    words = [" ".join(figure.text.split())]
    if figure.noun:
        words.append(figure.noun)
    if figure.predicate:
        words.append(figure.predicate)
    return " ".join(words)
