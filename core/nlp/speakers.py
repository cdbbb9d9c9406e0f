"""Speakers: one canonical name per person or organisation, however the article writes it.

`SpeakerBook` holds what the briefing settings say (every spelling of a focus speaker, compared
with diacritics removed and Cyrillic transliterated) and turns a speaker phrase into an `Entity`
("Serbian President Aleksandar Vucic" → Aleksandar Vucic). What needs the rest of the article
("he", "the company", a surname after a full name) is resolved in `coreference`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from briefing.core.fold import without_diacritics
from briefing.core.nlp import lexicon as lx
from briefing.core.settings import Settings

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_POSSESSIVE = frozenset({"'s", "’s"})
#: Phrases whose speaker a SpeakerBook keeps (a few MB at most).
_ENTITIES_KEPT = 1 << 16


@functools.lru_cache(maxsize=1 << 14)
def normalise(name: str) -> str:
    """Comparison key of a spelling: folded, without diacritics, lowercase, no leading article."""
    text = without_diacritics(name.translate(_APOSTROPHES)).lower()
    words = text.split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def _is_name_word(word: str) -> bool:
    """A capitalised word that can belong to a person's or organisation's name."""
    low = word.lower()
    if word[:1].isupper():
        return low not in lx.NON_NAMES and low not in lx.TITLE_WORDS
    head, dash, rest = word.partition("-")
    return bool(dash) and head in lx.NAME_PREFIXES and rest[:1].isupper()  # "al-Ghaithi"


def _name_at(words: list[str], k: int) -> bool:
    """Whether words[k] belongs to a name, reading it after the word before it: a capitalised
    title or common word right after a first name is a surname ("Charlie King", "Ian Read")."""
    word = words[k]
    if _is_name_word(word):
        return True
    low = word.lower()
    return (
        word[:1].isupper() and k > 0 and (low in lx.TITLE_WORDS or low in lx.SURNAME_WORDS)
        and low not in lx.TRAILING_TITLES and _is_name_word(words[k - 1]) and not _is_acronym(words[k - 1])
    )


def _is_acronym(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def describe(words: list[str]) -> str:
    """A description as a speaker name: "The report" → "the report", "Police" → "police"."""
    if words:
        low = words[0].lower()
        if low in lx.DETERMINERS or low in lx.SPEAKER_NOUNS or low in lx.QUANTIFIERS or low in lx.TITLE_WORDS:
            words = [low, *words[1:]]
    return _join(words)


def _head(lows: list[str]) -> int:
    """Index of the head noun of a description: before its first postmodifier ("residents of X",
    "people familiar with the matter")."""
    for k in range(1, len(lows)):
        if lows[k] in lx.POSTMODIFIERS or (lows[k] == "to" and lows[k - 1] in lx.TIE_ADJECTIVES):
            return k - 2 if k >= 2 and lows[k - 1] in lx.TIE_ADJECTIVES else k - 1
    return len(lows) - 1


def _national_group(lows: list[str]) -> str:
    """"officials in eastern Libya" → "eastern Libyan officials": people of a country are named
    as news names them, by the country's adjective; "" when the phrase is not of that shape."""
    head = _head(lows)
    if head + 2 >= len(lows) or lows[head + 1] not in ("in", "of", "from"):
        return ""
    *regions, country = lows[head + 2 :]
    adjective = lx.COUNTRY_ADJECTIVES.get(country)
    if not adjective or len(regions) > 1 or any(r not in lx.GEO_WORDS for r in regions):
        return ""
    return " ".join([*lows[:head], *regions, adjective, lows[head]])


def _join(words: list[str]) -> str:
    """Words back into text, with possessives and hyphens attached."""
    out = ""
    for word in words:
        plural_possessive = word in ("'", "’") and out.endswith("s")  # "Sanders' team"
        if out and word not in _POSSESSIVE and not plural_possessive and not out.endswith("-") and word != "-":
            out += " "
        out += word
    return out


@dataclass(frozen=True)
class Entity:
    """A canonical speaker: `kind` is person, organisation or group; `named` when a proper name."""

    name: str
    kind: str
    named: bool = True


