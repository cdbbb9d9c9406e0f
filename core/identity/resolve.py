"""One speaker, one name across a briefing: each article's spelling of a speaker joined to the name
the briefing knows them by, with the rule that joined it.

The rules, each refusing when more than one person or body fits (a wrong merge is worse than a
split):

- a surname or partial name joins the one full name of the briefing that ends with it;
- a spelling variant of a full name joins it (core.identity.variants);
- a title or description ("the interior minister", "Italy's prime minister", "NATO chief")
  joins the person the briefing gives that title, in the same article if it gives one, else
  anywhere in the briefing; "the company" joins the company the article describes as one;
- an acronym joins its expansion; "Engro Corp" joins "Engro Corporation"; "the WHO mission" and
  "the mission of the WHO" join WHO; "the Daily Planet newspaper" is Daily Planet;
- someone the text does not name ("a UN official") is an unnamed source, and "the official"
  later in that article is the same one;
- "Harding's family" is the Harding family;
- the user's own merges and renames (briefing.toml) come last and win.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from briefing.core.identity.book import Mention, NameBook
from briefing.core.identity.clues import Clue
from briefing.core.identity.names import (
    ACRONYM,
    COMPANY_NOUNS,
    DESCRIPTION,
    EMPTY,
    FAMILY_NOUNS,
    GROUP,
    HONORIFICS,
    INDEFINITE,
    NAME,
    ORGANISATION,
    PART_NOUNS,
    PERSON,
    Shape,
    adjective_of,
    fold_key,
    is_nationality,
    is_person_head,
    nation_of,
    nations,
    person_words,
    shape_of,
    split_words,
)
from briefing.core.nlp import lexicon as lx

#: The rules, as the reader is shown them.
AS_WRITTEN = ""
SURNAME = "surname"
PARTIAL = "partial name"
VARIANT = "spelling variant"
TITLE = "title"
ACRONYM_RULE = "acronym"
SAME_BODY = "same body"
DESCRIBED = "described"
UNNAMED = "unnamed source"
SAME_SOURCE = "same source"
FAMILY = "family"
TITLES_REMOVED = "titles removed"
JOINT = "speaking together"
STATE_BODY = "body of the country"
USER = "set in briefing.toml"

#: Kinds of name, for the columns a new briefing opens with (people first).
KIND_PERSON, KIND_ORGANISATION, KIND_GROUP, KIND_DESCRIPTION = "person", "organisation", "group", "description"
#: Words that put a speaker's spokesperson in the text ("a spokesman for the ministry").
_REPRESENTATIVES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative", "representatives"})
#: Nouns a media outlet is named with: "the Daily Planet newspaper" is Daily Planet itself.
_MEDIA_NOUNS = frozenset({"newspaper", "paper", "daily", "weekly", "magazine", "website", "channel", "broadcaster", "agency", "outlet", "portal", "station", "television", "tv", "radio"})
#: Descriptions longer than this are left as written: no title is that long.
_DESCRIPTION_WORDS_MAX = 8


@dataclass(frozen=True)
class SpeakerUse:
    """How one article names the speaker of some of its quotes, as the extraction found it."""

    article_id: int
    #: The speaker's name as the extraction gave it ("Kalinak", "the Slovak interior minister").
    spelling: str
    #: How the article wrote the speaker ("Vice-Premier and Defence Minister Robert Kalinak").
    written: tuple[str, ...] = ()
    #: How many of the article's quotes it speaks.
    quotes: int = 1


@dataclass(frozen=True)
class Naming:
    """The name a spelling is shown under, the rule that gave it and why."""

    name: str
    rule: str = AS_WRITTEN
    because: str = ""
    kind: str = KIND_PERSON


class Identities:
    """The briefing's speakers, one name each: a spelling of an article to its name."""

    def __init__(self, namings: dict[tuple[int, str], Naming]) -> None:
        """Hold the namings of every (article id, spelling)."""
        self.namings = namings

    def naming(self, article_id: int, spelling: str) -> Naming:
        """How a spelling of an article is named (as written when the briefing knows no better)."""
        found = self.namings.get((article_id, spelling))
        return found if found is not None else Naming(spelling, kind=kind_of(spelling))

    def name(self, article_id: int, spelling: str) -> str:
        """The name a spelling of an article is shown under."""
        return self.naming(article_id, spelling).name


