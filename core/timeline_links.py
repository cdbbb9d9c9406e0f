"""Link events across sources: the same happening grouped, disagreements on date or figures flagged.

`link_events(db)` sets, for every event row:
- `cluster_id`: events from different articles about the same happening share one (the
  smallest event id of the group); an event nobody else reports is a group of its own.
  Same happening = same or overlapping short date (a day, a week, a weekend) and similar
  words in the sentence that carries the date and the one after it (news often gives the
  toll in the sentence after the dated one). Months, years and long spans group only with
  the same value.
- `disagreement`: a short note when sources disagree: the same event dated differently
  (very similar sentences, different days within a week), or the same figure given
  differently (numbers attached to the same kind of noun and the same predicate — "30
  soldiers injured" against "about 25 peacekeepers injured").

It scales by blocking: short-dated events are read one ISO week at a time (plus the week
before, for dates that disagree by a few days), and candidate pairs come from an inverted
index of sentence words that skips words too common to tell events apart: two events are
compared only when they share at least `MIN_SHARED_WORDS` of the words that remain.
"""

from __future__ import annotations

import array
import datetime as dt
import functools
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import chain
from pathlib import PurePath

import numpy
from briefing.core.models import NOTE_OPENING, NOTE_SEPARATOR

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

STOPWORDS = frozenset(
    """a about above after again against all also although among an and any are as at be because
    been before being between both but by can could did do does during each either even every
    few for from had has have having he her here hers him his how however i if in into is it its
    itself just last least less like made make many may might more most much must my near nearly
    new next no nor not now of off on once one only or other our out over own per said same says
    she should since so some still such than that the their them then there these they this those
    though through thus to too told under until up upon us very was we were what when where which
    while who whom whose why will with within without would yet you your monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august september
    october november december week weeks month months year years day days today yesterday tomorrow
    earlier later according""".split()
)
#: Words that news uses interchangeably for the same thing, mapped to one form.
SYNONYMS = {
    "wounded": "injured", "hurt": "injured", "injuries": "injured", "injuring": "injured",
    "wounding": "injured", "wounds": "injured", "injury": "injured",
    "dead": "killed", "died": "killed", "deaths": "killed", "death": "killed", "killing": "killed",
    "fatalities": "killed",
    "detained": "arrested", "arrests": "arrested", "arrest": "arrested", "detention": "arrested",
    "detentions": "arrested",
    "soldiers": "troops", "soldier": "troops", "peacekeepers": "troops", "peacekeeper": "troops",
    "servicemen": "troops", "troop": "troops", "personnel": "troops",
    "policemen": "police", "officers": "police", "officer": "police", "policeman": "police",
    "protesters": "protesters", "demonstrators": "protesters", "protestors": "protesters",
    "protester": "protesters", "demonstrator": "protesters",
    "clash": "clashes", "confrontation": "clashes", "confrontations": "clashes", "violence": "clashes",
    "unrest": "clashes", "riots": "clashes",
    "people": "people", "persons": "people", "civilians": "people", "residents": "people",
}
_CANONICAL = frozenset(SYNONYMS.values())
#: Predicates a figure can be a count of, by the form SYNONYMS maps them to. Casualty counts
#: are compared even when one side names no noun ("30 injured"); the others only for one noun.
CASUALTY_PREDICATES = frozenset({"injured", "killed", "arrested", "missing"})
PREDICATES = CASUALTY_PREDICATES | {"evacuated", "displaced", "deployed", "sent"}
#: Verbs of saying (as in core.nlp.datelex): a date right next to one dates a statement, and
#: statements on different days are no disagreement.
_SPEECH_NEAR = re.compile(
    r"\b(?:said|says|told|stated|announced|added|declared|wrote|tweeted|posted|noted|warned|insisted|"
    r"claimed|explained|stressed|urged|asked|replied|reported|confirmed|denied|according)\b",
    re.IGNORECASE,
)
#: Qualifiers that make a figure approximate, with the range they give around the number n.
QUALIFIERS = {
    "about": (0.85, 1.15), "around": (0.85, 1.15), "some": (0.85, 1.15), "approximately": (0.85, 1.15),
    "roughly": (0.85, 1.15), "an estimated": (0.85, 1.15), "almost": (0.85, 1.0), "nearly": (0.85, 1.0),
    "close to": (0.85, 1.0), "more than": (1.0, 1.5), "over": (1.0, 1.5), "at least": (1.0, 1.5),
    "up to": (0.0, 1.0), "as many as": (0.5, 1.0), "less than": (0.0, 1.0), "fewer than": (0.0, 1.0),
    "under": (0.0, 1.0), "at most": (0.0, 1.0),
}
#: Vague quantities with the range they stand for.
VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999)}
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100,
}
#: Words between a number and its noun that do not end the noun phrase.
_NOUN_SKIP = frozenset({"of", "the", "its", "their", "his", "her", "more", "other", "additional", "extra", "further", "new"})
#: Words just before a number that make it part of a breakdown, not a total ("including 11 Italians").
_PART_MARKERS = ("including", "among them", "of whom", "of which", "of them", "among whom")

