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


# --- speech acts with an object, directives, naming ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Ivo Marsh thanked the rescue teams for their tireless work.", "the rescue teams for their tireless work"),
        ("The harbour board has expressed deep sorrow at the loss.", "deep sorrow at the loss"),
        ("Ivo Marsh paid tribute to the volunteers who searched the coast.", "the volunteers who searched the coast"),
        ("Ivo Marsh highlighted the seriousness of the damage to the pier.", "the seriousness of the damage to the pier"),
        ("Ivo Marsh accused the council of hiding the report.", "the council of hiding the report"),
        ("Coastal officials ordered residents to leave the low-lying districts.", "residents to leave the low-lying districts"),
        ("One engineer called it the worst storm in a century.", "the worst storm in a century"),
        ("The minister described the attack as a planned act of terror.", "a planned act of terror"),
    ],
)
def test_the_object_of_a_speech_act_is_what_was_said(extractor, text, quote):
    assert [q.text for q in extract(extractor, text)] == [quote]


@pytest.mark.parametrize(
    "text",
    [
        # A condemnation names its target; the words, if any, follow as a quote.
        "Ivo Marsh condemned the attack on the harbour office.",
        # Performative acts and names are not speech.
        "The council declared three days of mourning for the victims.",
        "A group called Open Harbours organised the march.",
        "The harbour board issued a statement on Monday.",
    ],
)
def test_acts_and_names_report_nothing(extractor, text):
    assert extract(extractor, text) == []


def test_a_speech_participle_opens_a_clause_of_its_own(extractor):
    text = "Ida Vell told the Gazette that the surgery “went well,” adding: “He will survive.”"
    assert [(q.text, q.kind, q.cue) for q in extract(extractor, text)] == [
        ("the surgery “went well,”", "mixed", "told the Gazette that"),
        ("went well", "direct", "told the Gazette that"),
        ("He will survive.", "direct", "adding:"),
    ]


def test_a_participle_after_an_adverb_keeps_the_speaker(extractor):
    text = "Chancellor Ida Vell said she was shocked, also calling for an end to “violence in politics”."
    assert said(extract(extractor, text)) == [
        ("she was shocked", "Ida Vell"),
        ("an end to “violence in politics”", "Ida Vell"),
        ("violence in politics", "Ida Vell"),
    ]


def test_a_sentence_opening_participle_belongs_to_the_subject_after_it(extractor):
    text = "Describing the attack as “premeditated,” Interior Minister Oren Kade left the briefing."
    assert [(q.text, q.speaker, q.kind) for q in extract(extractor, text)] == [("premeditated", "Oren Kade", "direct")]


# --- relative pronouns and relative clauses --------------------------------------------------------


def test_who_speaks_for_the_phrase_before_it(extractor):
    text = "The source, who thanked the countries that offered help, stated that the port was open."
    quotes = extract(extractor, text)
    assert [(q.text, q.speaker, q.speaker_as_written) for q in quotes] == [
        ("the countries that offered help", "the source", "who"),
        ("the port was open", "the source", "The source"),
    ]


def test_a_subject_with_a_relative_clause_before_its_verb(extractor):
    text = "The Harbour Council which runs the port asked the navy to send divers."
    [quote] = extract(extractor, text)
    assert (quote.text, quote.speaker) == ("the navy to send divers", "Harbour Council")


# --- descriptions and titles resolved inside the article -------------------------------------------


def test_the_company_is_the_organisation_the_article_described_as_one(extractor):
    text = (
        "The survey vessel belongs to Coral Deep Services, a Dunmore-based salvage company that owns the crane.\n\n"
        "A spokesperson for the company told the Gazette that its crane lifted the wreck.\n\n"
        "The company said that it has worked on the site since Monday."
    )
    assert {q.speaker for q in extract(extractor, text)} == {"Coral Deep Services"}


def test_the_company_is_not_a_government_body(extractor):
    text = "The Harbour Ministry said on Monday the port was closed.\n\nThe company said that it has worked on the site since Monday."
    quotes = extract(extractor, text)
    assert quotes[-1].speaker == "the company"