def kind_of(text: str) -> str:
    """What a spelling left as written is: a person, an organisation, a group or a description."""
    shape = shape_of(text)
    if shape.kind in (PERSON,):
        return KIND_PERSON
    if shape.kind == NAME:
        word = text.strip()
        camel = any(ch.isupper() for ch in word[1:]) and "-" not in word and "'" not in word
        return KIND_ORGANISATION if camel or word.lower() in lx.COUNTRIES else KIND_PERSON
    if shape.kind in (ACRONYM, ORGANISATION):
        return KIND_ORGANISATION
    if shape.kind == GROUP:
        return KIND_GROUP
    return KIND_DESCRIPTION


def identify(
    uses: Iterable[SpeakerUse],
    clues: Mapping[int, Sequence[Clue]],
    outlets: Mapping[int, str | None] | None = None,
    *,
    aliases: Mapping[str, str] | None = None,
    fixed: Iterable[str] = (),
) -> Identities:
    """Name every speaker spelling of a briefing.

    `clues` are what each article's text says (core.identity.clues.article_clues), `outlets` the
    outlet of each article (for the reader's "title given in …"), `aliases` the user's own
    spellings → names (briefing.toml) and `fixed` the names the settings give focus speakers.
    """
    uses = list(uses)
    book = NameBook((Mention(u.article_id, u.spelling, u.quotes) for u in uses), {k: list(v) for k, v in clues.items()}, fixed)
    context = _Context(book, uses, outlets or {}, frozenset(fixed))
    namings = {(u.article_id, u.spelling): context.name(u) for u in uses}
    # "the source" after "a diplomatic source" in the same article: named once the first one is.
    for use in uses:
        key = (use.article_id, use.spelling)
        if namings[key].rule == AS_WRITTEN:
            namings[key] = context.same_source(use, namings) or namings[key]
    if aliases:
        user = {fold_key(k): v for k, v in aliases.items() if k and v}
        namings = {key: _aliased(key[1], naming, user) for key, naming in namings.items()}
    return Identities(namings)


def _aliased(spelling: str, naming: Naming, user: dict[str, str]) -> Naming:
    """The user's alias of a spelling or of the name it was given, followed to its end."""
    name, seen = naming.name, set()
    for start in (spelling, naming.name):
        target = user.get(fold_key(start))
        if target is not None:
            name = target
            break
    else:
        return naming
    while fold_key(name) in user and fold_key(name) not in seen and len(seen) < 20:
        seen.add(fold_key(name))
        name = user[fold_key(name)]
    because = f"{naming.name if naming.rule else spelling} is {name} in briefing.toml"
    if naming.rule:
        because = f"{naming.because}; {because}"
    return Naming(name, USER, because, naming.kind if naming.name == name or naming.kind != KIND_DESCRIPTION else kind_of(name))


