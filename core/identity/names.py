"""The shape of a speaker's spelling: a person's name, an organisation, an acronym or a description.

What the identity rules ask of a spelling, read from its words alone: is it a person's full name
or a lone surname, an organisation with a legal suffix ("Engro Corp"), an acronym, a definite
description ("the interior minister", "Italy's prime minister") or an indefinite one ("a UN
official"), a family ("Harding's family"), a part of a body ("the WHO mission")?
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from briefing.core.fold import without_diacritics
from briefing.core.nlp import lexicon as lx

#: Kinds of spelling.
PERSON, NAME, ACRONYM, ORGANISATION, DESCRIPTION, GROUP, EMPTY = (
    "person", "name", "acronym", "organisation", "description", "group", "empty",
)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
_POSSESSIVE = re.compile(r"^(.+?)'s?$")
#: Words that open an indefinite description: someone the text does not name.
INDEFINITE = frozenset({"a", "an", "one", "another", "some"})
#: Honorifics before a surname ("Mr Fico"): the surname is what names the person.
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame"})
#: Legal forms that end a company's name: "Engro Corp" and "Engro Corporation" are one company.
LEGAL_SUFFIXES = {
    "corp": "corporation", "corp.": "corporation", "corporation": "corporation",
    "inc": "incorporated", "inc.": "incorporated", "incorporated": "incorporated",
    "ltd": "limited", "ltd.": "limited", "limited": "limited",
    "plc": "plc", "llc": "llc", "co": "company", "co.": "company", "company": "company",
    "ag": "ag", "gmbh": "gmbh", "sa": "sa", "s.a.": "sa", "nv": "nv", "n.v.": "nv",
}
#: Nouns a company is described by ("the company said" after "Engro Corp said").
COMPANY_NOUNS = frozenset({"company", "firm", "corporation", "conglomerate", "group", "business", "operator", "manufacturer", "maker", "carrier", "airline", "insurer", "lender", "bank"})
#: A part or an outlet of a body that speaks for it: "the WHO mission", "the mission of the WHO",
#: "the Daily Planet newspaper", "the IOM's office in Libya" all speak for the body named.
PART_NOUNS = frozenset({
    "mission", "office", "delegation", "headquarters", "secretariat", "team", "spokesman",
    "spokeswoman", "spokesperson", "spokespeople", "press office", "press service",
    "newspaper", "paper", "daily", "weekly", "magazine", "website", "channel", "broadcaster",
    "agency", "outlet", "portal", "station", "television", "tv", "radio",
})
#: Kin nouns: "Harding's family" and "the family of Hamish Harding" are the Harding family.
FAMILY_NOUNS = frozenset({"family", "relatives"})
#: Words that never stand in a person's name (a country, a people, a body, a month).
_NOT_PERSONAL = lx.ORG_WORDS | lx.COUNTRIES | lx.GEO_WORDS | lx.DEMONYMS | lx.MONTHS | frozenset(LEGAL_SUFFIXES)
_CONNECTORS = frozenset(lx.NAME_CONNECTORS - {"and", "&", "for", "of"}) | frozenset({"bin", "bint", "abu", "ben", "ter", "ten", "dos", "das", "do", "zu"})


@functools.lru_cache(maxsize=1 << 15)
def fold_key(text: str) -> str:
    """Comparison form of a spelling: folded, no diacritics, lowercase, one apostrophe, no "the"."""
    words = without_diacritics(text.translate(_APOSTROPHES)).lower().split()
    while words and words[0] in ("the",):
        words = words[1:]
    return " ".join(words)


def split_words(text: str) -> list[str]:
    """The words of a spelling, a possessive "'s" split off as a word of its own."""
    out: list[str] = []
    for word in text.translate(_APOSTROPHES).split():
        if len(word) > 2 and word.lower().endswith("'s"):
            out += [word[:-2], "'s"]
        elif len(word) > 2 and word.endswith("s'"):
            out += [word[:-1], "'s"]
        else:
            out.append(word)
    return out


def is_acronym(word: str) -> bool:
    """"TSB", "U.N.", "NATO": two or more letters, every one a capital."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters) and len(letters) <= 8


def acronym_letters(word: str) -> str:
    """The letters of an acronym, capitals only ("U.N." → "UN")."""
    return "".join(ch for ch in word if ch.isalpha()).upper()


def is_name_word(word: str) -> bool:
    """A word that can belong to a proper name: capitalised ("Al-Ghaithi", "McGuire") or a particle."""
    if word.lower() in _CONNECTORS:
        return True
    first = word[:1]
    if first.isupper():
        return True
    # "al-Ghaithi", "el-Sisi", "bin-Salman": a lowercase particle joined to a capitalised name.
    head, _, rest = word.partition("-")
    return bool(rest) and head.lower() in _CONNECTORS and rest[:1].isupper()


def _title_word(low: str) -> bool:
    return low in lx.TITLE_WORDS or all(part in lx.TITLE_WORDS for part in low.split("-") if part)


