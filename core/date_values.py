"""Date values as the briefing stores them, and how they read for people.

A value is an ISO day (2023-05-29), an ISO week (2023-W22), a month (2023-05), a year (2023),
or a span of two of these joined by "/" (2023-06-03/2023-06-04).
"""

from __future__ import annotations

import datetime as dt


def granularity_of(value: str) -> str:
    """The granularity a value's shape says: week, month, day or year.

    A value of no known shape counts as a year: as a year it covers no days (`day_range` gives
    none, so it is never filed under a day it does not name) and it reads as written.
    """
    if "-W" in value:
        return "week"
    return {7: "month", 10: "day"}.get(len(value), "year")


def day_range(value: str, granularity: str) -> tuple[str | None, str | None]:
    """First and last ISO day covered by a date value of the given granularity (None, None when unreadable)."""
    try:
        if granularity == "day":
            return value, value
        if granularity == "week":
            year, week = value.split("-W")
            first = dt.date.fromisocalendar(int(year), int(week), 1)
            return first.isoformat(), (first + dt.timedelta(days=6)).isoformat()
        if granularity == "month":
            year, month = (int(p) for p in value.split("-")[:2])
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return dt.date(year, month, 1).isoformat(), (nxt - dt.timedelta(days=1)).isoformat()
        if granularity == "year":
            return f"{int(value):04d}-01-01", f"{int(value):04d}-12-31"
        if granularity == "span":
            start, end = value.split("/")
            return day_range(start, granularity_of(start))[0], day_range(end, granularity_of(end))[1]
    except (ValueError, TypeError):
        pass
    return None, None


def parse_day(value: str | None) -> dt.date | None:
    """An ISO day as a date; None for None or anything else."""
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def week_monday(day: dt.date) -> dt.date:
    """The Monday of the ISO week holding `day`."""
    return day - dt.timedelta(days=day.weekday())


def day_label(value: str | None, *, weekday: bool = True) -> str:
    """'Mon 29 May 2023' (or '29 May 2023') for an ISO day, 'undated' for None, else as given."""
    if not value:
        return "undated"
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value
    return (f"{day:%a} " if weekday else "") + f"{day.day} {day:%b %Y}"


def when_label(value: str, granularity: str) -> str:
    """A timeline date for people: 'Mon 29 May 2023', 'May 2023', 'week of Mon 29 May 2023', '2023'."""
    try:
        if granularity == "day":
            return day_label(value)
        if granularity == "month":
            return dt.date.fromisoformat(value + "-01").strftime("%B %Y")
        if granularity == "week":
            year, week = value.split("-W")
            monday = dt.date.fromisocalendar(int(year), int(week), 1)
            return f"week of {day_label(monday.isoformat())}"
        if granularity == "span":
            start, end = value.split("/")
            return f"{when_label(start, granularity_of(start))} – {when_label(end, granularity_of(end))}"
    except (ValueError, TypeError):
        pass
    return value
