"""One speaker, one name across a briefing: each rule, and the pairs that must stay two.

Every article here is written by hand about invented people, places and bodies. A briefing is
given as its articles' texts and, for each, the speakers the extraction named (spelling →
quotes); `identify` names them across the briefing.
"""

from __future__ import annotations

import pytest
from briefing.core.identity.clues import ACRONYM_OF, DESCRIBED, PERSON_MET, TITLED, Clue, article_clues
from briefing.core.identity.resolve import (
    ACRONYM_RULE,
    AS_WRITTEN,
    FAMILY,
    PARTIAL,
    SAME_BODY,
    SAME_SOURCE,
    SURNAME,
    TITLE,
    TITLES_REMOVED,
    UNNAMED,
    USER,
    VARIANT,
    SpeakerUse,
    identify,
)
from briefing.core.identity.resolve import (
    DESCRIBED as DESCRIBED_RULE,
)
from briefing.core.identity.variants import same_person


def briefing(*articles: tuple[str, list[str]], aliases=None, fixed=()):
    """Name the speakers of articles given as (text, spellings the extraction gave its quotes)."""
    uses = [SpeakerUse(n, spelling) for n, (_text, spellings) in enumerate(articles) for spelling in spellings]
    clues = {n: article_clues(text) for n, (text, _spellings) in enumerate(articles)}
    outlets = {n: f"Outlet {n}" for n in range(len(articles))}
    return identify(uses, clues, outlets, aliases=aliases, fixed=fixed)


# --- people ----------------------------------------------------------------------------------


def test_a_surname_joins_the_one_full_name_of_the_briefing():
    named = briefing(
        ("Interior Minister Anna Nowak said the border stays open.", ["Anna Nowak"]),
        ("Nowak said patrols would double.", ["Nowak"]),
    )
    naming = named.naming(1, "Nowak")
    assert (naming.name, naming.rule) == ("Anna Nowak", SURNAME)
    assert "Anna Nowak" in naming.because


def test_a_full_name_met_only_in_the_text_is_enough():
    named = briefing(("Mayor Petra Lindqvist of Port Edda visited the harbour. Lindqvist said it was calm.", ["Lindqvist"]))
    assert named.naming(0, "Lindqvist").name == "Petra Lindqvist"


def test_a_surname_two_people_share_stays_as_written():
    named = briefing(
        ("Joe Tamsin, the mayor, said the town was calm. Hunter Tamsin, his son, said schools were shut.", ["Joe Tamsin", "Hunter Tamsin"]),
        ("Tamsin said the harbour was closed.", ["Tamsin"]),
    )
    assert (named.name(0, "Joe Tamsin"), named.name(0, "Hunter Tamsin")) == ("Joe Tamsin", "Hunter Tamsin")
    assert named.naming(1, "Tamsin").rule == AS_WRITTEN and named.name(1, "Tamsin") == "Tamsin"


def test_a_partial_name_joins_the_name_with_its_middle_name():
    named = briefing(
        ("Major General Carlo Maria Benedetti said the bridge was held.", ["Carlo Maria Benedetti"]),
        ("Carlo Benedetti said the bridge was quiet.", ["Carlo Benedetti"]),
        ("Maria Benedetti said nothing changed.", ["Maria Benedetti"]),
    )
    assert named.naming(1, "Carlo Benedetti").name == "Carlo Maria Benedetti"
    assert named.naming(1, "Carlo Benedetti").rule == PARTIAL
    # "Maria Benedetti" is not "Carlo Maria Benedetti": a first name differs.
    assert named.name(2, "Maria Benedetti") == "Maria Benedetti"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Volodymyr Kravets", "Vladimir Kravets"),
        ("Aleksandar Dragic", "Aleksandr Dragić"),
        ("Osman Haddad", "Ossman Haddad"),
        ("Sergei Orlov", "Sergey Orlov"),
        ("Mykhailo Lenko", "Mikhail Lenko"),
        ("Dmytro Zelensky", "Dmytro Zelenskyy"),
    ],
)
def test_spelling_and_transliteration_variants_are_one_person(one, other):
    assert same_person(tuple(one.lower().split()), tuple(other.lower().split()))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Joe Tamsin", "Hunter Tamsin"),  # father and son
        ("Robert Kovac", "Roberta Kovac"),  # a feminine name
        ("Jana Horvat", "Jana Horvatova"),  # a feminine surname
        ("Maria Rossi", "Mario Rossi"),
        ("Anna Kowalski", "Anna Kowalska"),
        ("Karen Bell", "Karin Bell"),
        ("Anya Nowak", "Anna Nowak"),
    ],
)
def test_names_alike_but_of_two_people_stay_two(one, other):
    assert not same_person(tuple(one.lower().split()), tuple(other.lower().split()))


