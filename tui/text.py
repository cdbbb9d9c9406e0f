"""Turning article data into display text safely: plain rich Text only, never markup."""

from __future__ import annotations

import re

from briefing.core.date_values import day_label
from briefing.core.textsafe import terminal_safe
from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

#: Longest a one-line excerpt (timeline event, snippet) may be before it is shortened.
SHORT_LINE = 110


def safe(text: str | None, style: Style | str = "") -> Text:
    """Article or file-derived text as a Text object: control and escape sequences removed, markup inert."""
    return Text(terminal_safe(text or ""), style=style)


def one_line(text: str | None, limit: int = SHORT_LINE) -> str:
    """Whitespace collapsed to single spaces and shortened to `limit` characters with an ellipsis."""
    flat = " ".join(terminal_safe(text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def marked(text: str, marks: tuple[tuple[int, int], ...], style: Style | str = "", mark_style: Style | str = "bold reverse") -> Text:
    """Text a search marked (a quote, a snippet): made safe, the ranges in `marks` highlighted.

    The one place marks become styles, for the app's cards and snippets and the CLI's tables.
    """
    result = Text(terminal_safe(text), style=style)
    for start, end in marks:
        result.stylize(mark_style, start, end)
    return result


def short_day(value: str | None) -> str:
    """'29 May 2023' for an ISO day, 'undated' for None, other values as they are."""
    return day_label(value, weekday=False)


def offset_map(original: str, cleaned: str) -> list[int]:
    """For each offset into `original`, the offset into `cleaned` (a subsequence of it).

    Stored article text is cleaned at ingest, so this is normally the identity; it keeps quote
    and date offsets pointing at the right characters if a database holds uncleaned text.
    """
    if original == cleaned:
        return list(range(len(original) + 1))
    mapping = []
    j = 0
    for char in original:
        mapping.append(j)
        if j < len(cleaned) and cleaned[j] == char:
            j += 1
    mapping.append(j)
    return mapping


_WORD = re.compile(r"\s*\S+\s*")


def wrap_offsets(line: str, width: int) -> list[int]:
    """Offsets at which to break `line` so that each piece fits in `width` cells (words kept whole)."""
    width = max(1, width)
    if cell_len(line) <= width:
        return []  # most lines of a news article are a short paragraph that fits
    breaks: list[int] = []
    used = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group()
        length = cell_len(word.rstrip())
        if used + length <= width:
            used += cell_len(word)
            continue
        if length > width:
            # A word longer than the line is cut into line-sized pieces.
            if used and start:
                breaks.append(start)
            position, used = start, 0
            for char in word:
                size = cell_len(char)
                if used + size > width:
                    breaks.append(position)
                    used = 0
                used += size
                position += 1
            continue
        if used and start:
            breaks.append(start)
        used = cell_len(word)
    return breaks
