"""Every reader ends in one function: a file's metadata first, the text's own head and foot for the rest."""

from __future__ import annotations

from briefing.core.ingest.dateline import read_front
from briefing.core.ingest.plaintext import article_from_front

TEXT = (
    "ARDEN, Mareland (AP) — The harbour council met on Tuesday, officials said. Boats stayed in port.\n\n"
    "Copyright 2024 The Associated Press. All rights reserved.\n"
)


def test_the_text_says_what_the_metadata_does_not():
    article = article_from_front("a.txt", TEXT, read_front(TEXT), fmt="text")
    assert (article.outlet, article.place, article.copyright_year) == ("The Associated Press", "Arden, Mareland", 2024)
    assert article.title == "The harbour council met on Tuesday, officials said"
    assert article.body.startswith("The harbour council") and "Copyright" not in article.body
    assert (article.published, article.published_source, article.url) == (None, "unknown", None)


def test_what_the_metadata_gives_wins():
    article = article_from_front(
        "a.jsonl#1", TEXT, read_front(TEXT), fmt="jsonl", title="Council meets", outlet="Harbour Post",
        byline="Jo Reed", place="Arden", url="https://example.org/a", dated=("2024-03-05", "the record's date field"),
    )
    assert (article.title, article.outlet, article.byline, article.place, article.url) == (
        "Council meets", "Harbour Post", "Jo Reed", "Arden", "https://example.org/a",
    )
    assert (article.published, article.published_source, article.published_reason) == (
        "2024-03-05", "front-matter", "the record's date field",
    )
    assert (article.format, article.copyright_year) == ("jsonl", 2024)
