"""Snippets of search hits: a few words of an article around its best run of marks.

Which words are marked is decided by `marks.find_marks` (FTS5's own highlight() of the search's
MATCH); here only the window is chosen: the one holding the most different matched words, then
the most matches, earliest first. A snippet is for display; which articles match and how they
rank is always FTS5's.
"""

from __future__ import annotations

import bisect
import re

from briefing.core.fold import fold

#: Words around the best match in a snippet (FTS5's snippet() default is 15-ish).
SNIPPET_WORDS = 16

_WORD = re.compile(r"\w+")
#: Marks that open and close a phrase in a typed query: straight and typographic double quotes.
PHRASE_MARKS = re.compile("[\"“”„]")


def snippet_around(
    text: str, marks: tuple[tuple[int, int], ...], words: int = SNIPPET_WORDS
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of `words` words of `text` around the best run of `marks`, and the marks inside it.

    The best window holds the most different marked words (then the most marks), earliest first;
    without any mark it is the opening of the text. Ellipses mark cut ends; whitespace runs become
    one space, and the marks are offsets into the snippet returned.
    """
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if not spans:
        return "", ()
    first = 0
    if marks:
        starts = [s for s, _e in spans]
        kinds: dict[str, int] = {}
        positions = [
            (bisect.bisect_right(starts, start) - 1, kinds.setdefault(fold(text[start:end]).lower(), len(kinds)))
            for start, end in marks
        ]
        # Sliding window over the marks (two pointers): most different words, then most marks.
        best = (0, 0)
        inside: dict[int, int] = {}
        j = 0
        for i, (token, _kind) in enumerate(positions):
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
    snippet = lead + " ".join(text[begin:end].split())
    shown = []
    for start, stop in marks:
        if begin <= start and stop <= end:
            # Offsets in the one-line snippet: whitespace runs collapse to one space.
            before = text[begin:start]
            at = len(lead) + len(" ".join(before.split())) + (1 if before[-1:].isspace() else 0)
            inner = " ".join(text[start:stop].split())
            shown.append((at, at + len(inner)))
    return snippet + tail, tuple(shown)
