"""What an article says about the people and bodies in it, outside quotes: who is mentioned by
name, how an appositive describes them ("Pelagic Research Services, a Cape Cod-based ocean
services company") and who issued each statement or letter it mentions.

Speakers are resolved against this: "he" against the names, "the company" against the
descriptions, "the statement said" against the documents.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.core.nlp import lexicon as lx
from briefing.core.nlp.noun_phrases import PhraseReader
from briefing.core.nlp.token_view import TokenView

#: Longest appositive read for its head noun ("X, a … company that …").
_MAX_APPOSITIVE = 12


@dataclass(frozen=True)
class Mention:
    """A capitalised run of tokens outside quotes: [start, end) tokens at character `pos`."""

    start: int
    end: int
    pos: int


@dataclass(frozen=True)
class Document:
    """A statement, letter or post the narrative mentions at character `pos`, with the words of
    whoever issued it ("Engro Corporation" in "In a statement, Engro Corporation said …")."""

    pos: int
    owner: tuple[str, ...]


def find_mentions(view: TokenView) -> list[Mention]:
    """Capitalised runs outside quotes: the people and organisations a pronoun may stand for."""
    words, lowers, quoted, starts = view.words, view.lowers, view.quoted, view.starts
    # Only a capitalised or hyphenated word can be a name: the others are not asked.
    name_like = {word for word in set(words) if word[:1].isupper() or "-" in word}
    caps = [i for i, word in enumerate(words) if word in name_like and not quoted[i] and view.is_name(i)]
    mentions: list[Mention] = []
    k = 0
    org_words = lx.ORG_WORDS
    while k < len(caps):
        first = last = caps[k]
        org = lowers[first] in org_words  # an organisation's name so far: it may go on "of …"
        k += 1
        while k < len(caps) and (
            caps[k] == last + 1
            or (caps[k] == last + 2 and lowers[last + 1] in ("'s", "’s", "de", "van", "von", "bin", "al"))
            # "Ministry of Foreign Affairs of the Republic of Serbia" is one name; "Albin Kurti
            # of Kosovo" is a person and a place.
            or (org and caps[k] == last + 2 and lowers[last + 1] in ("of", "for"))
            or (org and caps[k] == last + 3 and lowers[last + 1] == "of" and lowers[last + 2] == "the")
        ):
            last = caps[k]
            org = org or lowers[last] in org_words
            k += 1
        mentions.append(Mention(first, last + 1, starts[first]))
    return mentions


def appositive_heads(view: TokenView, mentions: list[Mention]) -> dict[int, str]:
    """Mention start -> the head noun of the appositive right after it: "Pelagic Research
    Services, a Cape Cod-based ocean services company that owns the ROV" → company."""
    lowers, words = view.lowers, view.words
    heads: dict[int, str] = {}
    n = len(words)
    for mention in mentions:
        k = mention.end
        if k + 1 >= n or words[k] != "," or lowers[k + 1] not in ("a", "an", "the"):
            continue
        head = ""
        for j in range(k + 2, min(n, k + 2 + _MAX_APPOSITIVE)):
            low = lowers[j]
            if view.is_punct(j) and low not in ("'s", "’s") or low in lx.RELATIVE_PRONOUNS or low in lx.NP_STOPS:
                break
            if words[j].isalpha() and words[j].islower():
                head = low
        if head:
            heads[mention.start] = head
    return heads


def find_documents(view: TokenView, phrases: PhraseReader) -> list[Document]:
    """Every statement, letter or post the narrative mentions, with who issued it: "a statement
    from NATO", "Vucic's letter", "PRS deleted an earlier statement", "In a statement, X said"."""
    lowers, words = view.lowers, view.words
    documents: list[Document] = []
    for k, low in enumerate(lowers):
        if low not in lx.ISSUED_NOUNS or view.quoted[k] or not words[k].islower():
            continue
        lo, hi = view.sentence(k)
        owner = None
        if k + 2 < hi and lowers[k + 1] in ("from", "by") and lowers[k + 2] not in lx.POSSESSIVE_DETERMINERS:
            owner = phrases.right(k + 2, hi)  # "a statement from the Dawood Foundation"
        elif k - 2 >= lo and lowers[k - 1] in ("'s", "’s"):
            owner = phrases.left(k - 2, lo)  # "the ministry's statement"
        else:
            # "PRS deleted an earlier statement", "In a statement, Engro said": the subject of
            # the clause (after an opening adverbial, which may hold the document itself).
            start = phrases.clause_start(lo, hi)
            if start != k:
                owner = phrases.right(start, phrases.subject_limit(start, hi))
                if owner is not None and (owner.start != start or owner.start <= k < owner.end):
                    owner = None
        if owner is not None and lowers[owner.start] not in lx.PRONOUNS and lowers[owner.end - 1] not in lx.ISSUED_NOUNS:
            documents.append(Document(view.starts[k], tuple(words[owner.start : owner.end])))
    return documents
