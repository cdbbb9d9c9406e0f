"""Publication dates inferred from an article's weekdays, its copyright year and the briefing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from briefing.core.models import Event, Extraction, ParsedArticle
from briefing.core.nlp.context import BriefingContext
from briefing.core.nlp.dates import find_events
from briefing.core.nlp.pubdate import WeekdayClue
from briefing.core.nlp.temporal_scan import scan
from briefing.core.settings import Settings
from briefing.core.store.context import context_from_db as briefing_context
from briefing.core.store.database import open_database, write_article

# The Bloomberg seed's dated sentences, condensed.
UNDATED = (
    "The force said 30 soldiers who were countering the crowd on Monday were injured. "
    "Earlier Monday, police used pepper spray against demonstrators. "
    "Following Friday’s clashes, allies condemned the government. "
    "The army remained on high alert, a status ordered on Friday."
)
CONTEXT = BriefingContext(
    published=("2023-05-30", "2023-05-31"),
    event_days=Counter({"2023-05-29": 3, "2023-05-30": 1, "2023-05-31": 1}),
)


def infer(text: str, **kwargs):
    """(events, inferred) for an undated text."""
    return find_events(text, published=None, **kwargs)


def test_weekdays_copyright_and_other_sources_date_the_article():
    events, inferred = infer(UNDATED, copyright_year=2023, context=CONTEXT)
    day, reason = inferred
    assert day == "2023-05-29"
    assert "'Earlier Monday'" in reason and "copyright 2023" in reason and "2023-05-29" in reason
    # The events are anchored on the inferred day.
    assert {e.expression: e.value for e in events} == {
        "on Monday": "2023-05-29",
        "Earlier Monday": "2023-05-29",
        "Friday’s": "2023-05-26",
        "on Friday": "2023-05-26",
    }
    assert {e.anchor for e in events} == {"2023-05-29"}


def test_without_evidence_for_the_week_no_date_is_guessed():
    events, inferred = infer(UNDATED, copyright_year=2023)
    assert inferred is None
    assert events == []  # nothing here can be dated without an anchor


def test_without_weekdays_no_date_is_inferred():
    assert infer("Police used tear gas in April.", copyright_year=2023, context=CONTEXT)[1] is None


def test_the_articles_own_month_day_gives_the_week():
    text = "The clashes on May 29 left 30 soldiers injured. Earlier Monday, police used pepper spray."
    day, reason = infer(text, copyright_year=2023)[1]
    assert day == "2023-05-29"
    assert "the article itself" in reason


def test_copyright_year_excludes_other_years():
    context = BriefingContext(event_days=Counter({"2022-05-30": 5, "2023-05-29": 1}))
    assert infer(UNDATED, copyright_year=2023, context=context)[1][0] == "2023-05-29"
    assert infer(UNDATED, copyright_year=2022, context=context)[1][0] == "2022-05-30"


def test_capture_date_is_an_upper_bound():
    context = BriefingContext(event_days=Counter({"2023-05-29": 1, "2023-06-05": 3}))
    assert infer(UNDATED, context=context)[1][0] == "2023-06-05"
    assert infer(UNDATED, context=context, captured="2023-06-01T10:00")[1][0] == "2023-05-29"


def test_two_weeks_equally_supported_give_no_date():
    context = BriefingContext(event_days=Counter({"2023-05-29": 2, "2023-06-05": 2}))
    assert infer("Police fired tear gas on Monday.", context=context)[1] is None


def test_publication_dates_alone_give_a_nearby_day():
    context = BriefingContext(published=("2023-05-30", "2023-05-31"))
    day, reason = infer(UNDATED, copyright_year=2023, context=context)[1]
    assert day == "2023-05-29"
    assert "other sources of the story were published on 2023-05-30" in reason


def test_a_past_and_a_future_weekday_put_the_article_between_them():
    # Monday is past and Wednesday still to come: written on the Tuesday.
    context = BriefingContext(event_days=Counter({"2023-05-29": 2}))
    day, reason = infer("Police fired tear gas on Monday. Talks will resume on Wednesday.", context=context)[1]
    assert day == "2023-05-30"
    assert "other sources of the story date these events to 2023-05-29" in reason


def test_a_weekday_costs_the_days_it_lies_before_the_writing_day():
    friday = WeekdayClue(scan("on Friday")[0], "past")
    assert friday.cost(dt.date(2023, 5, 26), dt.date(2023, 5, 29)) == 3
    ahead = WeekdayClue(scan("on Friday")[0], "future")
    assert ahead.cost(dt.date(2023, 6, 2), dt.date(2023, 5, 29)) == 4


def test_earlier_weekday_marks_the_writing_day():
    clue = WeekdayClue(scan("Earlier Tuesday")[0], "past")
    tuesday = dt.date(2023, 5, 30)
    assert clue.cost(tuesday, tuesday) == 0
    assert clue.cost(tuesday, tuesday + dt.timedelta(days=1)) == 3  # one day, plus the penalty


def test_said_weekday_is_the_writing_day_or_the_day_before():
    clue = WeekdayClue(scan("Monday")[0], "past", statement=True)
    monday = dt.date(2023, 5, 29)
    assert [clue.cost(monday, monday + dt.timedelta(days=n)) for n in range(4)] == [0, 1, 4, 5]


def test_briefing_context_reads_given_dates_and_day_events(tmp_path: Path):
    db = open_database(tmp_path / "t.db")
    event = Event(0, 9, "on Monday", "2023-05-29", "day", "2023-05-31", "weekday-past", "on Monday.")
    week = Event(0, 9, "last week", "2023-W21", "week", "2023-05-31", "week-relative", "last week.")
    dated = ParsedArticle(path="a.txt", text="on Monday.", published="2023-05-31", published_source="header")
    undated = ParsedArticle(path="b.txt", text="on Monday.")
    with db.conn:
        a = write_article(db, dated, "a.txt", "h1", Extraction(events=(event, week)), Settings(), "v")
        b = write_article(
            db, undated, "b.txt", "h2",
            Extraction(events=(event,), inferred_published="2023-05-29", inferred_reason="r"), Settings(), "v",
        )
    context = briefing_context(db, exclude_article_id=b)
    assert context.published == ("2023-05-31",)
    assert context.event_days == Counter({"2023-05-29": 1})  # the inferred article's events do not count
    assert briefing_context(db, exclude_article_id=a).event_days == Counter()


def test_extractor_marks_the_inferred_date():
    from briefing.core.nlp.pipeline import Extractor

    article = ParsedArticle(path="x.txt", text="(Bloomberg) -- " + UNDATED, body_start=15, copyright_year=2023)
    extraction = Extractor(Settings()).extract(article, CONTEXT)
    assert extraction.inferred_published == "2023-05-29"
    assert "Earlier Monday" in extraction.inferred_reason
    dated = ParsedArticle(path="y.txt", text=UNDATED, published="2023-05-31", copyright_year=2023)
    assert Extractor(Settings()).extract(dated, CONTEXT).inferred_published is None


def test_a_full_date_with_its_weekday_dates_the_article_near_it():
    text = "Police patrolled the town on Monday, May 29, 2023, after the clashes."
    day, reason = infer(text)[1]
    assert day == "2023-05-29"
    assert "the article itself dates them to 2023-05-29" in reason
