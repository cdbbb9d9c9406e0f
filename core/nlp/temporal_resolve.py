"""Resolve temporal mentions to ISO values against an anchor day, using the sentence's tense.

How news reports time, as rules:
- a bare weekday in a past-tense sentence is the latest such day on or before the anchor (the
  same day counts: wire copy names today by its weekday); in a future or planning sentence it
  is the next such day on or after the anchor; "last Friday" is strictly before, "next Friday"
  strictly after;
- a month without a year is the most recent such month not after the anchor in past context,
  the next one not before it in future context; a month and day without a year take the year
  that puts them nearest the anchor on the side the tense points to;
- "last week" is the ISO week before the anchor's, "this week" the anchor's, "next week" the
  one after; months and years likewise.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from core.nlp import datelex as lex
from core.nlp.temporal_scan import Mention

PAST, FUTURE = "past", "future"
#: How far (days) a past month-and-day may lie after the anchor before it is read as last
#: year's: datelines and time zones put real dates a few days either side of "today".
MONTH_DAY_SLACK = 14


@dataclass(frozen=True)
class Resolution:
    """An ISO value with its granularity and the name of the rule that produced it."""

    value: str
    granularity: str
    rule: str


# --- tense -------------------------------------------------------------------------------------


def _words(items) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(items, key=len, reverse=True))


_APOSTROPHE_FUTURE = [w for w in lex.FUTURE_CUES if w[0] in "'’"]
_WORD_FUTURE = [w for w in lex.FUTURE_CUES if w[0] not in "'’"]
_CUES = re.compile(
    rf"(?P<fut>\b(?:{_words(_WORD_FUTURE)})\b|(?:{_words(_APOSTROPHE_FUTURE)})\b)"
    rf"|(?P<speech>\b(?:{_words(lex.SPEECH_VERBS)})\b)"
    rf"|(?P<past>\b(?:{_words(lex.PAST_VERBS)})\b|\b(?:has|have|had)\s+(?:been\s+)?(?-i:[a-z]+ed)\b)"
    r"|(?P<ed>\b(?-i:[a-z][a-z'-]+ed)\b)"
    r"|(?P<hard>[;:—–\"“”„«»()\[\]])",
    re.IGNORECASE,
)
#: Extra distance (chars) for a cue across a comma, across a dash/quote/colon, and for a speech
#: verb that is not right next to the time (it dates the statement, not what is reported).
COMMA_COST, HARD_COST, SPEECH_COST, SPEECH_ADJACENT, MAX_CUE_DISTANCE = 20, 60, 25, 16, 220


def tense_of(sentence: str, start: int, end: int) -> str | None:
    """PAST, FUTURE or None for the time at sentence[start:end], from the nearest tense cue.

    Distance is counted in characters, with a cost for every comma or harder break between
    cue and time, so the verb of the time's own clause usually wins.
    """
    best: tuple[float, str] | None = None
    for cue in _CUES.finditer(sentence):
        kind = cue.lastgroup
        if kind == "hard" or (cue.start() < end and cue.end() > start):
            continue
        word = cue.group(0).lower()
        if kind == "ed" and word in lex.NOT_PAST_ED:
            continue
        if cue.end() <= start:
            between = sentence[cue.end() : start]
        else:
            between = sentence[end : cue.start()]
        gap = len(between)
        distance = gap + COMMA_COST * between.count(",") + HARD_COST * len(re.findall(r"[;:—–\"“”„«»()]", between))
        if kind == "speech" and gap > SPEECH_ADJACENT:
            distance += SPEECH_COST
        if distance > MAX_CUE_DISTANCE:
            continue
        tense = FUTURE if kind == "fut" else PAST
        if best is None or distance < best[0]:
            best = (distance, tense)
    return best[1] if best else None


# --- calendar helpers --------------------------------------------------------------------------


def iso_week(day: dt.date) -> str:
    """ISO week value of a day: 2023-W21."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) shifted by delta months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_on_or_before(anchor: dt.date, weekday: int) -> dt.date:
    """The latest day with that weekday on or before anchor."""
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_on_or_after(anchor: dt.date, weekday: int) -> dt.date:
    """The earliest day with that weekday on or after anchor."""
    return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)


# --- resolution --------------------------------------------------------------------------------


def resolve(mention: Mention, anchor: dt.date | None, tense: str | None) -> Resolution | None:
    """The ISO value of a mention, or None when it needs an anchor and has none."""
    kind = mention.kind
    if kind == "year":
        return Resolution(f"{mention.year:04d}", "year", "year")
    if kind in ("span", "decade"):
        return Resolution(f"{mention.year:04d}/{mention.year2:04d}", "span", "year-span" if kind == "span" else "decade")
    if kind == "date":
        return _resolve_date(mention, anchor, tense)
    if kind == "numeric":
        return _resolve_numeric(mention, anchor)
    if kind == "month":
        return _resolve_month(mention, anchor, tense)
    if anchor is None:
        return None
    if kind == "weekday":
        return _resolve_weekday(mention, anchor, tense)
    if kind in ("deictic", "anaphoric"):
        day = anchor + dt.timedelta(days=mention.offset)
        return Resolution(day.isoformat(), "day", "day-relative")
    if kind == "relunit":
        return _resolve_relunit(mention, anchor, tense)
    if kind == "ago":
        return _resolve_ago(mention, anchor)
    return None


