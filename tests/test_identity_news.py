"""How news names speakers, and the identity rules that read it: titles before a name, people
speaking together, a state's bodies named without their state, a company called in short, the
unnamed head of a body, unnamed officials and residents.

Every article here is written by hand about invented people, towns and bodies; the countries are
real only so that the lexicon knows their people's adjective.
"""

from __future__ import annotations

from briefing.core.identity.clues import NATION, PLACE, article_clues
from briefing.core.identity.names import ORGANISATION, PERSON, is_brand, nation_of, shape_of
from briefing.core.identity.resolve import (
    AS_WRITTEN,
    JOINT,
    SAME_BODY,
    STATE_BODY,
    TITLES_REMOVED,
    UNNAMED,
    SpeakerUse,
    identify,
)


def briefing(*articles: tuple[str, list[str]]):
    """Name the speakers of articles given as (text, spellings the extraction gave its quotes)."""
    uses = [SpeakerUse(n, spelling) for n, (_text, spellings) in enumerate(articles) for spelling in spellings]
    clues = {n: article_clues(text) for n, (text, _spellings) in enumerate(articles)}
    return identify(uses, clues, {n: f"Outlet {n}" for n in range(len(articles))})


# --- titles before a name ----------------------------------------------------------------------


def test_a_name_after_its_title_and_nation_is_the_person():
    named = briefing(("Portuguese Chancellor Anna Brask said talks went on. Brask left.", ["Portuguese Chancellor Anna Brask", "Brask"]))
    naming = named.naming(0, "Portuguese Chancellor Anna Brask")
    assert (naming.name, naming.rule) == ("Anna Brask", TITLES_REMOVED)
    assert named.name(0, "Brask") == "Anna Brask"


def test_a_rank_a_place_or_a_body_before_the_title_is_left_out_too():
    named = briefing((
        "Rear Admiral Tova Lind said the search went on. Ostmark Sen. Jon Pell agreed. Harbour Guild spokesman Ivo Marek said more.",
        ["Rear Admiral Tova Lind", "Ostmark Sen. Jon Pell", "Harbour Guild spokesman Ivo Marek"],
    ))
    assert named.name(0, "Rear Admiral Tova Lind") == "Tova Lind"
    assert named.name(0, "Ostmark Sen. Jon Pell") == "Jon Pell"
    assert named.name(0, "Harbour Guild spokesman Ivo Marek") == "Ivo Marek"


def test_two_titled_people_are_not_read_as_the_second_one():
    spelling = "Senate leader Ada Wren and House Speaker Tim Roe"
    named = briefing((f"{spelling} said the bill would pass.", [spelling]))
    assert named.name(0, spelling) != "Tim Roe"


# --- people speaking together ------------------------------------------------------------------


def test_two_people_speaking_together_are_each_named():
    named = briefing(
        ("Defence Minister Ada Wren said the drill was over.", ["Ada Wren"]),
        ("Ada Wren and Tim Roe said in a joint statement that the drill was over.", ["Ada Wren and Tim Roe"]),
    )
    naming = named.naming(1, "Ada Wren and Tim Roe")
    assert (naming.name, naming.rule) == ("Ada Wren / Tim Roe", JOINT)


def test_an_and_inside_a_bodys_name_is_no_pair():
    spelling = "Ministry of Trade and Industry"
    named = briefing((f"The {spelling} said exports rose.", [spelling]))
    assert named.name(0, spelling) == spelling


# --- a state's bodies --------------------------------------------------------------------------

PORTUGAL = "Flooding hit Portugal on Monday. Portugal asked for pumps, and Portuguese crews worked all night. "


def test_a_states_body_without_its_state_is_the_body_of_the_country_the_article_is_about():
    named = briefing(
        (PORTUGAL + "The Interior Ministry said 40 homes were lost.", ["Interior Ministry"]),
        (PORTUGAL + "The country's Interior Ministry said roads were shut.", ["the country's Interior Ministry"]),
    )
    first = named.naming(0, "Interior Ministry")
    assert (first.name, first.rule) == ("Portuguese Interior Ministry", STATE_BODY)
    assert "Portugal" in first.because
    assert named.name(1, "the country's Interior Ministry") == "Portuguese Interior Ministry"


def test_an_owner_country_names_the_state_even_in_another_countrys_story():
    named = briefing((PORTUGAL + "Spain's government said it would send boats.", ["Spain's government"]))
    assert named.name(0, "Spain's government") == "Spanish government"


def test_a_lowercase_ministry_lets_the_ministry_join_it():
    named = briefing((PORTUGAL + "Interior ministry figures showed 40 dead. The ministry said more were missing.", ["the ministry"]))
    assert named.name(0, "the ministry") == "Portuguese Interior Ministry"


