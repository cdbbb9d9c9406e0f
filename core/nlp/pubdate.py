"""Infer the publication date of an article that states none.

The evidence, strongest first:

1. A date the article prints about itself: a dateline inside the body that gives its year
   ("Paris, (APP - 15th May, 2024)" after a standfirst), or a publication note ("First
   published on 30 May 2023"). A reprint may be later than the original; the reason says so.
2. A date in its address (".../2023/09/15/slug").
3. A dateline that gives the day but no year ("Bratislava, May 16 (UNI)"): the year comes from
   the copyright line, the address, the capture date or the days of the article's story.
4. Its weekdays ("said Monday", "Earlier Monday", "Friday's quake"). Every day near the
   evidence is a candidate: the one wins whose weekday references land on most of the days the
   other sources of the SAME story date their events to (context.same_story), then the one
   that puts them shortest before it (news names today and the last few days by their
   weekday; "earlier Monday" and "said Monday" are the writing day, or for the latter the day
   before), then the one nearest those sources' publication days. A month the address gives,
   the copyright year and the capture date bound the candidates.
5. With no weekday to go by, a quotation it shares with dated sources of its story: it
   reports the same statement, so it is dated with the first of them.

Without such evidence the answer is None: any Monday of the year would be a guess. So it is
when two days fit equally well.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from briefing.core.nlp.context import BriefingContext, same_story
from briefing.core.nlp.temporal_resolve import FUTURE, resolve
from briefing.core.nlp.temporal_scan import Mention

#: How far (days) from a piece of evidence a candidate publication day is looked for.
WINDOW_DAYS = 7
#: Publication dates of other sources count as evidence only this close (days) to a candidate.
PUBLISHED_NEARBY_DAYS = 3
#: How far (days) from the story's days a year-less dateline may fall to take their year.
DATELINE_YEAR_REACH = 60
#: Extra cost of a weekday that should name the writing day ("Earlier Monday") but does not.
SAME_DAY_PENALTY = 2
_SAME_DAY_MODIFIERS = frozenset({"earlier", "later", "early", "late"})
# ".../2023/09/15/...", ".../2023-09-15-...", ".../2023/sep/10/...", ".../2023/09/..."
_URL_DATE = re.compile(
    r"(?<![0-9])(?P<year>(?:19|20)[0-9]{2})[/_-](?P<month>0?[1-9]|1[0-2]|[a-z]{3,9})"
    r"(?:[/_-](?P<day>0?[1-9]|[12][0-9]|3[01]))?(?=[/_.-]|$)",
    re.IGNORECASE,
)
_URL_MONTHS = {name: n for n, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for name in names}


@dataclass(frozen=True)
class ArticleEvidence:
    """What an undated article says about when it was written, beside its mentions."""

    copyright_year: int | None = None
    captured: str | None = None
    url: str | None = None
    #: The names it mentions (context.story_names): which sources are of its story.
    names: Counter = field(default_factory=Counter)
    #: Word runs of its quotations (context.quote_runs).
    quote_runs: frozenset[int] = frozenset()
    #: A head dateline's (month, day, year or None, as written).
    dateline: tuple[int, int, int | None, str] | None = None
    #: Full days the article prints about itself, each with how it prints it.
    printed: tuple[tuple[str, str], ...] = ()

    def __hash__(self) -> int:  # Counter is unhashable
        return id(self)


@dataclass(frozen=True)
class WeekdayClue:
    """A weekday reference with its tense, as evidence for the writing day."""

    mention: Mention
    tense: str | None
    #: True for a weekday that dates a statement ("said Monday"): the writing day or the day before.
    statement: bool = False

    @property
    def weekday(self) -> int:
        """The weekday named (0 = Monday)."""
        return self.mention.weekday

    @property
    def same_day(self) -> bool:
        """True for 'Earlier Monday' and the like: the writing day itself."""
        return self.mention.modifier in _SAME_DAY_MODIFIERS

    def cost(self, landed: dt.date, day: dt.date) -> int:
        """How unlikely a writer on `day` is to name `landed` so: the days between, and more
        for a same-day or statement weekday that is not the writing day (or the day before),
        and for 'last Friday' of yesterday (which news calls 'Friday' or 'yesterday')."""
        ahead = self.tense == FUTURE or self.mention.modifier in ("next", "coming")
        gap = (landed - day).days if ahead else (day - landed).days
        if self.same_day and gap:
            return gap + SAME_DAY_PENALTY
        if self.statement and gap > 1:
            return gap + SAME_DAY_PENALTY
        if self.mention.modifier in ("last", "next", "coming") and gap < 2:
            return gap + SAME_DAY_PENALTY
        return gap


def _parse_day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def date_in_url(url: str | None) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) an article's address gives in its path, or None."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    path = path.split("://", 1)[-1].partition("/")[2]
    for match in _URL_DATE.finditer(path):
        raw = match.group("month").lower()
        month = int(raw) if raw.isdigit() else _URL_MONTHS.get(raw)
        if not month:
            continue
        year, day = int(match.group("year")), match.group("day")
        if day and _safe(year, month, int(day)):
            return year, month, int(day)
        if not day:
            return year, month, None
    return None


def infer_published(
    mentions: list[Mention],
    tenses: list[str | None],
    *,
    evidence: ArticleEvidence | None = None,
    context: BriefingContext | None = None,
    statements: list[bool] | None = None,
) -> tuple[str, str] | None:
    """(ISO day, reason) for an undated article from its mentions, or None when unsure."""
    evidence = evidence or ArticleEvidence()
    if evidence.printed:
        day, written = evidence.printed[0]
        return day, f"the article prints its date ('{written}'); a reprint may be later"
    url_date = date_in_url(evidence.url)
    if url_date and url_date[2]:
        day = dt.date(*url_date)
        return day.isoformat(), f"the address gives {day.isoformat()}"
    # Only an article its own text and address do not date needs its story.
    story = same_story(context or BriefingContext(), evidence.names)
    if evidence.dateline:
        dated = _dateline_day(evidence, url_date, story)
        if dated:
            return dated
    statements = statements or [False] * len(mentions)
    clues = [
        WeekdayClue(m, t, s)
        for m, t, s in zip(mentions, tenses, statements)
        if m.weekday is not None and m.kind in ("weekday", "date")
    ]
    if clues:
        found = _from_weekdays(clues, mentions, evidence, url_date, story)
        if found:
            return found
    return _from_shared_quotes(evidence, story, url_date)


# --- 3. a dateline without its year ------------------------------------------------------------


def _dateline_day(evidence: ArticleEvidence, url_date, story: BriefingContext) -> tuple[str, str] | None:
    month, day, year, written = evidence.dateline
    limit = _parse_day(evidence.captured)
    how = None
    if year:
        how = "its year"
    elif evidence.copyright_year:
        year, how = evidence.copyright_year, f"copyright {evidence.copyright_year}"
    elif url_date:
        year, how = url_date[0], "the address"
    elif limit:
        year = limit.year if (month, day) <= (limit.month, limit.day) else limit.year - 1
        how = "the capture date"
    else:
        seen = [d for d in map(_parse_day, (*story.event_days, *story.published)) if d]
        best = None
        for candidate in {y for d in seen for y in (d.year - 1, d.year, d.year + 1)}:
            date = _safe(candidate, month, day)
            if date is None:
                continue
            distance = min(abs((date - d).days) for d in seen)
            if distance <= DATELINE_YEAR_REACH and (best is None or distance < best[0]):
                best = (distance, candidate)
        if best:
            year, how = best[1], "the days of the other sources of its story"
    date = _safe(year, month, day) if year else None
    if date is None:
        return None
    return date.isoformat(), f"dateline '{written}'; year from {how}"


# --- 4. weekdays --------------------------------------------------------------------------------


def _from_weekdays(clues, mentions, evidence: ArticleEvidence, url_date, story: BriefingContext):
    own_days = _own_days(mentions, evidence)
    event_days = {d: n for d, n in ((_parse_day(k), v) for k, v in story.event_days.items()) if d}
    published = sorted({d for d in map(_parse_day, story.published) if d})
    limit = _parse_day(evidence.captured)
    seeds = set(event_days) | set(published) | own_days
    if url_date:
        first = dt.date(url_date[0], url_date[1], 1)
        seeds |= {first + dt.timedelta(days=n) for n in range(31) if (first + dt.timedelta(days=n)).month == first.month}
    candidates = {
        day
        for day in _near(seeds)
        if not (evidence.copyright_year and day.year != evidence.copyright_year)
        and not (limit and day > limit)
        and not (url_date and (day.year, day.month) != url_date[:2])
    }
    # Each clue is read as its weekday seen from the candidate day, so "Monday, May 29, 2023"
    # supports only the candidates whose last Monday is 29 May.
    as_weekdays = [
        Mention(c.mention.start, c.mention.end, c.mention.expression, "weekday", weekday=c.weekday,
                modifier=c.mention.modifier if c.mention.kind == "weekday" else "")
        for c in clues
    ]
    scored = []
    for day in candidates:
        landed = [resolve(w, day, c.tense) for w, c in zip(as_weekdays, clues)]
        days = [_parse_day(r.value) if r and r.granularity == "day" else None for r in landed]
        if None in days:
            continue
        costs = [c.cost(d, day) for c, d in zip(clues, days)]
        hits_other = [d for d in days if d in event_days]
        hits_own = [d for d in days if d in own_days]
        nearby = _nearest_distance(published, day)
        near = nearby is not None and nearby <= PUBLISHED_NEARBY_DAYS
        if not hits_other and not hits_own and not near and not url_date:
            continue
        score = (
            len(hits_other) + len(hits_own),
            -max(costs),
            -sum(costs),
            sum(min(event_days.get(d, 0), 5) for d in hits_other),
            -(nearby if nearby is not None else 99),
            -abs((day - limit).days) if limit else 0,
        )
        scored.append((score, day, hits_other, hits_own, near))
    if not scored:
        return None
    scored.sort(key=lambda item: item[0], reverse=True)
    score, day, hits_other, hits_own, near = scored[0]
    if len(scored) > 1 and scored[1][0][:5] == score[:5]:
        return None  # two days fit the evidence equally well
    return day.isoformat(), _reason(clues, evidence, url_date, hits_other, hits_own, near, published)


def _near(seeds: set[dt.date]) -> set[dt.date]:
    """The days within `WINDOW_DAYS` of any seed (fewer at the ends of the calendar)."""
    days = set()
    for seed in seeds:
        for shift in range(-WINDOW_DAYS, WINDOW_DAYS + 1):
            try:
                days.add(seed + dt.timedelta(days=shift))
            except OverflowError:
                continue
    return days


def _own_days(mentions: list[Mention], evidence: ArticleEvidence) -> set[dt.date]:
    """Days the article itself dates explicitly (a month-day takes the copyright year)."""
    days = set()
    captured = _parse_day(evidence.captured)
    year = evidence.copyright_year or (captured.year if captured else None)
    for m in mentions:
        if m.kind != "date":
            continue
        if m.year is not None or year:
            day = _safe(m.year or year, m.month, m.day)
            if day:
                days.add(day)
    return days


def _reason(clues, evidence, url_date, hits_other, hits_own, near, published) -> str:
    """The sentence shown to users for a date inferred from weekdays."""
    names = list(dict.fromkeys(" ".join(c.mention.expression.split()) for c in clues))
    quoted = ", ".join(f"'{n}'" for n in names[:3])
    parts = [f"weekday references ({quoted})"]
    if evidence.copyright_year:
        parts[0] += f" and copyright {evidence.copyright_year}"
    if url_date:
        parts.append(f"the address gives {url_date[0]:04d}-{url_date[1]:02d}")
    if hits_other:
        days = ", ".join(sorted({d.isoformat() for d in hits_other}))
        parts.append(f"other sources of the story date these events to {days}")
    if hits_own:
        days = ", ".join(sorted({d.isoformat() for d in hits_own}))
        parts.append(f"the article itself dates them to {days}")
    if not hits_other and not hits_own and near:
        days = ", ".join(p.isoformat() for p in published[:3])
        parts.append(f"other sources of the story were published on {days}")
    return "; ".join(parts)


# --- 5. a shared quotation ------------------------------------------------------------------------


def _from_shared_quotes(evidence: ArticleEvidence, story: BriefingContext, url_date) -> tuple[str, str] | None:
    """The first publication day of the story's dated sources that quote what this one quotes."""
    month = f"{url_date[0]:04d}-{url_date[1]:02d}" if url_date else None
    sharing = sorted(
        (by.published, by.label)
        for by in map(story.quoted_by, evidence.quote_runs)
        if by is not None and not (month and by.published[:7] != month)
    )
    if not sharing:
        return None
    day, label = sharing[0]
    by = f" ({label})" if label else ""
    return day, f"it reports the same statement as another source of the story{by}, published {day}; a reprint may be later"


# --- helpers ------------------------------------------------------------------------------------


def _safe(year, month, day) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except (ValueError, TypeError):
        return None


def _nearest_distance(days: list[dt.date], day: dt.date) -> int | None:
    """Days from `day` to the nearest of the sorted `days`, or None when there are none."""
    at = bisect.bisect_left(days, day)
    near = [abs((days[i] - day).days) for i in (at - 1, at) if 0 <= i < len(days)]
    return min(near, default=None)
