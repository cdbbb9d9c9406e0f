"""Publication dates of undated articles: what the article prints about itself, its address,
a dateline without its year, and the days of the other articles of its own story only."""

from __future__ import annotations

from briefing.core.models import Event, Extraction, ParsedArticle
from briefing.core.nlp import context as context_module
from briefing.core.nlp.context import (
    BriefingContext,
    ContextBuilder,
    context_from_extractions,
    same_story,
    story_names,
)
from briefing.core.nlp.dates import find_events
from briefing.core.nlp.pubdate import date_in_url
from briefing.core.settings import Settings
from briefing.core.store.context import context_from_db
from briefing.core.store.database import open_database, write_article

# Two stories of the same September: floods in Norville, an election in Lakeside.
FLOOD_DATED = (
    "The Norville dam broke on Sunday after days of rain, Mayor Jane Doe said. Rescuers from "
    "Freedonia searched the Norville valley. Doe said the Kessel river rose again."
)
ELECTION_DATED = (
    "Voters in Lakeside went to the polls on Sunday. The Lakeside count ended on Monday, and "
    "candidate Ana Petrov said on Monday she had won. Petrov thanked the Lakeside voters."
)
FLOOD_UNDATED = (
    "Rescuers in Norville were still searching the valley after the dam broke on Sunday. "
    "Mayor Jane Doe said Monday that the Kessel river had risen again."
)


def context_of(*articles: tuple[str, str, list[str], str]) -> BriefingContext:
    """A context from (published, body, event days, label) of dated articles."""
    builder = ContextBuilder()
    for article in articles:
        builder.add(*article)
    return builder.build()


def flood_and_election() -> BriefingContext:
    """A folder with both stories: the election's days are more numerous, and a week earlier."""
    election_days = ["2023-09-03", "2023-09-04", "2023-09-04"]
    return context_of(
        ("2023-09-04", ELECTION_DATED, election_days, "Lakeside Herald"),
        ("2023-09-05", ELECTION_DATED, election_days, "Lakeside Star"),
        ("2023-09-11", FLOOD_DATED, ["2023-09-10"], "Norville Post"),
    )


def inferred(text: str, **kwargs):
    return find_events(text, published=None, **kwargs)[1]


def test_an_undated_article_is_dated_by_its_own_story_only():
    day, reason = inferred(FLOOD_UNDATED, context=flood_and_election())
    assert day == "2023-09-11"
    assert "other sources of the story date these events to 2023-09-10" in reason


def test_without_story_names_every_source_counts_and_the_other_story_wins():
    # The same folder, read as one story: the election's busier days pull the article a week back.
    whole = flood_and_election()
    blind = BriefingContext(published=whole.published, event_days=whole.event_days)
    assert inferred(FLOOD_UNDATED, context=blind)[0] == "2023-09-04"


def test_same_story_keeps_the_sources_that_name_the_same_people_and_places():
    context = flood_and_election()
    assert len(context.groups) == 2  # the two election articles are one group
    assert same_story(context, story_names(FLOOD_UNDATED)).published == ("2023-09-11",)
    assert same_story(context, story_names("Petrov won the Lakeside count.")).published == ("2023-09-04", "2023-09-05")
    # An article that names nobody cannot be told apart: the whole briefing counts.
    assert same_story(context, story_names("the dam broke.")) is context


def test_story_names_leave_out_openers_days_and_offices():
    names = story_names("The Minister said on Monday that Norville's mayor, Jane Doe, met Doe's aides in May.")
    assert set(names) == {"norville", "jane", "doe"}
    assert names["doe"] == 2


def test_a_shared_quotation_dates_an_article_without_weekdays():
    context = context_of(
        ("2023-06-23", "Norville Steel said: “With heavy rain and high water, we close the plant in Kessel", [], "Wire"),
        ("2023-06-25", "Norville Steel said: “With heavy rain and high water, we close the plant in Kessel", [], "Later"),
    )
    text = "Norville Steel said it would close its Kessel plant “with heavy rain and high water” in mind."
    day, reason = inferred(text, context=context)
    assert day == "2023-06-23"
    assert "same statement" in reason and "Wire" in reason
    assert inferred("Norville Steel said it would close its Kessel plant.", context=context) is None


def test_a_dateline_inside_the_body_with_its_year_is_the_date():
    text = "Leaders condemned the attack.\n\nNorville, (ABC - Some News - 15th May, 2024) Leaders condemned the attack on Wednesday."
    events, (day, reason) = find_events(text, published=None)
    assert day == "2024-05-15" and "15th May, 2024" in reason
    roles = {e.expression: e.role for e in events}
    assert roles["15th May, 2024"] == "dateline"
    assert roles["on Wednesday"] == "story"


def test_a_publication_note_is_the_date():
    text = "The bridge reopened on Monday.\n\nFirst published on 30 May 2023."
    events, (day, reason) = find_events(text, published=None)
    assert day == "2023-05-30" and "a reprint may be later" in reason
    assert {e.expression: e.role for e in events} == {"on Monday": "story", "on 30 May 2023": "dateline"}
    # An update note is the article's own date too, but not its publication date.
    events, found = find_events("The bridge reopened.\n\nUpdated: 2 June 2023", published=None)
    assert found is None and [e.role for e in events] == ["dateline"]


