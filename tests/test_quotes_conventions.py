"""Quotes in hand-written articles, one test per convention of how news reports speech."""

from __future__ import annotations

import pytest
from briefing.core.models import ParsedArticle, Quote
from briefing.core.nlp.pipeline import Extractor
from briefing.core.settings import FocusSpeaker, Settings

SETTINGS = Settings(
    speakers=(
        FocusSpeaker("Aleksandar Vucic", "Vucic", ("Vucic", "Vučić", "Вучић", "the Serbian president")),
        FocusSpeaker("NATO", "NATO", ("the alliance", "North Atlantic Treaty Organization")),
        FocusSpeaker("KFOR", "NATO", ("Kosovo Force", "NATO peacekeepers")),
        FocusSpeaker("Giorgia Meloni", "Meloni", ("Meloni", "the Italian prime minister")),
    )
)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(SETTINGS)


def extract(extractor: Extractor, text: str, body_start: int = 0) -> list[Quote]:
    """Quotes of a text; every offset is checked to slice back to the quote's text."""
    quotes = list(extractor.extract(ParsedArticle(path="t.txt", text=text, body_start=body_start)).quotes)
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        if quote.cue_start >= 0:
            assert text[quote.cue_start : quote.cue_end] == quote.cue
    return quotes


def one(quotes: list[Quote], text: str) -> Quote:
    """The single quote with exactly this text."""
    found = [q for q in quotes if q.text == text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


def said(quotes: list[Quote]) -> list[tuple[str, str, str]]:
    """(text, speaker, attribution) of every quote."""
    return [(q.text, q.speaker, q.attribution) for q in quotes]


# --- direct quotes ----------------------------------------------------------------------------


def test_curly_quote_with_pronoun_cue_and_a_continuation(extractor):
    text = (
        "Serbian President Aleksandar Vucic spoke in Belgrade.\n\n"
        "“We will not tolerate this,” he said. “I beg everyone to stay calm.”"
    )
    assert said(extract(extractor, text)) == [
        ("We will not tolerate this", "Aleksandar Vucic", "pronoun"),
        ("I beg everyone to stay calm.", "Aleksandar Vucic", "continuation"),
    ]


def test_straight_marks_and_said_before_the_name(extractor):
    quotes = extract(extractor, '"The situation is unacceptable," said Josep Borrell. "We expect restraint."')
    assert said(quotes) == [
        ("The situation is unacceptable", "Josep Borrell", "named"),
        ("We expect restraint.", "Josep Borrell", "continuation"),
    ]
    assert quotes[0].cue == "said" and quotes[0].kind == "direct"


@pytest.mark.parametrize(
    "text",
    [
        "„We will not give up“, Vucic said.",
        "«We will not give up», Vucic said.",
        "''We will not give up,'' Vucic said.",
        "``We will not give up,'' Vucic said.",
        "‘We will not give up,’ Vucic said.",
        "'We will not give up,' Vucic said.",
    ],
)
def test_every_quotation_mark_style(extractor, text):
    assert said(extract(extractor, text)) == [("We will not give up", "Aleksandar Vucic", "named")]


def test_a_quote_over_several_paragraphs(extractor):
    text = (
        "Chancellor Olaf Scholz addressed parliament.\n\n"
        '"We have a responsibility for peace in Europe.\n\n'
        '"We expect all sides to show restraint," Scholz said.'
    )
    quotes = extract(extractor, text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We have a responsibility for peace in Europe.", "Olaf Scholz"),
        ("We expect all sides to show restraint", "Olaf Scholz"),
    ]
    assert [q.attribution for q in quotes] == ["continuation", "named"]


def test_colon_introduces_a_quote_in_the_same_or_the_next_paragraph(extractor):
    text = (
        "Italian Prime Minister Giorgia Meloni said: “We will not tolerate further attacks.”\n\n"
        "NATO said in a statement:\n\n"
        "“KFOR remains ready to act.”"
    )
    assert said(extract(extractor, text)) == [
        ("We will not tolerate further attacks.", "Giorgia Meloni", "named"),
        ("KFOR remains ready to act.", "NATO", "organisation"),
    ]


def test_a_name_and_a_colon_before_a_quote(extractor):
    assert said(extract(extractor, "Vučić: “We will protect our people”")) == [
        ("We will protect our people", "Aleksandar Vucic", "named")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“This must stop” — Meloni said.", "Giorgia Meloni"),
        ("“This must stop,” — the ministry said in a statement.", "the ministry"),
        ("“This must stop” - said Zelensky.", "Zelensky"),
        ("“This must stop.” — Josep Borrell, EU foreign policy chief", "Josep Borrell"),
    ],
)
def test_a_speaker_line_after_a_dash(extractor, text, speaker):
    [quote] = extract(extractor, text)
    assert (quote.text.rstrip("."), quote.speaker) == ("This must stop", speaker)


