"""The same statement in several sources: link quotes across articles, and say how wording differs.

Outlets re-punctuate, trim and lightly reword what a speaker said. Two quotes report the same
statement when their normalised words agree: identical, one a trimmed part of the other, or
nearly all words shared in order. Comparing every pair is quadratic, so candidates come from
blocking: each quote is indexed under a few winnowed word shingles (any shared run of
`_K + _W - 1` words guarantees a shared key), and shingles common to many quotes are ignored.
"""

from __future__ import annotations

import array
import difflib
import re
import zlib
from dataclasses import dataclass

import numpy
import sqlite_utils
from briefing.core.fold import without_diacritics

#: Word shingle size and winnowing window: any common run of _K + _W - 1 = 6 words is found.
_K = 3
_W = 4
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


class _WordCodes(dict):
    """Word -> a number that is the same in every process (str hashes are salted per process)."""

    def __missing__(self, word: str) -> int:
        code = self[word] = zlib.crc32(word.encode("utf-8", "surrogatepass"))
        return code


#: Stands in for the missing words of a quote shorter than a shingle (no CRC-32 is this large).
_PAD = 1 << 32


def _mix(c0: numpy.ndarray, c1: numpy.ndarray, c2: numpy.ndarray) -> numpy.ndarray:
    """64-bit hashes of word-code triples (arithmetic wraps, as a hash should)."""
    h = c0 * numpy.uint64(0x9E3779B97F4A7C15) + c1 * numpy.uint64(0xC2B2AE3D27D4EB4F) + c2 * numpy.uint64(0x165667B19E3779F9)
    h ^= h >> numpy.uint64(31)
    h *= numpy.uint64(0x94D049BB133111EB)
    h ^= h >> numpy.uint64(29)
    return h


