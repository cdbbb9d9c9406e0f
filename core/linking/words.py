"""Words of event sentences as linking compares them: content words, synonyms merged, stems."""

from __future__ import annotations

import functools
import re
from collections import Counter

#: Words too common to tell two events apart (dates are compared on their own, so weekdays and months too).
STOPWORDS = frozenset(
    """a about above after again against all also although among an and any are as at be because
    been before being between both but by can could did do does during each either even every
    few for from had has have having he her here hers him his how however i if in into is it its
    itself just last least less like made make many may might more most much must my near nearly
    new next no nor not now of off on once one only or other our out over own per said same says
    she should since so some still such than that the their them then there these they this those
    though through thus to too told under until up upon us very was we were what when where which
    while who whom whose why will with within without would yet you your monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august september
    october november december week weeks month months year years day days today yesterday tomorrow
    earlier later according""".split()
)
#: Words that news uses interchangeably for the same thing, mapped to one form.
SYNONYMS = {
    "wounded": "injured", "hurt": "injured", "injuries": "injured", "injuring": "injured",
    "wounding": "injured", "wounds": "injured", "injury": "injured",
    "dead": "killed", "died": "killed", "deaths": "killed", "death": "killed", "killing": "killed",
    "fatalities": "killed",
    "detained": "arrested", "arrests": "arrested", "arrest": "arrested", "detention": "arrested",
    "detentions": "arrested",
    "soldiers": "troops", "soldier": "troops", "peacekeepers": "troops", "peacekeeper": "troops",
    "servicemen": "troops", "troop": "troops", "personnel": "troops",
    "policemen": "police", "officers": "police", "officer": "police", "policeman": "police",
    "protesters": "protesters", "demonstrators": "protesters", "protestors": "protesters",
    "protester": "protesters", "demonstrator": "protesters",
    "clash": "clashes", "confrontation": "clashes", "confrontations": "clashes", "violence": "clashes",
    "unrest": "clashes", "riots": "clashes",
    "people": "people", "persons": "people", "civilians": "people", "residents": "people",
}
#: The forms SYNONYMS maps words to.
CANONICAL = frozenset(SYNONYMS.values())
#: A word: a letter, then letters, digits, apostrophes or hyphens.
WORD = re.compile(r"[A-Za-zÀ-ž][\w'’-]*")
#: Where a sentence ends (a full stop, question or exclamation mark, perhaps a closing quote; or a line break).
SENTENCE_END = re.compile(r"[.!?][\"”’]?\s|\n")


def stem(word: str) -> str:
    """A word's comparison form: synonyms merged, else its first five letters."""
    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    low = SYNONYMS.get(low, low)
    return low if low in CANONICAL else low[:5]


def bag_of_words(text: str) -> Counter:
    """Content-word stems of a text (synonyms merged, stop words and short words dropped)."""
    return Counter(content_stems(text))


def content_stems(text: str):
    """The stems `bag_of_words` counts, in text order."""
    return filter(None, map(_content_stem, WORD.findall(text)))


@functools.lru_cache(maxsize=1 << 16)
def _content_stem(word: str) -> str | None:
    """A word's stem, or None for a stop word or a short word (news repeats its words: cached)."""
    low = word.lower()
    if low in STOPWORDS or (len(low) < 4 and low not in SYNONYMS):
        return None
    return stem(word)