_WORD = re.compile(r"[A-Za-zÀ-ž][\w'’-]*")
_QUALIFIER_ALT = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUALIFIERS, key=len, reverse=True))
_NUMBER_ALT = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_FIGURE = re.compile(
    rf"(?<![\w.,/-])(?:(?P<qual>{_QUALIFIER_ALT})\s+)?"
    rf"(?:(?P<num>[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+)(?![\w%/:-]|[.,][0-9])|(?P<word>{_NUMBER_ALT})\b|(?P<vague>dozens|scores|hundreds|thousands)\s+of)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s|\n")
_MEASURE_AFTER = re.compile(r"\s*(?:%|percent|per cent|km|kilomet|mile|metre|meter|a\.m\.|p\.m\.|am\b|pm\b|hours|GMT|CET)", re.I)
_MONTH_BEFORE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)\s*$"
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


@dataclass(frozen=True)
class Figure:
    """A number in an event's sentences, with the range it stands for and what it counts."""

    text: str
    low: float
    high: float
    exact: bool
    stated: float | None
    noun: str | None
    predicate: str | None


# --- text features -----------------------------------------------------------------------------


def _stem(word: str) -> str:
    """A word's comparison form: synonyms merged, else its first five letters."""
    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    low = SYNONYMS.get(low, low)
    return low if low in _CANONICAL else low[:5]


def bag_of_words(text: str) -> Counter:
    """Content-word stems of a text (synonyms merged, stop words and short words dropped)."""
    return Counter(_content_stems(text))


def _content_stems(text: str):
    """The stems `bag_of_words` counts, in text order."""
    return filter(None, map(_content_stem, _WORD.findall(text)))


@functools.lru_cache(maxsize=1 << 16)
def _content_stem(word: str) -> str | None:
    """A word's stem, or None for a stop word or a short word (news repeats its words: cached)."""
    low = word.lower()
    if low in STOPWORDS or (len(low) < 4 and low not in SYNONYMS):
        return None
    return _stem(word)


def figures(text: str) -> list[Figure]:
    """Counted figures in a text: '30 international soldiers', 'about 25 peacekeepers ... injured'."""
    found = []
    for match in _FIGURE.finditer(text):
        qual = " ".join((match.group("qual") or "").lower().split())
        if match.group("num"):
            value = float(match.group("num").replace(",", ""))
            if 1900 <= value <= 2099 and not qual:
                continue  # a year
        elif match.group("word"):
            value = float(NUMBER_WORDS[match.group("word").lower()])
        else:
            value = None
        before = text[max(0, match.start() - 40) : match.start()].lower()
        if any(before.rstrip(" ,(").endswith(marker) for marker in _PART_MARKERS):
            continue
        if _in_breakdown(text, match):
            continue
        if _MEASURE_AFTER.match(text, match.end()):
            continue  # a share, a distance or a time
        if _MONTH_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue  # the day of a date
        noun, predicate = _noun_and_predicate(text, match)
        if noun is None and predicate is None:
            continue
        if value is None:
            low, high = VAGUE[match.group("vague").lower()]
            found.append(Figure(match.group(0), low, high, False, None, noun, predicate))
        elif qual:
            lo, hi = QUALIFIERS[qual]
            found.append(Figure(match.group(0), value * lo, value * hi, False, value, noun, predicate))
        else:
            found.append(Figure(match.group(0), value, value, True, value, noun, predicate))
    return found


def _in_breakdown(text: str, match: re.Match) -> bool:
    """True for the parts of '19 Hungarian and 11 Italian soldiers': numbers joined by 'and'."""
    before = text[max(0, match.start() - 40) : match.start()]
    after = text[match.end() : match.end() + 40]
    joined_before = re.search(r"[0-9]+\b[^.;0-9]*\band\s+$", before)
    joined_after = re.match(r"[^.;0-9]*?\band\s+(?:[a-z]+\s+)?[0-9]+\b", after)
    return bool(joined_before or joined_after)


