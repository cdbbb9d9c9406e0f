"""Wire datelines in every house form: the place, agency and date, and where the body starts."""

from __future__ import annotations

import pytest
from briefing.core.ingest import parse_bytes
from briefing.core.ingest.dateline import read_front
from briefing.core.models import ParsedArticle


def article_of(text: str, name: str = "a.txt") -> ParsedArticle:
    items = [i for i in parse_bytes(name, text.encode()) if isinstance(i, ParsedArticle)]
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize(
    "head, place, outlet, date, body",
    [
        ("NORVILLE, Freedonia--", "Norville, Freedonia", None, None, "The mayor said"),
        ("NORVILLE, Freedonia -- ", "Norville, Freedonia", None, None, "The mayor said"),
        ("Lakeside, May 30, (dpa/XYZ) – ", "Lakeside", "dpa", "May 30", "The mayor said"),
        ("NORVILLE-", "Norville", None, None, "The mayor said"),
        ("NORVILLE, Freedonia (Agency) - ", "Norville, Freedonia", "Agency", None, "The mayor said"),
        ("Norville, Freedonia (AFP):\n", "Norville, Freedonia", "Agence France-Presse", None, "The mayor said"),
        ("Norville, May 16 (UNI) ", "Norville", "UNI", "May 16", "The mayor said"),
        ("Paris, (APP - Some News - 15th May, 2024) ", "Paris", "APP", "15th May, 2024", "The mayor said"),
        ("16th May 2024 – (Norville) ", "Norville", None, "16th May 2024", "The mayor said"),
        ("NORVILLE, May 29. /TASS/. ", "Norville", "TASS", "May 29", "The mayor said"),
        ("NORVILLE: ", "Norville", None, None, "The mayor said"),
        ("Lakeside, Sep 10 (EFE).- ", "Lakeside", "EFE", "Sep 10", "The mayor said"),
        ("NORVILLE, May 29 — ", "Norville", None, "May 29", "The mayor said"),
        ("NEW NORVILLE—", "New Norville", None, None, "The mayor said"),
        ("Lakeside, MINA – ", "Lakeside", "MINA", None, "The mayor said"),
        ("Lakeside, Freedonia — ", "Lakeside, Freedonia", None, None, "The mayor said"),
    ],
)
def test_wire_dateline_forms(head, place, outlet, date, body):
    text = head + "The mayor said on Monday that the bridge would reopen."
    front = read_front(text)
    article = article_of(text)
    assert article.place == place
    assert article.body.startswith(body)
    if outlet:
        assert article.outlet == outlet
    written = text[front.dateline_date_span[0] : front.dateline_date_span[1]] if front.dateline_date_span else None
    assert written == date


def test_place_glued_to_the_first_word_never_sticks_to_a_speaker():
    article = article_of("NORVILLE-Freedonia's Prime Minister Jane Doe told reporters the bridge would reopen.")
    assert article.place == "Norville"
    assert article.body.startswith("Freedonia's Prime Minister Jane Doe")
    article = article_of("NORVILLE—Prime Minister Jane Doe said the bridge would reopen.")
    assert article.place == "Norville"
    assert article.body.startswith("Prime Minister Jane Doe")


@pytest.mark.parametrize(
    "text",
    [
        "NATO-Freedonia talks resumed on Monday.",
        "US-led forces left the town on Monday.",
        "EXCLUSIVE-Freedonia's army left the town.",
        "BREAKING: The bridge has reopened.",
        "Police (PSNI) Chief Constable Jane Doe said the road was shut.",
        "The Freedonian National Army (FNA) Commander said the road was shut.",
        "Jane Doe (FNA) said the road was shut.",
        "FBI (Federal Bureau of Investigation) Director Jane Doe said the road was shut.",
        "Rep. Jane Doe (D-Freedonia): “The road was shut.”",
        "Jane Doe (Freedonia Party): “The road was shut.”",
        "Mayor Jane Doe (FNA) - the road was shut, she said.",
        "Lakeside-Norville talks resumed on Monday.",
        "Lakeside is a quiet town, its mayor said.",
    ],
)
def test_sentences_that_only_look_like_datelines_keep_their_opening(text):
    article = article_of(text)
    assert article.place is None
    assert article.body == text


def test_the_dateline_date_dates_the_article_with_the_year_it_gives():
    article = article_of("16th May 2024 – (Norville) The mayor said the bridge would reopen.")
    assert (article.published, article.published_source) == ("2024-05-16", "dateline")
    article = article_of("Paris, (APP - Some News - 15th May, 2024) World leaders reacted.")
    assert article.published == "2024-05-15"


def test_a_dateline_without_a_year_takes_the_copyright_year():
    article = article_of("Norville, May 16 (UNI) The mayor said the bridge would reopen.\n\n© 2023 UNI")
    assert article.published == "2023-05-16"
    # Without any year the day stays unknown (the date finder may still infer it).
    assert article_of("Norville, May 16 (UNI) The mayor resigned.").published is None


def test_a_front_matter_date_without_its_day_is_no_day():
    text = "---\ntitle: Bridge reopens\npublished: 2023-09\n---\n\nThe mayor said on Monday the bridge reopened.\n"
    article = article_of(text, "a.md")
    assert article.published is None
    assert "2023-09" in article.published_reason and "no day" in article.published_reason
    text = "---\ntitle: Bridge reopens\npublished: Thursday\n---\n\nThe mayor spoke.\n"
    assert article_of(text, "b.md").published is None