def test_the_variant_used_most_is_the_name_shown():
    named = briefing(
        ("Volodymyr Kravets said the line held.", ["Volodymyr Kravets"]),
        ("Volodymyr Kravets said again the line held.", ["Volodymyr Kravets"]),
        ("Vladimir Kravets said talks would follow.", ["Vladimir Kravets"]),
    )
    naming = named.naming(2, "Vladimir Kravets")
    assert (naming.name, naming.rule) == ("Volodymyr Kravets", VARIANT)


# --- titles and descriptions -------------------------------------------------------------------


def test_a_title_joins_the_person_another_article_gives_it():
    named = briefing(
        ("Interior Minister Anna Nowak said the border stays open.", ["Anna Nowak"]),
        ("The Valdorian interior minister said patrols would double.", ["the Valdorian interior minister"]),
    )
    naming = named.naming(1, "the Valdorian interior minister")
    assert (naming.name, naming.rule) == ("Anna Nowak", TITLE)
    assert "Outlet 0" in naming.because and "Interior Minister" in naming.because


def test_an_apposition_gives_a_title_too():
    named = briefing(
        ("Jon Ferreira, the harbour master, said ships were waiting.", ["Jon Ferreira"]),
        ("The harbour master said the quay was closed.", ["the harbour master"]),
    )
    assert named.name(1, "the harbour master") == "Jon Ferreira"


def test_a_bare_title_with_its_body_joins_the_person():
    named = briefing(("Alliance chief Lars Ekdahl said troops would stay. Alliance chief said more would come.", ["Lars Ekdahl", "Alliance chief"]))
    assert named.name(0, "Alliance chief") == "Lars Ekdahl"


def test_a_possessive_country_title_joins_the_person():
    named = briefing(
        ("Valdoria's Prime Minister Tomas Brenner said the deal was signed.", ["Tomas Brenner"]),
        ("Valdoria's prime minister said talks were over.", ["Valdoria's prime minister"]),
    )
    assert named.name(1, "Valdoria's prime minister") == "Tomas Brenner"


def test_a_title_held_by_two_people_stays_as_written():
    named = briefing(
        ("Foreign Minister Anna Nowak met Foreign Minister Pavel Horak.", ["Anna Nowak", "Pavel Horak"]),
        ("The foreign minister said the meeting went well.", ["the foreign minister"]),
    )
    assert named.naming(1, "the foreign minister").rule == AS_WRITTEN


def test_the_articles_own_titled_person_comes_before_the_briefings():
    named = briefing(
        ("Foreign Minister Anna Nowak said the border stays open.", ["Anna Nowak"]),
        ("Foreign Minister Pavel Horak arrived. The foreign minister said he was glad.", ["Pavel Horak", "the foreign minister"]),
    )
    assert named.name(1, "the foreign minister") == "Pavel Horak"


def test_another_nationality_or_a_deputy_does_not_fit_a_title():
    named = briefing(
        ("Valdorian Prime Minister Tomas Brenner said the deal was signed.", ["Tomas Brenner"]),
        ("Deputy Prime Minister Ida Sorel said the deal was fair.", ["Ida Sorel"]),
        ("The Ostrian prime minister said nothing.", ["the Ostrian prime minister"]),
        ("The prime minister said the deal holds.", ["the prime minister"]),
    )
    assert named.naming(2, "the Ostrian prime minister").rule == AS_WRITTEN
    assert named.name(3, "the prime minister") == "Tomas Brenner"


def test_an_indefinite_description_is_an_unnamed_source_and_the_later_one_is_the_same():
    named = briefing(("A Valdorian diplomatic source said talks would resume. The source added no date was set.",
                      ["a Valdorian diplomatic source", "the source"]))
    first, later = named.naming(0, "a Valdorian diplomatic source"), named.naming(0, "the source")
    assert (first.name, first.rule) == ("unnamed Valdorian diplomatic source", UNNAMED)
    assert (later.name, later.rule) == ("unnamed Valdorian diplomatic source", SAME_SOURCE)
    # Not a person of the briefing: "a" names no one.
    assert first.kind == "description"


def test_the_spokesman_is_the_body_an_earlier_spokesperson_spoke_for():
    uses = [SpeakerUse(0, "Harbour Authority", ("a spokesman for the Harbour Authority",)), SpeakerUse(0, "the spokesman", ("the spokesman",))]
    named = identify(uses, {0: article_clues("A spokesman for the Harbour Authority said ships wait. The spokesman said more.")})
    assert named.name(0, "the spokesman") == "Harbour Authority"


