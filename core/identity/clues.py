"""What one article's text says about who is who: titled names, appositions, acronyms, names met.

News names a person in full once, with a title ("Interior Minister Jane Doe", "NATO chief
John Roe") or an apposition ("Jane Doe, the US ambassador,"; "the commander of the mission,
Major General John Roe,"), spells out an acronym once ("the World Health Organization (WHO)") and
calls a company what it is ("Acme Widgets, a Leeds-based maker of parts,"). These clues, read
from every article of a briefing, let the identity rules join "the interior minister" of one
article to the person another article gives that title.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from briefing.core.identity.names import (
    COMPANY_NOUNS,
    acronym_letters,
    initials,
    is_acronym,
    is_name_word,
    nation_of,
    person_words,
)
from briefing.core.nlp import lexicon as lx

#: What the clues read: a database whose clues were read by another version reads them again.
CLUES_VERSION = "2"
#: Kinds of clue.
TITLED, DESCRIBED, ACRONYM_OF, PERSON_MET, ORG_MET = "titled", "described", "acronym", "person", "organisation"
#: How often an article names a country or its people (name: the country, detail: the count).
NATION = "nation"
#: How often an article names a town or city it puts things in ("in Port Edda").
PLACE = "place"

#: Words, and each punctuation mark on its own.
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
#: Marks that end an apposition or a run of names.
_STOPS = frozenset(",.;:()[]—–!?\"“”‘’«»")
#: Words that end a description before its relative clause ("a company that owns …").
_RELATIVES = frozenset({"who", "which", "that", "whose", "whom", "where", "when", "said", "says", "told", "has", "had", "is", "was", "will"})
#: Particles a run of names goes on over when a name follows ("Bank of England", not "Jane and John").
_RUN_CONNECTORS = lx.NAME_CONNECTORS - {"and", "&"}
#: Particles a name does not end with: cut from the end of a run.
_RUN_ENDERS = lx.NAME_CONNECTORS | {"the"}
#: Longest title before a name, and longest apposition, in words.
_TITLE_WORDS_MAX = 7
_APPOSITION_MAX = 12
#: A ministry by its portfolio, written in lowercase: "the interior ministry".
_PORTFOLIO_MINISTRY = re.compile(
    r"\b(interior|foreign|defen[cs]e|health|finance|justice|education|economy|trade|agriculture|energy|transport|labou?r|environment|culture|tourism)\s+ministry\b",
    re.IGNORECASE,
)
#: Prepositions that put an event in a place ("of" and "from" also follow a body: "chief of Acme").
_PLACE_PREPOSITIONS = frozenset({"in", "near"})
#: Capitalised words after those that are no town: countries, regions, bodies, months, days.
_NOT_PLACES = lx.COUNTRIES | lx.GEO_WORDS | lx.ORG_WORDS | lx.MONTHS | lx.WEEKDAYS | lx.NON_NAMES | lx.DEMONYMS | lx.TITLE_WORDS
#: Countries whose mentions an article's clues keep (the most named first).
_NATIONS_KEPT = 5
#: Clues of one kind kept from one article: a long article repeats itself.
_PER_ARTICLE = 200


@dataclass(frozen=True)
class Clue:
    """One thing an article says about a name: a title or description given to it, an acronym
    it is spelled as, or only that it was met (a person or an organisation named in full)."""

    kind: str
    #: The person or organisation, as the text spells them.
    name: str
    #: The title ("Interior Minister"), description ("a Leeds-based maker of parts") or acronym.
    detail: str = ""


def _low(word: str) -> str:
    return word.lower().replace("’", "'")


def _title_word(low: str) -> bool:
    return low in lx.TITLE_WORDS or (("-" in low) and all(p in lx.TITLE_WORDS for p in low.split("-") if p))


def lowered(words: list[str]) -> list[str]:
    """Each word as `_low` gives it (lowercase, apostrophes straight), in one pass over them all:
    no word holds a newline, and a newline ends a word for lowercasing as the end of a text does
    (a final Greek sigma stays final)."""
    if not words:
        return []
    return "\n".join(words).lower().replace("’", "'").split("\n")


def positions(items: list[str], value: str) -> list[int]:
    """Every index where `value` stands in `items`, in order (list.index scans in C: quick for a
    word as rare as "near")."""
    found: list[int] = []
    at = -1
    while True:
        try:
            at = items.index(value, at + 1)
        except ValueError:
            return found
        found.append(at)


def article_clues(text: str) -> list[Clue]:
    """The clues one article's text gives (the body: header lines are no evidence)."""
    tokens = _TOKEN.findall(text)
    # An article repeats its words: each test below runs once per distinct word, not per token.
    distinct = dict.fromkeys(tokens)
    lows = lowered(tokens)
    capitalised = {word for word in distinct if word[:1].isupper()}
    name_like = capitalised | {word for word in distinct if "-" in word and is_name_word(word)}
    clues: list[Clue] = []
    seen: set[Clue] = set()

    def add(clue: Clue) -> None:
        if clue not in seen and len(seen) < _PER_ARTICLE * 4:
            seen.add(clue)
            clues.append(clue)

    n = len(tokens)
    run_end = 0
    for k in [k for k, word in enumerate(tokens) if word in name_like]:
        if k < run_end:
            continue
        # A run of capitalised words (with particles inside): a name, perhaps after a title.
        end = k + 1
        while end < n and (
            tokens[end] in name_like
            or (lows[end] in _RUN_CONNECTORS and end + 1 < n and (tokens[end + 1] in capitalised or lows[end + 1] == "the"))
            or (lows[end] == "the" and lows[end - 1] in ("of", "for"))
        ):
            end += 1
        _read_run(tokens, lows, k, end, add)
        run_end = end
    for match in _PORTFOLIO_MINISTRY.finditer(text):
        # "the interior ministry's figures": a ministry named in lowercase is named all the same.
        add(Clue(ORG_MET, f"{match.group(1).lower().capitalize()} Ministry"))
    # Counters keep the order words are first met in, which breaks ties between counts; the
    # few words counted are counted by list.count, in C.
    nations: Counter = Counter()
    for word in distinct:
        if word in capitalised and (nation := nation_of(word)) is not None:
            nations[nation] += tokens.count(word)
    clues += [Clue(NATION, country, str(count)) for country, count in nations.most_common(_NATIONS_KEPT)]
    places = _places(tokens, lows, capitalised)
    place_counts = Counter({word: tokens.count(word) for word in distinct if word in places})
    clues += [Clue(PLACE, place, str(count)) for place, count in place_counts.most_common(_NATIONS_KEPT)]
    return clues


