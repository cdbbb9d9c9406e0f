"""Snippets of search hits, made in Python from the article text.

FTS5's own snippet() must run inside the MATCH query, so it costs every hit a re-tokenised
article, and asking for it for just a few hits repeats the whole MATCH (for a prefix query,
the merge of every term it expands to). Here the words of the query are found again in the
text of the few hits that are shown, with the same folding as the index and a light English
stemmer standing in for porter. A snippet is for display; which articles match and how they
rank is always FTS5's.
"""

from __future__ import annotations

import bisect
import functools
import re

from briefing.core.fold import without_diacritics

#: Words around the best match in a snippet (FTS5's snippet() default is 15-ish).
SNIPPET_WORDS = 16

_WORD = re.compile(r"\w+")
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
#: Marks that open and close a phrase in a typed query: straight and typographic double quotes.
PHRASE_MARKS = re.compile("[\"“”„]")
#: Suffixes stripped before comparing whole words: "troops"/"troop", "clashed"/"clash".
_SUFFIXES = ("ies", "ing", "ed", "es", "ly", "s")


def normalise(word: str) -> str:
    """A word as the index sees it: folded, without diacritics, lowercase."""
    return without_diacritics(word).lower()


def light_stem(word: str) -> str:
    """Strip one common English suffix (a stand-in for porter when finding words again)."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def query_terms(query: str, *, raw: bool = False) -> list[tuple[str, bool]]:
    """(normalised word, is prefix) for each word a query searches for."""
    terms: list[tuple[str, bool]] = []
    if raw:
        # FTS5 syntax: operators and column names are not words, the word after NOT is not
        # looked for, and "word*" is a prefix.
        negated = False
        for match in re.finditer(r"(\w+)(\s*\*)?(\s*:)?", query):
            word, star, column = match.group(1), match.group(2), match.group(3)
            if column:
                continue
            if word in _OPERATORS:
                negated = word == "NOT"
                continue
            if not negated:
                terms.append((normalise(word), bool(star)))
            negated = False
        return terms
    words = _WORD.findall(query)
    prefix_last = bool(words) and not query[-1:].isspace() and not PHRASE_MARKS.match(query[-1:])
    for index, word in enumerate(words):
        if word.lower() == "s" and index:
            continue  # the possessive of the word before
        terms.append((normalise(word), prefix_last and index == len(words) - 1))
    return terms


def _matches(token: str, terms: list[tuple[str, bool]]) -> int | None:
    """Index of the query term a normalised token matches, or None."""
    stem = light_stem(token)
    for index, (term, prefix) in enumerate(terms):
        if token.startswith(term) if prefix else (token == term or stem == light_stem(term)):
            return index
    return None


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@functools.lru_cache(maxsize=4096)
def _normal_char(ch: str) -> str:
    return normalise(ch)


def _normalised_text(text: str) -> tuple[str, list[int] | None]:
    """The text as the index sees it, and where each of its characters came from.

    Characters are mapped one at a time (never `str.lower()` on the whole text, which may
    lengthen it: "İ"), so offsets stay those of `text`. When every character maps to one
    (dashes, quotes, accented letters) no map is needed; "đ" → "dj" needs one.
    """
    specials = set(_NON_ASCII.findall(text))
    if not specials:
        return text.lower(), None
    table = {ch: _normal_char(ch) for ch in specials}
    if all(len(v) == 1 for v in table.values()):
        return text.translate(str.maketrans(table)).lower(), None
    out: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        base = table.get(ch) or ch.lower()
        out.append(base)
        origin.extend([index] * len(base))
    return "".join(out), origin


def _term_pattern(terms: list[tuple[str, bool]]) -> re.Pattern | None:
    """Words starting with a term (or its stem): candidates, checked by `_matches`."""
    heads = {term if prefix else light_stem(term) for term, prefix in terms if term}
    if not heads:
        return None
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, heads), key=len, reverse=True)) + r")\w*")


def make_snippet(text: str, terms: list[tuple[str, bool]], words: int = SNIPPET_WORDS) -> tuple[str, list[tuple[int, int]]]:
    """A window of `words` words around the best run of matches, and the matched ranges in it.

    The best window holds the most different query terms (then the most matches), earliest
    first; without any match it is the opening of the text. Ellipses mark cut ends.
    """
    normal, origin = _normalised_text(text)
    pattern = _term_pattern(terms)
    # Matched words as (start, end, term) in the original text.
    found: list[tuple[int, int, int]] = []
    for match in pattern.finditer(normal) if pattern else ():
        term = _matches(match.group(0), terms)
        if term is None:
            continue
        start, end = match.span()
        if origin is not None:
            start, end = origin[start], origin[end - 1] + 1
        found.append((start, end, term))
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if not spans:
        return "", []
    first = 0
    if found:
        # Token index of each match, then the window with the most different terms.
        starts = [s for s, _e in spans]
        positions = [(bisect.bisect_right(starts, start) - 1, term) for start, _end, term in found]
        # Sliding window over the matches (two pointers): most different terms, then most matches.
        best = (0, 0)
        inside: dict[int, int] = {}
        j = 0
        for i, (token, _term) in enumerate(positions):
            while j < len(positions) and positions[j][0] < token + words:
                inside[positions[j][1]] = inside.get(positions[j][1], 0) + 1
                j += 1
            score = (len(inside), j - i)
            if score > best:
                best, first = score, max(0, token - words // 4)  # a little context before
            left = positions[i][1]
            inside[left] -= 1
            if not inside[left]:
                del inside[left]
    window = spans[first : first + words]
    begin, end = window[0][0], window[-1][1]
    lead = "…" if first > 0 else ""
    tail = "…" if first + words < len(spans) else ""
    piece = text[begin:end]
    snippet = lead + " ".join(piece.split())
    # Offsets in the one-line snippet: whitespace runs collapse to one space before each mark.
    marks = []
    for start, stop, _term in found:
        if begin <= start and stop <= end:
            at = len(lead) + len(" ".join(text[begin:start].split())) + (1 if text[begin:start][-1:].isspace() else 0)
            marks.append((at, at + (stop - start)))
    return snippet + tail, marks