def test_the_statement_was_issued_by_whoever_the_narrative_says_issued_it(extractor):
    text = (
        "According to the Vell Gazette, Coral Deep deleted an earlier statement from its website.\n\n"
        "“We are grateful to every rescuer,” the statement said."
    )
    assert said(extract(extractor, text))[-1] == ("We are grateful to every rescuer", "Coral Deep")


def test_an_acronym_is_the_organisation_the_article_spells_out(extractor):
    text = (
        "The Marine Accident Board of Veltra says it is opening an inquiry.\n\n"
        "The MAB said the inquiry would take months."
    )
    assert said(extract(extractor, text))[-1] == ("the inquiry would take months", "Marine Accident Board of Veltra")


def test_an_acronym_the_article_does_not_spell_out_stays(extractor):
    assert said(extract(extractor, "The MAB said the inquiry would take months.")) == [("the inquiry would take months", "MAB")]


def test_a_title_is_the_person_named_with_it_later(extractor):
    text = (
        "The toll could reach 2,000 in the old town alone, the mayor said.\n\n"
        "“We expect many more victims,” Mayor Hadi al-Rumi said."
    )
    assert {q.speaker for q in extract(extractor, text)} == {"Hadi al-Rumi"}


def test_a_short_description_refers_to_the_fuller_one_before_it_not_to_another_minister(extractor):
    text = (
        "The Valdorian interior minister announced that the suspect had been charged.\n\n"
        "Deputy Prime Minister Ivo Marsh said the patient was stable.\n\n"
        "The minister stated that the attack was “planned.”"
    )
    quotes = extract(extractor, text)
    assert quotes[-2].speaker == "the Valdorian interior minister"
    assert all(q.speaker != "Ivo Marsh" for q in quotes if "planned" in q.text)


def test_both_ministers_are_the_last_two_named_with_that_title(extractor):
    text = (
        "Health Minister Ida Marl told a press conference that the patient was stable.\n\n"
        "Vice-Premier and Defence Minister Tomas Kell added that transport was not yet possible.\n\n"
        "Both ministers praised the care provided by the hospital staff."
    )
    assert said(extract(extractor, text))[-1] == ("the care provided by the hospital staff", "Ida Marl and Tomas Kell")


def test_a_unit_of_an_organisation_speaks_for_it(extractor):
    text = "The Harbour Trust’s mission in Valdoria has said that more than 500 people are missing."
    assert said(extract(extractor, text)) == [("more than 500 people are missing", "Harbour Trust")]


def test_a_report_speaks_for_the_body_that_wrote_it(extractor):
    quotes = extract(extractor, "The toll has risen to 300, according to a UN report released on Saturday.")
    assert said(quotes) == [("The toll has risen to 300", "United Nations")]


def test_a_country_that_speaks_is_its_government(extractor):
    text = "Valdoria, which has offered aid, has said it sees no politics in the refusal. Germany said the teams were ready."
    assert said(extract(extractor, text)) == [
        ("it sees no politics in the refusal", "Valdoria"),
        ("the teams were ready", "German government"),
    ]


def test_a_crosshead_names_the_person_quoted_under_it(extractor):
    text = (
        "Leaders reacted with shock.\n\n"
        "- Ostreny voices 'deep shock' -\n\n"
        "\"I learned with deep shock of the attack,\" Ostreny's Prime Minister Lena Varo said.\n\n"
        "- Harbour League says 'violence must end' -\n\n"
        "\"We condemn the vile attack. Such acts have [...]"
    )
    quotes = extract(extractor, text)
    assert ("deep shock", "Lena Varo") in said(quotes)
    assert ("violence must end", "Harbour League") in said(quotes)


# --- speakers after the verb, estimates, nouns that look like verbs -----------------------------


def test_a_speaker_after_the_verb_may_carry_a_relative_clause_and_go_on_quoting(extractor):
    text = '"I could see the walls moving," said Oren Vask who went outside, joining his neighbours, "all in shock."'
    assert said(extract(extractor, text)) == [("I could see the walls moving", "Oren Vask"), ("all in shock.", "Oren Vask")]