def _noun_and_predicate(text: str, match: re.Match) -> tuple[str | None, str | None]:
    """What a number counts (its noun, synonyms merged) and what happened to it (injured, ...)."""
    noun = None
    predicate = None
    rest = text[match.end() : match.end() + 60]
    for n, word_match in enumerate(_WORD.finditer(rest)):
        if n >= 4 or re.search(r"[,;:.()—]", rest[: word_match.start()]):
            break
        word = word_match.group(0)
        low = word.lower()
        mapped = SYNONYMS.get(low, low)
        if mapped in PREDICATES:
            predicate = mapped
            break
        if mapped in _CANONICAL:
            noun = mapped
            break
        if low in _NOUN_SKIP:
            continue
        if len(low) > 3 and low.endswith("s") and not low.endswith("ss"):
            noun = _stem(word)
            break
        if word[0].isupper() or low.isalpha():
            continue  # a modifier: NATO, international, local
        break
    if predicate is None:
        sentence_end = _SENTENCE_END.search(text, match.end())
        stop = min(sentence_end.start() if sentence_end else len(text), match.end() + 160)
        ahead = [
            (m.start() - match.end(), SYNONYMS.get(m.group(0).lower(), m.group(0).lower()))
            for m in _WORD.finditer(text, match.end(), stop)
        ]
        behind_text = text[max(0, match.start() - 40) : match.start()]
        behind = [
            (len(behind_text) - m.end(), SYNONYMS.get(m.group(0).lower(), m.group(0).lower()))
            for m in _WORD.finditer(behind_text)
        ]
        hits = sorted((d, w) for d, w in ahead + behind if w in PREDICATES)
        if hits:
            predicate = hits[0][1]
    return noun, predicate


def _same_count(a: Figure, b: Figure) -> bool:
    """True when two figures count the same thing (same predicate, and same noun where given)."""
    if a.predicate != b.predicate:
        return False
    if a.predicate in CASUALTY_PREDICATES and (a.noun is None or b.noun is None):
        return True  # "30 injured" and "25 soldiers injured" count the same casualties
    return a.noun is not None and a.noun == b.noun


def figures_disagree(a: Figure, b: Figure) -> bool:
    """True when two figures for the same count disagree.

    Exact figures disagree when they differ; an approximate and an exact one when the exact
    number is not the approximate one's ("about 25" vs 30, "more than 50" vs 52); two
    approximate ones only when their ranges do not overlap.
    """
    if a.exact and b.exact:
        return a.stated != b.stated
    if a.exact != b.exact:
        exact, approx = (a, b) if a.exact else (b, a)
        if approx.stated is not None:
            return exact.stated != approx.stated
        return not (approx.low <= exact.stated <= approx.high)
    return a.high < b.low or b.high < a.low


# --- linking -----------------------------------------------------------------------------------


class _UnionFind:
    """Disjoint sets of event ids; the smallest id of a set is its root."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        """Root of x's set (x joins as a set of its own on first sight)."""
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        """Merge the sets of a and b."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller id becomes the root, so cluster ids are stable and readable.
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


_SELECT = """
SELECT e.id, e.article_id, e.value, e.granularity, e.day_first, e.day_last, e.sentence,
       e.sentence_start, e.sentence_end, a.outlet, a.path, e.start, e."end",
       CASE WHEN e.sentence_start >= 0 AND e.sentence_end > e.sentence_start
            THEN substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start + {following})
       END
