"""Spelling and transliteration variants of one person's name, erring on the side of two people.

"Volodymyr Zelensky" and "Vladimir Zelenskyy", "Aleksandar Vucic" and "Aleksandr Vučić",
"Osama Hamad" and "Ossama Hamad" are one person; "Joe Biden" and "Hunter Biden", "Robert Fico"
and "Roberta Fico", "Jana Novak" and "Jana Novakova" are two. Each word of one name is compared
with the same word of the other: equal once folded and transliterated, or close by edit distance
(rapidfuzz) or by consonants ("vldmr"), never when the two differ by a feminine ending.
"""

from __future__ import annotations

import functools
import re

from briefing.core.fold import without_diacritics
from rapidfuzz import fuzz

#: Least similarity (0–100) of two given names, and of two surnames, after transliteration.
GIVEN_NAME_SCORE = 88
SURNAME_SCORE = 90
#: Consonant skeletons shorter than this tell too little ("mr" is Maria and Mario).
SKELETON_MIN = 4

#: Spellings one sound takes in English transliteration: Sergey/Sergei, Aleksei/Alexei,
#: Zelenskyy/Zelensky, Mykhailo/Mikhail.
_TRANSLITERATION = (
    (re.compile(r"x"), "ks"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"w"), "v"),
    (re.compile(r"(?<=[aeiou])j"), "i"),
    (re.compile(r"y"), "i"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"(.)\1+"), r"\1"),
)
#: Endings that make a feminine name of a masculine one (Robert/Roberta, Novak/Novakova,
#: Michel/Michele, Ivan/Ivana, Kowalski/Kowalska): two people, however close the spellings.
_FEMININE = ("a", "e", "ova", "eva", "ina", "ska", "cka")
_VOWELS = re.compile(r"[aeiou]")


@functools.lru_cache(maxsize=1 << 14)
def transliterated(word: str) -> str:
    """One spelling of a name word for comparison: folded, lowercase, transliteration settled."""
    text = without_diacritics(word).lower().replace("'", "").replace("’", "")
    for pattern, replacement in _TRANSLITERATION:
        text = pattern.sub(replacement, text)
    return text


def _skeleton(word: str) -> str:
    """The consonants of a word after its first letter: "volodimir" and "vladimir" give "vldmr"."""
    return word[:1] + _VOWELS.sub("", word[1:])


def feminine_pair(a: str, b: str) -> bool:
    """Whether one word is the other with a feminine ending, or the two differ only there
    ("maria"/"mario")."""
    short, long = sorted((a, b), key=len)
    if any(long == short + ending for ending in _FEMININE):
        return True
    if short.endswith(("a", "o", "e")) and any(long == short[:-1] + ending for ending in _FEMININE):
        return True
    # Maria/Mario, Kowalska/Kowalski, Marie/Mario.
    ends = {a[-1], b[-1]}
    return len(a) == len(b) and a[:-1] == b[:-1] and ends <= {"a", "o", "e", "i"} and ("a" in ends or ends == {"o", "e"})


def same_word(a: str, b: str, score: int) -> bool:
    """Whether two words of names are one word spelled two ways."""
    if a == b:
        return True
    ta, tb = transliterated(a), transliterated(b)
    if ta == tb:
        return True
    if ta[:1] != tb[:1] or feminine_pair(ta, tb):
        return False
    if fuzz.ratio(ta, tb) >= score:
        return True
    sa, sb = _skeleton(ta), _skeleton(tb)
    return sa == sb and len(sa) >= SKELETON_MIN


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two full names (folded lowercase words, the same number of them) are spellings of
    one name: the surnames alike, and every given name alike."""
    if len(a) != len(b) or len(a) < 2 or a == b:
        return a == b
    if not same_word(a[-1], b[-1], SURNAME_SCORE):
        return False
    return all(same_word(x, y, GIVEN_NAME_SCORE) for x, y in zip(a[:-1], b[:-1]))


def block_key(words: tuple[str, ...]) -> tuple[int, str]:
    """What two variants of one name share, so only names with the same key are compared: the
    number of words and how the surname begins."""
    return len(words), transliterated(words[-1])[:3]
