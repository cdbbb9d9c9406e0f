"""Speech cues: a reporting verb, who it is attributed to, and where the reported words lie.

No parser is needed: news reports speech in a handful of fixed shapes ("X said (that) …",
"…, X said.", "“…,” said X", "X told reporters …", "according to X", "X urged Y to …"), and a
speaker is a short noun phrase next to the verb. The reader works on plain lists of token
strings built once per document; every scan from a verb is bounded, so a document costs time
linear in its length whatever it contains.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from briefing.core.nlp import lexicon as lx
from briefing.core.nlp.sentences import token_columns
from briefing.core.nlp.speech_marks import QuoteSpan
from spacy.tokens import Doc

#: How far (in tokens) a speaker phrase, an appositive chain or an adverbial may reach.
_MAX_PHRASE = 8
_MAX_SEGMENT = 30
_MAX_SEGMENTS = 4
_MAX_OBJECT = 14


def _verb_table() -> dict[str, tuple[str, str]]:
    """Surface form -> (lemma, class); a form in several classes keeps the most specific."""
    table: dict[str, tuple[str, str]] = {}
    for cls, lemmas in (
        ("act", lx.ACT_VERBS),
        ("naming", lx.NAMING_VERBS),
        ("that", lx.THAT_VERBS),
        ("bare", lx.BARE_CLAUSE_VERBS),
        ("directive", lx.DIRECTIVE_VERBS),
    ):
        for lemma in lemmas:
            for form in lx.forms(lemma):
                table[form] = (lemma, cls)
    table[lx.ACCORDING_TO] = (lx.ACCORDING_TO, "according")
    return table


VERBS = _verb_table()
#: First words of every cue, for the one cheap pass over the tokens.
_HEADS = frozenset(form.split(" ")[0] for form in VERBS)
_MULTI = {}
for _form in VERBS:
    if " " in _form:
        _MULTI.setdefault(_form.split(" ")[0], []).append(_form)

_END_PUNCT = frozenset({".", "!", "?", "..", "...", "…", ";", "?!", "!?"})
_WH_WORDS = frozenset({"whether", "if", "why", "how", "what", "when", "who", "where"})
#: A bare complement starting with one of these is not a reported clause ("said to be", "said so").
_NOT_CLAUSE_STARTS = frozenset({"to", "by", "for", "about", "of", "with", "so", "goodbye"})
#: Verbs of promising: a to-infinitive after them is reported when it quotes ("vowed to …").
_COMMISSIVES = frozenset({"vow", "promise", "pledge", "threaten"})
_QUOTING_VERBS = frozenset({"quoted", "quotes", "cited", "cites", "quoting", "citing"})
#: Words that join a clause with its own speaker to reported words before it (", as X warned").
_CLAUSE_LINKS = frozenset({"as", "while", "whereas", "but", "although", "though", "and", "with"})
#: Links that start a clause even without a comma ("demanded fresh elections and Vucic said").
_BARE_LINKS = frozenset({"and", "but", "while", "whereas"})
#: Conjunctions after a comma that open a new clause before a cue ("…, but the vote …, X said").
_CONJUNCTIONS = frozenset({"but", "and", "while", "whereas", "although", "though", "yet"})
_SEPARATORS = frozenset({",", ":"}) | lx.DASHES
#: Punctuation that ends a clause before a link word.
_LINK_PUNCT = frozenset({",", ";"}) | lx.DASHES


@dataclass(frozen=True)
class Phrase:
    """A speaker phrase: tokens [start, end) and whether it is a pronoun, a name or a common noun."""

    start: int
    end: int
    kind: str  # "pronoun" | "proper" | "common" | "coordinated" (the subject of an earlier verb)
    #: First token of the whole subject when the phrase is one appositive of several
    #: ("The force, known as KFOR,"): reported words before the cue end before it.
    subject_start: int = -1

    @property
    def first(self) -> int:
        """First token of the subject."""
        return self.subject_start if self.subject_start >= 0 else self.start


@dataclass(frozen=True)
class Cue:
    """A reporting verb with its speaker and the character range of what was reported."""

    verb: int  # token index of the verb's first word
    lemma: str
    cls: str  # "bare" | "that" | "directive" | "naming" | "act" | "according"
    speaker: Phrase | None
    cue_start: int  # characters: auxiliaries, verb, recipient, adverbials, "that"
    cue_end: int
    #: "forward" (content after the cue), "backward" (before it) or "none" (no content).
    direction: str
    content_start: int = -1
    content_end: int = -1
    #: False when the verb reports nothing actually said ("intends to ask", "did not say").
    asserted: bool = True


@dataclass(frozen=True)
class _Verb:
    """A reporting verb being read: tokens [i, end), its speaker, sentence and the limits on
    where its reported words may lie."""

    i: int
    end: int
    lemma: str
    cls: str
    speaker: Phrase | None
    cue_start: int
    lo: int  # sentence tokens [lo, hi)
    hi: int
    floor: int  # first character reported words before the cue may use
    asserted: bool
    inverted: bool

    def cue(self, cue_end: int, direction: str, start: int = -1, end: int = -1) -> Cue:
        """The Cue this verb makes, with content characters [start, end)."""
        return Cue(self.i, self.lemma, self.cls, self.speaker, self.cue_start, cue_end, direction, start, end, self.asserted)


class TokenView:
    """The token strings, offsets, sentences and quoted spans of one document."""

    def __init__(self, doc: Doc, spans: list[QuoteSpan], text: str | None = None) -> None:
        self.text = doc.text if text is None else text  # Doc.text is rebuilt on every access
        # Words sliced from the text by offset and length (no Token object per word), as the
        # sentence splitter already read them.
        columns = token_columns(doc)
        self.words, self.starts, self.sent_bounds = _compact(columns.words, columns.starts, columns.spaces, columns.sentences)
        self.lowers = [word.lower() for word in self.words]
        self.ends = [s + len(w) for s, w in zip(self.starts, self.words)]
        self.sent_of: list[int] = []
        for number, (start, end) in enumerate(self.sent_bounds):
            self.sent_of.extend([number] * (end - start))
        self.spans = spans
        self._span_starts = [s.start for s in spans]
        # Tokens inside quotation marks (marks excluded): their words belong to the quoted speaker.
        self.quoted = [False] * len(self.words)
        for span in spans:
            first = bisect_right(self.starts, span.inner_start - 1)
            last = bisect_right(self.starts, span.inner_end - 1)
            self.quoted[first:last] = [True] * (last - first)

    def __len__(self) -> int:
        return len(self.words)

    def token_at(self, char: int) -> int:
        """Index of the token covering (or starting after) a character offset."""
        return max(0, bisect_right(self.starts, char) - 1)

    def sentence(self, i: int) -> tuple[int, int]:
        """Token range of the sentence containing token i."""
        return self.sent_bounds[self.sent_of[i]]

    def span_at(self, char: int) -> QuoteSpan | None:
        """The quoted span containing a character offset, if any."""
        k = bisect_right(self._span_starts, char) - 1
        if k >= 0 and self.spans[k].start <= char < self.spans[k].end:
            return self.spans[k]
        return None

    def span_starting(self, char: int) -> QuoteSpan | None:
        """The quoted span whose opening mark stands at a character offset."""
        k = bisect_right(self._span_starts, char) - 1
        if k >= 0 and self.spans[k].start == char:
            return self.spans[k]
        return None

    def spans_between(self, start: int, end: int) -> list[QuoteSpan]:
        """Quoted spans that open inside [start, end)."""
        k = bisect_right(self._span_starts, start - 1)
        found = []
        while k < len(self.spans) and self.spans[k].start < end:
            found.append(self.spans[k])
            k += 1
        return found

    # --- token predicates -----------------------------------------------------------------------

    def is_cap(self, i: int) -> bool:
        """Capitalised word (NATO, Vucic, U.S., N1)."""
        return self.words[i][:1].isupper()

    def is_name(self, i: int) -> bool:
        """A word that can be part of a proper name."""
        return self.words[i][:1].isupper() and self.lowers[i] not in lx.NON_NAMES

    def is_punct(self, i: int) -> bool:
        """Punctuation or a quotation mark."""
        word = self.words[i]
        return not any(ch.isalnum() for ch in word)

    def is_mark(self, i: int) -> bool:
        """A quotation mark token."""
        return self.words[i] in lx.MARK_CHARS


def _compact(words: list[str], starts: list[int], spaces: list[int], sents: list[tuple[int, int]]):
    """Words only: whitespace tokens dropped (a wrapped line is not a boundary; paragraphs are
    found in the text) and the hyphens spaCy splits off inside words glued back
    ("Serb-populated", "Jean-Claude"), so a spaced "-" is always a dash. Returns words, starts
    and sentence bounds re-indexed."""
    glued = [
        k for k, word in enumerate(words)
        if word in ("-", "–", "/") and 0 < k < len(words) - 1 and not spaces[k - 1] and not spaces[k]
        and words[k - 1][-1:].isalnum() and words[k + 1][:1].isalnum()
    ]
    blank = [k for k, word in enumerate(words) if word.isspace()]
    if not glued and not blank:
        return words, starts, sents
    joined = set(glued) | {k + 1 for k in glued}
    dropped = set(blank)
    new_words: list[str] = []
    new_starts: list[int] = []
    new_index: list[int] = []
    kept_from = 0
    # Runs of ordinary tokens are copied whole; only the dropped and glued ones are looked at.
    for k in sorted(dropped | joined):
        base = len(new_words)
        new_words.extend(words[kept_from:k])
        new_starts.extend(starts[kept_from:k])
        new_index.extend(range(base, base + k - kept_from))
        if k in dropped:
            pass
        elif new_words:
            new_words[-1] += words[k]
        else:
            new_words.append(words[k])
            new_starts.append(starts[k])
        new_index.append(len(new_words) - 1)
        kept_from = k + 1
    base = len(new_words)
    new_words.extend(words[kept_from:])
    new_starts.extend(starts[kept_from:])
    new_index.extend(range(base, base + len(words) - kept_from))
    new_sents = []
    for start, end in sents:
        first, last = new_index[start] + (start in dropped), new_index[end - 1] + 1
        if new_sents and first < new_sents[-1][1]:
            first = new_sents[-1][1]  # a sentence cannot start inside a hyphenated word
        if first < last:
            new_sents.append((first, last))
    return new_words, new_starts, new_sents


class CueReader:
    """Finds every speech cue of a document."""

    def __init__(self, view: TokenView) -> None:
        self.v = view

    def cues(self) -> list[Cue]:
        """All cues in text order; cues inside quotes or inside another cue's content are skipped."""
        v = self.v
        found: list[Cue] = []
        covered_until = -1  # end of the last forward content: cues inside it are reported speech
        covering = -1  # index in `found` of the cue whose content that is
        floor_by_sentence: dict[int, int] = {}
        speaker_by_sentence: dict[int, Phrase] = {}
        lowers = v.lowers
        for i in [i for i, w in enumerate(lowers) if w in _HEADS]:
            if v.quoted[i]:
                continue
            inside = v.starts[i] < covered_until
            match = self._verb_at(i)
            if match is None:
                continue
            lemma, cls, end = match
            sentence = v.sent_of[i]
            floor = floor_by_sentence.get(sentence, v.starts[v.sent_bounds[sentence][0]])
            link = None
            if inside and covering >= 0:
                # "…, but the vote was “a farce”, Vucic said": reported words before a cue
                # inside earlier content start after the clause link, not at the floor.
                link = self._link_before(i, found[covering].content_start)
                if link is not None:
                    floor = link[1]
            cue = self._read(i, end, lemma, cls, floor)
            if inside and covering >= 0:
                # Reported speech, unless the cue opens a clause of its own: "urged X …, as the
                # chief warned that …", "urged X … and called on Y …", "said …, and Borrell
                # said …". Then the earlier content ends where this clause begins: reported
                # words never run across a second cue with its own subject.
                boundary, cue = self._own_clause(cue, i, link, found[covering].content_start)
                if boundary < 0:
                    continue
                # Nested speech ("The EU said Kurti had said …"): the earlier content may be
                # left with nothing; the words are the nearer speaker's.
                boundary = max(boundary, found[covering].content_start)
                found[covering] = replace(found[covering], content_end=boundary)
                covered_until = boundary
            if cue is None:
                continue
            if cue.speaker is None or cue.speaker.kind == "coordinated":
                # "…, saying …", "… and said …": the speaker of the sentence's earlier cue, or
                # its subject.
                lo = v.sent_bounds[sentence][0]
                subject = speaker_by_sentence.get(sentence) or self._sentence_subject(lo, i)
                if subject is None:
                    continue
                cue = replace(cue, speaker=subject)
            found.append(cue)
            speaker_by_sentence[sentence] = cue.speaker
            if cue.direction == "forward" and cue.content_end > 0 and cue.cls != "naming":
                covered_until, covering = cue.content_end, len(found) - 1
            if cue.direction != "none":
                # Reported words of a later cue in this sentence start after this one's.
                floor_by_sentence[sentence] = max(cue.cue_end, cue.content_end)
        return found

    def _clause_boundary(self, cue: Cue, lo: int, content_start: int) -> int:
        """Character where a cue's own clause begins inside earlier reported words, or -1.

        ", as X warned …", ", while X said …", "; X said …", "— X said …", "and X said …",
        ", with X saying …", "and that X had said …", ", but according to X …" start a new
        clause with its own speaker; "and called on …" continues the earlier speaker's
        sentence with a new verb. A named subject right inside the content ("said Kurti had
        told …") is nested speech: its clause begins at the subject.
        """
        v = self.v
        if cue.cls == "according":
            if cue.direction != "forward":
                return -1
            k = cue.verb - 1
            while k >= lo and v.lowers[k] in _CONJUNCTIONS:
                k -= 1
            return v.starts[k] if k >= lo and (v.words[k] in _LINK_PUNCT) else -1
        if cue.speaker is None or cue.speaker.kind == "coordinated":
            k = cue.verb - 1
            while k > lo and v.lowers[k] in lx.AUX_ADVERBS:
                k -= 1
            return v.starts[k] if v.lowers[k] in ("and", "but") else -1
        first = cue.speaker.first
        if first - 1 < lo or cue.speaker.start > cue.verb:
            return -1
        before = v.lowers[first - 1]
        if before == ";" or before in lx.DASHES:
            return v.starts[first - 1]
        if before == "that" and first - 2 >= lo and v.lowers[first - 2] in ("and", "but"):
            before, first = v.lowers[first - 2], first - 1  # "… and that Kurti had said …"
        if before in _CLAUSE_LINKS:
            if first - 2 >= lo and v.words[first - 2] in (",", ";"):
                return v.starts[first - 2]
            if before in _BARE_LINKS:
                return v.starts[first - 1]  # "demanded fresh elections and Vucic said …"
            return -1
        if cue.direction == "none" or cue.speaker.kind == "pronoun" or v.starts[first] < content_start:
            return -1
        if v.words[first - 1] in (",", ")") or v.is_mark(first - 1):
            return -1  # an appositive or a quotation before the subject: not a clean nesting
        return v.starts[first]

    def _own_clause(self, cue: Cue | None, i: int, link, content_start: int) -> tuple[int, Cue | None]:
        """(where the clause of the verb at token i begins, its cue) for a verb inside earlier
        reported words; -1 when the verb belongs to those words. `link` is the clause link
        before the verb (see _link_before)."""
        v = self.v
        lo = v.sentence(i)[0]
        if cue is None or (not cue.asserted and cue.cls != "naming"):
            # "said Belgrade would ask …": a verb that reports nothing said. (A naming cue is
            # never "asserted": only its quoted label is speech.)
            return -1, cue
        if cue.direction == "backward":
            # "…, but the vote was “a farce”, Vucic said" — not a parenthetical "…, while the
            # mayors, he said, would …", whose clause goes on after it.
            if link is None or cue.content_start < link[1] or self._parenthetical(cue):
                return -1, cue
            return link[0], cue
        if link is not None and (cue.speaker is None or cue.speaker.kind == "coordinated"):
            # "…, but Vucic disagreed, saying …": the subject of the linked clause speaks.
            subject = self._np_right(link[2], self._subject_limit(link[2], i))
            if subject is not None and subject.start == link[2] and v.lowers[subject.start] not in lx.FIRST_PERSON:
                if v.lowers[subject.start] in lx.PRONOUNS and subject.end - subject.start == 1:
                    subject = Phrase(subject.start, subject.end, "pronoun")
                return link[0], replace(cue, speaker=subject)
        return self._clause_boundary(cue, lo, content_start), cue

    def _parenthetical(self, cue: Cue) -> bool:
        """Whether a backward cue stands inside its clause (", he said, would …")."""
        v = self.v
        t = v.token_at(cue.cue_end - 1) + 1
        hi = v.sentence(cue.verb)[1]
        if t + 1 >= hi or v.words[t] != ",":
            return False
        nxt = v.lowers[t + 1]
        return not v.is_punct(t + 1) and nxt not in _CONJUNCTIONS and nxt not in ("as", "with", "according") and not nxt.endswith("ing")

    def _subject_limit(self, k: int, i: int) -> int:
        """First token from k on that cannot belong to a subject noun phrase (its verb:
        "Moscow blamed the West" → "blamed"), at most i."""
        v = self.v
        j = k
        while j < i:
            low = v.lowers[j]
            if v.is_punct(j) and low not in ("'s", "’s"):
                break
            if v.words[j][:1].islower() and not (
                low in lx.DETERMINERS or low in lx.SPEAKER_NOUNS or low in lx.TITLE_WORDS
                or low in lx.NAME_CONNECTORS or low in lx.QUANTIFIERS or low in lx.DEMONYMS
                or low in ("'s", "’s")
            ):
                break
            j += 1
        return j

    def _link_before(self, i: int, content_start: int) -> tuple[int, int, int] | None:
        """The last clause link (", but", ", and", ", while", ";", a dash) before the subject
        of the verb at token i, within earlier content: (link start, next clause start) in
        characters and the clause's first token, or None. Bounded: looks back at most
        _MAX_SEGMENT tokens."""
        v = self.v
        lo = v.sentence(i)[0]
        k = i - 1
        stop = max(lo, i - _MAX_SEGMENT)
        while k >= stop and v.starts[k] >= content_start:
            word = v.words[k]
            if word == ";" or (word in lx.DASHES and k + 1 < i):
                return v.starts[k], v.starts[k + 1], k + 1
            if word == "," and k + 2 < i and v.lowers[k + 1] in _CONJUNCTIONS:
                return v.starts[k], v.starts[k + 2], k + 2
            k -= 1
        return None

    def _verb_at(self, i: int) -> tuple[str, str, int] | None:
        """(lemma, class, end token) of the cue starting at token i, or None."""
        v = self.v
        word = v.words[i]
        low = v.lowers[i]
        if word != low and not (low == "according" and word == "According"):
            return None  # "Said" as a name, "Calls" in a headline
        for form in _MULTI.get(low, ()):
            rest = form.split(" ")[1:]
            if v.lowers[i + 1 : i + 1 + len(rest)] == rest:
                lemma, cls = VERBS[form]
                return lemma, cls, i + 1 + len(rest)
        if low == "according" or low not in VERBS:
            return None
        lemma, cls = VERBS[low]
        if cls == "naming" and low not in lx.NAMING_FORMS:
            return None  # "Locals call the bridge …" names; it reports no utterance
        return lemma, cls, i + 1

    # --- one cue -------------------------------------------------------------------------------

    def _read(self, i: int, end: int, lemma: str, cls: str, floor: int) -> Cue | None:
        """The cue whose verb spans tokens [i, end), or None when it reports nothing."""
        v = self.v
        lo, hi = v.sentence(i)
        if cls == "according":
            return self._according(i, end, lo, hi, floor)
        if v.words[i].endswith("ing"):
            return self._participle(i, end, lemma, cls, lo, hi)
        before = self._subject_before(i, lo)
        if before == "skip":
            return None
        speaker, first, asserted = before if before else (None, i, True)
        inverted = False
        if speaker is None:
            # "“…,” said Smith." / "…, said the ministry.": the speaker follows the verb.
            if (
                i - 1 >= lo
                and (v.words[i - 1] in _SEPARATORS or v.is_mark(i - 1))
                and cls != "act"
                and lemma not in lx.RECIPIENT_VERBS
            ):
                speaker = self._np_right(end, hi)
                inverted = speaker is not None
            if speaker is None:
                return None
        if cls == "act":
            return Cue(i, lemma, cls, speaker, v.starts[first], v.ends[end - 1], "none", asserted=asserted)
        after = speaker.end if inverted else end
        if cls == "directive" and (inverted or after >= hi or v.words[after] in _END_PUNCT or v.words[after] == ","):
            cls = "that"  # “Why now?” asked Dacic. / “…,” she urged.: a reported question or plea
        verb = _Verb(i, end, lemma, cls, speaker, v.starts[first], lo, hi, floor, asserted, inverted)
        if cls == "directive":
            return self._directive(verb, after)
        if cls == "naming":
            # Only the quoted label right after the verb is the speaker's: "described the
            # protests as “peaceful”, while the opposition called …".
            limit = v.starts[min(hi, after + 12) - 1]
            spans = v.spans_between(v.starts[after], limit) if not inverted and after < hi else []
            if not spans:
                return None
            return Cue(i, lemma, cls, speaker, verb.cue_start, v.ends[end - 1], "forward",
                       spans[0].start, spans[0].end, asserted=False)
        return self._reported(verb, after)

    def _reported(self, verb: _Verb, after: int) -> Cue | None:
        """Say-type verbs: content after the cue, or before it when the cue closes the sentence."""
        v = self.v
        hi = verb.hi
        k = after
        if not verb.inverted and verb.lemma in lx.RECIPIENT_VERBS:
            k = self._recipient(k, hi)
            if k is None:
                return None
        k = self._adverbials(k, hi)
        cue_end = v.ends[max(k, after) - 1]
        word = v.words[k] if k < hi else "."
        low = v.lowers[k] if k < hi else "."
        mark = k < hi and v.is_mark(k)
        if verb.inverted:
            if word in _END_PUNCT or word in (",", ")") or mark or word in lx.DASHES:
                return self._backward(verb, cue_end)
            return None
        if low == "that":
            return self._forward(verb, v.ends[k], k + 1)
        that = self._that_after_object(k, hi)
        if that > 0:
            # "warned the West that …", "assured his counterpart that …"
            return self._forward(verb, v.ends[that], that + 1)
        if word == ":":
            return self._forward(verb, v.ends[k], k + 1, colon=True)
        if word == "," and k + 1 < hi and v.is_mark(k + 1) and v.span_starting(v.starts[k + 1]):
            return self._forward(verb, v.ends[k], k + 1)  # He said, “…”
        if mark and v.span_starting(v.starts[k]):
            return self._forward(verb, cue_end, k)
        if word in _END_PUNCT or word in (",", ")") or mark or word in lx.DASHES:
            return self._backward(verb, cue_end)
        if verb.lemma == "ask" and low in _WH_WORDS:
            return self._forward(verb, cue_end, k)
        if verb.lemma == "warn" and low in ("of", "against"):
            return self._forward(verb, v.ends[k], k + 1)
        if verb.cls == "bare" and low not in _NOT_CLAUSE_STARTS and self._is_clause(k, hi):
            return self._forward(verb, cue_end, k)
        if verb.lemma in _COMMISSIVES and low == "to" and v.spans_between(v.starts[k], v.starts[min(hi, k + _MAX_OBJECT) - 1]):
            # "vowed to keep protesting “until he goes”": the quoted words are the speaker's.
            return self._forward(verb, cue_end, k)
        return None

    def _that_after_object(self, k: int, hi: int) -> int:
        """Index of a "that" after a short object with no punctuation ("the West that"), or -1."""
        v = self.v
        for j in range(k, min(hi, k + 6)):
            if v.lowers[j] == "that":
                return j if j > k else -1
            if v.is_punct(j) or v.lowers[j] in lx.FINITE_MARKERS or v.lowers[j] in lx.SUBJECT_PRONOUNS:
                return -1
        return -1

    def _is_clause(self, k: int, hi: int) -> bool:
        """Whether the words from token k read as a clause (have a finite verb near the start)."""
        v = self.v
        if v.lowers[k] in lx.SUBJECT_PRONOUNS:
            return True
        for j in range(k, min(hi, k + 20)):
            low = v.lowers[j]
            if low in lx.FINITE_MARKERS or (j > k and len(low) >= 4 and low.endswith("ed")):
                return True
            if j > k and low.endswith("s") and not low.endswith("ss") and v.words[j][:1].islower() and v.is_cap(j - 1):
                return True  # "Serbia deserves": a present tense after a named subject
            if v.is_mark(j):
                return True  # a quotation inside: the words are the speaker's either way
        return False

    def _forward(self, verb: _Verb, cue_end: int, k: int, colon: bool = False) -> Cue:
        """A cue whose reported words start at token k and run to the end of the sentence."""
        v = self.v
        if k >= verb.hi:
            # "NATO said in a statement:" at the end of a paragraph: the quote is the next one.
            start = cue_end
            while start < len(v.text) and v.text[start].isspace():
                start += 1
            span = v.span_starting(start) if colon else None
            if span is None:
                return verb.cue(cue_end, "none")
            return verb.cue(cue_end, "forward", span.start, span.end)
        return verb.cue(cue_end, "forward", v.starts[k], self._sentence_end_char(verb.hi))

    def _backward(self, verb: _Verb, cue_end: int) -> Cue:
        """Content before the speaker: "…, X said", "“…,” said X", "… — the ministry said"."""
        v = self.v
        first = verb.i if verb.inverted else verb.speaker.first
        b = first - 1
        if b < verb.lo or not (v.words[b] in _SEPARATORS or v.is_mark(b)):
            return verb.cue(cue_end, "none")
        start = self._floor(verb.floor)
        end = v.starts[first]
        if end <= start:
            return verb.cue(cue_end, "none")
        if verb.inverted:
            return replace(verb.cue(v.ends[verb.i], "backward", start, end), cue_start=v.starts[verb.i])
        return verb.cue(cue_end, "backward", start, end)

    def _floor(self, floor: int) -> int:
        """Where reported words before a cue may start: the sentence start (or the end of an
        earlier cue in it), moved back to the opening mark when that falls inside a quote."""
        span = self.v.span_at(floor)
        return span.start if span is not None and span.start < floor else floor

    def _directive(self, verb: _Verb, after: int) -> Cue | None:
        """"X urged Y to …", "called on Y to …", "called for …", "demanded that …"."""
        v = self.v
        hi = verb.hi
        if after >= hi:
            return None
        cue_end = v.ends[after - 1]
        if v.lowers[after] == "that":
            return self._forward(verb, v.ends[after], after + 1)
        if verb.lemma == "ask" and v.lowers[after] in _WH_WORDS:
            return self._forward(verb, cue_end, after)
        # An object, then "to" and a verb (or a quotation); no punctuation inside the object.
        for k in range(after + 1, min(hi - 1, after + _MAX_OBJECT)):
            if v.lowers[k] == "to" and (not v.is_punct(k + 1) or v.is_mark(k + 1)):
                return self._forward(verb, cue_end, after)
            if v.is_punct(k) and not (v.is_mark(k) and v.lowers[k + 1] == "to"):
                break  # (all sides “to refrain …”: a quotation may open before the "to")
        if verb.lemma in ("call for", "demand", "urge") and hi - after >= 3:
            return self._forward(verb, cue_end, after)  # "called for an immediate end to …"
        return None

    def _participle(self, i: int, end: int, lemma: str, cls: str, lo: int, hi: int) -> Cue | None:
        """"…, saying that …", "…, adding: “…”": the speaker is the sentence's (set by `cues`).
        "Tanjug quoted Vucic as saying …": the speaker is the one quoted."""
        v = self.v
        if end >= hi or i - 1 < lo:
            return None
        quoted = None
        if v.lowers[i - 1] == "as" and i - 2 >= lo:
            quoted = self._np_left(i - 2, lo)
            if quoted is None or quoted.start - 1 < lo or v.lowers[quoted.start - 1] not in _QUOTING_VERBS:
                return None
        elif v.words[i - 1] not in (",", "and"):
            # "…, with Borrell saying …": the absolute construction names its own speaker.
            quoted = self._np_left(i - 1, lo)
            if quoted is None or quoted.first - 1 < lo or v.lowers[quoted.first - 1] != "with":
                return None
        verb = _Verb(i, end, lemma, cls, quoted, v.starts[i], lo, hi, v.starts[i], True, False)
        nxt, low = v.words[end], v.lowers[end]
        if low == "that" or nxt == ":":
            cue = self._forward(verb, v.ends[end], end + 1, colon=nxt == ":")
        elif (v.is_mark(end) and v.span_starting(v.starts[end])) or (
            cls == "bare" and not v.is_punct(end) and low not in _NOT_CLAUSE_STARTS and self._is_clause(end, hi)
        ):
            cue = self._forward(verb, v.ends[end - 1], end)
        else:
            return None
        return cue if cue.direction == "forward" else None

    def _sentence_subject(self, lo: int, i: int) -> Phrase | None:
        """The subject at the start of a sentence ("Kosovo's government on Tuesday rejected …")."""
        v = self.v
        start = lo
        if v.lowers[lo] in lx.SUBORDINATE_STARTS or v.lowers[lo] in lx.ADVERBIAL_PREPOSITIONS or v.words[lo].endswith("ing"):
            while start < i and v.words[start] != ",":
                start += 1
            start += 1  # "On Tuesday, the ministry …"
        while start < i and v.is_punct(start):
            start += 1
        if start >= i:
            return None
        phrase = self._np_right(start, i)
        return phrase if phrase is not None and phrase.start == start else None

    def _according(self, i: int, end: int, lo: int, hi: int, floor: int) -> Cue | None:
        """"According to X, …" (content after) or "…, according to X." (content before)."""
        v = self.v
        if end < hi and v.lowers[end] in lx.OBJECT_TO_SUBJECT:
            speaker = Phrase(end, end + 1, "pronoun")  # "According to her, …"
        else:
            speaker = self._np_right(end, hi)
        if speaker is None or v.lowers[speaker.end - 1] in lx.ACCORDING_TO_RULES:
            return None
        verb = _Verb(i, end, lx.ACCORDING_TO, "according", speaker, v.starts[i], lo, hi, floor, True, False)
        cue_end = v.ends[end - 1]
        if self._clause_initial(i, lo):
            k = speaker.end + (speaker.end < hi and v.words[speaker.end] == ",")
            return self._forward(verb, cue_end, k) if k < hi else None
        # "…, according to NATO" and "was planned according to police": the clause before.
        start, end_char = self._floor(floor), v.starts[i]
        return verb.cue(cue_end, "backward", start, end_char) if end_char > start else None

    def _clause_initial(self, i: int, lo: int) -> bool:
        """Whether token i opens a clause: the sentence start, or after "; ", a dash or ", but"
        ("…, but according to Vucic the vote …"), conjunctions aside."""
        v = self.v
        k = i - 1
        while k >= lo and (v.lowers[k] in ("but", "and", "yet", "so", "while", "whereas") or v.is_mark(k)):
            k -= 1
        if k < lo or all(v.is_punct(j) for j in range(lo, k + 1)):
            return True
        word = v.words[k]
        return word == ";" or word in lx.DASHES or (word == "," and k + 1 < i and v.lowers[k + 1] in _CONJUNCTIONS)

    # --- speakers ------------------------------------------------------------------------------

    def _subject_before(self, i: int, lo: int) -> tuple[Phrase, int, bool] | str | None:
        """(speaker phrase, first cue token, asserted) before verb i; None if none; "skip" if the
        verb reports nothing ("what they said were …", "is said to", first person)."""
        v = self.v
        lowers = v.lowers
        j = i - 1
        asserted = True
        steps = 0
        while j >= lo and steps < 8:
            low = lowers[j]
            if low in lx.NEGATIONS:
                asserted = False
            elif low in lx.MODALS:
                asserted = False
                if low == "to":
                    # "intends to ask", "is expected to say": skip the governing verb.
                    k = j - 1
                    while k >= lo and j - k <= 3 and v.words[k][:1].islower() and lowers[k] not in lx.PRONOUNS:
                        k -= 1
                    j = k
                    steps += 1
                    continue
            elif low in lx.BE_FORMS:
                if not v.words[i].endswith("ing"):
                    return "skip"  # passive: "is said to", "was told"
            elif low in lx.AUX_ADVERBS or (low in lx.TIME_WORDS and low not in lx.DETERMINERS):
                pass
            elif low in ("on", "late", "early") and j + 1 < i and lowers[j + 1] in lx.TIME_WORDS:
                pass
            else:
                break
            j -= 1
            steps += 1
        if j < lo:
            return None
        first = j + 1
        low = lowers[j]
        if low in ("and", "but") and j > lo and not v.is_punct(j - 1):
            # "Vucic criticized the police and said …": the subject of the first verb, which
            # `cues` supplies; the phrase only marks the coordination.
            return Phrase(j, j, "coordinated"), first, asserted
        if low in lx.PRONOUNS and v.words[j] in (low, low.capitalize()):
            if j - 1 >= lo and self._non_assertive(j - 1, i):
                return "skip"
            return Phrase(j, j + 1, "pronoun"), first, asserted
        if low in lx.FIRST_PERSON:
            return "skip"
        if v.words[j] in (",", ")"):
            phrase = self._appositive_chain(j, lo)
        elif v.is_punct(j):
            return None
        else:
            phrase = self._np_left(j, lo)
        if phrase is None:
            return None
        if phrase.first - 1 >= lo and self._non_assertive(phrase.first - 1, i):
            return "skip"
        return phrase, first, asserted

    def _non_assertive(self, k: int, verb: int) -> bool:
        """Whether word k makes the clause assert nothing: "what they said were …", "if she says",
        "As Vucic said, …" (but ", as the chief warned that …" is a temporal "as")."""
        v = self.v
        low = v.lowers[k]
        if low != "as":
            return low in lx.NON_ASSERTIVE
        after = self._adverbials(verb + 1, v.sentence(verb)[1])
        nxt = v.words[after] if after < v.sentence(verb)[1] else "."
        return nxt in (",", ";") or nxt in _END_PUNCT

    def _appositive_chain(self, j: int, lo: int) -> Phrase | None:
        """Speaker of "The commander of X, Major General Y, who …, said" and "The force, known as
        KFOR, said": comma-separated segments read right to left, relative clauses skipped."""
        v = self.v
        candidates: list[Phrase] = []
        end = j
        for _ in range(_MAX_SEGMENTS):
            if v.words[end] == ")":
                # "the NATO-led force (KFOR) said": the bracketed name, then the phrase before it.
                k = end - 1
                while k >= lo and end - k < 8 and v.words[k] != "(":
                    k -= 1
                if k < lo or v.words[k] != "(":
                    break
                inner = self._np_left(end - 1, k + 1)
                if inner is not None and inner.start == k + 1 and inner.kind == "proper":
                    candidates.append(inner)
                if k - 1 >= lo and not v.is_punct(k - 1):
                    outer = self._np_left(k - 1, lo)
                    if outer is not None:
                        candidates.append(outer)
                break
            s = end - 1
            while s >= lo and v.words[s] != "," and end - s <= _MAX_SEGMENT:
                if v.words[s] == ";" or v.words[s] in lx.DASHES:
                    break  # "…; a KFOR spokesman, speaking …, said": the clause starts here
                s -= 1
            if end - s > _MAX_SEGMENT or s + 1 >= end:
                break
            closed = s >= lo and v.words[s] != ","
            seg = s + 1
            while seg < end and v.is_punct(seg):
                seg += 1  # the closing mark of a quote, or a dash, before the subject
            if seg >= end:
                break
            first_low = v.lowers[seg]
            relative = any(v.lowers[k] in ("who", "whom", "which", "whose") for k in range(seg, min(end, seg + 3))) or (
                v.words[seg].islower() and first_low.endswith(("ed", "ing"))  # ", asked by reporters …,"
            )
            if first_low in _BARE_LINKS and seg + 1 < end:
                # "…, and Kurti, speaking in Pristina, said": the chain's subject opens a clause.
                phrase = self._np_left(end - 1, seg + 1)
                if phrase is not None and phrase.start == seg + 1:
                    candidates.append(phrase)
                break
            if first_low in lx.NAMING_APPOSITIVES:
                # "known as KFOR", "also called the Quint"
                k = seg + 1
                if k < end and v.lowers[k] == "as":
                    k += 1
                named = self._np_right(k, end)
                if named is not None:
                    candidates.append(named)
            elif relative or first_low in lx.SUBORDINATE_STARTS or v.words[seg][:1].isdigit():
                if candidates and not relative and first_low != "including":
                    break  # an adverbial before the subject: "In turn, Vucic, …, said"
            else:
                phrase = self._np_left(end - 1, seg)
                if phrase is None or phrase.start != seg:
                    break
                candidates.append(phrase)
            if s < lo or closed:
                break
            end = s
        if not candidates:
            return None
        proper = [c for c in candidates if c.kind == "proper"]
        # A name beats a description ("Albin Kurti, Kosovo's prime minister"); among equals the
        # head of the chain (leftmost) wins.
        best = proper[-1] if proper else candidates[-1]
        return Phrase(best.start, best.end, best.kind, min(c.start for c in candidates))

    def _np_left(self, j: int, lo: int) -> Phrase | None:
        """The speaker noun phrase ending at token j (a name with titles, or a speaker noun)."""
        v = self.v
        lowers = v.lowers
        if j < lo:
            return None
        if (v.is_name(j) or (v.is_cap(j) and lowers[j] in lx.NAME_INTERIOR and lowers[j] in lx.ORG_WORDS)) and not v.is_punct(j):
            i = j
            while i - 1 >= lo:
                p = i - 1
                if v.is_name(p) or (v.is_cap(p) and lowers[p] in lx.NAME_INTERIOR and p - 1 >= lo and v.is_cap(p - 1)):
                    i = p
                elif lowers[p] in ("'s", "’s") and p - 1 >= lo and v.is_name(p - 1):
                    i = p - 1
                elif (lowers[p] in lx.NAME_CONNECTORS and (
                    lowers[p] not in ("and", "&", "for") or (lowers[p] == "for" and p - 1 >= lo and lowers[p - 1] in lx.ORG_WORDS and v.is_cap(p - 1))
                )) or (lowers[p] == "the" and p - 1 >= lo and lowers[p - 1] == "of"):
                    # "Ursula von der Leyen", "Ministry of Defence", "Centre for Security
                    # Policy", "Ministry of Foreign Affairs of the Republic": up to two particles.
                    q = p - 1 if p - 1 >= lo and lowers[p - 1] in lx.NAME_CONNECTORS else p
                    if q - 1 >= lo and v.is_name(q - 1):
                        i = q - 1
                    else:
                        break
                else:
                    break
                if j - i > _MAX_PHRASE:
                    break
            if i - 2 >= lo and lowers[i - 1] in ("and", "&") and v.is_name(i - 2):
                # "Vucic and Kurti said": both names (SpeakerBook makes a group of them).
                i -= 2
                while i - 1 >= lo and v.is_name(i - 1) and j - i <= _MAX_PHRASE:
                    i -= 1
            # Lowercase titles in front: "EU foreign policy chief Josep Borrell".
            if i - 1 >= lo and lowers[i - 1] in lx.TITLE_WORDS and not v.is_cap(i - 1):
                k = i - 1
                while k - 1 >= lo and i - k < 4 and not v.is_punct(k - 1) and lowers[k - 1] not in lx.NP_STOPS and lowers[k - 1] not in lx.DETERMINERS:
                    k -= 1
                i = k
            i = self._role_of(i, lo)
            if i - 1 >= lo and lowers[i - 1] in lx.DETERMINERS and lowers[i - 1] not in ("that", "this", "one"):
                i -= 1
            return Phrase(i, j + 1, "proper")
        if lowers[j] in lx.SPEAKER_NOUNS and v.words[j][:1].islower():
            i = j
            while i - 1 >= lo and j - i < 5:
                p = i - 1
                low = lowers[p]
                if low in lx.DETERMINERS:
                    if low != "that":
                        i = p
                    break
                if low in ("'s", "’s"):
                    i = p
                    continue
                if v.is_punct(p) or low in lx.NP_STOPS or low in lx.PRONOUNS:
                    break
                if v.is_mark(p):
                    break
                i = p
            i = self._role_of(i, lo)
            if i - 1 >= lo and lowers[i - 1] in ("the", "a", "an"):
                i -= 1
            return Phrase(i, j + 1, "common")
        if v.words[j][:1].islower() and v.words[j].isalpha() and lowers[j] not in lx.NP_STOPS:
            return self._np_left_unlisted(j, lo)
        return None

    def _np_left_unlisted(self, j: int, lo: int) -> Phrase | None:
        """A subject whose head is not a listed speaker noun ("the ministry of defence",
        "lawyers for the defendants"): accepted only as a whole clause-initial phrase."""
        v = self.v
        lowers = v.lowers
        i = j
        while i - 1 >= lo and j - i < 5:
            low = lowers[i - 1]
            if v.is_punct(i - 1) or low in lx.NP_STOPS or low in lx.PRONOUNS or low in lx.AUX_ADVERBS:
                break
            i -= 1
            if low in lx.DETERMINERS:
                break
        i = self._role_of(i, lo)
        first = lowers[i]
        opens = first in lx.DETERMINERS or first in lx.QUANTIFIERS or v.is_cap(i) or first in lx.SPEAKER_NOUNS
        bounded = i == lo or v.words[i - 1] in _SEPARATORS or v.words[i - 1] == ";" or v.is_mark(i - 1) or lowers[i - 1] in ("and", "but")
        if opens and bounded and lowers[i] not in lx.PRONOUNS and lowers[i] not in lx.NON_NAMES - lx.DETERMINERS - lx.QUANTIFIERS:
            return Phrase(i, j + 1, "common")
        return None

    def _role_of(self, i: int, lo: int) -> int:
        """Extend "the NATO mission" to "the commander of the NATO mission", "Pristina" to
        "a Western diplomat in Pristina", "the protesters" to "one of the protesters"."""
        v = self.v
        start = i
        if start - 1 >= lo and v.lowers[start - 1] in lx.DETERMINERS:
            start -= 1
        if start - 2 >= lo and v.lowers[start - 1] == "of" and v.lowers[start - 2] in lx.QUANTIFIERS:
            return start - 2
        head = v.lowers[start - 2] if start - 2 >= lo else ""
        if start - 2 >= lo and v.lowers[start - 1] in lx.POSTMODIFIERS and (
            v.words[start - 2][:1].islower() or start - 2 == lo or head in lx.ORG_WORDS
        ) and (head in lx.ROLE_OF_NOUNS or head in lx.SPEAKER_NOUNS or head in lx.DEMONYMS or head in lx.ORG_WORDS):
            k = start - 2
            while k - 1 >= lo and start - k < 6 and not v.is_punct(k - 1) and v.lowers[k - 1] not in lx.NP_STOPS:
                if v.lowers[k - 1] in lx.DETERMINERS:
                    return k - 1
                k -= 1
            return k
        return i

    def _np_right(self, k: int, hi: int) -> Phrase | None:
        """The speaker noun phrase starting at token k ("said Smith", "according to the ministry")."""
        v = self.v
        lowers = v.lowers
        i = k
        if i < hi and lowers[i] in lx.DETERMINERS:
            i += 1
        head = -1
        proper = False
        determined = i > k or (k < hi and lowers[k] in lx.QUANTIFIERS)
        noun = -1  # a lowercase word after a determiner: "one woman", "a shopkeeper"
        while i < hi and i - k < _MAX_PHRASE + 2:
            low = lowers[i]
            if v.is_punct(i):
                break
            if low in ("of", "for", "from", "by") and head >= 0 and i + 1 < hi and (
                lowers[i + 1] in lx.DETERMINERS or v.is_cap(i + 1)
            ):
                i += 1
                continue
            if low in ("of", "for", "from", "by") and noun >= 0 and head < 0 and i + 1 < hi and (
                lowers[i + 1] in lx.DETERMINERS or v.is_cap(i + 1)
            ):
                head = noun  # "one woman from Zvecan"
                i += 1
                continue
            if low in lx.NP_STOPS or low in lx.ADVERBIAL_PREPOSITIONS:
                break
            if v.is_name(i):
                head, proper = i, True
            elif low in lx.SPEAKER_NOUNS or low in lx.TITLE_WORDS:
                head, proper = i, False
            elif low in ("'s", "’s"):
                pass
            elif determined and head < 0 and v.words[i].isalpha() and v.words[i].islower():
                if noun >= 0 and low.endswith(("ed", "ing")):
                    break  # "the agreement signed in 1999": a participle after the noun
                noun = i
            elif head >= 0 and not v.words[i][:1].islower():
                break
            i += 1
        if head < 0 and noun >= 0:
            head = noun
        if head < 0:
            return None
        return Phrase(k, head + 1, "proper" if proper else "common")

    # --- after the verb -----------------------------------------------------------------------

    def _recipient(self, k: int, hi: int) -> int | None:
        """End of the recipient of "told": "reporters", "the BBC", "a news conference", "him"."""
        v = self.v
        if k >= hi:
            return None
        low = v.lowers[k]
        if low in lx.OBJECT_PRONOUNS or low in lx.RECIPIENT_NOUNS:
            return k + 1
        i = k + 1 if low in lx.DETERMINERS else k
        last = None
        # "the BBC", "a news conference", "Kossev news portal", "state broadcaster RTS"
        while i < hi and i - k < 6:
            low = v.lowers[i]
            if v.is_punct(i) or low in lx.NP_STOPS or low in lx.ADVERBIAL_PREPOSITIONS or low in lx.FINITE_MARKERS:
                break
            if low in lx.RECIPIENT_NOUNS or v.is_name(i):
                last = i
            elif low in lx.DETERMINERS or low in lx.SUBJECT_PRONOUNS:
                break
            i += 1
        return last + 1 if last is not None else None

    def _adverbials(self, k: int, hi: int) -> int:
        """Skip "in a statement", "on Monday", "late Tuesday", "in an interview with N1"."""
        v = self.v
        lowers = v.lowers
        for _ in range(4):
            if k >= hi:
                return k
            low = lowers[k]
            if low in lx.CUE_ADVERBS:
                k += 1
                continue
            if low in ("last", "this", "next", "late", "early") and k + 1 < hi and lowers[k + 1] in lx.TIME_WORDS:
                k += 2  # "said last year", "said late Monday"
                continue
            if v.words[k] == "," and k + 1 < hi and lowers[k + 1] in lx.ADVERBIAL_PREPOSITIONS | {"with", "to"}:
                # ", in a statement," between the verb and its content
                end = self._prep_phrase(k + 1, hi)
                if end < hi and v.words[end] == ",":
                    k = end + 1
                    continue
                return k
            if low in ("when", "while", "after", "before", "upon") and k + 1 < hi and v.lowers[k + 1][-3:] in ("ing", "ked", "ted", "ned"):
                # "replied when asked about the sanctions": a short clause, up to the comma.
                limit = min(hi, k + _MAX_SEGMENT)
                while k < limit and v.words[k] != "," and v.words[k] not in _END_PUNCT:
                    k += 1
                continue
            if low in lx.ADVERBIAL_PREPOSITIONS or low in ("with", "to"):
                if low == "to" and (k + 1 >= hi or lowers[k + 1] not in lx.DETERMINERS and not v.is_name(k + 1) and lowers[k + 1] not in lx.RECIPIENT_NOUNS):
                    return k
                k = self._prep_phrase(k, hi)
                continue
            return k
        return k

    def _prep_phrase(self, k: int, hi: int) -> int:
        """End of a prepositional adverbial starting at token k (a bounded, clause-free run)."""
        v = self.v
        lowers = v.lowers
        i = k + 1
        if i < hi and lowers[i] in lx.DETERMINERS:
            i += 1
        # Up to five words; a second determiner, a pronoun or a clause word starts the content
        # ("said on Friday the army …"), another preposition a further adverbial.
        start = i
        while i < hi and i - start < 5:
            low = lowers[i]
            if v.is_punct(i) or low in lx.ADVERBIAL_PREPOSITIONS or low == "with":
                break
            if low in lx.DETERMINERS or low in lx.CLAUSE_OPENERS or low in lx.NP_STOPS:
                break
            i += 1
        return i

    def _sentence_end_char(self, hi: int) -> int:
        """Character offset just past the last word of the sentence ending before token hi."""
        return self.v.ends[hi - 1]


def find_cues(view: TokenView) -> list[Cue]:
    """Every speech cue of a document, in text order."""
    return CueReader(view).cues()
