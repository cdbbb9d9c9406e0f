"""The verb table: every surface form of a reporting verb, with its lemma and class.

The lemmas are data (`lexicon`); this module inflects them once at import and answers, for a
token, whether a cue starts there ("said", "called on", "according to").
"""

from __future__ import annotations

from briefing.core.nlp import lexicon as lx
from briefing.core.nlp.token_view import TokenView


def _verb_table() -> dict[str, tuple[str, str]]:
    """Surface form -> (lemma, class); a form in several classes keeps the most specific."""
    table: dict[str, tuple[str, str]] = {}
    for cls, lemmas in (
        ("act", lx.ACT_VERBS),
        ("object", lx.OBJECT_VERBS + lx.FIGURE_VERBS),
        ("naming", lx.NAMING_VERBS),
        ("that", lx.THAT_VERBS + lx.DOCUMENT_VERBS),
        ("bare", lx.BARE_CLAUSE_VERBS),
        ("directive", lx.DIRECTIVE_VERBS),
        ("citing", lx.CITING_VERBS),
    ):
        for lemma in lemmas:
            for form in lx.forms(lemma):
                table[form] = (lemma, cls)
    table[lx.ACCORDING_TO] = (lx.ACCORDING_TO, "according")
    return table


VERBS = _verb_table()
#: First words of every cue, for the one cheap pass over the tokens.
HEADS = frozenset(form.split(" ")[0] for form in VERBS)
MULTI = {}
for _form in VERBS:
    if " " in _form:
        MULTI.setdefault(_form.split(" ")[0], []).append(_form)


def verb_at(v: TokenView, i: int) -> tuple[str, str, int] | None:
    """(lemma, class, end token) of the cue starting at token i, or None."""
    word = v.words[i]
    low = v.lowers[i]
    if word != low and not (
        word == low.capitalize() and (low == "according" or (low.endswith("ing") and v.sentence(i)[0] == i))
    ):
        return None  # "Said" as a name, "Calls" in a headline; but "Describing … as “…”, X …"
    for form in MULTI.get(low, ()):
        rest = form.split(" ")[1:]
        if v.lowers[i + 1 : i + 1 + len(rest)] == rest:
            lemma, cls = VERBS[form]
            return lemma, cls, i + 1 + len(rest)
        if i + 1 < len(v) and v.lowers[i + 1] in lx.WEEKDAYS and v.lowers[i + 2 : i + 2 + len(rest)] == rest:
            lemma, cls = VERBS[form]
            return lemma, cls, i + 2 + len(rest)  # "called Wednesday for …"
    if low == "according" or low not in VERBS:
        return None
    if low.endswith("s") and i + 1 < len(v) and v.lowers[i + 1] in lx.NOUN_AFTER_S:
        return None  # "Slovak reports have identified …", "the claims were": a plural noun
    if i + 1 < len(v) and v.lowers[i + 1] in lx.AUX_AFTER_NOUN and i > 0 and not v.is_punct(i - 1):
        return None  # "The key question is …": a verb is not followed by an auxiliary
    if i + 2 < len(v) and v.lowers[i + 1] in ("that", "which", "who") and v.lowers[i + 2] in lx.AUX_AFTER_NOUN:
        return None  # "Rust Belt states that have suffered": a relative clause on a noun
    if i > 0 and (v.lowers[i - 1] in lx.NOUN_DETERMINERS or (v.lowers[i - 1] in lx.DEMONYMS and v.is_cap(i - 1))):
        return None  # "the report", "a call", "Moroccan state television": nouns
    if i > 0 and _noun_after(v, i):
        return None  # "the secretary of state is", "the other states voting", "three reports"
    lemma, cls = VERBS[low]
    if (
        i > 0 and low == lemma.split(" ")[0] and v.is_cap(i - 1) and v.lowers[i - 1] not in lx.FIRST_PERSON | {"they"}
        and any(v.lowers[j] in VERBS for j in range(i + 2, min(len(v), i + 4)))
    ):
        return None  # "Moroccan state television reported": a noun before the verb
    if (
        i > 0 and i + 1 < len(v) and low == lemma.split(" ")[0] and v.is_cap(i - 1)
        and v.lowers[i - 1] not in lx.FIRST_PERSON | {"they"} and v.lowers[i + 1] in ("and", "or", ",", ".")
    ):
        return None  # "protests in New York state and …": a noun, a verb would go on
    if i > 1 and low == lemma.split(" ")[0] and v.lowers[i - 2] in lx.SINGULAR_DETERMINERS and v.words[i - 1].isalpha() and v.words[i - 1].islower():
        return None  # "a press release", "a blog post": a base form after "a" and a noun is a noun
    if low.endswith("ed") and i + 1 < len(v) and v.lowers[i + 1] == "by":
        return None  # "the divide highlighted by the shootings": a passive participle
    if cls == "citing" and not (low.endswith("ing") and i > 0 and v.words[i - 1] == ","):
        return None  # only ", citing X" layers a report
    if lemma == "put" and (words_end := _puts_it_in_words(v, i + 1)) is not None:
        return lemma, "that", words_end  # "as she put it, “…”", "he put it bluntly: “…”"
    if lemma in lx.FIGURE_VERBS and not _puts_a_figure(v, i + 1):
        return None  # "put pressure on", "put forward"
    if cls == "naming" and low not in lx.NAMING_FORMS:
        return None  # "Locals call the bridge …" names; it reports no utterance
    return lemma, cls, i + 1


def _puts_it_in_words(v: TokenView, k: int) -> int | None:
    """Where the cue ends when the words from token k read "it[ bluntly]: “…”" ("put it"
    introducing a quotation): the comma or colon before the quotation; otherwise None."""
    if k >= len(v) or v.lowers[k] != "it":
        return None
    for j in range(k + 1, min(len(v) - 1, k + 5)):
        if v.words[j] in (",", ":"):
            return j if v.introduces_quotation(j) else None
        if v.is_punct(j) or not (v.lowers[j].endswith("ly") or v.lowers[j] in _WAYS_OF_PUTTING):
            return None  # "put it on the table, …" puts a thing somewhere
    return None


#: Words between "put it" and its quotation besides adverbs in -ly: "put it this way", "put it best".
_WAYS_OF_PUTTING = frozenset({"this", "that", "way", "best", "another", "more", "most", "simply", "so", "well"})


def _puts_a_figure(v: TokenView, k: int) -> bool:
    """Whether the words from token k read "the death toll at …": a figure noun, then "at"."""
    noun = False
    for j in range(k, min(len(v), k + 8)):
        low = v.lowers[j]
        if low == "at":
            return noun
        if low in lx.FIGURE_NOUNS:
            noun = True
        elif v.is_punct(j):
            return False
    return False


def _noun_after(v: TokenView, i: int) -> bool:
    """Whether a word that may be a verb is a noun by the word before it: after "of" or a
    quantifier that only counts things ("of state", "other states", "any state", "member
    state"), or after a number when plural ("three reports"; but "Two said …" speaks)."""
    before, low = v.lowers[i - 1], v.lowers[i]
    lemma = VERBS[low][0].split(" ")[0] if low in VERBS else ""
    if low not in (lemma, lemma + "s"):
        return False  # "accused him of saying", "two said": only a base or -s form is a noun too
    if before in lx.NOUN_COUNTERS:
        return True
    plural = low.endswith("s") and not low.endswith("ss")
    return plural and (before in lx.NUMBER_WORDS or before[:1].isdigit())

