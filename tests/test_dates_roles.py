"""What each dated expression is to the story: an event's day, the article's own date (kept out
of the events), a day still ahead, one of several days offered, or background long before."""

from __future__ import annotations

import pytest
from briefing.core.models import ParsedArticle
from briefing.core.nlp.dates import find_events
from briefing.core.nlp.pipeline import Extractor
from briefing.core.settings import Settings

# Wednesday 31 May 2023.
WED = "2023-05-31"


def roles(text: str, published: str | None = WED) -> dict[str, str]:
    return {e.expression: e.role for e in find_events(text, published=published)[0]}


@pytest.mark.parametrize(
    "text, expression, role",
    [
        ("Police fired tear gas on Monday.", "on Monday", "story"),
        ("Talks will resume on Thursday.", "on Thursday", "future"),
        ("Envoys travel to Norville next week.", "next week", "future"),
        ("Envoys are in Norville this week.", "this week", "story"),
        ("The mayors took office in April.", "in April", "story"),
        ("The town split from Freedonia in 2008.", "in 2008", "background"),
        ("A treaty of 1999 still holds.", "1999", "background"),
        ("The bridge was closed last year.", "last year", "background"),
        ("The bridge fell in the 1990s.", "in the 1990s", "background"),
        ("Maybe on Friday the roads reopen.", "on Friday", "possible"),
        ("The ruling could come as early as Monday.", "Monday", "possible"),
        ("The ferry leaves on Friday at the earliest.", "on Friday", "possible"),
    ],
)
def test_role_of_a_days_expression(text, expression, role):
    assert roles(text)[expression] == role


def test_days_offered_as_alternatives_are_possible_not_happened():
    found = roles("“We will decide tomorrow or the day after,” the mayor said.")
    assert found == {"tomorrow": "possible", "the day after": "possible"}
    assert roles("Strikes were held on Monday or Tuesday, officials said.") == {"on Monday": "possible", "Tuesday": "possible"}
    # Past years so joined are a list of real ones; years ahead are alternatives.
    assert roles("Turnout was lower than in 2008 or 2012.") == {"in 2008": "background", "2012": "background"}
    assert roles("He may run in 2028 or 2032.") == {"in 2028": "possible", "2032": "possible"}


def test_a_day_ahead_is_measured_from_the_day_it_was_said():
    # Said on Monday about "tomorrow": Tuesday lies before the article's Wednesday, but the text
    # tells a plan, not that the meeting took place.
    assert roles("“We will meet them tomorrow,” the mayor said on Monday.") == {"tomorrow": "future", "on Monday": "story"}
    assert roles("The mayor said on Monday that the ferry ran on Sunday.") == {"on Monday": "story", "on Sunday": "story"}


def test_without_an_article_date_absolute_days_stay_story():
    assert roles("The town split from Freedonia in 2008.", None) == {"in 2008": "story"}


def test_a_paragraph_opening_dateline_is_the_articles_own_date():
    text = "Leaders condemned the attack.\n\nNORVILLE, May 29 (Agency) — Leaders condemned the attack on Monday."
    assert roles(text) == {"May 29": "dateline", "on Monday": "story"}


def test_a_date_at_a_paragraphs_start_that_is_no_dateline_stays_an_event():
    assert roles("May 29 was the day the bridge fell.") == {"May 29": "story"}


def test_the_pipeline_keeps_datelines_out_of_the_events():
    text = "Norville, May 16 (UNI) A man was charged on Thursday, police said."
    article = ParsedArticle(path="a.txt", text=text, body_start=text.index("A man"), published="2024-05-16")
    extraction = Extractor(Settings()).extract(article)
    assert [(e.expression, e.value, e.role) for e in extraction.events] == [("on Thursday", "2024-05-16", "story")]
    [dateline] = extraction.datelines
    assert (dateline.expression, dateline.value, dateline.role, dateline.rule) == ("May 16", "2024-05-16", "dateline", "dateline")
    assert text[dateline.start : dateline.end] == "May 16"


def test_the_pipeline_dates_an_undated_article_from_its_dateline():
    text = "Norville, May 16 (UNI) A man was charged on Thursday, police said.\n\n© 2024 UNI"
    article = ParsedArticle(path="a.txt", text=text, body_start=text.index("A man"), body_end=text.index("\n\n©"))
    extraction = Extractor(Settings()).extract(article)
    # Ingest read no year; the date finder takes it from the copyright line it is given.
    assert extraction.inferred_published is None
    dated = Extractor(Settings()).extract(
        ParsedArticle(path="a.txt", text=text, body_start=text.index("A man"), body_end=text.index("\n\n©"), copyright_year=2024)
    )
    assert dated.inferred_published == "2024-05-16"
    assert "dateline 'May 16'" in dated.inferred_reason
    assert [e.value for e in dated.events] == ["2024-05-16"]
