"""The people and organisations a briefing names, each with every spelling it is given.

Built from what the speakers are called in every article and from what the articles' text says
(core.identity.clues): one entry per person (spelling variants joined, core.identity.variants)
and per organisation (an acronym with its expansion, "Engro Corp" with "Engro Corporation", "the
State Department" with "the US State Department"), with the titles and descriptions the
articles give them. The naming rules (core.identity.resolve) look names up here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefing.core.identity.clues import ACRONYM_OF, DESCRIBED, NATION, ORG_MET, PERSON_MET, PLACE, TITLED, Clue
from briefing.core.identity.names import (
    ACRONYM,
    NAME,
    ORGANISATION,
    PERSON,
    Shape,
    acronym_letters,
    fold_key,
    initials,
    is_nationality,
    legal_base,
    nations,
    same_nationality,
    shape_of,
    split_words,
)
from briefing.core.identity.variants import block_key, same_person, transliterated
from briefing.core.linking.union_find import UnionFind
from briefing.core.nlp import lexicon as lx
from rapidfuzz import fuzz

#: Least similarity (0–100) of two organisations' names spelled two ways ("Organisation" /
#: "Organization"): the same number of words and initials besides.
BODY_SCORE = 92
#: First words many companies share: "General" is no company's name in short.
_GENERIC_FIRST_WORDS = lx.ORG_WORDS | lx.ORG_ADJECTIVES | lx.GEO_WORDS | lx.DEMONYMS | lx.COUNTRIES | frozenset(
    {"general", "first", "royal", "standard", "global", "american", "british", "china", "new"}
)
#: Modifiers that make another role of a title: a deputy prime minister is not the prime minister.
ROLE_CHANGERS = frozenset({"deputy", "vice", "former", "acting", "assistant", "under", "ex", "co", "junior", "shadow", "interim", "outgoing", "incoming"})


@dataclass(frozen=True)
class Mention:
    """A speaker's spelling in one article, or a name an article's text gives (a clue)."""

    article_id: int
    text: str
    #: How much it counts towards being the name shown: a quote, or an article that names it.
    weight: int = 1


@dataclass
class Known:
    """A person or an organisation of the briefing: its spellings, and the one name it is shown under."""

    kind: str
    spellings: Counter = field(default_factory=Counter)
    name: str = ""
    #: Set by the briefing's settings (a focus speaker): never renamed.
    fixed: bool = False


@dataclass(frozen=True)
class Title:
    """A title or description an article gives a person or an organisation ("Interior Minister")."""

    known: int
    detail: str
    shape: Shape
    article_id: int
    #: The nation it names ("valdorian" of "Valdorian Prime Minister"), if any.
    nations: frozenset[str] = frozenset()


def title_shapes(detail: str) -> list[tuple[Shape, frozenset[str]]]:
    """The titles a title phrase holds ("Vice-Premier and Defence Minister" is two), each as a
    description's shape and the nations it names."""
    parts = [p for p in (" " + detail + " ").replace(" & ", " and ").split(" and ") if p.strip()]
    shapes = []
    for part in parts:
        words = [w for w in split_words(part.replace("-", " ")) if w.lower() not in ("the", "a", "an")]
        if words:
            shape = shape_of("the " + " ".join(w.lower() for w in words))
            shapes.append((shape, nations(words)))
    return shapes


