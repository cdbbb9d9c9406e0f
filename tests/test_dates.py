"""Temporal expressions: every form found, non-dates left alone, every anchoring rule applied."""

from __future__ import annotations

import pytest
from briefing.core.nlp.dates import find_events, short_sentence

# Wednesday 31 May 2023, the AP seed's date.
WED = "2023-05-31"


def events(text: str, published: str | None = WED, **kwargs):
    """Events of a text, each checked to slice back to its expression."""
    found, _inferred = find_events(text, published=published, **kwargs)
    for event in found:
        assert text[event.start : event.end] == event.expression
    return found


def resolved(text: str, published: str | None = WED, **kwargs) -> dict[str, str]:
    """expression -> value."""
    return {e.expression: e.value for e in events(text, published, **kwargs)}


def only(text: str, published: str | None = WED, **kwargs):
    """The one event of a text."""
    found = events(text, published, **kwargs)
    assert len(found) == 1, [(e.expression, e.value) for e in found]
    return found[0]


# --- forms -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Protesters clashed with police on Monday.", "on Monday", "2023-05-29"),
        ("Monday's clashes left 30 soldiers injured.", "Monday's", "2023-05-29"),
        ("Following Friday’s clashes, allies condemned the government.", "Friday’s", "2023-05-26"),
        ("Earlier Monday, police used pepper spray.", "Earlier Monday", "2023-05-29"),
        ("The mayors took office last Friday.", "last Friday", "2023-05-26"),
        ("Police said late Tuesday that two men were arrested.", "late Tuesday", "2023-05-30"),
        ("The ministers met yesterday.", "yesterday", "2023-05-30"),
        ("The ministers meet today.", "today", "2023-05-31"),
        ("The ministers will meet tomorrow.", "tomorrow", "2023-06-01"),
        ("Talks resume the day after tomorrow.", "the day after tomorrow", "2023-06-02"),
        ("He arrived the day before yesterday.", "the day before yesterday", "2023-05-29"),
        ("The clashes began last week.", "last week", "2023-W21"),
        ("Envoys arrive in Pristina this week.", "this week", "2023-W22"),
        ("Envoys will travel to Belgrade next week.", "next week", "2023-W23"),
        ("Prices rose last month.", "last month", "2023-04"),
        ("Elections are due next year.", "next year", "2024"),
        ("He took similar steps last year.", "last year", "2022"),
        ("Kosovo held a vote earlier this year.", "earlier this year", "2023"),
        ("Clashes broke out on May 29 in Zvecan.", "on May 29", "2023-05-29"),
        ("Clashes broke out on 30 May in Zvecan.", "on 30 May", "2023-05-30"),
        ("The vote was held in April.", "in April", "2023-04"),
        ("Serbs boycotted April's elections.", "April's", "2023-04"),
        ("Serbs boycotted the vote in May 2023.", "in May 2023", "2023-05"),
        ("The town was quiet on Tuesday, May 30, 2023.", "on Tuesday, May 30, 2023", "2023-05-30"),
        ("The report is dated 2023-05-31.", "2023-05-31", "2023-05-31"),
        ("Sjednica je održana 30.05.2023. u Beogradu.", "30.05.2023", "2023-05-30"),
        ("The meeting was on 30. 5. 2023. in Pristina.", "on 30. 5. 2023", "2023-05-30"),
        ("Sept. 5, 2022, was a quiet day.", "Sept. 5, 2022", "2022-09-05"),
        ("Kosovo rejects its 2008 split from Serbia.", "2008", "2008"),
        ("The resolution was adopted in 1999.", "in 1999", "1999"),
        ("KFOR has been there since the 1998-99 war.", "1998-99", "1998/1999"),
        ("KFOR has been there since the 1998–1999 war.", "1998–1999", "1998/1999"),
        ("The 2022/23 budget was cut.", "2022/23", "2022/2023"),
        ("The region was at war in the 1990s.", "in the 1990s", "1990/1999"),
        ("Talks ran from 2011 to 2013.", "from 2011 to 2013", "2011/2013"),
        ("The bridge closed two days ago.", "two days ago", "2023-05-29"),
        ("Tension rose over the weekend.", "over the weekend", "2023-05-27/2023-05-28"),
        ("The mayor resigned on 5 January.", "on 5 January", "2023-01-05"),
        ("The mayor resigned in early March.", "in early March", "2023-03"),
        ("The mayor resigned in mid-March.", "in mid-March", "2023-03"),
        ("The agreement was signed the 3rd of March.", "the 3rd of March", "2023-03-03"),
        ("He was last seen on MONDAY.", "on MONDAY", "2023-05-29"),
        ("The agreement lapsed last May.", "last May", "2022-05"),
    ],
)
def test_form_is_found_and_resolved(text, expression, value):
    assert resolved(text).get(expression) == value


