"""Quotation-mark spans in a text: paired by kind, reset at paragraph ends, never derailed.

One left-to-right pass over the marks (a C-level regex finds them), so any text — unbalanced,
nested, mixed styles, no paragraphs at all — costs time linear in its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.core.nlp.lexicon import CLOSE_CONTEXT, CLOSE_ONLY, MARK_KIND, OPEN_CONTEXT, OPEN_ONLY, PAIRS, SINGLE_MARKS
from briefing.core.nlp.sentences import blank_line_paragraphs, is_paragraph_break

#: Keys in Doc.user_data under which a document's text and quoted spans are kept, so every
#: component reads them once: spaCy rebuilds Doc.text from every token on each access.
TEXT_KEY = "briefing.text"
SPANS_KEY = "briefing.quote_spans"

# Two-character marks first, so '' is one mark rather than two apostrophes.
_MARKS = re.compile(r"``|''|[\"“”„‟«»‹›‘’‚']|\n\s*")


@dataclass(frozen=True)
class QuoteSpan:
    """Text between an opening and a closing quotation mark.

    `start`/`end` include the marks; `inner_start`/`inner_end` is the quoted text itself. A piece
    of a quote that runs over several paragraphs has `closed` False (the news convention leaves
    the closing mark off every paragraph but the last); all pieces share `run`.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    mark: str
    run: int
    closed: bool = True


def _role(text: str, start: int, end: int, mark: str) -> str:
    """'open', 'close', 'either' or 'none' from the characters around a mark."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if mark in SINGLE_MARKS and before.isalnum() and after.isalpha():
        return "none"  # an apostrophe inside a word: Kosovo’s, don't, rock'n'roll
    if mark in SINGLE_MARKS and after.isdigit() and not before.isalnum():
        return "none"  # an elision: '90s, ’23
    left = before in OPEN_CONTEXT or before in PAIRS or before == "'"
    right = after in CLOSE_CONTEXT or after in PAIRS or after == "'"
    if mark in OPEN_ONLY:
        return "open" if not right or left else "none"
    if mark in CLOSE_ONLY:
        return "close" if not left or right else "none"
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "either"


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quoted span of the text, in order, outermost level only."""
    blank_lines = blank_line_paragraphs(text)
    spans: list[QuoteSpan] = []
    opened: tuple[str, int, int] | None = None  # (mark, mark start, inner start)
    # A closing mark of another kind of the same family ("“…\""), used if the right one never comes.
    fallback: tuple[int, int] | None = None
    run = 0
    continue_at = -1  # where the opening mark of a quote continued from the last paragraph stands

    def emit(close_start: int, close_end: int, closed: bool) -> None:
        """Record the open quote, ending at the given closing mark (or paragraph end)."""
        _mark, mark_start, inner_start = opened
        inner_end = close_start
        while inner_end > inner_start and text[inner_end - 1].isspace():
            inner_end -= 1
        if inner_end > inner_start:
            spans.append(QuoteSpan(mark_start, close_end, inner_start, inner_end, opened[0], run, closed))

    for match in _MARKS.finditer(text):
        mark = match.group()
        start, end = match.span()
        if mark[0] == "\n":
            if opened is None or not is_paragraph_break(mark, blank_lines):
                continue
            # A paragraph ends inside a quote. It continues only when the next paragraph opens
            # with a mark of the same family (the multi-paragraph quote convention).
            nxt = text[end : end + 2]
            follow = nxt if nxt in ("''", "``") else nxt[:1]
            if fallback is not None:
                # Closed by a mark of another kind („…" or “…"): that is where it ended.
                emit(*fallback, closed=True)
            elif follow in PAIRS and (follow in SINGLE_MARKS) == (opened[0] in SINGLE_MARKS):
                emit(start, start, closed=False)
                continue_at = end
            opened, fallback = None, None
            continue
        role = _role(text, start, end, mark)
        if role == "none":
            continue
        single = mark in SINGLE_MARKS
        if opened is None:
            if role != "close" and mark in PAIRS:
                if start != continue_at:
                    run += 1
                opened, fallback = (mark, start, end), None
            continue
        open_mark = opened[0]
        open_single = open_mark in SINGLE_MARKS
        if single and not open_single:
            continue  # single marks inside double quotes are nested quotes or apostrophes
        if role != "open" and mark in PAIRS[open_mark]:
            emit(start, end, closed=True)
            opened, fallback = None, None
        elif role == "open" and mark in PAIRS and (MARK_KIND[mark] == MARK_KIND[open_mark] or open_single != single):
            # A new opening mark of the same kind while one is open: the earlier one was never closed, or a
            # single-mark span was an apostrophe after all (or it was closed by a mark of
            # another kind, seen earlier). Start again here.
            if fallback is not None:
                emit(*fallback, closed=True)
            run += 1
            opened, fallback = (mark, start, end), None
        elif single == open_single and fallback is None and role != "open":
            fallback = (start, end)
    if opened is not None and fallback is not None:
        emit(*fallback, closed=True)
    elif opened is not None and opened[0] not in SINGLE_MARKS and opened[0] in OPEN_ONLY | {"“", '"', "«"}:
        # A quotation still open when the text ends: the article was cut inside it ("… the
        # dead exceed 2,000 [...]"). What there is of it is the quote.
        end = len(text)
        tail = text.rstrip()
        if tail.endswith("[...]") or tail.endswith("[…]"):
            end = len(tail) - 5 if tail.endswith("[...]") else len(tail) - 3
        emit(end, end, closed=False)
    return spans


def doc_text(doc) -> str:
    """The text of a spaCy Doc, read from the Doc once and kept in its user_data (the caller
    that made the Doc from a string may put that string there first)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def doc_quote_spans(doc, text: str | None = None) -> list[QuoteSpan]:
    """The quoted spans of a Doc, found once and shared by the quote and date components."""
    spans = doc.user_data.get(SPANS_KEY)
    if spans is None:
        spans = doc.user_data[SPANS_KEY] = find_quote_spans(doc_text(doc) if text is None else text)
    return spans
