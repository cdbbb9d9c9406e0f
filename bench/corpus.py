"""Deterministic synthetic news corpus: `python -m bench.corpus N DIR [--seed S]`.

Article i depends only on (seed, i): the same seed gives byte-identical files, a corpus of N
articles is a prefix of a larger one, and generation can be split across processes without
changing a byte. Formats follow the ingest rules of the core: mostly plain text with wire
datelines and header lines like the seeds, some Markdown with YAML front matter, JSON Lines
files of several articles, and a few HTML pages.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import html
import itertools
import json
import os
import random
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

#: Bumped whenever the output changes, so a reused corpus is never a stale one.
GENERATOR_VERSION = 2
#: Written last: its presence means the corpus is complete. Hidden, so ingest skips it.
MANIFEST = ".bench-corpus.json"
#: Files per sub-folder: 100,000 files in one folder would make every tool slower than real.
FOLDER_ARTICLES = 1000
VOCABULARY_SIZE = 40_000
#: The month the stories happen in (the seed briefing's month).
COVERAGE_START, COVERAGE_DAYS = dt.date(2023, 5, 1), 31
#: Zipf–Mandelbrot exponent and offset: close to measured English word frequencies.
ZIPF_S, ZIPF_Q = 1.07, 2.7

# Formats of the 50 article slots of each block, repeated over the corpus. The first eight
# slots hold one of each kind, so even a tiny corpus covers every format.
_BLOCK = ["txt"] * 50
_BLOCK[1] = _BLOCK[14] = _BLOCK[22] = _BLOCK[30] = _BLOCK[38] = "md"
_BLOCK[2:7] = ["jsonl"] * 5  # one JSON Lines file holds these five articles
_BLOCK[7] = "html"
BLOCK = tuple(_BLOCK)
JSONL_FIRST = _BLOCK.index("jsonl")
JSONL_GROUP = _BLOCK.count("jsonl")

FUNCTION_WORDS = tuple((
    "the of and to a in that is was for on with as by at it from said his be he are have has not "
    "but were an which they this who their had will its been after or more than also would about "
    "over one two new last some into people other them up out her she we our there all what when "
    "no could can if between before while against under during only most three since any because "
    "many those such these where just then so still both being very through"
).split())

NEWS_WORDS = tuple((
    "police government officials troops protesters minister election mayors municipal buildings "
    "violence clashes tension security forces peacekeepers border crisis talks agreement dialogue "
    "statement president country region northern southern ethnic minority majority attack attacks "
    "injured wounded soldiers demonstrators crowd gas tear barricades vehicles town city hall capital "
    "authorities army alliance mission mandate peace stability sanctions leaders parliament vote "
    "boycott municipalities administration war conflict independence recognition relations "
    "normalization plan deal negotiations envoy embassy diplomats ministry spokesman spokeswoman "
    "report reports witnesses footage video photos media journalists newspaper television agency "
    "sources residents citizens community communities families children hospital medical emergency "
    "situation incident incidents arrest arrested detained court prosecutors investigation charges "
    "trial judge law rules decision decisions move measures steps response pressure demands warning "
    "warnings threat threats risk escalation calm restraint commitment support aid funding economy "
    "economic energy trade prices inflation market markets investors bank budget taxes jobs workers "
    "companies business opposition party parties coalition cabinet reform reforms constitution "
    "referendum campaign candidates ballots turnout results observers monitors deployment "
    "reinforcements battalion commander general officers units equipment grenades fences wire "
    "roadblocks checkpoints crossing crossings highway bridge village villages province districts "
    "neighbors allies partners union states nations council summit meeting meetings visit trip "
    "talks conference declaration resolution proposal proposals draft framework roadmap deadline "
    "weeks months days hours night morning evening weekend today week month year years time "
    "international regional local national foreign domestic political military civilian public "
    "private official senior former new recent latest further several dozens hundreds thousands "
    "condemned urged called warned accused denied rejected demanded pledged promised announced "
    "confirmed described added noted insisted stressed repeated claimed expected planned agreed "
    "refused tried began ended continued remained gathered blocked entered fired used placed sent "
    "deployed withdrew returned arrived left took made held gave told asked met signed"
).split())

FIRST_NAMES = tuple((
    "Aleksandar Albin Vjosa Jens Josep Miroslav Petar Milica Ana Marko Goran Dragan Ivana Jelena "
    "Lejla Arben Besnik Drita Fatmir Hashim Ursula Emmanuel Olaf Giorgia Antony Gabriel Charles Mark "
    "Maria John Sarah James Elena Sofia Luca Angelo Michele Petra Nikola Stefan Dušan Đorđe Zoran "
    "Ljubica Milan Srđan Vesna Tanja Nenad Bojan Dejan Arta Blerim Donika Edona Flamur Genta Ilir "
    "Jeton Kaltrina Liridona Mimoza Njomza Rina Shpend Valon Xhevdet Anne Thomas Peter David Michael "
    "Laura Julia Martin Paul Robert Catherine Helen Daniel Andrea Marco Giulia Pierre Camille Hans "
    "Klaus Ingrid Piotr Agnieszka Tomasz Oleksandr Olena Dmytro Iryna Sergei Natalia Viktor Kemal "
    "Ayşe Mehmet Zeynep Ahmed Fatima Omar Leila Ivan Mirela Adnan Selma Edin Amra Haris"
).split())

REAL_SURNAMES = tuple((
    "Vučić Kurti Osmani Stoltenberg Borrell Lajčák Petković Brnabić Dačić Rakić Ristuccia Meloni "
    "Macron Scholz Blinken Escobar Hovenier Đurić Selaković Mustafa Haradinaj Thaçi Berisha "
    "Krasniqi Gashi Hoxha Popović Jovanović Nikolić Marković Simić Stojanović Ilić Pavlović "
    "Todorović Kovačević Petrović Đorđević Milošević Lazarević Bajrami Shala Morina Rexhepi Kelmendi "
    "Smith Johnson Brown Miller Davis Wilson Taylor Anderson Thomas Moore Martin Jackson Müller "
    "Schmidt Schneider Rossi Russo Bianchi Dubois Moreau Kowalski Nowak Shevchenko Kovalenko"
).split())

# (name, description before the name, description after it, pronoun): recurring public figures.
FAMOUS = (
    ("Aleksandar Vučić", "Serbian President", "the president of Serbia", "he"),
    ("Aleksandar Vucic", "Serb President", "Serbia's president", "he"),
    ("Albin Kurti", "Kosovo Prime Minister", "the prime minister of Kosovo", "he"),
    ("Vjosa Osmani", "Kosovo President", "Kosovo's president", "she"),
    ("Jens Stoltenberg", "NATO Secretary-General", "the head of NATO", "he"),
    ("Josep Borrell", "EU foreign policy chief", "the EU's top diplomat", "he"),
    ("Miroslav Lajčák", "EU envoy", "the EU's special representative for the dialogue", "he"),
    ("Giorgia Meloni", "Italian Prime Minister", "Italy's prime minister", "she"),
    ("Antony Blinken", "U.S. Secretary of State", "the U.S. secretary of state", "he"),
    ("Petar Petković", "Serbian official", "the head of Serbia's Office for Kosovo", "he"),
    ("Angelo Michele Ristuccia", "Major General", "the commander of KFOR", "he"),
    ("Emmanuel Macron", "French President", "the president of France", "he"),
)

#: Famous figures in each story's cast (after its local speakers).
FAMOUS_PER_STORY = 2

TITLES = (
    ("Mayor", "the mayor of {city}"),
    ("Interior Minister", "{country}'s interior minister"),
    ("Foreign Minister", "the foreign minister of {country}"),
    ("Defense Minister", "{country}'s defense minister"),
    ("police spokesperson", "a spokesperson for the police in {city}"),
    ("opposition leader", "the leader of the opposition in {country}"),
    ("Ambassador", "the ambassador to {country}"),
    ("Colonel", "a commander of the peacekeeping force"),
    ("local councilor", "a member of the municipal council in {city}"),
    ("analyst", "an analyst at the {org_word} Institute in {capital}"),
    ("Deputy Prime Minister", "{country}'s deputy prime minister"),
    ("chief negotiator", "the chief negotiator for {country}"),
)

ORGS = (
    "NATO", "KFOR", "the European Union", "the United Nations", "the OSCE", "the Interior Ministry",
    "the Foreign Ministry", "Kosovo police", "the U.S. State Department", "Amnesty International",
    "the Kremlin", "EULEX", "the Serbian government", "the Kosovo government", "the Red Cross",
)

PLACES = (
    ("ZVECAN", "Kosovo"), ("PRISTINA", "Kosovo"), ("BELGRADE", "Serbia"), ("BRUSSELS", "Belgium"),
    ("MITROVICA", "Kosovo"), ("LEPOSAVIC", "Kosovo"), ("ZUBIN POTOK", "Kosovo"), ("SKOPJE", "North Macedonia"),
    ("SARAJEVO", "Bosnia"), ("PODGORICA", "Montenegro"), ("TIRANA", "Albania"), ("KYIV", "Ukraine"),
    ("WASHINGTON", "United States"), ("BERLIN", "Germany"), ("PARIS", "France"), ("ROME", "Italy"),
    ("VIENNA", "Austria"), ("BUDAPEST", "Hungary"), ("ZAGREB", "Croatia"), ("NOVI SAD", "Serbia"),
)
CAPITALS = {"Kosovo": "Pristina", "Serbia": "Belgrade", "Belgium": "Brussels", "North Macedonia": "Skopje",
            "Bosnia": "Sarajevo", "Montenegro": "Podgorica", "Albania": "Tirana", "Ukraine": "Kyiv",
            "United States": "Washington", "Germany": "Berlin", "France": "Paris", "Italy": "Rome",
            "Austria": "Vienna", "Hungary": "Budapest", "Croatia": "Zagreb"}

# Outlet styles of plain-text files, with their weights.
TEXT_STYLES = (("ap", 30), ("reuters", 20), ("bloomberg", 15), ("aa", 10), ("scraped", 15), ("local", 10))
OUTLETS = ("The Associated Press", "Reuters", "Bloomberg", "Balkan Insight", "Euronews", "Kosovo Online",
           "N1", "Radio Free Europe/Radio Liberty", "Deutsche Welle", "Politico Europe")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
RELATIVE_DATES = ("last week", "earlier this month", "last month", "yesterday", "this week",
                  "over the weekend", "two days ago", "late last year", "earlier this year", "next week",
                  "on Sunday night", "earlier on Wednesday", "in recent days", "next month")

_ONSETS = ("b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "b", "d", "k", "l", "m", "n", "r",
           "s", "t", "br", "dr", "gr", "kr", "pl", "pr", "st", "tr", "sh", "ch", "j", "f", "h", "", "", "")
_VOWELS = ("a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ou", "ea")
_CODAS = ("", "", "", "", "", "", "", "n", "r", "s", "l", "m", "t", "k", "st", "nd")
_SURNAME_ENDINGS = ("ić", "ović", "ević", "aj", "i", "escu", "son", "er", "ini", "ov", "enko", "ski", "a", "")


@dataclass(frozen=True)
class Person:
    """A speaker: how the text names them and what they are."""

    name: str
    title: str  # before the name: "Serbian President"
    role: str  # in apposition: "the president of Serbia"
    pronoun: str

    @property
    def last(self) -> str:
        """Surname, as a second mention uses it."""
        return self.name.split()[-1]


@dataclass(frozen=True)
class Story:
    """What the articles of one story share: place, date, cast, topic words."""

    number: int
    city: str  # as a dateline writes it, in capitals
    country: str
    day: dt.date
    cast: tuple[Person, ...]
    topic: tuple[str, ...]


@dataclass
class Article:
    """One generated article before it is written in its file format."""

    index: int
    fmt: str
    style: str
    story: Story
    published: dt.date
    captured: dt.datetime
    outlet: str
    title: str
    byline: str
    paragraphs: list[str] = field(default_factory=list)
    words: int = 0


@dataclass(frozen=True)
class Vocabulary:
    """Words in rank order with cumulative Zipf weights, and the pseudo-surnames of rare speakers."""

    words: tuple[str, ...]
    cum_weights: tuple[float, ...]
    surnames: tuple[str, ...]


def _pseudo_word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables))


@functools.lru_cache(maxsize=4)
def vocabulary(seed: int) -> Vocabulary:
    """The corpus vocabulary of a seed: real function and news words first, then pseudo-words."""
    rng = random.Random(f"vocabulary:{seed}")
    words = list(dict.fromkeys(FUNCTION_WORDS + NEWS_WORDS))
    seen = set(words)
    while len(words) < VOCABULARY_SIZE:
        # Longer pseudo-words are rarer, as long words are in English.
        word = _pseudo_word(rng, rng.choice((1, 2, 2, 2, 3, 3, 4)))
        if len(word) > 1 and word not in seen:
            seen.add(word)
            words.append(word)
    weights = [1.0 / (rank + ZIPF_Q) ** ZIPF_S for rank in range(1, len(words) + 1)]
    surnames: list[str] = []
    taken: set[str] = set()
    while len(surnames) < 20_000:
        name = (_pseudo_word(rng, rng.choice((2, 2, 3))) + rng.choice(_SURNAME_ENDINGS)).capitalize()
        if len(name) > 3 and name not in taken:
            taken.add(name)
            surnames.append(name)
    return Vocabulary(tuple(words), tuple(itertools.accumulate(weights)), tuple(surnames))


@functools.lru_cache(maxsize=256)
def story(seed: int, number: int) -> Story:
    """Story `number` of a seed: every article of the story shares its place, date and cast."""
    rng = random.Random(f"story:{seed}:{number}")
    vocab = vocabulary(seed)
    city, country = rng.choice(PLACES)
    # A month of coverage, as a media-monitoring feed gives: stories overlap in time.
    day = COVERAGE_START + dt.timedelta(days=(number * 7 + rng.randrange(7)) % COVERAGE_DAYS)
    cast = []
    for _ in range(rng.randint(2, 4)):
        # Mostly pseudo-surnames from a large pool: they make the rare names a search looks for.
        last = rng.choice(vocab.surnames) if rng.random() < 0.75 else rng.choice(REAL_SURNAMES)
        title, role = rng.choice(TITLES)
        role = role.format(city=city.title(), country=country, capital=CAPITALS.get(country, "Vienna"),
                           org_word=rng.choice(vocab.surnames))
        cast.append(Person(f"{rng.choice(FIRST_NAMES)} {last}", title, role, rng.choice(("he", "she"))))
    for name, title, role, pronoun in rng.sample(FAMOUS, FAMOUS_PER_STORY):
        cast.append(Person(name, title, role, pronoun))
    topic = tuple(rng.choice(vocab.words[150:3000]) for _ in range(4))
    return Story(number, city, country, day, tuple(cast), topic)


class _Writer:
    """Builds the sentences of one article from its own Random."""

    def __init__(self, rng: random.Random, vocab: Vocabulary, article: Article) -> None:
        self.rng = rng
        self.vocab = vocab
        self.article = article
        self.story = article.story
        self.words = 0
        self.mentioned: set[str] = set()

    def filler(self, low: int, high: int) -> str:
        """Zipf-distributed words, now and then a topic word of the story."""
        rng = self.rng
        words = rng.choices(self.vocab.words, cum_weights=self.vocab.cum_weights, k=rng.randint(low, high))
        if rng.random() < 0.5:
            words[rng.randrange(len(words))] = rng.choice(self.story.topic)
        self.words += len(words)
        return " ".join(words)

    def sentence(self, low: int = 8, high: int = 24) -> str:
        """A capitalised sentence with a comma or a proper noun now and then."""
        rng = self.rng
        text = self.filler(low, high)
        if rng.random() < 0.35:
            text += f" in {self.place()}"
        if rng.random() < 0.3:
            cut = text.find(" ", len(text) // 2)
            if cut > 0:
                text = text[:cut] + "," + text[cut:]
        return text[0].upper() + text[1:] + "."

    def place(self) -> str:
        """A place name: the story's town, its country, or another place."""
        roll = self.rng.random()
        if roll < 0.5:
            return self.story.city.title()
        if roll < 0.8:
            return self.story.country
        return self.rng.choice(PLACES)[0].title()

    def date(self) -> str:
        """A relative or absolute date expression around the story's day."""
        rng, day = self.rng, self.story.day
        roll = rng.random()
        if roll < 0.35:
            back = rng.randint(1, 6)
            return f"on {WEEKDAYS[(self.article.published - dt.timedelta(days=back)).weekday()]}"
        if roll < 0.6:
            return rng.choice(RELATIVE_DATES)
        shifted = day - dt.timedelta(days=rng.randint(0, 3))
        month = MONTHS[shifted.month - 1]
        return rng.choice((
            f"on {month} {shifted.day}",
            f"on {month} {shifted.day}, {shifted.year}",
            f"on {shifted.day} {month}",
            f"on {WEEKDAYS[shifted.weekday()]}, {month} {shifted.day}, {shifted.year}",
            f"in {month}",
            f"since {shifted.year - rng.randint(2, 25)}",
        ))

    def speaker(self) -> Person:
        """Someone from the story's cast."""
        return self.rng.choice(self.story.cast)

    def full(self, person: Person) -> str:
        """First mention with the title, later ones by surname, as news style does."""
        self.words += len(person.name.split())
        if person.name in self.mentioned:
            return person.last
        self.mentioned.add(person.name)
        return f"{person.title} {person.name}" if person.title[0].isupper() else f"{person.name}, {person.role},"

    def quote_text(self) -> str:
        """One or two sentences of what someone said, without the final full stop."""
        text = self.sentence(6, 18)
        if self.rng.random() < 0.35:
            text += " " + self.sentence(5, 14)
        return text[:-1]

    def clause(self) -> str:
        """Reported speech: a lower-case clause."""
        return self.filler(7, 18) + (f" {self.date()}" if self.rng.random() < 0.3 else "")

    def direct(self) -> str:
        """A paragraph with a quotation and one of the usual attributions."""
        rng = self.rng
        person = self.speaker()
        q = self.quote_text()
        # Curly quotes mostly, straight ones sometimes: both occur in the seeds.
        o, c = ("“", "”") if rng.random() < 0.75 else ('"', '"')
        kind = rng.randrange(9)
        if kind == 0 and person.name in self.mentioned:
            return f"{o}{q},{c} {person.pronoun} said."
        if kind in (0, 1):
            return f"{o}{q},{c} said {self.full(person).rstrip(',')}."
        if kind == 2:
            return f"{o}{q},{c} {self.full(person)} said {self.date()}.".replace(",, said", ", said")
        if kind == 3:
            return f"{self.full(person).rstrip(',')} said: {o}{q}.{c}"
        if kind == 4:
            return f"{o}{q},{c} {person.last} told reporters in {self.place()}."
        if kind == 5:
            return f"{o}{q},{c} {rng.choice(ORGS)} said in a statement."
        if kind == 6:
            return f"{self.full(person).rstrip(',')} wrote on social media: {o}{q}.{c}"
        if kind == 7:
            return f"{self.sentence()} {o}{q},{c} {person.last} added."
        return f"{o}{q}.{c} {o}{self.quote_text()},{c} {person.last} said."

    def indirect(self) -> str:
        """A paragraph of reported speech."""
        rng = self.rng
        person = self.speaker()
        kind = rng.randrange(8)
        if kind == 0:
            return f"{self.full(person).rstrip(',')} said that {self.clause()}."
        if kind == 1:
            return f"According to {self.full(person).rstrip(',')}, {self.clause()}."
        if kind == 2:
            text = self.clause()
            return f"{text[0].upper()}{text[1:]}, according to {rng.choice(ORGS)}."
        if kind == 3:
            return f"{person.last} told reporters {self.clause()}."
        if kind == 4:
            return f"{self.full(person).rstrip(',')} told reporters in {self.place()} that {self.clause()}."
        if kind == 5:
            return f"{self.full(person)} said {self.clause()}.".replace(",, said", ", said")
        if kind == 6:
            org = rng.choice(ORGS)
            return f"{org[0].upper()}{org[1:]} said {self.date()} that {self.clause()}."
        # A partial quote inside reported speech.
        return f"{person.last} called the {self.filler(1, 2)} “{self.filler(2, 5)}” and said {self.clause()}."

    def dated(self) -> str:
        """A sentence carrying a date expression."""
        text = self.filler(6, 14)
        return f"{text[0].upper()}{text[1:]} {self.date()}, {self.filler(4, 12)}."

    def lead(self) -> str:
        """The first paragraph: who did what, where, when."""
        rng = self.rng
        subjects = ("Troops from the NATO-led peacekeeping force", "Police", "Hundreds of protesters",
                    f"The government of {self.story.country}", "Ethnic Serbs", "Officials")
        pick = rng.randrange(len(subjects) + 1)
        # Only a named subject counts as a mention (a later one uses the surname).
        subject = subjects[pick] if pick < len(subjects) else self.full(self.speaker()).rstrip(",")
        return f"{subject} {self.filler(8, 16)} {self.date()}, {self.filler(5, 12)}."