def test_attribution_in_the_middle_of_a_quote(extractor):
    text = '"We want peace," Scholz said, "but the agreements must be kept." "Serbia did its part," Vucic said. "Now it is up to Pristina."'
    assert said(extract(extractor, text)) == [
        ("We want peace", "Scholz", "named"),
        ("but the agreements must be kept.", "Scholz", "named"),
        ("Serbia did its part", "Aleksandar Vucic", "named"),
        ("Now it is up to Pristina.", "Aleksandar Vucic", "continuation"),
    ]


def test_a_speaker_introduced_in_the_preceding_sentence(extractor):
    text = "Mayor Jane Holt spoke to reporters outside the town hall.\n\n“It was the worst night of my life.”"
    assert said(extract(extractor, text)) == [("It was the worst night of my life.", "Jane Holt", "continuation")]


def test_a_question_before_said_and_a_reply_after_asked(extractor):
    quotes = extract(extractor, '"Why now?" asked Ivica Dacic. "I have nothing to add," Stano replied when asked.')
    assert said(quotes) == [("Why now?", "Ivica Dacic", "named"), ("I have nothing to add", "Stano", "named")]


# --- what is not speech -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'The so-called "Big Five" countries met in Brussels.',
        'Protesters painted the letter "Z" on their cars.',
        'The film "Quo Vadis, Aida?" won several awards.',
        "Locals call the bridge over the Ibar “the most guarded bridge in Europe”.",
        "Kosovo’s ’90s were hard, and they don’t forget the '90s.",
        "Vucic appealed to the representatives of the “Big Five” - the United States and France - with a request.",
    ],
)
def test_names_titles_and_scare_quotes_are_not_quotes(extractor, text):
    assert extract(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "He is said to have fled to Serbia.",
        "The suspects were told to leave the area.",
        "It is not clear what they said during the meeting.",
        "As Vucic said last year, the north is Serbian.",
        "The president did not say whether he would attend the talks.",
        "Vucic will tell the nation on Monday what Serbia plans to do.",
        "Italian Prime Minister Giorgia Meloni condemned the attacks against the NATO mission.",
        "Troops were deployed according to the agreement signed in 1999.",
        "Officials declined to comment on the arrests.",
    ],
)
def test_reporting_verbs_that_report_nothing(extractor, text):
    assert extract(extractor, text) == []


def test_a_quoted_fragment_after_a_verb_of_intent_is_still_the_speakers(extractor):
    text = 'In turn, Vucic criticized the police. He intends to ask these countries to "understand their children."'
    [quote] = extract(extractor, text)
    assert (quote.text, quote.kind, quote.speaker, quote.attribution) == (
        "understand their children.", "direct", "Aleksandar Vucic", "pronoun",
    )


