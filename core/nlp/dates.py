"""Dated expressions resolved against the article's date: the spaCy component and its core.

`find_events` does the work on plain text (one regex pass, then per-mention context checks);
`DateFinder` is the spaCy component that feeds it the body, the sentences and the metadata
ingest put in `doc.user_data`.

Which anchor a relative expression is read against:
- in a photo caption that ends with its own date (", Tuesday, May 30, 2023."), that date;
- inside a quotation or a reported clause whose statement is dated ("..., he said on
  Monday"), the day it was said;
- for "the next day", "earlier in the day" and the like, the day of the event told just
  before (within a few sentences);
- otherwise the article's publication date, or the inferred one (see pubdate).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import replace

from briefing.core.models import Event
from briefing.core.nlp import datelex as lex
from briefing.core.nlp.context import BriefingContext, quote_runs, quoted_passages, story_names
from briefing.core.nlp.event_roles import own_date_mentions, possible_mentions, role_of
from briefing.core.nlp.pubdate import ArticleEvidence, infer_published
from briefing.core.nlp.sentences import token_columns
from briefing.core.nlp.speech_marks import QuoteSpan, doc_quote_spans, doc_text, find_quote_spans
from briefing.core.nlp.temporal_resolve import Resolution, needs_tense, resolve, tense_of
from briefing.core.nlp.temporal_scan import Mention, scan, token_candidates
from spacy.language import Language
from spacy.tokens import Doc

#: Key in Doc.user_data with the article's metadata (the same as pipeline.ARTICLE_KEY).
ARTICLE_KEY = "briefing.article"
#: Length of the sentence line stored with each event.
SENTENCE_CHARS = 160
#: How many sentences back "the next day" looks for the day it counts from.
ANAPHORA_SENTENCES = 3
#: Mention kinds whose value depends on an anchor day.
RELATIVE_KINDS = frozenset({"weekday", "deictic", "relunit", "ago", "anaphoric", "range"})
#: Verbs of a publication note whose date is the article's own publication date.
PUBLISHING_VERBS = frozenset({"dateline", "published", "posted", "appeared"})

_WORD = re.compile(r"[A-Za-z]+")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+\Z")
#: Words that open a reported clause: a time after them belongs to what was said.
_CLAUSE_WORDS = frozenset({
    "that", "to", "would", "will", "could", "should", "might", "may", "must", "was", "were",
    "is", "are", "had", "has", "have", "be", "been", "if", "whether", "when", "they", "he", "she",
    "it", "we", "i", "you",
})
# End punctuation before a capital or an opening quote, or a blank line.
_FALLBACK_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’»)]*[ \t\u00a0]*\n?[ \t\u00a0]*(?=[A-Z“\"‘(«„])|\n[ \t]*\n\s*")


@Language.factory("briefing_dates")
def make_dates(nlp: Language, name: str) -> DateFinder:
    """Factory for the date finder."""
    return DateFinder()


class DateFinder:
    """Sets doc._.briefing_events (list of core.models.Event) and doc._.briefing_inferred_published."""

    def __init__(self) -> None:
        for ext in ("briefing_events", "briefing_inferred_published"):
            if not Doc.has_extension(ext):
                Doc.set_extension(ext, default=None)

    def __call__(self, doc: Doc) -> Doc:
        """Find dated expressions, infer the publication date when the article has none."""
        info = doc.user_data.get(ARTICLE_KEY) or {}
        sentences = candidates = None
        if doc.has_annotation("SENT_START"):
            columns = token_columns(doc)
            candidates = token_candidates(columns.words, columns.starts)
            sentences = [
                (columns.starts[first], columns.starts[last - 1] + len(columns.words[last - 1]))
                for first, last in columns.sentences
            ]
        text = doc_text(doc)
        events, inferred = find_events(
            text,
            published=info.get("published"),
            copyright_year=info.get("copyright_year"),
            captured=info.get("captured"),
            context=info.get("context"),
            sentences=sentences,
            quote_spans=doc_quote_spans(doc, text),
            candidates=candidates,
            url=info.get("url"),
            dateline=info.get("dateline"),
        )
        doc._.briefing_events = events
        doc._.briefing_inferred_published = inferred
        return doc


def find_events(
    text: str,
    *,
    published: str | None = None,
    copyright_year: int | None = None,
    captured: str | None = None,
    context: BriefingContext | None = None,
    sentences: Iterable[tuple[int, int]] | None = None,
    quote_spans: list[QuoteSpan] | None = None,
    candidates: Iterable[int] | None = None,
    url: str | None = None,
    dateline: tuple[str, int] | None = None,
) -> tuple[list[Event], tuple[str, str] | None]:
    """Events (offsets into `text`) and, for an undated text, the inferred (date, reason).

    `quote_spans` are the text's quoted spans (speech_marks.find_quote_spans), found here when
    not given: dates and quotes agree on what is quoted. `candidates` are where expressions may
    begin (temporal_scan.token_candidates, from the tokenizer's words), found here when not given.
    `dateline` is the date of a dateline ingest cut off before the text, as written, with its
    offset from the text's start (negative); `url` the article's address. Each event has a
    role (event_roles): the article's own dates come back with the role "dateline"."""
    mentions = scan(text, candidates)
    head = _head_dateline(dateline)
    spans = _clean_sentences(text, sentences) if sentences is not None else fallback_sentences(text)
    starts = [s for s, _ in spans]
    where = [_sentence_index(starts, spans, m.start) for m in mentions]
    tenses = [
        tense_of(text[spans[i][0] : spans[i][1]], m.start - spans[i][0], m.end - spans[i][0])
        if i is not None and needs_tense(m)
        else None
        for m, i in zip(mentions, where)
    ]
    own = own_date_mentions(text, mentions)
    if quote_spans is None:
        quote_spans = find_quote_spans(text)
    anchor = _parse_day(published)
    inferred = None
    if anchor is None:
        evidence = ArticleEvidence(
            copyright_year=copyright_year,
            captured=captured,
            url=url,
            names=story_names(text),
            quote_runs=frozenset(quote_runs(quoted_passages(text))),
            dateline=(head.month, head.day, head.year, head.expression) if head and head.kind == "date" else None,
            printed=tuple(
                (resolution.value, " ".join(mentions[n].expression.split()))
                for n, how in own.items()
                if how in PUBLISHING_VERBS and mentions[n].year is not None
                for resolution in [resolve(mentions[n], None, None)]
                if resolution and resolution.granularity == "day"
            ),
        )
        statements = [_dates_a_statement(text, m) for m in mentions]
        inferred = infer_published(mentions, tenses, evidence=evidence, context=context, statements=statements)
        anchor = _parse_day(inferred[0]) if inferred else None

    # (start, end, end of the whole quote): a quote over several paragraphs ends in its last.
    run_end = {q.run: q.end for q in quote_spans}
    quotes = [(q.start, q.end, run_end[q.run]) for q in quote_spans]
    resolved: list[tuple[Resolution, dt.date | None] | None] = [None] * len(mentions)
    special: dict[int, str] = {}
    captions = _caption_dates(text, mentions, spans, where, anchor, tenses)
    for n, m in enumerate(mentions):
        if m.kind in RELATIVE_KINDS and where[n] in captions and n != captions[where[n]][0]:
            special[n] = "caption"
        elif m.kind == "anaphoric":
            special[n] = "anaphoric"
        elif m.kind in RELATIVE_KINDS and where[n] is not None:
            special[n] = "speech"

    # Pass 1: everything read against the article's own date.
    for n, m in enumerate(mentions):
        if special.get(n) in ("caption", "anaphoric"):
            continue
        result = resolve(m, anchor, tenses[n])
        if result:
            resolved[n] = (result, anchor if _needs_anchor(m) else None)
    # Pass 2: captions, quotations with a dated statement, and "the next day".
    for n, m in enumerate(mentions):
        how = special.get(n)
        if how == "caption":
            caption_day = captions[where[n]][1]
            result = resolve(m, caption_day, tenses[n])
            resolved[n] = (_renamed(result, "caption-relative"), caption_day) if result else None
        elif how == "speech":
            said = _speech_day(text, n, mentions, resolved, where, spans, quotes, starts)
            if said is not None:
                result = resolve(m, said, tenses[n])
                if result:
                    resolved[n] = (_renamed(result, "quote-relative"), said)
        elif how == "anaphoric":
            previous = _previous_day(n, mentions, resolved, where)
            if previous is not None:
                result = resolve(m, previous, tenses[n])
                resolved[n] = (_renamed(result, "previous-event"), previous) if result else None
            elif anchor is not None and m.modifier.startswith(lex.TODAY_WITHOUT_EVENT):
                # "Earlier in the day" opening a story is today; "two days later", "that night"
                # and "the next morning" need an event to count from.
                result = resolve(m, anchor, tenses[n])
                resolved[n] = (result, anchor) if result else None

    alternatives, hedged = possible_mentions(text, mentions)
    events = []
    if head is not None:
        result = resolve(head, anchor, None)
        if result:
            events.append(_event(head, result, anchor if _needs_anchor(head) else None, head.expression, head.start, head.end, "dateline"))
    for n, m in enumerate(mentions):
        if resolved[n] is None:
            continue
        result, used = resolved[n]
        s_start, s_end = spans[where[n]] if where[n] is not None else (m.start, m.end)
        if n in own:
            role = "dateline"
        else:
            told_on = used if result.rule in ("quote-relative", "caption-relative") else None
            role = role_of(
                result.value, result.granularity, told_on, anchor, alternative=n in alternatives, hedged=n in hedged
            )
        events.append(_event(m, result, used, short_sentence(text, s_start, s_end, m.start, m.end), s_start, s_end, role))
    return events, inferred


def _event(m: Mention, result: Resolution, used: dt.date | None, sentence: str, s_start: int, s_end: int, role: str) -> Event:
    return Event(
        start=m.start,
        end=m.end,
        expression=m.expression,
        value=result.value,
        granularity=result.granularity,
        anchor=used.isoformat() if used else None,
        rule="dateline" if role == "dateline" and m.kind == "date" else result.rule,
        sentence=sentence,
        sentence_start=s_start,
        sentence_end=s_end,
        role=role,
    )


def _head_dateline(dateline: tuple[str, int] | None) -> Mention | None:
    """The date of a dateline before the text, as a mention at its (negative) offset."""
    if not dateline:
        return None
    written, offset = dateline
    for m in scan(written):
        if m.kind == "date":
            return replace(m, start=m.start + offset, end=m.end + offset)
    return None


def _dates_a_statement(text: str, m: Mention) -> bool:
    """True for a weekday right beside a verb of saying: 'said Monday', 'on Monday said'."""
    if m.weekday is None:
        return False
    before = _WORD_BEFORE.search(text, max(0, m.start - 30), m.start)
    after = _WORD.match(text, m.end + 1) if text[m.end : m.end + 1] == " " else None
    return bool(
        (before and before.group(1).lower() in lex.SPEECH_VERBS)
        or (after and after.group(0).lower() in lex.SPEECH_VERBS)
    )


def _needs_anchor(m: Mention) -> bool:
    """True when the value depended on the anchor (anything without its own year)."""
    return m.kind in RELATIVE_KINDS or (m.kind in ("date", "month") and m.year is None) or (
        m.kind == "numeric" and len(m.readings) > 1
    )


def _renamed(result: Resolution | None, rule: str) -> Resolution | None:
    return Resolution(result.value, result.granularity, rule) if result else None


def _parse_day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except (ValueError, TypeError):
        return None


# --- sentences ---------------------------------------------------------------------------------


def _clean_sentences(text: str, sentences: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans without their surrounding whitespace, empty ones dropped."""
    spans = []
    for start, end in sentences:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def fallback_sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans for texts that come without a sentence splitter (tests, scripts)."""
    spans, start = [], 0
    for boundary in _FALLBACK_BOUNDARY.finditer(text):
        if boundary.end() > start:
            spans.append((start, boundary.start() if boundary.start() > start else boundary.end()))
            start = boundary.end()
    spans.append((start, len(text)))
    return _clean_sentences(text, spans)


def _sentence_index(starts: list[int], spans: list[tuple[int, int]], pos: int) -> int | None:
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and pos < spans[i][1]:
        return i
    return None


def short_sentence(text: str, start: int, end: int, m_start: int, m_end: int, limit: int = SENTENCE_CHARS) -> str:
    """The sentence as one line of at most ~limit characters, cut on word boundaries, keeping
    the expression in view."""
    line = " ".join(text[start:end].split())
    if len(line) <= limit:
        return line
    # Where the expression falls in the collapsed line.
    prefix = " ".join(text[start:m_start].split())
    at = len(prefix) + (1 if prefix else 0)
    expression_len = len(" ".join(text[m_start:m_end].split()))
    left = 0
    if at + expression_len > limit - 20:
        left = max(0, at - limit // 3)
        space = line.rfind(" ", 0, left + 1)
        left = space + 1 if space > 0 else left
    right = min(len(line), left + limit - (1 if left else 0) - 1)
    if right < len(line):
        space = line.rfind(" ", left, right + 1)
        if space > at + expression_len - 1:
            right = space
    piece = line[left:right].rstrip(" ,;:—–-")
    return ("…" if left else "") + piece + ("…" if right < len(line) else "")


# --- special anchors ---------------------------------------------------------------------------


def _caption_dates(text, mentions, spans, where, anchor, tenses) -> dict[int, tuple[int, dt.date]]:
    """Sentences that end with their own full date (photo-caption style), with that date."""
    found: dict[int, tuple[int, dt.date]] = {}
    for n, m in enumerate(mentions):
        i = where[n]
        if i is None or m.kind not in ("date", "numeric") or m.year is None:
            continue
        tail = text[m.end : spans[i][1]]
        lead = text[max(spans[i][0], m.start - 3) : m.start]
        if tail.strip(" .\"”’)") or not lead.rstrip().endswith(","):
            continue
        result = resolve(m, anchor, tenses[n])
        if result and result.granularity == "day":
            found[i] = (n, dt.date.fromisoformat(result.value))
    # A relative time right before the date in apposition ("tomorrow, Tuesday, May 30") is
    # that same day, not relative to it: leave such sentences to the ordinary rules.
    for i, (n, _day) in list(found.items()):
        if n > 0 and where[n - 1] == i and not text[mentions[n - 1].end : mentions[n].start].strip(" ,"):
            del found[i]
    return found


def _speech_day(text, n, mentions, resolved, where, spans, quotes, starts) -> dt.date | None:
    """The day a statement was made, when mention n sits inside what was said.

    The statement's day is a day-level time attached to a verb of saying in the same
    sentence, outside quotation marks: right after it ("he said on Monday", "told reporters
    on Monday") or before it without a comma ("Vucic on Monday said"), or opening the
    sentence ("On Monday, she told ..."). A time that is itself a statement's day stays
    anchored on the article. Inside a quotation of several sentences (or paragraphs) the
    statement is the one where the quotation closes: "“Talks begin tomorrow. We are
    ready,” Vucic told reporters on Monday."
    """
    m = mentions[n]
    quote = _containing(quotes, m.start, m.end)
    if quote is None:
        return _said_on(text, n, mentions, resolved, where, spans, quotes, where[n], False)
    # The sentence the quotation closes in (its cue follows the closing mark: ',” he said').
    close = _sentence_index(starts, spans, quote[2] - 1)
    target = close if close is not None and close > where[n] else where[n]
    return _said_on(text, n, mentions, resolved, where, spans, quotes, target, True)


def _said_on(text, n, mentions, resolved, where, spans, quotes, i, in_quote) -> dt.date | None:
    """The statement's day from sentence i for mention n (see _speech_day)."""
    m = mentions[n]
    # Only another day-level time in that sentence can date the statement (a bounded look).
    others = []
    for k in range(max(0, n - 8), min(len(mentions), n + 25)):
        if k != n and where[k] == i and resolved[k] is not None and resolved[k][0].granularity == "day":
            others.append(k)
    if not others:
        return None
    s_start, s_end = spans[i]
    verbs = [(w.start(), w.end()) for w in _WORD.finditer(text, s_start, s_end) if w.group(0).lower() in lex.SPEECH_VERBS]
    if not verbs:
        return None
    if not in_quote and _dates_statement(text, s_start, m, verbs):
        return None
    for k in others:
        other = mentions[k]
        if _inside(quotes, other.start, other.end):
            continue
        attached = _dates_statement(text, s_start, other, verbs)
        # Inside the quotation, or in the clause the verb reports ("said on Monday that ...").
        if attached and (in_quote or m.start > max(attached[1], other.end)):
            return dt.date.fromisoformat(resolved[k][0].value)
    return None


def _dates_statement(text: str, sentence_start: int, mention: Mention, verbs) -> tuple[int, int] | None:
    """The verb of saying a time is attached to, or None."""
    for v0, v1 in verbs:
        if v1 <= mention.start:
            # Only an object or a place between verb and time: "told reporters in Belgrade".
            gap = text[v1 : mention.start]
            if len(gap) <= 30 and not any(ch in gap for ch in ".;,\"“”") and not _CLAUSE_WORDS.intersection(gap.lower().split()):
                return v0, v1
        else:
            gap = text[mention.end : v0]
            opening = not text[sentence_start : mention.start].strip(" \"“")
            if len(gap) <= 25 and not any(ch in gap for ch in ".;\"“”") and (opening or "," not in gap):
                return v0, v1
    return None


def _containing(quotes: list[tuple[int, int, int]], start: int, end: int) -> tuple[int, int, int] | None:
    """The (sorted) quotation span [start, end) lies inside, if any."""
    i = bisect.bisect_right(quotes, (start, float("inf"))) - 1
    return quotes[i] if i >= 0 and quotes[i][0] < start and end <= quotes[i][1] else None


def _inside(quotes: list[tuple[int, int, int]], start: int, end: int) -> bool:
    """True when [start, end) lies inside one of the (sorted) quotation spans."""
    return _containing(quotes, start, end) is not None


def _previous_day(n, mentions, resolved, where) -> dt.date | None:
    """Day of the nearest earlier day-level event within a few sentences, for 'the next day'."""
    if where[n] is None:
        return None
    for k in range(n - 1, -1, -1):
        if where[k] is None or where[n] - where[k] > ANAPHORA_SENTENCES:
            break
        if resolved[k] is not None and resolved[k][0].granularity == "day":
            return dt.date.fromisoformat(resolved[k][0].value)
    return None