def test_a_speaker_after_the_verb_with_adverbials(extractor):
    text = "“The patient had wounds,” said Ida Marl at a press conference on Thursday outside her Dunmore clinic."
    assert said(extract(extractor, text)) == [("The patient had wounds", "Ida Marl")]


def test_another_and_a_third_are_more_of_the_same(extractor):
    text = '"The rooms are full of mud," said one resident. "We have no aid," said another. "Nobody helps," said a third.'
    assert [q.speaker for q in extract(extractor, text)] == ["one resident", "another resident", "a third resident"]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Ivo Marsh put the number of missing at 5,000.", "the number of missing at 5,000"),
        ("The Harbour Trust on Friday put the death toll at more than 300.", "the death toll at more than 300"),
    ],
)
def test_putting_a_figure_at_a_number_is_an_estimate_reported(extractor, text, quote):
    assert [q.text for q in extract(extractor, text)] == [quote]


def test_put_without_a_figure_is_not_speech(extractor):
    assert extract(extractor, "The storm put pressure on the harbour walls.") == []


def test_ordering_people_is_a_directive_ordering_a_thing_is_an_act(extractor):
    assert [q.text for q in extract(extractor, "On Sunday, officials ordered residents to leave the coast.")] == ["residents to leave the coast"]
    assert extract(extractor, "The king ordered the formation of a committee to draft a plan.") == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Twelve people died in the flood, Valdorian state television reported on Sunday.", "Valdorian state television"),
        ("Residents of Dunmore say the bridge was unsafe for years.", "residents of Dunmore"),
    ],
)
def test_a_noun_before_the_verb_is_part_of_the_subject(extractor, text, speaker):
    assert [q.speaker for q in extract(extractor, text)] == [speaker]


def test_a_plural_noun_that_looks_like_a_verb(extractor):
    # "reports have" is a noun and its auxiliary: no cue, only the report's own "said".
    text = "The suspect has not been named, but local reports have identified him as a teacher, a report by the Vell Gazette said."
    assert [q.speaker for q in extract(extractor, text)] == ["Vell Gazette"]


def test_according_to_a_tally_has_no_speaker(extractor):
    assert extract(extractor, "In the old town, 300 deaths have been registered, according to the latest tally.") == []


# --- participles, progressives, parentheticals, shares of people -----------------------------------


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ('Here in Dunmore, Ida Vell stepped up her campaign, saying, "We have got to act."', "We have got to act."),
        ("Ida Vell had a similar view, while saying that the speech reassured her.", "the speech reassured her"),
        ("Later, the Vell campaign released a statement saying it was postponing a rally.", "it was postponing a rally"),
        ("Ida Vell held a news conference, mocking her rival and pointedly saying the port was not safe.", "the port was not safe"),
    ],
)
def test_speech_participles_take_the_sentence_subject(extractor, text, quote):
    assert [q.text for q in extract(extractor, text)] == [quote]


def test_a_progressive_is_a_finite_verb(extractor):
    [quote] = extract(extractor, "Some delegates are quietly saying it is time to accept defeat.")
    assert (quote.text, quote.speaker_as_written) == ("it is time to accept defeat", "Some delegates")


def test_a_participle_after_without_is_not_speech(extractor):
    assert extract(extractor, "Ida Vell left the hall without saying the vote was fair.") == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Perhaps, she said, this small town has grown too fast.", "this small town has grown too fast"),
        ("He hoped, he said, that the paper would stay away.", "the paper would stay away"),
        ("He said, however, that he hopes somebody else takes up the cause.", "he hopes somebody else takes up the cause"),
    ],
)
def test_a_parenthetical_cue_reports_the_clause_after_it(extractor, text, quote):
    assert [q.text for q in extract(extractor, text)] == [quote]