@pytest.mark.parametrize(
    "text",
    [
        "It was the worst violence in years.",
        "Tensions have simmered for two decades.",
        "A 50-year-old man was arrested.",
        "He has lived there for 10 years.",
        "Under UN Security Council Resolution 1244 the mission stays.",
        "NATO will send 700 more troops.",
        "Kosovo has 1.8 million people.",
        "Serbs make up less than 7% of the population.",
        "Police may use force, and the talks may fail.",
        "May God protect them, the priest said.",
        "Thousands joined the march through Belgrade.",
        "March organisers said 2,000 people took part.",
        "The Sunday Times reported the deal.",
        "The anniversary of Bloody Sunday was marked in Derry.",
        "The Good Friday Agreement ended the conflict.",
        "Theresa May met Vucic.",
        "Some 2000 protesters gathered outside.",
        "The flight left at 2030 GMT.",
        "The town is 1500 km away.",
        "Copyright 2023 The Associated Press.",
        "©2023 Bloomberg L.P.",
        "He spent many years in the army, and most Mondays at the market.",
        "Over the last year prices doubled.",
        "Article 2012 of the code applies.",
        "The decision No. 1999 was annulled.",
        "Rebels were gathering ammunition, USA Today reported.",
    ],
)
def test_not_a_date(text):
    assert events(text) == []


def test_resolution_1244_of_1999_finds_only_the_year():
    found = events("KFOR acts under UN Security Council Resolution 1244 of 1999, the statement said.")
    assert [(e.expression, e.value) for e in found] == [("1999", "1999")]


def test_month_with_year_and_possessive_year():
    assert resolved("The Kosovo's 2008 declaration of independence and the 2014 elections.") == {
        "2008": "2008",
        "2014": "2014",
    }


# --- weekdays ----------------------------------------------------------------------------------


def test_past_weekday_is_the_latest_on_or_before_the_anchor():
    event = only("Police fired tear gas on Monday.")
    assert (event.value, event.rule, event.anchor) == ("2023-05-29", "weekday-past", WED)


def test_same_weekday_as_the_anchor_is_that_day():
    event = only("Troops on Wednesday placed metal fences around the building.")
    assert (event.value, event.rule) == ("2023-05-31", "weekday-past")


@pytest.mark.parametrize(
    "text, value",
    [
        ("The envoys will meet Vucic on Friday.", "2023-06-02"),
        ("A vote is due to take place on Sunday.", "2023-06-04"),
        ("Serbia plans to hold talks on Monday.", "2023-06-05"),
        ("The mayor is expected to resign on Tuesday.", "2023-06-06"),
        ("Police were deployed ahead of Sunday's vote.", "2023-06-04"),
        ("Talks will continue on Wednesday.", "2023-05-31"),
    ],
)
def test_future_weekday_is_the_next_on_or_after_the_anchor(text, value):
    event = only(text)
    assert (event.value, event.rule) == (value, "weekday-future")


def test_past_clause_wins_over_a_later_future_clause():
    found = resolved("The talks, which began on Friday, will continue next week.")
    assert found == {"on Friday": "2023-05-26", "next week": "2023-W23"}


def test_said_on_weekday_is_past_even_with_will_in_the_report():
    assert resolved("Vucic said on Monday that Serbia will not tolerate attacks.") == {"on Monday": "2023-05-29"}


def test_future_main_clause_with_a_trailing_said():
    assert resolved("Serbs will protest again on Friday, Vucic said.") == {"on Friday": "2023-06-02"}


def test_last_and_next_weekday_exclude_the_anchor_day():
    assert resolved("He left last Wednesday and returns next Wednesday.") == {
        "last Wednesday": "2023-05-24",
        "next Wednesday": "2023-06-07",
    }


def test_this_past_weekday_is_the_last_one():
    assert resolved("The envoy arrived this past Sunday.") == {"past Sunday": "2023-05-28"}


# --- weeks, months and years around year boundaries ----------------------------------------------


@pytest.mark.parametrize(
    "published, text, value",
    [
        ("2023-01-02", "Talks collapsed last week.", "2022-W52"),
        ("2021-01-04", "Talks collapsed last week.", "2020-W53"),
        ("2023-01-01", "Talks collapse this week.", "2022-W52"),
        ("2022-12-28", "Talks resume next week.", "2023-W01"),
        ("2023-01-10", "Talks collapsed last month.", "2022-12"),
        ("2022-12-10", "Talks resume next month.", "2023-01"),
        ("2023-01-10", "The clashes started in December.", "2022-12"),
        ("2023-12-20", "The elections will be held in January.", "2024-01"),
        ("2023-05-31", "The elections will be held in March.", "2024-03"),
        ("2023-05-31", "The elections were held in March.", "2023-03"),
        ("2023-05-31", "The protests started in May.", "2023-05"),
        ("2023-01-03", "The clashes of December 28 left two dead.", "2022-12-28"),
        ("2022-12-30", "The talks will resume on January 4.", "2023-01-04"),
        ("2023-01-02", "Tension rose over the weekend.", "2022-12-31/2023-01-01"),
        ("2023-01-02", "The bridge closed three weeks ago.", "2022-W50"),
    ],
)
def test_relative_dates_across_year_boundaries(published, text, value):
    found = events(text, published)
    assert len(found) == 1
    assert found[0].value == value