def _places(tokens: list[str], lows: list[str], capitalised: set[str]) -> set[str]:
    """The towns and cities an article puts things in: a lone capitalised word after "in" or
    "near" that names no country, people, body or month."""
    places = set()
    for k in [at + 1 for low in _PLACE_PREPOSITIONS for at in positions(lows, low) if at < len(tokens) - 2]:
        word = tokens[k]
        if (
            word in capitalised
            and word.isalpha()
            and tokens[k + 1] not in capitalised
            and lows[k] not in _NOT_PLACES
            and nation_of(word) is None
        ):
            places.add(word)
    return places


@dataclass(frozen=True, slots=True)
class _RunReading:
    """What a capitalised run says on its own, before the words around it are read."""

    #: Words cut from its start (not names: "But", "The") and from its end (particles).
    lead: int
    trail: int
    #: Whether its last word is a possessive ("Jane Doe's").
    possessive: bool
    #: Where the person's name starts within the trimmed run, and that name.
    cut: int
    person: str | None
    #: A one-word name after a title word ("Mayor Smith").
    titled_word: str | None
    organisation: str | None
    #: A lone acronym ("WHO"), which a bracketed expansion may follow.
    acronym: str | None


@functools.lru_cache(maxsize=1 << 13)
def _read_run_words(words: tuple[str, ...]) -> _RunReading | None:
    """What a capitalised run of words names on its own (None: nothing once trimmed); a briefing
    names the same people and bodies in article after article, so readings are kept."""
    run = list(words)
    lead = trail = 0
    while run and (_low(run[0]) in lx.NON_NAMES and _low(run[0]) not in lx.TITLE_WORDS):
        run, lead = run[1:], lead + 1
    while run and _low(run[-1]) in _RUN_ENDERS:
        run, trail = run[:-1], trail + 1
    if not run:
        return None
    possessive = run[-1].endswith(("'s", "’s"))
    if possessive:
        run = [*run[:-1], run[-1][:-2]]
    # The person's name: the longest run of name words (at most four) at the end, before any
    # "of" ("Mayor Jane Doe of Port Edda" is Jane Doe; the place after "of" is no name of hers).
    lows = [_low(w) for w in run]
    personal = run[: lows.index("of")] if "of" in lows else run
    cut = next((c for c in range(max(0, len(personal) - 4), len(personal)) if person_words(personal[c:])), len(personal))
    name = personal[cut:]
    if len(name) >= 2 and person_words(name):
        return _RunReading(lead, trail, possessive, cut, " ".join(name), None, None, None)
    # "Derna resident Khalid", "Mayor Smith": a titled one-word name is a person's too.
    titled_word = name[0] if len(name) == 1 and cut > 0 and _title_word(_low(run[cut - 1])) else None
    organisation = _organisation(_after_owner(run))
    acronym = run[0] if len(run) == 1 and is_acronym(run[0]) else None
    return _RunReading(lead, trail, possessive, cut, None, titled_word, organisation, acronym)