# --- reported speech --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        ("Vucic said four Serbs were arrested in Kosovo.", "four Serbs were arrested in Kosovo", "Aleksandar Vucic", "said"),
        ("Vucic said on Friday that the army was on alert.", "the army was on alert", "Aleksandar Vucic", "said on Friday that"),
        ("More than 50 Serbs were injured, Vucic told reporters in Belgrade.", "More than 50 Serbs were injured", "Aleksandar Vucic", "told reporters in Belgrade"),
        ("Vucic told reporters the army was on alert.", "the army was on alert", "Aleksandar Vucic", "told reporters"),
        ("The talks will resume, said Dacic.", "The talks will resume", "Dacic", "said"),
        ("KFOR urged the governments of Serbia and Kosovo to engage in dialogue.", "the governments of Serbia and Kosovo to engage in dialogue", "KFOR", "urged"),
        ("NATO called on all parties to refrain from violence.", "all parties to refrain from violence", "NATO", "called on"),
        ("NATO warned that the violence could spread.", "the violence could spread", "NATO", "warned that"),
        ("NATO peacekeepers have insisted that the mayors must leave.", "the mayors must leave", "KFOR", "have insisted that"),
        ("The report says the police used tear gas against the crowd.", "the police used tear gas against the crowd", "the report", "says"),
        ("The publication writes that protesters used stun grenades.", "protesters used stun grenades", "the publication", "writes that"),
        ("Schools were closed, local Serb authorities said in a live broadcast.", "Schools were closed", "local Serb authorities", "said in a live broadcast"),
        ("The agency quoted Vucic as saying that Serbia would defend its people.", "Serbia would defend its people", "Aleksandar Vucic", "saying that"),
        ("Kosovo's government rejected the calls, saying the mayors had been legally elected.", "the mayors had been legally elected", "Kosovo's government", "saying"),
        ("The protesters, many of whom wore masks, said they would stay.", "they would stay", "the protesters", "said"),
        ("A Western diplomat in Pristina told AFP the situation was tense.", "the situation was tense", "a Western diplomat in Pristina", "told AFP"),
        ("The ministry of defence said the army had not crossed the border.", "the army had not crossed the border", "the ministry of defence", "said"),
    ],
)
def test_indirect_speech(extractor, text, content, speaker, cue):
    [quote] = extract(extractor, text)
    assert (quote.text, quote.kind, quote.speaker, quote.cue) == (content, "indirect", speaker, cue)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("None of the 30 injured were in serious condition, according to NATO.", "None of the 30 injured were in serious condition", "NATO"),
        ("According to a statement from the Serbian Defense Ministry, the army remains on alert.", "the army remains on alert", "Serbian Defense Ministry"),
        ("According to witnesses, the police used tear gas.", "the police used tear gas", "witnesses"),
    ],
)
def test_according_to(extractor, text, content, speaker):
    [quote] = extract(extractor, text)
    assert (quote.text, quote.speaker, quote.attribution) == (content, speaker, "according-to")


def test_partial_quotes_inside_reported_speech(extractor):
    text = (
        "The force, known as KFOR, said 19 soldiers who were “countering the crowd” on Monday "
        "became “the subject of unprovoked attacks.”"
    )
    quotes = extract(extractor, text)
    assert [(q.kind, q.text, q.parent) for q in quotes] == [
        ("mixed", "19 soldiers who were “countering the crowd” on Monday became “the subject of unprovoked attacks.”", None),
        ("direct", "countering the crowd", 0),
        ("direct", "the subject of unprovoked attacks.", 0),
    ]
    assert {q.speaker for q in quotes} == {"KFOR"}


def test_naming_verbs_quote_only_their_label(extractor):
    text = 'Serbian Prime Minister Ana Brnabic described the protests as "peaceful", while the opposition called the response "a disgrace".'
    assert said(extract(extractor, text)) == [
        ("peaceful", "Ana Brnabic", "named"),
        ("a disgrace", "the opposition", "organisation"),
    ]


# --- speakers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "speaker"),
    [
        ("Prime Minister Albin Kurti", "Albin Kurti"),
        ("U.S. Secretary of State Antony Blinken", "Antony Blinken"),
        ("EU foreign policy chief Josep Borrell", "Josep Borrell"),
        ("Serb President Aleksandar Vucic", "Aleksandar Vucic"),
        ("The commander of the NATO mission, Major General Angelo Michele Ristuccia,", "Angelo Michele Ristuccia"),
        ("Albin Kurti, Kosovo's prime minister,", "Albin Kurti"),
        ("Kosovo President Vjosa Osmani, 41,", "Vjosa Osmani"),
        ("The Serbian president", "Aleksandar Vucic"),
        ("Вучић", "Aleksandar Vucic"),
        ("A NATO spokesman", "NATO"),
        ("A State Department spokesman", "State Department"),
        ("The Kosovo Interior Ministry", "Kosovo Interior Ministry"),
        ("Residents of Zvecan", "residents of Zvecan"),
        ("Police", "police"),
    ],
)
def test_speaker_names_lose_titles_and_merge_spellings(extractor, subject, speaker):
    [quote] = extract(extractor, f"{subject} said the talks would resume next week.")
    assert quote.speaker == speaker