def test_weekday_in_a_month_day_date_picks_the_year():
    # 30 May was a Tuesday in 2023 and a Monday in 2022: the weekday says which.
    assert resolved("Police arrived on Monday, May 30.", "2023-01-10") == {"on Monday, May 30": "2022-05-30"}


def test_numeric_date_with_two_readings_takes_the_one_near_the_anchor():
    assert resolved("The decree of 05/06/2023 was annulled.", "2023-06-07") == {"05/06/2023": "2023-06-05"}
    assert resolved("The decree of 05/06/2023 was annulled.", "2023-05-08") == {"05/06/2023": "2023-05-06"}
    assert resolved("The decree of 25/06/2023 was annulled.") == {"25/06/2023": "2023-06-25"}


# --- special anchors ---------------------------------------------------------------------------


def test_caption_relative_yesterday_uses_the_caption_date():
    text = (
        "A soldier guards the building after yesterday's clashes, in the town of Zvecan, "
        "northern Kosovo, Tuesday, May 30, 2023."
    )
    found = {e.expression: e for e in events(text, "2023-06-02")}
    event = found["yesterday's"]
    assert (event.value, event.anchor, event.rule) == ("2023-05-29", "2023-05-30", "caption-relative")
    assert found["Tuesday, May 30, 2023"].rule == "explicit-date"


def test_caption_date_works_without_a_publication_date():
    text = "Police patrol the bridge a day after Sunday's riots, in Mitrovica, Kosovo, May 29, 2023."
    found = {e.expression: e.value for e in events(text, None)}
    assert found == {"Sunday's": "2023-05-28", "May 29, 2023": "2023-05-29"}


def test_date_in_apposition_is_not_a_caption():
    found = resolved("The ministers meet tomorrow, Thursday, June 1, 2023.")
    assert found["tomorrow"] == "2023-06-01"


def test_quote_relative_tomorrow_uses_the_day_it_was_said():
    text = "“We will meet them tomorrow,” Vucic said on Monday."
    found = {e.expression: e for e in events(text)}
    event = found["tomorrow"]
    assert (event.value, event.anchor, event.rule) == ("2023-05-30", "2023-05-29", "quote-relative")
    assert found["on Monday"].value == "2023-05-29"


def test_reported_speech_is_relative_to_the_statement_day():
    found = {e.expression: e for e in events("Vucic said on Monday that the talks would resume tomorrow.")}
    assert (found["tomorrow"].value, found["tomorrow"].rule) == ("2023-05-30", "quote-relative")


def test_undated_quote_is_relative_to_the_article():
    event = only("“We will meet them tomorrow,” Vucic said.")
    assert (event.value, event.rule) == ("2023-06-01", "day-relative")


def test_next_day_counts_from_the_event_before():
    text = "On May 20, police entered the town hall. The next day, Serbs blocked the roads."
    found = {e.expression: e for e in events(text)}
    event = found["The next day"]
    assert (event.value, event.rule, event.anchor) == ("2023-05-21", "previous-event", "2023-05-20")


def test_earlier_in_the_day_without_an_event_before_is_today():
    event = only("Earlier in the day, the mayors entered their offices.")
    assert (event.value, event.anchor) == (WED, WED)


def test_relative_expressions_need_an_anchor():
    assert resolved("Police fired tear gas on Monday and in April.", None) == {}
    assert resolved("The 2008 declaration and the vote of May 30, 2023.", None) == {
        "2008": "2008",
        "May 30, 2023": "2023-05-30",
    }


def test_absolute_expressions_have_no_anchor():
    found = {e.expression: e for e in events("Kosovo declared independence in 2008 and voted on May 30, 2023.")}
    assert found["in 2008"].anchor is None
    assert found["on May 30, 2023"].anchor is None


# --- sentences ---------------------------------------------------------------------------------


def test_event_carries_its_sentence_and_offsets():
    text = "First sentence here. Police fired   tear gas\non Monday in Zvecan. Last one."
    event = only(text)
    assert event.sentence == "Police fired tear gas on Monday in Zvecan."
    assert text[event.sentence_start : event.sentence_end] == "Police fired   tear gas\non Monday in Zvecan."


