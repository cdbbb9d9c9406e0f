"""Make article text safe for a terminal: no escape sequences, no bidi tricks, no invisible marks."""

from __future__ import annotations

import re

# ANSI CSI / OSC / other ESC sequences, including their bodies, so that a stripped
# "\x1b[31m" does not leave "[31m" behind, and an OSC 8 hyperlink disappears whole.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?   # OSC ... BEL or ST
    | \x1b[P^_X][^\x1b]*(?:\x1b\\)?      # DCS, PM, APC, SOS ... ST
    | \x1b\[[0-?]*[ -/]*[@-~]            # CSI
    | \x9b[0-?]*[ -/]*[@-~]              # 8-bit CSI
    | \x1b[@-Z\\-_]                      # two-character sequences
    """,
    re.VERBOSE,
)

# C0 and C1 controls except tab and newline; DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Bidirectional embeddings, overrides and isolates (the "Trojan Source" characters), and
# zero-width characters that hide text or break search terms.
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")

# Lone surrogates: what Python makes of bytes that are not UTF-8 in a command's arguments. No
# text can be stored or searched with them (SQLite takes UTF-8): one replacement character each.
_SURROGATE = re.compile("[\ud800-\udfff]")


# Any character one of the patterns above starts with (every escape sequence starts with ESC
# or the 8-bit CSI, both controls): most texts have none, and are then searched only once.
_ANY_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Normalise newlines and remove escape sequences, controls, bidi overrides, zero-widths;
    replace lone surrogates.

    Applied once at ingest, so stored text, offsets and every display agree.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _ANY_UNSAFE.search(text):
        return text
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text)
    text = _SURROGATE.sub("\ufffd", text)
    return _INVISIBLE.sub("", text)


def terminal_safe(text: str | None) -> str:
    """Last line of defence before printing any text that came from an article or a file name
    (a lone surrogate, from a file name that is not UTF-8, becomes one replacement character)."""
    if not text:
        return ""
    if not _ANY_UNSAFE.search(text):
        return text
    return _INVISIBLE.sub("", _SURROGATE.sub("\ufffd", _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))))


def one_line(text: str | None) -> str:
    """`terminal_safe`, on one line: a file name or path printed in a line of output can hold a
    newline (which would forge another line) or a tab; they show as ␤ and a space."""
    return terminal_safe(text).replace("\n", "\u2424").replace("\t", " ")


# What JSON output escapes besides what json.dumps does: C1 controls and DEL, bidi overrides and
# isolates, zero-width characters, line and paragraph separators, lone surrogates. Printed raw they
# would reorder or hide what a terminal shows of the JSON.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]")


def json_escaped(dumped: str) -> str:
    """JSON text (from json.dumps) with those characters written as \\uXXXX escapes: the same
    JSON to any parser, inert in a terminal. Only string contents can hold them, so escaping
    them anywhere in the text is escaping them in strings."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


#: Characters a web address keeps as they are; everything else (spaces, quotes, brackets,
#: parentheses, letters outside ASCII) is percent-encoded, so the address is one inert token
#: in Markdown, in a terminal hyperlink and on a command line.
_URL_SAFE = ":/?#@!$&'*+,;=%~-._"


def web_address(url: str | None) -> str | None:
    """An article's URL as a web address safe to link and open, or None when it is not one.

    Only http and https with a host: a `file:`, `javascript:` or bare path from an article's
    metadata is never opened or linked.
    """
    import urllib.parse

    text = terminal_safe(url).strip()
    if not text or any(ch.isspace() for ch in text):
        return None
    try:
        parts = urllib.parse.urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return urllib.parse.quote(text, safe=_URL_SAFE)
