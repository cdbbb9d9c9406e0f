"""Who said it: speaker phrases, cues beyond say/tell and where reported words stop.

Every sentence here is invented (people, places and bodies that do not exist); each convention
has a case that must be found and one that must not.
"""

from __future__ import annotations

import pytest
from briefing.core.models import ParsedArticle, Quote
from briefing.core.nlp.pipeline import Extractor
from briefing.core.settings import Settings


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(Settings())


def extract(extractor: Extractor, text: str) -> list[Quote]:
    """Quotes of a text; every offset is checked to slice back to the quote's text."""
    quotes = list(extractor.extract(ParsedArticle(path="t.txt", text=text)).quotes)
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
    return quotes


def said(quotes: list[Quote]) -> list[tuple[str, str]]:
    """(text, speaker) of every quote."""
    return [(q.text, q.speaker) for q in quotes]


# --- speaker phrases: appositives, ages, particles -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Marta Vell, a former mayor of Dunmore and now head of the regional council, said the bridge would reopen.", "Marta Vell"),
        ("Oren Kade, 41, an independent voter raised in Lisbor, said the bridge would reopen.", "Oren Kade"),
        ("Tomas Brell, the spokesman for the Coastal Guard (CG) that patrols the bay, said the bridge would reopen.", "Tomas Brell"),
        ("Halden Corp's chief executive, Ivo Marsh, of course, said that the bridge would reopen.", "Ivo Marsh"),
        ("Samira el-Haddi, the agency's director, said the bridge would reopen.", "Samira el-Haddi"),
        ("In a call with investors, Halden chief executive Anton Read said the bridge would reopen.", "Anton Read"),
        ("Carlan's Foreign Minister Edith May said the bridge would reopen.", "Edith May"),
        ("Paulo King, a lawyer for the families, said the bridge would reopen.", "Paulo King"),
    ],
)
def test_the_speaker_is_the_name_at_the_head_of_its_appositives(extractor, text, speaker):
    assert said(extract(extractor, text)) == [("the bridge would reopen", speaker)]


def test_a_clause_before_a_backward_cue_is_not_an_appositive(extractor):
    # "the ferry was cancelled" has a verb of its own: it is the reported clause, not a description.
    quotes = extract(extractor, "The ferry was cancelled, Ivo Marsh, the harbour master, said.")
    assert said(quotes) == [("The ferry was cancelled", "Ivo Marsh")]


def test_an_age_between_the_quote_and_its_cue(extractor):
    quotes = extract(extractor, '"The walls were shaking," Nadia Orst, 29, told the Vell Gazette by phone from Dunmore.')
    assert said(quotes) == [("The walls were shaking", "Nadia Orst")]


# --- adverbials between the verb and the reported words -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ivo Marsh said in one of a series of posts on his blog that the bridge would reopen.",
        "Ivo Marsh told the Vell Gazette by phone that the bridge would reopen.",
        "Ivo Marsh said of the repairs that the bridge would reopen.",
    ],
)
def test_adverbials_between_the_verb_and_its_clause(extractor, text):
    assert said(extract(extractor, text)) == [("the bridge would reopen", "Ivo Marsh")]


def test_warned_of_is_the_warning_not_an_adverbial(extractor):
    [quote] = extract(extractor, "Ivo Marsh warned of a long closure for the coastal road.")
    assert quote.text == "a long closure for the coastal road"


def test_a_continuation_names_its_speaker_as_the_cue_did(extractor):
    text = "Mayor Ivo Marsh visited the site.\n\n“We will rebuild,” he said. “Nobody will be left behind.”"
    quotes = extract(extractor, text)
    assert [(q.text, q.speaker, q.speaker_as_written, q.attribution) for q in quotes] == [
        ("We will rebuild", "Ivo Marsh", "he", "pronoun"),
        ("Nobody will be left behind.", "Ivo Marsh", "he", "continuation"),
    ]
