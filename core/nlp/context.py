"""What the pipeline knows about the briefing beyond one article (for dating undated articles).

A folder may hold more than one story. An undated article is dated only by the dated articles
of its own story: those that name the same people and places. The dated articles are kept in
story groups (`StoryGroup`, one per name an article mentions most), each with the names most
of its articles mention, their publication days and the days their events fall on;
`same_story` keeps the groups whose names the undated article shares. Quotations are kept as
word runs, each with the first dated article that quotes it: a reprint reports the same
statement. Both stay small however large the briefing: a group is a few dozen names and two
day counts, and the runs have a fixed budget, filled in order of publication.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefing.core.models import Extraction, ParsedArticle

#: How many names describe an article, and a story group.
NAMES_KEPT = 40
#: Characters of a body read for its names and quotations: a story's names come early.
NAMES_CHARS = 6000
#: Words in a quotation run shared by two reports of one statement.
QUOTE_RUN_WORDS = 5
#: Most quotation runs a context keeps (a few MB); the earliest publications fill it first.
QUOTE_RUN_BUDGET = 200_000
#: A story group is the article's story when the names they share weigh at least this, and at
#: least this share of the best group's weight (each shared name weighs how often the article
#: names it, up to three).
STORY_MIN_WEIGHT = 2
STORY_SHARE_OF_BEST = 0.3

_NAME = re.compile(r"[A-Z][\w’'-]+")
_QUOTE_WORD = re.compile(r"[a-z0-9]+")
# From an opening mark to its closing mark, or to the end of the line when a copy was cut
# inside the quotation.
_QUOTED = re.compile(r"[“\"«„]([^”\"»“\n]+)")
#: Capitalised words that are no names of a story: sentence openers, days and months, and the
#: offices, institutions and outlets every story has.
NOT_NAMES = frozenset("""
the a an and or but if of in on at to for from by with as after before during while since until
about over under into than then there here this that these those it its he she they we you i his
her their our your my me him them us who whom whose which what when where why how all any both
each every some many much most more other such no not nor only own same so too very can will
would should could may might must shall do does did has have had be is are was were been also
just now still yet however meanwhile earlier later today yesterday tomorrow tonight according
said says mr mrs ms dr one two three four five six seven eight nine ten first second third last
next new news report reports reported officials official people police government monday
tuesday wednesday thursday friday saturday sunday january february march april june july august
september october november december minister ministry interior foreign defence defense affairs
health world press red crescent cross international national organization organisation agency
council union european united nations state states department army court parliament security
office president prime deputy secretary general chief head spokesman spokeswoman spokesperson
director committee commission federation society societies association institute foundation
corporation company group party daily times post television radio reuters afp associated dpa
efe bbc cnn god north south east west northern southern eastern western central great royal
republic kingdom city province region county district capital authorities authority
""".split())


@dataclass(frozen=True)
class StoryGroup:
    """The dated articles that mention one name most: a story, or a strand of one."""

    #: The name its articles mention most.
    key: str
    #: The names most of its articles mention.
    names: frozenset[str] = frozenset()
    #: Their publication days, each once.
    published: tuple[str, ...] = ()
    #: How often each day is the value of one of their day-level events.
    event_days: Counter = field(default_factory=Counter)

    def __hash__(self) -> int:  # Counter is unhashable
        return id(self)


@dataclass(frozen=True)
class QuotedBy:
    """The first dated article that quotes a run of words."""

    published: str
    label: str
    #: The key of its story group.
    story: str


@dataclass(frozen=True)
class BriefingContext:
    """Dates the other articles of the briefing give.

    Used to infer the publication date of an article that states none: its "on Monday" is most
    likely the Monday the other sources of its story date the same events to. With `groups`,
    only those of the article's story count (`same_story`); without them (a context built by
    hand), `published` and `event_days` stand for the whole briefing.
    """

    #: Publication dates (ISO days) of the other dated articles, each day once.
    published: tuple[str, ...] = ()
    #: How often each ISO day is the resolved value of another article's day-level event.
    event_days: Counter = field(default_factory=Counter)
    #: The dated articles by story.
    groups: tuple[StoryGroup, ...] = ()
    #: Quotation runs (crc32 of the words), each with the index in `quoting` of the first dated
    #: article quoting it (plain ints: the context is sent to every worker process).
    quote_runs: dict[int, int] = field(default_factory=dict)
    quoting: tuple[QuotedBy, ...] = ()
    #: The keys of the groups kept by `same_story` (the runs of other groups do not count), or
    #: None for every group.
    story_keys: frozenset[str] | None = None

    def quoted_by(self, run: int) -> QuotedBy | None:
        """The first dated article of this context's stories that quotes a run, if any."""
        at = self.quote_runs.get(run)
        by = self.quoting[at] if at is not None else None
        return by if by is not None and (self.story_keys is None or by.story in self.story_keys) else None

    def __hash__(self) -> int:  # Counter is unhashable; identity is enough for a frozen context.
        return id(self)

    @functools.cached_property
    def groups_naming(self) -> dict[str, list[int]]:
        """The positions in `groups` of the groups that hold each name (built on first use, in
        the process that reads it: an article's story is found from its own names alone)."""
        positions: dict[str, list[int]] = {}
        for at, group in enumerate(self.groups):
            for name in group.names:
                positions.setdefault(name, []).append(at)
        return positions


