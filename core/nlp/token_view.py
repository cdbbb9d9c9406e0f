"""The token view of a document: words, offsets, sentences and quoted spans as plain lists.

Built once per document from the sentence splitter's columns; every rule reads these lists
rather than spaCy Token objects, which cost more to make than the rules cost to run.
"""

from __future__ import annotations

from bisect import bisect_right
from operator import add

from briefing.core.nlp import lexicon as lx
from briefing.core.nlp.sentences import token_columns
from briefing.core.nlp.speech_marks import QuoteSpan
from spacy.tokens import Doc


class TokenView:
    """The token strings, offsets, sentences and quoted spans of one document."""

    def __init__(self, doc: Doc, spans: list[QuoteSpan], text: str | None = None) -> None:
        self.text = doc.text if text is None else text  # Doc.text is rebuilt on every access
        # Words sliced from the text by offset and length (no Token object per word), as the
        # sentence splitter already read them.
        columns = token_columns(doc)
        self.words, self.starts, self.sent_bounds = _compact(columns.words, columns.starts, columns.spaces, columns.sentences)
        self.lowers = list(map(str.lower, self.words))
        self.ends = list(map(add, self.starts, map(len, self.words)))
        self.sent_of: list[int] = []
        for number, (start, end) in enumerate(self.sent_bounds):
            self.sent_of.extend([number] * (end - start))
        self.spans = spans
        self._span_starts = [s.start for s in spans]
        # Tokens inside quotation marks (marks excluded): their words belong to the quoted speaker.
        self.quoted = [False] * len(self.words)
        for span in spans:
            first = bisect_right(self.starts, span.inner_start - 1)
            last = bisect_right(self.starts, span.inner_end - 1)
            self.quoted[first:last] = [True] * (last - first)

    def __len__(self) -> int:
        return len(self.words)

    def token_at(self, char: int) -> int:
        """Index of the token covering (or starting after) a character offset."""
        return max(0, bisect_right(self.starts, char) - 1)

    def sentence(self, i: int) -> tuple[int, int]:
        """Token range of the sentence containing token i."""
        return self.sent_bounds[self.sent_of[i]]

    def span_at(self, char: int) -> QuoteSpan | None:
        """The quoted span containing a character offset, if any."""
        k = bisect_right(self._span_starts, char) - 1
        if k >= 0 and self.spans[k].start <= char < self.spans[k].end:
            return self.spans[k]
        return None

    def span_starting(self, char: int) -> QuoteSpan | None:
        """The quoted span whose opening mark stands at a character offset."""
        k = bisect_right(self._span_starts, char) - 1
        if k >= 0 and self.spans[k].start == char:
            return self.spans[k]
        return None

    def spans_between(self, start: int, end: int) -> list[QuoteSpan]:
        """Quoted spans that open inside [start, end)."""
        k = bisect_right(self._span_starts, start - 1)
        found = []
        while k < len(self.spans) and self.spans[k].start < end:
            found.append(self.spans[k])
            k += 1
        return found

    # --- token predicates -----------------------------------------------------------------------

    def is_cap(self, i: int) -> bool:
        """Capitalised word (NATO, Vucic, U.S., N1)."""
        return self.words[i][:1].isupper()

    def is_name(self, i: int) -> bool:
        """A word that can be part of a proper name: capitalised ("Vucic"), a lowercase particle
        joined to a capitalised name ("al-Ghaithi", "el-Drese"), or a capitalised common word
        that follows a name ("Ian Read", "Theresa May")."""
        word = self.words[i]
        if word[:1].isupper():
            low = self.lowers[i]
            if low not in lx.NON_NAMES or (len(word) > 2 and word.isupper()):
                return True  # (an all-capitals word is a name or an acronym: "USA TODAY")
            return (
                i > 0 and low not in lx.WEEKDAYS and low in lx.SURNAME_WORDS and self.words[i - 1][:1].isupper()
                and self.lowers[i - 1] not in lx.NON_NAMES and self.lowers[i - 1] not in lx.TITLE_WORDS
            )
        head, dash, rest = word.partition("-")
        return bool(dash) and head in lx.NAME_PREFIXES and rest[:1].isupper()

    def is_punct(self, i: int) -> bool:
        """Punctuation or a quotation mark."""
        word = self.words[i]
        return not any(ch.isalnum() for ch in word)

    def is_mark(self, i: int) -> bool:
        """A quotation mark token."""
        return self.words[i] in lx.MARK_CHARS

    def introduces_quotation(self, i: int) -> bool:
        """Whether token i is a colon or comma right before the opening mark of a quotation."""
        return (
            self.words[i] in (":", ",") and i + 1 < len(self.words) and self.is_mark(i + 1)
            and self.span_starting(self.starts[i + 1]) is not None
        )


#: Marks spaCy splits off inside a word ("Serb-populated", "and/or").
_GLUE_MARKS = frozenset({"-", "–", "/"})


def _compact(words: list[str], starts: list[int], spaces: list[int], sents: list[tuple[int, int]]):
    """Words only: whitespace tokens dropped (a wrapped line is not a boundary; paragraphs are
    found in the text) and the hyphens spaCy splits off inside words glued back
    ("Serb-populated", "Jean-Claude"), so a spaced "-" is always a dash. Returns words, starts
    and sentence bounds re-indexed."""
    # One pass over the tokens finds both kinds (few): each distinct word is asked once.
    spacing = {word for word in set(words) if word.isspace()}
    special = spacing | _GLUE_MARKS
    marks = [k for k, word in enumerate(words) if word in special]
    glued = [
        k for k in marks
        if words[k] in _GLUE_MARKS and 0 < k < len(words) - 1 and not spaces[k - 1] and not spaces[k]
        and words[k - 1][-1:].isalnum() and words[k + 1][:1].isalnum()
    ]
    blank = [k for k in marks if words[k] in spacing]
    if not glued and not blank:
        return words, starts, sents
    joined = set(glued) | {k + 1 for k in glued}
    dropped = set(blank)
    new_words: list[str] = []
    new_starts: list[int] = []
    new_index: list[int] = []
    kept_from = 0
    # Runs of ordinary tokens are copied whole; only the dropped and glued ones are looked at.
    for k in sorted(dropped | joined):
        base = len(new_words)
        new_words.extend(words[kept_from:k])
        new_starts.extend(starts[kept_from:k])
        new_index.extend(range(base, base + k - kept_from))
        if k in dropped:
            pass
        elif new_words:
            new_words[-1] += words[k]
        else:
            new_words.append(words[k])
            new_starts.append(starts[k])
        new_index.append(len(new_words) - 1)
        kept_from = k + 1
    base = len(new_words)
    new_words.extend(words[kept_from:])
    new_starts.extend(starts[kept_from:])
    new_index.extend(range(base, base + len(words) - kept_from))
    new_sents = []
    for start, end in sents:
        first, last = new_index[start] + (start in dropped), new_index[end - 1] + 1
        if new_sents and first < new_sents[-1][1]:
            first = new_sents[-1][1]  # a sentence cannot start inside a hyphenated word
        if first < last:
            new_sents.append((first, last))
    return new_words, new_starts, new_sents