def _slot(index: int) -> str:
    return BLOCK[index % len(BLOCK)]


def build_article(seed: int, index: int) -> Article:
    """Article `index` of the corpus of `seed` (independent of every other article)."""
    rng = random.Random(f"article:{seed}:{index}")
    vocab = vocabulary(seed)
    # Stories of 20 consecutive articles: story names stay rare, famous names stay common.
    st = story(seed, index // 20)
    published = st.day + dt.timedelta(days=rng.randint(0, 3))
    captured = dt.datetime.combine(published, dt.time(rng.randrange(24), rng.randrange(60))) + dt.timedelta(
        days=rng.choice((0, 0, 0, 1, 16))
    )
    styles, weights = zip(*TEXT_STYLES)
    article = Article(
        index=index,
        fmt=_slot(index),
        style=rng.choices(styles, weights=weights)[0],
        story=st,
        published=published,
        captured=captured,
        outlet=rng.choice(OUTLETS),
        title="",
        byline=f"{rng.choice(FIRST_NAMES)} {rng.choice(REAL_SURNAMES + vocab.surnames[:300])}",
    )
    writer = _Writer(rng, vocab, article)
    headline = writer.filler(4, 8)
    article.title = f"{rng.choice(ORGS + tuple(p.last for p in st.cast)).replace('the ', '', 1)} {headline} in {st.city.title()}"
    article.title = article.title[0].upper() + article.title[1:]
    target = rng.randint(340, 520)  # filler words; templates add the rest
    paragraphs = [writer.lead()]
    kinds = ("filler", "direct", "indirect", "dated")
    while writer.words < target:
        kind = rng.choices(kinds, weights=(45, 25, 18, 12))[0]
        if kind == "filler":
            paragraphs.append(" ".join(writer.sentence() for _ in range(rng.randint(1, 3))))
        elif kind == "direct":
            paragraphs.append(writer.direct())
        elif kind == "indirect":
            paragraphs.append(writer.indirect())
        else:
            paragraphs.append(writer.dated())
    article.paragraphs = paragraphs
    article.words = sum(len(p.split()) for p in paragraphs)
    return article


def _month_day(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}"


def render_text(a: Article) -> str:
    """A plain-text file in one of the wire styles the core reads (header line, dateline, footer)."""
    rng = random.Random(f"render:{a.index}")
    st, body = a.story, a.paragraphs
    first, rest = body[0], "\n\n".join(body[1:])
    header = f" date {a.captured:%Y-%m-%d %H:%M} " if rng.random() < 0.5 else f" date {a.published.isoformat()} "
    country = st.country
    # Some files lack the header line, as scraped feeds do: the indexer must date those.
    if a.style == "ap":
        head = header if rng.random() < 0.85 else ""
        return (f"{head}{st.city}, {country} (AP) — {first}\n\n{rest}\n\n"
                f"Copyright {a.published.year} The Associated Press. All rights reserved.\n")
    if a.style == "reuters":
        # Without a header line or year the dateline's day cannot be placed in a year:
        # such articles are left for the indexer to date, as real scraped feeds are.
        head = header if rng.random() < 0.85 else ""
        return (f"{head}{st.city}, {_month_day(a.published)} (Reuters) - {first}\n\n{rest}\n\n"
                f"Reporting by {a.byline}; Editing by {rng.choice(FIRST_NAMES)} {rng.choice(REAL_SURNAMES)}\n")
    if a.style == "bloomberg":
        head = header if rng.random() < 0.6 else ""
        return (f"{head}(Bloomberg) -- {first}\n\n{rest}\n\n--With assistance from {a.byline}.\n\n"
                f"©{a.published.year} Bloomberg L.P.\n")
    if a.style == "aa":
        head = header if rng.random() < 0.85 else ""
        return f"{head}{st.city}, {country} (AA) - {first}\n\n{rest}\n"
    if a.style == "scraped":
        # Like seed 002: the header is the capture time, the date-and-place line the publication day.
        return (f" date {a.captured:%Y-%m-%d %H:%M} {a.published.day} {MONTHS[a.published.month - 1]} "
                f"{st.city.title()}, {country}\n\n{first}\n\n{rest}\n")
    return f" date {a.published.isoformat()}\nBy {a.byline}\n\n{first}\n\n{rest}\n\n© {a.published.year} {a.outlet}\n"


def _slug(a: Article) -> str:
    return "-".join(a.title.lower().split()[:6]).replace("/", "-").replace("'", "")


def _url(a: Article) -> str:
    host = a.outlet.lower().replace(" ", "").replace("/", "")
    return f"https://www.{host}.example/{a.published:%Y/%m/%d}/{_slug(a)}-{a.index}"


def render_markdown(a: Article) -> str:
    """Markdown with YAML front matter (title, source, url, published, author)."""
    rng = random.Random(f"render:{a.index}")
    body = "\n\n".join(a.paragraphs)
    if rng.random() < 0.5:
        body = f"{a.story.city}, {a.story.country} — {body}"
    return (
        "---\n"
        f"title: {json.dumps(a.title, ensure_ascii=False)}\n"
        f"source: {json.dumps(a.outlet)}\n"
        f"url: {_url(a)}\n"
        f"published: {a.published.isoformat()}\n"
        f"author: {json.dumps(a.byline, ensure_ascii=False)}\n"
        "---\n\n"
        f"# {a.title}\n\n{body}\n"
    )


def render_jsonl_line(a: Article) -> str:
    """One JSON Lines record (title, text, source, url, published)."""
    record = {
        "title": a.title,
        "text": "\n\n".join(a.paragraphs),
        "source": a.outlet,
        "url": _url(a),
        "published": f"{a.published.isoformat()}T{a.captured:%H:%M}:00Z",
        "author": a.byline,
    }
    return json.dumps(record, ensure_ascii=False)


def render_html(a: Article) -> str:
    """A news page with navigation, metadata and the article in <article>."""
    e = html.escape
    paragraphs = "\n".join(f"<p>{e(p)}</p>" for p in a.paragraphs)
    stamp = f"{a.published.isoformat()}T{a.captured:%H:%M}:00Z"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        f"<title>{e(a.title)} | {e(a.outlet)}</title>\n"
        f"<meta property=\"og:title\" content=\"{e(a.title)}\">\n"
        f"<meta property=\"og:site_name\" content=\"{e(a.outlet)}\">\n"
        f"<meta property=\"article:published_time\" content=\"{stamp}\">\n"
        f"<meta name=\"author\" content=\"{e(a.byline)}\">\n"
        f"<link rel=\"canonical\" href=\"{_url(a)}\">\n</head><body>\n"
        "<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/europe\">Europe</a></nav></header>\n"
        f"<main><article><h1>{e(a.title)}</h1>\n<p class=\"byline\">By {e(a.byline)}</p>\n"
        f"<time datetime=\"{stamp}\">{_month_day(a.published)}, {a.published.year}</time>\n"
        f"{paragraphs}\n</article></main>\n"
        f"<footer><p>© {a.published.year} {e(a.outlet)}. All rights reserved.</p></footer>\n</body></html>\n"
    )