def test_a_parenthetical_cue_after_a_long_clause_reports_the_clause_before(extractor):
    quotes = extract(extractor, "The bridge over the river will reopen in May, she said, after the repairs.")
    assert [q.text for q in quotes] == ["The bridge over the river will reopen in May"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("About four in 10 said they were angry with the council.", "About four in 10"),
        ("Almost half said they wanted a mayor from outside.", "Almost half"),
        ("Already, 520 delegates have publicly said they support the mayor.", "520 delegates"),
        ("Marcos' team said the committee appears to skirt the rules.", "Marcos' team"),
    ],
)
def test_shares_of_people_and_plural_possessives_speak(extractor, text, speaker):
    [quote] = extract(extractor, text)
    assert quote.speaker_as_written == speaker


@pytest.mark.parametrize(
    ("text", "speaker_as_written"),
    [
        ("The question is whether she can win, people close to the mayor say.", "people close to the mayor"),
        ("People familiar with the matter said the talks had stalled.", "People familiar with the matter"),
        ("If it does not slow down, forecasters say spending will climb.", "forecasters"),
        ("The council faced anger from business leaders who say the law unfairly targets small shops.", "who"),
    ],
)
def test_people_described_by_whom_they_know_or_what_they_do(extractor, text, speaker_as_written):
    [quote] = extract(extractor, text)
    assert quote.speaker_as_written == speaker_as_written
    assert quote.speaker != "the mayor"


def test_a_noun_before_an_auxiliary_is_no_cue(extractor):
    assert extract(extractor, "The key question is whether the bridge will hold.") == []


# --- what closes a quotation, what is a noun, layers of a report -------------------------------


def test_a_cue_after_an_opening_quotation_closes_it(extractor):
    text = "“We are going to win,” Ida Vell told reporters as she left the meeting beside the mayor."
    assert said(extract(extractor, text)) == [("We are going to win", "Ida Vell")]


def test_a_title_in_quotation_marks_opening_an_adverbial_does_not_close_anything(extractor):
    text = "In a “clarification statement,” the company said that the crane was deployed on Thursday."
    assert [q.text for q in extract(extractor, text) if q.kind != "direct"] == ["the crane was deployed on Thursday"]


def test_an_opening_adverbial_is_not_reported_words(extractor):
    assert extract(extractor, "Following a town hall meeting last week, Ivo Marsh boasted to reporters of his strength.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Voters went to the polls in Ostreny and Valdor, river states that have suffered intensely.",
        "It began with worker protests in New Dunmore state and has spread to other cities.",
        "Ivo Marsh invited Ida Vell to a rally against the harbour deal.",
        "Ivo Marsh described her remarks on the condition of anonymity.",
        "Ivo Marsh won the vote, highlighting the divide between the town and the coast.",
    ],
)
def test_nouns_invitations_and_narrator_comments_are_not_speech(extractor, text):
    assert extract(extractor, text) == []


def test_a_report_citing_a_source_is_the_sources_words_too(extractor):
    text = "At least 200 others were injured, Valdorian state television reported on Sunday, citing an Interior Ministry update."
    assert said(extract(extractor, text)) == [
        ("At least 200 others were injured", "Valdorian state television"),
        ("At least 200 others were injured", "Interior Ministry"),
    ]


def test_citing_a_concern_is_no_source(extractor):
    text = "Ferry fares will rise by a third next year, the harbour board said, citing concerns about fuel."
    assert said(extract(extractor, text)) == [("Ferry fares will rise by a third next year", "the harbour board")]


def test_a_coordinated_speech_verb_after_a_comma_is_its_own_clause(extractor):
    text = "A diplomatic source explained to the Gazette that Valdor accepted the teams, and stressed that the port needs no other help."
    assert [q.text for q in extract(extractor, text)] == [
        "Valdor accepted the teams",
        "the port needs no other help",
    ]


def test_an_adverbial_between_and_and_the_subject_starts_a_clause(extractor):
    text = "Officials in eastern Libya warned the public about the storm, and on Sunday, they ordered residents to leave the coast."
    quotes = extract(extractor, text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("the public about the storm", "eastern Libyan officials"),
        ("residents to leave the coast", "eastern Libyan officials"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Earlier on Monday, the head of the aid group in the region had said the toll was at 150.", "the head of the aid group in the region"),
        ("Fatalities occurred in many villages, the country’s Interior Ministry said in a statement.", "Interior Ministry"),
        ("Flags will fly at half-staff, the Royal Court said in a statement carried by the state news agency.", "Royal Court"),
    ],
)
def test_long_and_possessive_subjects_and_trailing_participles(extractor, text, speaker):
    [quote] = extract(extractor, text)
    assert quote.speaker == speaker