def test_a_family_is_named_by_its_surname():
    named = briefing(("Explorer Hamid Roshan was lost at sea. Roshan’s family said he was loved.", ["Roshan’s family"]))
    naming = named.naming(0, "Roshan’s family")
    assert (naming.name, naming.rule, naming.kind) == ("Roshan family", FAMILY, "group")


def test_titles_written_before_a_name_with_and_are_removed():
    named = briefing(("Vice-Premier and Defence Minister Ivo Marek said the army was ready.", ["Vice-Premier and Ivo Marek"]))
    naming = named.naming(0, "Vice-Premier and Ivo Marek")
    assert (naming.name, naming.rule) == ("Ivo Marek", TITLES_REMOVED)


# --- organisations -----------------------------------------------------------------------------


def test_an_acronym_spelled_out_in_brackets_joins_its_expansion():
    named = briefing(
        ("The World Relief Organization (WRO) said aid had arrived.", ["World Relief Organization"]),
        ("The WRO said more aid would come.", ["WRO"]),
    )
    naming = named.naming(1, "WRO")
    assert (naming.name, naming.rule) == ("World Relief Organization", ACRONYM_RULE)


def test_an_acronym_joins_the_one_body_with_its_initials():
    named = briefing(
        ("The Maritime Safety Board of Valdoria said it would investigate.", ["Maritime Safety Board of Valdoria"]),
        ("The MSB said the ship had sunk.", ["MSB"]),
    )
    assert named.name(1, "MSB") == "Maritime Safety Board of Valdoria"


def test_an_acronym_two_bodies_could_stand_for_stays_as_written():
    named = briefing(
        ("The Maritime Safety Board said so. The Mining Standards Bureau said otherwise.", ["Maritime Safety Board", "Mining Standards Bureau"]),
        ("The MSB said the ship had sunk.", ["MSB"]),
    )
    assert named.naming(1, "MSB").rule == AS_WRITTEN


def test_a_company_with_and_without_its_legal_form_is_one():
    named = briefing(
        ("Acme Widgets Corporation said the plant would move.", ["Acme Widgets Corporation"]),
        ("Acme Widgets Corp said workers were safe. Acme said production resumed.", ["Acme Widgets Corp", "Acme"]),
    )
    assert named.name(1, "Acme Widgets Corp") == "Acme Widgets Corporation"
    assert named.naming(1, "Acme").rule == SAME_BODY and named.name(1, "Acme") == "Acme Widgets Corporation"


def test_the_company_is_the_one_the_article_describes_as_one():
    named = briefing((
        "Orvell Pumps, a Leeds-based pump company, said its plant was dry. Norland Shipping said ships waited. "
        "The company said repairs began.",
        ["Orvell Pumps", "Norland Shipping", "the company"],
    ))
    naming = named.naming(0, "the company")
    assert (naming.name, naming.rule) == ("Orvell Pumps", DESCRIBED_RULE)
    assert "Leeds-based" in naming.because


def test_the_company_with_two_companies_and_no_description_stays_as_written():
    named = briefing(("Acme Widgets Corp said so. Brightline Ltd said otherwise. The company said more.",
                      ["Acme Widgets Corp", "Brightline Ltd", "the company"]))
    assert named.naming(0, "the company").rule == AS_WRITTEN


def test_the_body_a_mission_or_newspaper_speaks_for():
    named = briefing(
        ("The World Relief Organization (WRO) said aid arrived.", ["World Relief Organization"]),
        ("The WRO mission said tents were needed. The mission of the WRO said water was short.", ["the WRO mission", "the mission of the WRO"]),
        ("The Daily Planet newspaper said the mayor resigned.", ["the Daily Planet newspaper"]),
    )
    assert named.name(1, "the WRO mission") == named.name(1, "the mission of the WRO") == "World Relief Organization"
    assert named.name(2, "the Daily Planet newspaper") == "Daily Planet"


def test_a_body_with_and_without_its_country_is_one_when_only_one_country_has_it():
    named = briefing(
        ("The Valdorian Harbour Department said ships waited.", ["Valdorian Harbour Department"]),
        ("The Harbour Department said the quay was closed.", ["Harbour Department"]),
    )
    assert named.name(1, "Harbour Department") == "Valdorian Harbour Department"


def test_an_owner_before_a_body_is_left_out():
    named = briefing(("The UN's World Relief Organization said aid arrived.", ["UN's World Relief Organization"]))
    assert named.name(0, "UN's World Relief Organization") == "World Relief Organization"


# --- the user and the settings ------------------------------------------------------------------


