"""Header lines, wire datelines, bylines and copyright footers of news text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefing.core.ingest.outlets import AGENCY_CODES, outlet_for_agency, outlet_for_copyright
from briefing.core.ingest.wire_forms import match_dateline

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DASH = r"(?:—|–|--|-)"

# A scraper's header line: " date 2023-06-15 06:40 …" — when the page was captured.
HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}:\d{2}))?[ \t]*")

# "30 May Kyiv, Ukraine" or "May 30, Kyiv" on a line of its own.
DATE_PLACE_LINE = re.compile(
    rf"[ \t]*(?P<date>(?:(?P<day>\d{{1,2}})[ \t]+(?P<month>{_MONTH})|(?P<month2>{_MONTH})[ \t]+(?P<day2>\d{{1,2}}),?)(?:[ \t]+(?P<year>\d{{4}}))?),?[ \t]*(?P<place>[A-Z][^\n.!?]{{0,60}})?[ \t]*(?=\n|\Z)"
)
BYLINE = re.compile(r"[ \t]*By[ \t]+(?P<byline>[A-Z][^\n]{1,120})[ \t]*(?:\n|\Z)")
COPYRIGHT = re.compile(r"(?:©|\(c\)|Copyright)[ \t]*(?:©[ \t]*)?(?P<year>\d{4})[ \t,]*(?P<holder>[^\n]*)", re.IGNORECASE)
ASSISTANCE = re.compile(r"^[ \t]*-{1,2}[ \t]*With assistance from[ \t]+(?P<names>[^\n]+?)\.?[ \t]*$", re.IGNORECASE | re.MULTILINE)
# Editors' notes at the foot of wire copy: "(Updates number of …)", "(Adds quote …)".
EDITOR_NOTE = re.compile(r"^[ \t]*\((?:Updates|Adds|Corrects|Recasts|Rewrites|Changes|Removes)\b[^\n]*\)[ \t]*$", re.MULTILINE)
FOOTER_LINE = re.compile(
    r"^[ \t]*(?:©|\(c\)[ \t]*\d|Copyright[ \t]+(?:©[ \t]*)?\d{4}|All rights reserved|-{1,2}[ \t]*With assistance from|\((?:Updates|Adds|Corrects|Recasts|Rewrites|Changes|Removes)\b)",
    re.IGNORECASE,
)


@dataclass
class Front:
    """What the head and foot of a news text say about it."""

    body_start: int = 0
    body_end: int | None = None
    header_date: str | None = None
    header_time: str | None = None
    place: str | None = None
    agency: str | None = None
    dateline_month_day: tuple[int, int] | None = None
    dateline_year: int | None = None
    #: Offsets of the dateline's date in the text ("May 18" of "Banska Bystrica, May 18 (TASR) -").
    dateline_date_span: tuple[int, int] | None = None
    byline: str | None = None
    copyright_year: int | None = None
    copyright_outlet: str | None = None


def read_front(text: str, start: int = 0) -> Front:
    """Find the header line, dateline and byline at `start`, and the footer at the end."""
    front = Front(body_start=start)
    pos = start
    header = HEADER.match(text, pos)
    if header:
        front.header_date, front.header_time = header.group(1), header.group(2)
        pos = header.end()
    pos = _skip_blank_lines(text, pos) if not header else pos
    byline = BYLINE.match(text, pos) if not header else None
    if byline:  # AP style: the byline comes before the dateline
        front.byline = byline.group("byline").strip()
        pos = _skip_blank_lines(text, byline.end())
    for _ in range(2):  # a date-and-place line may precede a wire dateline
        dateline = match_dateline(text, pos)
        if dateline:
            front.agency = dateline.agency or front.agency
            if dateline.place:
                front.place = _tidy_place(dateline.place)
            if dateline.date_span:
                _read_date(front, text, dateline.date_span)
            pos = dateline.end
            break
        line = DATE_PLACE_LINE.match(text, pos)
        if line and (header or pos == start):
            _read_date(front, text, line.span("date"))
            if line.group("place"):
                front.place = line.group("place").strip().rstrip(",")
            pos = _skip_blank_lines(text, line.end())
            continue
        break
    pos = _skip_blank_lines(text, pos)
    byline = BYLINE.match(text, pos) if not front.byline else None
    if byline:
        front.byline = byline.group("byline").strip()
        pos = _skip_blank_lines(text, byline.end())
    front.body_start = pos
    _read_foot(text, front)
    return front


#: How many lines before the body a dateline is looked for (header, dateline, byline, blanks).
HEAD_LINES = 8


def head_dateline(text: str, body_start: int) -> tuple[str, int] | None:
    """The date a dateline before the body gives, as written, with its offset from the body's
    start (negative), or None. Read again from the stored text: the head is kept whole."""
    starts = [0] + [n + 1 for n, ch in enumerate(text[:body_start]) if ch == "\n"]
    for start in reversed(starts[-HEAD_LINES:]):
        front = read_front(text, start)
        span = front.dateline_date_span
        if span and front.body_start == body_start:
            return text[span[0] : span[1]], span[0] - body_start
    return None


def _read_foot(text: str, front: Front) -> None:
    end = len(text)
    # Walk back over trailing footer lines (copyright, editors' notes, contributors).
    while True:
        stripped_end = len(text[:end].rstrip())
        line_start = text.rfind("\n", 0, stripped_end) + 1
        line = text[line_start:stripped_end]
        if line_start <= front.body_start or not FOOTER_LINE.match(line):
            break
        end = line_start
    footer = text[end:]
    front.body_end = len(text[:end].rstrip()) if end < len(text) else None
    copyright_match = COPYRIGHT.search(footer)
    if copyright_match:
        front.copyright_year = int(copyright_match.group("year"))
        holder = copyright_match.group("holder").split(".")[0] if "L.P." not in copyright_match.group("holder") else copyright_match.group("holder")
        front.copyright_outlet = outlet_for_copyright(holder)
    assistance = ASSISTANCE.search(footer)
    if assistance:
        names = "With assistance from " + assistance.group("names").strip()
        front.byline = f"{front.byline}; {names}" if front.byline else names


def _skip_blank_lines(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def _tidy_place(place: str) -> str:
    # "ZVECAN, Kosovo" -> "Zvecan, Kosovo": capitals are a dateline convention, not the name.
    parts = [p.strip() for p in place.split(",")]
    return ", ".join(p.title() if p.isupper() and len(p) > 3 else p for p in parts if p)


def _read_date(front: Front, text: str, span: tuple[int, int]) -> None:
    """Take the dateline's month, day and year (when written) from text[span]."""
    written = text[span[0] : span[1]].rstrip(" ,.")
    front.dateline_month_day = _month_day(written)
    if front.dateline_month_day:
        front.dateline_date_span = (span[0], span[0] + len(written))
        year = re.search(r"\b(\d{4})$", written)
        front.dateline_year = int(year.group(1)) if year else None