def test_a_quotation_cut_off_at_the_end_of_the_text_is_kept(extractor):
    text = "Ivo Marsh visited the site.\n\n“We were taken by surprise,” Marsh told the Gazette. “I lost my home. May God help [...]"
    assert said(extract(extractor, text)) == [
        ("We were taken by surprise", "Ivo Marsh"),
        ("I lost my home. May God help", "Ivo Marsh"),
    ]


def test_an_apostrophe_left_open_at_the_end_is_no_quotation(extractor):
    assert extract(extractor, "The harbour’s walls held. Ivo Marsh visited the 'old town") == []


def test_a_cue_closing_the_sentence_reports_the_clause_with_its_own_speech_verb(extractor):
    text = "The harbour master said the port was closed, an official said."
    assert said(extract(extractor, text)) == [
        ("The harbour master said the port was closed", "an official"),
        ("the port was closed", "the harbour master"),
    ]


def test_he_may_be_the_organisation_a_representative_spoke_for(extractor):
    text = (
        '"Relations are good," a Valdorian Foreign Ministry representative said on Monday, '
        "Ostreny thanked Valdor for its offer of help, he said."
    )
    quotes = extract(extractor, text)
    assert ("Ostreny thanked Valdor for its offer of help", "Valdorian Foreign Ministry") in said(quotes)


def test_crossheads_that_name_a_country_and_quote_it(extractor):
    text = (
        "Leaders reacted with shock.\n\n"
        "- Ostreny 'strongly condemns' -\n\n"
        '"We condemn this act of violence," said Ostreny President Lena Varo.\n\n'
        "- Valdor slams 'heinous attack' -\n\n"
        '"I was shocked by the heinous attack," said Valdor Prime Minister Ivo Marsh.'
    )
    quotes = extract(extractor, text)
    assert ("strongly condemns", "Lena Varo") in said(quotes)
    assert ("heinous attack", "Ivo Marsh") in said(quotes)


def test_a_condemnation_without_quoted_words_is_still_no_quote(extractor):
    assert extract(extractor, "Ivo Marsh condemned the attack on the harbour office.") == []


# --- fragments stay with their statement ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ida Vell said the attack on the harbour was “politically motivated.”",
        "Ida Vell expressed “profound grief” at the loss of the crew.",
        "The minister described the suspect as a “lone wolf” with no ties to any party.",
        "Chancellor Ida Vell said she was shocked, also calling for an end to “violence in politics”.",
    ],
)
def test_a_fragment_points_at_the_statement_that_holds_it(extractor, text):
    quotes = extract(extractor, text)
    fragments = [q for q in quotes if q.kind == "direct"]
    assert fragments
    for fragment in fragments:
        assert fragment.parent is not None
        statement = quotes[fragment.parent]
        assert statement.kind == "mixed"
        assert statement.start <= fragment.start and fragment.end <= statement.end + 1


def test_a_quotation_that_is_all_the_reported_words_has_no_parent_statement(extractor):
    quotes = extract(extractor, 'Ida Vell said: "There will always be exceptions," and left.')
    assert [(q.kind, q.parent) for q in quotes] == [("direct", None)]


def test_a_fragment_alone_has_no_statement_to_point_at(extractor):
    quotes = extract(extractor, "Describing the attack as “premeditated,” Oren Kade left the briefing.")
    assert [(q.kind, q.parent) for q in quotes] == [("direct", None)]


# --- datelines, opening time phrases, compounds that look like verbs -------------------------------


def test_a_dateline_is_never_the_speaker(extractor):
    text = "DUNMORE, Dec. 8 (VNA) — In response to the plan, the mayor’s chief aide rallied supporters, saying: “We have to stop it.”"
    [quote] = extract(extractor, text)
    assert quote.speaker_as_written == "the mayor’s chief aide"


