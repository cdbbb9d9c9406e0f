"""Who a reporting verb is attributed to: the subject phrase before it, the antecedent of a
relative pronoun ("the source, who said …"), a subject carrying a relative clause, and the words
that make a clause assert nothing ("what they said were …", "if she says")."""

from __future__ import annotations

from briefing.core.nlp import lexicon as lx
from briefing.core.nlp.noun_phrases import MAX_SEGMENT, Phrase, PhraseReader
from briefing.core.nlp.token_view import TokenView


class CueSubjects:
    """The subject readers of `speech_cues.CueReader`, over its token view and phrase reader."""

    v: TokenView
    np: PhraseReader

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
            if j > lo and v.words[j][:1].isupper() and low in lx.MODALS:
                break  # capitalised inside a sentence: a name ("Theresa May said"), not "may"
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
        if low in ("and", "but") and j > lo and (not v.is_punct(j - 1) or v.words[j - 1] == "," or self._closes_aside(j - 1, lo)):
            # "Vucic criticized the police and said …", "… served in the army - “…” - and said":
            # the subject of the first verb, which `cues` supplies; the phrase only marks the
            # coordination.
            return Phrase(j, j, "coordinated"), first, asserted
        if low == "," and first < i and lowers[first] == "then" and j > lo and not v.is_punct(j - 1):
            # "Kell offered the man a job, then said …": "then" after a comma joins two verbs.
            return Phrase(j, j, "coordinated"), first, asserted
        if low in lx.PRONOUNS and v.words[j] in (low, low.capitalize()):
            if j - 1 >= lo and self._non_assertive(j - 1, i):
                return "skip"
            return Phrase(j, j + 1, "pronoun"), first, asserted
        if low in lx.FIRST_PERSON:
            return "skip"
        if low in lx.RELATIVE_SUBJECTS and v.words[j] == low:
            # "The source, who thanked …", "countries that have said …": the pronoun as
            # written, standing for the phrase before it.
            antecedent = self._antecedent(j, lo)
            if antecedent is None:
                return None
            return Phrase(j, j + 1, "relative", antecedent.first, (antecedent.start, antecedent.end)), first, asserted
        if v.words[j] in (",", ")"):
            phrase = self.np.appositive_chain(j, lo)
        elif v.is_punct(j):
            return None
        else:
            phrase = self.np.left(j, lo)
        if phrase is None:
            phrase = self._relative_head(j, lo)
        if phrase is None:
            return None
        if phrase.first - 1 >= lo and self._non_assertive(phrase.first - 1, i):
            return "skip"
        return phrase, first, asserted

    def _closes_aside(self, k: int, lo: int) -> bool:
        """Whether token k is a dash that closes an aside opened by another dash ("… - “…” - and")."""
        v = self.v
        return v.words[k] in lx.DASHES and any(v.words[p] in lx.DASHES for p in range(max(lo, k - MAX_SEGMENT), k))

    def _antecedent(self, j: int, lo: int) -> Phrase | None:
        """The phrase a relative pronoun at token j stands for: the noun phrase (or appositive
        chain) right before it, with or without a comma."""
        v = self.v
        k = j - 1
        if k < lo:
            return None
        if v.words[k] == ",":
            # Past an aside of examples: "several countries, notably France, that …".
            p = k - 1
            while p > lo and k - p < 12 and v.words[p] != ",":
                p -= 1
            if p > lo and v.words[p] == "," and v.lowers[p + 1] in lx.ASIDE_STARTS:
                k = p
            if k - 1 < lo or v.words[k - 1] in (",", ")"):
                return None
            return self.np.appositive_chain(k, lo) or self.np.left(k - 1, lo)
        if v.is_punct(k):
            return None
        return self.np.left(k, lo)

    def _relative_head(self, j: int, lo: int) -> Phrase | None:
        """A subject that carries a relative clause before its verb: "The family of the sailor
        who died after the ferry sank has paid tribute …". The subject is the clause-initial
        noun phrase before the first relative pronoun, when nothing but the relative clause
        (no punctuation, no second relative pronoun) stands between it and the verb."""
        v = self.v
        start = self.np.clause_start(lo, j)
        if j - start > 2 * MAX_SEGMENT:
            # A head and its relative clause are each a segment at most: a longer run without
            # punctuation is no such subject (and reading it for every cue would be quadratic).
            return None
        relative = -1
        for k in range(start + 1, j + 1):
            low = v.lowers[k]
            if v.is_punct(k) and low not in ("'s", "’s"):
                return None
            if low in lx.RELATIVE_SUBJECTS and relative < 0:
                relative = k
        if relative < 0 or j - relative > MAX_SEGMENT:
            return None
        phrase = self.np.left(relative - 1, start)
        if phrase is None:
            return None
        if phrase.start != start:
            # "the three-person council which …": a few words in front of the head noun.
            if phrase.start - start > 3 or any(not v.words[k].islower() or v.is_punct(k) for k in range(start, phrase.start)):
                return None
            phrase = Phrase(start, phrase.end, phrase.kind)
        return phrase

    def _non_assertive(self, k: int, verb: int) -> bool:
        """Whether word k makes the clause assert nothing: "what they said were …", "if she says",
        "As Vucic said, …" (but ", as the chief warned that …" is a temporal "as")."""
        v = self.v
        low = v.lowers[k]
        if low != "as":
            return low in lx.NON_ASSERTIVE
        stop = v.sentence(verb)[1]
        after = self.np.adverbials(verb + 1, stop)
        if after < stop and v.lowers[after] == "it" and v.lowers[verb] in lx.forms("put"):
            after = self.np.adverbials(after + 1, stop)
        nxt = v.words[after] if after < stop else "."
        if after < stop and v.introduces_quotation(after):
            return False  # "As Reyes said, “…”": the quotation is the speaker's own words
        return nxt in (",", ";") or nxt in lx.END_PUNCT
