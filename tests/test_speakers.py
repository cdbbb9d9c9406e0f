"""Speaker names: spellings folded, titles stripped, kinds told apart, context resolved."""

from __future__ import annotations

import pytest
from briefing.core.nlp.coreference import ArticleSpeakers
from briefing.core.nlp.mentions import Mention
from briefing.core.nlp.speakers import Entity, SpeakerBook, normalise
from briefing.core.settings import FocusSpeaker, Settings

BOOK = SpeakerBook(
    Settings(
        speakers=(
            FocusSpeaker("Aleksandar Vucic", "Vucic", ("Vucic", "Vučić", "Вучић", "the Serbian president")),
            FocusSpeaker("NATO", "NATO", ("the alliance",)),
            FocusSpeaker("Angelo Michele Ristuccia", "NATO", ("the commander of the NATO mission",)),
        )
    )
)


@pytest.mark.parametrize(
    ("spelling", "key"),
    [
        ("Vučić", "vucic"),
        ("Вучић", "vucic"),
        ("Александар Вучић", "aleksandar vucic"),
        ("The  Serbian President", "serbian president"),
        ("Serbia’s president", "serbia's president"),
        ("Đilas", "djilas"),
    ],
)
def test_normalise_folds_scripts_diacritics_case_and_articles(spelling, key):
    assert normalise(spelling) == key


@pytest.mark.parametrize("spelling", ["Vucic", "Vučić", "Вучић", "Aleksandar Vučić", "the Serbian president"])
def test_every_alias_reaches_the_focus_speaker(spelling):
    assert BOOK.focus(spelling) == Entity("Aleksandar Vucic", "person")


def test_focus_speakers_know_their_kind_and_group():
    assert BOOK.focus("the alliance") == Entity("NATO", "organisation")
    assert BOOK.group_of("Angelo Michele Ristuccia") == "NATO"
    assert BOOK.group_of("Someone Else") is None
    assert BOOK.focus("Nobody") is None


@pytest.mark.parametrize(
    ("phrase", "name", "kind", "named"),
    [
        ("Serbian President Aleksandar Vucic", "Aleksandar Vucic", "person", True),
        ("U.S. Secretary of State Antony Blinken", "Antony Blinken", "person", True),
        ("EU foreign policy chief Josep Borrell", "Josep Borrell", "person", True),
        ("Major General Angelo Michele Ristuccia", "Angelo Michele Ristuccia", "person", True),
        ("The commander of the NATO mission", "Angelo Michele Ristuccia", "person", True),
        ("Jean-Claude Juncker", "Jean-Claude Juncker", "person", True),
        ("NATO", "NATO", "organisation", True),
        ("The Kremlin", "Kremlin", "organisation", True),
        ("the Kosovo Interior Ministry", "Kosovo Interior Ministry", "organisation", True),
        ("Serbia", "Serbia", "organisation", True),
        ("a NATO spokesman", "NATO", "organisation", True),
        ("a spokesman for the Kosovo government", "the Kosovo government", "organisation", False),
        ("a spokesman for NATO", "NATO", "organisation", True),
        ("Vucic 's office", "Aleksandar Vucic", "person", True),
        ("local Serb authorities", "local Serb authorities", "group", False),
        ("The report", "the report", "organisation", False),
        ("the mayor", "the mayor", "person", False),
        ("Officials", "officials", "group", False),
        ("Residents of Zvecan", "residents of Zvecan", "group", False),
    ],
)
def test_entity_from_a_speaker_phrase(phrase, name, kind, named):
    assert BOOK.entity(phrase.split()) == Entity(name, kind, named)


def article(text: str) -> tuple[ArticleSpeakers, list[str]]:
    """ArticleSpeakers over a whitespace-tokenised text whose sentences end with '.'."""
    words = text.split()
    starts, pos = [], 0
    for word in words:
        pos = text.index(word, pos)
        starts.append(pos)
        pos += len(word)
    mentions, i = [], 0
    while i < len(words):
        if words[i][:1].isupper() and words[i] not in ("He", "She", "It", "They", "The"):
            j = i + 1
            while j < len(words) and words[j][:1].isupper():
                j += 1
            mentions.append(Mention(i, j, starts[i]))
            i = j
        else:
            i += 1
    sentence_starts = [0] + [starts[k + 1] for k, w in enumerate(words[:-1]) if w.endswith(".")]
    return ArticleSpeakers(BOOK, words, mentions, sentence_starts), words


