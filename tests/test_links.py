"""Web addresses made safe to open and link, quotes cited for the clipboard, briefs with links, find in an article."""

from __future__ import annotations

import pytest
from briefing.core.export import quote_citation, render_brief
from briefing.core.store.rows import QuoteRow, Source
from briefing.core.textsafe import web_address
from briefing.tui.find import find_spans


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("https://post.example/a?b=1&c=2#d", "https://post.example/a?b=1&c=2#d"),
        ("http://post.example/x_(y)", "http://post.example/x_%28y%29"),
        ("https://post.example/<b>\"x\"", "https://post.example/%3Cb%3E%22x%22"),
        ("https://post.example/čaj", "https://post.example/%C4%8Daj"),
        ("  https://post.example/a  ", "https://post.example/a"),
        ("https://post.example/a\x1b]8;;http://evil\x07", "https://post.example/a"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("post.example/a", None),
        ("https://post.example/a b", None),
        ("", None),
        (None, None),
    ],
)
def test_web_address(url, address):
    assert web_address(url) == address


def quote(**changes) -> QuoteRow:
    fields = dict(
        id=1, article_id=7, seq=0, start=0, end=10, text="We will rebuild the pier,", kind="direct", cue="said",
        speaker="Edda Morn", speaker_as_written="Morn", attribution="named", group=None, statement_id=None,
        outlet="The Island Post", published="2030-03-02", path="/news/ferry.md",
    )
    fields.update(changes)
    return QuoteRow(**fields)


def test_quote_citation_names_speaker_outlet_date_and_address():
    assert quote_citation(quote(), "https://island-post.example/ferry") == (
        "“We will rebuild the pier,” — Edda Morn, The Island Post, 2 Mar 2030, https://island-post.example/ferry"
    )


def test_quote_citation_says_what_is_weak_or_missing():
    cited = quote_citation(quote(kind="indirect", attribution="pronoun", outlet=None, published=None), "file:///x")
    assert cited == (
        "We will rebuild the pier, (reported speech) — Edda Morn (attributed by pronoun), unknown outlet, undated"
    )
    assert quote_citation(quote(text="“Already quoted”", speaker="")).startswith("“Already quoted” — unknown speaker,")


def source(**changes) -> Source:
    fields = dict(
        id=7, path="/news/ferry.md", outlet="The Island Post", title="Ferry [service] suspended", byline=None,
        place="Brask", url="https://island-post.example/ferry_(1)", published="2030-03-02", published_source="metadata",
        published_reason=None, captured=None, words=100,
    )
    fields.update(changes)
    return Source(**fields)


def test_the_brief_links_sources_and_quotes_to_their_articles():
    brief = render_brief("Ferry", sources=[source(), source(id=8, url=None, title="Wire copy")], quotes=[quote()])
    assert "- **The Island Post** — 2030-03-02, Brask: [Ferry \\[service\\] suspended](https://island-post.example/ferry_%281%29)" in brief
    assert "— 2030-03-02, Brask: Wire copy\n" in brief  # no address: no link
    assert "([The Island Post](https://island-post.example/ferry_%281%29), 2030-03-02)" in brief


def test_the_brief_never_links_what_is_not_a_web_address():
    brief = render_brief("Ferry", sources=[source(url="javascript:alert(1)")], quotes=[quote()])
    assert "javascript" not in brief and "](" not in brief


def test_find_ignores_case_and_accents_and_keeps_offsets():
    text = "Vučić met VUCIC; vucic left. Straße"
    assert [text[s:e] for s, e in find_spans(text, "vucic")] == ["Vučić", "VUCIC", "vucic"]
    assert find_spans(text, "straße") == [(29, 35)]
    assert find_spans(text, "   ") == [] and find_spans("aaaa", "aa") == [(0, 2), (2, 4)]
