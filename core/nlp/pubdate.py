"""Infer the publication date of an article that states none, and build the briefing context.

The rule, in the order it is applied:

1. The article's own weekdays say which day of the week it was written. News names today by
   its weekday ("Earlier Monday, police ...") and recent days by theirs ("Friday's clashes"),
   so the writing day is the weekday that puts every past-tense weekday shortly before it and
   every future one shortly after; "earlier/later <weekday>" marks that day itself. The
   article may also appear the day after (a late story filed past midnight).
2. The week comes from outside the weekdays: the days other sources of the briefing date their
   events to (`BriefingContext.event_days`), the article's own dated expressions, and, more
   weakly, the other sources' publication dates. The candidate day wins whose weekday
   references land on days the other evidence reports.
3. The copyright year limits the year; the capture date is an upper bound.

Without evidence for the week (a weekday and a copyright year alone), the answer is None:
any Monday of the year would be a guess. So it is when two weeks fit equally well, as in a
briefing so large that every day has events: then only the article's own dates can decide.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from briefing.core.nlp.context import BriefingContext
from briefing.core.nlp.temporal_resolve import resolve
from briefing.core.nlp.temporal_scan import Mention

#: How far (days) from a piece of evidence a candidate publication day is looked for.
WINDOW_DAYS = 7
#: Publication dates of other sources count as evidence only this close (days) to a candidate.
PUBLISHED_NEARBY_DAYS = 3
_SAME_DAY_MODIFIERS = frozenset({"earlier", "later", "early", "late"})


@dataclass(frozen=True)
class _WeekdayClue:
    """A weekday reference with its tense, as evidence for the writing day."""

    mention: Mention
    tense: str | None

    @property
    def weekday(self) -> int:
        """The weekday named (0 = Monday)."""
        return self.mention.weekday

    @property
    def same_day(self) -> bool:
        """True for 'Earlier Monday' and the like: the writing day itself."""
        return self.mention.modifier in _SAME_DAY_MODIFIERS


def _parse_day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def writing_weekdays(clues: list[_WeekdayClue]) -> list[int]:
    """Weekdays (0 = Monday) the article was most likely written on, best first.

    Each candidate is costed by how far back its past-tense weekdays and how far ahead its
    future ones lie; 'Earlier Monday' votes for Monday itself.
    """
    costs = []
    for day in range(7):
        spread = 0
        for clue in clues:
            if clue.tense == "future":
                spread = max(spread, (clue.weekday - day) % 7)
            else:
                spread = max(spread, (day - clue.weekday) % 7)
        same_day = sum(1 for c in clues if c.same_day and c.weekday != day)
        costs.append((spread + 2 * same_day, day))
    costs.sort()
    return [day for cost, day in costs if cost == costs[0][0]]


def infer_published(
    mentions: list[Mention],
    tenses: list[str | None],
    *,
    copyright_year: int | None = None,
    captured: str | None = None,
    context: BriefingContext | None = None,
) -> tuple[str, str] | None:
    """(ISO day, reason) for an undated article from its mentions, or None when unsure."""
    context = context or BriefingContext()
    clues = [
        _WeekdayClue(m, t)
        for m, t in zip(mentions, tenses)
        if m.weekday is not None and m.modifier not in ("last", "next", "coming") and m.kind in ("weekday", "date")
    ]
    if not clues:
        return None
    best_weekdays = writing_weekdays(clues)
    if len(best_weekdays) > 1:
        return None  # the weekdays contradict each other; no day of the week stands out
    weekday = best_weekdays[0]
    own_days = _own_days(mentions, copyright_year, captured)
    event_days, published, near_briefing = _briefing_evidence(context)
    limit = _parse_day(captured)

    candidates = {
        day
        for day in near_briefing.union(*map(_window, own_days))
        if (day.weekday() - weekday) % 7 in (0, 1)
        and not (copyright_year and day.year != copyright_year)
        and not (limit and day > limit)
    }
    scored = []
    # Each clue is read as its weekday seen from the candidate day, so "Monday, May 29, 2023"
    # supports only the candidates whose last Monday is 29 May.
    as_weekdays = [
        Mention(c.mention.start, c.mention.end, c.mention.expression, "weekday", weekday=c.weekday,
                modifier=c.mention.modifier if c.mention.kind == "weekday" else "")
        for c in clues
    ]
    for day in candidates:
        landed = [resolve(w, day, c.tense) for w, c in zip(as_weekdays, clues)]
        landed_days = [_parse_day(r.value) if r and r.granularity == "day" else None for r in landed]
        hits_other = [d for d in landed_days if d in event_days]
        hits_own = [d for d in landed_days if d in own_days]
        nearby = _nearest_distance(published, day)
        near = nearby is not None and nearby <= PUBLISHED_NEARBY_DAYS
        if not hits_other and not hits_own and not near:
            continue
        score = (
            len(hits_other) + len(hits_own),
            day.weekday() == weekday,
            sum(min(event_days.get(d, 0), 5) for d in hits_other),
            -(nearby if nearby is not None else 99),
            -abs((day - limit).days) if limit else 0,
        )
        scored.append((score, day, hits_other, hits_own, near))
    if not scored:
        return None
    scored.sort(key=lambda item: item[0], reverse=True)
    score, day, hits_other, hits_own, near = scored[0]
    if len(scored) > 1 and scored[1][0][:4] == score[:4]:
        return None  # two weeks fit the evidence equally well
    return day.isoformat(), _reason(clues, day, weekday, copyright_year, hits_other, hits_own, near, published)


def _window(seed: dt.date) -> set[dt.date]:
    """The days within `WINDOW_DAYS` of a piece of evidence (fewer at the ends of the calendar)."""
    days = set()
    for shift in range(-WINDOW_DAYS, WINDOW_DAYS + 1):
        try:
            days.add(seed + dt.timedelta(days=shift))
        except OverflowError:
            continue
    return days


#: What `_briefing_evidence` made of each context: contexts are frozen, and one serves a run.
_EVIDENCE: dict[int, tuple[BriefingContext, tuple]] = {}


def _briefing_evidence(context: BriefingContext) -> tuple[dict[dt.date, int], list[dt.date], frozenset[dt.date]]:
    """The briefing's event days (with counts), its distinct publication days (sorted, for
    bisection) and every day near either: the same for every undated article of a run, so made once."""
    kept = _EVIDENCE.get(id(context))
    if kept is not None and kept[0] is context:
        return kept[1]
    event_days = {day: n for day, n in ((_parse_day(k), v) for k, v in context.event_days.items()) if day}
    published = sorted({d for d in (_parse_day(p) for p in set(context.published)) if d})
    near = frozenset().union(*map(_window, set(event_days) | set(published)))
    _EVIDENCE.clear()  # only the newest context is asked again
    _EVIDENCE[id(context)] = (context, (event_days, published, near))
    return event_days, published, near


def _own_days(mentions: list[Mention], copyright_year: int | None, captured: str | None) -> set[dt.date]:
    """Days the article itself dates explicitly (a month-day takes the copyright year)."""
    days = set()
    year = copyright_year or (_parse_day(captured).year if _parse_day(captured) else None)
    for m in mentions:
        if m.kind != "date":
            continue
        if m.year is not None:
            day = _safe(m.year, m.month, m.day)
        elif year:
            day = _safe(year, m.month, m.day)
        else:
            day = None
        if day:
            days.add(day)
    return days


def _safe(year, month, day) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _reason(clues, day, weekday, copyright_year, hits_other, hits_own, near, published) -> str:
    """The sentence shown to users for an inferred date."""
    names = []
    for clue in clues:
        text = " ".join(clue.mention.expression.split())
        if text not in names:
            names.append(text)
    quoted = ", ".join(f"'{n}'" for n in names[:3])
    parts = [f"weekday references ({quoted})"]
    if copyright_year:
        parts[0] += f" and copyright {copyright_year}"
    if hits_other:
        days = ", ".join(sorted({d.isoformat() for d in hits_other}))
        parts.append(f"other sources date these events to {days}")
    if hits_own:
        days = ", ".join(sorted({d.isoformat() for d in hits_own}))
        parts.append(f"the article itself dates them to {days}")
    if not hits_other and not hits_own and near:
        days = ", ".join(p.isoformat() for p in published[:3])
        parts.append(f"other sources were published on {days}")
    if day.weekday() != weekday:
        parts.append("read as published the day after")
    return "; ".join(parts)


def _nearest_distance(days: list[dt.date], day: dt.date) -> int | None:
    """Days from `day` to the nearest of the sorted `days`, or None when there are none."""
    at = bisect.bisect_left(days, day)
    near = [abs((days[i] - day).days) for i in (at - 1, at) if 0 <= i < len(days)]
    return min(near, default=None)
