"""Parts of days, days told from the day before them, edges of weeks and weekends, ranges, and
the tense cues that decide which way a weekday points."""

from __future__ import annotations

import pytest
from briefing.core.nlp.dates import find_events

# Wednesday 31 May 2023.
WED = "2023-05-31"
# Saturday 3 June 2023.
SAT = "2023-06-03"


def resolved(text: str, published: str = WED) -> dict[str, str]:
    """expression -> value, each event checked to slice back to its expression."""
    found, _ = find_events(text, published=published)
    for event in found:
        assert text[event.start : event.end] == event.expression
    return {e.expression: e.value for e in found}


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("The ferry left early Thursday morning.", "early Thursday morning", "2023-05-25"),
        ("A crossing is planned for Tuesday morning.", "Tuesday morning", "2023-06-06"),
        ("The dam broke on Sunday night.", "on Sunday night", "2023-05-28"),
        ("The dam broke last Friday night.", "last Friday night", "2023-05-26"),
        ("The mayor spoke Monday afternoon.", "Monday afternoon", "2023-05-29"),
        ("The dam broke overnight Sunday.", "overnight Sunday", "2023-05-28"),
        ("The dam broke overnight into Tuesday.", "overnight into Tuesday", "2023-05-30"),
        ("The ferry leaves on Friday evening.", "on Friday evening", "2023-06-02"),
    ],
)
def test_a_weekday_keeps_its_part_of_the_day(text, expression, value):
    assert resolved(text) == {expression: value}


@pytest.mark.parametrize(
    "second, expression, value",
    [
        ("Later that night, two men were held.", "Later that night", "2023-05-20"),
        ("Later in the night, two men were held.", "Later in the night", "2023-05-20"),
        ("Earlier that morning, two men were held.", "Earlier that morning", "2023-05-20"),
        ("That evening, two men were held.", "That evening", "2023-05-20"),
        ("Overnight, two men were held.", "Overnight", "2023-05-20"),
        ("The next morning, two men were held.", "The next morning", "2023-05-21"),
        ("The previous night, two men were held.", "The previous night", "2023-05-19"),
        ("A day earlier, two men were held.", "A day earlier", "2023-05-19"),
        ("The previous day, two men were held.", "The previous day", "2023-05-19"),
        ("Two men had been held the night before.", "the night before", "2023-05-19"),
    ],
)
def test_parts_of_the_day_count_from_the_day_told_before(second, expression, value):
    found = resolved("Police raided the depot on May 20. " + second)
    assert found["on May 20"] == "2023-05-20"
    assert found[expression] == value


def test_overnight_without_a_day_before_it_is_the_article_day():
    assert resolved("Rockets hit the depot overnight, officials said.") == {"overnight": WED}


@pytest.mark.parametrize(
    "text",
    [
        "The town imposed an overnight curfew.",
        "Trust is not rebuilt overnight.",
        "It did not happen overnight.",
        "They stayed in the house the night before the vote.",
    ],
)
def test_overnight_and_the_night_before_an_event_are_no_dates_of_their_own(text):
    assert resolved(text) == {}


@pytest.mark.parametrize(
    "published, text, value",
    [
        (SAT, "The patient cannot be moved in the near future, that is, at the end of the weekend.", "2023-06-04"),
        (WED, "The talks will end at the end of the weekend.", "2023-06-04"),
        (WED, "The fair opens at the start of the weekend.", "2023-06-03"),
        (WED, "Results are due by the end of the week.", "2023-W22"),
        (WED, "The plant closes at the end of the month.", "2023-05"),
        (SAT, "The festival runs this weekend.", "2023-06-03/2023-06-04"),
        (WED, "The storm hit this past weekend.", "2023-05-27/2023-05-28"),
        (WED, "Prices rose this past week.", "2023-W21"),
    ],
)
def test_edges_of_weeks_and_weekends(published, text, value):
    assert list(resolved(text, published).values()) == [value]


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("The festival ran from Friday to Sunday.", "from Friday to Sunday", "2023-05-26/2023-05-28"),
        ("The festival runs from Friday to Sunday.", "from Friday to Sunday", "2023-06-02/2023-06-04"),
        ("Strikes were held between Monday and Wednesday.", "between Monday and Wednesday", "2023-05-29/2023-05-31"),
        ("The fair ran Friday through Sunday.", "Friday through Sunday", "2023-05-26/2023-05-28"),
        ("Talks were held 3-5 May.", "3-5 May", "2023-05-03/2023-05-05"),
        ("Talks were held May 3–5, 2021.", "May 3–5, 2021", "2021-05-03/2021-05-05"),
        ("Talks ran from 3 May to 5 May 2021.", "from 3 May to 5 May 2021", "2021-05-03/2021-05-05"),
    ],
)
def test_ranges_are_one_span(text, expression, value):
    assert resolved(text) == {expression: value}


def test_a_date_moved_from_one_day_to_another_names_two_days():
    assert resolved("The vote was postponed from Friday to Sunday.") == {"Friday": "2023-05-26", "Sunday": "2023-05-28"}


def test_two_days_joined_by_and_are_two_days():
    assert resolved("Police raided homes on Monday and Tuesday.") == {"on Monday": "2023-05-29", "Tuesday": "2023-05-30"}


def test_a_coming_storm_does_not_put_the_next_clause_ahead():
    text = "Officials warned of the coming storm, and on Sunday, they ordered an evacuation."
    assert resolved(text) == {"on Sunday": "2023-05-28"}
    assert resolved("The upcoming vote on Sunday will decide it.") == {"on Sunday": "2023-06-04"}
    assert resolved("Police were deployed ahead of Sunday's vote.") == {"Sunday's": "2023-06-04"}


def test_a_named_days_event_takes_the_tense_of_the_clause_describing_it():
    text = "The town is accepting aid in response to Friday's flood that killed 20 people."
    assert resolved(text) == {"Friday's": "2023-05-26"}
    assert resolved("Sunday's vote, which will decide the seat, is close.") == {"Sunday's": "2023-06-04"}


def test_that_night_needs_a_day_told_before_it():
    assert resolved("That night, the river rose.") == {}
    assert resolved("Earlier in the day, the river rose.") == {"Earlier in the day": WED}


@pytest.mark.parametrize("text", ["The Expo 2020 fair drew crowds.", "The Norville 2021 Games were delayed."])
def test_a_year_inside_a_name_is_no_date(text):
    assert resolved(text) == {}


@pytest.mark.parametrize(
    "text, expression",
    [("Police said 2020 was a hard year.", "2020"), ("Christmas 2022 was quiet in Norville.", "2022"), ("Freedonia's 2008 vote stands.", "2008")],
)
def test_a_year_after_a_verb_a_holiday_or_a_possessive_stays_a_year(text, expression):
    assert resolved(text) == {expression: expression}