class SpeakerBook:
    """What the briefing settings know about speakers, and how to name one from a phrase."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._groups = {s.name: s.group for s in settings.speakers}
        self._aliases: dict[str, Entity] = {}
        #: Head nouns of every spelling of a focus speaker: "the force" can be KFOR, spelled
        #: "the NATO-led peacekeeping force".
        self._heads: dict[str, frozenset[str]] = {}
        for focus in settings.speakers:
            words = focus.name.split()
            kind = "person" if self._looks_personal(words) else "organisation"
            entity = Entity(focus.name, kind, True)
            heads = set()
            for spelling in focus.spellings:
                key = normalise(spelling)
                self._aliases.setdefault(key, entity)
                if key:
                    heads.add(key.split()[_head(key.split())])
            self._heads[focus.name] = frozenset(heads)
        #: The speaker each phrase names, once read: a briefing writes the same phrases again and again.
        self._entities: dict[tuple[str, ...], Entity | None] = {}

    @staticmethod
    def _looks_personal(words: list[str]) -> bool:
        lows = [w.lower() for w in words]
        if len(words) == 1 and _is_acronym(words[0]):
            return False
        if any(low in lx.ORG_WORDS or low in lx.COUNTRIES or low in lx.GEO_WORDS for low in lows):
            return False
        return all(w[:1].isupper() for w in words)

    def heads(self, name: str) -> frozenset[str]:
        """Head nouns of a focus speaker's spellings (empty for anyone else)."""
        return self._heads.get(name, frozenset())

    def group_of(self, name: str) -> str | None:
        """The settings group (quote column) of a canonical name, or None."""
        return self._groups.get(name)

    def focus(self, spelling: str) -> Entity | None:
        """The focus speaker a spelling belongs to, if any."""
        return self._aliases.get(normalise(spelling)) if spelling else None

    def entity(self, words: list[str]) -> Entity | None:
        """The speaker a (non-pronoun) phrase names, or None when it names nobody."""
        key = tuple(words)
        if key in self._entities:
            return self._entities[key]
        found = self._entity(words)
        if len(self._entities) < _ENTITIES_KEPT:
            self._entities[key] = found
        return found

    def _entity(self, words: list[str]) -> Entity | None:
        hit = self.focus(_join(words))
        if hit:
            return hit
        written = words
        while words and words[0].lower() in lx.DETERMINERS:
            words = words[1:]
        if len(words) >= 3 and words[1] in _POSSESSIVE and words[0].islower() and words[2][:1].isupper():
            words = words[2:]  # "the country’s Interior Ministry" is the Interior Ministry
        if not words:
            return None
        hit = self.focus(_join(words))
        if hit:
            return hit
        lows = [w.lower() for w in words]
        if ("and" in lows or "&" in lows) and words[0][:1].isupper():
            k = lows.index("and") if "and" in lows else lows.index("&")
            if 0 < k < len(words) - 1 and words[k + 1][:1].isupper() and not self.focus(_join(words)):
                # "Vucic and Kurti": two speakers at once, named as a group of both.
                parts = [self.entity(words[:k]), self.entity(words[k + 1 :])]
                if all(p is not None and p.named for p in parts):
                    return Entity(f"{parts[0].name} and {parts[1].name}", "group")
        # "a statement from NATO", "data by the health ministry": the source is after from/by
        # (but "one woman from Zvecan" is a woman).
        for k in range(len(words) - 2, 0, -1):
            if lows[k] in ("from", "by") and (
                lows[k - 1] in lx.ISSUED_NOUNS or lows[k - 1] in lx.SOURCED_NOUNS or lows[k - 1] in lx.REPRESENTATIVE_NOUNS
            ):
                sub = self.entity(words[k + 1 :])
                if sub is not None:
                    return sub
        # "a spokesman for NATO", "the office of the president": who is represented.
        for k in range(1, len(words) - 1):
            if lows[k] in ("for", "of") and lows[k - 1] in lx.REPRESENTATIVE_NOUNS:
                sub = self.entity(words[k + 1 :])
                if sub is not None and (sub.named or sub.kind == "organisation"):
                    return sub
        # "Vucic's office", "the ministry's spokesman", "the agency's mission in Libya".
        unit = _head(lows)
        if lows[unit] in lx.REPRESENTATIVE_NOUNS or lows[unit] in lx.UNIT_NOUNS:
            for k in range(unit, 0, -1):
                if words[k] in _POSSESSIVE:
                    sub = self.entity(words[:k])
                    if sub is not None and sub.named:
                        return sub
        tie = next((k for k in range(1, len(lows) - 1) if lows[k] in lx.TIE_ADJECTIVES and lows[k + 1] in ("with", "to")), -1)
        if tie > 0:
            return self._description(written, words, lows)  # "people close to Vell" are not Vell
        titles = 0
        while titles < len(words) - 1 and lows[titles] in lx.TITLE_WORDS:
            titles += 1
        person = self._person_of(words[titles:], lows[titles:])
        if person is not None:
            return person  # "Albin Kurti of the Vetevendosje Movement" is Kurti
        if len(words) >= 2 and words[0][:1].isupper() and (
            (lows[-1] in lx.ORG_WORDS and words[-1][:1].isupper())
            or (lows[0] in lx.ORG_WORDS and len(words) > 2 and lows[1] in ("of", "for") and words[2][:1].isupper())
        ):
            # "Kosovo Police", "Human Rights Watch", "Council of Europe": a named organisation.
            return self.focus(_join(words)) or Entity(_join(words), "organisation")
        head = _head(lows)
        if head < len(lows) - 1 and (words[head][:1].islower() or head == 0) and (
            lows[head] in lx.SPEAKER_NOUNS or lows[head] in lx.DEMONYMS or lows[head] in lx.QUANTIFIERS
        ) and not self._titled_name(words, lows):
            return self._description(written, words, lows)  # "residents of Zvecan", "one of them"
        if not _name_at(words, len(words) - 1) or (
            # "Police said", "Officials said": common nouns capitalised only by the sentence start
            not any(w[:1].isupper() for w in words[1:])
            and all(low in lx.SPEAKER_NOUNS or low in lx.DEMONYMS or low in lx.TITLE_WORDS for low in lows)
        ):
            return self._description(written, words, lows)
        return self._proper(words, lows)

    def _description(self, written: list[str], words: list[str], lows: list[str]) -> Entity:
        """"local Serb authorities", "the report", "a NATO spokesman" (`written` keeps its article)."""
        head = lows[_head(lows)]
        if (head in lx.REPRESENTATIVE_NOUNS or head in lx.ISSUED_NOUNS or head in lx.SOURCED_NOUNS) and lows[-1] == head:
            # "a NATO spokesman" speaks for NATO, "a State Department spokesman" for the
            # department, "a UN report" for the UN.
            org = self._organisation_in(words[:-1])
            if org is not None:
                return org
        if head in lx.PERSON_NOUNS:
            kind = "person"
        elif head in lx.PEOPLE_NOUNS or head in lx.DEMONYMS or head in lx.QUANTITY_WORDS or head[:1].isdigit():
            kind = "group"  # "local residents", "Some", "About four in 10"
        else:
            kind = "organisation"
        if kind == "group":
            national = _national_group(lows)
            if national:
                return Entity(national, kind, named=False)
        return Entity(describe(written), kind, named=False)

    @staticmethod
    def _titled_name(words: list[str], lows: list[str]) -> bool:
        """Whether the phrase ends with a name of two or more words after a title ("… Chief Jane Doe")."""
        run = names = 0
        while run < len(words) and (
            _is_name_word(words[-1 - run]) or (names and lows[-1 - run] in lx.NAME_CONNECTORS and lows[-1 - run] not in ("of", "for", "and"))
        ):
            names += _is_name_word(words[-1 - run])
            run += 1
        return names >= 2 and any(low in lx.TITLE_WORDS for low in lows[: len(words) - run])

    def _organisation_in(self, words: list[str]) -> Entity | None:
        """The organisation named by the capitalised run at the end of some modifiers."""
        start = len(words)
        while start > 0 and words[start - 1][:1].isupper():
            start -= 1
        run = words[start:]
        if not run:
            return None
        hit = self.focus(_join(run))
        if hit is not None:
            return hit if hit.kind == "organisation" else None
        if any(w.lower() in lx.ORG_WORDS for w in run) or (len(run) == 1 and _is_acronym(run[0])):
            return Entity(_join(run), "organisation")
        return None

    def _proper(self, words: list[str], lows: list[str]) -> Entity | None:
        """A capitalised phrase: titles stripped for people, kept whole for organisations."""
        start = len(words)
        while start > 0:
            if _name_at(words, start - 1):
                start -= 1
                continue
            # Particles inside a name: "Ursula von der Leyen", "Ministry of Defence".
            k = start
            while k > 0 and start - k < 2 and (
                (lows[k - 1] in lx.NAME_CONNECTORS and lows[k - 1] not in ("and", "&", "for"))
                or (lows[k - 1] == "the" and k >= 2 and lows[k - 2] == "of")  # "… of the Republic"
            ):
                k -= 1
            if k < start and k > 0 and _is_name_word(words[k - 1]):
                start = k - 1
                continue
            break
        run = words[start:]
        if not run:
            return None
        run_lows = lows[start:]
        titled = any(low in lx.TITLE_WORDS for low in lows[:start])
        person = self._person_of(run, run_lows)
        if person is not None:
            return person
        if lows[-1] in lx.ORG_WORDS or (any(low in lx.ORG_WORDS for low in lows) and not titled):
            # "the Kosovo Interior Ministry": an organisation, whatever titles it contains.
            return self.focus(_join(words)) or Entity(_join(words), "organisation")
        name = _join(run)
        hit = self.focus(name)
        if hit:
            return hit
        if not titled and (
            (len(run) == 1 and _is_acronym(run[0]))
            or all(low in lx.COUNTRIES or low in lx.GEO_WORDS or low in lx.NAME_CONNECTORS for low in run_lows)
        ):
            return Entity(name, "organisation")
        if all(low in lx.DEMONYMS for low in run_lows):
            return Entity(name, "group")
        # "Head of the Serbian List Goran Rakic": the person's name follows the organisation's.
        cut = max((k for k, w in enumerate(run) if run_lows[k] in lx.ORG_WORDS or _is_acronym(w)), default=-1)
        if titled and 0 <= cut < len(run) - 1:
            name = _join(run[cut + 1 :])
            return self.focus(name) or Entity(name, "person")
        return Entity(name, "person")

    def _person_of(self, run: list[str], run_lows: list[str]) -> Entity | None:
        """"Aleksandar Vucic of Serbia", "Goran Rakic of the Serbian List": a person's name,
        then where they are from or whom they belong to. Not "Council of Europe", "Ministry of
        Foreign Affairs", "Republic of Serbia": there the words before "of" name no one."""
        if "of" not in run_lows:
            return None
        left, left_lows = run[: run_lows.index("of")], run_lows[: run_lows.index("of")]
        if not left or any(
            low in lx.ORG_WORDS or low in lx.GEO_WORDS or low in lx.COUNTRIES or low in lx.DEMONYMS
            or low in lx.NAME_CONNECTORS or low in lx.ORG_ADJECTIVES
            for low in left_lows
        ) or not all(_name_at(left, k) and not _is_acronym(w) for k, w in enumerate(left)):
            return None
        name = _join(left)
        hit = self.focus(name)
        if hit is not None:
            return hit if hit.kind == "person" else None
        return Entity(name, "person") if len(left) >= 2 else None

    def mention(self, words: list[str]) -> Entity | None:
        """A capitalised run met in narrative text, when it clearly names a person or organisation."""
        lows = [w.lower() for w in words]
        titled = any(low in lx.TITLE_WORDS for low in lows[:-1])
        hit = self.focus(_join(words))
        if hit:
            return hit
        entity = self._proper(words, lows) if _name_at(words, len(words) - 1) else None
        if entity is None:
            return None
        if entity.kind == "person" and any(w.lower() in lx.GEO_WORDS for w in entity.name.split()):
            return None  # "the Presidential Palace": a building, whatever title it carries
        if entity.kind == "person" and not titled and not self.focus(entity.name):
            name_words = entity.name.split()
            if len(name_words) < 2 or any(
                w.lower() in lx.DEMONYMS or w.lower() in lx.COUNTRIES or w.lower() in lx.GEO_WORDS
                or w.lower() in lx.MONTHS or not w[:1].isupper() or _is_acronym(w) for w in name_words
            ):
                return None  # a lone capitalised word, a place or a people: not evidence of a person
        if entity.kind == "organisation" and not (
            any(low in lx.ORG_WORDS for low in lows) or _is_acronym(words[-1]) or self.focus(entity.name)
        ):
            return None  # countries and places are not the "it" of "it said"
        return entity