def person_words(words: list[str]) -> bool:
    """Whether `words` can be a person's name: name words only, none naming a place, people or body,
    none a title, the first and last capitalised."""
    if not words or not words[0][:1].isupper() or not (words[-1][:1].isupper() or "-" in words[-1]):
        return False
    for word in words:
        low = word.lower()
        if not is_name_word(word) or low in _NOT_PERSONAL or low in lx.NON_NAMES or _title_word(low):
            return False
        if is_acronym(word) or any(ch.isdigit() for ch in word):
            return False
    return True


@dataclass(frozen=True)
class Shape:
    """What a spelling is, and its parts that the identity rules compare."""

    text: str
    kind: str
    #: Folded lowercase words (possessive "'s" a word of its own).
    lows: tuple[str, ...] = ()
    #: The description's head noun and its modifiers ("the slovak interior minister": minister;
    #: slovak, interior); for "of" phrases the words after "of" are modifiers too.
    head: str = ""
    modifiers: frozenset[str] = frozenset()
    #: A description opened by "the", a possessive or nothing ("NATO chief"); not "a", "one".
    definite: bool = False
    #: A plural description ("officials", "witnesses").
    plural: bool = False
    #: The owner of a possessive ("Harding" of "Harding's family", "UN" of "UN's IOM").
    owner: str = ""
    #: What follows the possessive ("family", "International Organisation for Migration").
    owned: str = ""

    @property
    def is_name(self) -> bool:
        """A proper name: a person's, an organisation's or an acronym (not a description)."""
        return self.kind in (PERSON, NAME, ACRONYM, ORGANISATION)


def _folded_words(words: list[str]) -> tuple[str, ...]:
    return tuple(without_diacritics(w).lower() for w in words)


@functools.lru_cache(maxsize=1 << 15)
def shape_of(text: str) -> Shape:
    """The shape of one spelling (cached: a briefing repeats its spellings)."""
    text = " ".join(text.split())
    if not text:
        return Shape(text, EMPTY)
    words = split_words(text)
    lows = _folded_words(words)
    if "'s" in lows:
        at = lows.index("'s")
        owner, owned = " ".join(words[:at]), " ".join(words[at + 1 :])
        if owner and owned:
            base = _description_shape(text, words[at + 1 :], lows[at + 1 :], definite=True)
            kind = ORGANISATION if _org_words(words[at + 1 :]) else base.kind
            owner = _strip_the(owner)
            return Shape(text, kind, lows, base.head, base.modifiers | frozenset(_folded_words(split_words(owner))),
                         True, base.plural, owner, owned)
    first = lows[0]
    if first in ("the", "a", "an", "one", "another", "some") or first in lx.QUANTIFIERS:
        rest, rest_lows = words[1:], lows[1:]
        if first == "the" and rest and _org_words(rest) and all(w[:1].isupper() or w.lower() in lx.NAME_CONNECTORS for w in rest):
            return Shape(text, ORGANISATION, rest_lows)  # "the World Health Organization"
        return _description_shape(text, rest, rest_lows, definite=first == "the")
    if len(words) == 1 and is_acronym(words[0]):
        return Shape(text, ACRONYM, lows)
    if ("and" in lows or "&" in lows) and words[-1][:1].isupper():
        k = lows.index("and") if "and" in lows else lows.index("&")
        if 0 < k < len(words) - 1 and all(w[:1].isupper() for w in (words[0], words[k + 1])):
            return Shape(text, GROUP, lows)
    if _org_words(words) and words[0][:1].isupper() and words[-1][:1].isupper():
        return Shape(text, ORGANISATION, lows)
    if len(words) > 1 and is_brand(words[0]) and all(w[:1].isupper() for w in words):
        return Shape(text, ORGANISATION, lows)  # "OceanGate Expeditions": no person's first name
    if person_words(words):
        return Shape(text, PERSON if len(words) >= 2 else NAME, lows)
    if all(w[:1].isupper() or w.lower() in lx.NAME_CONNECTORS for w in words) and words[-1][:1].isupper():
        # Capitalised words that are not a person's name: "Sky News", "Libya", "OceanGate".
        return Shape(text, ORGANISATION if len(words) > 1 or lows[0] in lx.COUNTRIES else NAME, lows)
    return _description_shape(text, words, lows, definite=True)


def _strip_the(text: str) -> str:
    words = text.split()
    while words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


def _org_words(words: list[str]) -> bool:
    return any(w.lower() in lx.ORG_WORDS or w.lower() in LEGAL_SUFFIXES for w in words[1:] or words) and not all(
        w.lower() in lx.DEMONYMS for w in words
    )


def _description_shape(text: str, words: list[str], lows: tuple[str, ...], *, definite: bool) -> Shape:
    """A description: its head noun (before a postmodifier: "director of the hospital") and modifiers."""
    if not lows:
        return Shape(text, DESCRIPTION, lows, definite=definite)
    head_at = len(lows) - 1
    for k in range(1, len(lows)):
        if lows[k] in lx.POSTMODIFIERS:
            head_at = k - 1
            break
    head = lows[head_at]
    modifiers = frozenset(
        w for k, w in enumerate(lows) if k != head_at and w not in lx.DETERMINERS and w not in lx.POSTMODIFIERS and w != "'s"
    )
    plural = head in lx.PEOPLE_NOUNS or (head.endswith("s") and head[:-1] in lx.PERSON_NOUNS)
    return Shape(text, DESCRIPTION, lows, head, modifiers, definite, plural)