def story_names(text: str) -> Counter:
    """The names a text mentions (capitalised words that are not openers, days or offices)."""
    names: Counter = Counter()
    for match in _NAME.finditer(text):
        word = match.group(0).lower()
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        word = word.strip("'’-")
        if len(word) >= 3 and word not in NOT_NAMES:
            names[word] += 1
    return names


def quoted_passages(text: str) -> list[str]:
    """The passages of a text inside quotation marks, a quotation cut short included."""
    return [match.group(1) for match in _QUOTED.finditer(text)]


def quote_runs(quotes: Iterable[str]) -> list[int]:
    """Every run of `QUOTE_RUN_WORDS` words in the quotations, as a crc32 (the same in every
    process, unlike hash(): worker processes compare with the parent's)."""
    runs = []
    for quote in quotes:
        words = _QUOTE_WORD.findall(quote.lower().replace("’", "'"))
        for n in range(len(words) - QUOTE_RUN_WORDS + 1):
            runs.append(zlib.crc32(" ".join(words[n : n + QUOTE_RUN_WORDS]).encode()))
    return runs


class ContextBuilder:
    """Collects dated articles, in order of publication, into a `BriefingContext`."""

    def __init__(self) -> None:
        self._names: dict[str, Counter] = {}
        self._published: dict[str, dict[str, None]] = {}
        self._days: dict[str, Counter] = {}
        self._runs: dict[int, int] = {}
        self._quoting: list[QuotedBy] = []

    def add(self, published: str, body: str, event_days: Iterable[str], label: str = "") -> None:
        """One dated article: its publication day, body and the values of its day-level events."""
        head = body[:NAMES_CHARS]
        names = [name for name, _count in story_names(head).most_common(NAMES_KEPT)]
        key = names[0] if names else ""
        self._names.setdefault(key, Counter()).update(names)
        self._published.setdefault(key, {})[published] = None
        self._days.setdefault(key, Counter()).update(event_days)
        runs = quote_runs(quoted_passages(head))
        if runs and len(self._runs) < QUOTE_RUN_BUDGET:
            self._quoting.append(QuotedBy(published, label, key))
            for run in runs:
                if len(self._runs) >= QUOTE_RUN_BUDGET:
                    break
                self._runs.setdefault(run, len(self._quoting) - 1)

    def build(self) -> BriefingContext:
        """The context of every article added."""
        groups = tuple(
            StoryGroup(
                key,
                frozenset(name for name, _n in self._names[key].most_common(NAMES_KEPT)),
                tuple(self._published[key]),
                self._days[key],
            )
            for key in self._names
        )
        return _joined(groups, self._runs, tuple(self._quoting))


def _joined(
    groups: tuple[StoryGroup, ...], runs: dict[int, int], quoting: tuple[QuotedBy, ...], keys: frozenset[str] | None = None
) -> BriefingContext:
    days: Counter = Counter()
    for group in groups:
        days.update(group.event_days)
    published = tuple(dict.fromkeys(day for group in groups for day in group.published))
    return BriefingContext(
        published=published, event_days=days, groups=groups, quote_runs=runs, quoting=quoting, story_keys=keys
    )


def same_story(context: BriefingContext, names: Counter) -> BriefingContext:
    """The part of `context` about the story of an article that mentions `names`.

    A context without groups, or an article that names nobody, is given the whole briefing.
    """
    if not context.groups or not names:
        return context
    # Only the groups that share a name with the article weigh anything: the others weigh 0.
    weights: dict[int, int] = {}
    for name, count in names.items():
        for at in context.groups_naming.get(name, ()):
            weights[at] = weights.get(at, 0) + min(count, 3)
    floor = max(STORY_MIN_WEIGHT, STORY_SHARE_OF_BEST * max(weights.values(), default=0))
    kept = tuple(context.groups[at] for at in sorted(weights) if weights[at] >= floor)
    # The runs are shared, not copied: an index run asks this for every undated article.
    return _joined(kept, context.quote_runs, context.quoting, frozenset(group.key for group in kept))


def context_from_extractions(pairs: Iterable[tuple[ParsedArticle, Extraction]]) -> BriefingContext:
    """The context the dated ones of these extracted articles give (files without a database)."""
    builder = ContextBuilder()
    for article, extraction in sorted((p for p in pairs if p[0].published), key=lambda p: p[0].published):
        days = [e.value for e in extraction.events if e.granularity == "day"]
        builder.add(article.published, article.body, days, article.outlet or article.path)
    return builder.build()

