"""An article's headline: the one it is given, else its address's slug, else its first sentence.

Clipping tools and feeds often lose the headline but keep the address, whose last part is
usually the headline in lower case ("/2023/09/11/storm-hits-the-coast-1234567.html"). Its
words take back the capitals and joins the article itself writes them with ("Storm", "al-Amin",
"11,300"). Without a slug the first sentence stands in, without the dateline (ingest has cut
it off already). A gap mark ("[...]", where a copy was cut short) is never a headline.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from urllib.parse import unquote, urlsplit

#: Longest headline made from a first sentence.
TITLE_LENGTH = 90
#: Fewest words (with letters) a slug needs to be a headline rather than a section name.
SLUG_WORDS = 3

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z“\"‘(])|\n\s*\n")
#: A gap mark where a copy was cut: "[...]", "[…]", "[ ... ]".
GAP_MARK = re.compile(r"\[\s*(?:\.\s*){2,}\]|\[\s*…\s*\]")
_PAGE_SUFFIX = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|ece\d?|cms|amp)$", re.IGNORECASE)
_SLUG_SPLIT = re.compile(r"[-_+\s]+")
_WORD = re.compile(r"[^\W\d_][\w’']*")
# "11,300", "2.5", "1 000": a number the slug writes as its bare digits.
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[,.\u00a0]\d{3})+(?![\w]|[.,]\d)")
# Short slug words that are ordinary English, not abbreviations to write in capitals.
_SHORT_WORDS = frozenset({
    "a", "an", "am", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my",
    "no", "of", "oh", "ok", "on", "or", "so", "to", "up", "us", "we",
})


def headline(given: str | None, url: str | None, body: str) -> str | None:
    """The headline to show: `given` when there is one, else the URL's slug, else the first
    sentence of `body`; None when none of them has words."""
    title = _without_gap_marks(given) if given else None
    if title:
        return title
    return title_from_url(url, body) or title_from_body(body)


def title_from_url(url: str | None, body: str = "") -> str | None:
    """The headline a URL's slug spells, written as `body` writes its words; None without a slug."""
    if not url:
        return None
    try:
        path = unquote(urlsplit(url.strip()).path)
    except ValueError:
        return None
    for segment in reversed([s for s in path.split("/") if s]):
        words = [w for w in _SLUG_SPLIT.split(_PAGE_SUFFIX.sub("", segment)) if w]
        while words and _is_identifier(words[-1]):
            words.pop()  # "...-of-1825294": the page's number
        while words and _is_identifier(words[0]):
            words.pop(0)
        if sum(1 for w in words if any(c.isalpha() for c in w)) >= SLUG_WORDS:
            return _as_written(words, body)
    return None


def title_from_body(body: str, length: int = TITLE_LENGTH) -> str | None:
    """The first sentence, shortened on a word boundary; a cut copy's gap mark becomes '…'."""
    body = body.strip()
    if not body:
        return None
    first = _SENTENCE_END.split(body, maxsplit=1)[0]
    cut = bool(GAP_MARK.search(first))
    first = _without_gap_marks(first)
    if not first:
        return None
    first = first.rstrip(".")
    return shorten(first, length) if not cut else shorten(first, length - 1).rstrip("…") + "…"


def shorten(text: str, length: int) -> str:
    """Cut `text` to at most `length` characters on a word boundary, with an ellipsis."""
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0].rstrip(",;:—-– ")
    return cut + "…"


def _without_gap_marks(text: str) -> str | None:
    """The text on one line without gap marks, or None when nothing else is left."""
    line = " ".join(GAP_MARK.sub(" ", text).split())
    return line if any(c.isalnum() for c in line) else None


def _is_identifier(word: str) -> bool:
    """A page number or hash in a slug ("1825294", "a81f9c20"), not a word or a year."""
    digits = sum(c.isdigit() for c in word)
    return (word.isdigit() and len(word) >= 5) or (digits >= 2 and len(word) >= 6 and not word.isdigit())


def _fold(word: str) -> str:
    """Lower case without accents or apostrophes: how a slug spells a word."""
    plain = unicodedata.normalize("NFKD", word)
    return "".join(c for c in plain if not unicodedata.combining(c)).lower().replace("’", "").replace("'", "")


def _as_written(words: list[str], body: str) -> str:
    """Slug words with the capitals, accents and joins the body writes them with."""
    forms = _body_forms(body)
    out: list[str] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words):
            joined = _joined(words[i], words[i + 1], body)
            if joined:
                out.append(joined)
                i += 2
                continue
        word = words[i]
        written = forms.get(_fold(word))
        if written is None:
            low = word.lower()
            written = low.upper() if len(low) == 2 and low.isalpha() and low not in _SHORT_WORDS else low
        out.append(written)
        i += 1
    title = " ".join(out)
    return title[:1].upper() + title[1:]


def _body_forms(body: str) -> dict[str, str]:
    """Each word of the body (folded) to its commonest spelling away from a sentence's start."""
    counts: dict[str, Counter] = {}
    for match in _WORD.finditer(body):
        word = match.group(0)
        before = body[max(0, match.start() - 3) : match.start()].rstrip(" \t\"“‘'(")
        if (not before or before[-1] in ".!?:\n") and not any(c.isupper() for c in word[1:]):
            continue  # a capital that only starts a sentence says nothing
        counts.setdefault(_fold(word), Counter())[word] += 1
    for match in _NUMBER.finditer(body):
        digits = re.sub(r"\D", "", match.group(0))
        counts.setdefault(digits, Counter())[match.group(0)] += 1
    return {key: forms.most_common(1)[0][0] for key, forms in counts.items()}


def _joined(first: str, second: str, body: str) -> str | None:
    """How the body writes two slug words as one ("al-Amin", "11,300", "U.S"), if it does."""
    pattern = rf"(?<![\w]){re.escape(first)}[-,.’'/]{re.escape(second)}(?![\w])"
    match = re.search(pattern, body, re.IGNORECASE)
    return match.group(0) if match else None
