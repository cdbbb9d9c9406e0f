"""Words as the full-text index reads them: unicode61 tokens and porter stems, asked of FTS5 itself.

A private in-memory database per thread holds two one-row FTS5 tables, one with the index's
tokenizer and one without porter: what they store for a text is what the index would. Python
has no copy of SQLite's porter stemmer, and a near copy would disagree on some words.
"""

from __future__ import annotations

import functools
import sqlite3
import threading

from briefing.core.store.schema import TOKENIZE, WORD_TOKENIZE

_local = threading.local()


def _helper() -> sqlite3.Connection:
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = sqlite3.connect(":memory:", isolation_level=None)
        for table, tokenize in (("stemmed", TOKENIZE), ("plain", WORD_TOKENIZE)):
            conn.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(text, tokenize='{tokenize}')")
            conn.execute(f"CREATE VIRTUAL TABLE {table}_terms USING fts5vocab({table}, 'instance')")
        _local.conn = conn
    return conn


def _terms(table: str, text: str) -> tuple[str, ...]:
    conn = _helper()
    conn.execute(f"INSERT INTO {table} (rowid, text) VALUES (1, ?)", [text])
    try:
        return tuple(row[0] for row in conn.execute(f"SELECT term FROM {table}_terms ORDER BY offset"))
    finally:
        conn.execute(f"DELETE FROM {table}")


@functools.lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[str, ...]:
    """The words of `text` as the index's tokenizer reads them, before stemming, in order."""
    return _terms("plain", text)


@functools.lru_cache(maxsize=4096)
def stem(word: str) -> str | None:
    """The term the index stores for one word (its porter stem), or None if it is not one word."""
    terms = _terms("stemmed", word)
    return terms[0] if len(terms) == 1 else None
