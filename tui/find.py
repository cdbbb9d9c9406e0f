"""Find in an article: where typed text occurs, ignoring case and accents, as offsets into the text shown."""

from __future__ import annotations

import functools
import unicodedata


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """One character without case or accent, or itself when folding would change its length."""
    base = unicodedata.normalize("NFD", char)[0].lower()
    return base if len(base) == 1 else char


@functools.lru_cache(maxsize=4)
def fold_keeping_offsets(text: str) -> str:
    """`text` folded character by character, so an offset into the result is one into `text`.

    Remembered for the last few texts: the reader finds in the same article at every key typed.
    """
    if text.isascii():
        return text.lower()  # ASCII has no accents, and lowering keeps its length
    return "".join(map(_fold_char, text))


def find_spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Every place `needle` occurs in `text` (no overlaps), ignoring case and accents: `vucic` finds "Vučić"."""
    wanted = fold_keeping_offsets(needle.strip())
    if not wanted:
        return []
    haystack = fold_keeping_offsets(text)
    spans = []
    position = haystack.find(wanted)
    while position >= 0:
        spans.append((position, position + len(wanted)))
        position = haystack.find(wanted, position + len(wanted))
    return spans