class NameBook:
    """Every person and organisation a briefing names, their spellings, titles and acronyms."""

    def __init__(self, spellings: Iterable[Mention], clues: dict[int, list[Clue]], fixed: Iterable[str] = ()) -> None:
        """Read the speakers' spellings and the articles' clues; `fixed` names are never renamed."""
        self.fixed = frozenset(fixed)
        self.known: list[Known] = []
        self._person_of: dict[str, int] = {}
        self._org_of: dict[str, int] = {}
        #: Organisations by their name without a legal suffix ("engro").
        self._org_base: dict[tuple[str, ...], set[int]] = defaultdict(set)
        #: Companies (with a legal form) by the first word of their name ("acme").
        self._companies_by_first: dict[str, set[int]] = defaultdict(set)
        self._by_surname: dict[tuple[str, ...], set[int]] = defaultdict(set)
        self._acronym_of: dict[str, int] = {}
        self.titles: list[Title] = []
        #: Names an article calls a body (a run with an organisation's word, or an apposition).
        self._described_bodies: set[str] = set()
        #: Organisations by the initials of their name (and of it without "of <place>").
        self._by_initials: dict[str, set[int]] = defaultdict(set)
        self.described: dict[int, list[Title]] = defaultdict(list)
        #: The organisations each article names (spoken or met in its text).
        self.article_orgs: dict[int, set[int]] = defaultdict(set)
        #: How often each article names each country, and the whole briefing.
        self.nation_counts: dict[int, Counter] = defaultdict(Counter)
        self.briefing_nations: Counter = Counter()
        #: How often each article names each town it puts things in, and the whole briefing.
        self.place_counts: dict[int, Counter] = defaultdict(Counter)
        self.briefing_places: Counter = Counter()
        people: Counter = Counter()
        orgs: Counter = Counter()
        short_names: Counter = Counter()
        acronyms: set[str] = set()
        explicit: dict[str, set[str]] = defaultdict(set)
        org_articles: dict[str, set[int]] = defaultdict(set)
        for mention in spellings:
            shape = shape_of(mention.text)
            if shape.kind == PERSON:
                people[mention.text] += mention.weight
            elif shape.kind == ORGANISATION:
                body = _body_spelling(shape)
                orgs[body] += mention.weight
                org_articles[body].add(mention.article_id)
            elif shape.kind == ACRONYM:
                acronyms.add(mention.text)
            elif shape.kind == NAME:
                short_names[mention.text] += mention.weight
        for name in self.fixed:
            shape = shape_of(name)
            if shape.kind == PERSON:
                people[name] += 0
            elif shape.kind == ORGANISATION:
                orgs[name] += 0
        for article_id, found in clues.items():
            for clue in found:
                if clue.kind == PERSON_MET and shape_of(clue.name).kind == PERSON:
                    people[clue.name] += 1
                elif clue.kind in (ORG_MET, DESCRIBED):
                    orgs[clue.name] += clue.kind == ORG_MET
                    org_articles[clue.name].add(article_id)
                    self._described_bodies.add(fold_key(clue.name))
                elif clue.kind == ACRONYM_OF:
                    orgs[clue.name] += 0
                    explicit[acronym_letters(clue.detail)].add(clue.name)
                elif clue.kind == PLACE and clue.detail.isdigit():
                    self.place_counts[article_id][clue.name] += int(clue.detail)
                    self.briefing_places[clue.name] += int(clue.detail)
                elif clue.kind == NATION and clue.detail.isdigit():
                    self.nation_counts[article_id][clue.name] += int(clue.detail)
                    self.briefing_nations[clue.name] += int(clue.detail)
        self._add_people(people)
        self._add_orgs(orgs, org_articles)
        explicit_acronyms = {c.detail for found in clues.values() for c in found if c.kind == ACRONYM_OF}
        self._add_acronyms(acronyms | explicit_acronyms | {a for a in self.fixed if shape_of(a).kind == ACRONYM}, explicit)
        self._add_short_names(short_names)
        for article_id, found in clues.items():
            for clue in found:
                if clue.kind == TITLED and (known := self.person(clue.name)) is not None:
                    self.titles += [Title(known, clue.detail, shape, article_id, found) for shape, found in title_shapes(clue.detail)]
                elif clue.kind == DESCRIBED and (known := self.organisation(clue.name)) is not None:
                    shape = shape_of(clue.detail)
                    self.described[article_id].append(Title(known, clue.detail, shape, article_id))
        #: The titles by their head noun: a title fits only a description with its head.
        self._titles_by_head: dict[str, list[Title]] = defaultdict(list)
        for title in self.titles:
            self._titles_by_head[title.shape.head].append(title)
        self._fitting_titles: dict[tuple[str, frozenset[str], frozenset[str]], list[Title]] = {}

    # --- people ---------------------------------------------------------------------------------

    def _add_people(self, people: Counter) -> None:
        keys: dict[tuple[str, ...], Counter] = defaultdict(Counter)
        for text, weight in people.items():
            keys[tuple(fold_key(text).split())][text] += weight
        order = sorted(keys)
        index = {key: n for n, key in enumerate(order)}
        groups = UnionFind()
        members: dict[int, list[tuple[str, ...]]] = {n: [key] for n, key in enumerate(order)}
        blocks: dict[tuple[int, str], list[tuple[str, ...]]] = defaultdict(list)
        for key in order:
            groups.find(index[key])
            blocks[block_key(key)].append(key)
        for block in blocks.values():
            for i, a in enumerate(block):
                for b in block[i + 1 :]:
                    ra, rb = groups.find(index[a]), groups.find(index[b])
                    # Every name of one group alike every name of the other: no chains of near misses.
                    if ra != rb and all(same_person(x, y) for x in members[ra] for y in members[rb]):
                        groups.union(ra, rb)
                        joined = members.pop(ra) + members.pop(rb)
                        members[groups.find(ra)] = joined
        # "Angelo Ristuccia" is "Angelo Michele Ristuccia" when the briefing has one such person.
        longer: dict[tuple[str, str], set[int]] = defaultdict(set)
        for key in order:
            if len(key) >= 3:
                longer[(transliterated(key[0]), transliterated(key[-1]))].add(groups.find(index[key]))
        for key in order:
            if len(key) == 2:
                found = longer.get((transliterated(key[0]), transliterated(key[-1])), set())
                if len(found) == 1:
                    groups.union(index[key], found.pop())
        clusters: dict[int, Known] = {}
        for key in order:
            root = groups.find(index[key])
            known = clusters.setdefault(root, Known("person"))
            known.spellings.update(keys[key])
        for known in clusters.values():
            number = len(self.known)
            self.known.append(known)
            known.name = self._canonical(known)
            for text in known.spellings:
                words = tuple(transliterated(w) for w in fold_key(text).split())
                self._person_of[fold_key(text)] = number
                for n in range(1, len(words)):
                    self._by_surname[words[n:]].add(number)

    def person(self, text: str) -> int | None:
        """The person a full name (or a spelling of it) is, if the briefing knows them."""
        return self._person_of.get(fold_key(text))

    def surname(self, words: list[str]) -> set[int]:
        """The people whose name ends with these words ("Kalinak", "Sutaj Estok")."""
        key = tuple(transliterated(w) for w in fold_key(" ".join(words)).split())
        return set(self._by_surname.get(key, ()))

    # --- organisations --------------------------------------------------------------------------

    def _add_orgs(self, orgs: Counter, org_articles: dict[str, set[int]]) -> None:
        keys: dict[str, Counter] = defaultdict(Counter)
        for text, weight in orgs.items():
            keys[fold_key(text)][text] += weight
        order = sorted(keys)
        index = {key: n for n, key in enumerate(order)}
        groups = UnionFind()
        for key in order:
            groups.find(index[key])
        bases: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for key in order:
            bases[legal_base(key.split())[0]].append(key)
        for found in bases.values():
            # "Engro Corp", "Engro Corporation" and "Engro Corporation Ltd"? one company.
            if len(found) > 1 and any(legal_base(k.split())[1] for k in found):
                for key in found[1:]:
                    groups.union(index[found[0]], index[key])
        unqualified: dict[str, set[int]] = defaultdict(set)
        for key in order:
            words = key.split()
            spelled = nations(split_words(max(keys[key], key=lambda t: (keys[key][t], t))))
            k = 0
            while k < len(words) - 1 and (is_nationality(words[k].removesuffix("'s")) or words[k] in spelled):
                k += 1
            if k and " ".join(words[k:]) in index:
                unqualified[" ".join(words[k:])].add(groups.find(index[key]))
        for plain, qualified in unqualified.items():
            # "the State Department" is the US State Department when the briefing has only that one.
            if len(qualified) == 1:
                groups.union(index[plain], qualified.pop())
        by_initials: dict[tuple[int, str], list[str]] = defaultdict(list)
        for key in order:
            spelled = max(keys[key], key=lambda t: (keys[key][t], t))
            by_initials[(len(key.split()), initials(spelled.split()))].append(key)
        for similar in by_initials.values():
            for i, a in enumerate(similar):
                for b in similar[i + 1 :]:
                    if fuzz.ratio(a, b) >= BODY_SCORE:
                        groups.union(index[a], index[b])
        clusters: dict[int, Known] = {}
        for key in order:
            known = clusters.setdefault(groups.find(index[key]), Known("organisation"))
            known.spellings.update(keys[key])
        for known in clusters.values():
            number = len(self.known)
            self.known.append(known)
            known.name = self._canonical(known)
            for text in known.spellings:
                self._org_of[fold_key(text)] = number
                base, suffix = legal_base(fold_key(text).split())
                self._org_base[base].add(number)
                if suffix is not None and len(base) >= 2:
                    self._companies_by_first[base[0]].add(number)
                for article_id in org_articles.get(text, ()):
                    self.article_orgs[article_id].add(number)

    def is_described_body(self, text: str) -> bool:
        """Whether an article's text calls these words a body (not only a speaker's spelling)."""
        return fold_key(text) in self._described_bodies

    def _add_acronyms(self, acronyms: set[str], explicit: dict[str, set[str]]) -> None:
        by_initials = self._by_initials
        for number, known in enumerate(self.known):
            if known.kind != "organisation":
                continue
            for text in known.spellings:
                words = split_words(_without_the(text))
                by_initials[initials(words)].add(number)
                lows = [w.lower() for w in words]
                for k in range(2, len(words)):
                    # "Transportation Safety Board of Canada" is the TSB: the place it serves is left out.
                    if lows[k] in ("of", "in", "for") and k < len(words) - 1:
                        by_initials[initials(words[:k])].add(number)
                        break
        for acronym in sorted(acronyms):
            letters = acronym_letters(acronym)
            spelled = {self._org_of.get(fold_key(name)) for name in explicit.get(letters, ())} - {None}
            found = spelled if spelled else by_initials.get(letters, set())
            if len(found) == 1:
                number = found.pop()
                self._acronym_of[letters] = number
                self.known[number].spellings[acronym] += 0
                self._org_of[fold_key(acronym)] = number
                self.known[number].name = self._canonical(self.known[number])
            elif not found:
                number = len(self.known)
                self.known.append(Known("organisation", Counter({acronym: 1}), acronym, acronym in self.fixed))
                self._org_of[fold_key(acronym)] = number

    def _add_short_names(self, names: Counter) -> None:
        """"OceanGate" beside "OceanGate Expeditions": a lone word that is the first word of one
        organisation's name, and no person's, is that organisation called in short."""
        firsts: dict[str, set[int]] = defaultdict(set)
        for number, known in enumerate(self.known):
            if known.kind == "organisation":
                for text in known.spellings:
                    words = fold_key(text).split()
                    if len(words) >= 2 and not any(_is_title_word(w) for w in words):
                        firsts[words[0]].add(number)
        for text, weight in names.items():
            key = fold_key(text)
            if key in self._org_of or key in _GENERIC_FIRST_WORDS or self.surname([text]) or len(firsts.get(key, ())) != 1:
                continue
            if any(fold_key(place) == key for place in self.briefing_places):
                continue  # "Ohio" beside "Ohio Democratic Party": a place is no body's short name
            number = next(iter(firsts[key]))
            known = self.known[number]
            known.spellings[text] += weight
            self._org_of[key] = number
            if not known.fixed:
                known.name = self._canonical(known)

    def organisation(self, text: str) -> int | None:
        """The organisation a spelling names ("the TSB", "Engro Corp", "the State Department")."""
        shape = shape_of(text)
        key = fold_key(_body_spelling(shape) if shape.kind == ORGANISATION else text)
        found = self._org_of.get(key)
        if found is None and shape.kind == ACRONYM:
            found = self._acronym_of.get(acronym_letters(text))
            if found is None:
                # An acronym met inside a spelling ("the WRO mission"): the one body it stands for.
                bodies = self._by_initials.get(acronym_letters(text), set())
                found = next(iter(bodies)) if len(bodies) == 1 else None
        return found

    def body_ending(self, text: str) -> int | None:
        """The one organisation of the briefing whose name ends with these words ("Red Cross" of
        "the Valdorian Red Cross"), if only one does."""
        key = fold_key(text)
        found = {n for n, known in enumerate(self.known) if known.kind == "organisation" and any(
            fold_key(t) == key or fold_key(t).endswith(" " + key) for t in known.spellings)}
        return found.pop() if len(found) == 1 else None

    def company(self, words: list[str]) -> set[int]:
        """The companies these words name without their legal form ("Engro" of "Engro Corp",
        "Acme Widgets" of "Acme Widgets Corporation"), or by the first word of their name
        ("Acme"): a company is called so in short."""
        key = tuple(fold_key(" ".join(words)).split())
        found = {n for n in self._org_base.get(key, ()) if self.has_legal_suffix(n) or len(self._org_base[key]) == 1 and any(
            legal_base(fold_key(t).split())[1] for t in self.known[n].spellings)}
        if found or len(key) != 1 or key[0] in _GENERIC_FIRST_WORDS:
            return found
        return {n for n in self._companies_by_first.get(key[0], ())}

    def has_legal_suffix(self, number: int) -> bool:
        """Whether an organisation's name ends with a legal form ("Corporation", "Ltd")."""
        return legal_base(self.known[number].name.split())[1] is not None

    # --- both -----------------------------------------------------------------------------------

    def _canonical(self, known: Known) -> str:
        """The name an entry is shown under: the settings' name, else for a person the spelling
        used most, else for an organisation its fullest name."""
        fixed = [text for text in known.spellings if text in self.fixed]
        if fixed:
            known.fixed = True
            return sorted(fixed)[0]
        if known.kind == "person":
            # The spelling used most; between two used as often, the shorter ("Osama" before "Ossama").
            return min(known.spellings, key=lambda t: (-known.spellings[t], -len(t.split()), len(t), t))

        usual = _usual_short_name(known)
        if usual is not None:
            return usual

        def fullness(text: str) -> tuple:
            words = split_words(_without_the(text))
            _base, suffix = legal_base(words)
            spelled_out = suffix is not None and words[-1].lower() == suffix
            return (shape_of(text).kind != ACRONYM, spelled_out, len(words), known.spellings[text], text)

        return _without_the(max(known.spellings, key=fullness))

    def name(self, number: int) -> str:
        """The name an entry is shown under."""
        return self.known[number].name

    def article_nation(self, article_id: int) -> str | None:
        """The country an article is about: the one it names clearly most often, else the one the
        briefing names clearly most often when the article names it as often as any other."""
        return _what_about(self.nation_counts.get(article_id, Counter()), self.briefing_nations)

    def article_place(self, article_id: int) -> str | None:
        """The town an article is about, read as its country is (article_nation)."""
        return _what_about(self.place_counts.get(article_id, Counter()), self.briefing_places)

    def titled(self, shape: Shape
, article_id: int, own_nations: frozenset[str] = frozenset()) -> tuple[set[int], list[Title]]:
        """The people given a title a description fits: those of the description's own article
        when it gives any, else those of the whole briefing. With the titles that fit."""
        key = (shape.head, shape.modifiers, own_nations)
        fits = self._fitting_titles.get(key)
        if fits is None:
            # Article after article asks for "the prime minister": the titles that fit are found once.
            fits = [t for t in self._titles_by_head.get(shape.head, ()) if title_fits(shape, t.shape, own_nations, t.nations)]
            self._fitting_titles[key] = fits
        here = [t for t in fits if t.article_id == article_id]
        chosen = here or fits
        return {t.known for t in chosen}, chosen