def test_a_lone_surname_merges_into_an_earlier_full_name():
    speakers, _ = article("Kosovo Prime Minister Albin Kurti arrived . Later Kurti spoke .")
    assert speakers.name(["Kurti"], 60) == Entity("Albin Kurti", "person")
    # Before the full name appears, the surname stays as written.
    assert speakers.name(["Kurti"], 0) == Entity("Kurti", "person")


def test_he_prefers_the_subject_of_the_previous_sentence():
    text = "Albin Kurti met Olaf Scholz in Berlin . He said"
    speakers, _ = article(text)
    assert speakers.pronoun("He", text.index("He said")).name == "Albin Kurti"


def test_pronouns_use_the_speakers_history_and_remember_gender():
    speakers, _ = article("x . y . z .")
    speakers.record(0, Entity("Ana Brnabic", "person"))
    assert speakers.pronoun("she", 5).name == "Ana Brnabic"
    speakers.record(6, Entity("Ivica Dacic", "person"))
    # Dacic is nearer, but she was Brnabic: a woman already called "she" stays the match.
    speakers.record(7, Entity("Ana Brnabic", "person"))
    speakers.record(8, Entity("Ivica Dacic", "person"))
    assert speakers.pronoun("he", 10).name == "Ivica Dacic"
    assert speakers.pronoun("she", 10).name == "Ana Brnabic"


def test_it_and_they_want_organisations_and_groups():
    speakers, _ = article("a . b . c .")
    speakers.record(0, Entity("NATO", "organisation"))
    speakers.record(2, Entity("local Serb authorities", "group", False))
    speakers.record(4, Entity("Ana Brnabic", "person"))
    assert speakers.pronoun("it", 8).name == "NATO"
    assert speakers.pronoun("they", 8).name == "local Serb authorities"
    assert speakers.pronoun("we", 8) is None


def test_the_statement_is_issued_by_the_latest_named_speaker():
    speakers, _ = article("a . b .")
    assert speakers.issuer(5) is None
    speakers.record(0, Entity("NATO", "organisation"), spoke=False)
    speakers.record(2, Entity("the report", "organisation", False))
    assert speakers.issuer(5) == Entity("NATO", "organisation")


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Council of Europe", "Council of Europe"),
        ("the Army General Staff", "Army General Staff"),
        ("Human Rights Watch", "Human Rights Watch"),
        ("Kosovo Police", "Kosovo Police"),
        ("Srpska Lista", "Srpska Lista"),
    ],
)
def test_capitalised_organisation_names_stay_whole(phrase, name):
    assert BOOK.entity(phrase.split()) == Entity(name, "organisation")


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("President of the European Commission Ursula von der Leyen", "Ursula von der Leyen"),
        ("Head of the Serbian List Goran Rakic", "Goran Rakic"),
        ("Charles de Gaulle", "Charles de Gaulle"),
        ("Pope Francis", "Francis"),
    ],
)
def test_person_names_keep_their_particles_and_lose_their_titles(phrase, name):
    assert BOOK.entity(phrase.split()) == Entity(name, "person")


# --- found in unseen house-style articles (tests/test_quotes_house_styles.py) -------------------


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        # British style: ranks without full stops.
        ("Maj Gen Angelo Michele Ristuccia", "Angelo Michele Ristuccia"),
        ("Lt Col John Smith", "John Smith"),
        ("Brig Gen Anna Novak", "Anna Novak"),
    ],
)
def test_ranks_without_full_stops_are_titles(phrase, name):
    assert BOOK.entity(phrase.split()).name == name


def test_of_the_joins_a_long_official_name():
    phrase = "The Ministry of Foreign Affairs of the Republic of Serbia"
    assert BOOK.entity(phrase.split()) == Entity("Ministry of Foreign Affairs of the Republic of Serbia", "organisation")


