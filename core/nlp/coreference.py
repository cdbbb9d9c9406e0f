"""Speakers inside one article: what "he", "it", "the company", "the statement", a surname
or a title stands for, read in the order the article tells it.

`ArticleSpeakers` keeps the article's names (`mentions`), the speakers met so far and the titles
each person was given, and answers for a speaker phrase at a position which entity it is.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from briefing.core.nlp import lexicon as lx
from briefing.core.nlp.mentions import Document, Mention
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
    #: An organisation that spoke through a person ("a ministry representative said"): "he" fits.
    personal: bool = False


class ArticleSpeakers:
    """Speakers of one article, in reading order."""

    def __init__(
        self,
        book: SpeakerBook,
        words: list[str],
        mentions: list[Mention],
        sentence_starts: list[int],
        appositives: dict[int, str] | None = None,
        documents: list[Document] | None = None,
    ) -> None:
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
        #: Organisations a pronoun found through the person who spoke for them.
        self._spoken_for: dict[str, Entity] = {}
        #: Statements and letters the narrative mentions, with who issued them, in text order.
        self.documents = documents or []
        self._document_pos = [d.pos for d in self.documents]
        # "Pelagic Research Services, a … company that owns the ROV": a later "the company".
        for mention in mentions:
            head = (appositives or {}).get(mention.start)
            entity = self._mention_entity(mention) if head else None
            if entity is not None:
                self._written_heads.setdefault(entity.name, set()).add(head)

    # --- naming -------------------------------------------------------------------------------

    def name(self, words: list[str], pos: int) -> Entity | None:
        """The entity a speaker phrase names, merging a lone surname into an earlier full name
        and an acronym into the name it stands for."""
        entity = self.book.entity(words)
        if entity is None:
            return None
        if entity.kind == "organisation" and entity.named and _is_acronym(entity.name) and not self.book.focus(entity.name):
            return self.expand(entity)
        if entity.kind == "person" and " " not in entity.name and not self.book.focus(entity.name):
            full = self._full_name(entity.name, pos)
            if full is not None:
                return full
        if entity.kind == "person" and entity.named:
            # Every word of the phrase but the name and its articles: "NATO chief Jens
            # Stoltenberg" → {nato, chief}.
            own = set(entity.name.lower().split())
            titles = frozenset(
                low for low in (w.lower().replace("’", "'").removesuffix("'s") for w in words)
                if low not in own and low not in lx.DETERMINERS and low.isalpha()
            )
            if titles:
                self._titled.append((titles, entity))
        return entity

    def another(self, words: str, pos: int) -> Entity | None:
        """"another", "a third" at pos: one more of the kind the latest unnamed speaker was ("one
        resident" → "another resident"); None when no such speaker came before."""
        k = bisect_left(self._history_pos, pos)
        for said in reversed(self.history[max(0, k - 20) : k]):
            if not said.entity.named:
                described = normalise(said.entity.name).split()
                if described:
                    head = described[_head_index(described)]
                    return Entity(f"{words} {head}", said.entity.kind, named=False)
        return None

    def expand(self, acronym: Entity) -> Entity:
        """The organisation an acronym stands for in this article ("TSB" after "Transportation
        Safety Board of Canada"), or the usual name of a well-known body ("UN"); else itself."""
        letters = acronym.name.replace(".", "").lower()
        known = lx.KNOWN_ACRONYMS.get(letters)
        for mention in self.mentions:
            if mention.end - mention.start < 2:
                continue
            entity = self._mention_entity(mention)
            if entity is None or entity.kind != "organisation" or " " not in entity.name:
                continue
            if known and normalise(entity.name) == normalise(known):
                return entity
            initials = "".join(w[0] for w in entity.name.lower().split() if w not in lx.NAME_CONNECTORS and w[:1].isalpha())
            # "Transportation Safety Board of Canada" is the TSB; "of Canada" may be left out.
            full = [w for w in entity.name.split() if w.lower() not in lx.NAME_CONNECTORS]
            if initials == letters or (initials.startswith(letters) and len(letters) >= 3 and len(full) - len(letters) <= 1):
                return entity
        return Entity(known, "organisation") if known else acronym

    def settle(self, entity: Entity, pos: int, speakers: list[Entity]) -> Entity:
        """The final reading of an unnamed speaker at pos, once the whole article is read:
        "the minister" after "the Slovak interior minister" is that minister; a title is the one
        person the article gives it ("the mayor" → Mayor Jane Doe, named later); "both
        ministers" the last two; "the family of …" the one "X's family" among `speakers`."""
        if entity.named:
            return entity
        entity = self.earlier_description(entity, pos) or entity
        if entity.kind == "person" or normalise(entity.name).startswith("both "):
            return self.titled_person(entity.name) or entity
        return self.possessed(entity, speakers) or entity

    def titled_person(self, description: str) -> Entity | None:
        """The one person the article names with the title a description uses: "the bloc's
        foreign policy chief" → Josep Borrell, named elsewhere "EU foreign policy chief Josep
        Borrell". None when no one, or more than one person, fits."""
        words = [w for w in normalise(description).replace("'s", " ").split() if w not in lx.DETERMINERS]
        if not words:
            return None
        if words[0] == "both" and len(words) >= 2 and words[-1].endswith("s"):
            # "Both ministers praised …": the last two people named with that title.
            title = words[-1][:-1]
            people: list[Entity] = []
            for titles, entity in reversed(self._titled):
                if title in titles and entity not in people:
                    people.append(entity)
            if len(people) >= 2:
                first, second = people[1], people[0]
                return Entity(f"{first.name} and {second.name}", "group")
            return None
        words = words[: _head_index(words) + 1]
        # "the bloc's foreign policy chief": a possessor refers, it is not part of the title.
        possessors = {w[:-2] for w in normalise(description).split() if w.endswith("'s")}
        head, modifiers = words[-1], set(words[:-1]) - possessors
        fits = {e for titles, e in self._titled if head in titles and modifiers <= titles}
        return fits.pop() if len(fits) == 1 else None

    def earlier_description(self, entity: Entity, pos: int) -> Entity | None:
        """An earlier, fuller description a short one refers back to: "the minister" after "The
        Slovak interior minister announced …". None when there is none."""
        words = normalise(entity.name).split()
        if len(words) != 1:
            return None
        k = bisect_left(self._history_pos, pos)
        while k > 0 and pos - self.history[k - 1].pos <= _REACH:
            k -= 1
            earlier = self.history[k].entity
            if earlier.named or earlier.kind != entity.kind:
                continue
            earlier_words = normalise(earlier.name).split()
            if len(earlier_words) > 1 and earlier_words[_head_index(earlier_words)] == words[0]:
                return earlier
        return None

    def possessed(self, entity: Entity, named: list[Entity]) -> Entity | None:
        """The one description with a named possessor and the same head among `named` ("the
        family of a British adventurer" → "Harding’s family")."""
        words = normalise(entity.name).replace("'s", " 's").split()
        head = words[_head_index(words)] if words else ""
        fits = set()
        for other in named:
            other_words = normalise(other.name).replace("'s", " 's").split()
            if other is not entity and "'s" in other_words and other_words[-1] == head and other.name[:1].isupper():
                fits.add(other)
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
        personal = entity.kind == "organisation" and any(head in lx.PERSON_NOUNS for head in heads)
        self.history.append(Said(pos, entity, spoke, written, personal))
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
                said = self.history[h]
                if said.personal and want == "person":
                    # "a ministry representative said …, he said": the ministry, through him.
                    found.append((said.pos, Entity(said.entity.name, "person", said.entity.named)))
                    self._spoken_for[said.entity.name] = said.entity
                else:
                    found.append(said[:2])
            while m > 0 and self._mention_pos[m - 1] >= end:
                m -= 1
            while m > 0 and self._mention_pos[m - 1] >= start and want != "group":
                m -= 1
                if self._object_position(self.mentions[m]):
                    continue  # "… met Scholz", "… at the Presidential Palace": not who "he" is
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
                return self._spoken_for.get(best.name, best) if best.kind == "person" else best
            end = start
        return None

    def _object_position(self, mention: Mention) -> bool:
        """Whether a name stands after a verb or a preposition (an object), not as a subject."""
        if mention.start == 0:
            return False
        before = self.words[mention.start - 1]
        return before.isalpha() and before.islower() and before not in lx.CONJUNCTIONS and before not in lx.DETERMINERS

    def antecedent(self, head: str, pos: int) -> Entity | None:
        """The organisation "the <head>" at pos refers back to: the latest one before it whose
        name has that word ("the mission" after "The OSCE Mission in Kosovo")."""
        k = bisect_left(self._history_pos, pos)
        while k > 0 and pos - self.history[k - 1][0] <= _REACH:
            k -= 1
            entity = self.history[k][1]
            if entity.kind != "organisation":
                continue
            if self._fits_head(entity, head):
                return entity
        m = bisect_left(self._mention_pos, pos)
        while m > 0 and pos - self._mention_pos[m - 1] <= _REACH:
            m -= 1
            entity = self._mention_entity(self.mentions[m])
            if entity is not None and entity.kind == "organisation" and entity.named and self._fits_head(entity, head):
                return entity
        return None

    def _fits_head(self, entity: Entity, head: str) -> bool:
        """Whether "the <head>" can be this organisation: its name has the word (not as its first
        word, "the kosovo …", unless that is its kind: "the ministry"), the article described it
        so ("…, a … company"), or it is a company and the head says company."""
        words = normalise(entity.name).split()
        heads = self.book.heads(entity.name) | self._written_heads.get(entity.name, set())
        if head in words[1:] + words[-1:] or (words[:1] == [head] and head in lx.ORG_WORDS) or head in heads:
            return True
        if head in lx.REPRESENTATIVE_NOUNS and heads & lx.REPRESENTATIVE_NOUNS:
            return True  # "the spokesman said" after "a ministry representative said"
        return head in lx.COMPANY_WORDS and bool((set(words) | heads) & lx.COMPANY_WORDS)

    def issuer(self, pos: int) -> Entity | None:
        """Who issued "the statement" read at pos: the owner of the latest statement the
        narrative mentioned ("PRS deleted an earlier statement"), else the latest named entity
        that spoke or acted."""
        d = bisect_left(self._document_pos, pos)
        k = bisect_left(self._history_pos, pos)
        latest_actor = max((said.pos for said in self.history[max(0, k - 50) : k] if said.entity.named), default=-1)
        if d > 0 and pos - self.documents[d - 1].pos <= _REACH and self.documents[d - 1].pos > latest_actor:
            owner = self.name(list(self.documents[d - 1].owner), self.documents[d - 1].pos)
            if owner is not None and owner.named:
                return owner
        while k > 0 and pos - self.history[k - 1][0] <= _REACH:
            k -= 1
            if self.history[k][1].named:
                return self.history[k][1]
        return None


def _head_index(words: list[str]) -> int:
    """Index of the head noun of a description: before its first postmodifier ("director of the
    hospital" → director)."""
    for k in range(1, len(words)):
        if words[k] in lx.POSTMODIFIERS or words[k] in lx.RELATIVE_PRONOUNS:
            return k - 1
    return len(words) - 1


def _is_acronym(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return " " not in name and len(letters) >= 2 and all(ch.isupper() for ch in letters)


def as_speaker(entity: Entity) -> Entity:
    """A country that speaks is its government: "Germany has said" → German government."""
    if entity.kind == "organisation":
        adjective = lx.COUNTRY_ADJECTIVES.get(normalise(entity.name))
        if adjective:
            return Entity(f"{adjective} government", "organisation")
    return entity
