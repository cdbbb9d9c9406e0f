"""Quotes and their speakers: direct quotes, reported speech, and who said them.

The component joins three readings of a document: the quoted spans (`speech_marks`), the speech
cues (`speech_cues`) and the speakers (`speakers`). A quoted span is speech only when a cue
attributes it — after it ("…,” he said), before it (Meloni said: “…”), around it (a fragment
inside reported speech) — or when it stands as a sentence of its own next to other quotes (the
next sentence of the same speaker). Anything else in quotation marks is a name, a title or a
scare quote, and is left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from briefing.core.models import Quote
from briefing.core.nlp import lexicon as lx
from briefing.core.nlp.coreference import ArticleSpeakers, as_speaker
from briefing.core.nlp.mentions import appositive_heads, find_documents, find_mentions
from briefing.core.nlp.noun_phrases import PhraseReader
from briefing.core.nlp.sentences import blank_line_paragraphs, is_paragraph_break
from briefing.core.nlp.speakers import Entity, SpeakerBook
from briefing.core.nlp.speech_cues import Cue, find_cues
from briefing.core.nlp.speech_marks import QuoteSpan, doc_quote_spans, doc_text
from briefing.core.nlp.token_view import TokenView
from briefing.core.settings import Settings
from spacy.language import Language
from spacy.tokens import Doc

#: Fewest words an indirect quote may have ("said so" and "called for calm" are not quotes).
MIN_INDIRECT_WORDS = 3
#: Fewest words of a quotation that stands alone without a cue of its own.
MIN_STANDALONE_WORDS = 3
#: Words allowed between the start of a sentence and a quote its trailing cue attributes
#: ("In a statement, “…,” NATO said").
MAX_INTRO_WORDS = 4

_TRAILING = " \t\n\r\f\v\u00a0,;:.!?…-–—"
_NEWLINES = re.compile(r"\n\s*")


@Language.factory("briefing_quotes", default_config={"settings": {}})
def make_quotes(nlp: Language, name: str, settings: dict) -> QuoteFinder:
    """Factory for the quote finder."""
    return QuoteFinder(settings)


@dataclass
class _Item:
    """A quote being assembled: its range, kind and where its speaker comes from."""

    start: int
    end: int
    kind: str
    cue: Cue | None = None
    #: "cue", "run" (another paragraph of a quote a cue attributes), "continuation" (no cue of
    #: its own), "colon" (Name: “…”) or "dash" (“…” — Name).
    source: str = "cue"
    phrase: tuple[int, int] | None = None  # speaker tokens when source is colon or dash
    parent: _Item | None = None
    run: int = -1
    entity: Entity | None = None
    attribution: str = "unknown"
    as_written: str = ""
    pos: int = -1  # where its speaker was read


class QuoteFinder:
    """Sets doc._.briefing_quotes to a list of core.models.Quote (body-relative offsets)."""

    def __init__(self, settings: dict) -> None:
        if not Doc.has_extension("briefing_quotes"):
            Doc.set_extension("briefing_quotes", default=None)
        self.settings = settings
        self.book = SpeakerBook(Settings.from_dict(settings or {}))

    def __call__(self, doc: Doc) -> Doc:
        """Find quotes."""
        if not Doc.has_extension("briefing_quotes"):  # a worker process of nlp.pipe(n_process=…)
            Doc.set_extension("briefing_quotes", default=None)
        doc._.briefing_quotes = extract_quotes(doc, self.book)
        return doc


def extract_quotes(doc: Doc, book: SpeakerBook) -> list[Quote]:
    """Every quote of a sentence-split document, ordered by position."""
    text = doc_text(doc)
    if not text.strip():
        return []
    spans = doc_quote_spans(doc, text)
    view = TokenView(doc, spans, text)
    cues = find_cues(view)
    return _Assembler(view, cues, book).quotes()


class _Assembler:
    """Turns spans and cues into quotes with resolved speakers."""

    def __init__(self, view: TokenView, cues: list[Cue], book: SpeakerBook) -> None:
        self.view = view
        self.text = view.text
        self.cues = cues
        self.book = book
        self.items: list[_Item] = []
        self.by_span: dict[int, _Item] = {}  # span start -> its item
        self.attached_runs: dict[int, _Item] = {}  # run -> the first item attached to a cue
        self.runs: dict[int, list[QuoteSpan]] = {}
        for span in view.spans:
            self.runs.setdefault(span.run, []).append(span)
        blank = blank_line_paragraphs(self.text)
        #: Whether each paragraph read so far is a crosshead, by paragraph number.
        self._crosshead_paragraphs: dict[int, bool] = {}
        self.paragraph_starts = [m.end() for m in _NEWLINES.finditer(self.text) if is_paragraph_break(m.group(), blank)]
        sentence_starts = [view.starts[start] for start, _end in view.sent_bounds]
        self.speakers = self._article_speakers(book, sentence_starts)

    def _article_speakers(self, book: SpeakerBook, sentence_starts: list[int]) -> ArticleSpeakers:
        """The article's names, the appositives that describe them and the documents it cites."""
        view = self.view
        mentions = find_mentions(view)
        return ArticleSpeakers(
            book, view.words, mentions, sentence_starts,
            appositive_heads(view, mentions), find_documents(view, PhraseReader(view)),
        )

    def quotes(self) -> list[Quote]:
        """Assemble, resolve and emit."""
        for cue in self.cues:
            self._attach(cue)
        for span in self.view.spans:
            if span.start not in self.by_span:
                self._unattributed(span)
        self._resolve()
        return self._emit()

    # --- attaching quotes to cues ---------------------------------------------------------------

    def _attach(self, cue: Cue) -> None:
        if cue.direction == "forward" or cue.direction == "none":
            # “A,” Scholz said, “B.”: the quote before a mid-sentence cue is the speaker's too.
            self._attach_before(cue)
        if cue.direction == "none" or cue.content_start < 0:
            return
        view, text = self.view, self.text
        start, end = cue.content_start, cue.content_end
        if cue.direction == "backward":
            e = end
            while e > start and text[e - 1] in " \t\n,—–-":
                e -= 1
            span = view.span_at(e - 1) if e > start else None
            if span is not None and span.end == e and span.start not in self.by_span:
                intro = text[start : span.start]
                if span.start <= start or (len(intro.split()) <= MAX_INTRO_WORDS and intro.rstrip().endswith(",")):
                    self._direct_run(span, cue, last=True)
                    return
            self._reported(cue, start, e)
            return
        span = view.span_starting(start)
        if span is not None and span.start not in self.by_span:
            rest = text[span.end : max(end, span.end)]
            # After a colon the quotation is what was said; words after it are the narrator's.
            colon = text[cue.cue_start : cue.cue_end].rstrip().endswith(":")
            if colon or not any(ch.isalnum() for ch in rest):
                self._direct_run(span, cue, last=False)
                return
        self._reported(cue, start, end)

    def _attach_before(self, cue: Cue) -> None:
        """Attach the quote that ends right before a cue's speaker ("“A,” he said, “B”")."""
        if cue.speaker is None or cue.cls in ("according", "act", "naming"):
            return
        view, text = self.view, self.text
        first = min(view.starts[cue.speaker.first], cue.cue_start)
        e = first
        while e > 0 and text[e - 1] in " \t,—–-":
            e -= 1
        span = view.span_at(e - 1) if e > 0 else None
        if span is None or span.end != e or span.start in self.by_span:
            return
        open_token = view.token_at(span.start)
        lo = view.sentence(view.token_at(first))[0]
        if view.starts[lo] >= span.start or not self._has_words(lo, open_token):
            self._direct_run(span, cue, last=True)

    def _has_words(self, start: int, end: int) -> bool:
        """Whether tokens [start, end) hold a word; a long stretch counts as words (bounded check)."""
        if end - start > 12:
            return True
        return any(not self.view.is_punct(k) for k in range(start, end))

    def _direct_run(self, span: QuoteSpan, cue: Cue, last: bool) -> None:
        """Attach a span and the other paragraphs of its quote to a cue."""
        item = self._add_span(span, cue, "cue")
        if span.run in self.attached_runs:
            return
        self.attached_runs[span.run] = item
        run = self.runs.get(span.run, ())
        if len(run) > 1:
            for other in run:
                if other is not span and other.start not in self.by_span:
                    if (last and other.start < span.start) or (not last and other.start > span.start):
                        self._add_span(other, cue, "run")

    def _add_span(self, span: QuoteSpan, cue: Cue | None, source: str, parent: _Item | None = None) -> _Item:
        start, end = _trim(self.text, span.inner_start, span.inner_end)
        item = _Item(start, end, "direct", cue, source, parent=parent, run=span.run)
        self.items.append(item)
        self.by_span[span.start] = item
        return item

    def _reported(self, cue: Cue, start: int, end: int) -> None:
        """Reported speech in [start, end): an indirect or mixed quote plus its quoted fragments."""
        view, text = self.view, self.text
        inner = view.spans_between(start, end)
        for span in inner:
            end = max(end, span.end)  # a fragment may run past the sentence end
        while start < end and text[start].isspace():
            start += 1
        end = _strip_end(text, start, end)
        parent = None
        outside = text[start:end]
        for span in reversed(inner):
            outside = outside[: max(0, span.start - start)] + outside[max(0, span.end - start) :]
        # Reported words with a quotation inside are a mixed quote; a quotation and nothing
        # else ("said: “…”") is the direct quote alone.
        if cue.asserted and len(text[start:end].split()) >= MIN_INDIRECT_WORDS and any(ch.isalnum() for ch in outside):
            kind = "mixed" if inner else "indirect"
            parent = _Item(start, end, kind, cue, "cue")
            self.items.append(parent)
        for span in inner:
            if span.start not in self.by_span and span.end <= end + 1:
                self._add_span(span, cue, "cue", parent=parent)

    def _unattributed(self, span: QuoteSpan) -> None:
        """A span no cue claimed: a Name: “…” line, a “…” — Name line, or a standalone sentence."""
        view, text = self.view, self.text
        first = view.token_at(span.start)
        lo, hi = view.sentence(first)
        phrase = self._colon_name(first, lo)
        if phrase is not None:
            item = self._add_span(span, None, "colon")
            item.phrase = phrase
            return
        phrase = self._dash_line(span)
        if phrase is not None:
            item = self._add_span(span, None, "dash")
            item.phrase = phrase
            return
        phrase = self._crosshead_name(span, lo)
        if phrase is not None:
            # "- Ukraine 'strongly condemns' -": a crosshead that names its speaker.
            item = self._add_span(span, None, "colon")
            item.phrase = phrase
            return
        run = self.runs.get(span.run, ())
        if span.run in self.attached_runs:
            self._add_span(span, None, "run")
            return
        inner = text[span.inner_start : span.inner_end]
        if len(inner.split()) < MIN_STANDALONE_WORDS or not _starts_sentence(inner):
            return
        # Alone in its sentence: nothing but punctuation before the opening mark or after the
        # closing one (a sentence may end inside the quote and the next begin after it).
        close = view.token_at(span.end - 1)
        alone = not self._has_words(lo, first) and not self._has_words(close + 1, view.sentence(close)[1])
        if alone and (inner.rstrip()[-1:] in ".!?…" or not span.closed or len(run) > 1):
            self._add_span(span, None, "continuation")

    def _crosshead_name(self, span: QuoteSpan, lo: int) -> tuple[int, int] | None:
        """The name opening a dash-set crosshead before its quoted words ("- Ukraine 'strongly
        condemns' -"), or None."""
        view = self.view
        if not self._is_crosshead(span.start) or self.text[self._paragraph_start(span.start):].lstrip()[:1] not in "-–—":
            return None
        k = lo
        while k < len(view) and view.words[k] in lx.DASHES:
            k += 1
        j = k
        while j < len(view) and view.is_name(j) and view.starts[j] < span.start:
            j += 1
        if j == k or view.starts[j] != span.start:
            return None
        return k, j

    def _paragraph_start(self, pos: int) -> int:
        k = self._paragraph(pos)
        return self.paragraph_starts[k - 1] if k > 0 else 0

    def _colon_name(self, first: int, lo: int) -> tuple[int, int] | None:
        """"Vucic: “…”" — a name, a colon and the quote."""
        view = self.view
        colon = first - 1
        if colon <= lo or view.words[colon] != ":" or colon - lo > 6:
            return None
        if not all(view.is_cap(k) or view.lowers[k] in ("'s", "’s") or view.lowers[k] in lx.TITLE_WORDS for k in range(lo, colon)):
            return None
        if colon - lo > 6 or not view.is_name(colon - 1):
            return None
        return lo, colon

    def _dash_line(self, span: QuoteSpan) -> tuple[int, int] | None:
        """"“…” — Josep Borrell, EU foreign policy chief" at the end of a paragraph."""
        view = self.view
        k = view.token_at(span.end)
        if k < len(view) and view.starts[k] < span.end:
            k += 1
        if k < len(view) and view.words[k] in (",", "."):
            k += 1
        if k >= len(view) or view.words[k] not in lx.DASHES:
            return None
        k += 1
        j = k
        while j < len(view) and j - k < 6 and view.is_name(j):
            j += 1
        if j == k or (j < len(view) and view.words[j] not in (",", ".") and "\n" not in view.words[j]):
            return None
        return k, j

    # --- speakers -------------------------------------------------------------------------------

    def _resolve(self) -> None:
        """Name every item's speaker, reading cues and quotes in text order."""
        events: list[tuple[int, int, object]] = []
        # A cue that gave no quote (an act, or a speech act whose object was too short to
        # quote: "expressed concern") still shows who acted, for a later "the mission said".
        quoted = {id(item.cue) for item in self.items if item.cue is not None}
        for cue in self.cues:
            if cue.cls == "act" or id(cue) not in quoted:
                events.append((self._cue_pos(cue), 0, cue))
        for item in self.items:
            if item.source == "cue" and item.cue is not None:
                events.append((self._cue_pos(item.cue), 1, item))
            elif item.source in ("colon", "dash"):
                events.append((item.start, 1, item))
            elif item.source == "continuation":
                events.append((item.start, 2, item))
        events.sort(key=lambda e: (e[0], e[1]))
        resolved: dict[int, tuple[Entity | None, str, str]] = {}  # id(cue) -> its speaker
        for pos, _order, payload in events:
            if isinstance(payload, Cue):
                entity, _how, written = self._cue_speaker(payload, pos)
                if entity is not None:
                    self.speakers.record(pos, entity, spoke=False, written=written)
                continue
            item = payload
            if item.source == "continuation":
                previous = self.speakers.last_speaker(item.start, acts=True)
                if previous is not None and self._paragraph(item.start) - self._paragraph(previous.pos) <= 1:
                    # The words go on from the attribution before them: so does how it named the speaker.
                    item.entity, item.attribution, item.as_written = previous.entity, "continuation", previous.written
                else:
                    item.attribution = "unknown"
                continue
            if item.source in ("colon", "dash"):
                words = self.view.words[item.phrase[0] : item.phrase[1]]
                item.entity = self.speakers.name(words, pos)
                item.attribution = _attribution(item.entity) if item.entity else "unknown"
                item.as_written = self._phrase_text(*item.phrase)
            else:
                key = id(item.cue)
                if key not in resolved:
                    resolved[key] = self._cue_speaker(item.cue, pos)
                item.entity, item.attribution, item.as_written = resolved[key]
            item.pos = pos
            if item.entity is not None:
                self.speakers.record(pos, item.entity, heads=self._heads(item), written=item.as_written)
        # A role named before the person is ("the bloc's foreign policy chief … EU foreign
        # policy chief Josep Borrell") is that person, when the article has only one such.
        named = [item.entity for item in self.items if item.entity is not None]
        for item in self.items:
            if item.entity is not None and not item.entity.named:
                item.entity = self.speakers.settle(item.entity, item.pos, named)
        self._crossheads()
        for item in self.items:
            if item.entity is not None:
                item.entity = as_speaker(item.entity)
        # Other paragraphs of a multi-paragraph quote take the speaker of the attributed one.
        for item in self.items:
            if item.source == "run":
                mate = self.attached_runs.get(item.run)
                if mate is not None and mate.entity is not None:
                    item.entity, item.attribution, item.as_written = mate.entity, "continuation", mate.as_written

    def _crossheads(self) -> None:
        """A crosshead names the section's speaker by country or by role ("- Italy voices 'deep
        shock' -", "- NATO chief urges …"): it is the person quoted under it, when one is."""
        items = sorted((i for i in self.items if i.entity is not None), key=lambda i: i.start)
        for n, item in enumerate(items):
            if item.entity.kind == "person" and item.entity.named and " " in item.entity.name or not self._is_crosshead(item.start):
                continue
            paragraph = self._paragraph(item.start)
            for later in items[n + 1 :]:
                if self._is_crosshead(later.start) or self._paragraph(later.start) > paragraph + 2:
                    break
                if later.entity.kind == "person" and later.entity.named and " " in later.entity.name and later.source != "continuation":
                    item.entity = later.entity
                    break

    def _is_crosshead(self, pos: int) -> bool:
        """Whether pos lies in a crosshead: a short paragraph set between dashes, or of a few
        words without a full stop."""
        k = self._paragraph(pos)
        if k not in self._crosshead_paragraphs:
            self._crosshead_paragraphs[k] = self._paragraph_is_crosshead(k)
        return self._crosshead_paragraphs[k]

    def _paragraph_is_crosshead(self, k: int) -> bool:
        """Whether paragraph k is a crosshead (read once a paragraph, however many quotes it holds)."""
        start = self.paragraph_starts[k - 1] if k > 0 else 0
        end = self.paragraph_starts[k] if k < len(self.paragraph_starts) else len(self.text)
        line = self.text[start:end].strip()
        if line[:1] in "-–—" and line[-1:] in "-–—":
            return True
        # Eleven words are enough to tell: a long paragraph is never split whole (it may be
        # read once for each quote in it).
        return len(line.split(maxsplit=10)) <= 10 and line[-1:] not in ".!?…:\"”’'" and k > 0

    def _heads(self, item: _Item) -> tuple[str, ...]:
        """Head nouns of the phrase that named an item's speaker, every appositive included
        ("The NATO-led peacekeeping force, known as KFOR" → force, kfor)."""
        phrase = item.cue.speaker if item.source == "cue" and item.cue is not None else None
        if phrase is None or phrase.kind not in ("proper", "common"):
            return ()
        lowers = self.view.lowers
        heads = [lowers[phrase.end - 1]]
        if phrase.first < phrase.start:
            # The first appositive's head: the last word before its first comma or bracket.
            k = phrase.first
            while k < phrase.start and lowers[k] not in (",", "(") and lowers[k] not in lx.POSTMODIFIERS:
                k += 1
            if k > phrase.first:
                heads.append(lowers[k - 1])
        return tuple(heads)

    def _cue_pos(self, cue: Cue) -> int:
        """Where a cue names its speaker: the reading position for context."""
        return self.view.starts[cue.speaker.start] if cue.speaker is not None else cue.cue_start

    def _cue_speaker(self, cue: Cue, pos: int) -> tuple[Entity | None, str, str]:
        """(entity, attribution, speaker as written) of a cue."""
        view = self.view
        phrase = cue.speaker
        if phrase is None:
            return None, "unknown", ""
        written = self._phrase_text(phrase.start, phrase.end)
        if phrase.kind == "pronoun":
            word = view.lowers[phrase.start]
            entity = self.speakers.pronoun(lx.OBJECT_TO_SUBJECT.get(word, word), pos)
            return entity, "pronoun" if entity else "unknown", written
        if phrase.refers is not None:
            phrase = replace(phrase, start=phrase.refers[0], end=phrase.refers[1])  # "who" → its antecedent
        words = view.words[phrase.start : phrase.end]
        if view.lowers[phrase.end - 1] == "another" or view.lowers[phrase.end - 1] in lx.ORDINALS:
            # "said one resident … said another … said a third": another of the same.
            entity = self.speakers.another(" ".join(w.lower() for w in words), pos)
        else:
            entity = self.speakers.name(words, pos)
        if entity is not None and not entity.named:
            entity = self._refer_back(entity, pos)
        if entity is None:
            return None, "unknown", written
        if cue.cls == "according":
            return entity, "according-to", written
        return entity, _attribution(entity), written

    def _refer_back(self, entity: Entity, pos: int) -> Entity:
        """What a short description stands for: "the statement" → who issued it; "the mission",
        "the company", "the spokesperson" (also inside "a spokesperson for the company") → the
        organisation the article named before."""
        name = entity.name.lower()
        words = name.split()
        head = words[-1] if words else ""
        if head in lx.ISSUED_NOUNS:
            return self.speakers.issuer(pos) or entity
        definite = words[:1] in (["the"], ["its"]) and len(words) <= 3
        if definite and (head in lx.ORG_WORDS or head in lx.REPRESENTATIVE_NOUNS or head in lx.COMPANY_WORDS):
            return self.speakers.antecedent(head, pos) or entity
        return entity

    def _phrase_text(self, start: int, end: int) -> str:
        view = self.view
        return self.text[view.starts[start] : view.ends[end - 1]]

    def _paragraph(self, pos: int) -> int:
        return bisect_right(self.paragraph_starts, pos)

    # --- output ---------------------------------------------------------------------------------

    def _emit(self) -> list[Quote]:
        items = [i for i in self.items if i.end > i.start]
        items.sort(key=lambda i: (i.start, -i.end, i.parent is not None))
        seen: set[tuple[int, int, str, str]] = set()
        index: dict[int, int] = {}
        quotes: list[Quote] = []
        for item in items:
            # The same words twice only for two speakers ("…, state television reported,
            # citing the ministry").
            key = (item.start, item.end, item.kind, item.entity.name if item.entity else "")
            if key in seen:
                continue
            seen.add(key)
            entity = item.entity
            cue = item.cue if item.source == "cue" else None
            cue_start = cue.cue_start if cue else -1
            cue_end = cue.cue_end if cue else -1
            if item.source in ("colon", "dash") and item.phrase:
                cue_start = self.view.starts[item.phrase[0]]
                cue_end = self.view.ends[item.phrase[1] - 1]
            parent = index.get(id(item.parent)) if item.parent is not None else None
            index[id(item)] = len(quotes)
            quotes.append(
                Quote(
                    start=item.start,
                    end=item.end,
                    text=self.text[item.start : item.end],
                    kind=item.kind,
                    cue=self.text[cue_start:cue_end] if cue_start >= 0 else "",
                    speaker=entity.name if entity else "",
                    speaker_as_written=item.as_written,
                    attribution=item.attribution if entity else "unknown",
                    group=self.book.group_of(entity.name) if entity else None,
                    cue_start=cue_start,
                    cue_end=cue_end,
                    parent=parent,
                )
            )
        return quotes


def _attribution(entity: Entity) -> str:
    """How a speaker named in the cue was found: a person (by name or role) or an organisation."""
    return "named" if entity.kind == "person" else "organisation"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Quoted text without surrounding space and without the comma that replaces a full stop."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\n\r\f\v\u00a0,;:":
        end -= 1
    return start, end


def _strip_end(text: str, start: int, end: int) -> int:
    """End of reported speech without the sentence's closing punctuation (".." and ", he said")."""
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


def _starts_sentence(inner: str) -> bool:
    """Quoted words that read as a sentence of their own, not a name or a phrase."""
    first = inner.lstrip()[:1]
    return first.isupper() or first.isdigit() or first in "…[("