def _read_run(tokens: list[str], lows: list[str], start: int, end: int, add) -> None:
    """Clues of one capitalised run tokens[start:end] (lows: every token lowercased), its title
    before it and what follows it."""
    reading = _read_run_words(tuple(tokens[start:end]))
    if reading is None:
        return
    start, end = start + reading.lead, end - reading.trail
    if reading.person is not None:
        person = reading.person
        add(Clue(PERSON_MET, person))
        title = _title_before(tokens, lows, start + reading.cut)
        if title:
            add(Clue(TITLED, person, title))
        if not reading.possessive:
            described = _apposition_after(tokens, lows, end)
            if described:
                # "Jane Doe, the harbour master," gives her a title; "Acme Pumps, a pump company,"
                # says the capitalised words are a company's.
                add(Clue(DESCRIBED if _body_head(described) else TITLED, person, described))
            described = _apposition_before(tokens, lows, start + reading.cut, start)
            if described:
                add(Clue(TITLED, person, described))
        return
    if reading.titled_word is not None:
        add(Clue(PERSON_MET, reading.titled_word))
    organisation = reading.organisation
    if organisation:
        add(Clue(ORG_MET, organisation))
        if not reading.possessive:
            described = _apposition_after(tokens, lows, end)
            if described and _body_head(described):
                add(Clue(DESCRIBED, organisation, described))
            acronym = _acronym_after(tokens, end)
            if acronym and _fits(acronym, organisation):
                add(Clue(ACRONYM_OF, organisation, acronym))
    if reading.acronym is not None:
        expansion = _expansion_after(tokens, end)
        if expansion and _fits(reading.acronym, expansion):
            add(Clue(ACRONYM_OF, expansion, reading.acronym))


def _after_owner(run: list[str]) -> list[str]:
    """A run without the owner before a possessive: "the UN's World Food Programme" → World
    Food Programme (the body named is the one after it)."""
    for k in range(len(run) - 2, -1, -1):
        if run[k].endswith(("'s", "’s")):
            return run[k + 1 :]
    return run


def _organisation(run: list[str]) -> str | None:
    """The organisation a capitalised run names, when one of its words says it is one."""
    words = list(run)
    while words and _low(words[0]) in lx.NON_NAMES | lx.TITLE_WORDS and _low(words[0]) not in lx.ORG_WORDS:
        words = words[1:]
    if len(words) < 2 or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return None
    if not any(_low(w) in lx.ORG_WORDS for w in words) or all(_low(w) in lx.DEMONYMS for w in words):
        return None
    return " ".join(words)


def _title_before(tokens: list[str], lows: list[str], at: int) -> str:
    """The title written just before a name ("Interior Minister", "NATO chief", "Slovakia's
    Deputy Prime Minister"): words ending in a title word, back to the first that is neither a
    title word nor capitalised."""
    k = at
    while k > 0 and at - k < _TITLE_WORDS_MAX:
        word, low = tokens[k - 1], lows[k - 1]
        if word in _STOPS or not (_title_word(low) or word[:1].isupper() or low in ("of", "the", "and")):
            break
        if low in lx.NON_NAMES and not _title_word(low) and low not in ("of", "the", "and"):
            break
        k -= 1
    while k < at and lows[k] in ("of", "the", "and"):
        k += 1
    if k == at or not _title_word(lows[at - 1]):
        return ""
    return " ".join(tokens[k:at])


def _apposition_after(tokens: list[str], lows: list[str], end: int) -> str:
    """"Jane Doe, the US ambassador, …", "Acme, a Leeds-based maker of parts that …": the
    description after a name and its comma, opened by the, a or an, ending at a mark or a
    relative pronoun; its head a common noun."""
    if end + 1 >= len(tokens) or tokens[end] != "," or lows[end + 1] not in ("the", "a", "an"):
        return ""
    k = end + 1
    words: list[str] = []
    while k < len(tokens) and len(words) < _APPOSITION_MAX:
        word = tokens[k]
        if word in _STOPS or (words and lows[k] in _RELATIVES):
            break
        words.append(word)
        k += 1
    if len(words) < 2 or len(words) >= _APPOSITION_MAX:
        return ""
    return " ".join(words) if _common_head(words) else ""


