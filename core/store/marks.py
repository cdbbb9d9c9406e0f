"""Where a search matched in a text, as FTS5 itself finds it: the one highlighter of quote cards,
snippets and the reader.

The texts are put in a private in-memory FTS5 table with the index's own tokenizer (porter
stems over unicode61, diacritics removed), and FTS5's highlight() is asked where the search's
MATCH expression finds them. So a mark is exactly a match of the search: a phrase is marked
whole ("told reporters", not "told" and "reporters" wherever they occur), a word is marked in
each of its forms the index counts as the same stem ("negotiate" marks "negotiations"), a prefix
marks the words it expands to, and nothing else (a short word is never marked inside a longer
one). Nothing is read from the briefing: any text can be marked, in any thread.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Sequence

from briefing.core.fold import fold
from briefing.core.store.schema import TOKENIZE

#: (start, end) character ranges of a text.
Marks = tuple[tuple[int, int], ...]

# Put around each match by highlight(). Stored texts hold no control characters (they are
# removed at ingest), and any a caller's text holds are blanked before it is marked.
_OPEN, _CLOSE = "\x02", "\x03"
_MARKERS = re.compile(f"[{_OPEN}{_CLOSE}]")
#: The columns of both full-text indexes, so a raw FTS5 query naming one of them reads here too.
_COLUMNS = ("title", "text", "speaker", "folded")
_TEXT_COLUMN = _COLUMNS.index("text")

_local = threading.local()


def _helper() -> sqlite3.Connection:
    """This thread's in-memory table: an external-content FTS5 index, emptied in one step."""
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        columns = ", ".join(_COLUMNS)
        conn.execute(f"CREATE TABLE source (id INTEGER PRIMARY KEY, {columns})")
        conn.execute(
            f"CREATE VIRTUAL TABLE marked USING fts5({columns}, content='source', content_rowid='id', tokenize='{TOKENIZE}')"
        )
        _local.conn = conn
    return conn


def _folded(text: str) -> tuple[str, list[int] | None]:
    """The text as the index reads it in its `folded` column, and where each character came from.

    `fold` maps most characters to one (then offsets stay as they are); "đ" → "dj" and "ь" → ""
    change the length, and then each character of the folded text names its origin.
    """
    text = _MARKERS.sub(" ", text)
    folded = fold(text)
    if len(folded) == len(text):
        return folded, None
    out: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        piece = fold(ch)
        out.append(piece)
        origin.extend([index] * len(piece))
    origin.append(len(text))
    return "".join(out), origin


def _offsets(marked: str) -> Marks:
    """(start, end) of each run highlight() put between the markers, as offsets into the unmarked text."""
    marks: list[tuple[int, int]] = []
    length = 0
    start = None
    for piece in re.split(f"([{_OPEN}{_CLOSE}])", marked):
        if piece == _OPEN:
            start = length
        elif piece == _CLOSE:
            if start is not None and length > start:
                marks.append((start, length))
            start = None
        else:
            length += len(piece)
    return tuple(marks)


def find_marks(match: str | None, texts: Sequence[str], contexts: Sequence[str | None] | None = None) -> list[Marks]:
    """For each text, where the FTS5 MATCH expression `match` finds it (empty where it does not).

    `contexts` are what the search reads beside each text (a quote's speaker, an article's
    title): a search for "vucic pogrom" matches a quote of Vucic's by his name and its text,
    and marks "pogrom" in the text. A MATCH FTS5 cannot read marks nothing.
    """
    if not match or not texts:
        return [() for _ in texts]
    conn = _helper()
    folded = [_folded(text) for text in texts]
    rows = []
    for number, (text, _origin) in enumerate(folded):
        context = fold(contexts[number] or "") if contexts is not None else ""
        rows.append((number + 1, context, text, context, None))
    found: dict[int, Marks] = {}
    try:
        conn.executemany("INSERT INTO source (id, title, text, speaker, folded) VALUES (?, ?, ?, ?, ?)", rows)
        conn.execute("INSERT INTO marked (marked) VALUES ('rebuild')")
        for rowid, marked in conn.execute(
            f"SELECT rowid, highlight(marked, {_TEXT_COLUMN}, '{_OPEN}', '{_CLOSE}') FROM marked WHERE marked MATCH ?",
            [match],
        ):
            found[rowid - 1] = _offsets(marked or "")
    except sqlite3.Error:
        return [() for _ in texts]  # raw syntax FTS5 rejects: the search itself says why
    finally:
        conn.execute("INSERT INTO marked (marked) VALUES ('delete-all')")
        conn.execute("DELETE FROM source")
    result: list[Marks] = []
    for number, (_text, origin) in enumerate(folded):
        marks = found.get(number, ())
        if origin is not None:
            marks = tuple((origin[start], origin[end - 1] + 1) for start, end in marks)
        result.append(marks)
    return result


def marks_in(match: str | None, text: str, context: str | None = None) -> Marks:
    """Where `match` finds one text (see `find_marks`)."""
    return find_marks(match, [text], [context])[0]
