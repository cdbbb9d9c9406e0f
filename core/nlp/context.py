"""What the pipeline knows about the briefing beyond one article (for dating undated articles).

A folder may hold more than one story. An undated article is dated only by the dated articles
of its own story: those that name the same people and places (`same_story`). Each dated
article is kept as a `DatedSource`: its publication day, the days its events fall on, the
names it mentions and the word runs of its quotations (a reprint reports the same statement).
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefing.core.models import Extraction, ParsedArticle

#: How many of a source's commonest names are kept (enough to tell its story, small to hold).
NAMES_KEPT = 40
#: Characters of a body read for its names and quotations: a story's names come early.
NAMES_CHARS = 6000
#: Words in a quotation run shared by two reports of one statement.
QUOTE_RUN_WORDS = 5
#: A dated source is of the article's story when the names they share weigh at least this, and
#: at least this share of the best-linked source's weight (each shared name weighs how often
#: the article names it, up to three).
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
class DatedSource:
    """One dated article of the briefing, as evidence for dating the others of its story."""

    #: Its publication day (ISO).
    published: str
    #: ISO days of its day-level events, one entry per event.
    event_days: tuple[str, ...] = ()
    #: The names it mentions (lower case).
    names: frozenset[str] = frozenset()
    #: Hashes of the word runs of its quotations.
    quote_runs: frozenset[int] = frozenset()
    #: Its outlet or file name, for reasons shown to users.
    label: str = ""


@dataclass(frozen=True)
class BriefingContext:
    """Dates the other articles of the briefing give.

    Used to infer the publication date of an article that states none: its "on Monday" is
    most likely the Monday the other sources of its story date the same events to. With
    `sources`, only those of the article's story count; without them (a context built by
    hand), `published` and `event_days` stand for the whole briefing.
    """

    #: Publication dates (ISO days) of the other dated articles, each day once.
    published: tuple[str, ...] = ()
    #: How often each ISO day is the resolved value of another article's day-level event.
    event_days: Counter = field(default_factory=Counter)
    #: The dated articles one by one.
    sources: tuple[DatedSource, ...] = ()

    def __hash__(self) -> int:  # Counter is unhashable; identity is enough for a frozen context.
        return id(self)


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


def quote_runs(quotes: Iterable[str]) -> frozenset[int]:
    """Hashes of every run of `QUOTE_RUN_WORDS` words in the quotations."""
    runs = set()
    for quote in quotes:
        words = _QUOTE_WORD.findall(quote.lower().replace("’", "'"))
        for n in range(len(words) - QUOTE_RUN_WORDS + 1):
            # crc32, not hash(): the same in every process (workers compare with the parent's).
            runs.add(zlib.crc32(" ".join(words[n : n + QUOTE_RUN_WORDS]).encode()))
    return frozenset(runs)


def quoted_passages(text: str) -> list[str]:
    """The passages of a text inside quotation marks, a quotation cut short included."""
    return [match.group(1) for match in _QUOTED.finditer(text)]


def dated_source(published: str, body: str, event_days: Iterable[str], label: str = "") -> DatedSource:
    """A `DatedSource` from an article's body and its day-level event values."""
    head = body[:NAMES_CHARS]
    names = frozenset(name for name, _count in story_names(head).most_common(NAMES_KEPT))
    return DatedSource(published, tuple(event_days), names, quote_runs(quoted_passages(head)), label)


def context_from_sources(sources: Iterable[DatedSource]) -> BriefingContext:
    """The context of a briefing whose dated articles are `sources`."""
    sources = tuple(sources)
    days: Counter = Counter(day for source in sources for day in source.event_days)
    published = tuple(dict.fromkeys(source.published for source in sources))
    return BriefingContext(published=published, event_days=days, sources=sources)


def same_story(context: BriefingContext, names: Counter) -> BriefingContext:
    """The part of `context` about the story of an article that mentions `names`.

    A context without sources is returned as it is; an article with no names shares no story.
    """
    if not context.sources:
        return context
    weights = [sum(min(names[n], 3) for n in source.names if n in names) for source in context.sources]
    best = max(weights, default=0)
    floor = max(STORY_MIN_WEIGHT, STORY_SHARE_OF_BEST * best)
    return context_from_sources(s for s, w in zip(context.sources, weights) if w >= floor and w > 0)


def context_from_extractions(pairs: Iterable[tuple[ParsedArticle, Extraction]]) -> BriefingContext:
    """The context the dated ones of these extracted articles give (files without a database)."""
    return context_from_sources(
        dated_source(
            article.published,
            article.body,
            (e.value for e in extraction.events if e.granularity == "day"),
            article.outlet or article.path,
        )
        for article, extraction in pairs
        if article.published
    )


def context_from_db(db, exclude_article_id: int | None = None) -> BriefingContext:
    """The dates the briefing's dated articles give: one `DatedSource` per dated article."""
    dated = "a.published IS NOT NULL AND a.published_source NOT IN ('inferred', 'unknown') AND a.id IS NOT ?"
    days: dict[int, list[str]] = {}
    for article_id, value in db.execute(
        f"SELECT e.article_id, e.value FROM events e JOIN articles a ON a.id = e.article_id "
        f"WHERE e.granularity = 'day' AND {dated}",
        [exclude_article_id],
    ).fetchall():
        days.setdefault(article_id, []).append(value)
    sources = [
        dated_source(published, body or "", days.get(article_id, ()), label or "")
        for article_id, published, body, label in db.execute(
            f"SELECT a.id, a.published, substr(a.text, a.body_start + 1, ?), coalesce(a.outlet, a.path) "
            f"FROM articles a WHERE {dated}",
            [NAMES_CHARS, exclude_article_id],
        ).fetchall()
    ]
    return context_from_sources(sources)