def _month_day(text: str) -> tuple[int, int] | None:
    words = text.replace(",", " ").split()
    month = next((MONTHS[w.rstrip(".").lower()] for w in words if w.rstrip(".").lower() in MONTHS), None)
    day = next((int(w.rstrip("stndrh")) for w in words if w.rstrip("stndrh").isdigit() and len(w.rstrip("stndrh")) <= 2), None)
    return (month, day) if month and day else None


def publication(front: Front) -> tuple[str | None, str, str, str | None]:
    """(published, source, reason, captured) from the dateline and header line.

    A dateline's day wins over the header line, which scrapers often write when a page was
    captured rather than when it was published; the header then counts as the capture time.
    """
    header_day = _parse_day(front.header_date)
    captured = None
    if front.header_date:
        captured = front.header_date + (f"T{front.header_time}" if front.header_time else "")
    if front.dateline_month_day:
        month, day = front.dateline_month_day
        year = front.dateline_year or (header_day.year if header_day else front.copyright_year)
        if year:
            try:
                date = dt.date(year, month, day)
            except ValueError:
                date = None
            if date and header_day and not front.dateline_year and date > header_day:
                date = date.replace(year=year - 1)  # a December dateline captured in January
            if date:
                label = f"{day} {_MONTH_NAMES[month - 1]}"
                reason = f"dateline '{label}'" + (f" with place '{front.place}'" if front.place else "")
                if header_day and header_day != date:
                    reason += f"; the header date {front.header_date} is when the page was captured"
                elif not front.dateline_year and not header_day:
                    reason += f"; year from copyright {year}"
                return date.isoformat(), "dateline", reason, captured if header_day != date else None
    if header_day:
        reason = f"'date {front.header_date}' line"
        if front.agency:
            reason += f" and dateline '({front.agency})'"
        return header_day.isoformat(), "header", reason, None if not front.header_time else captured
    return None, "unknown", "no date in the text", None


_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]


def _parse_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def outlet_of(front: Front) -> str | None:
    """The outlet named by the dateline's agency or the copyright footer."""
    if front.agency:
        # "dpa/NAN": dpa's copy as another agency passed it on.
        code = front.agency.split("/")[0].strip()
        return outlet_for_agency(code if code in AGENCY_CODES else front.agency)
    return front.copyright_outlet
