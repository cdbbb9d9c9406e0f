"""Fold spellings for search and comparison: Serbian Cyrillic to Latin, đ to dj, diacritics removed."""

from __future__ import annotations

import re
import unicodedata

# Serbian (and Macedonian) Cyrillic to the Latin spelling used by English-language news
# (without diacritics, which the FTS5 tokenizer removes anyway on the Latin side).
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "е": "e", "ж": "z",
    "з": "z", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n",
    "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "c", "у": "u",
    "ф": "f", "х": "h", "ц": "c", "ч": "c", "џ": "dz", "ш": "s",
    # Russian / Ukrainian letters that also appear in regional reporting.
    "й": "j", "ы": "y", "э": "e", "ю": "ju", "я": "ja", "ё": "e", "ь": "", "ъ": "",
    "щ": "sc", "і": "i", "ї": "ji", "є": "je", "ґ": "g", "ѓ": "g", "ќ": "k", "ѕ": "dz",
}

_TABLE: dict[int, str] = {}
for _cyr, _lat in _CYRILLIC.items():
    _TABLE[ord(_cyr)] = _lat
    _TABLE[ord(_cyr.upper())] = _lat.capitalize()
# Latin letters that unicode61's remove_diacritics does not decompose.
_TABLE.update({ord("đ"): "dj", ord("Đ"): "Dj", ord("ø"): "o", ord("Ø"): "O", ord("ł"): "l",
               ord("Ł"): "L", ord("ß"): "ss", ord("æ"): "ae", ord("Æ"): "Ae"})


#: Any character `fold` changes: most texts have none, and a search is far cheaper than translate().
_FOLDABLE = re.compile("[" + re.escape("".join(chr(c) for c in _TABLE)) + "]")


def fold(text: str) -> str:
    """Transliterate Cyrillic and undecomposable Latin letters; other characters pass through."""
    if text.isascii() or not _FOLDABLE.search(text):
        return text
    return text.translate(_TABLE)


def fold_if_changed(text: str) -> str | None:
    """The folded text, or None when folding changes nothing (saves storing a copy)."""
    folded = fold(text)
    return folded if folded != text else None


def without_diacritics(text: str) -> str:
    """`text` folded, with its accents removed: 'Vučić', 'Вучић' and 'Vucic' all give 'Vucic'.

    The one comparison form of a spelling (speaker names, quote words, search terms); case is
    left to the caller.
    """
    text = fold(text)
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
