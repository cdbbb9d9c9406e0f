"""Reported words never run across a second speech cue with its own subject.

"The EU has called for new elections, and Borrell said the bloc was “ready to act”": whatever
the EU said ends before ", and Borrell said", and the quoted fragment is Borrell's — a quoted
fragment belongs to the nearest cue whose content holds it. Giving Borrell's words to the EU is
the worst error the quote finder can make, so each coordinated or nested shape of wire copy
has a case here.
"""

from __future__ import annotations

import pytest
from briefing.core.models import ParsedArticle, Quote
from briefing.core.nlp.pipeline import Extractor
from briefing.core.settings import FocusSpeaker, Settings

SETTINGS = Settings(
    speakers=(
        FocusSpeaker("Aleksandar Vucic", "Vucic", ("Vucic", "Vučić", "the Serbian president")),
        FocusSpeaker("NATO", "NATO", ("the alliance",)),
        FocusSpeaker("KFOR", "NATO", ("Kosovo Force",)),
    )
)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(SETTINGS)


def quotes_of(extractor: Extractor, text: str) -> list[Quote]:
    quotes = list(extractor.extract(ParsedArticle(path="t.txt", text=text, body_start=0)).quotes)
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
    return quotes


def said(quotes: list[Quote]) -> list[tuple[str, str, str]]:
    return [(q.kind, q.speaker, q.text) for q in quotes]


