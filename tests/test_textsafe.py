"""Article text made safe for a terminal: each kind of unsafe character alone is removed."""

from __future__ import annotations

import pytest
from briefing.core.textsafe import clean_text, terminal_safe

# One kind of unsafe character a case, so a text holding only that kind is still cleaned
# (clean_text returns a text untouched when its first search finds nothing to remove).
CASES = [
    ("a\x1b[31mred\x1b[0m b", "ared b"),  # CSI colour, ESC the only control
    ("a\x1b]8;;https://example.org\x1b\\link\x1b]8;;\x1b\\ b", "alink b"),  # OSC 8 hyperlink
    ("a\x9b31mred b", "ared b"),  # 8-bit CSI
    ("a\x00b\x08c", "abc"),  # C0 controls
    ("a\x0bb\x1fc", "abc"),  # vertical tab, unit separator
    ("a\x7fb", "ab"),  # DEL
    ("a\x85b", "ab"),  # C1 next line
    ("a\u200bb\u200fc", "abc"),  # zero-width space, right-to-left mark
    ("a\u202eb\u202ac", "abc"),  # bidi override and embedding
    ("a\u2060b\u2064c", "abc"),  # word joiner, invisible plus
    ("a\u2066b\u2069c", "abc"),  # bidi isolates
    ("a\ufeffb", "ab"),  # byte order mark inside a text
    ("a\ud800b", "a\ufffdb"),  # lone surrogate
    ("a\r\nb\rc", "a\nb\nc"),  # newlines normalised
]


@pytest.mark.parametrize(("raw", "clean"), CASES)
def test_each_kind_of_unsafe_character_is_removed_alone(raw, clean):
    assert clean_text(raw) == clean


def test_safe_text_is_kept_as_it_is():
    text = "ZVECAN, Kosovo (AP) — Vučić said:\t“We will not tolerate it.”\n\nNATO’s 30 troops… ½ €"
    assert clean_text(text) == text


def test_terminal_safe_replaces_lone_surrogates_from_file_names():
    # Python reads a file name's bytes that are not UTF-8 as lone surrogates; no terminal can print them.
    assert terminal_safe("bad\udcff.txt") == "bad\ufffd.txt"