def _file_name(a: Article) -> str:
    key = {"txt": a.style, "md": "md", "jsonl": "feed", "html": "page"}[a.fmt]
    return f"{a.index:07d}-{key}.{a.fmt}"


def write_folder(seed: int, folder: int, total: int, root: str) -> tuple[int, int]:
    """Write the articles of one sub-folder; return (files, words)."""
    start, stop = folder * FOLDER_ARTICLES, min(total, (folder + 1) * FOLDER_ARTICLES)
    target = Path(root) / f"{folder:04d}"
    target.mkdir(parents=True, exist_ok=True)
    files = words = 0
    index = start
    while index < stop:
        article = build_article(seed, index)
        words += article.words
        if article.fmt == "jsonl":
            # The articles of a JSON Lines group share the file named after the first one.
            group = [article]
            end = min(stop, index - index % len(BLOCK) + JSONL_FIRST + JSONL_GROUP)
            for other in range(index + 1, end):
                group.append(build_article(seed, other))
                words += group[-1].words
            content = "".join(render_jsonl_line(a) + "\n" for a in group)
            index = end
        else:
            content = {"txt": render_text, "md": render_markdown, "html": render_html}[article.fmt](article)
            index += 1
        with open(target / _file_name(article), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        files += 1
    return files, words


def read_manifest(root: Path) -> dict | None:
    """The manifest of a complete corpus in `root`, or None."""
    try:
        return json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def corpus_matches(root: Path, articles: int, seed: int) -> bool:
    """True when `root` holds a complete corpus of this size, seed and generator version."""
    manifest = read_manifest(root)
    return bool(manifest) and (manifest.get("articles"), manifest.get("seed"), manifest.get("version")) == (
        articles,
        seed,
        GENERATOR_VERSION,
    )


def generate(articles: int, root: Path | str, seed: int = 0, jobs: int | None = None) -> dict:
    """Write a corpus of `articles` articles into `root` and return its manifest.

    A folder holding an earlier corpus is emptied first; a folder with other files is refused,
    so a mistyped path cannot mix the corpus into someone's articles.
    """
    root = Path(root)
    if root.exists() and any(root.iterdir()):
        if read_manifest(root) is None and not (root / ".bench-corpus.partial").exists():
            raise SystemExit(f"{root} is not empty and holds no bench corpus; choose another folder.")
        shutil.rmtree(root)
    root.mkdir(parents=True, exist_ok=True)
    (root / ".bench-corpus.partial").touch()  # lets a later run clear an interrupted corpus
    started = time.perf_counter()
    folders = range((articles + FOLDER_ARTICLES - 1) // FOLDER_ARTICLES)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(folders)))
    if jobs == 1:
        results = [write_folder(seed, f, articles, str(root)) for f in folders]
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(write_folder, itertools.repeat(seed), folders,
                                    itertools.repeat(articles), itertools.repeat(str(root))))
    manifest = {
        "generator": "bench.corpus",
        "version": GENERATOR_VERSION,
        "articles": articles,
        "seed": seed,
        "files": sum(f for f, _ in results),
        "words": sum(w for _, w in results),
    }
    (root / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    (root / ".bench-corpus.partial").unlink()
    # Kept out of the manifest, so the same seed gives byte-identical files, manifest included.
    return {**manifest, "seconds": round(time.perf_counter() - started, 2)}


def sample_queries(articles: int, seed: int = 0, count: int = 200) -> list[tuple[str, str]]:
    """`count` search queries of mixed frequency as (kind, query): rare names, common words, phrases, prefixes.

    Rare names are surnames of the cast of stories inside the corpus, so each matches a few
    articles; common words come from the top of the Zipf ranking; a quarter are several words
    typed together: set phrases of news reports, typed between double quotes as the product
    reads a phrase (and as `rg -F` searches one), or a few common words typed without quotes,
    which are searched for anywhere in an article; prefixes are search-as-you-type fragments.
    """
    rng = random.Random(f"queries:{seed}:{articles}")
    stories = max(1, (articles + 19) // 20)
    quarter = count // 4
    rare: list[str] = []
    while len(rare) < quarter:
        # The story's own cast, not the famous figures every story shares.
        person = rng.choice(story(seed, rng.randrange(stories)).cast[:-FAMOUS_PER_STORY])
        rare.append(person.last if rng.random() < 0.7 else person.name)
    common = [rng.choice(NEWS_WORDS[:150]) for _ in range(quarter)]
    several: list[tuple[str, str]] = []
    fixed = ("tear gas", "told reporters", "prime minister", "peacekeeping force", "northern Kosovo",
             "ethnic Serbs", "said in a statement", "Aleksandar Vucic", "Vučić", "according to police")
    while len(several) < quarter:
        if rng.random() < 0.5:
            several.append(("phrase", f'"{rng.choice(fixed)}"'))
        else:
            several.append(("words", " ".join(rng.sample(NEWS_WORDS, rng.randint(2, 3)))))
    prefixes = []
    while len(prefixes) < count - 3 * quarter:
        word = rng.choice(NEWS_WORDS + ("Kosovo", "Vucic", "Stoltenberg", "Serbia", "Kurti"))
        prefixes.append(word[: rng.randint(3, max(3, min(5, len(word) - 1)))])
    queries = ([("rare name", q) for q in rare] + [("common word", q) for q in common]
               + several + [("prefix", q) for q in prefixes])
    rng.shuffle(queries)
    return queries


def main(argv: list[str] | None = None) -> int:
    """Command line: python -m bench.corpus N DIR [--seed S] [--jobs J]."""
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int, help="number of articles")
    parser.add_argument("dir", type=Path, help="folder to write (created; an earlier corpus there is replaced)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (same seed, same bytes)")
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: all cores)")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("N must be at least 1")
    manifest = generate(args.articles, args.dir, seed=args.seed, jobs=args.jobs)
    print(f"{manifest['articles']} articles in {manifest['files']} files, {manifest['words']:,} words, "
          f"{manifest['seconds']} s -> {args.dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
