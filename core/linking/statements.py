"""The same statement in several sources: link quotes across articles, and say how wording differs.

Outlets re-punctuate, trim and lightly reword what a speaker said. Two quotes report the same
statement when their normalised words agree: identical, one a trimmed part of the other, or
nearly all words shared in order. Comparing every pair is quadratic, so candidates come from
blocking (core.linking.blocking): each quote is indexed under a few winnowed word shingles
(any shared run of six words guarantees a shared key), and shingles common to many quotes are ignored.
"""

from __future__ import annotations

import array
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy
from briefing.core.fold import without_diacritics
from briefing.core.linking.blocking import WordCodes, blocking_keys, buckets
from briefing.core.linking.union_find import UnionFind
from briefing.core.models import QuoteText

#: A shingle shared by more quotes than this is a set phrase, not evidence of one statement.
_MAX_BUCKET = 40
#: Fewest words a quote needs to be linked (three-word fragments match too much by chance).
MIN_LINK_WORDS = 4
#: Share of the shorter quote's words, in order, that a reworded version must keep.
MIN_OVERLAP = 0.8
#: Reworded versions must be at least this long; shorter ones must match exactly or as a trim.
MIN_REWORDED_WORDS = 6

_WORD = re.compile(r"\w+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def quote_words(text: str) -> list[str]:
    """Words of a quote for comparison: folded, without diacritics, lowercase, no punctuation."""
    if not text.isascii():
        # Most quotes are plain ASCII: only the others need decomposing, a character at a time.
        text = without_diacritics(text.translate(_APOSTROPHES))
    return _WORD.findall(text.lower())


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of two word lists (bit-parallel, Hyyrö 2004)."""
    if not a or not b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    masks: dict[str, int] = {}
    for i, word in enumerate(a):
        masks[word] = masks.get(word, 0) | (1 << i)
    full = (1 << len(a)) - 1
    row = full
    for word in b:
        match = masks.get(word, 0)
        if match:
            low = row & match
            row = ((row + low) | (row - low)) & full
    return len(a) - bin(row).count("1")


def _is_sublist(short: list[str], long: list[str]) -> int:
    """Start index of `short` as a contiguous run inside `long`, or -1."""
    n = len(short)
    if not n:
        return 0
    first = short[0]
    for i in range(len(long) - n + 1):
        if long[i] == first and long[i : i + n] == short:
            return i
    return -1


@dataclass(frozen=True)
class Comparison:
    """How two quote texts relate.

    `similarity` is the share of all words the two have in common, in order (2·LCS / (m + n));
    `overlap` the share of the shorter one's words found in the longer; `relation` one of
    identical, punctuation, trimmed, reworded, different.
    """

    similarity: float
    overlap: float
    relation: str
    description: str

    @property
    def same_statement(self) -> bool:
        """Whether the two texts report one statement."""
        return self.relation != "different"


def compare_quotes(a: str, b: str) -> Comparison:
    """Compare quote `a` with another version `b` and describe how `b`'s wording differs."""
    if a == b:
        return Comparison(1.0, 1.0, "identical", "identical wording")
    wa, wb = quote_words(a), quote_words(b)
    relation = _relation(wa, wb)
    if relation == "punctuation":
        return Comparison(1.0, 1.0, relation, "same words; punctuation or capitals differ")
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if relation == "trimmed":
        at = _is_sublist(short, long)
        missing = len(long) - len(short)
        where = "at the end" if at == 0 else "at the start" if at + len(short) == len(long) else "at both ends"
        verb = "leaves out" if wb is short else "adds"
        similarity = 2 * len(short) / (len(wa) + len(wb))
        return Comparison(similarity, 1.0, relation, f"{verb} {missing} word{'s' * (missing != 1)} {where}")
    common = lcs_length(wa, wb)
    similarity = 2 * common / (len(wa) + len(wb)) if short else 0.0
    overlap = common / len(short) if short else 0.0
    if relation == "reworded":
        return Comparison(similarity, overlap, relation, _describe_changes(wa, wb))
    return Comparison(similarity, overlap, relation, "different statement")


def _relation(wa: list[str], wb: list[str]) -> str:
    """How two quotes' words relate: punctuation (same words), trimmed, reworded or different.

    Linking asks this of a million pairs on a large briefing: most share only a set phrase,
    and are told apart by a count of shared words before the costlier in-order comparison.
    """
    if not wa or not wb:
        return "different"
    if wa == wb:
        return "punctuation"
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) >= MIN_LINK_WORDS and _is_sublist(short, long) >= 0:
        return "trimmed"
    if len(short) < MIN_REWORDED_WORDS:
        return "different"
    # Words in order (the LCS) are never more than the short quote's words found in the long one.
    # (Shares, not products: the bar is the one `compare_quotes` reports against.)
    present = set(long)
    if sum(word in present for word in short) / len(short) < MIN_OVERLAP:
        return "different"
    return "reworded" if lcs_length(wa, wb) / len(short) >= MIN_OVERLAP else "different"