FROM events e JOIN articles a ON a.id = e.article_id
"""


def _parse(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _item(row) -> _Item:
    (eid, article_id, value, granularity, first, last, sentence, s_start, s_end, outlet, path, start, end, raw) = row
    if raw:
        length = max(0, (s_end or 0) - (s_start or 0))
        following = raw[length:]
        next_end = _SENTENCE_END.search(following, 1)
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
    label = outlet or PurePath(path or "").name or f"article {article_id}"
    item = _Item(eid, article_id, value, granularity, _parse(first), _parse(last), label, window)
    item.sentence_bag = bag_of_words(own)
    item.sentence_words = frozenset(item.sentence_bag)
    item.bag = item.sentence_bag
    if len(window) > len(own):
        # Counter.update counts in C; `+` would build a third Counter and filter it.
        item.bag = Counter(item.sentence_bag)
        item.bag.update(_content_stems(window[len(own) :]))
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


def _discriminating(events: list[_Item]) -> set[str]:
    """Words of at most `MAX_POSTING` of these events: the ones that can tell events apart."""
    counts = Counter(chain.from_iterable(event.bag.keys() for event in events))
    return {word for word, count in counts.items() if count <= MAX_POSTING}


#: Most word-sharing pairs counted at once (bounds the memory of a block of a busy week).
_PAIRS_AT_ONCE = 1 << 20


def _candidate_pairs(items: list[_Item], others: list[_Item] | None = None, keep=None):
    """Pairs (i, j) of items from different articles sharing at least `MIN_SHARED_WORDS`
    discriminating words (both tests of sameness need that many shared words anyway).

    Within one list each pair comes once, as (earlier, later): each item is paired with the
    items before it that share a word. With `others`, each item of `items` with those of
    `others`. `keep` leaves out events that no comparison could use, after the word counts
    (which judge a word over every event). A busy week has tens of thousands of events and
    tens of millions of word-sharing pairs: they are counted in numpy, not a Python loop.
    """
    pool = items if others is None else others
    codes = {word: n for n, word in enumerate(_discriminating(pool))}
    probe_owner, probe_word = _postings(items, codes, keep)
    if others is None:
        # Sorted by word, then item (entries are in item order and the sort is stable): an
        # entry's earlier items with that word come just before it.
        order = numpy.argsort(probe_word, kind="stable")
        target_owner = probe_owner[order]
        sorted_words = probe_word[order]
        group_first = _group_starts(sorted_words)
        starts = numpy.empty_like(order)
        starts[order] = group_first
        counts = numpy.empty_like(order)
        counts[order] = numpy.arange(len(order)) - group_first
    else:
        pool_owner, pool_word = _postings(others, codes, keep)
        order = numpy.argsort(pool_word, kind="stable")
        target_owner = pool_owner[order]
        bounds = numpy.searchsorted(pool_word[order], numpy.arange(len(codes) + 1))
        starts = bounds[probe_word]
        counts = bounds[probe_word + 1] - starts
    articles = numpy.fromiter((event.article_id for event in pool), numpy.int64, len(pool))
    probe_articles = articles if others is None else numpy.fromiter((e.article_id for e in items), numpy.int64, len(items))
    for first, last in _chunks(probe_owner, counts):
        probe, target = _expand(probe_owner[first:last], starts[first:last], counts[first:last], target_owner)
        pair = probe * len(pool) + target
        pair.sort()
        # A pair is listed once for each word the two share.
        run_starts = numpy.flatnonzero(numpy.concatenate(([True], pair[1:] != pair[:-1])))
        shared = numpy.diff(numpy.append(run_starts, len(pair)))
        found = pair[run_starts[shared >= MIN_SHARED_WORDS]]
        i, j = found // len(pool), found % len(pool)
        other_article = probe_articles[i] != articles[j]
        for i_, j_ in zip(i[other_article].tolist(), j[other_article].tolist()):
            yield (j_, i_) if others is None else (i_, j_)


def _postings(events: list[_Item], codes: dict[str, int], keep) -> tuple[numpy.ndarray, numpy.ndarray]:
    """(event index, word code) for each discriminating word of each kept event, in event order."""
    owners, words = array.array("q"), array.array("q")
    for n, event in enumerate(events):
        if keep is None or keep(event):
            found = [codes[word] for word in event.bag if word in codes]
            owners.extend([n] * len(found))
            words.extend(found)
    return numpy.frombuffer(owners, numpy.int64), numpy.frombuffer(words, numpy.int64)


def _group_starts(values: numpy.ndarray) -> numpy.ndarray:
    """For each position of a sorted array, where its run of equal values starts."""
    if not len(values):
        return numpy.zeros(0, numpy.int64)
    new = numpy.ones(len(values), dtype=bool)
    new[1:] = values[1:] != values[:-1]
    return numpy.maximum.accumulate(numpy.where(new, numpy.arange(len(values)), 0))


def _chunks(owners: numpy.ndarray, counts: numpy.ndarray):
    """(first, last) slices of entries, whole owners each, with about `_PAIRS_AT_ONCE` pairs."""
    total = numpy.concatenate(([0], numpy.cumsum(counts)))
    boundaries = numpy.concatenate((numpy.flatnonzero(owners[1:] != owners[:-1]) + 1, [len(owners)]))
    total_at_boundaries = total[boundaries]
    first = 0
    while first < len(owners):
        reach = numpy.searchsorted(total_at_boundaries, total[first] + _PAIRS_AT_ONCE, side="right")
        # At least one owner's entries, however many pairs it has.
        last = int(boundaries[max(reach - 1, numpy.searchsorted(boundaries, first, side="right"))])
        yield first, last
        first = last


def _expand(owners: numpy.ndarray, starts: numpy.ndarray, counts: numpy.ndarray, targets: numpy.ndarray):
    """(owner, target) for every entry: its owner with each of targets[start : start + count]."""
    entry = numpy.repeat(numpy.arange(len(owners)), counts)
    offset = numpy.arange(len(entry)) - numpy.repeat(numpy.cumsum(counts) - counts, counts)
    return owners[entry], targets[starts[entry] + offset]


def _overlaps(a: _Item, b: _Item) -> bool:
    if a.granularity == "day" and b.granularity == "day":
        return a.value == b.value
    if not (a.first and a.last and b.first and b.last):
        return a.value == b.value
    return a.first <= b.last and b.first <= a.last


def link_events(db, weeks: set[dt.date] | None = None, values: set[str] | None = None) -> None:
    """Set events.cluster_id and events.disagreement (one transaction).

    With no arguments, for the whole briefing. With `weeks` (ISO Mondays whose short-dated
    events changed) and `values` (long date values whose events changed), only what those
    changes can reach: the weeks themselves and the weeks on either side (their date notes
    compare with the changed week), each read with its own neighbours for context.
    """
    whole = weeks is None and values is None
    weeks, values = weeks or set(), values or set()
    reach = {w + dt.timedelta(days=d) for w in weeks for d in (-7, 0, 7)}
    select = _SELECT.format(following=FOLLOWING_CHARS)
    notes: dict[int, list[tuple[str, str]]] = defaultdict(list)

    def finish(block: list[_Item], monday: dt.date | None) -> None:
        # A week outside the reach was read for context only: its rows are left as they are.
        if whole or monday is None or monday in reach:
            _flush(db, block, notes)
        else:
            for item in block:
                notes.pop(item.id, None)

    with db.conn:
        all_weeks = sorted(
            {
                _week_monday(d)
                for (first,) in db.execute(f"SELECT DISTINCT e.day_first FROM events e WHERE {SHORT_EVENT}")
                if (d := _parse(first))
            }
        )
        context = {w + dt.timedelta(days=d) for w in reach for d in (-7, 0, 7)}
        previous: list[_Item] = []
        previous_monday: dt.date | None = None
        for monday in all_weeks if whole else [w for w in all_weeks if w in context]:
            rows = db.execute(
                select + f" WHERE {SHORT_EVENT} AND e.day_first >= ? AND e.day_first <= ? ORDER BY e.id",
                [monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()],
            ).fetchall()
            items = [_item(r) for r in rows]
            if previous_monday is not None and previous_monday != monday - dt.timedelta(days=7):
                finish(previous, previous_monday)
                previous, previous_monday = [], None
            _link_week(items, previous, notes)
            finish(previous, previous_monday)  # the week before can get no more notes now
            previous, previous_monday = items, monday
        finish(previous, previous_monday)

        # Long-dated events (months, years, long spans), streamed in value order: grouped only
        # with the same value.
        where = f"NOT ({SHORT_EVENT})"
        params: list = []
        if not whole:
            where += " AND e.value IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(sorted(values)))
        block: list[_Item] = []
        for row in db.execute(select + f" WHERE {where} ORDER BY e.value, e.id", params):
            item = _item(row)
            if block and item.value != block[0].value:
                _link_same_value(block)
                _flush(db, block, notes)
                block = []
            block.append(item)
        if block:
            _link_same_value(block)
            _flush(db, block, notes)


#: Events whose date is a day, a week or a span of at most a week (a weekend): SQL over `events e`.
SHORT_EVENT = (
    "e.day_first IS NOT NULL AND (e.granularity IN ('day', 'week') OR (e.granularity = 'span' "
    "AND coalesce(julianday(e.day_last) - julianday(e.day_first) <= 7, 0)))"
)


def _link_week(items: list[_Item], previous: list[_Item], notes: dict[int, list[tuple[str, str]]]) -> None:
    """Group one week's short-dated events; note dates that disagree within the week or with
    the week before; compare figures within each group."""
    union = _UnionFind()
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
    union = _UnionFind()
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


def _flush(db, items: list[_Item], notes: dict[int, list[tuple[str, str]]]) -> None:
    """Write cluster ids and notes of finished events."""
    updates = []
    for item in items:
        entries = notes.pop(item.id, ())
        # Date notes first, sorted: the pairs that noted them are found in no fixed order.
        # Figure notes after them, in the order their groups were compared.
        dated = sorted({text for kind, text in entries if kind == _DATE_NOTE})
        note = _fit([*dated, *dict.fromkeys(text for kind, text in entries if kind != _DATE_NOTE)])
        updates.append((item.cluster or item.id, note, item.id))
    if updates:
        db.conn.executemany("UPDATE events SET cluster_id = ?, disagreement = ? WHERE id = ?", updates)


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


def _week_monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


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
                if len(articles) < 2 or not _same_count(fa, fb) or not figures_disagree(fa, fb):
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