def is_person_head(head: str) -> bool:
    """A head noun that names one person by their role: "minister", "director", "spokesman"."""
    return head in lx.PERSON_NOUNS or _title_word(head) and head not in ("state", "affairs", "policy", "foreign", "interior")


def initials(words: list[str]) -> str:
    """The capitals an acronym of these words would have: "Transportation Safety Board" → "TSB"
    (connectors skipped; a hyphenated word gives a capital a part: "Al-Ghaithi" → "AG")."""
    out = ""
    for word in words:
        if word.lower() in lx.NAME_CONNECTORS or word.lower() == "the":
            continue
        for part in word.split("-"):
            if part[:1].isupper():
                out += part[0]
    return out


def legal_base(words: list[str]) -> tuple[tuple[str, ...], str | None]:
    """A company's name without its legal suffix, and the suffix spelled in full
    ("Engro Corp" → (engro), corporation); the name itself and None when it has none."""
    lows = [without_diacritics(w).lower() for w in words]
    if len(lows) >= 2 and lows[-1] in LEGAL_SUFFIXES:
        return tuple(lows[:-1]), LEGAL_SUFFIXES[lows[-1]]
    return tuple(lows), None


def same_nationality(a: str, b: str) -> bool:
    """Whether a country or people word and another name the same nation ("italy", "italian")."""
    if a == b:
        return True
    a, b = a.removesuffix("'s"), b.removesuffix("'s")
    return len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4]


def is_nationality(word: str) -> bool:
    """A country or a people: "slovak", "italy", "us"."""
    return word in lx.DEMONYMS or word in lx.COUNTRIES


#: Endings of a people's adjective ("Valdorian", "Ostrese", "Pakistani"): a capitalised word
#: with one, in a title or a description, says whose the office is.
_DEMONYM_ENDINGS = ("ian", "an", "ese", "ish", "i")


def nations(words: list[str]) -> frozenset[str]:
    """The words that say which nation a title or description belongs to: a country or people
    the lexicon knows, a capitalised people's adjective ("Valdorian"), or a capitalised owner
    ("Valdoria's")."""
    found = set()
    for k, word in enumerate(words):
        low = without_diacritics(word).lower()
        if low == "'s" or not low:
            continue
        owner = k + 1 < len(words) and words[k + 1] == "'s"
        looks = word[:1].isupper() and (owner or (len(low) > 4 and low.endswith(_DEMONYM_ENDINGS)))
        if is_nationality(low) or (looks and not _title_word(low) and low not in lx.ORG_WORDS):
            found.add(low)
    return frozenset(found)


#: A people's adjective → its country ("moroccan" → "morocco"), from the lexicon's own pairs.
_COUNTRY_OF_ADJECTIVE = {adjective.lower(): country for country, adjective in lx.COUNTRY_ADJECTIVES.items()}
#: Short names of countries the lexicon pairs under another name.
_COUNTRY_ALIASES = {"uk": "britain", "u.k.": "britain"}


@functools.lru_cache(maxsize=1 << 13)
def nation_of(word: str) -> str | None:
    """The country a word names, as the lexicon keys it: "Morocco", "Moroccan", "Moroccans",
    "Morocco's" → "morocco"; None for any other word."""
    low = without_diacritics(word).lower().replace("’", "'").removesuffix("'s")
    low = _COUNTRY_ALIASES.get(low, low)
    if low in lx.COUNTRY_ADJECTIVES:
        return low
    if low in _COUNTRY_OF_ADJECTIVE:
        return _COUNTRY_OF_ADJECTIVE[low]
    if low.endswith("s") and low[:-1] in _COUNTRY_OF_ADJECTIVE:
        return _COUNTRY_OF_ADJECTIVE[low[:-1]]
    return None


def adjective_of(country: str) -> str | None:
    """The people's adjective of a country the lexicon knows ("morocco" → "Moroccan")."""
    return lx.COUNTRY_ADJECTIVES.get(country)


#: Starts of surnames written with a capital inside ("McGuire", "DeSantis", "O'Neill").
_INNER_CAPITAL_PREFIXES = ("mc", "mac", "o'", "d'", "de", "di", "da", "du", "la", "le", "van", "von", "fitz", "al", "el")


def is_brand(word: str) -> bool:
    """A word with a capital inside that no surname prefix explains ("OceanGate", "PayPal"):
    a company's or a product's name, never a person's first name."""
    if "-" in word or not word[:1].isupper() or not any(ch.isupper() for ch in word[1:]) or is_acronym(word):
        return False
    low = word.lower().replace("’", "'")
    at = next(k for k in range(1, len(word)) if word[k].isupper())
    return low[:at] not in _INNER_CAPITAL_PREFIXES