def test_a_sentence_opening_with_published_is_no_note():
    events, _ = find_events("Published reports said on Monday that the bridge reopened.", published="2023-05-31")
    assert [e.role for e in events] == ["story"]


def test_the_address_gives_the_day_or_bounds_the_month():
    assert date_in_url("https://news.example/2023/09/15/dam-breaks/") == (2023, 9, 15)
    assert date_in_url("https://news.example/stories/2023/sep/10/dam-breaks/") == (2023, 9, 10)
    assert date_in_url("https://news.example/2023/09/dam-breaks/") == (2023, 9, None)
    assert date_in_url("https://news.example/2023/world/dam") is None
    assert date_in_url("https://news.example/p/16008/dam") is None
    day, reason = inferred("The dam broke on Sunday.", url="https://news.example/2023/09/15/dam/")
    assert (day, reason) == ("2023-09-15", "the address gives 2023-09-15")
    # A month from the address and the story's days: September's Sunday, not August's.
    context = BriefingContext(event_days=__import__("collections").Counter({"2023-08-27": 1, "2023-09-10": 1}))
    day, reason = inferred("The dam broke on Sunday.", url="https://news.example/2023/09/dam/", context=context)
    assert day == "2023-09-10" and "the address gives 2023-09" in reason


def test_a_dateline_without_its_year_takes_it_from_the_story():
    context = flood_and_election()
    day, reason = inferred(FLOOD_UNDATED, context=context, dateline=("Sept 12", -20))
    assert day == "2023-09-12"
    assert "dateline 'Sept 12'" in reason and "other sources of its story" in reason
    assert inferred("The dam broke.", copyright_year=2022, dateline=("May 16", -15)) == (
        "2022-05-16", "dateline 'May 16'; year from copyright 2022")


def test_said_monday_is_the_writing_day_or_the_day_before():
    # Events on Sunday 10 and Sunday 17: only the Monday after the first fits "said Monday".
    context = context_of(("2023-09-11", FLOOD_DATED, ["2023-09-10", "2023-09-18"], "A"))
    day, _ = inferred("The Norville dam broke on Sunday, Mayor Jane Doe said Monday.", context=context)
    assert day == "2023-09-11"


def test_the_extracted_files_give_the_same_context_as_the_database(tmp_path):
    article = ParsedArticle(path="a.txt", text=FLOOD_DATED, published="2023-09-11", published_source="header", outlet="Norville Post")
    event = Event(0, 9, "on Sunday", "2023-09-10", "day", "2023-09-11", "weekday-past", "…")
    extraction = Extraction(events=(event,))
    from_files = context_from_extractions([(article, extraction), (ParsedArticle(path="b.txt", text="Undated."), Extraction())])
    db = open_database(tmp_path / "t.db")
    with db.conn:
        write_article(db, article, "a.txt", "h", extraction, Settings(), "v")
    from_db = context_from_db(db)
    assert [vars(g) for g in from_files.groups] == [vars(g) for g in from_db.groups]
    assert (from_files.quote_runs, from_files.quoting) == (from_db.quote_runs, from_db.quoting)
    [group] = from_db.groups
    assert group.published == ("2023-09-11",) and "norville" in group.names


def test_quotation_runs_stay_within_their_budget(monkeypatch):
    monkeypatch.setattr(context_module, "QUOTE_RUN_BUDGET", 10)
    builder = ContextBuilder()
    for n in range(3):
        words = " ".join(f"w{n}x{k}" for k in range(12))
        builder.add(f"2023-09-1{n}", f"Norville said: “{words}”", [], f"Source {n}")
    context = builder.build()
    assert len(context.quote_runs) == 10
    assert {context.quoting[at].label for at in context.quote_runs.values()} == {"Source 0", "Source 1"}  # the earliest fill it


def test_same_story_weighs_only_the_groups_that_share_names_and_keeps_their_order():
    context = context_of(
        ("2023-09-01", "Orla Brent opened the Westmarch bridge. Brent praised Westmarch builders.", [], "A"),
        ("2023-09-02", "Tomas Quill sailed from Eastvale. Quill left Eastvale harbour at dawn.", [], "B"),
        ("2023-09-03", "Westmarch voters met Orla Brent again. Brent spoke of Westmarch roads.", [], "C"),
    )
    keys = [group.key for group in context.groups]
    # Names met in the reverse order of the groups: the groups kept stay in the context's order.
    both = same_story(context, story_names("Quill met Brent in Eastvale and Westmarch. Quill and Brent spoke."))
    assert [group.key for group in both.groups] == keys
    assert both.published == ("2023-09-01", "2023-09-02", "2023-09-03")
    # One shared name, named once, weighs too little to choose a story: nothing is kept.
    assert same_story(context, story_names("Someone mentioned Quill.")).groups == ()
    # No shared name at all: nothing is kept either, and the article's names are not the whole briefing.
    assert same_story(context, story_names("Nobody from Norville spoke.")).groups == ()
