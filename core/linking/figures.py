"""Figures in event sentences ("about 25 peacekeepers injured"): what each counts, and when two disagree."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.core.linking.words import CANONICAL, SENTENCE_END, SYNONYMS, WORD, stem

#: Predicates a figure can be a count of, by the form SYNONYMS maps them to. Casualty counts
#: are compared even when one side names no noun ("30 injured"); the others only for one noun.
CASUALTY_PREDICATES = frozenset({"injured", "killed", "arrested", "missing"})
PREDICATES = CASUALTY_PREDICATES | {"evacuated", "displaced", "deployed", "sent"}
#: Qualifiers that make a figure approximate, with the range they give around the number n.
QUALIFIERS = {
    "about": (0.85, 1.15), "around": (0.85, 1.15), "some": (0.85, 1.15), "approximately": (0.85, 1.15),
    "roughly": (0.85, 1.15), "an estimated": (0.85, 1.15), "almost": (0.85, 1.0), "nearly": (0.85, 1.0),
    "close to": (0.85, 1.0), "more than": (1.0, 1.5), "over": (1.0, 1.5), "at least": (1.0, 1.5),
    "up to": (0.0, 1.0), "as many as": (0.5, 1.0), "less than": (0.0, 1.0), "fewer than": (0.0, 1.0),
    "under": (0.0, 1.0), "at most": (0.0, 1.0),
}
#: Vague quantities with the range they stand for.
VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999)}
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100,
}
#: Words between a number and its noun that do not end the noun phrase.
_NOUN_SKIP = frozenset({"of", "the", "its", "their", "his", "her", "more", "other", "additional", "extra", "further", "new"})
#: Words just before a number that make it part of a breakdown, not a total ("including 11 Italians").
_PART_MARKERS = ("including", "among them", "of whom", "of which", "of them", "among whom")

_QUALIFIER_ALT = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUALIFIERS, key=len, reverse=True))
_NUMBER_ALT = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_FIGURE = re.compile(
    rf"(?<![\w.,/-])(?:(?P<qual>{_QUALIFIER_ALT})\s+)?"
    rf"(?:(?P<num>[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+)(?![\w%/:-]|[.,][0-9])|(?P<word>{_NUMBER_ALT})\b|(?P<vague>dozens|scores|hundreds|thousands)\s+of)",
    re.IGNORECASE,
)
_MEASURE_AFTER = re.compile(r"\s*(?:%|percent|per cent|km|kilomet|mile|metre|meter|a\.m\.|p\.m\.|am\b|pm\b|hours|GMT|CET)", re.I)
_MONTH_BEFORE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)\s*$"
)


@dataclass(frozen=True)
class Figure:
    """A number in an event's sentences, with the range it stands for and what it counts."""

    text: str
    low: float
    high: float
    exact: bool
    stated: float | None
    noun: str | None
    predicate: str | None


def figures(text: str) -> list[Figure]:
    """Counted figures in a text: '30 international soldiers', 'about 25 peacekeepers ... injured'."""
    found = []
    for match in _FIGURE.finditer(text):
        qual = " ".join((match.group("qual") or "").lower().split())
        if match.group("num"):
            value = float(match.group("num").replace(",", ""))
            if 1900 <= value <= 2099 and not qual:
                continue  # a year
        elif match.group("word"):
            value = float(NUMBER_WORDS[match.group("word").lower()])
        else:
            value = None
        before = text[max(0, match.start() - 40) : match.start()].lower()
        if any(before.rstrip(" ,(").endswith(marker) for marker in _PART_MARKERS):
            continue
        if _in_breakdown(text, match):
            continue
        if _MEASURE_AFTER.match(text, match.end()):
            continue  # a share, a distance or a time
        if _MONTH_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue  # the day of a date
        noun, predicate = _noun_and_predicate(text, match)
        if noun is None and predicate is None:
            continue
        if value is None:
            low, high = VAGUE[match.group("vague").lower()]
            found.append(Figure(match.group(0), low, high, False, None, noun, predicate))
        elif qual:
            lo, hi = QUALIFIERS[qual]
            found.append(Figure(match.group(0), value * lo, value * hi, False, value, noun, predicate))
        else:
            found.append(Figure(match.group(0), value, value, True, value, noun, predicate))
    return found


def _in_breakdown(text: str, match: re.Match) -> bool:
    """True for the parts of '19 Hungarian and 11 Italian soldiers': numbers joined by 'and'."""
    before = text[max(0, match.start() - 40) : match.start()]
    after = text[match.end() : match.end() + 40]
    joined_before = re.search(r"[0-9]+\b[^.;0-9]*\band\s+$", before)
    joined_after = re.match(r"[^.;0-9]*?\band\s+(?:[a-z]+\s+)?[0-9]+\b", after)
    return bool(joined_before or joined_after)


def _noun_and_predicate(text: str, match: re.Match) -> tuple[str | None, str | None]:
    """What a number counts (its noun, synonyms merged) and what happened to it (injured, ...)."""
    noun = None
    predicate = None
    rest = text[match.end() : match.end() + 60]
    for n, word_match in enumerate(WORD.finditer(rest)):
        if n >= 4 or re.search(r"[,;:.()—]", rest[: word_match.start()]):
            break
        word = word_match.group(0)
        low = word.lower()
        mapped = SYNONYMS.get(low, low)
        if mapped in PREDICATES:
            predicate = mapped
            break
        if mapped in CANONICAL:
            noun = mapped
            break
        if low in _NOUN_SKIP:
            continue
        if len(low) > 3 and low.endswith("s") and not low.endswith("ss"):
            noun = stem(word)
            break
        if word[0].isupper() or low.isalpha():
            continue  # a modifier: NATO, international, local
        break
    if predicate is None:
        sentence_end = SENTENCE_END.search(text, match.end())
        stop = min(sentence_end.start() if sentence_end else len(text), match.end() + 160)
        ahead = [
            (m.start() - match.end(), SYNONYMS.get(m.group(0).lower(), m.group(0).lower()))
            for m in WORD.finditer(text, match.end(), stop)
        ]
        behind_text = text[max(0, match.start() - 40) : match.start()]
        behind = [
            (len(behind_text) - m.end(), SYNONYMS.get(m.group(0).lower(), m.group(0).lower()))
            for m in WORD.finditer(behind_text)
        ]
        hits = sorted((d, w) for d, w in ahead + behind if w in PREDICATES)
        if hits:
            predicate = hits[0][1]
    return noun, predicate


def same_count(a: Figure, b: Figure) -> bool:
    """True when two figures count the same thing (same predicate, and same noun where given)."""
    if a.predicate != b.predicate:
        return False
    if a.predicate in CASUALTY_PREDICATES and (a.noun is None or b.noun is None):
        return True  # "30 injured" and "25 soldiers injured" count the same casualties
    return a.noun is not None and a.noun == b.noun


def figures_disagree(a: Figure, b: Figure) -> bool:
    """True when two figures for the same count disagree.

    Exact figures disagree when they differ; an approximate and an exact one when the exact
    number is not the approximate one's ("about 25" vs 30, "more than 50" vs 52); two
    approximate ones only when their ranges do not overlap.
    """
    if a.exact and b.exact:
        return a.stated != b.stated
    if a.exact != b.exact:
        exact, approx = (a, b) if a.exact else (b, a)
        if approx.stated is not None:
            return exact.stated != approx.stated
        return not (approx.low <= exact.stated <= approx.high)
    return a.high < b.low or b.high < a.low
