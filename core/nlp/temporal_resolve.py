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

Tense is read from the nearest cue to the time, in characters, where commas, dashes, quote
marks and brackets add distance: future cues are modals and plans ("will", "is due to",
"plans to", "ahead of"), schedule verbs ("opens", "meets") and the progressive ("is
meeting"); past cues are past tenses (irregular ones from a list, regular ones by "-ed", not
after "be"), the present perfect, verbs of saying (weaker unless right next to the time), and
plans told from the past ("were due to"). "for/by Thursday" is ahead, "since Sunday" behind.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefing.core.nlp import datelex as lex
from briefing.core.nlp.temporal_scan import Mention

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

# Words and the punctuation that separates clauses; apostrophe forms ("we'll") stay whole.
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|['’]ll\b|[,;:—–\"“”„«»()]")
_HARD = frozenset(';:—–"“”„«»()')
_FUTURE_PHRASES: dict[str, list[tuple[str, ...]]] = {}
for _cue in lex.FUTURE_CUES:
    _words = tuple(_cue.replace("’", "'").lower().split())
    _FUTURE_PHRASES.setdefault(_words[0], []).append(_words)
for _first in _FUTURE_PHRASES:
    _FUTURE_PHRASES[_first].sort(key=len, reverse=True)
_PAST = frozenset(w.lower() for w in lex.PAST_VERBS)
_SPEECH = frozenset(w.lower() for w in lex.SPEECH_VERBS)
_NOT_PAST_ED = frozenset(w.lower() for w in lex.NOT_PAST_ED)
# A participle after these ("will be held", "got arrested") takes its tense from the auxiliary.
_PASSIVE_AUX = frozenset({"be", "being", "get", "got"})
_PERFECT_AUX = frozenset({"has", "have", "'ve", "’ve"})
_SCHEDULE = lex.SCHEDULE_VERBS
_PROGRESSIVE_AUX = frozenset({"is", "are", "am", "'re"})
_PLAN_BEFORE = re.compile(r"\b(?:for|by)\s+$", re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")
_BREAK = re.compile(r"[,;:—–\"“”()]|\band\b|\bbut\b")
# "Friday's earthquake that killed", "Sunday's vote, which will decide": up to three words of
# the noun phrase, the pronoun, then up to three words to the clause's verb.
_RELATIVE_CLAUSE = re.compile(
    r"(?:[ \t]+[\w'’-]+){1,3}?,?[ \t]+(?:that|which|who)(?P<clause>(?:[ \t]+[\w'’-]+){1,4})", re.IGNORECASE
)
#: Extra distance (chars) for a cue across a comma, across a dash/quote/colon, and for a speech
#: verb that is not right next to the time (it dates the statement, not what is reported).
#: A comma costs more after the time than before it: a time usually follows its verb ("would
#: meet ... on Thursday"), and a verb after a comma tends to belong to the next clause.
COMMA_COST, COMMA_AFTER_COST, HARD_COST, SPEECH_COST, SPEECH_ADJACENT, MAX_CUE_DISTANCE = 20, 50, 60, 25, 16, 220


def _future_phrase_length(words: list[str], n: int) -> int:
    """Length in words of the future cue starting at words[n] ("is due to"), or 0."""
    for phrase in _FUTURE_PHRASES.get(words[n], ()):
        if tuple(words[n : n + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _cues(sentence: str, lo: int, hi: int):
    """(start, end, kind) of tense cues in sentence[lo:hi]; kind is fut, past or speech."""
    tokens = [(t.start(), t.end(), t.group(0)) for t in _TOKEN.finditer(sentence, lo, hi)]
    words = [w.replace("’", "'").lower() for _, _, w in tokens]
    n = 0
    while n < len(tokens):
        start, end, raw = tokens[n]
        word = words[n]
        previous = words[n - 1] if n else ""
        length = _future_phrase_length(words, n)
        if length:
            # "were due to start", "had planned to": a plan told from the past.
            phrase = " ".join(words[n : n + length])
            kind = "past" if previous in lex.PAST_AUXILIARIES else ("attr" if phrase in lex.ATTRIBUTIVE_FUTURE_CUES else "fut")
            yield start, tokens[n + length - 1][1], kind
            n += length
            continue
        if word in _SPEECH:
            yield start, end, "speech"
        elif word in _SCHEDULE and raw.islower():
            yield start, end, "fut"
        elif word in _PROGRESSIVE_AUX and n + 1 < len(words) and words[n + 1].endswith("ing") and len(words[n + 1]) > 4:
            # "is meeting", "are holding talks": arranged, so on or after today.
            yield start, tokens[n + 1][1], "fut"
            n += 1
        elif word in _PERFECT_AUX and n + 1 < len(words):
            # "has decided", "have been arrested": the present perfect reports the past.
            k = n + 1 + (words[n + 1] == "been")
            if k < len(words) and (words[k] in _PAST or (words[k].endswith("ed") and tokens[k][2].islower())):
                yield start, tokens[k][1], "past"
                n = k
        elif previous not in _PASSIVE_AUX and (
            word in _PAST or (len(word) > 3 and word.endswith("ed") and raw.islower() and word not in _NOT_PAST_ED)
        ):
            yield start, end, "past"
        n += 1


def needs_tense(mention: Mention) -> bool:
    """True when the mention's value depends on whether its sentence looks back or ahead."""
    if mention.kind in ("weekday", "date", "month", "range"):
        return mention.year is None
    return mention.kind == "relunit" and mention.unit == "weekend"


def tense_of(sentence: str, start: int, end: int) -> str | None:
    """PAST, FUTURE or None for the time at sentence[start:end], from the nearest tense cue.

    Distance is counted in characters, with a cost for every comma or harder break between
    cue and time, so the verb of the time's own clause usually wins.
    """
    if _PLAN_BEFORE.search(sentence, max(0, start - 12), start) and not _POSSESSIVE.search(sentence, start, end):
        return FUTURE  # "a meeting for Thursday", "a deadline by Friday"
    if _SINCE_BEFORE.search(sentence, max(0, start - 8), start):
        return PAST
    if _POSSESSIVE.search(sentence, start, end):
        described = _relative_clause_tense(sentence, end)
        if described:
            return described
    best: tuple[float, str] | None = None
    lo, hi = max(0, start - MAX_CUE_DISTANCE), min(len(sentence), end + MAX_CUE_DISTANCE)
    for cue_start, cue_end, kind in _cues(sentence, lo, hi):
        if cue_start < end and cue_end > start:
            continue  # the expression's own words ("last week")
        before = cue_end <= start
        between = sentence[cue_end:start] if before else sentence[end:cue_start]
        if kind == "attr" and (not before or len(between) > lex.ATTRIBUTIVE_REACH or _BREAK.search(between)):
            continue  # "the coming storm, and on Sunday ...": the storm is ahead, not Sunday
        distance = len(between)
        if "," in between:
            distance += (COMMA_COST if before else COMMA_AFTER_COST) * between.count(",")
        if _HARD.intersection(between):
            distance += HARD_COST * sum(between.count(ch) for ch in _HARD)
        if kind == "speech" and len(between) > SPEECH_ADJACENT:
            distance += SPEECH_COST
        if distance <= MAX_CUE_DISTANCE and (best is None or distance < best[0]):
            best = (distance, FUTURE if kind in ("fut", "attr") else PAST)
    return best[1] if best else None


def _relative_clause_tense(sentence: str, end: int) -> str | None:
    """The tense of a relative clause describing the event a possessive day names, if any."""
    match = _RELATIVE_CLAUSE.match(sentence, end)
    if match is None:
        return None
    kinds = [kind for _s, _e, kind in _cues(sentence, match.start("clause"), match.end("clause")) if kind != "attr"]
    if not kinds:
        return None
    return FUTURE if kinds[0] == "fut" else PAST


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
    try:
        return _resolve(mention, anchor, tense)
    except (OverflowError, ValueError):
        return None  # an anchor at the edge of the calendar (year 1 or 9999)


def _resolve(mention: Mention, anchor: dt.date | None, tense: str | None) -> Resolution | None:
    kind = mention.kind
    if kind == "year":
        return Resolution(f"{mention.year:04d}", "year", "year")
    if kind in ("span", "decade"):
        return Resolution(f"{mention.year:04d}/{mention.year2:04d}", "span", "year-span" if kind == "span" else "decade")
    if kind == "date":
        return _resolve_date(mention, anchor, tense)
    if kind == "range" and mention.year is not None:
        return _resolve_range(mention, anchor, tense)
    if kind == "numeric":
        return _resolve_numeric(mention, anchor)
    if kind == "month":
        return _resolve_month(mention, anchor, tense)
    if anchor is None:
        return None
    if kind == "weekday":
        return _resolve_weekday(mention, anchor, tense)
    if kind == "deictic" or (kind == "anaphoric" and mention.unit == "day"):
        day = anchor + dt.timedelta(days=mention.offset)
        return Resolution(day.isoformat(), "day", "day-relative")
    if kind == "anaphoric":
        # "a week later", "two years earlier": the unit counted from the anchor.
        return _resolve_ago(Mention(0, 0, "", "ago", unit=mention.unit, offset=mention.offset), anchor)
    if kind == "relunit":
        return _resolve_relunit(mention, anchor, tense)
    if kind == "range":
        return _resolve_range(mention, anchor, tense)
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
        span = _weekend(anchor, shift)
        if m.part in ("end", "close"):
            return Resolution(span.split("/")[1], "day", "weekend-end")  # Sunday
        if m.part in ("start", "beginning"):
            return Resolution(span.split("/")[0], "day", "weekend-start")  # Saturday
        return Resolution(span, "span", "weekend")
    if m.unit == "month":
        year, month = add_months(anchor.year, anchor.month, shift)
        return Resolution(f"{year:04d}-{month:02d}", "month", "month-relative")
    return Resolution(f"{anchor.year + shift:04d}", "year", "year-relative")


def _resolve_range(m: Mention, anchor: dt.date | None, tense: str | None) -> Resolution | None:
    """'from Friday to Sunday', '3-5 May': first and last day, the first never after the last."""
    first_mention, last_mention = m.ends
    if first_mention.kind == "weekday":
        if tense == FUTURE:
            first = weekday_on_or_after(anchor, first_mention.weekday)
            last = weekday_on_or_after(first, last_mention.weekday)
        else:
            last = weekday_on_or_before(anchor, last_mention.weekday)
            first = weekday_on_or_before(last, first_mention.weekday)
    else:
        resolved = [_resolve_date(end, anchor, tense) for end in (first_mention, last_mention)]
        if None in resolved:
            return None
        first, last = (dt.date.fromisoformat(r.value) for r in resolved)
        if first > last and first_mention.year is None:
            first = _safe_date(first.year - 1, first.month, first.day)  # "from 30 December to 2 January"
        if first is None or first > last:
            return None
    return Resolution(f"{first.isoformat()}/{last.isoformat()}", "span", "range")


def _resolve_ago(m: Mention, anchor: dt.date) -> Resolution | None:
    count = -m.offset  # positive: that many units back
    if m.unit == "day":
        return Resolution((anchor - dt.timedelta(days=count)).isoformat(), "day", "ago")
    if m.unit == "week":
        return Resolution(iso_week(anchor - dt.timedelta(weeks=count)), "week", "ago")
    if m.unit == "month":
        year, month = add_months(anchor.year, anchor.month, -count)
        return Resolution(f"{year:04d}-{month:02d}", "month", "ago") if year >= 1 else None
    return Resolution(f"{anchor.year - count:04d}", "year", "ago") if anchor.year - count >= 1 else None