class _Context:
    """What naming one article's spelling reads: the briefing's book and the article's other speakers."""

    def __init__(self, book: NameBook, uses: list[SpeakerUse], outlets: Mapping[int, str | None], fixed: frozenset[str]) -> None:
        self.book = book
        self.outlets = outlets
        self.fixed = fixed
        self.by_article: dict[int, list[SpeakerUse]] = defaultdict(list)
        for use in uses:
            self.by_article[use.article_id].append(use)
        self._cache: dict[tuple[int, str], Naming] = {}

    def outlet(self, article_id: int) -> str:
        """How an article is named in a reason: by its outlet."""
        return self.outlets.get(article_id) or "an article"

    def name(self, use: SpeakerUse) -> Naming:
        """The naming of one use (each article's spelling named once)."""
        key = (use.article_id, use.spelling)
        if key not in self._cache:
            naming = self._name(use.article_id, use.spelling)
            if naming.kind in (KIND_ORGANISATION, KIND_DESCRIPTION) and " ".join(use.spelling.split()) not in self.fixed:
                naming = self._state_body(use.spelling, naming, use.article_id) or naming
            self._cache[key] = naming
        return self._cache[key]

    def _state_body(self, spelling: str, naming: Naming, article_id: int) -> Naming | None:
        """"the Interior Ministry", "the country's Royal Court", "Valdoria's government", "the
        three-member Presidential Council": a body of a state, named without its state, is the
        body of the country the article is about (or of the country its owner names)."""
        words = split_words(spelling)
        lows = [w.lower() for w in words]
        nation = None
        if "'s" in lows:
            at = lows.index("'s")
            owner = [w for w in lows[:at] if w != "the"]
            if len(owner) == 1 and nation_of(owner[0]) is not None:
                nation = nation_of(owner[0])
            elif owner not in (["country"], ["kingdom"], ["nation"], ["republic"], ["state"]):
                return None
            words = words[at + 1 :] if naming.rule == AS_WRITTEN else split_words(naming.name)
        else:
            words = split_words(naming.name)
        while words and (words[0].lower() in ("the", "a", "an") or (words[0][:1].islower() and len(words) > 1 and words[1][:1].isupper())):
            words = words[1:]  # "the three-member Presidential Council" is the Presidential Council
        body = [w.lower() for w in words]
        if not body or any(nation_of(w) is not None or is_nationality(w) for w in body) or set(body) & _NOT_OF_A_STATE:
            return None
        head = body[body.index("of", 1) - 1] if "of" in body[1:] else body[-1]
        if head not in _STATE_HEADS:
            return None
        if len(body) == 1 and head not in _STATE_ONE_WORD:
            return None  # "the ministry": which one the word alone does not say
        if len(body) > 1 and not all(w[:1].isupper() or w.lower() in lx.NAME_CONNECTORS for w in words):
            return None
        nation = nation or self.book.article_nation(article_id)
        adjective = adjective_of(nation) if nation else None
        if adjective is None:
            return None
        name = f"{adjective} {' '.join(words)}"
        number = self.book.organisation(name)
        if number is not None:
            name = self.book.name(number)
        because = f"{' '.join(words)} is the body of {nation.title()}, the country {self.outlet(article_id)} writes about"
        if naming.rule:
            because = f"{naming.because}; {because}"
        return Naming(name, STATE_BODY, because, KIND_ORGANISATION)

    def _name(self, article_id: int, spelling: str) -> Naming:
        text = " ".join(spelling.split())
        if not text:
            return Naming("", kind=KIND_DESCRIPTION)
        if text in self.fixed:
            return Naming(text, kind=self._kind_known(self.book.person(text)) if self.book.person(text) is not None else kind_of(text))
        words = split_words(text)
        if len(words) > 1 and words[0].lower() in HONORIFICS and person_words(words[1:]):
            return self._person_name(words[1:], text, article_id)  # "Mr Fico" is named by his surname
        titled = self._titled_name(words, text, article_id)
        if titled is not None:
            return titled
        shape = shape_of(text)
        if shape.kind in (PERSON, NAME):
            return self._person_name(words, text, article_id)
        if shape.kind in (ACRONYM, ORGANISATION):
            return self._organisation(text, shape, article_id)
        if shape.kind == GROUP:
            return self._group(text, words, article_id)
        if shape.kind == DESCRIPTION or shape.owner:
            return self._description(text, shape, words, article_id)
        return Naming(text, kind=kind_of(text))

    def _kind_known(self, number: int | None) -> str:
        if number is None:
            return KIND_PERSON
        return KIND_PERSON if self.book.known[number].kind == "person" else KIND_ORGANISATION

    # --- names --------------------------------------------------------------------------------

    def _person_name(self, words: list[str], text: str, article_id: int) -> Naming:
        """A person's full name, a surname or a lone word that may name a company."""
        book = self.book
        companies = book.company(words)
        if len(words) >= 2 and book.organisation(text) is not None and book.is_described_body(text):
            # "Orvell Pumps, a pump maker,": capitalised words an article calls a body.
            return self._organisation(text, shape_of(text), article_id)
        number = book.person(" ".join(words)) if len(words) >= 2 else None
        if number is not None and len(companies) == 1 and not book.surname(words[-1:]) - {number}:
            # "Acme Widgets" beside "Acme Widgets Corporation": the company, not a person.
            name = book.name(companies.pop())
            return Naming(name, SAME_BODY, f"{text} is {name} without its legal form", KIND_ORGANISATION)
        if number is not None:
            name = book.name(number)
            if fold_key(name) == fold_key(text):
                return Naming(name, kind=KIND_PERSON)
            shorter = len(fold_key(text).split()) < len(fold_key(name).split())
            rule = PARTIAL if shorter else VARIANT
            because = f"{text} is the one person of the briefing named so: {name}" if shorter else f"{text} is a spelling of {name}"
            return Naming(name, rule, because, KIND_PERSON)
        people = book.surname(words)
        organisation = book.organisation(text)
        if organisation is not None and not people:
            return self._organisation(text, shape_of(text), article_id)
        if len(people) == 1 and not companies:
            name = book.name(people.pop())
            return Naming(name, SURNAME, f"{name} is the one person of the briefing called {text}", KIND_PERSON)
        if len(companies) == 1 and not people:
            name = book.name(companies.pop())
            return Naming(name, SAME_BODY, f"{text} is {name} in short", KIND_ORGANISATION)
        return Naming(text, kind=kind_of(text))

    def _titled_name(self, words: list[str], text: str, article_id: int) -> Naming | None:
        """"German Chancellor Jane Doe", "Rear Admiral John Roe", "Valdoria's Prime Minister Jane
        Doe", "Ostmark Sen. Jane Doe": the person's name after the titles, and the places, bodies
        and owners written before them, end at a title word."""
        for start in range(1, len(words) - 1):
            rest = words[start:]
            before = words[start - 1].lower()
            if not (_is_title(before) or before in _RANK_MODIFIERS) or not 2 <= len(rest) <= 4 or not person_words(rest):
                continue
            if not all(_may_open_a_title(w) for w in words[:start]):
                return None
            named = self._person_name(rest, " ".join(rest), article_id)
            if named.kind != KIND_PERSON:
                return None
            because = f"{text} is {named.name} with titles" + (f"; {named.because}" if named.because else "")
            return Naming(named.name, TITLES_REMOVED, because, KIND_PERSON)
        return None

    def _organisation(self, text: str, shape: Shape, article_id: int) -> Naming:
        book = self.book
        owned = self._company_of_person(shape, article_id)
        if owned is not None:
            return owned
        number = book.organisation(text)
        if number is None:
            return Naming(_without_the(text), kind=KIND_ORGANISATION)
        name = book.name(number)
        if fold_key(name) == fold_key(text):
            return Naming(name if not self.book.known[number].fixed else name, kind=KIND_ORGANISATION)
        if shape.kind == ACRONYM:
            return Naming(name, ACRONYM_RULE, f"{text} is the acronym of {name}", KIND_ORGANISATION)
        if shape_of(name).kind == ACRONYM:
            return Naming(name, ACRONYM_RULE, f"{name} is the acronym of {text}", KIND_ORGANISATION)
        return Naming(name, SAME_BODY, f"{_without_the(text)} names the same body as {name}", KIND_ORGANISATION)

    def _company_of_person(self, shape: Shape, article_id: int) -> Naming | None:
        """"Jane Doe's company": the one company the article names, when Jane Doe is a person."""
        owned = fold_key(shape.owned)
        if not shape.owner or owned not in COMPANY_NOUNS or not person_words(split_words(shape.owner)):
            return None
        bodies = {n for n in self._article_bodies(article_id) if "'s" not in split_words(self.book.name(n))}
        companies = {n for n in bodies if self.book.has_legal_suffix(n)} | {
            t.known for t in self.book.described.get(article_id, ()) if t.shape.head in COMPANY_NOUNS
        }
        if len(companies) != 1:
            return None
        name = self.book.name(companies.pop())
        return Naming(name, DESCRIBED, f"{name} is the one company {self.outlet(article_id)} names beside {shape.owner}", KIND_ORGANISATION)

    def _group(self, text: str, words: list[str], article_id: int) -> Naming:
        """"Vice-Premier and Defence Minister Jane Doe" is Jane Doe; "Doe and Roe" is a group."""
        lows = [w.lower() for w in words]
        rest = words
        while rest and (_is_title(rest[0].lower()) or rest[0].lower() in ("and", "&")):
            rest = rest[1:]
        if rest and rest != words and person_words(rest):
            number = self.book.person(" ".join(rest))
            name = self.book.name(number) if number is not None else " ".join(rest)
            return Naming(name, TITLES_REMOVED, f"{text} is {name} with titles", KIND_PERSON)
        joint = self._joint(words, article_id)
        if joint is not None:
            return joint
        del lows
        return Naming(text, kind=KIND_GROUP)

    def _joint(self, words: list[str], article_id: int) -> Naming | None:
        """"Jane Doe and John Roe" speaking together: each named as the briefing names them, the
        two joined by a slash (an "and" inside a body's name is no such pair)."""
        lows = [w.lower() for w in words]
        link = "and" if "and" in lows else "&"
        at = lows.index(link)
        parts = [words[:at], words[at + 1 :]]
        if link in lows[at + 1 :] or not all(len(part) >= 2 and person_words(part) for part in parts):
            return None
        names = [self._person_name(part, " ".join(part), article_id).name for part in parts]
        name = " / ".join(names)
        return Naming(name, JOINT, f"{names[0]} and {names[1]} speak together", KIND_GROUP)

    # --- descriptions -------------------------------------------------------------------------

    def _description(self, text: str, shape: Shape, words: list[str], article_id: int) -> Naming:
        leader = self._leader_of_body(words, article_id)
        if leader is not None:
            return leader
        if len(words) > _DESCRIPTION_WORDS_MAX or not shape.head:
            return Naming(text, kind=KIND_DESCRIPTION)
        if shape.head in FAMILY_NOUNS:
            return self._family(text, shape, words)
        if shape.head in PART_NOUNS and not shape.plural:
            body = self._body_of_part(shape, words, article_id)
            if body is not None:
                return body
        if shape.plural:
            return self._officials(text, shape, article_id) or self._residents(shape, article_id) or Naming(text, kind=KIND_DESCRIPTION)
        if not shape.definite:
            return self._unnamed(text, words) if is_person_head(shape.head) else Naming(text, kind=KIND_DESCRIPTION)
        # "the harbour master": a title someone is given, whatever its head noun.
        titled = self._titled(text, shape, words, article_id)
        if titled.rule or is_person_head(shape.head):
            return titled
        return self._described(text, shape, article_id)

    def _leader_of_body(self, words: list[str], article_id: int) -> Naming | None:
        """"the head of the Red Cross aid group in the region": the person the briefing gives that
        title, else (unnamed) the body they speak for, when the briefing knows one by that name."""
        lows = [w.lower() for w in words]
        if len(lows) < 4 or lows[0] != "the" or lows[1] not in _LEADERS or lows[2] != "of":
            return None
        k = 4 if lows[3] == "the" else 3
        body = []
        while k < len(words) and (words[k][:1].isupper() or (body and lows[k] in lx.NAME_CONNECTORS and k + 1 < len(words) and words[k + 1][:1].isupper())):
            body.append(words[k])
            k += 1
        if not body:
            return None
        short = f"the {lows[1]} of {' '.join(body)}"
        titled = self._titled(short, shape_of(short), split_words(short), article_id)
        if titled.rule == TITLE:
            return titled
        number = self.book.organisation(" ".join(body))
        if number is None:
            number = self.book.body_ending(" ".join(body))
        if number is None:
            return None
        name = self.book.name(number)
        return Naming(name, SAME_SOURCE, f"the unnamed {lows[1]} of {' '.join(body)} speaks for {name}", KIND_ORGANISATION)

    def _officials(self, text: str, shape: Shape, article_id: int) -> Naming | None:
        """"officials", "the authorities": the officials of the country the article is about."""
        if shape.head not in _STATE_PEOPLE or shape.modifiers:
            return None
        nation = self.book.article_nation(article_id)
        adjective = adjective_of(nation) if nation else None
        if adjective is None:
            return None
        return Naming(f"{adjective} {shape.head}", STATE_BODY, f"the {shape.head} of {nation.title()}, the country {self.outlet(article_id)} writes about", KIND_GROUP)

    def _residents(self, shape: Shape, article_id: int) -> Naming | None:
        """"residents", "some residents": the residents of the town the article is about."""
        if shape.head not in _RESIDENTS or shape.modifiers:
            return None
        place = self.book.article_place(article_id)
        if place is None:
            return None
        return Naming(f"{place} {shape.head}", UNNAMED, f"the {shape.head} of {place}, the town {self.outlet(article_id)} writes about", KIND_GROUP)

    def _family(self, text: str, shape: Shape, words: list[str]) -> Naming:
        """"Harding's family", "the family of Hamish Harding", "the Harding family": the Harding family."""
        owner = shape.owner
        lows = [w.lower() for w in words]
        if not owner and "of" in lows:
            owner = " ".join(w for w in words[lows.index("of") + 1 :] if w.lower() != "the")
        if not owner:
            owner = " ".join(w for w in words if w[:1].isupper() and w.lower() not in ("the",))
        owner_words = split_words(owner)
        if not owner_words or not person_words(owner_words):
            return Naming(text, kind=KIND_GROUP)
        number = self.book.person(owner) if len(owner_words) >= 2 else None
        people = {number} if number is not None else self.book.surname(owner_words)
        person = self.book.name(people.pop()) if len(people) == 1 else owner
        name = f"{person.split()[-1]} family"
        rule = FAMILY if fold_key(name) != fold_key(text) else AS_WRITTEN
        return Naming(name, rule, f"the family of {person}" if rule else "", KIND_GROUP)

    def _body_of_part(self, shape: Shape, words: list[str], article_id: int) -> Naming | None:
        """"the WHO mission", "the mission of the WHO", "the IOM's office in Libya", "the Daily
        Planet newspaper": the body itself."""
        lows = [w.lower() for w in words]
        head_at = lows.index(shape.head) if shape.head in lows else len(words) - 1
        if words[head_at][:1].isupper():
            return None  # "the OSCE Mission in Kosovo" is a body of its own name
        candidates = []
        if shape.owner:
            candidates.append(shape.owner)
        before = [w for w in words[:head_at] if w[:1].isupper() and w.lower() not in ("the", "a", "an")]
        if before and len(before) == len([w for w in words[:head_at] if w.lower() not in ("the", "a", "an")]):
            candidates.append(" ".join(before))
        for k in range(head_at + 1, len(words) - 1):
            if lows[k] in ("of", "for") and words[k + 1 :]:
                after = [w for w in words[k + 1 :] if w.lower() != "the"]
                if after and all(w[:1].isupper() or w.lower() in lx.NAME_CONNECTORS for w in after):
                    candidates.append(" ".join(after))
                break
        for body in candidates:
            number = self.book.organisation(body)
            if number is None:
                number = self._truncated_body(body, article_id)
            if number is not None:
                name = self.book.name(number)
                return Naming(name, SAME_BODY, f"the {shape.head} of {name} speaks for it", KIND_ORGANISATION)
        if shape.head in _MEDIA_NOUNS and len(candidates) == 1 and not shape.owner and not person_words(candidates[0].split()):
            name = candidates[0]
            return Naming(name, SAME_BODY, f"the {shape.head} {name} is {name}", KIND_ORGANISATION)
        return None

    def _truncated_body(self, body: str, article_id: int) -> int | None:
        """The one organisation of the article whose name ends with these words ("Migration" of
        "the International Organization for Migration's mission", cut short by the extraction)."""
        key = fold_key(body)
        found = {n for n in self.book.article_orgs.get(article_id, ()) if any(
            fold_key(t).endswith(" " + key) for t in self.book.known[n].spellings
        )}
        return found.pop() if len(found) == 1 else None

    def _unnamed(self, text: str, words: list[str]) -> Naming:
        """"a UN official", "one expert": someone the text does not name."""
        rest = words[1:] if words[0].lower() in INDEFINITE or words[0].lower() in lx.QUANTIFIERS else words
        if not rest:
            return Naming(text, kind=KIND_DESCRIPTION)
        name = "unnamed " + " ".join(rest)
        return Naming(name, UNNAMED, f"the text does not name this {rest[-1]}", KIND_DESCRIPTION)

    def _titled(self, text: str, shape: Shape, words: list[str], article_id: int) -> Naming:
        """"the interior minister": the one person the briefing gives that title."""
        people, titles = self.book.titled(shape, article_id, nations(words))
        if len(people) == 1:
            number = people.pop()
            name = self.book.name(number)
            title = next(t for t in titles if t.known == number)
            return Naming(name, TITLE, f"{self.outlet(title.article_id)} calls {name} “{title.detail}”", KIND_PERSON)
        if len(people) > 1:
            return Naming(text, kind=KIND_DESCRIPTION)
        if shape.head in _REPRESENTATIVES and not shape.modifiers:
            spoken_for = self._represented(article_id)
            if spoken_for is not None:
                return Naming(
                    spoken_for.name, SAME_SOURCE, f"the {shape.head} who spoke for {spoken_for.name} in {self.outlet(article_id)}", spoken_for.kind
                )
        return Naming(text, kind=KIND_DESCRIPTION)

    def _represented(self, article_id: int) -> Naming | None:
        """The one body of an article that spoke through a spokesperson ("a spokesman for X")."""
        found = {}
        for use in self.by_article.get(article_id, ()):
            if shape_of(use.spelling).is_name and any(set(fold_key(w).split()) & _REPRESENTATIVES for w in use.written):
                naming = self.name(use)
                if naming.kind == KIND_ORGANISATION:
                    found[naming.name] = naming
        return next(iter(found.values())) if len(found) == 1 else None

    def _described(self, text: str, shape: Shape, article_id: int) -> Naming:
        """"the company", "the hospital": the one body the article describes so, names so, or
        (a company) the one with a legal form among its speakers."""
        book = self.book
        fits = {t.known for t in book.described.get(article_id, ()) if t.shape.head == shape.head and shape.modifiers <= t.shape.modifiers}
        if len(fits) == 1:
            number = fits.pop()
            detail = next(t.detail for t in book.described[article_id] if t.known == number)
            return Naming(
                book.name(number), DESCRIBED, f"{self.outlet(article_id)} describes {book.name(number)} as “{detail}”", KIND_ORGANISATION
            )
        if fits:
            return Naming(text, kind=KIND_DESCRIPTION)
        bodies = self._article_bodies(article_id)
        named = {n for n in bodies if shape.head in fold_key(book.name(n)).split() and shape.modifiers <= set(fold_key(book.name(n)).split())}
        if len(named) == 1:
            number = named.pop()
            return Naming(
                book.name(number), DESCRIBED, f"the {shape.head} {self.outlet(article_id)} names is {book.name(number)}", KIND_ORGANISATION
            )
        if shape.head in COMPANY_NOUNS and not named and not shape.modifiers:
            companies = {n for n in bodies if book.has_legal_suffix(n)}
            if len(companies) == 1:
                number = companies.pop()
                return Naming(
                    book.name(number), DESCRIBED, f"{book.name(number)} is the one company {self.outlet(article_id)} names", KIND_ORGANISATION
                )
        return Naming(text, kind=KIND_DESCRIPTION)

    def _article_bodies(self, article_id: int) -> set[int]:
        """The organisations an article's speakers are, and those its text names."""
        bodies = set(self.book.article_orgs.get(article_id, ()))
        for use in self.by_article.get(article_id, ()):
            shape = shape_of(use.spelling)
            if shape.kind in (ORGANISATION, ACRONYM, NAME):
                number = self.book.organisation(use.spelling)
                if number is None and shape.kind == NAME:
                    companies = self.book.company([use.spelling])
                    number = companies.pop() if len(companies) == 1 else None
                if number is not None:
                    bodies.add(number)
        return bodies

    def same_source(self, use: SpeakerUse, namings: dict[tuple[int, str], Naming]) -> Naming | None:
        """"The source said" after "a diplomatic source said" in the same article: the same one."""
        shape = shape_of(use.spelling)
        if shape.kind != DESCRIPTION or not shape.definite or shape.plural or not is_person_head(shape.head):
            return None
        found = {}
        for other in self.by_article.get(use.article_id, ()):
            other_shape = shape_of(other.spelling)
            if (
                other is not use
                and other_shape.kind == DESCRIPTION
                and not other_shape.definite
                and other_shape.head == shape.head
                and shape.modifiers <= other_shape.modifiers
            ):
                naming = namings[(other.article_id, other.spelling)]
                found[naming.name] = naming
        if len(found) != 1:
            return None
        naming = next(iter(found.values()))
        where = self.outlet(use.article_id)
        return Naming(naming.name, SAME_SOURCE, f"the {shape.head} {where} introduced as {naming.name.removeprefix('unnamed ')}", naming.kind)


