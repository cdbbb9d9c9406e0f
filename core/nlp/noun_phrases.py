"""Noun phrases around a reporting verb: who speaks, to whom, and the adverbials in between.

The readers scan plain token lists left or right from a position, each within a fixed number of
tokens, so reading a phrase never costs more than a few dozen steps: "Serbian President
Aleksandar Vucic", "The force, known as KFOR,", "a spokesman for the ministry", "told reporters
in Belgrade on Monday".
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.core.nlp import lexicon as lx
from briefing.core.nlp.token_view import TokenView

#: How far (in tokens) a speaker phrase, an appositive chain or an adverbial may reach.
MAX_PHRASE = 8
MAX_SEGMENT = 30
MAX_SEGMENTS = 4
#: Longest appositive description read as part of a speaker's phrase.
MAX_DESCRIPTION = 20


@dataclass(frozen=True)
class Phrase:
    """A speaker phrase: tokens [start, end) and whether it is a pronoun, a name or a common noun."""

    start: int
    end: int
    kind: str  # "pronoun" | "proper" | "common" | "coordinated" (the subject of an earlier verb)
    #: First token of the whole subject when the phrase is one appositive of several
    #: ("The force, known as KFOR,"): reported words before the cue end before it.
    subject_start: int = -1
    #: For a relative pronoun ("The source, who thanked …"): the tokens of what it stands for.
    refers: tuple[int, int] | None = None

    @property
    def first(self) -> int:
        """First token of the subject."""
        return self.subject_start if self.subject_start >= 0 else self.start



#: Prepositions that open an adverbial between a reporting verb and what it reports.
_PREPOSITIONS = lx.ADVERBIAL_PREPOSITIONS | {"with", "to", "by", "outside", "inside", "near", "beside", "behind"}
_PREPOSITIONS_OF = _PREPOSITIONS | {"of", "about"}


class PhraseReader:
    """Reads speaker, recipient and adverbial phrases of one document."""

    def __init__(self, view: TokenView) -> None:
        self.v = view

    def appositive_chain(self, j: int, lo: int) -> Phrase | None:
        """Speaker of "The commander of X, Major General Y, who …, said" and "The force, known as
        KFOR, said": comma-separated segments read right to left, relative clauses skipped."""
        v = self.v
        candidates: list[Phrase] = []
        end = j
        for _ in range(MAX_SEGMENTS):
            if v.words[end] == ")":
                # "the NATO-led force (KFOR) said": the bracketed name, then the phrase before it.
                k = end - 1
                while k >= lo and end - k < 8 and v.words[k] != "(":
                    k -= 1
                if k < lo or v.words[k] != "(":
                    break
                inner = self.left(end - 1, k + 1)
                if inner is not None and inner.start == k + 1 and inner.kind == "proper":
                    candidates.append(inner)
                if k - 1 >= lo and not v.is_punct(k - 1):
                    outer = self.left(k - 1, lo)
                    if outer is not None:
                        candidates.append(outer)
                break
            s = end - 1
            while s >= lo and v.words[s] != "," and end - s <= MAX_SEGMENT:
                if v.words[s] == ";" or v.words[s] in lx.DASHES:
                    break  # "…; a KFOR spokesman, speaking …, said": the clause starts here
                s -= 1
            if end - s > MAX_SEGMENT or s + 1 >= end:
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
            if first_low in lx.BARE_LINKS and seg + 1 < end:
                # "…, and Kurti, speaking in Pristina, said": the chain's subject opens a clause.
                phrase = self.left(end - 1, seg + 1)
                if phrase is not None and phrase.start == seg + 1:
                    candidates.append(phrase)
                break
            if first_low in lx.NAMING_APPOSITIVES:
                # "known as KFOR", "also called the Quint"
                k = seg + 1
                if k < end and v.lowers[k] == "as":
                    k += 1
                named = self.right(k, end)
                if named is not None:
                    candidates.append(named)
            elif v.words[seg][:1].isdigit() and end - seg <= 2:
                pass  # an age: "Abdelhak El Amrani, 33, told"
            elif relative or first_low in lx.SUBORDINATE_STARTS or v.words[seg][:1].isdigit():
                if candidates and not relative and first_low != "including":
                    break  # an adverbial before the subject: "In turn, Vucic, …, said"
            else:
                phrase = self.left(end - 1, seg)
                if phrase is None or phrase.start != seg:
                    phrase = self.description(seg, end)
                if phrase is None:
                    opening = self._relative_opening(s, lo) if s >= lo and not closed else None
                    if opening is None:
                        break
                    # "Tom Dane, whose latest start-up, Gridly, helps brands, said": the segment
                    # ends a relative clause with commas of its own; go on from where it opens.
                    end = opening
                    continue
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

    def _relative_opening(self, comma: int, lo: int) -> int | None:
        """The comma before the segment that opens a relative clause ("…, whose company, X, …"),
        when that clause runs on through the comma at `comma`; None when no such clause does."""
        v = self.v
        k = comma
        for step in range(3):
            s = k - 1
            while s >= lo and v.words[s] != "," and k - s <= MAX_SEGMENT:
                if v.words[s] in (";", ".") or v.words[s] in lx.DASHES:
                    return None
                s -= 1
            if s < lo or v.words[s] != ",":
                return None
            if v.lowers[s + 1] in ("who", "whose", "which") and v.words[s + 1].islower():
                # Right after the relative clause, the segment is the sentence's own predicate
                # ("X, who …, made coffee, told him …"): only a clause that names something
                # inside it ("whose company, Gridly, helps …") runs on through its commas.
                return s if step else None
            if not v.words[s + 1][:1].isupper():
                return None  # only names stand between: "whose company, Gridly, …"
            k = s
        return None

    def description(self, seg: int, end: int) -> Phrase | None:
        """An appositive that describes the speaker, tokens [seg, end): "a former mayor of Nice
        and president of the regional council", "an independent voter raised in Chile", "the
        spokesperson for the army that controls the east". None when the words read as a clause
        (a finite verb before any relative pronoun) or do not open like a noun phrase."""
        v = self.v
        lowers = v.lowers
        if end - seg > MAX_DESCRIPTION:
            return None
        first = lowers[seg]
        possessive = seg + 1 < end and lowers[seg + 1] in ("'s", "’s") and v.is_cap(seg)
        if not (first in lx.DETERMINERS or first in lx.QUANTIFIERS or first in lx.TITLE_WORDS or possessive):
            return None
        for k in range(seg, end):
            low = lowers[k]
            if low in lx.RELATIVE_PRONOUNS and k > seg:
                break  # "… that controls the east": what follows describes, it is not the verb
            if low in lx.FINITE_MARKERS and low not in ("'s", "’s") or low in lx.SPEECH_FORMS:
                return None
            if v.words[k].islower() and low.endswith("ed") and k + 1 < end and lowers[k + 1] in lx.DETERMINERS:
                return None  # "the army deployed the troops": a past tense with its object
        return Phrase(seg, end, "common")

    def left(self, j: int, lo: int) -> Phrase | None:
        """The speaker noun phrase ending at token j (a name with titles, or a speaker noun)."""
        v = self.v
        lowers = v.lowers
        if j < lo:
            return None
        if lowers[j] in lx.QUANTITY_WORDS or lowers[j] in lx.NUMBER_WORDS or v.words[j][:1].isdigit():
            quantity = self._quantity(j, lo)  # "Some said", "About four in 10 said", "39 have said"
            if quantity is not None:
                return quantity
        if (v.is_name(j) or (v.is_cap(j) and lowers[j] in lx.NAME_INTERIOR and lowers[j] in lx.ORG_WORDS)) and not v.is_punct(j):
            i = j
            while i - 1 >= lo:
                p = i - 1
                if v.is_name(p) or (v.is_cap(p) and lowers[p] in lx.NAME_INTERIOR and p - 1 >= lo and v.is_cap(p - 1)):
                    i = p
                elif lowers[p] in ("'s", "’s") and p - 1 >= lo and v.is_name(p - 1):
                    i = p - 1
                elif lowers[p] in ("'s", "’s") and p - 2 >= lo and v.words[p - 1].isalpha() and v.words[p - 1].islower() and lowers[p - 2] in lx.DETERMINERS:
                    i = p - 2  # "the country’s Interior Ministry", "the company's chief executive"
                    break
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
                if j - i > MAX_PHRASE:
                    break
            if i - 2 >= lo and lowers[i - 1] in ("and", "&") and v.is_name(i - 2) and lowers[i - 2] not in lx.TITLE_WORDS:
                # "Vucic and Kurti said": both names (SpeakerBook makes a group of them).
                i -= 2
                while i - 1 >= lo and v.is_name(i - 1) and j - i <= MAX_PHRASE:
                    i -= 1
            # Lowercase titles in front: "EU foreign policy chief Josep Borrell".
            if i - 1 >= lo and lowers[i - 1] in lx.TITLE_WORDS and not v.is_cap(i - 1):
                k = i - 1
                while k - 1 >= lo and i - k < 4 and not v.is_punct(k - 1) and lowers[k - 1] not in lx.NP_STOPS and lowers[k - 1] not in lx.DETERMINERS:
                    k -= 1
                i = k
            i = self._roles_of(i, lo)
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
                if low in ("'s", "’s") or (low in ("'", "’") and p - 1 >= lo and lowers[p - 1].endswith("s")):
                    i = p  # "the ministry's spokesman", "Sanders' team"
                    continue
                if v.is_punct(p) or low in lx.NP_STOPS or low in lx.PRONOUNS:
                    break
                if v.is_mark(p):
                    break
                i = p
            i = self._roles_of(i, lo)
            if i - 1 >= lo and lowers[i - 1] in ("the", "a", "an"):
                i -= 1
            return Phrase(i, j + 1, "common")
        if v.words[j][:1].islower() and v.words[j].isalpha() and lowers[j] not in lx.NP_STOPS:
            phrase = self._left_unlisted(j, lo)
            if phrase is None:
                # "people familiar with the matter": the thing known, then who knows it.
                k = j
                while k - 1 >= lo and j - k < 4 and v.words[k - 1].isalpha() and lowers[k - 1] not in ("with", "to"):
                    k -= 1
                if k - 2 >= lo and lowers[k - 1] in ("with", "to") and lowers[k - 2] in lx.TIE_ADJECTIVES:
                    tied = self._role_of(k, lo)
                    if tied < k:
                        return Phrase(tied, j + 1, "common")
            return phrase
        return None

    def _quantity(self, j: int, lo: int) -> Phrase | None:
        """A share of people as a subject, ending at token j: "Some", "Almost half", "About four
        in 10", "39" — at the start of its clause."""
        v = self.v
        i = j
        while i - 1 >= lo and j - i < 5 and (
            v.lowers[i - 1] in lx.QUANTITY_MODIFIERS or v.lowers[i - 1] in lx.NUMBER_WORDS or v.words[i - 1][:1].isdigit()
        ):
            i -= 1
        if i == lo or v.is_punct(i - 1) or v.lowers[i - 1] in ("and", "but", "while", "the", "compared"):
            return Phrase(i, j + 1, "common")
        return None

    def _left_unlisted(self, j: int, lo: int) -> Phrase | None:
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
        i = self._roles_of(i, lo)
        first = lowers[i]
        opens = first in lx.DETERMINERS or first in lx.QUANTIFIERS or v.is_cap(i) or first in lx.SPEAKER_NOUNS or first[:1].isdigit()
        bounded = i == lo or v.words[i - 1] in lx.SEPARATORS or v.words[i - 1] == ";" or v.is_mark(i - 1) or lowers[i - 1] in ("and", "but")
        if opens and bounded and lowers[i] not in lx.PRONOUNS and lowers[i] not in lx.NON_NAMES - lx.DETERMINERS - lx.QUANTIFIERS:
            return Phrase(i, j + 1, "common")
        return None

    def _roles_of(self, i: int, lo: int) -> int:
        """`_role_of` as far as it goes: "the head of the aid group in the region"."""
        for _ in range(3):
            start = self._role_of(i, lo)
            if start >= i:
                break
            i = start
        return i

    def _role_of(self, i: int, lo: int) -> int:
        """Extend "the NATO mission" to "the commander of the NATO mission", "Pristina" to
        "a Western diplomat in Pristina", "the protesters" to "one of the protesters"."""
        v = self.v
        start = i
        if start - 1 >= lo and v.lowers[start - 1] in lx.DETERMINERS:
            start -= 1
        while start - 1 > lo and i - start < 2 and v.words[start - 1].islower() and (
            v.lowers[start - 1] in lx.GEO_WORDS or v.lowers[start - 1] in lx.DEMONYMS
        ):
            start -= 1  # "authorities in eastern Libya"
        if start - 2 >= lo and v.lowers[start - 1] == "of" and v.lowers[start - 2] in lx.QUANTIFIERS:
            return start - 2
        if start - 3 >= lo and v.lowers[start - 1] in ("with", "to") and v.lowers[start - 2] in lx.TIE_ADJECTIVES and (
            v.lowers[start - 3] in lx.SPEAKER_NOUNS or v.lowers[start - 3] in lx.PEOPLE_NOUNS
        ):
            # "people familiar with the matter", "a source close to the campaign"
            k = start - 3
            while k - 1 >= lo and start - k < 6 and not v.is_punct(k - 1) and v.lowers[k - 1] not in lx.NP_STOPS:
                k -= 1
                if v.lowers[k] in lx.DETERMINERS:
                    break
            return k
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

    def right(self, k: int, hi: int) -> Phrase | None:
        """The speaker noun phrase starting at token k ("said Smith", "according to the ministry")."""
        v = self.v
        lowers = v.lowers
        if k < hi and lowers[k] in lx.PRO_FORMS and (k + 1 >= hi or v.is_punct(k + 1)):
            return Phrase(k, k + 1, "common")  # "“…,” said another."
        if k + 1 < hi and lowers[k] == "a" and lowers[k + 1] in lx.ORDINALS and (k + 2 >= hi or v.is_punct(k + 2)):
            return Phrase(k, k + 2, "common")  # "said a third"
        i = k
        if i < hi and lowers[i] in lx.DETERMINERS:
            i += 1
        head = -1
        proper = False
        determined = i > k or (k < hi and lowers[k] in lx.QUANTIFIERS)
        noun = -1  # a lowercase word after a determiner: "one woman", "a shopkeeper"
        while i < hi and i - k < MAX_PHRASE + 2:
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
            elif head >= 0 and low.endswith("ed") and len(low) > 4:
                break  # "Vell's aide rallied supporters": the verb after the subject
            i += 1
        if head < 0 and noun >= 0:
            head = noun
        if head < 0:
            return None
        return Phrase(k, head + 1, "proper" if proper else "common")

    # --- after the verb -----------------------------------------------------------------------

    def recipient(self, k: int, hi: int) -> int | None:
        """End of the recipient of "told": "reporters", "the BBC", "a news conference", "him"."""
        v = self.v
        if k >= hi:
            return None
        low = v.lowers[k]
        if (low in lx.OBJECT_PRONOUNS and not self._possessive_before_noun(k, hi)) or low in lx.RECIPIENT_NOUNS:
            return k + 1
        i = k + 1 if low in lx.DETERMINERS else k
        last = None
        # "the BBC", "a news conference", "Kossev news portal", "state broadcaster RTS"
        while i < hi and i - k < 8:
            low = v.lowers[i]
            if low in ("'s", "’s") and last == i - 1:
                i += 1  # "told CNN's Jake Tapper", "told USA TODAY's weekly series"
                continue
            if v.is_punct(i) or low in lx.NP_STOPS or low in lx.ADVERBIAL_PREPOSITIONS or low in lx.FINITE_MARKERS:
                break
            if low in lx.RECIPIENT_NOUNS or v.is_name(i) or (last is not None and last >= i - 3 and v.words[i].isalpha() and v.words[i].islower() and low not in lx.DETERMINERS):
                last = i
            elif low in lx.DETERMINERS or low in lx.SUBJECT_PRONOUNS:
                break
            i += 1
        return last + 1 if last is not None else None

    def _possessive_before_noun(self, k: int, hi: int) -> bool:
        """Whether "her" at token k is a determiner ("told her supporters: …"), not the object
        ("told her that …", "told her it was over", "told her the plan was dead")."""
        v = self.v
        if v.lowers[k] not in lx.POSSESSIVE_DETERMINERS or k + 1 >= hi:
            return False
        nxt = v.lowers[k + 1]
        return (
            v.words[k + 1].isalpha() and v.words[k + 1].islower() and nxt not in lx.DETERMINERS
            and nxt not in lx.SUBJECT_PRONOUNS and nxt not in lx.FINITE_MARKERS and nxt not in lx.NP_STOPS
            and nxt not in lx.ADVERBIAL_PREPOSITIONS and nxt not in ("that", "to", "and", "or", "not")
        )

    def adverbials(self, k: int, hi: int, of_phrase: bool = True) -> int:
        """Skip "in a statement", "on Monday", "late Tuesday", "in an interview with N1", "by
        phone", "bluntly" before a quotation, and (with `of_phrase`) "of the plan" ("said of the
        plan that …")."""
        v = self.v
        lowers = v.lowers
        prepositions = _PREPOSITIONS_OF if of_phrase else _PREPOSITIONS
        for _ in range(4):
            if k >= hi:
                return k
            low = lowers[k]
            if low in lx.CUE_ADVERBS:
                k += 1
                continue
            if low.endswith("ly") and v.words[k] == low and k + 2 < hi and v.introduces_quotation(k + 1):
                k += 1  # "said bluntly: “…”", "added quietly, “…”": a manner adverb before a quotation
                continue
            if low in ("last", "this", "next", "late", "early") and k + 1 < hi and lowers[k + 1] in lx.TIME_WORDS:
                k += 2  # "said last year", "said late Monday"
                continue
            if v.words[k] == "," and k + 2 < hi and lowers[k + 1] in lx.COMMA_ADVERBS and v.words[k + 2] == ",":
                k += 3  # "said, however, that …"
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
                limit = min(hi, k + MAX_SEGMENT)
                while k < limit and v.words[k] != "," and v.words[k] not in lx.END_PUNCT:
                    k += 1
                continue
            if low in prepositions:
                if low == "at" and k + 1 < hi and lowers[k + 1] in ("least", "most"):
                    return k  # "said at least 2,000 people died": a number, not an adverbial
                if low == "to" and (k + 1 >= hi or lowers[k + 1] not in lx.DETERMINERS and not v.is_name(k + 1) and lowers[k + 1] not in lx.RECIPIENT_NOUNS):
                    return k
                k = self._prep_phrase(k, hi)
                continue
            return k
        return k

    def trailer(self, k: int, hi: int) -> int:
        """End of what may follow a speaker named after the verb before the sentence goes on:
        a relative clause ("said Amrani who went outside"), a participle phrase ("joining many
        other people") or "close to the campaign". Runs to the next comma, never over a
        quotation mark; k itself when nothing of the kind starts there."""
        v = self.v
        low = v.lowers[k]
        if not (low in ("who", "which", "whose", "close") or (v.words[k].islower() and low.endswith(("ing", "ed")) and len(low) > 4)):
            return k
        j = k
        while j < hi and j - k < MAX_SEGMENT and v.words[j] not in (",", ";") and v.words[j] not in lx.END_PUNCT:
            if v.is_mark(j) or v.words[j] in lx.DASHES:
                return k
            j += 1
        return j if j - k < MAX_SEGMENT else k

    def _prep_phrase(self, k: int, hi: int) -> int:
        """End of a prepositional adverbial starting at token k (a bounded, clause-free run)."""
        v = self.v
        lowers = v.lowers
        i = k + 1
        if i < hi and lowers[i] in lx.DETERMINERS:
            i += 1
        # Up to seven words; a second determiner, a pronoun or a clause word starts the content
        # ("said on Friday the army …"), another preposition a further adverbial. "of" goes on
        # with the same phrase ("in one of a series of messages").
        start = i
        while i < hi and i - start < 7:
            low = lowers[i]
            if low == "of" and i > start - 1 and i + 1 < hi and not v.is_punct(i + 1) and lowers[i + 1] not in lx.CLAUSE_OPENERS - lx.DETERMINERS:
                i += 2 if lowers[i + 1] in lx.DETERMINERS else 1
                start = i
                continue
            if v.is_punct(i) or low in _PREPOSITIONS:
                break
            if low in lx.DETERMINERS or low in lx.CLAUSE_OPENERS or low in lx.NP_STOPS:
                break
            i += 1
        return i

    def clause_start(self, lo: int, i: int) -> int:
        """First token of the main clause of a sentence starting at lo (before token i): after
        an opening adverbial and its comma ("On Tuesday, …", "In Tripoli, …")."""
        v = self.v
        lo = self._after_dateline(lo, i)
        start = lo
        for k in range(lo, min(i, lo + 5)):
            # "A few minutes later they …", "Two days earlier, the ministry …"
            if v.lowers[k] in ("later", "earlier", "ago") and k > lo and v.lowers[k - 1] in lx.TIME_NOUNS:
                start = k + 1 + (k + 1 < i and v.words[k + 1] == ",")
                lo = start
                break
        first = v.lowers[lo] if lo < i else ""
        if lo < i and (
            first in lx.SUBORDINATE_STARTS or first in lx.ADVERBIAL_PREPOSITIONS or first in lx.OPENING_ADVERBS
            or v.words[lo].endswith("ing") or (first.endswith("ly") and len(first) > 4)
        ):
            # "On Tuesday, …", "Here in Dunmore, …", "Separately, …": up to the comma.
            while start < i and start - lo < MAX_SEGMENT and v.words[start] != ",":
                start += 1
            start += 1 if start < i and v.words[start] == "," else lo - start
        while start < i and v.is_punct(start):
            start += 1
        return min(start, i)

    def _after_dateline(self, lo: int, i: int) -> int:
        """The first token after a dateline opening the sentence ("WASHINGTON, Dec. 8 (UPI) —",
        "Washington (AFP) –"), or lo when there is none."""
        v = self.v
        for k in range(lo + 1, min(i, lo + 10)):
            if v.words[k] in lx.DASHES:
                opening = v.words[lo]
                agency = any(v.words[j] == "(" for j in range(lo, k))
                if (len(opening) > 2 and opening.isupper()) or agency:
                    return k + 1
                return lo
            if v.lowers[k] in lx.NP_STOPS or (v.words[k].islower() and v.words[k].isalpha() and v.lowers[k] not in lx.MONTHS):
                return lo
        return lo

    def sentence_subject(self, lo: int, i: int) -> Phrase | None:
        """The subject at the start of a sentence ("Kosovo's government on Tuesday rejected …")."""
        start = self.clause_start(lo, i)  # "On Tuesday, the ministry …"
        if start >= i:
            return None
        if self.v.lowers[start] in lx.PRONOUNS and self.v.words[start] in (self.v.lowers[start], self.v.lowers[start].capitalize()):
            return Phrase(start, start + 1, "pronoun")  # "She also compared …, saying …"
        phrase = self.right(start, i)
        if phrase is None or phrase.start != start:
            return None
        v = self.v
        if phrase.kind != "proper" and phrase.end + 1 < i and v.words[phrase.end] == ",":
            # "One of the men, Jo Elkins, 70, had served … and said": the name in apposition.
            name = self.right(phrase.end + 1, i)
            if name is not None and name.kind == "proper" and name.start == phrase.end + 1 and name.end < i and v.words[name.end] == ",":
                return Phrase(name.start, name.end, "proper", phrase.start)
        return phrase

    def subject_limit(self, k: int, i: int) -> int:
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