def test_no_state_is_given_when_no_country_leads_or_the_body_is_above_states():
    even = "Portugal and Spain signed a deal. Spain and Portugal will share pumps. "
    assert briefing((even + "The Interior Ministry said the deal was fair.", ["Interior Ministry"])).naming(0, "Interior Ministry").rule == AS_WRITTEN
    named = briefing(
        (PORTUGAL + "The Security Council said it would meet.", ["Security Council"]),
        (PORTUGAL + "The ministry said more were missing.", ["the ministry"]),
    )
    assert named.name(0, "Security Council") == "Security Council"
    assert named.name(1, "the ministry") == "the ministry"


def test_unnamed_officials_are_the_countrys():
    named = briefing((PORTUGAL + "Officials said the river was falling.", ["officials"]))
    assert named.name(0, "officials") == "Portuguese officials"


def test_the_country_an_article_is_about_is_counted_from_its_text():
    clues = article_clues(PORTUGAL + "Crews from Spain helped.")
    nations = {c.name: int(c.detail) for c in clues if c.kind == NATION}
    assert nations == {"portugal": 3, "spain": 1}
    assert nation_of("Portuguese") == nation_of("Portugal's") == "portugal"
    assert nation_of("Porto") is None


# --- residents ---------------------------------------------------------------------------------


def test_unnamed_residents_are_the_residents_of_the_town_the_article_is_about():
    text = "Water rose in Ostfeld overnight. Roads in Ostfeld were shut. Some residents said they heard a roar."
    named = briefing((text, ["some residents"]))
    naming = named.naming(0, "some residents")
    assert (naming.name, naming.rule) == ("Ostfeld residents", UNNAMED)
    assert {c.name for c in article_clues(text) if c.kind == PLACE} == {"Ostfeld"}


def test_residents_of_an_article_of_two_towns_stay_as_written():
    text = "Water rose in Ostfeld and in Varby. Roads near Ostfeld and Varby were shut. Residents said they heard a roar."
    assert briefing((text, ["residents"])).name(0, "residents") == "residents"


# --- companies ---------------------------------------------------------------------------------


def test_a_word_with_a_capital_inside_opens_a_bodys_name_not_a_persons():
    assert shape_of("SkyHarbor Tours").kind == ORGANISATION
    assert shape_of("Ronan McGuire").kind == PERSON
    assert is_brand("SkyHarbor") and not is_brand("DeWitt") and not is_brand("NATO")


def test_a_company_called_in_short_is_shown_under_its_usual_name():
    named = briefing(
        ("SkyHarbor said the tour was cancelled. SkyHarbor said refunds would follow.", ["SkyHarbor"]),
        ("SkyHarbor Tours said its pilot was safe.", ["SkyHarbor Tours"]),
        ("SkyHarbor said the craft was found.", ["SkyHarbor"]),
    )
    naming = named.naming(1, "SkyHarbor Tours")
    assert (naming.name, naming.rule) == ("SkyHarbor", SAME_BODY)
    assert named.name(0, "SkyHarbor") == "SkyHarbor"


def test_a_place_or_a_surname_is_no_bodys_short_name():
    named = briefing(
        ("Crowds gathered in Ostfeld. Ostfeld said the park would open.", ["Ostfeld"]),
        ("The Ostfeld Rowing Club said the race was off.", ["Ostfeld Rowing Club"]),
        ("Mira Hask said she was glad. Hask said more.", ["Hask"]),
        ("The Hask Foundation said it would pay.", ["Hask Foundation"]),
    )
    assert named.name(0, "Ostfeld") == "Ostfeld"
    assert named.name(2, "Hask") == "Mira Hask"


def test_a_persons_company_is_the_one_company_the_article_names():
    text = "Vela Pumps Ltd said its founder Ada Wren was safe. Ada Wren's company said the pumps worked."
    named = briefing((text, ["Vela Pumps Ltd", "Ada Wren's company"]))
    assert named.name(0, "Ada Wren's company") == "Vela Pumps Ltd"


def test_a_persons_company_among_two_companies_stays_as_written():
    text = "Vela Pumps Ltd and Orn Valves Ltd said Ada Wren was safe. Ada Wren's company said the pumps worked."
    named = briefing((text, ["Ada Wren's company"]))
    assert named.name(0, "Ada Wren's company") == "Ada Wren's company"


# --- the head of a body ------------------------------------------------------------------------


def test_the_unnamed_head_of_a_body_speaks_for_it():
    spelling = "the head of the Harbour Authority aid group in the region"
    named = briefing(
        ("The Portuguese Harbour Authority said boats were out.", ["Portuguese Harbour Authority"]),
        (f"Earlier, {spelling} said ten boats were lost.", [spelling]),
    )
    assert named.name(1, spelling) == "Portuguese Harbour Authority"


def test_the_head_of_a_body_is_the_person_given_that_title():
    spelling = "the head of the Harbour Guild"
    named = briefing(
        ("Harbour Guild head Ivo Marek said boats were out.", ["Ivo Marek"]),
        (f"Earlier, {spelling} said ten boats were lost.", [spelling]),
    )
    assert named.name(1, spelling) == "Ivo Marek"