#: Head nouns of a state's own bodies: "the Interior Ministry" of a story about one country is its.
_STATE_HEADS = frozenset({"ministry", "government", "court", "presidency", "parliament", "cabinet", "army", "police", "navy", "military", "council"})
#: Of those, the ones a country has one of: "the government" alone says which body it is.
_STATE_ONE_WORD = frozenset({"government", "presidency", "parliament", "cabinet", "army", "police", "navy", "military"})
#: Words of bodies above or below a state ("the Security Council", "the City Council", "the
#: International Court"): no country's own.
_NOT_OF_A_STATE = frozenset({
    "international", "united", "nations", "world", "global", "european", "security", "city", "town", "municipal",
    "regional", "local", "provincial", "county", "district", "village", "state", "states", "un", "eu", "african",
    "arab", "islamic", "criminal", "human", "rights",
})
#: A state's people, unnamed: "officials said", "the authorities said".
_STATE_PEOPLE = frozenset({"officials", "authorities"})
#: People of a town, unnamed: "residents said".
_RESIDENTS = frozenset({"residents", "locals", "inhabitants", "villagers", "townspeople"})
#: Nouns of whoever leads or speaks for a body: "the head of the Red Cross".
_LEADERS = frozenset({"head", "chief", "director", "leader", "chairman", "chairwoman", "chair", "president", "spokesman", "spokeswoman", "spokesperson"})
#: Words that make a rank of the title after them ("Rear Admiral", "Field Marshal").
_RANK_MODIFIERS = frozenset({"rear", "field", "fleet", "staff", "master"})


def _may_open_a_title(word: str) -> bool:
    """A word that may stand before a person's name in a title: a title word, a capitalised word
    (a place, a body), a nation, an owner's "'s" or "of"/"the" (never "and": two people)."""
    low = word.lower()
    return _is_title(low) or low in _RANK_MODIFIERS or word[:1].isupper() or is_nationality(low) or low in ("of", "the", "'s")


def _is_title(low: str) -> bool:
    return low in lx.TITLE_WORDS or all(part in lx.TITLE_WORDS for part in low.split("-") if part)


def _without_the(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


__all__ = ["EMPTY", "Identities", "Naming", "SpeakerUse", "identify", "kind_of"]