def _apposition_before(tokens: list[str], lows: list[str], at: int, run_start: int) -> str:
    """"The commander of the mission, Major General John Roe, said": a description opened by
    "the", a comma, then the (titled) name."""
    k = run_start
    if k < 2 or tokens[k - 1] != ",":
        return ""
    words: list[str] = []
    j = k - 2
    while j >= 0 and len(words) < _APPOSITION_MAX and tokens[j] not in _STOPS:
        low = lows[j]
        if (low in lx.DETERMINERS or low in ("my", "your")) and low != "the":
            return ""  # "against my friend, Jane Doe": the description is "my friend", not ours to read
        words.insert(0, tokens[j])
        if low == "the" and not (j > 0 and lows[j - 1] in lx.POSTMODIFIERS):
            break  # "the commander of the brigade": on past the "the" after "of"
        j -= 1
    if not words or _low(words[0]) != "the" or len(words) < 2:
        return ""
    return " ".join(words) if _common_head(words) and _person_head(" ".join(words)) else ""


def _head_index(lows: list[str]) -> int:
    """Where a description's head noun is: the word before its first "of", "for", "in"…, else the last."""
    for k in range(1, len(lows)):
        if lows[k] in lx.POSTMODIFIERS:
            return k - 1
    return len(lows) - 1


def _common_head(words: list[str]) -> bool:
    """Whether a description's head (before "of", "for", "in") is a lowercase common noun."""
    word = words[_head_index([_low(w) for w in words])]
    return word.isalpha() and word.islower() or ("-" in word and word.islower())


def _person_head(description: str) -> bool:
    """Whether a description names a person by role ("the US ambassador", "a cousin of …")."""
    lows = [_low(w) for w in description.split()]
    low = lows[_head_index(lows)]
    return low in lx.PERSON_NOUNS or _title_word(low) or low in _KIN


def _body_head(description: str) -> bool:
    """Whether a description names a body ("a Leeds-based pump company", "the state broadcaster")."""
    lows = [_low(w) for w in description.split()]
    low = lows[_head_index(lows)]
    return (low in lx.ORG_WORDS or low in COMPANY_NOUNS or low in _BODY_NOUNS) and not _person_head(description)


#: Nouns a body is described by besides the lexicon's organisation words.
_BODY_NOUNS = frozenset({"charity", "conglomerate", "maker", "manufacturer", "firm", "operator", "outlet", "newspaper", "broadcaster", "insurer", "lender", "carrier", "airline", "hospital", "school", "body", "regulator", "watchdog", "ngo", "organisation", "organization"})

#: Kin and relations an apposition gives a person by ("a cousin of …").
_KIN = frozenset({"cousin", "brother", "sister", "son", "daughter", "wife", "husband", "father", "mother", "uncle", "aunt", "nephew", "niece", "businessman", "businesswoman", "explorer", "billionaire", "pilot"})


def _acronym_after(tokens: list[str], end: int) -> str:
    """"the World Health Organization (WHO)": the acronym in brackets after a name."""
    if end + 2 < len(tokens) and tokens[end] == "(" and tokens[end + 2] == ")" and is_acronym(tokens[end + 1]):
        return tokens[end + 1]
    return ""


def _expansion_after(tokens: list[str], end: int) -> str:
    """"WHO (World Health Organization)": the name in brackets after an acronym."""
    if end >= len(tokens) or tokens[end] != "(":
        return ""
    words: list[str] = []
    k = end + 1
    while k < len(tokens) and tokens[k] != ")" and len(words) < 10:
        words.append(tokens[k])
        k += 1
    if k >= len(tokens) or tokens[k] != ")" or len(words) < 2:
        return ""
    if not all(w[:1].isupper() or _low(w) in lx.NAME_CONNECTORS | {"the"} for w in words):
        return ""
    return " ".join(words)


def _fits(acronym: str, expansion: str) -> bool:
    """Whether an acronym can stand for a name: its letters begin as the name's initials do."""
    letters = acronym_letters(acronym)
    first = initials(expansion.split())
    return bool(letters) and bool(first) and letters[0] == first[0] and len(expansion.split()) >= 2
