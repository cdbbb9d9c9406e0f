"""Headlines: the given one, else the address's slug as the article writes its words, else the
first sentence without its dateline; a gap mark is never a headline."""

from __future__ import annotations

import json

import pytest
from briefing.core.ingest import parse_bytes
from briefing.core.ingest.headline import headline, title_from_body, title_from_url
from briefing.core.models import ParsedArticle

BODY = "Jane al-Amin said the Lakeside mayor had quit after the flood killed 11,300 people. Lakeside is small."


def article_of(text: str, name: str) -> ParsedArticle:
    items = [i for i in parse_bytes(name, text.encode()) if isinstance(i, ParsedArticle)]
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize(
    "url, title",
    [
        ("https://news.example/2023/09/15/lakeside-mayor-quits-after-flood/", "Lakeside mayor quits after flood"),
        ("https://news.example/world/al-amin-says-lakeside-mayor-quit-1825294.html", "Al-Amin says Lakeside mayor quit"),
        ("https://news.example/p/16008/flood-killed-11300-in-lakeside", "Flood killed 11,300 in Lakeside"),
        ("https://news.example/p/flood_toll_rises_in_lakeside.php", "Flood toll rises in Lakeside"),
        ("https://news.example/eu-and-un-send-aid-to-lakeside", "EU and UN send aid to Lakeside"),
    ],
)
def test_slug_becomes_the_headline_as_the_body_writes_it(url, title):
    assert title_from_url(url, BODY) == title


@pytest.mark.parametrize(
    "url",
    ["https://news.example/2285", "https://news.example/story/1.6886264", "https://news.example/world/", "", None, "http://[::1"],
)
def test_addresses_without_a_slug_give_no_headline(url):
    assert title_from_url(url, BODY) is None


def test_given_headline_wins_then_slug_then_first_sentence():
    url = "https://news.example/lakeside-mayor-quits-after-flood"
    assert headline("Mayor quits", url, BODY) == "Mayor quits"
    assert headline(None, url, BODY) == "Lakeside mayor quits after flood"
    assert headline(None, "https://news.example/2285", BODY).startswith("Jane al-Amin said the Lakeside mayor")


def test_a_gap_mark_is_never_a_headline():
    assert headline("[...]", None, "[...]") is None
    assert headline("[…]", None, "") is None
    assert title_from_body("The mayor said the water was ri [...]") == "The mayor said the water was ri…"
    assert "[" not in headline(None, None, "The bridge fell [...] and more.")


def test_front_matter_without_a_title_takes_the_slug():
    text = "---\nurl: https://news.example/2023/05/30/lakeside-mayor-quits-after-flood\n---\n\n" + BODY + "\n"
    assert article_of(text, "a.md").title == "Lakeside mayor quits after flood"


def test_json_lines_without_a_title_take_the_slug():
    line = json.dumps({"text": BODY, "url": "https://news.example/lakeside-mayor-quits-after-flood"})
    assert article_of(line, "a.jsonl").title == "Lakeside mayor quits after flood"


def test_plain_text_headline_is_the_first_sentence_without_the_dateline():
    article = article_of("NORVILLE, Freedonia (AP) — The mayor quit on Monday. The flood receded.", "a.txt")
    assert article.title == "The mayor quit on Monday"
