"""The shapes of a wire dateline at the head of a story: where it ends, its place, agency and date.

News services open a story with a dateline in one of a few house forms:

- "ZVECAN, Kosovo (AP) —", "BRUSSELS, May 30 (Reuters) -", "MOSCOW, May 29. /TASS/."
- "Pristina (AFP) - ", "Kyiv, Ukraine (Ukrinform) — ", "Islamabad, Pakistan (AFP):",
  "Bratislava, May 16 (UNI) A man ..." (no dash when a date or a known agency says what it is),
  "City, May 30, (dpa/XYZ) –"
- "Paris, (APP - Some News - 15th May, 2024)": agency and date in one bracket
- "16th May 2024 – (Bratislava)": the date first, the place in brackets
- "BELGRADE —", "KYIV, Ukraine--", "ISLAMABAD-Pakistan's ..." (the place glued to the first
  word), "KARACHI: The ...", "WASHINGTON, May 29 —"
- "(Bloomberg) --"

`match_dateline` recognises them at a given offset, so the body starts after the dateline and
never with the place glued to its first word or to a speaker's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.core.ingest.outlets import AGENCY_CODES

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
# "May 30", "30 May", "15th May, 2024", "May 30, 2023"
_DATE = rf"(?:{_MONTH}[ \t]+\d{{1,2}}{_ORD}|\d{{1,2}}{_ORD}[ \t]+{_MONTH})(?![\w])(?:,?[ \t]+\d{{4}}(?!\d))?"
_DASH = r"(?:—|–|--|-)"
# Words never end in a hyphen: "KYIV, Ukraine--" ends its place before the dash.
_CAPS_WORD = r"[A-Z][A-Z'’.\-]*[A-Z.]"
_CAPS_PLACE = rf"{_CAPS_WORD}(?:[ \t]{_CAPS_WORD})*"
_NAME_WORD = r"[A-Z](?:[\w'’.\-]*[\w.])?"
# ", Kosovo", ", Northern Ireland": a region or country after the city.
_REGION = rf",[ \t]*{_NAME_WORD}(?:[ \t]{_NAME_WORD}){{0,2}}"
_TITLE_PLACE = rf"[A-Z][a-z](?:[\w'’.\-]*[\w.])?(?:[ \t]{_NAME_WORD}){{0,2}}"
_AGENCY = r"(?:\((?P<agency>[^()\n]{1,40})\)|/(?P<slash_agency>[A-Za-z][\w\-]{1,14})/)"
# What ends a dateline: a dash (".-" in some Spanish-language wires) or a colon; or, where the
# dateline is sure of itself, just a space before the first word.
_CLOSE = rf"(?P<close>\.?[ \t]*(?:\.?{_DASH}|:)[ \t]*)"
_OPEN_BODY = r"(?P<open>\.?[ \t]+(?=[A-Z“\"‘']))"
_DATE_PART = rf"(?:,[ \t]*(?P<date>{_DATE}))?"

_WIRE_CAPS = re.compile(
    rf"[ \t]*(?P<place>{_CAPS_PLACE}(?:{_REGION}){{0,2}}?){_DATE_PART}\.?,?[ \t]*{_AGENCY}(?:{_CLOSE}|{_OPEN_BODY}|[ \t]*(?=\n))"
)
_WIRE_TITLE = re.compile(
    rf"[ \t]*(?P<place>{_TITLE_PLACE}(?:{_REGION})?){_DATE_PART}\.?,?[ \t]*{_AGENCY}(?:{_CLOSE}|{_OPEN_BODY}|[ \t]*(?=\n))"
)
# "Paris, (APP - Some News - 15th May, 2024)"
_BRACKET_DATE = re.compile(
    rf"[ \t]*(?P<place>(?:{_CAPS_PLACE}|{_TITLE_PLACE})(?:{_REGION})?),?[ \t]*"
    rf"\((?P<agency>[^()\n]{{1,60}}?)[ \t]*[-–—,][ \t]*(?P<date>{_DATE})[ \t]*\)(?:{_CLOSE}|{_OPEN_BODY}|[ \t]*(?=\n))"
)
# "16th May 2024 – (Bratislava)"
_DATE_FIRST = re.compile(rf"[ \t]*(?P<date>{_DATE})[ \t]*{_DASH}[ \t]*\((?P<place>[A-Z][^()\n]{{1,40}})\)[ \t]*:?[ \t]*")
# "(Bloomberg) --"
_AGENCY_ONLY = re.compile(rf"[ \t]*\((?P<agency>[^()\n]{{1,30}})\)[ \t]*{_DASH}[ \t]*")
# "BELGRADE —", "KYIV, Ukraine--", "WASHINGTON, May 29 —", "ISLAMABAD-Pakistan's", "KARACHI: The"
_PLACE_CAPS = re.compile(
    rf"[ \t]*(?P<place>{_CAPS_PLACE}(?:{_REGION})?){_DATE_PART}"
    rf"(?:(?P<spaced>[ \t]*(?:—|–|--)[ \t]*|[ \t]+-[ \t]+)|(?P<glued>-(?=[A-Z][a-z’'])|:[ \t]+(?=[A-Z“\"‘])))"
)
# "Kyiv, Ukraine — ": ordinary capitals need the region to be told from a sentence.
_PLACE_TITLE = re.compile(rf"[ \t]*(?P<place>{_TITLE_PLACE}{_REGION}){_DATE_PART}[ \t]*(?:—|–|--)[ \t]*")

#: Capitalised words that open a story without being its place: kickers and organisations.
NOT_PLACES = frozenset({
    "BREAKING", "EXCLUSIVE", "UPDATE", "UPDATED", "ANALYSIS", "OPINION", "WATCH", "LISTEN", "VIDEO",
    "PHOTOS", "LIVE", "FACTBOX", "EXPLAINER", "INSIGHT", "WRAPUP", "REFILE", "CORRECTED", "NEWS",
    "EDITORIAL", "COMMENT", "REVIEW", "INTERVIEW", "NOTE", "URGENT", "FLASH", "ALERT", "NATO",
    "OPEC", "ASEAN", "UNICEF", "UNESCO", "UNHCR", "UNRWA", "FIFA", "UEFA", "NASA", "BRICS", "IAEA",
    "OSCE", "COVID", "SARS", "MERS", "AIDS", "ECOWAS", "NAFTA", "USMCA", "WHO", "IMF", "WTO",
})


#: Titles that open a person's name, never a place.
_TITLES = frozenset({
    "Rep", "Sen", "Gov", "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Capt", "Lt", "Sgt",
    "President", "Senator", "Governor", "Minister", "Mayor", "Judge", "Rev", "Sir", "Dame", "Lord",
})


@dataclass(frozen=True)
class Dateline:
    """A dateline recognised at the head of a story; offsets are into the text."""

    end: int
    place: str | None = None
    agency: str | None = None
    #: Offsets of the date the dateline gives, or None.
    date_span: tuple[int, int] | None = None


def match_dateline(text: str, pos: int) -> Dateline | None:
    """The dateline that starts at `pos` (after spaces), in any of the wire forms, or None."""
    for pattern in (_BRACKET_DATE, _WIRE_CAPS, _WIRE_TITLE, _DATE_FIRST, _AGENCY_ONLY, _PLACE_CAPS, _PLACE_TITLE):
        match = pattern.match(text, pos)
        if match is not None and _plausible(pattern, match):
            return _dateline(pattern, match)
    return None


def _plausible(pattern: re.Pattern, match: re.Match) -> bool:
    """Whether a match is a dateline rather than the opening words of a sentence."""
    groups = match.groupdict()
    place = (groups.get("place") or "").strip()
    first = re.split(r"[ \t,\-]", place, maxsplit=1)[0].strip(".'’")
    if first.upper() in NOT_PLACES:
        return False
    agency = (groups.get("agency") or groups.get("slash_agency") or "").strip()
    if re.fullmatch(r"[A-Z]\s?-\s?[A-Za-z. ]+", agency) or first in _TITLES:
        return False  # "Rep. Jane Doe (D-Freedonia):", "Sen. Doe (R)": a speaker, not a place
    if groups.get("open") is not None or (pattern is _WIRE_TITLE and ":" in (groups.get("close") or "")):
        # "Police (PSNI) Chief ...", "FBI (Federal Bureau of Investigation) Director ..." are
        # sentences, "Jane Doe (Freedonia Party): '...'" a speaker: without a dash the dateline
        # needs a date or an agency known to write datelines so.
        return bool(groups.get("date")) or _agency_code(agency) in AGENCY_CODES
    if pattern is _PLACE_CAPS:
        if not re.search(r"[A-Z]{2}", first):
            return False
        if groups.get("glued") is not None:
            # "NATO-Russia talks", "US-led": short capitals glued to a word are names, not places.
            return len(first) >= 4 or " " in place or "," in place
    return True


def _dateline(pattern: re.Pattern, match: re.Match) -> Dateline:
    groups = match.groupdict()
    agency = groups.get("agency") or groups.get("slash_agency")
    if agency and pattern is _BRACKET_DATE:
        agency = re.split(r"[ \t]+[-–—/][ \t]+", agency)[0]  # "APP - Some News" → "APP"
    place = groups.get("place")
    if place and pattern is _PLACE_TITLE:
        city, _, region = place.rpartition(",")
        region = region.strip()
        # "Rabat, MINA –": after a city in ordinary capitals, a code in capitals is the
        # agency ("Austin, TX —" keeps its two-letter state).
        if region.isupper() and (len(region) >= 3 or region in AGENCY_CODES):
            place, agency = city, region
    span = None
    if groups.get("date"):
        start, end = match.span("date")
        span = (start, end)
    return Dateline(
        end=match.end(),
        place=place.strip().rstrip(",") if place else None,
        agency=agency.strip() if agency else None,
        date_span=span,
    )


def _agency_code(agency: str) -> str:
    """The agency code a bracket opens with ("dpa/XYZ" → "dpa")."""
    return re.split(r"[ \t/]", agency.strip(), maxsplit=1)[0]