def shingle_keys(codes: numpy.ndarray, lengths: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """(keys, owners): the blocking keys of many quotes at once, in quote order (a quote that
    repeats a shingle may list its key more than once: `blocking_keys` sorts and dedupes).

    `codes` holds the word codes of all quotes one after another, `lengths` how many each
    has. A quote's keys are the minimum hash of every `_W` consecutive `_K`-word shingles
    (winnowing), or all its shingles when it has no more than `_W`; a quote shorter than a
    shingle is one padded shingle. Done in numpy: a large briefing has millions of shingles.
    """
    codes = numpy.asarray(codes, dtype=numpy.uint64)
    lengths = numpy.asarray(lengths, dtype=numpy.int64)
    if not len(codes):
        return numpy.empty(0, numpy.uint64), numpy.empty(0, numpy.int64)
    quotes = numpy.arange(len(lengths))
    ends = numpy.cumsum(lengths)
    starts = ends - lengths
    shingles = numpy.where(lengths > 0, numpy.maximum(lengths - _K + 1, 1), 0)
    shingle_owner = numpy.repeat(quotes, shingles)
    first_shingle = numpy.cumsum(shingles) - shingles
    at = starts[shingle_owner] + numpy.arange(len(shingle_owner)) - first_shingle[shingle_owner]
    end = ends[shingle_owner]
    padded = numpy.append(codes, numpy.uint64(_PAD))
    words = [padded[numpy.where(at + k < end, at + k, len(codes))] for k in range(_K)]
    hashes = _mix(*words)
    # Winnowing windows: the minimum of each run of _W shingles of one quote.
    windows = numpy.where(shingles > _W, shingles - _W + 1, 0)
    window_owner = numpy.repeat(quotes, windows)
    first_window = numpy.cumsum(windows) - windows
    window_at = first_shingle[window_owner] + numpy.arange(len(window_owner)) - first_window[window_owner]
    minima = hashes[window_at]
    for k in range(1, _W):
        numpy.minimum(minima, hashes[window_at + k], out=minima)
    # Neighbouring windows often share their minimum: keep it once.
    changed = numpy.ones(len(minima), dtype=bool)
    changed[1:] = (minima[1:] != minima[:-1]) | (window_owner[1:] != window_owner[:-1])
    few = shingles[shingle_owner] <= _W  # quotes with no more shingles than a window keep them all
    return (
        numpy.concatenate((hashes[few], minima[changed])),
        numpy.concatenate((shingle_owner[few], window_owner[changed])),
    )


#: Word codes hashed at once (the arrays of a slice of quotes this long take about 40 MB).
_CODES_AT_ONCE = 1 << 19


def blocking_keys(codes: numpy.ndarray, lengths: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """`shingle_keys` of all quotes, made a slice of quotes at a time: sorted by key, then
    quote, each (key, quote) pair once.

    At 100,000 articles the quotes hold 20 million words: hashing them all at once would take
    over a gigabyte.
    """
    ends = numpy.cumsum(lengths)
    keys, owners = [numpy.empty(0, numpy.uint64)], [numpy.empty(0, numpy.int64)]
    first = 0
    while first < len(lengths):
        start = int(ends[first] - lengths[first])
        last = max(first + 1, int(numpy.searchsorted(ends, start + _CODES_AT_ONCE, side="right")))
        found, found_owners = shingle_keys(codes[start : ends[last - 1]], lengths[first:last])
        keys.append(found)
        owners.append(found_owners + first)
        first = last
    all_keys, all_owners = numpy.concatenate(keys), numpy.concatenate(owners)
    order = numpy.lexsort((all_owners, all_keys))
    all_keys, all_owners = all_keys[order], all_owners[order]
    first = numpy.ones(len(all_keys), dtype=bool)
    first[1:] = (all_keys[1:] != all_keys[:-1]) | (all_owners[1:] != all_owners[:-1])
    return all_keys[first], all_owners[first]


def fingerprints(words: list[str]) -> set[int]:
    """Blocking keys of a quote: winnowed hashes of its word shingles (see `shingle_keys`).

    Hashed from stable word codes: with Python's salted string hashes the winnowing kept
    different shingles in every run, and so linked different quotes.
    """
    codes = _WordCodes()
    keys, _owners = shingle_keys(numpy.fromiter(map(codes.__getitem__, words), numpy.uint64, len(words)), [len(words)])
    return set(keys.tolist())


class _UnionFind:
    """Disjoint sets of quote indices (path halving; the smaller index is the root)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        #: Indices that were ever joined with another: every set of more than one.
        self.joined: set[int] = set()

    def find(self, x: int) -> int:
        """The root of x's set."""
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        """Join the sets of a and b."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
            self.joined.update((a, b))


def link_statements(db: sqlite_utils.Database) -> int:
    """Give quotes from different articles that report one statement a shared `statement_id`.

    The id is that of the cluster's earliest quote (by the article's publication date, then
    id); quotes reported by one article only get NULL. Returns how many quotes are linked.
    """
    rows = db.execute(
        "SELECT q.id, q.article_id, q.text, a.published FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY q.id"
    ).fetchall()
    ids, articles, texts, published = [], [], [], []
    # Word codes of every linkable quote, one after another: blocking keys are made in one go.
    codes, lengths = array.array("I"), array.array("q")
    word_codes = _WordCodes()
    for quote_id, article_id, text, day in rows:
        words = quote_words(text or "")
        if len(words) < MIN_LINK_WORDS:
            continue
        ids.append(quote_id)
        articles.append(article_id)
        texts.append(text)
        published.append(day)
        codes.extend(map(word_codes.__getitem__, words))
        lengths.append(len(words))
    del rows, word_codes
    union = _UnionFind(len(ids))
    keys, owners = blocking_keys(numpy.frombuffer(codes, dtype=f"u{codes.itemsize}"), numpy.frombuffer(lengths, dtype=numpy.int64))
    for group in _buckets(keys, owners):
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
    current = dict(db.execute("SELECT id, statement_id FROM quotes WHERE statement_id IS NOT NULL").fetchall())
    updates = [(sid, qid) for qid, sid in wanted.items() if current.get(qid) != sid]
    clears = [(qid,) for qid in current if qid not in wanted]
    with db.conn:
        db.conn.executemany("UPDATE quotes SET statement_id = NULL WHERE id = ?", clears)
        db.conn.executemany("UPDATE quotes SET statement_id = ? WHERE id = ?", updates)
    return len(wanted)


def _buckets(keys: numpy.ndarray, owners: numpy.ndarray):
    """Groups of quote indices sharing a key, given (key, owner) pairs sorted by key."""
    if not len(keys):
        return
    bounds = numpy.flatnonzero(keys[1:] != keys[:-1]) + 1
    starts = numpy.concatenate(([0], bounds))
    ends = numpy.concatenate((bounds, [len(keys)]))
    sizes = ends - starts
    wanted = (sizes >= 2) & (sizes <= _MAX_BUCKET)
    for start, end in zip(starts[wanted].tolist(), ends[wanted].tolist()):
        yield owners[start:end].tolist()


def _link_bucket(group: list[int], articles: list[int], texts: list[str], union: _UnionFind) -> None:
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