def title_fits(
    description: Shape, title: Shape, description_nations: frozenset[str] = frozenset(), title_nations: frozenset[str] = frozenset()
) -> bool:
    """Whether a description ("the Slovak interior minister") fits a title an article gives
    someone ("Interior Minister"): the same head, every word of the description in the title
    (a nation may be missing from it, never another one), and no word in the title that makes
    another role of it ("deputy", "former")."""
    if not description.head or description.head != title.head:
        return False
    title_words = title.modifiers
    title_nations = title_nations | {w for w in title_words if is_nationality(w)}
    for word in description.modifiers:
        if word in title_words:
            continue
        if word in description_nations or is_nationality(word):
            if not title_nations or any(same_nationality(word, w) for w in title_nations):
                continue
        return False
    return not ((title_words & ROLE_CHANGERS) - description.modifiers)


def _is_title_word(low: str) -> bool:
    return low in lx.TITLE_WORDS and low not in lx.ORG_WORDS


def _usual_short_name(known: Known) -> str | None:
    """The one-word name a body goes by ("OceanGate"), when it is quoted under it more than under
    all its longer names together and none of them spells out a legal form ("Engro Corporation")."""
    short = [t for t in known.spellings if len(fold_key(t).split()) == 1 and shape_of(t).kind != ACRONYM]
    if len(short) != 1:
        return None
    longer = [t for t in known.spellings if t not in short]
    if any(legal_base(split_words(_without_the(t)))[1] is not None for t in longer):
        return None
    if not longer or not all(fold_key(t).split()[0] == fold_key(short[0]) for t in longer):
        return None
    if known.spellings[short[0]] <= sum(known.spellings[t] for t in longer):
        return None
    return short[0]


#: How many times more often the country a text is about is named than the next one.
NATION_LEAD = 1.5


def _what_about(counts: Counter, briefing: Counter) -> str | None:
    """What an article is about: what it names clearly most often, else what the briefing names
    clearly most often when the article names it as often as anything else."""
    leader = _clear_leader(counts)
    if leader is not None:
        return leader
    story = _clear_leader(briefing)
    if story is not None and counts[story] and counts[story] == max(counts.values()):
        return story
    return None


def _clear_leader(counts: Counter) -> str | None:
    """The country named at least twice and clearly more often than any other."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2:
        return None
    if len(ranked) > 1 and ranked[0][1] <= NATION_LEAD * ranked[1][1]:
        return None
    return ranked[0][0]


def _without_the(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


def _body_spelling(shape: Shape) -> str:
    """An organisation's spelling without an owner before it ("UN's International Organisation for
    Migration" → International Organisation for Migration) or the article before it."""
    if shape.owned and shape.kind == ORGANISATION and shape.owned[:1].isupper():
        return _without_the(shape.owned)
    return _without_the(shape.text)
