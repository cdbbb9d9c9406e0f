"""Speech cues: a reporting verb, who it is attributed to, and where the reported words lie.

No parser is needed: news reports speech in a handful of fixed shapes ("X said (that) …",
"…, X said.", "“…,” said X", "X told reporters …", "according to X", "X urged Y to …"), and a
speaker is a short noun phrase next to the verb. The reader works on plain lists of token
strings built once per document (`token_view`); every scan from a verb is bounded, so a document
costs time linear in its length whatever it contains. The verbs are in `cue_verbs`, the phrases
around them in `noun_phrases`, who a verb is attributed to in `cue_subjects`, and where
reported words stop in `clause_limits`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from briefing.core.nlp import lexicon as lx
from briefing.core.nlp.clause_limits import ClauseLimits
from briefing.core.nlp.cue_subjects import CueSubjects
from briefing.core.nlp.cue_verbs import HEADS, verb_at
from briefing.core.nlp.noun_phrases import MAX_SEGMENT, Phrase, PhraseReader
from briefing.core.nlp.token_view import TokenView

#: How far (in tokens) the object of a directive verb may reach before its "to".
_MAX_OBJECT = 14
#: Fewer words than this before a parenthetical cue (", he said,") are no reported clause.
_MIN_BEFORE = 4

@dataclass(frozen=True)
class Cue:
    """A reporting verb with its speaker and the character range of what was reported."""

    verb: int  # token index of the verb's first word
    lemma: str
    cls: str  # "bare" | "that" | "object" | "directive" | "naming" | "act" | "according"
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



class CueReader(CueSubjects):
    """Finds every speech cue of a document."""

    def __init__(self, view: TokenView) -> None:
        self.v = view
        self.np = PhraseReader(view)
        self.limits = ClauseLimits(view, self.np)

    def cues(self) -> list[Cue]:
        """All cues in text order; cues inside quotes or inside another cue's content are skipped."""
        v = self.v
        found: list[Cue] = []
        covered_until = -1  # end of the last forward content: cues inside it are reported speech
        covering = -1  # index in `found` of the cue whose content that is
        floor_by_sentence: dict[int, int] = {}
        speaker_by_sentence: dict[int, Phrase] = {}
        lowers = v.lowers
        for i in [i for i, w in enumerate(lowers) if w in HEADS]:
            if v.quoted[i]:
                continue
            inside = v.starts[i] < covered_until
            match = verb_at(self.v, i)
            if match is None:
                continue
            lemma, cls, end = match
            sentence = v.sent_of[i]
            floor = floor_by_sentence.get(sentence, v.starts[v.sent_bounds[sentence][0]])
            link = None
            if inside and covering >= 0:
                # "…, but the vote was “a farce”, Vucic said": reported words before a cue
                # inside earlier content start after the clause link, not at the floor.
                link = self.limits.link_before(i, found[covering].content_start)
                if link is not None:
                    floor = link[1]
                elif (
                    found[covering].speaker is not None and found[covering].speaker.kind not in ("coordinated", "pronoun")
                    and v.sent_of[found[covering].verb] == sentence and found[covering].speaker.first < found[covering].verb
                ):
                    # "…, Morocco thanked Germany for its help, he said.": a cue closing the
                    # sentence reports from the earlier verb's subject on.
                    floor = v.starts[found[covering].speaker.first]
            if cls == "citing":
                # ", citing an Interior Ministry update": the sentence's report is the cited
                # source's as well.
                layer = self._citing(i, end, [c for c in found if v.sent_of[c.verb] == sentence and c.direction != "none"])
                if layer is not None:
                    found.append(layer)
                continue
            cue = self._read(i, end, lemma, cls, floor)
            if inside and covering >= 0:
                # Reported speech, unless the cue opens a clause of its own: "urged X …, as the
                # chief warned that …", "urged X … and called on Y …", "said …, and Borrell
                # said …". Then the earlier content ends where this clause begins: reported
                # words never run across a second cue with its own subject.
                boundary, cue = self.limits.own_clause(cue, i, link, found[covering].content_start)
                if boundary < 0 and self._closes_sentence(cue, found[covering]):
                    # "…, Morocco thanked Germany for its help, he said.": the cue at the end
                    # reports the whole clause, the earlier verb's words included.
                    boundary = cue.content_end
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
                subject = speaker_by_sentence.get(sentence) or self.np.sentence_subject(lo, i)
                if subject is None:
                    continue
                cue = replace(cue, speaker=subject, cue_start=self._joined_cue_start(cue, found, sentence))
            found.append(cue)
            speaker_by_sentence[sentence] = cue.speaker
            if cue.direction == "forward" and cue.content_end > 0 and (cue.cls != "naming" or cue.asserted):
                covered_until, covering = cue.content_end, len(found) - 1
            if cue.direction != "none":
                # Reported words of a later cue in this sentence start after this one's.
                floor_by_sentence[sentence] = max(cue.cue_end, cue.content_end)
        return found

    def _joined_cue_start(self, cue: Cue, found: list[Cue], sentence: int) -> int:
        """Where a participle's cue starts as written: at the verb it hangs from when only a
        comma or adverbs lie between ("“…,” he said, urging …" is cued "said, urging"), so the
        cue never reads as if the borrowed subject spoke the participle ("he urging")."""
        v = self.v
        # Only the last cue found can hang a participle: a bounded look, whatever the document.
        last = found[-1] if found else None
        if last is None or v.sent_of[last.verb] != sentence or last.cue_end > cue.cue_start or v.lowers[cue.verb] == v.lowers[last.verb]:
            return cue.cue_start
        k = v.token_at(last.cue_end)
        while k < cue.verb and k - last.verb < 8 and (v.words[k] in (",", "and") or v.lowers[k] in lx.AUX_ADVERBS or v.starts[k] < last.cue_end):
            k += 1
        return last.cue_start if k == cue.verb else cue.cue_start

    def _closes_sentence(self, cue: Cue | None, covering: Cue) -> bool:
        """Whether a backward cue inside earlier reported words ends its sentence and its words
        hold the whole clause of the earlier cue, subject and all."""
        v = self.v
        if cue is None or cue.direction != "backward" or not cue.asserted or covering.speaker is None:
            return False
        after = v.token_at(cue.cue_end - 1) + 1
        hi = v.sentence(cue.verb)[1]
        if after < hi and v.words[after] not in lx.END_PUNCT:
            return False
        return cue.content_start <= v.starts[covering.speaker.first] and covering.speaker.kind != "pronoun"

    def _citing(self, i: int, end: int, earlier: list[Cue]) -> Cue | None:
        """A second layer of the last report in the sentence, attributed to the source it
        cites, when that source is a body, a person or a document (not "citing concerns")."""
        v = self.v
        if not earlier:
            return None
        hi = v.sentence(i)[1]
        source = self.np.right(end, hi)
        if source is None or source.start != end:
            return None
        names = any(v.is_name(k) for k in range(source.start, source.end))
        head = v.lowers[source.end - 1]
        if not names and head not in lx.SPEAKER_NOUNS:
            return None
        report = earlier[-1]
        return replace(report, verb=i, lemma="cite", cls="citing", speaker=source, cue_start=v.starts[i], cue_end=v.ends[source.end - 1])

    def _read(self, i: int, end: int, lemma: str, cls: str, floor: int) -> Cue | None:
        """The cue whose verb spans tokens [i, end), or None when it reports nothing."""
        v = self.v
        lo, hi = v.sentence(i)
        if cls == "according":
            return self._according(i, end, lo, hi, floor)
        if v.words[i].endswith("ing") and not self._progressive(i, lo):
            return self._participle(i, end, lemma, cls, lo, hi)
        if i - 1 == lo and v.lowers[lo] == "having":
            # "Having announced that …, Judge Berman proceeded": the subject after the phrase.
            return self._opening_participle(i, end, lemma, cls, lo, hi)
        before = self._subject_before(i, lo)
        if before == "skip":
            return None
        cue = self._read_with(i, end, lemma, cls, floor, before)
        if cue is not None and cue.speaker is not None and cue.speaker.kind == "relative" and cue.direction == "forward":
            # "The source, who thanked the countries that offered help, stated …": the relative
            # clause ends at its closing comma.
            s = cue.speaker.start
            if s - 1 >= lo and v.words[s - 1] == ",":
                for k in range(v.token_at(cue.content_start), hi):
                    if v.words[k] == "," and not v.quoted[k] and v.starts[k] >= cue.content_start:
                        return replace(cue, content_end=v.starts[k])
        return cue

    def _read_with(self, i: int, end: int, lemma: str, cls: str, floor: int, before) -> Cue | None:
        """The cue of verb [i, end) given what `_subject_before` found before it."""
        v = self.v
        lo, hi = v.sentence(i)
        speaker, first, asserted = before if before else (None, i, True)
        inverted = False
        if speaker is None:
            # "“…,” said Smith." / "…, said the ministry.": the speaker follows the verb.
            if (
                i - 1 >= lo
                and (v.words[i - 1] in lx.SEPARATORS or v.is_mark(i - 1))
                and cls != "act"
                and lemma not in lx.RECIPIENT_VERBS
            ):
                speaker = self.np.right(end, hi)
                inverted = speaker is not None
            if speaker is None:
                return None
        if lemma in lx.DOCUMENT_VERBS and not (
            (speaker.kind == "pronoun" and v.lowers[speaker.start] == "it")
            or any(v.lowers[k] in lx.ISSUED_NOUNS for k in range(speaker.start, speaker.end))
        ):
            return None  # "read" reports only what a statement or a letter says
        if cls == "act":
            spans = v.spans_between(v.starts[end], v.starts[min(hi, end + 3) - 1]) if end < hi else []
            if spans and spans[0].start < v.starts[min(hi, end + 3) - 1] and not inverted:
                # "Hungary slams 'heinous attack'": a quoted label after a condemnation is speech.
                return Cue(i, lemma, cls, speaker, v.starts[first], v.ends[end - 1], "forward", spans[0].start, spans[0].end, asserted=False)
            return Cue(i, lemma, cls, speaker, v.starts[first], v.ends[end - 1], "none", asserted=asserted)
        after = speaker.end if inverted else end
        if cls == "directive" and (inverted or after >= hi or v.words[after] in lx.END_PUNCT or v.words[after] == ","):
            cls = "that"  # “Why now?” asked Dacic. / “…,” she urged.: a reported question or plea
        verb = _Verb(i, end, lemma, cls, speaker, v.starts[first], lo, hi, floor, asserted, inverted)
        if cls == "directive":
            return self._directive(verb, after)
        if cls == "naming":
            return self._naming(verb, after)
        return self._reported(verb, after)

    def _naming(self, verb: _Verb, after: int) -> Cue | None:
        """"called it “a provocation”", "described the attack as premeditated": the label is what
        was said. Without a pronoun object or "as", only a quoted label counts ("called the
        move “a farce”"): "a group called Open Roads" names, it reports nothing."""
        v = self.v
        hi = verb.hi
        if verb.inverted or after >= hi:
            return None
        k = after
        possessive = v.lowers[k] in lx.POSSESSIVE_DETERMINERS and k + 1 < hi and v.lowers[k + 1] not in lx.DETERMINERS and not v.is_mark(k + 1)
        if v.lowers[k] in lx.OBJECT_PRONOUNS and not possessive:
            k += 1  # "called it the region's biggest", not "described her remarks"
        elif verb.lemma in lx.AS_NAMING:
            for j in range(k, min(hi, k + _MAX_OBJECT)):
                if v.lowers[j] == "as":
                    k = j + 1
                    break
                if v.is_punct(j) and not v.is_mark(j):
                    break
        if k > after and k < hi and not v.is_punct(k) or (k > after and k < hi and v.is_mark(k)):
            return verb.cue(v.ends[k - 1], "forward", v.starts[k], self._sentence_end_char(hi))
        if verb.lemma == "call" and v.lowers[after] == "to" and after + 1 < hi and self._infinitive(after + 1):
            return verb.cue(v.ends[after - 1], "forward", v.starts[after], self._sentence_end_char(hi))  # "called to ban …"
        complement = self._naming_complement(after, hi) if verb.lemma == "call" else -1
        if complement > 0 and not v.is_mark(complement):
            # "called the actions lawful": an object and the label given it. A quoted label is
            # the reported content by itself ("called the vote “a farce”" reports "a farce"),
            # read below as the label right after the verb.
            return verb.cue(v.ends[verb.end - 1], "forward", v.starts[after], self._sentence_end_char(hi))
        # Only the quoted label right after the verb is the speaker's: "described the
        # protests as “peaceful”, while the opposition called …".
        limit = v.starts[min(hi, after + 12) - 1]
        spans = v.spans_between(v.starts[after], limit)
        if not spans:
            return None
        return replace(verb.cue(v.ends[verb.end - 1], "forward", spans[0].start, spans[0].end), asserted=False)

    def _naming_complement(self, k: int, hi: int) -> int:
        """Where the label starts after a short object of "called" ("the actions | lawful", "the
        plan | a disaster"), or -1: no determiner-led object, or what follows it is a
        preposition, a comma or the end ("called a meeting for Monday", "called the police.")."""
        v = self.v
        if k >= hi or v.lowers[k] not in ("the", "this", "that", "these", "those", "his", "her", "their", "its"):
            return -1
        j = k + 1
        while j < hi and j - k <= 3 and v.words[j].isalpha() and v.words[j].islower() and v.lowers[j] not in lx.NP_STOPS:
            j += 1
            if j < hi and (v.lowers[j] in lx.DETERMINERS or v.is_mark(j)):
                return j  # "the plan a disaster", "the vote “a farce”"
        if j >= hi or j == k + 1 or j - k > 3:
            return -1
        label = v.lowers[j - 1]
        # The last word read is the label when it is an adjective-like word after a noun.
        if j - k >= 3 and (label.endswith(lx.ADJECTIVE_ENDINGS)) and (j >= hi or v.is_punct(j) or v.lowers[j] in ("and", "but")):
            return j - 1
        return -1

    def _reported(self, verb: _Verb, after: int) -> Cue | None:
        """Say-type verbs: content after the cue, or before it when the cue closes the sentence."""
        v = self.v
        hi = verb.hi
        k = after
        if not verb.inverted and verb.lemma in lx.RECIPIENT_VERBS:
            k = self.np.recipient(k, hi)
            if k is None:
                return None
        # "warned of", "accused … of": the "of" belongs to the verb, not to an adverbial.
        k = self.np.adverbials(k, hi, of_phrase=verb.lemma in lx.OF_ADVERBIAL_VERBS)
        cue_end = v.ends[max(k, after) - 1]
        word = v.words[k] if k < hi else "."
        low = v.lowers[k] if k < hi else "."
        mark = k < hi and v.is_mark(k)
        if verb.inverted:
            return self._inverted(verb, k, cue_end)
        first = verb.speaker.first if verb.speaker is not None else verb.i
        if k < hi and first - 1 >= verb.lo and v.words[first - 1] in (",", "—", "–") and not mark:
            # "…, the Royal Court said in a statement carried by the news agency.": a participle
            # phrase on the adverbial, then the sentence ends.
            after = self.np.trailer(k, hi)
            if after > k and (after >= hi or v.words[after] in lx.END_PUNCT):
                return self._backward(verb, cue_end)
        if self._quote_before(verb) and not (word == ":" or mark or (word == "," and k + 1 < hi and v.is_mark(k + 1))):
            # "“We will win,” Clinton told reporters as she left the meeting": the cue closes
            # the quotation before it; what follows it is the narrator's.
            return self._backward(verb, cue_end)
        if low == "that":
            return self._forward(verb, v.ends[k], k + 1)
        that = self._that_after_object(k, hi) if verb.cls != "object" else -1
        if that > 0:
            # "warned the West that …", "assured his counterpart that …"
            return self._forward(verb, v.ends[that], that + 1)
        if word == ":":
            return self._forward(verb, v.ends[k], k + 1, colon=True)
        if word == "," and k + 1 < hi and v.is_mark(k + 1) and v.span_starting(v.starts[k + 1]):
            return self._forward(verb, v.ends[k], k + 1)  # He said, “…”
        if mark and v.span_starting(v.starts[k]):
            return self._forward(verb, cue_end, k)
        if word in lx.END_PUNCT or word in (",", ")", "[") or mark or word in lx.DASHES:
            return self._backward(verb, cue_end)  # "[" opens an editor's "[...]" at a cut
        if verb.lemma == "ask" and low in lx.WH_WORDS:
            return self._forward(verb, cue_end, k)
        if verb.lemma == "warn" and low in ("of", "against"):
            return self._forward(verb, v.ends[k], k + 1)
        if verb.lemma == "warn" and any(v.lowers[j] in ("about", "of", "against", "to") for j in range(k + 1, min(hi, k + 6))):
            # "warned the public about the coming storm", "warned residents to stay indoors"
            for j in range(k, min(hi, k + 6)):
                if v.is_punct(j):
                    break
                if v.lowers[j] in ("about", "of", "against", "to"):
                    return self._forward(verb, cue_end, k)
        if low in lx.SUBORDINATORS and self._subordinate_clause(k, hi):
            # "said as he left the hall (that …)": the clause tells when, not what was said;
            # reported words follow a "that" after it, or there are none.
            that = next((j for j in range(k + 2, min(hi, k + _MAX_OBJECT)) if v.lowers[j] == "that" and not v.is_punct(j - 1)), -1)
            if that > 0 and self._is_clause(that + 1, hi):
                return self._forward(verb, v.ends[that], that + 1)
            return self._backward(verb, cue_end)
        if verb.cls == "bare" and low not in lx.NOT_CLAUSE_STARTS and self._is_clause(k, hi):
            return self._forward(verb, cue_end, k)
        if verb.cls == "object" and not v.is_punct(k):
            # "condemned the attack", "thanked the rescuers for their work": the object.
            return self._forward(verb, cue_end, k)
        if verb.cls == "that" and low not in lx.NOT_CLAUSE_STARTS and self._plain_clause(k, hi):
            # "wrote he was honoured", "suggested the vote was rigged": a clause without "that".
            return self._forward(verb, cue_end, k)
        if verb.lemma in lx.COMMISSIVES and low == "to" and v.spans_between(v.starts[k], v.starts[min(hi, k + _MAX_OBJECT) - 1]):
            # "vowed to keep protesting “until he goes”": the quoted words are the speaker's.
            return self._forward(verb, cue_end, k)
        return None

    def _subordinate_clause(self, k: int, hi: int) -> bool:
        """Whether the subordinator at token k opens a clause of time or manner with its own
        subject or a participle ("as he left", "while the crowd cheered", "when asked"), not a
        measure ("as many as forty", "as much")."""
        v = self.v
        if k + 1 >= hi:
            return False
        nxt = v.lowers[k + 1]
        if nxt in lx.SUBJECT_PRONOUNS and nxt != "there" or nxt in ("the", "his", "her", "their", "its"):
            return True
        return v.lowers[k] != "as" and nxt.endswith(("ing", "ed")) and v.words[k + 1].islower()

    def _inverted(self, verb: _Verb, k: int, cue_end: int) -> Cue | None:
        """“…,” said Amrani, who went outside, joining others, “all in shock …”: the speaker may
        carry a relative clause or a participle phrase; a quotation after them goes on with the
        words before the cue, else the cue closes what came before it."""
        v = self.v
        hi = verb.hi
        k = self.np.trailer(k, hi) if k < hi else k
        for _ in range(3):
            if k + 1 < hi and v.words[k] == "," and v.is_mark(k + 1) and v.span_starting(v.starts[k + 1]):
                return self._forward(verb, cue_end, k + 1)
            if k + 1 < hi and v.words[k] == ",":
                after = self.np.trailer(k + 1, hi)
                if after > k + 1:
                    k = after
                    continue
            break
        word = v.words[k] if k < hi else "."
        if word in lx.END_PUNCT or word in (",", ")", "[") or (k < hi and v.is_mark(k)) or word in lx.DASHES:
            return self._backward(verb, cue_end)
        return None

    def _quote_before(self, verb: _Verb) -> bool:
        """Whether a quotation closes right before the speaker of a verb ("“…,” Clinton told …")."""
        v = self.v
        b = verb.speaker.first - 1 if verb.speaker is not None else -1
        if b < verb.lo or not v.is_mark(b):
            return False
        span = v.span_at(v.starts[b])
        if span is None or span.end != v.ends[b]:
            return False
        # The quotation opens the sentence: not a title inside an adverbial ("In a “…” statement, X said").
        return all(v.is_punct(k) for k in range(verb.lo, v.token_at(span.start)))

    def _that_after_object(self, k: int, hi: int) -> int:
        """Index of a "that" after a short object with no punctuation ("the West that"), or -1."""
        v = self.v
        for j in range(k, min(hi, k + 6)):
            if v.lowers[j] == "that":
                return j if j > k else -1
            if v.is_punct(j) or v.lowers[j] in lx.FINITE_MARKERS or v.lowers[j] in lx.SUBJECT_PRONOUNS:
                return -1
        return -1

    def _plain_clause(self, k: int, hi: int) -> bool:
        """Whether the words from token k are a subject and its finite verb: a pronoun, or a short
        noun phrase (no preposition, no punctuation) right before an auxiliary or a past tense."""
        v = self.v
        if v.lowers[k] in lx.SUBJECT_PRONOUNS and v.lowers[k] != "it":
            return True
        if v.lowers[k] in lx.FINITE_MARKERS or v.lowers[k] in lx.WH_WORDS or v.lowers[k] == "what":
            return False  # "writes in what is presented as …": no subject of its own
        for j in range(k, min(hi, k + 7)):
            low = v.lowers[j]
            if j > k and (low in lx.FINITE_MARKERS and low not in ("'s", "’s") or (v.words[j].islower() and len(low) >= 4 and low.endswith("ed"))):
                return True
            if v.is_punct(j) and low not in ("'s", "’s") or low in lx.NP_STOPS and j > k:
                return False
        return False

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
            if (
                k + 2 <= j <= k + 5 and low.endswith("s") and not low.endswith(("ss", "us", "is")) and v.words[j].isalpha()
                and v.words[j].islower() and v.lowers[k] in lx.DETERMINERS and v.words[j - 1].isalpha()
                and v.words[j - 1].islower() and not v.lowers[j - 1].endswith("s") and v.lowers[j - 1] not in lx.DETERMINERS
                and v.lowers[j - 1] not in lx.NP_STOPS and j + 1 < hi and not v.is_punct(j + 1)
                and v.lowers[j + 1] not in ("of", "for", "and", "or")
            ):
                return True  # "the committee appears", "the law unfairly targets": a present tense
            if v.is_mark(j) and v.span_at(v.starts[j]) is not None:
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
        if verb.speaker is None:
            return verb.cue(cue_end, "none")  # a participle reports forward only
        first = verb.i if verb.inverted else verb.speaker.first
        b = first - 1
        if b < verb.lo or not (v.words[b] in lx.SEPARATORS or v.is_mark(b)):
            return verb.cue(cue_end, "none")
        start = self.limits.floor(verb.floor)
        end = v.starts[first]
        if end <= start:
            return verb.cue(cue_end, "none")
        after = v.token_at(cue_end - 1) + 1
        if (
            after + 1 < verb.hi and v.words[after] == "," and not v.is_punct(after + 1)
            and len(v.text[start:end].split()) < _MIN_BEFORE and not v.span_at(start)
            and not (v.words[after + 1].islower() and v.lowers[after + 1].endswith("ing"))
            and v.lowers[after + 1] not in lx.CONJUNCTIONS
        ):
            # "Now, she said, the two communities don't mix." "He hoped, he said, that …": a
            # parenthetical cue; what was said is the clause after it.
            k = after + 1 + (v.lowers[after + 1] == "that")
            return verb.cue(cue_end, "forward", v.starts[k], self._sentence_end_char(verb.hi))
        if self._adverbial_only(start, first):
            return verb.cue(cue_end, "none")  # "Following a meeting last week, Kasich boasted …"
        if verb.inverted:
            return replace(verb.cue(v.ends[verb.i], "backward", start, end), cue_start=v.starts[verb.i])
        return verb.cue(cue_end, "backward", start, end)

    def _adverbial_only(self, start: int, first: int) -> bool:
        """Whether the words from character start to token `first` are only an opening adverbial
        ("Following a town hall meeting last week,") and no reported clause."""
        v = self.v
        k = v.token_at(start)
        if v.span_at(start) is not None or k >= first:
            return False
        low = v.lowers[k]
        if not (low in lx.ADVERBIAL_PREPOSITIONS or low in lx.SUBORDINATE_STARTS or (v.words[k].endswith("ing") and v.is_cap(k))):
            return False
        return not any(v.lowers[j] in lx.FINITE_MARKERS or v.is_mark(j) for j in range(k, first))

    def _directive(self, verb: _Verb, after: int) -> Cue | None:
        """"X urged Y to …", "called on Y to …", "called for …", "demanded that …"."""
        v = self.v
        hi = verb.hi
        if after >= hi:
            return None
        cue_end = v.ends[after - 1]
        if v.lowers[after] == "that":
            return self._forward(verb, v.ends[after], after + 1)
        if verb.lemma == "ask" and v.lowers[after] in lx.WH_WORDS:
            return self._forward(verb, cue_end, after)
        if verb.lemma in lx.COMMAND_VERBS and not self._agent(after):
            return None  # "ordered the formation of a committee to …": an act, not a request
        # An object, then "to" and a verb (or a quotation); no punctuation inside the object.
        for k in range(after + 1, min(hi - 1, after + _MAX_OBJECT)):
            if v.lowers[k] == "to" and ((not v.is_punct(k + 1) and self._infinitive(k + 1)) or v.is_mark(k + 1)):
                return self._forward(verb, cue_end, after)
            if v.is_punct(k) and not (v.is_mark(k) and v.lowers[k + 1] == "to"):
                break  # (all sides “to refrain …”: a quotation may open before the "to")
        if verb.lemma in ("call for", "demand", "urge") and hi - after >= 3:
            return self._forward(verb, cue_end, after)  # "called for an immediate end to …"
        return None

    def _infinitive(self, k: int) -> bool:
        """Whether token k, after "to", can be a verb: not an article, a name or a number
        ("invited Trump to a rally" is no request)."""
        v = self.v
        while k + 1 < len(v) and (v.lowers[k] in lx.INFINITIVE_ADVERBS or (v.lowers[k] == "at" and v.lowers[k + 1] == "least")):
            k += 2 if v.lowers[k] == "at" else 1  # "to at least do something", "to quickly act"
        low = v.lowers[k]
        return v.words[k].islower() and low not in lx.DETERMINERS and low not in lx.ADVERBIAL_PREPOSITIONS and low not in lx.PRONOUNS and low not in ("the", "and", "or", "that", "which")

    def _agent(self, k: int) -> bool:
        """Whether the object starting at token k can be someone told to act ("residents", "the
        army", "them"), not an act named by a noun ("the formation of a committee", "the
        closure of schools")."""
        v = self.v
        while k < len(v) and (v.lowers[k] in lx.DETERMINERS or v.lowers[k] in lx.QUANTIFIERS or v.lowers[k] in ("all", "every")):
            k += 1
        return k < len(v) and not (v.words[k].islower() and v.lowers[k].endswith(lx.ACTION_NOUN_ENDINGS))

    def _participle(self, i: int, end: int, lemma: str, cls: str, lo: int, hi: int) -> Cue | None:
        """"…, saying that …", "…, adding: “…”", "…, calling for …": the speaker is the
        sentence's (set by `cues`). "Tanjug quoted Vucic as saying …": the speaker is the one
        quoted. "Describing the attack as “premeditated,” the minister …": the subject after it."""
        v = self.v
        if end >= hi:
            return None
        if i == lo or all(v.is_punct(k) for k in range(lo, i)):
            return self._opening_participle(i, end, lemma, cls, lo, hi)
        quoted = None
        before = self._before_adverbs(i, lo)  # ", also calling for …", "and pointedly saying"
        if v.lowers[i - 1] == "as" and i - 2 >= lo:
            quoted = self.np.left(i - 2, lo)
            if quoted is None or quoted.start - 1 < lo or v.lowers[quoted.start - 1] not in lx.QUOTING_VERBS:
                return None
        elif v.lowers[before] in lx.PARTICIPLE_LINKS or v.lowers[before] in lx.ISSUED_NOUNS:
            pass  # "while saying that …", "by saying …", "released a statement saying …"
        elif v.words[before] not in (",", "and") and not (v.is_mark(before) and v.words[before - 1] == ","):
            # "…, with Borrell saying …": the absolute construction names its own speaker.
            quoted = self.np.left(i - 1, lo)
            if quoted is None or quoted.first - 1 < lo or v.lowers[quoted.first - 1] != "with":
                return None
        verb = _Verb(i, end, lemma, cls, quoted, v.starts[i], lo, hi, v.starts[i], True, False)
        if lemma in lx.RECIPIENT_VERBS:
            # "telling the crowd, “…”", "telling reporters that …": the recipient is the cue's.
            heard = self.np.recipient(end, hi)
            if heard is not None and heard < hi and (v.lowers[heard] == "that" or v.words[heard] == ":" or (
                v.words[heard] == "," and heard + 1 < hi and v.is_mark(heard + 1))
            ):
                end = heard
        nxt, low = v.words[end], v.lowers[end]
        if nxt == "," and end + 1 < hi and v.is_mark(end + 1) and v.span_starting(v.starts[end + 1]):
            cue = self._forward(verb, v.ends[end], end + 1)  # ", saying, “…”"
        elif low == "that" or nxt == ":":
            cue = self._forward(verb, v.ends[end], end + 1, colon=nxt == ":")
        elif (v.is_mark(end) and v.span_starting(v.starts[end])) or (
            cls == "bare" and not v.is_punct(end) and low not in lx.NOT_CLAUSE_STARTS and self._is_clause(end, hi)
        ):
            cue = self._forward(verb, v.ends[end - 1], end)
        elif cls == "object" and not v.is_punct(end) and lemma in lx.SPEECH_OBJECT_VERBS:
            cue = self._forward(verb, v.ends[end - 1], end)  # ", expressing concern over …"
        elif cls == "directive":
            cue = self._directive(verb, end)
        elif cls == "naming":
            cue = self._naming(verb, end)
        else:
            return None
        return cue if cue is not None and cue.direction == "forward" else None

    def _before_adverbs(self, i: int, lo: int) -> int:
        """The token before verb i, past adverbs ("also", "pointedly", "quietly")."""
        v = self.v
        k = i - 1
        while k > lo and (v.lowers[k] in lx.AUX_ADVERBS or (v.words[k].islower() and v.lowers[k].endswith("ly") and len(v.lowers[k]) > 3)):
            k -= 1
        return k

    def _progressive(self, i: int, lo: int) -> bool:
        """Whether the -ing form at token i is a finite verb with its auxiliary ("are quietly
        saying", "has been saying"), not a participle phrase."""
        k = self._before_adverbs(i, lo)
        return k >= lo and self.v.lowers[k] in lx.BE_FORMS and self.v.lowers[k] not in ("being", "get", "got")

    def _opening_participle(self, i: int, end: int, lemma: str, cls: str, lo: int, hi: int) -> Cue | None:
        """A sentence that opens with a speech participle: "Describing the attack as
        “premeditated,” the minister said …", "Calling the vote “a farce”, Kurti left": the
        subject after the phrase speaks; the words reported run to the comma that ends it."""
        v = self.v
        comma = -1
        for k in range(end, min(hi, end + MAX_SEGMENT)):
            # The comma may stand inside the closing mark: "as “premeditated,” Kalinak …".
            if v.words[k] == "," and (not v.quoted[k] or (k + 1 < hi and v.is_mark(k + 1))):
                comma = k
                break
        if comma < 0:
            return None
        k = comma + 1
        while k < hi and v.is_punct(k):
            k += 1
        speaker = self.np.right(k, hi) if k < hi else None
        if speaker is None or speaker.start != k:
            return None
        verb = _Verb(i, end, lemma, cls, speaker, v.starts[i], lo, hi, v.starts[i], True, False)
        if cls == "naming":
            cue = self._naming(verb, end)
        elif v.lowers[end] == "that":
            cue = self._forward(verb, v.ends[end], end + 1)
        else:
            return None
        if cue is None or cue.direction != "forward":
            return None
        return replace(cue, content_end=min(cue.content_end, v.starts[comma]))

    def _according(self, i: int, end: int, lo: int, hi: int, floor: int) -> Cue | None:
        """"According to X, …" (content after) or "…, according to X." (content before)."""
        v = self.v
        if end < hi and v.lowers[end] in lx.OBJECT_TO_SUBJECT:
            speaker = Phrase(end, end + 1, "pronoun")  # "According to her, …"
        else:
            speaker = self.np.right(end, hi)
        if speaker is None or v.lowers[speaker.end - 1] in lx.ACCORDING_TO_RULES:
            return None
        verb = _Verb(i, end, lx.ACCORDING_TO, "according", speaker, v.starts[i], lo, hi, floor, True, False)
        cue_end = v.ends[end - 1]
        if self.limits.clause_initial(i, lo):
            k = speaker.end + (speaker.end < hi and v.words[speaker.end] == ",")
            return self._forward(verb, cue_end, k) if k < hi else None
        # "…, according to NATO" and "was planned according to police": the clause before.
        start, end_char = self.limits.floor(floor), v.starts[i]
        return verb.cue(cue_end, "backward", start, end_char) if end_char > start else None

    def _sentence_end_char(self, hi: int) -> int:
        """Character offset just past the last word of the sentence ending before token hi."""
        return self.v.ends[hi - 1]


def find_cues(view: TokenView) -> list[Cue]:
    """Every speech cue of a document, in text order."""
    return CueReader(view).cues()
