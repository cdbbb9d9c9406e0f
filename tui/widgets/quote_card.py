"""A quote card's words: a reported statement with the speaker's exact words in it marked as such."""

from __future__ import annotations

from briefing.core.store.rows import QuoteRow
from briefing.core.textsafe import terminal_safe
from briefing.tui.text import one_line
from rich.style import Style
from rich.text import Text

#: Marks that may stand either side of a fragment in its statement's text; styled with it.
_QUOTE_MARKS = "\"“”„«»‘’'‹›"
#: Upright among the statement's italics: these are the speaker's own words, not a paraphrase.
_EXACT = Style(italic=False, bold=True)
#: Longest a fragment's own line gets when its words are not in the statement's text.
FRAGMENT_LINE = 100


def with_fragments(words: Text, item: QuoteRow, style: Style | None = None) -> Text:
    """`words` (the card's text of `item`) with each of the statement's fragments styled where it
    stands in them, and a line `“fragment”` for a fragment whose words are not there.

    The fragment styles go under the search marks already on `words`, so a match stays visible.
    """
    if not item.fragments:
        return words
    exact = (style or Style()) + _EXACT
    plain = words.plain
    # Where the statement's first character stands in the card's words (quote marks, a strip()).
    origin = plain.find(terminal_safe(item.text).strip()[:20]) if item.text.strip() else 0
    missing = []
    for fragment in item.fragments:
        span = _span_in(plain, terminal_safe(fragment.text).strip(), max(origin, 0) + fragment.start - item.start)
        if span is None:
            missing.append(fragment)
            continue
        start, end = span
        while start > 0 and plain[start - 1] in _QUOTE_MARKS:
            start -= 1
        while end < len(plain) and plain[end] in _QUOTE_MARKS:
            end += 1
        words.stylize_before(exact, start, end)
    for fragment in missing:
        words.append("\n")
        words.append(f"“{one_line(fragment.text, FRAGMENT_LINE)}”", exact)
    return words


def _span_in(plain: str, needle: str, expected: int) -> tuple[int, int] | None:
    """Where `needle` stands in `plain`: the occurrence nearest `expected`, or None."""
    if not needle:
        return None
    best = None
    at = plain.find(needle)
    while at != -1:
        if best is None or abs(at - expected) < abs(best - expected):
            best = at
        at = plain.find(needle, at + 1)
    return None if best is None else (best, best + len(needle))