def _describe_changes(wa: list[str], wb: list[str], limit: int = 3) -> str:
    """"reworded: “clashes” → “violence”; adds “also”" from a word-level diff."""
    changes = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes():
        if op == "replace":
            changes.append(f"“{' '.join(wa[a1:a2])}” → “{' '.join(wb[b1:b2])}”")
        elif op == "delete":
            changes.append(f"leaves out “{' '.join(wa[a1:a2])}”")
        elif op == "insert":
            changes.append(f"adds “{' '.join(wb[b1:b2])}”")
    more = f"; and {len(changes) - limit} more" if len(changes) > limit else ""
    return "reworded: " + "; ".join(changes[:limit]) + more


def link_statements(quotes: Iterable[QuoteText]) -> dict[int, int]:
    """Quote id → statement id, for the quotes that report a statement another article reports too.

    Quotes from different articles that report one statement share the id of the statement's
    earliest quote (by the article's publication date, then id); a quote no other article
    reports is left out. `quotes` is read once, in order.
    """
    ids, articles, texts, published = [], [], [], []
    # Word codes of every linkable quote, one after another: blocking keys are made in one go.
    codes, lengths = array.array("I"), array.array("q")
    word_codes = WordCodes()
    for quote_id, article_id, text, day in quotes:
        words = quote_words(text or "")
        if len(words) < MIN_LINK_WORDS:
            continue
        ids.append(quote_id)
        articles.append(article_id)
        texts.append(text)
        published.append(day)
        codes.extend(map(word_codes.__getitem__, words))
        lengths.append(len(words))
    del word_codes
    union = UnionFind()
    keys, owners = blocking_keys(numpy.frombuffer(codes, dtype=f"u{codes.itemsize}"), numpy.frombuffer(lengths, dtype=numpy.int64))
    for group in buckets(keys, owners, _MAX_BUCKET):
        _link_bucket(group, articles, texts, union)
    clusters: dict[int, list[int]] = {}
    for index in sorted(union.joined):  # only quotes joined to another can be linked
        clusters.setdefault(union.find(index), []).append(index)
    wanted: dict[int, int] = {}
    for members in clusters.values():
        if len({articles[m] for m in members}) < 2:
            continue
        earliest = ids[min(members, key=lambda m: (published[m] or "9999", ids[m]))]
        for member in members:
            wanted[ids[member]] = earliest
    return wanted


def _link_bucket(group: list[int], articles: list[int], texts: list[str], union: UnionFind) -> None:
    """Compare the quotes of one bucket pairwise (across articles only) and join matches.

    Each quote's words are found once a bucket, not once a pair (a bucket of 40 is 780 pairs).
    """
    words: dict[int, list[str]] = {}
    for x in range(len(group)):
        a = group[x]
        for y in range(x + 1, len(group)):
            b = group[y]
            if articles[a] == articles[b] or union.find(a) == union.find(b):
                continue
            if texts[a] != texts[b] and _relation(_words_of(a, texts, words), _words_of(b, texts, words)) == "different":
                continue
            union.union(a, b)


def _words_of(index: int, texts: list[str], found: dict[int, list[str]]) -> list[str]:
    """A quote's words, found once and kept in `found`."""
    words = found.get(index)
    if words is None:
        words = found[index] = quote_words(texts[index])
    return words
