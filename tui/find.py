"""Find in an article: where typed text occurs, ignoring case and accents, as offsets into the text shown."""

from __future__ import annotations

import unicodedata


def _fold_char(char: str) -> str:
    """One character without case or accent, or itself when folding would change its length."""
    base = unicodedata.normalize("NFD", char)[0].lower()
    return base if len(base) == 1 else char


def fold_keeping_offsets(text: str) -> str:
    """`text` folded character by character, so an offset into the result is one into `text`."""
    return "".join(_fold_char(char) for char in text)


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