def test_given_sentence_spans_are_used():
    text = "Police fired tear gas on Monday. Serbs left."
    event = only(text, sentences=[(0, len(text))])
    assert event.sentence == text


def test_long_sentence_is_trimmed_on_a_word_boundary_around_the_expression():
    words = " ".join(f"word{n}" for n in range(60))
    text = f"{words} and then police fired tear gas on Monday in Zvecan, {words}."
    event = only(text)
    assert len(event.sentence) <= 162
    assert "on Monday" in event.sentence
    assert event.sentence.startswith("…") and event.sentence.endswith("…")
    inner = event.sentence.strip("…")
    assert inner.split(" ")[0] in text.split(" ") and inner.split(" ")[-1] in text.split(" ")


def test_short_sentence_keeps_short_lines_whole():
    assert short_sentence("a  b\nc", 0, 6, 0, 1) == "a b c"


# --- whole pipeline ----------------------------------------------------------------------------


def test_pipeline_shifts_offsets_to_the_stored_text():
    from briefing.core.models import ParsedArticle
    from briefing.core.nlp.pipeline import Extractor
    from briefing.core.settings import Settings

    text = "HEADER LINE\nPolice fired tear gas on Monday. Talks resume next week."
    article = ParsedArticle(path="a.txt", text=text, body_start=12, published=WED)
    extraction = Extractor(Settings()).extract(article)
    assert [(e.expression, e.value) for e in extraction.events] == [("on Monday", "2023-05-29"), ("next week", "2023-W23")]
    for event in extraction.events:
        assert text[event.start : event.end] == event.expression
        assert text[event.sentence_start : event.sentence_end].startswith(("Police", "Talks"))
    assert extraction.inferred_published is None


@pytest.mark.parametrize(
    "text, value",
    [
        ("The EU has called an emergency meeting for Thursday.", "2023-06-01"),
        ("Serbs must leave the buildings by Friday.", "2023-06-02"),
        ("Roads have been blocked since Sunday.", "2023-05-28"),
        ("The summit opens on Thursday in Moldova.", "2023-06-01"),
        ("Kurti is meeting the envoys on Friday.", "2023-06-02"),
        ("The talks were due to start on Monday but were cancelled.", "2023-05-29"),
        ("Serbs did not vote on Sunday.", "2023-05-28"),
        ("The elections will be held on Sunday.", "2023-06-04"),
        ("Police arrested two men for Monday's attack.", "2023-05-29"),
    ],
)
def test_tense_cues_in_news_phrasing(text, value):
    assert only(text).value == value


def test_habitual_days_and_months_are_not_dates():
    assert events("Serbs protest every Monday, and every May they march.") == []


def test_two_days_later_counts_from_the_event_before_and_needs_one():
    found = resolved("Police raided the building on May 20. Two days later, the mayors returned. A week earlier, talks failed.")
    assert found == {"on May 20": "2023-05-20", "Two days later": "2023-05-22", "A week earlier": "2023-W20"}
    assert events("Two days later, the mayors returned.") == []


def test_relative_clause_verb_governs_its_time_not_the_main_verb_after_a_comma():
    text = "Vucic, who said on Tuesday he would meet the envoys on Thursday, repeated his demands."
    found = {e.expression: e for e in events(text)}
    assert found["on Thursday"].value == "2023-06-01"
    assert found["on Tuesday"].value == "2023-05-30"


def test_the_statement_day_itself_is_not_re_anchored():
    text = "Leaders will meet in Moldova on Thursday, June 1, diplomats told reporters on Tuesday."
    found = {e.expression: e for e in events(text, "2023-05-30")}
    assert (found["on Tuesday"].value, found["on Tuesday"].rule) == ("2023-05-30", "weekday-past")
    assert found["on Thursday, June 1"].value == "2023-06-01"


def test_weekday_with_a_bracketed_date_is_one_date():
    text = "Leaders meet in Moldova on Thursday (1 June), diplomats told Euractiv on Tuesday (30 May)."
    assert resolved(text, "2023-05-30") == {"on Thursday (1 June)": "2023-06-01", "on Tuesday (30 May)": "2023-05-30"}


def test_statement_day_before_the_verb_without_a_comma():
    found = {e.expression: e for e in events("Vucic on Monday said talks would resume tomorrow.")}
    assert (found["tomorrow"].value, found["tomorrow"].rule) == ("2023-05-30", "quote-relative")


def test_the_day_before_a_named_event_is_not_counted_from_the_story():
    found = events("Police were deployed on May 20. They left the day before the vote.")
    assert [e.expression for e in found] == ["on May 20"]
    assert resolved("Police were deployed on May 20. They had arrived the day before.")["the day before"] == "2023-05-19"