def test_an_opening_time_phrase_is_not_the_subject(extractor):
    text = "First, officials said the vote would begin. A few minutes later they reversed themselves and said they will count again."
    assert [q.speaker_as_written for q in extract(extractor, text)] == ["officials", "they"]


@pytest.mark.parametrize(
    "text",
    [
        "“The stakes are high,” she wrote in a blog post.",
        "In a press release earlier this month, the committee said about its plan: “The plan goes further.”",
    ],
)
def test_a_press_release_and_a_blog_post_are_nouns(extractor, text):
    [quote] = extract(extractor, text)
    assert quote.speaker_as_written in ("she", "the committee")


def test_a_passive_participle_with_by_is_not_speech(extractor):
    text = "While discussing the divide in Valdor highlighted by the shootings, Governor Ana Corr said the nominee was “trying to heal.”"
    assert {q.speaker for q in extract(extractor, text)} == {"Ana Corr"}


def test_having_announced_belongs_to_the_subject_after_it(extractor):
    text = "Having announced that the port would reopen, Judge Ana Corr closed the hearing."
    assert said(extract(extractor, text)) == [("the port would reopen", "Ana Corr")]


# --- a participle hanging from an earlier cue ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“We will not give in,” he said, urging the farmers of Dunmore to stay calm.",
            ("the farmers of Dunmore to stay calm", "he", "said, urging"),
        ),
        (
            "Marta Vell said the bridge was safe, adding that repairs would take a year.",
            ("repairs would take a year", "Marta Vell", "adding that"),
        ),
    ],
    ids=["joined-to-its-verb", "after-reported-words"],
)
def test_a_participle_borrows_the_speaker_but_not_into_its_cue(extractor, text, expected):
    # As written the speaker is the borrowed subject alone; the participle's cue reads from the
    # verb it hangs from when nothing but a comma parts them, so subject and cue read as the text.
    quote = next(q for q in extract(extractor, text) if q.text == expected[0])
    assert (quote.text, quote.speaker_as_written, quote.cue) == expected


# --- recipients of a participle, clauses of time after "said" ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor toured the fair, telling the crowd, “We will rebuild the bridge.”",
            [("direct", "telling the crowd,", "We will rebuild the bridge.")],
        ),
        (
            "Marta Vell told her supporters: “We will rebuild the bridge.”",
            [("direct", "told her supporters:", "We will rebuild the bridge.")],
        ),
        ("Marta Vell told her that the bridge was safe.", [("indirect", "told her that", "the bridge was safe")]),
        (
            "Oren Kade said as he left the hall that the vote was lost.",
            [("indirect", "said as he left the hall that", "the vote was lost")],
        ),
        ("Oren Kade said as he left the hall.", []),
        ("Oren Kade said as many as forty people were hurt.", [("indirect", "said", "as many as forty people were hurt")]),
    ],
    ids=["telling-the-crowd", "told-her-supporters", "told-her-that", "said-as-he-left-that", "said-as-he-left", "said-as-many-as"],
)
def test_a_recipient_is_the_cues_and_a_clause_of_time_is_not_reported(extractor, text, expected):
    assert [(q.kind, q.cue, q.text) for q in extract(extractor, text)] == expected


# --- words that are verbs or nouns ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Voters in the other states voting Tuesday are angry.", []),
        ("The three states last voted for a Republican in 1988.", []),
        ("Officials of the member states said the rules were unclear.", [("Officials of the member states", "the rules were unclear")]),
        ("Two said the vote was rigged.", [("Two", "the vote was rigged")]),
        ("Several said the vote was rigged.", [("Several", "the vote was rigged")]),
    ],
    ids=["other-states", "three-states", "member-states-said", "two-said", "several-said"],
)
def test_a_word_after_of_other_every_or_a_number_is_a_noun_not_a_cue(extractor, text, expected):
    assert [(q.speaker_as_written, q.text) for q in extract(extractor, text)] == expected