def _resolve_date(m: Mention, anchor: dt.date | None, tense: str | None) -> Resolution | None:
    if m.year is not None:
        day = _safe_date(m.year, m.month, m.day)
        return Resolution(day.isoformat(), "day", "explicit-date") if day else None
    if anchor is None:
        return None
    candidates = [d for d in (_safe_date(anchor.year + k, m.month, m.day) for k in (-1, 0, 1)) if d]
    if not candidates:
        return None
    if m.weekday is not None:
        # "Tuesday, May 30": the weekday names the year.
        matching = [d for d in candidates if d.weekday() == m.weekday]
        if len(matching) == 1:
            return Resolution(matching[0].isoformat(), "day", "month-day")
    slack = dt.timedelta(days=MONTH_DAY_SLACK)
    if tense == FUTURE:
        later = [d for d in candidates if d >= anchor - slack]
        chosen = min(later) if later else max(candidates)
    elif tense == PAST:
        earlier = [d for d in candidates if d <= anchor + slack]
        chosen = max(earlier) if earlier else min(candidates)
    else:
        chosen = min(candidates, key=lambda d: abs((d - anchor).days))
    return Resolution(chosen.isoformat(), "day", "month-day")


def _resolve_numeric(m: Mention, anchor: dt.date | None) -> Resolution | None:
    days = [d for d in (_safe_date(m.year, month, day) for month, day in m.readings) if d]
    if not days:
        return None
    if anchor is not None and len(days) > 1:
        # 05/06/2023 is 5 June in Europe and May 6 in the US: take the reading nearer the anchor.
        days.sort(key=lambda d: abs((d - anchor).days))
    return Resolution(days[0].isoformat(), "day", "numeric-date")


def _resolve_month(m: Mention, anchor: dt.date | None, tense: str | None) -> Resolution | None:
    if m.year is not None:
        return Resolution(f"{m.year:04d}-{m.month:02d}", "month", "month-year")
    if anchor is None:
        return None
    here = (anchor.year, anchor.month)
    if m.modifier == "last":
        year = anchor.year if m.month < anchor.month else anchor.year - 1
    elif m.modifier == "next":
        year = anchor.year if m.month > anchor.month else anchor.year + 1
    elif m.modifier == "this":
        year = anchor.year
    elif tense == FUTURE:
        year = anchor.year if (anchor.year, m.month) >= here else anchor.year + 1
    else:
        year = anchor.year if (anchor.year, m.month) <= here else anchor.year - 1
    return Resolution(f"{year:04d}-{m.month:02d}", "month", "month-name")


def _resolve_weekday(m: Mention, anchor: dt.date, tense: str | None) -> Resolution:
    if m.modifier == "last":
        day = weekday_on_or_before(anchor - dt.timedelta(days=1), m.weekday)
        return Resolution(day.isoformat(), "day", "weekday-last")
    if m.modifier in ("next", "coming"):
        day = weekday_on_or_after(anchor + dt.timedelta(days=1), m.weekday)
        return Resolution(day.isoformat(), "day", "weekday-next")
    if tense == FUTURE:
        return Resolution(weekday_on_or_after(anchor, m.weekday).isoformat(), "day", "weekday-future")
    return Resolution(weekday_on_or_before(anchor, m.weekday).isoformat(), "day", "weekday-past")


def _weekend(anchor: dt.date, weeks: int) -> str:
    """Saturday/Sunday span of the ISO week `weeks` away from anchor's."""
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=weeks)
    return f"{(monday + dt.timedelta(days=5)).isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"


def _resolve_relunit(m: Mention, anchor: dt.date, tense: str | None) -> Resolution:
    shift = m.offset
    if m.unit == "week":
        return Resolution(iso_week(anchor + dt.timedelta(weeks=shift)), "week", "week-relative")
    if m.unit == "weekend":
        if m.modifier == "the":
            # "over the weekend": the latest weekend in past context, the coming one otherwise.
            on_weekend = anchor.weekday() >= 5
            shift = 0 if on_weekend or tense == FUTURE else -1
        return Resolution(_weekend(anchor, shift), "span", "weekend")
    if m.unit == "month":
        year, month = add_months(anchor.year, anchor.month, shift)
        return Resolution(f"{year:04d}-{month:02d}", "month", "month-relative")
    return Resolution(f"{anchor.year + shift:04d}", "year", "year-relative")


def _resolve_ago(m: Mention, anchor: dt.date) -> Resolution | None:
    count = -m.offset
    try:
        if m.unit == "day":
            return Resolution((anchor - dt.timedelta(days=count)).isoformat(), "day", "ago")
        if m.unit == "week":
            return Resolution(iso_week(anchor - dt.timedelta(weeks=count)), "week", "ago")
        if m.unit == "month":
            year, month = add_months(anchor.year, anchor.month, -count)
            return Resolution(f"{year:04d}-{month:02d}", "month", "ago")
        return Resolution(f"{anchor.year - count:04d}", "year", "ago")
    except (OverflowError, ValueError):
        return None