def test_the_users_aliases_come_last_and_win():
    named = briefing(
        ("Joe Tamsin, the mayor, said the town was calm. Hunter Tamsin, his son, said schools were shut.", ["Joe Tamsin", "Hunter Tamsin"]),
        ("Tamsin said the harbour was closed.", ["Tamsin"]),
        aliases={"Tamsin": "Joe Tamsin", "Joe Tamsin": "Mayor Joe Tamsin"},
    )
    # Followed to its end: Tamsin → Joe Tamsin → Mayor Joe Tamsin.
    assert named.naming(1, "Tamsin").name == "Mayor Joe Tamsin"
    assert named.naming(0, "Joe Tamsin").rule == USER
    assert named.name(0, "Hunter Tamsin") == "Hunter Tamsin"


def test_aliases_that_loop_stop():
    named = briefing(("Ada Brook said so.", ["Ada Brook"]), aliases={"Ada Brook": "A. Brook", "A. Brook": "Ada Brook"})
    assert named.name(0, "Ada Brook") in ("Ada Brook", "A. Brook")


def test_a_focus_speakers_name_is_never_renamed():
    named = briefing(
        ("The Northern Alliance Treaty Organization (NATOR) met.", ["Northern Alliance Treaty Organization"]),
        ("NATOR said troops would stay.", ["NATOR"]),
        fixed=["NATOR"],
    )
    assert named.name(1, "NATOR") == "NATOR"
    assert named.name(0, "Northern Alliance Treaty Organization") == "NATOR"


# --- clues -----------------------------------------------------------------------------------


def test_clues_an_article_gives():
    clues = set(article_clues(
        "Interior Minister Anna Nowak spoke. Jon Ferreira, the harbour master, said ships wait. "
        "The commander of the coastal brigade, Major General Ivo Marek, said so. "
        "The World Relief Organization (WRO) came. Orvell Pumps, a Leeds-based pump company, said so. "
        "They condemned the attack against my friend, Lena Brandt."
    ))
    assert Clue(TITLED, "Anna Nowak", "Interior Minister") in clues
    assert Clue(TITLED, "Jon Ferreira", "the harbour master") in clues
    assert Clue(TITLED, "Ivo Marek", "The commander of the coastal brigade") in clues
    assert Clue(ACRONYM_OF, "World Relief Organization", "WRO") in clues
    assert Clue(DESCRIBED, "Orvell Pumps", "a Leeds-based pump company") in clues
    assert Clue(PERSON_MET, "Lena Brandt") in clues
    # "the attack against my friend" is not a title of Lena Brandt.
    assert not any(c.kind == TITLED and c.name == "Lena Brandt" for c in clues)


def test_clues_of_any_text_never_raise():
    for text in ("", "(", "(WHO)", "A (B) C, the", "Mr , the a", "—" * 50, "X (Y Z) said", "al-", "’s’s"):
        article_clues(text)


def test_a_name_met_again_is_read_again_with_the_words_around_it():
    # The same capitalised words, three times: each mention's title and apposition are its own.
    text = (
        "Interior Minister Ilse Varga closed the quay on Monday. Ilse Varga, the port spokeswoman, "
        "said ferries would wait. The deputy mayor of Kestrel, Ilse Varga, said more. Ilse Varga's "
        "office, the harbour office, said nothing."
    )
    clues = article_clues(text)
    assert Clue(PERSON_MET, "Ilse Varga") in clues
    assert Clue(TITLED, "Ilse Varga", "Interior Minister") in clues
    assert Clue(TITLED, "Ilse Varga", "the port spokeswoman") in clues
    assert Clue(TITLED, "Ilse Varga", "The deputy mayor of Kestrel") in clues
    # A possessive is no name followed by its apposition.
    assert not any(c.detail == "the harbour office" for c in clues)
    assert article_clues(text) == clues  # read again in the same process: the same clues


def test_words_are_lowered_together_as_each_would_be_alone():
    from briefing.core.identity.clues import lowered

    words = ["ΟΔΟΣ", "Σ", "ΣΑΣ", "İstanbul", "O’Neill", "MAYOR", "’s", "ǅemal", "ß", "", "x"]
    assert lowered(words) == [w.lower().replace("’", "'") for w in words]
    assert lowered([]) == []
    assert lowered(["ΑΣ", "Β"]) == ["ας", "β"]  # a sigma before another word is still a word's last letter


def test_positions_finds_every_place_a_word_stands():
    from briefing.core.identity.clues import positions

    words = ["in", "the", "harbour", "in", "Kestrel", "near", "in"]
    assert positions(words, "in") == [0, 3, 6]
    assert positions(words, "near") == [5]
    assert positions(words, "on") == []
    assert positions([], "in") == []