def test_the_issue_sentence_gives_the_fragment_to_borrell(extractor):
    text = 'The EU has called for new elections, and Borrell said the bloc was "ready to act".'
    quotes = quotes_of(extractor, text)
    assert ("direct", "Borrell", "ready to act") in said(quotes)
    assert ("mixed", "Borrell", 'the bloc was "ready to act"') in said(quotes)
    for quote in quotes:
        if quote.speaker == "European Union":
            assert "Borrell said" not in quote.text
    # Every quote holding "ready to act" is Borrell's.
    assert {q.speaker for q in quotes if "ready to act" in q.text} == {"Borrell"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'The EU has called for new elections and Borrell said the bloc was "ready to act".',
            [("mixed", "Borrell", 'the bloc was "ready to act"'), ("direct", "Borrell", "ready to act")],
            id="and-without-comma",
        ),
        pytest.param(
            'The EU said new elections were needed, with Borrell saying the bloc was "ready to act".',
            [
                ("indirect", "European Union", "new elections were needed"),
                ("mixed", "Borrell", 'the bloc was "ready to act"'),
                ("direct", "Borrell", "ready to act"),
            ],
            id="with-X-saying",
        ),
        pytest.param(
            'The EU said new elections were needed, but according to Vucic the vote would be "a farce".',
            [
                ("indirect", "European Union", "new elections were needed"),
                ("mixed", "Aleksandar Vucic", 'the vote would be "a farce"'),
                ("direct", "Aleksandar Vucic", "a farce"),
            ],
            id="but-according-to",
        ),
        pytest.param(
            'The EU said new elections were needed, but the vote would be "a farce", Vucic said.',
            [
                ("indirect", "European Union", "new elections were needed"),
                ("mixed", "Aleksandar Vucic", 'the vote would be "a farce"'),
                ("direct", "Aleksandar Vucic", "a farce"),
            ],
            id="trailing-cue-after-but",
        ),
        pytest.param(
            'The EU said new elections were needed, and Kurti, speaking in Pristina, said the vote would be "a farce".',
            [
                ("indirect", "European Union", "new elections were needed"),
                ("mixed", "Kurti", 'the vote would be "a farce"'),
                ("direct", "Kurti", "a farce"),
            ],
            id="and-X-appositive-said",
        ),
        pytest.param(
            'The EU said new elections were needed - Kurti said the vote would be "a farce".',
            [
                ("indirect", "European Union", "new elections were needed"),
                ("mixed", "Kurti", 'the vote would be "a farce"'),
                ("direct", "Kurti", "a farce"),
            ],
            id="dash",
        ),
        pytest.param(
            'The EU said that new elections were needed and that Kurti had said the vote would be "a farce".',
            [
                ("indirect", "European Union", "new elections were needed"),
                ("mixed", "Kurti", 'the vote would be "a farce"'),
                ("direct", "Kurti", "a farce"),
            ],
            id="and-that-X-had-said",
        ),
        pytest.param(
            'The United States called on Pristina to de-escalate, while Russia accused the West of "double standards".',
            [
                ("indirect", "United States", "Pristina to de-escalate"),
                ("mixed", "Russian government", 'the West of "double standards"'),
                ("direct", "Russian government", "double standards"),
            ],
            id="while-X-accused",
        ),
        pytest.param(
            'Kurti said the mayors would stay and Vucic called the decision "a provocation".',
            [("indirect", "Kurti", "the mayors would stay"), ("direct", "Aleksandar Vucic", "a provocation")],
            id="and-X-called-it",
        ),
        pytest.param(
            'The EU said new elections were needed, but Vucic disagreed, saying the vote would be "a farce".',
            [
                ("indirect", "European Union", "new elections were needed"),
                ("mixed", "Aleksandar Vucic", 'the vote would be "a farce"'),
                ("direct", "Aleksandar Vucic", "a farce"),
            ],
            id="but-X-disagreed-saying",
        ),
        pytest.param(
            'NATO said it was monitoring the situation; a Kosovo Force spokesman, speaking on condition of anonymity, said troops were "on high alert".',
            [
                ("indirect", "NATO", "it was monitoring the situation"),
                ("mixed", "KFOR", 'troops were "on high alert"'),
                ("direct", "KFOR", "on high alert"),
            ],
            id="semicolon-then-appositive",
        ),
        pytest.param(
            'The EU said new elections were needed, but the Kremlin, in a statement, said the West was "meddling".',
            [
                ("indirect", "European Union", "new elections were needed"),
                ("mixed", "Kremlin", 'the West was "meddling"'),
                ("direct", "Kremlin", "meddling"),
            ],
            id="but-the-X-in-a-statement-said",
        ),
        pytest.param(
            'The prime minister said he would not resign, and opposition leaders vowed to keep protesting "until he goes".',
            [
                ("indirect", "the prime minister", "he would not resign"),
                ("mixed", "opposition leaders", 'to keep protesting "until he goes"'),
                ("direct", "opposition leaders", "until he goes"),
            ],
            id="and-X-vowed-to",
        ),
        pytest.param(
            'Washington urged restraint, while Moscow blamed the West, saying it had "fuelled the crisis".',
            [("mixed", "Moscow", 'it had "fuelled the crisis"'), ("direct", "Moscow", "fuelled the crisis")],
            id="while-X-blamed-saying",
        ),
    ],
)
def test_a_second_cue_with_its_own_subject_ends_the_first_speakers_words(extractor, text, expected):
    assert said(quotes_of(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The same speaker goes on: nothing to split.
        ('Vucic said the situation was "very serious", adding that Serbia would not "sit idly by".', "Aleksandar Vucic"),
        ('Kurti told reporters that the mayors would stay, and that police would "protect them".', "Kurti"),
        ('Kurti said police would remain, while the mayors, he said, would "take office".', "Kurti"),
        # A relative clause with a verb of saying asserts nothing of its own.
        ('Vucic said the army, which Kurti said was "illegal", would stay in barracks.', "Aleksandar Vucic"),
        # A clause with its own subject but no verb of saying stays reported speech.
        ('Kurti said Serbs and Albanians would "live together" and the police would protect everyone.', "Kurti"),
    ],
)
def test_one_speakers_coordinated_words_are_not_split(extractor, text, speaker):
    quotes = quotes_of(extractor, text)
    assert quotes and {q.speaker for q in quotes} == {speaker}
