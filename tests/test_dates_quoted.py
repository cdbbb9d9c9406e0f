"""What the date rules count as quoted comes from speech_marks, the quote finder's own pairing.

"Tomorrow" inside a quotation is read against the day the words were said; which stretches are
quotations is decided once, by `find_quote_spans` (linear, paired by kind, multi-paragraph
quotes), so the date and quote components agree — and a text full of unmatched marks costs
time linear in its length.
"""

from __future__ import annotations

import time

import pytest
from briefing.core.nlp import dates, speech_marks
from briefing.core.nlp.dates import find_events
from briefing.core.nlp.speech_marks import find_quote_spans

PUBLISHED = "2023-05-31"  # a Wednesday; "on Monday" is 2023-05-29


def by_expression(text: str, **kwargs) -> dict:
    return {e.expression: e for e in find_events(text, published=PUBLISHED, **kwargs)[0]}


def test_find_events_takes_its_quotations_from_speech_marks(monkeypatch):
    calls = []

    def spy(text):
        calls.append(text)
        return find_quote_spans(text)

    monkeypatch.setattr(dates, "find_quote_spans", spy)
    text = "“We will meet them tomorrow,” Vucic said on Monday."
    found = by_expression(text)
    assert calls == [text]
    assert (found["tomorrow"].value, found["tomorrow"].rule) == ("2023-05-30", "quote-relative")
    # Spans found already (by the quote component) are used as they are.
    calls.clear()
    found = by_expression(text, quote_spans=find_quote_spans(text))
    assert calls == [] and found["tomorrow"].rule == "quote-relative"


@pytest.mark.parametrize(
    "text",
    [
        "‘We will meet them tomorrow,’ Vucic said on Monday.",  # BBC house style
        "'We will meet them tomorrow,' Vucic said on Monday.",
        "“We will meet them tomorrow,” Vucic said on Monday.",
        "«We will meet them tomorrow», Vucic said on Monday.",
    ],
)
def test_tomorrow_in_any_kind_of_quotation_is_the_day_after_it_was_said(text):
    event = by_expression(text)["tomorrow"]
    assert (event.value, event.anchor, event.rule) == ("2023-05-30", "2023-05-29", "quote-relative")


def test_the_date_component_reuses_the_quote_components_spans(monkeypatch):
    from briefing.core.models import ParsedArticle
    from briefing.core.nlp.pipeline import Extractor
    from briefing.core.settings import Settings

    extractor = Extractor(Settings())
    calls = []

    def spy(text):
        calls.append(len(text))
        return find_quote_spans(text)

    monkeypatch.setattr(speech_marks, "find_quote_spans", spy)
    monkeypatch.setattr(dates, "find_quote_spans", spy)
    text = "“We will meet them tomorrow,” Vucic said on Monday."
    extraction = extractor.extract(ParsedArticle(path="t.txt", text=text, published=PUBLISHED))
    assert len(calls) == 1
    assert {e.expression: e.rule for e in extraction.events}["tomorrow"] == "quote-relative"
    assert [q.text for q in extraction.quotes] == ["We will meet them tomorrow"]


UNMATCHED = {
    "curly": "“word ",
    "guillemet": "«a ",
    "low-high": "„a ",
    "straight": '"a ',
}


@pytest.mark.parametrize("kind", sorted(UNMATCHED))
def test_each_mark_is_looked_at_once(monkeypatch, kind):
    """The pairing examines every mark once, whatever follows it: work is linear in marks."""
    counted = []
    role = speech_marks._role

    def counting_role(*args):
        counted.append(1)
        return role(*args)

    monkeypatch.setattr(speech_marks, "_role", counting_role)
    for n in (20_000, 80_000):
        counted.clear()
        find_events(UNMATCHED[kind] * n, published=PUBLISHED)
        assert len(counted) == n


@pytest.mark.parametrize("kind", sorted(UNMATCHED))
def test_80k_unmatched_marks_take_well_under_two_seconds(kind):
    # The old scanner looked up to 2,000 characters ahead of every opening mark: 80,000 of
    # them took over 3 s. Linear pairing takes a fraction of a second; 2 s is a loose bound.
    text = UNMATCHED[kind] * 80_000
    started = time.perf_counter()
    find_events(text, published=PUBLISHED)
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize(
    "text",
    [
        # A quotation of two sentences: the statement is where it closes.
        '"Talks begin tomorrow. We are ready," Vucic told reporters on Monday.',
        # AP style: a quotation over two paragraphs, the cue after the last.
        "“We will meet them tomorrow. We are ready.\n\n“Nobody will stop us,” Vucic said on Monday.",
    ],
)
def test_tomorrow_early_in_a_long_quotation_is_dated_by_its_closing_cue(text):
    event = by_expression(text)["tomorrow"]
    assert (event.value, event.anchor, event.rule) == ("2023-05-30", "2023-05-29", "quote-relative")


def test_a_time_outside_the_quotation_keeps_the_article_date():
    text = 'The ministers will meet tomorrow. "Nothing is agreed," Vucic said on Monday.'
    event = by_expression(text)["tomorrow"]
    assert (event.value, event.rule) == ("2023-06-01", "day-relative")
