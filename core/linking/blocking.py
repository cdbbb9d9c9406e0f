"""Blocking: which pairs are worth comparing, when comparing every pair would take too long.

Quotes are indexed under winnowed hashes of their word shingles: any run of `_K + _W - 1` words
two quotes share gives them a shared key (`blocking_keys`), and quotes sharing a key are compared
(`buckets`), unless too many share it. Events are paired when they share enough words that are
rare among their neighbours (`candidate_pairs`). Both are counted in numpy arrays: a large
briefing has millions of shingles and tens of millions of word-sharing pairs.
"""

from __future__ import annotations

import array
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from itertools import chain
from typing import Protocol

import numpy

#: Word shingle size and winnowing window: any common run of _K + _W - 1 = 6 words is found.
_K = 3
_W = 4


class WordCodes(dict):
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
    codes = WordCodes()
    keys, _owners = shingle_keys(numpy.fromiter(map(codes.__getitem__, words), numpy.uint64, len(words)), [len(words)])
    return set(keys.tolist())


def buckets(keys: numpy.ndarray, owners: numpy.ndarray, max_size: int) -> Iterator[list[int]]:
    """Groups of owners sharing a key, given (key, owner) pairs sorted by key; a key shared by
    more than `max_size` owners is a set phrase, not evidence, and gives no group."""
    if not len(keys):
        return
    bounds = numpy.flatnonzero(keys[1:] != keys[:-1]) + 1
    starts = numpy.concatenate(([0], bounds))
    ends = numpy.concatenate((bounds, [len(keys)]))
    sizes = ends - starts
    wanted = (sizes >= 2) & (sizes <= max_size)
    for start, end in zip(starts[wanted].tolist(), ends[wanted].tolist()):
        yield owners[start:end].tolist()


class Blockable(Protocol):
    """What `candidate_pairs` reads of an item: its words and the article it comes from."""

    bag: Counter
    article_id: int


def _discriminating(items: Sequence[Blockable], max_posting: int) -> set[str]:
    """Words of at most `max_posting` of these items: the ones that can tell them apart."""
    counts = Counter(chain.from_iterable(item.bag.keys() for item in items))
    return {word for word, count in counts.items() if count <= max_posting}


#: Most word-sharing pairs counted at once (bounds the memory of a block of a busy week).
_PAIRS_AT_ONCE = 1 << 20


def candidate_pairs(
    items: Sequence[Blockable],
    others: Sequence[Blockable] | None = None,
    keep: Callable[[Blockable], bool] | None = None,
    *,
    min_shared: int,
    max_posting: int,
) -> Iterator[tuple[int, int]]:
    """Pairs (i, j) of items from different articles sharing at least `min_shared` words that
    are in at most `max_posting` items of the pool (the words that can tell items apart).

    Within one list each pair comes once, as (earlier, later): each item is paired with the
    items before it that share a word. With `others`, each item of `items` with those of
    `others`. `keep` leaves out items that no comparison could use, after the word counts
    (which judge a word over every item). A busy week has tens of thousands of events and
    tens of millions of word-sharing pairs: they are counted in numpy, not a Python loop.
    """
    pool = items if others is None else others
    codes = {word: n for n, word in enumerate(_discriminating(pool, max_posting))}
    probe_owner, probe_word = _postings(items, codes, keep)
    if others is None:
        # Sorted by word, then item (entries are in item order and the sort is stable): an
        # entry's earlier items with that word come just before it.
        order = numpy.argsort(probe_word, kind="stable")
        target_owner = probe_owner[order]
        sorted_words = probe_word[order]
        group_first = _group_starts(sorted_words)
        starts = numpy.empty_like(order)
        starts[order] = group_first
        counts = numpy.empty_like(order)
        counts[order] = numpy.arange(len(order)) - group_first
    else:
        pool_owner, pool_word = _postings(others, codes, keep)
        order = numpy.argsort(pool_word, kind="stable")
        target_owner = pool_owner[order]
        bounds = numpy.searchsorted(pool_word[order], numpy.arange(len(codes) + 1))
        starts = bounds[probe_word]
        counts = bounds[probe_word + 1] - starts
    articles = numpy.fromiter((event.article_id for event in pool), numpy.int64, len(pool))
    probe_articles = articles if others is None else numpy.fromiter((e.article_id for e in items), numpy.int64, len(items))
    for first, last in _chunks(probe_owner, counts):
        probe, target = _expand(probe_owner[first:last], starts[first:last], counts[first:last], target_owner)
        pair = probe * len(pool) + target
        pair.sort()
        # A pair is listed once for each word the two share.
        run_starts = numpy.flatnonzero(numpy.concatenate(([True], pair[1:] != pair[:-1])))
        shared = numpy.diff(numpy.append(run_starts, len(pair)))
        found = pair[run_starts[shared >= min_shared]]
        i, j = found // len(pool), found % len(pool)
        other_article = probe_articles[i] != articles[j]
        for i_, j_ in zip(i[other_article].tolist(), j[other_article].tolist()):
            yield (j_, i_) if others is None else (i_, j_)


def _postings(items: Sequence[Blockable], codes: dict[str, int], keep) -> tuple[numpy.ndarray, numpy.ndarray]:
    """(item index, word code) for each discriminating word of each kept item, in item order."""
    owners, words = array.array("q"), array.array("q")
    for n, item in enumerate(items):
        if keep is None or keep(item):
            found = [codes[word] for word in item.bag if word in codes]
            owners.extend([n] * len(found))
            words.extend(found)
    return numpy.frombuffer(owners, numpy.int64), numpy.frombuffer(words, numpy.int64)


def _group_starts(values: numpy.ndarray) -> numpy.ndarray:
    """For each position of a sorted array, where its run of equal values starts."""
    if not len(values):
        return numpy.zeros(0, numpy.int64)
    new = numpy.ones(len(values), dtype=bool)
    new[1:] = values[1:] != values[:-1]
    return numpy.maximum.accumulate(numpy.where(new, numpy.arange(len(values)), 0))


def _chunks(owners: numpy.ndarray, counts: numpy.ndarray):
    """(first, last) slices of entries, whole owners each, with about `_PAIRS_AT_ONCE` pairs."""
    total = numpy.concatenate(([0], numpy.cumsum(counts)))
    boundaries = numpy.concatenate((numpy.flatnonzero(owners[1:] != owners[:-1]) + 1, [len(owners)]))
    total_at_boundaries = total[boundaries]
    first = 0
    while first < len(owners):
        reach = numpy.searchsorted(total_at_boundaries, total[first] + _PAIRS_AT_ONCE, side="right")
        # At least one owner's entries, however many pairs it has.
        last = int(boundaries[max(reach - 1, numpy.searchsorted(boundaries, first, side="right"))])
        yield first, last
        first = last


def _expand(owners: numpy.ndarray, starts: numpy.ndarray, counts: numpy.ndarray, targets: numpy.ndarray):
    """(owner, target) for every entry: its owner with each of targets[start : start + count]."""
    entry = numpy.repeat(numpy.arange(len(owners)), counts)
    offset = numpy.arange(len(entry)) - numpy.repeat(numpy.cumsum(counts) - counts, counts)
    return owners[entry], targets[starts[entry] + offset]
