"""Bytes to text: BOMs, UTF-8, Windows-1252 and Latin-1, binary detection, one clear reason on failure."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from briefing.core.textsafe import clean_text


class NotText(Exception):
    """The bytes are not an article: the message says why in one sentence."""


@dataclass(frozen=True)
class Decoded:
    """Decoded, cleaned text and what decoding had to do to get it."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Bytes cp1252 leaves undefined: their presence means the text is not Windows-1252.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def decode_bytes(data: bytes) -> Decoded:
    """Decode article bytes; raise NotText for binary, empty or undecodable content.

    The result is cleaned (newlines normalised; escape sequences, control characters,
    bidi overrides and zero-width characters removed): this is the stored text, and every
    offset refers to it.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as err:
                raise NotText(f"starts with a {encoding} byte-order mark but is not valid {encoding} ({err.reason})") from None
            return _finish(text, encoding, ())
    if b"\x00" in data[:8192]:
        raise NotText("binary file (contains NUL bytes), not text")
    try:
        return _finish(data.decode("utf-8"), "utf-8", ())
    except UnicodeDecodeError:
        pass
    if not (_CP1252_UNDEFINED & set(data)):
        # Valid UTF-8 is rare by accident; a file that fails it but decodes as cp1252 is
        # almost always a Windows export.
        return _finish(data.decode("cp1252"), "cp1252", ("not UTF-8; decoded as Windows-1252",))
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    # Mostly-valid UTF-8 with a few broken bytes: keep UTF-8 and say so; otherwise Latin-1,
    # which decodes any byte.
    if bad <= max(3, len(data) // 1000):
        return _finish(replaced, "utf-8", (f"{bad} invalid UTF-8 byte sequence(s) replaced with �",))
    return _finish(data.decode("latin-1"), "latin-1", ("not UTF-8; decoded as Latin-1",))


def _finish(text: str, encoding: str, warnings: tuple[str, ...]) -> Decoded:
    cleaned = clean_text(text)
    if not cleaned.strip():
        raise NotText("empty file" if not text else "contains only white space")
    if _looks_binary(cleaned):
        raise NotText("binary file, not text")
    return Decoded(cleaned, encoding, warnings)


def _looks_binary(text: str) -> bool:
    # Control characters are already gone; what is left of a binary file is a sea of
    # replacement characters and private-use or unassigned code points.
    sample = text[:4096]
    if sample.isascii():
        return False
    odd = len(_ODD.findall(sample))
    return odd > len(sample) * 0.3


_ODD = re.compile("[\ufffd\ue000-\uf8ff]")