def test_the_ministry_is_the_one_a_press_release_names_in_full():
    from briefing.core.models import ParsedArticle
    from briefing.core.nlp.pipeline import Extractor

    text = (
        "The Ministry of Foreign Affairs of the Republic of Serbia strongly condemns the violence, "
        "the ministry said in a statement on Wednesday.\n\n"
        '"The so-called Kosovo police entered the buildings by force," the statement said.'
    )
    quotes = Extractor(Settings()).extract(ParsedArticle(path="t.txt", text=text)).quotes
    assert [q.speaker for q in quotes] == ["Ministry of Foreign Affairs of the Republic of Serbia"] * 2


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "the force": the head of the subject the article wrote, not of the name it gave.
        (
            "The NATO-led peacekeeping force, known as KFOR, said 30 soldiers were hurt.\n\n"
            '"We will act," the force said in a statement.',
            "KFOR",
        ),
        # "the spokesperson" is the one who spoke for NATO a paragraph earlier.
        (
            "A NATO spokesperson said patrols had been increased.\n\n"
            '"Our troops will act impartially," the spokesperson said.',
            "NATO",
        ),
    ],
)
def test_a_definite_description_refers_back_to_the_speaker_it_described(text, speaker):
    from briefing.core.models import ParsedArticle
    from briefing.core.nlp.pipeline import Extractor

    quotes = Extractor(Settings()).extract(ParsedArticle(path="t.txt", text=text)).quotes
    assert [q.speaker for q in quotes] == [speaker, speaker]


def test_an_appositive_with_an_organisation_for_something_keeps_the_name():
    from briefing.core.models import ParsedArticle
    from briefing.core.nlp.pipeline import Extractor

    text = (
        "Igor Bandovic, director of the Belgrade Centre for Security Policy, told BIRN that both "
        "governments were using the crisis."
    )
    quotes = Extractor(Settings()).extract(ParsedArticle(path="t.txt", text=text)).quotes
    assert [(q.kind, q.speaker, q.text) for q in quotes] == [
        ("indirect", "Igor Bandovic", "both governments were using the crisis")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A person, then where they are from or whom they belong to.
        ('Prime Minister Albin Kurti of the Vetevendosje Movement said the mayors would "stay".', "Albin Kurti"),
        ('Goran Rakic of the Serbian List told reporters Serbs were "under attack".', "Goran Rakic"),
        ('Foreign Minister Ivica Dacic of Serbia said Belgrade was "ready".', "Ivica Dacic"),
        # ... but an organisation "of" something stays whole.
        ('The Council of Europe said the vote was "flawed".', "Council of Europe"),
        ('The Republic of Serbia said it was "ready".', "Republic of Serbia"),
        ('The Democratic League of Kosovo said the vote was "a farce".', "Democratic League of Kosovo"),
        # A lone surname later still finds the full name given with "of".
        ('Prime Minister Albin Kurti of Kosovo arrived.\n\nLater, Kurti said the mayors would "stay".', "Albin Kurti"),
        # Capitalised inside a name, words that are not names elsewhere ("Watch video").
        ('Human Rights Watch said the arrests were "arbitrary".', "Human Rights Watch"),
        ('The New York Times reported that the talks had "stalled".', "New York Times"),
    ],
)
def test_names_with_of_and_with_common_words(text, speaker):
    from briefing.core.models import ParsedArticle
    from briefing.core.nlp.pipeline import Extractor

    quotes = Extractor(Settings()).extract(ParsedArticle(path="t.txt", text=text)).quotes
    assert quotes and {q.speaker for q in quotes} == {speaker}


def test_he_after_a_person_of_a_country_is_that_person():
    from briefing.core.models import ParsedArticle
    from briefing.core.nlp.pipeline import Extractor

    book = Settings(speakers=(FocusSpeaker("Aleksandar Vucic", "Vucic", ("Vucic",)),))
    text = 'President Aleksandar Vucic of Serbia met reporters. He said the army was "on alert".'
    quotes = Extractor(book).extract(ParsedArticle(path="t.txt", text=text)).quotes
    assert {q.speaker for q in quotes} == {"Aleksandar Vucic"}
