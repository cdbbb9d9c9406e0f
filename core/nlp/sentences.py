"""Sentence boundaries for news text: full stops, question and exclamation marks, paragraph breaks.

The splitter works on plain lists (token texts and trailing-space flags) and writes all starts in
one `Doc.from_array` call: setting `Token.is_sent_start` one token at a time re-checks the whole
document each time, which makes long articles quadratic. It reads the text once (`doc_text`),
never `Doc.text` again, which spaCy rebuilds from every token on each access.
"""

from __future__ import annotations

import re
from operator import add
from typing import NamedTuple

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

_ENDS = frozenset({".", "!", "?", "..", "...", "…", "?!", "!?", "!!", "??", "....", ". . ."})
#: Tokens that close a sentence's last quotation or bracket and stay with that sentence.
_CLOSERS = frozenset({'"', "”", "’", "»", "'", ")", "]", "''", "“", "«", "›"})
#: After an abbreviation such as "U.S." one of these words starts a new sentence.
_STARTERS = frozenset({
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "But", "And", "This",
    "That", "There", "His", "Her", "Their", "Its", "Our", "After", "Meanwhile", "However",
})
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")


def blank_line_paragraphs(text: str) -> bool:
    """True when the text separates paragraphs with blank lines (so a lone newline is a wrap)."""
    return _BLANK_LINE.search(text) is not None


def is_paragraph_break(space: str, blank_lines: bool) -> bool:
    """Whether a run of whitespace ends a paragraph, given the text's paragraph convention."""
    if blank_lines:
        return space.count("\n") >= 2 and _BLANK_LINE.search(space) is not None
    return "\n" in space


@Language.factory("briefing_sentences")
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    """Factory for the sentence splitter."""
    return SentenceSplitter()


class SentenceSplitter:
    """Marks sentence starts after end punctuation (and closing quotes) and at paragraph breaks."""

    def __call__(self, doc: Doc) -> Doc:
        """Set the sentence start of every token."""
        if not len(doc):
            return doc
        # Words sliced from the text by offset: making a Token object per word costs more than
        # the whole splitting rule.
        from briefing.core.nlp.speech_marks import doc_text  # here: speech_marks itself imports this module

        text = doc_text(doc)
        # Column by column: a list per token row would cost more than the words themselves.
        array = doc.to_array([IDX, LENGTH, SPACY])
        starts, lengths, spaces = array[:, 0].tolist(), array[:, 1].tolist(), array[:, 2].tolist()
        words = list(map(text.__getitem__, map(slice, starts, map(add, starts, lengths))))
        blank_lines = any(_BLANK_LINE.search(w) for w in words if "\n" in w)
        flags = numpy.asarray(sentence_starts(words, spaces, blank_lines), dtype="int32")
        doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))
        # Kept for the components after this one: each would otherwise read the same columns
        # from the Doc again and walk Doc.sents, which makes a Span per sentence.
        bounds = numpy.flatnonzero(flags == 1).tolist() + [len(words)]
        doc.user_data[COLUMNS_KEY] = TokenColumns(words, starts, spaces, list(zip(bounds, bounds[1:])))
        return doc


#: Key in Doc.user_data of the TokenColumns the splitter read.
COLUMNS_KEY = "briefing.columns"


class TokenColumns(NamedTuple):
    """Token texts, character offsets, trailing-space flags and sentence token ranges of a Doc."""

    words: list[str]
    starts: list[int]
    spaces: list[int]
    sentences: list[tuple[int, int]]


def token_columns(doc: Doc) -> TokenColumns:
    """The splitter's columns when they still describe the Doc, else read afresh.

    A trained pipeline's parser may move sentence boundaries after the splitter ran: then the
    Doc's own sentences are read.
    """
    columns = doc.user_data.get(COLUMNS_KEY)
    if columns is not None and len(columns.words) == len(doc) and not doc.has_annotation("DEP"):
        return columns
    from briefing.core.nlp.speech_marks import doc_text

    text = doc_text(doc)
    rows = doc.to_array([IDX, LENGTH, SPACY]).tolist() if len(doc) else []
    sentences = [(s.start, s.end) for s in doc.sents] if len(doc) and doc.has_annotation("SENT_START") else []
    return TokenColumns(
        [text[start : start + length] for start, length, _ in rows],
        [row[0] for row in rows],
        [row[2] for row in rows],
        sentences,
    )


def sentence_starts(words: list[str], spaces: list[int], blank_lines: bool) -> list[int]:
    """1 for a token that starts a sentence, -1 otherwise (the first token always starts one).

    `spaces[i]` is 1 when token i is followed by a space. Whitespace tokens never start a
    sentence; they stay with the sentence before them.
    """
    n = len(words)
    starts = [-1] * n
    starts[0] = 1

    def start_after(i: int) -> None:
        """The next word token after i starts a sentence (whitespace stays with this one)."""
        j = i + 1
        while j < n and words[j].isspace():
            j += 1
        if j < n:
            starts[j] = 1

    # Only end marks, words ending in a full stop and line breaks can end a sentence: the
    # rule visits those, not every token.
    absorbed = -1
    enders = {word for word in set(words) if word in _ENDS or word[-1:] == "." or "\n" in word}
    for i in [i for i, word in enumerate(words) if word in enders]:
        if i <= absorbed:
            continue
        word = words[i]
        if word.isspace():
            # In a text with blank lines between paragraphs a lone newline is a wrapped line;
            # where a sentence ends there, its full stop has already said so.
            if i and is_paragraph_break(word, blank_lines):
                start_after(i)
            continue
        if word in _ENDS:
            # Closing marks glued to the end punctuation (.” .") ») belong to this sentence.
            while i + 1 < n and not spaces[i] and words[i + 1] in _CLOSERS:
                i += 1
            absorbed = i
            if not _lowercase_follows(words, i + 1):
                start_after(i)
        elif spaces[i] and i + 1 < n and word.count(".") > 1 and words[i + 1] in _STARTERS:
            # "… in the U.S. The talks …": an abbreviation can also end a sentence.
            start_after(i)
    return starts


def _lowercase_follows(words: list[str], j: int) -> bool:
    """Whether the next word token after index j starts lowercase ("?” he asked", "etc. and")."""
    n = len(words)
    while j < n and (words[j].isspace() or words[j] in _CLOSERS):
        if "\n" in words[j]:
            return False
        j += 1
    return j < n and words[j][:1].islower()

