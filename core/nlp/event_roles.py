"""What a dated expression's day is to the story: an event's day, or something a reader keeps
apart from the story's days.

- "dateline": the article's own date (a dateline opening a paragraph, "Paris, (APP - 15th May,
  2024)", or a publication note, "First published on 30 May 2023"): not an event.
- "possible": one of several days offered ("tomorrow or the day after") or a hedged day
  ("maybe on Friday", "as early as Monday"): not something that happened.
- "future": a day after the one it was told on ("talks resume on Thursday").
- "background": a day long before the article ("a 2011 uprising", "a treaty of 1999").
- "story": the story's own days.
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.core.ingest.wire_forms import match_dateline
from briefing.core.nlp.temporal_scan import Mention

#: How far (days) before the article a day must end to be background rather than the story's.
BACKGROUND_DAYS = 90
#: How far (characters) into a paragraph a dateline's date may lie.
DATELINE_REACH = 80

# "First published on 30 May 2023", "This article was originally published in ... on ...",
# "Published: 30/05/2023", "(Updated: May 30, 2023)": the note's verb says which.
_NOTE = re.compile(
    r"[ \t]*[(\[]?[ \t]*(?:this (?:article|story|piece|report|interview|column|item) (?:was |is |has been )?)?"
    r"(?:(?:originally|first|last)[ \t]+)?(?P<verb>published|posted|appeared|updated|modified)"
    r"[ \t]*(?::|[ \t](?:on|in|at|by|online)\b|[ \t]+[0-9])",
    re.IGNORECASE,
)
#: Longest line read as a publication note ("Published reports said ..." is a sentence).
NOTE_CHARS = 120
# "tomorrow or the day after", "Monday, or Tuesday at the latest"
_OR_BETWEEN = re.compile(r"[ \t]*,?[ \t]*or[ \t]+(?:even[ \t]+|perhaps[ \t]+|maybe[ \t]+|possibly[ \t]+)?\Z", re.IGNORECASE)
_HEDGE_BEFORE = re.compile(
    r"\b(?:maybe|perhaps|possibly|probably|as early as|as soon as|no earlier than|as late as|"
    r"no later than|if not)[ \t]+(?:on[ \t]+)?\Z",
    re.IGNORECASE,
)
_HEDGE_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:at the (?:earliest|latest)|or so|or later|or earlier)\b", re.IGNORECASE)


def own_date_mentions(text: str, mentions: list[Mention]) -> dict[int, str]:
    """Indexes of the mentions that are the article's own date, each with the verb or kind that
    says so: 'dateline', or a publication note's verb ('published', 'updated', ...)."""
    found: dict[int, str] = {}
    datelines: dict[int, tuple[int, int] | None] = {}
    for n, m in enumerate(mentions):
        line_start = text.rfind("\n", 0, m.start) + 1
        if m.start - line_start > DATELINE_REACH:
            continue
        if line_start not in datelines:
            dateline = match_dateline(text, line_start)
            datelines[line_start] = dateline.date_span if dateline else None
        span = datelines[line_start]
        if span and span[0] <= m.start and m.end <= span[1] + 1:
            found[n] = "dateline"
            continue
        line_end = text.find("\n", m.end)
        note = _NOTE.match(text, line_start) if (line_end if line_end >= 0 else len(text)) - line_start <= NOTE_CHARS else None
        if note:
            found[n] = note.group("verb").lower()
    return found


def possible_mentions(text: str, mentions: list[Mention]) -> tuple[set[int], set[int]]:
    """Indexes of mentions offered as alternatives ('tomorrow or the day after'), and of hedged
    ones ('maybe on Friday')."""
    alternatives, hedged = set(), set()
    for n, m in enumerate(mentions):
        if n and _OR_BETWEEN.match(text[mentions[n - 1].end : m.start]):
            alternatives.update((n - 1, n))
        if _HEDGE_BEFORE.search(text, max(0, m.start - 25), m.start) or _HEDGE_AFTER.match(text, m.end, m.end + 25):
            hedged.add(n)
    return alternatives, hedged


def value_bounds(value: str, granularity: str) -> tuple[dt.date, dt.date] | None:
    """First and last day an ISO value covers (day, ISO week, month, year or a span of them)."""
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = value_bounds(first, granularity), value_bounds(last, granularity)
        return (a[0], b[1]) if a and b else None
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            return day, day
        if "-W" in value:
            year, week = value.split("-W")
            monday = dt.date.fromisocalendar(int(year), int(week), 1)
            return monday, monday + dt.timedelta(days=6)
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:])
            first = dt.date(year, month, 1)
            following = dt.date(year + month // 12, month % 12 + 1, 1) if year < 9999 or month < 12 else None
            return first, (following - dt.timedelta(days=1)) if following else dt.date(9999, 12, 31)
        if len(value) == 4:
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except (ValueError, OverflowError):
        return None
    return None


def role_of(
    value: str, granularity: str, told_on: dt.date | None, article_day: dt.date | None, *, alternative: bool, hedged: bool
) -> str:
    """'possible', 'future', 'background' or 'story' for a resolved value (datelines are known
    before): `told_on` is the day it was said, `article_day` the article's date.

    Days offered as alternatives are possible ("on Monday or Tuesday"); past years or months so
    joined are a list of real ones ("as it did in 2008 or 2012")."""
    bounds = value_bounds(value, granularity)
    reference = told_on or article_day
    ahead = bool(bounds and reference and bounds[0] > reference)
    if hedged or (alternative and (granularity == "day" or ahead)):
        return "possible"
    if bounds is None or reference is None:
        return "story"
    if ahead:
        return "future"
    if article_day is not None and (article_day - bounds[1]).days > BACKGROUND_DAYS:
        return "background"
    return "story"
