"""Clause limits: where the reported words of a cue may begin and where they must stop.

Reported speech runs to the end of its clause, and a clause ends where another begins with its
own speaker (", as X warned …", "; X said …", "… and Kurti said …"). These rules decide, for a
cue met inside the reported words of an earlier one, whether it belongs to those words or opens
a clause of its own, and where reported words before a cue may start.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from briefing.core.nlp import lexicon as lx
from briefing.core.nlp.noun_phrases import MAX_SEGMENT, Phrase, PhraseReader
from briefing.core.nlp.token_view import TokenView

if TYPE_CHECKING:
    from briefing.core.nlp.speech_cues import Cue


class ClauseLimits:
    """Clause boundaries of one document, read around cues."""

    def __init__(self, view: TokenView, phrases: PhraseReader) -> None:
        self.v = view
        self.np = phrases

    def own_clause(self, cue: Cue | None, i: int, link, content_start: int) -> tuple[int, Cue | None]:
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
            if link is None or cue.content_start < link[1] or self.parenthetical(cue):
                return -1, cue
            return link[0], cue
        if link is not None and (cue.speaker is None or cue.speaker.kind == "coordinated"):
            # "…, but Vucic disagreed, saying …": the subject of the linked clause speaks.
            subject = self.np.right(link[2], self.np.subject_limit(link[2], i))
            if subject is not None and subject.start == link[2] and v.lowers[subject.start] not in lx.FIRST_PERSON:
                if v.lowers[subject.start] in lx.PRONOUNS and subject.end - subject.start == 1:
                    subject = Phrase(subject.start, subject.end, "pronoun")
                return link[0], replace(cue, speaker=subject)
        if link is not None and cue.speaker is not None and cue.direction != "none" and cue.speaker.first > link[2]:
            # "…, and on Sunday, they ordered …": an adverbial between the link and the subject.
            first = cue.speaker.first
            opener = v.lowers[link[2]]
            if v.words[first - 1] == "," and (opener in lx.ADVERBIAL_PREPOSITIONS or opener in lx.OPENING_ADVERBS or opener in lx.TIME_WORDS):
                return link[0], cue
        return self.clause_boundary(cue, lo, content_start), cue

    def clause_boundary(self, cue: Cue, lo: int, content_start: int) -> int:
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
            while k >= lo and v.lowers[k] in lx.CONJUNCTIONS:
                k -= 1
            return v.starts[k] if k >= lo and (v.words[k] in lx.LINK_PUNCT) else -1
        if cue.speaker is None or cue.speaker.kind == "coordinated":
            k = cue.verb - 1
            while k > lo and v.lowers[k] in lx.AUX_ADVERBS:
                k -= 1
            if k > lo and v.is_mark(k) and v.words[k - 1] == ",":
                k -= 1  # the comma stands inside the closing mark: "“went well,” adding …"
            if v.words[k] == "," and v.lowers[cue.verb].endswith("ing"):
                # "…, adding that …", "…, saying …": the speaker goes on in a clause of its own.
                return v.starts[k]
            return v.starts[k] if v.lowers[k] in ("and", "but") else -1
        first = cue.speaker.first
        if first - 1 < lo or cue.speaker.start > cue.verb:
            return -1
        before = v.lowers[first - 1]
        if before == ";" or before in lx.DASHES:
            return v.starts[first - 1]
        if before == "that" and first - 2 >= lo and v.lowers[first - 2] in ("and", "but"):
            before, first = v.lowers[first - 2], first - 1  # "… and that Kurti had said …"
        if before in lx.CLAUSE_LINKS:
            if first - 2 >= lo and v.words[first - 2] in (",", ";"):
                return v.starts[first - 2]
            if before in lx.BARE_LINKS:
                return v.starts[first - 1]  # "demanded fresh elections and Vucic said …"
            return -1
        if cue.direction == "none" or cue.speaker.kind == "pronoun" or v.starts[first] < content_start:
            return -1
        if v.words[first - 1] in (",", ")") or v.is_mark(first - 1):
            return -1  # an appositive or a quotation before the subject: not a clean nesting
        return v.starts[first]

    def parenthetical(self, cue: Cue) -> bool:
        """Whether a backward cue stands inside its clause (", he said, would …")."""
        v = self.v
        t = v.token_at(cue.cue_end - 1) + 1
        hi = v.sentence(cue.verb)[1]
        if t + 1 >= hi or v.words[t] != ",":
            return False
        nxt = v.lowers[t + 1]
        return not v.is_punct(t + 1) and nxt not in lx.CONJUNCTIONS and nxt not in ("as", "with", "according") and not nxt.endswith("ing")

    def link_before(self, i: int, content_start: int) -> tuple[int, int, int] | None:
        """The last clause link (", but", ", and", ", while", ";", a dash) before the subject
        of the verb at token i, within earlier content: (link start, next clause start) in
        characters and the clause's first token, or None. Bounded: looks back at most
        MAX_SEGMENT tokens."""
        v = self.v
        lo = v.sentence(i)[0]
        k = i - 1
        stop = max(lo, i - MAX_SEGMENT)
        while k >= stop and v.starts[k] >= content_start:
            word = v.words[k]
            if word == ";" or (word in lx.DASHES and k + 1 < i):
                return v.starts[k], v.starts[k + 1], k + 1
            if word == "," and k + 2 < i and v.lowers[k + 1] in lx.CONJUNCTIONS:
                return v.starts[k], v.starts[k + 2], k + 2
            k -= 1
        return None

    def clause_initial(self, i: int, lo: int) -> bool:
        """Whether token i opens a clause: the sentence start, or after "; ", a dash or ", but"
        ("…, but according to Vucic the vote …"), conjunctions aside."""
        v = self.v
        k = i - 1
        while k >= lo and (v.lowers[k] in ("but", "and", "yet", "so", "while", "whereas") or v.is_mark(k)):
            k -= 1
        if k < lo or all(v.is_punct(j) for j in range(lo, k + 1)):
            return True
        word = v.words[k]
        return word == ";" or word in lx.DASHES or (word == "," and k + 1 < i and v.lowers[k + 1] in lx.CONJUNCTIONS)

    def floor(self, floor: int) -> int:
        """Where reported words before a cue may start: the sentence start (or the end of an
        earlier cue in it), moved back to the opening mark when that falls inside a quote."""
        span = self.v.span_at(floor)
        return span.start if span is not None and span.start < floor else floor