def test_speaker_as_written_and_focus_group(extractor):
    [quote] = extract(extractor, "Serbian President Aleksandar Vučić said the army was on alert.")
    assert (quote.speaker, quote.speaker_as_written, quote.group, quote.attribution) == (
        "Aleksandar Vucic", "Serbian President Aleksandar Vučić", "Vucic", "named",
    )
    [quote] = extract(extractor, "NATO peacekeepers said the bridge was closed.")
    assert (quote.speaker, quote.group, quote.attribution) == ("KFOR", "NATO", "organisation")


def test_a_surname_merges_into_the_full_name_given_earlier(extractor):
    text = "Kosovo Prime Minister Albin Kurti visited the north. Kurti said the mayors would stay."
    [quote] = extract(extractor, text)
    assert (quote.speaker, quote.speaker_as_written) == ("Albin Kurti", "Kurti")


def test_pronouns_find_the_subject_of_the_nearest_fitting_sentence(extractor):
    text = (
        "Vucic met Scholz in Berlin on Thursday. He said that Serbia would not recognise Kosovo.\n\n"
        "Serbian officials said they had not been informed. They said the decision was made without them.\n\n"
        "The Kremlin said it was following the situation. It said Moscow supported Belgrade."
    )
    assert [(q.speaker, q.attribution) for q in extract(extractor, text)] == [
        ("Aleksandar Vucic", "pronoun"),
        ("Serbian officials", "organisation"),
        ("Serbian officials", "pronoun"),
        ("Kremlin", "organisation"),
        ("Kremlin", "pronoun"),
    ]


def test_she_skips_a_man_already_called_he(extractor):
    text = (
        "Vucic and Meloni spoke by phone. Vucic said the talks were useful, and he said more would follow. "
        "Meloni said Italy would help. She said the mission would stay."
    )
    quotes = extract(extractor, text)
    assert quotes[-1].speaker == "Giorgia Meloni"


def test_the_statement_speaks_for_whoever_issued_it(extractor):
    text = (
        "NATO issued a statement on Tuesday evening.\n\n"
        "“The violence must stop immediately,” the statement said.\n\n"
        "The report says the police used tear gas against the crowd."
    )
    quotes = extract(extractor, text)
    assert [(q.speaker, q.speaker_as_written) for q in quotes] == [
        ("NATO", "the statement"),
        ("the report", "The report"),
    ]


def test_offsets_point_into_the_stored_text(extractor):
    header = "(Wire) -- "
    text = header + "“We will stay,” Vucic said."
    [quote] = extract(extractor, text, body_start=len(header))
    assert (quote.start, quote.cue_start) == (text.index("We"), text.index("said"))


# --- conventions met in unseen articles ---------------------------------------------------------


def test_a_clause_with_its_own_cue_ends_the_reported_words_before_it(extractor):
    text = (
        "The European Union urged Kosovo to reduce police presence in the north and called on Serbs "
        "to end protests, as the bloc's foreign policy chief warned that the situation was \"on the brink\".\n\n"
        "EU foreign policy chief Josep Borrell told reporters the bloc was ready to act."
    )
    quotes = extract(extractor, text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Kosovo to reduce police presence in the north", "European Union"),
        ("Serbs to end protests", "European Union"),
        ('the situation was "on the brink"', "Josep Borrell"),
        ("on the brink", "Josep Borrell"),
        ("the bloc was ready to act", "Josep Borrell"),
    ]


def test_a_second_verb_of_the_same_subject(extractor):
    [quote] = extract(extractor, "Vucic criticized the police and said the army would stay on alert.")
    assert (quote.text, quote.speaker) == ("the army would stay on alert", "Aleksandar Vucic")


def test_according_to_a_pronoun(extractor):
    text = "Maria Zakharova spoke at a briefing. According to her, the West bears responsibility for the escalation."
    [quote] = extract(extractor, text)
    # Found through the pronoun: marked as the weaker attribution it is.
    assert (quote.speaker, quote.attribution, quote.cue) == ("Maria Zakharova", "pronoun", "According to")


def test_the_organisation_a_definite_description_refers_back_to(extractor):
    text = (
        "The OSCE Mission in Kosovo expressed concern. In a statement, the mission called on all sides "
        '"to refrain from any actions that could inflame tensions".'
    )
    assert {q.speaker for q in extract(extractor, text)} == {"OSCE Mission in Kosovo"}


