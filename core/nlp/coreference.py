"""Speakers inside one article: what "he", "it", "the company", "the statement", a surname
or a title stands for, read in the order the article tells it.

`ArticleSpeakers` keeps the article's names (`mentions`), the speakers met so far and the titles
each person was given, and answers for a speaker phrase at a position which entity it is.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from briefing.core.nlp import lexicon as lx
from briefing.core.nlp.mentions import Mention
from briefing.core.nlp.speakers import Entity, SpeakerBook, normalise

#: How far back (characters) a pronoun or "the statement" looks for who it stands for.
_REACH = 3000
#: Sentences a pronoun looks back over.
_SENTENCES_BACK = 6


class Said(NamedTuple):
    """One entry of an article's reading history: who spoke (or acted) where, as written there."""

    pos: int
    entity: Entity
    spoke: bool
    written: str = ""


class ArticleSpeakers:
    """Speakers of one article, in reading order."""

    def __init__(self, book: SpeakerBook, words: list[str], mentions: list[Mention], sentence_starts: list[int]) -> None:
        self.book = book
        self.words = words
        self.mentions = mentions
        self.sentence_starts = sentence_starts  # character offset of each sentence's first token
        self._mention_pos = [m.pos for m in mentions]
        self._by_last: dict[str, list[Mention]] = {}
        for mention in mentions:
            if mention.end - mention.start >= 2:
                self._by_last.setdefault(words[mention.end - 1], []).append(mention)
        self._by_last_pos = {last: [m.pos for m in found] for last, found in self._by_last.items()}
        self._mention_cache: dict[int, Entity | None] = {}
        #: (title words, person) for every person named with a title ("EU foreign policy chief").
        self._titled: list[tuple[frozenset[str], Entity]] = []
        #: Speakers and actors in reading order; `spoke` False for communication acts.
        self.history: list[Said] = []
        self._history_pos: list[int] = []
        #: Head nouns the article has used for an entity ("The NATO-led peacekeeping force,
        #: known as KFOR, said" → force), for a later "the force said".
        self._written_heads: dict[str, set[str]] = {}
        self._gender: dict[str, str] = {}

    # --- naming -------------------------------------------------------------------------------

    def name(self, words: list[str], pos: int) -> Entity | None:
        """The entity a speaker phrase names, merging a lone surname into an earlier full name."""
        entity = self.book.entity(words)
        if entity is None:
            return None
        if entity.kind == "person" and " " not in entity.name and not self.book.focus(entity.name):
            full = self._full_name(entity.name, pos)
            if full is not None:
                return full
        if entity.kind == "person" and entity.named:
            titles = frozenset(w.lower() for w in words if w.lower() in lx.TITLE_WORDS or (w.isalpha() and w.islower()))
            if titles:
                self._titled.append((titles, entity))
        return entity

    def titled_person(self, description: str) -> Entity | None:
        """The one person the article names with the title a description uses: "the bloc's
        foreign policy chief" → Josep Borrell, named elsewhere "EU foreign policy chief Josep
        Borrell". None when no one, or more than one person, fits."""
        words = [w for w in normalise(description).replace("'s", " ").split() if w not in lx.DETERMINERS]
        if not words:
            return None
        head, modifiers = words[-1], set(words[:-1])
        fits = {e for titles, e in self._titled if head in titles and (not modifiers or modifiers & titles)}
        return fits.pop() if len(fits) == 1 else None

    def _full_name(self, surname: str, pos: int) -> Entity | None:
        """The latest earlier person whose name ends with this surname."""
        candidates = self._by_last.get(surname, ())
        # The few latest earlier mentions are enough; older ones would have been found first.
        k = bisect_left(self._by_last_pos.get(surname, ()), pos)
        for mention in reversed(candidates[max(0, k - 5) : k]):
            entity = self._mention_entity(mention)
            if entity is not None and entity.kind == "person" and entity.name.split()[-1] == surname and " " in entity.name:
                return entity
        return None

    def _mention_entity(self, mention: Mention) -> Entity | None:
        key = mention.start
        if key not in self._mention_cache:
            self._mention_cache[key] = self.book.mention(self.words[mention.start : mention.end])
        return self._mention_cache[key]

    # --- context ------------------------------------------------------------------------------

    def record(self, pos: int, entity: Entity, spoke: bool = True, heads: tuple[str, ...] = (), written: str = "") -> None:
        """Note that an entity spoke (or acted: "condemned", "addressed a message") at pos;
        `heads` are the head nouns of the phrase that named it, `written` the phrase itself.

        Calls come in reading order, so positions stay sorted (bisect relies on it)."""
        if heads:
            self._written_heads.setdefault(entity.name, set()).update(heads)
        if self._history_pos and pos < self._history_pos[-1]:
            pos = self._history_pos[-1]
        self.history.append(Said(pos, entity, spoke, written))
        self._history_pos.append(pos)

    def last_speaker(self, before: int, acts: bool = False) -> Said | None:
        """The speaker of the latest quote before a position (or, with `acts`, the latest entity
        that spoke or acted: "Mayor X spoke to reporters." introduces the next quote's speaker)."""
        k = bisect_left(self._history_pos, before)
        for said in reversed(self.history[max(0, k - 50) : k]):
            if said.spoke or acts:
                return said
        return None

    def pronoun(self, word: str, pos: int) -> Entity | None:
        """What "he", "she", "it" or "they" at pos stands for, or None.

        The nearest sentence (this one up to the pronoun, then earlier ones) holding a fitting
        speaker or name decides, and within it the leftmost one: the subject, not an object
        ("Vucic met Scholz. He said …" is Vucic).
        """
        low = word.lower()
        want = lx.PRONOUNS.get(low)
        if want is None:
            return None
        kinds = {"person"} if want == "person" else {"organisation"} if want == "organisation" else {"organisation", "group"}
        gender = {"he": "m", "she": "f"}.get(low)
        h = bisect_left(self._history_pos, pos)
        m = bisect_left(self._mention_pos, pos)
        end = pos
        sentence = max(0, bisect_left(self.sentence_starts, pos + 1) - 1)
        for number in range(sentence, max(-1, sentence - _SENTENCES_BACK), -1):
            start = self.sentence_starts[number] if self.sentence_starts else 0
            if pos - start > _REACH:
                break
            found: list[tuple[int, Entity]] = []
            while h > 0 and self.history[h - 1][0] >= end:
                h -= 1
            while h > 0 and self.history[h - 1][0] >= start:
                h -= 1
                found.append(self.history[h][:2])
            while m > 0 and self._mention_pos[m - 1] >= end:
                m -= 1
            while m > 0 and self._mention_pos[m - 1] >= start and want != "group":
                m -= 1
                entity = self._mention_entity(self.mentions[m])
                if entity is not None and entity.kind == "person" and " " not in entity.name:
                    entity = self._full_name(entity.name, self.mentions[m].pos) or entity
                if entity is not None:
                    found.append((self.mentions[m].pos, entity))
            fitting = [(p, e) for p, e in found if e.kind in kinds and self._gender.get(e.name, gender) == gender]
            if fitting:
                # "they" is rather a group (officials, protesters) than a singular organisation.
                best = min(fitting, key=lambda pe: (want == "group" and pe[1].kind != "group", pe[0]))[1]
                if gender:
                    self._gender.setdefault(best.name, gender)
                return best
            end = start
        return None

    def antecedent(self, head: str, pos: int) -> Entity | None:
        """The organisation "the <head>" at pos refers back to: the latest one before it whose
        name has that word ("the mission" after "The OSCE Mission in Kosovo")."""
        k = bisect_left(self._history_pos, pos)
        while k > 0 and pos - self.history[k - 1][0] <= _REACH:
            k -= 1
            entity = self.history[k][1]
            if entity.kind != "organisation":
                continue
            words = normalise(entity.name).split()
            # Not the first word of the name ("the kosovo …"), unless it is the organisation's
            # kind ("the ministry" is the Ministry of Foreign Affairs).
            if head in words[1:] + words[-1:] or (words[:1] == [head] and head in lx.ORG_WORDS) or (
                head in self.book.heads(entity.name) or head in self._written_heads.get(entity.name, ())
            ):
                return entity
        m = bisect_left(self._mention_pos, pos)
        while m > 0 and pos - self._mention_pos[m - 1] <= _REACH:
            m -= 1
            entity = self._mention_entity(self.mentions[m])
            if entity is not None and entity.kind == "organisation" and head in normalise(entity.name).split():
                return entity
        return None

    def issuer(self, pos: int) -> Entity | None:
        """Who issued "the statement" read at pos: the latest named entity that spoke or acted."""
        k = bisect_left(self._history_pos, pos)
        while k > 0 and pos - self.history[k - 1][0] <= _REACH:
            k -= 1
            if self.history[k][1].named:
                return self.history[k][1]
        return None