def test_two_named_subjects_speak_as_a_group(extractor):
    [quote] = extract(extractor, "Vucic and Kurti said they would meet in Brussels next week.")
    assert quote.speaker == "Aleksandar Vucic and Kurti"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Nobody sleeps here," said one woman from Zvecan.', "one woman from Zvecan"),
        ("«The West bears full responsibility», - the official representative of the ministry, Maria Zakharova, said.", "Maria Zakharova"),
        ('„We have been clear from the beginning", party leader Goran Rakic told Kossev news portal.', "Goran Rakic"),
        ("RFE/RL's Balkan Service reported that the protesters had blocked a road.", "RFE/RL's Balkan Service"),
    ],
)
def test_speakers_in_wire_and_translated_styles(extractor, text, speaker):
    [quote] = extract(extractor, text)
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "NATO added 700 troops to its mission in Kosovo.",
        "Kurti wrote a letter to the European Commission.",
        "The group claimed responsibility for the attack on the patrol.",
    ],
)
def test_a_reporting_verb_with_a_noun_object_reports_nothing(extractor, text):
    assert extract(extractor, text) == []


# --- shapes around the verb ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ('As Ana Kell put it, "The bridge is finished."', "The bridge is finished.", "Ana Kell"),
        ("But, as Mr. Dole said last week, ''At some point you have lost.''", "At some point you have lost.", "Dole"),
        ('The mayor, Tom Rees, put it bluntly: "We are out of money."', "We are out of money.", "Tom Rees"),
        ('The mayor, Tom Rees, said quietly: "We are out of money."', "We are out of money.", "Tom Rees"),
        ('Tom Rees put it this way: "We are out of money."', "We are out of money.", "Tom Rees"),
    ],
)
def test_a_quotation_introduced_by_as_put_it_or_a_manner_adverb_is_the_speakers(extractor, text, quote, speaker):
    """"As X put it, “…”" quotes X; "said bluntly: “…”" is a cue with its manner, not reported words."""
    [found] = extract(extractor, text)
    assert (found.text, found.kind, found.speaker) == (quote, "direct", speaker)


@pytest.mark.parametrize(
    "text",
    [
        "As Vucic said last year, the north is Serbian.",  # no quotation: the narrator's own claim
        'She put it on the table, "the old file" as they call it, and left.',
        "Tom Rees put the report away and left.",
    ],
)
def test_as_and_put_report_nothing_without_a_quotation(extractor, text):
    assert extract(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a relative clause with a name of its own between its commas
        ("Tom Rees, whose latest company, Gridly, helps farms find buyers, said the plan was sound.",
         "the plan was sound", "Tom Rees"),
        # a verb joined by ", then"
        ("Ana Kell offered the man a job, then said she would welcome advice from anyone.",
         "she would welcome advice from anyone", "Ana Kell"),
        # a verb joined by "and" after an aside between dashes
        ("Rob Ferris, 70, had served in the army - ''thirteen months in hell'' - and said the plan would fail.",
         "the plan would fail", "Rob Ferris"),
    ],
)
def test_the_subject_of_a_verb_is_found_past_asides(extractor, text, content, speaker):
    found = one(extract(extractor, text), content)
    assert (found.kind, found.speaker) == ("indirect", speaker)


def test_the_predicate_after_a_relative_clause_is_not_more_of_the_clause(extractor):
    """"Pa, who …, made coffee, or tea, told him …": "made coffee" is Pa's own verb, so the
    coordinated "said" is Pa's, never a name inside the list."""
    text = "Pa, who lived with the family in Reno, made coffee, or tea, told him about the island and said he would learn the language."
    found = one(extract(extractor, text), "he would learn the language")
    assert found.speaker == "Pa"


def test_a_dash_that_opens_an_aside_joins_no_verb(extractor):
    """"- and praise from conservatives -": a noun after an opening dash, not a second verb."""
    assert extract(extractor, "He drew criticism from Democrats - and praise from conservatives - for the plan.") == []


def test_a_coordinated_verb_takes_the_name_in_apposition_to_the_subject(extractor):
    """"One of the men, Rob Ferris, 70, had served … and said …": the name, not "One of the men"."""
    text = "One of the men, Rob Ferris, 70, had served in the army and said the plan would fail."
    assert one(extract(extractor, text), "the plan would fail").speaker == "Rob Ferris"
