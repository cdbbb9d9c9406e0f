"""Property tests: the date finder never raises, and its offsets always slice back to its text."""

from __future__ import annotations

from collections import Counter

import spacy
from briefing.core.nlp.context import BriefingContext
from briefing.core.nlp.dates import find_events
from briefing.core.nlp.temporal_scan import scan
from hypothesis import given, settings
from hypothesis import strategies as st

#: spaCy's blank English tokenizer, as the pipeline tokenizes articles.
_TOKENIZER = spacy.blank("en").make_doc

# Pieces that look like dates, so random text often contains (broken) temporal expressions.
PIECES = [
    "on Monday", "Earlier Monday", "Friday’s", "last week", "next year", "May", "may", "March",
    "30 May", "May 29", ", 2023", "2023-05-31", "30.05.2023.", "1998-99", "1998–1999", "the 1990s",
    "yesterday's", "tomorrow", "the next day", "two days ago", "“", "”", "\"", " said on Tuesday ",
    "later that night", "overnight", "from Friday to Sunday", "3-5 May", " or ", "at the end of the weekend",
    "\nNORVILLE, May 29 (AP) — ", "\nFirst published on ", "maybe",
    ", Tuesday, May 30, 2023.", "Resolution 1244", "2000 troops", "31/02/2023", "00.13.2023",
    "9999", "Feb. 30", "the 31st of April", "\n\n", ". ", "over the weekend", "last year's",
    "in early", "mid-", "this past", "Sunday Times", "Bloody Sunday", "©", "0000-00-00",
]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=25).map(" ".join)
DAY = st.dates().map(lambda d: d.isoformat())


@settings(max_examples=300, deadline=None)
@given(text=TEXT, published=st.one_of(st.none(), DAY), copyright_year=st.one_of(st.none(), st.integers(1, 9999)))
def test_find_events_never_raises_and_offsets_slice_back(text, published, copyright_year):
    context = BriefingContext(published=("2023-05-30",), event_days=Counter({"2023-05-29": 2}))
    events, inferred = find_events(text, published=published, copyright_year=copyright_year, context=context)
    for event in events:
        assert text[event.start : event.end] == event.expression
        assert 0 <= event.sentence_start <= event.start < event.end <= len(text)
        assert event.granularity in ("day", "week", "month", "year", "span")
        assert event.value
    if inferred is not None:
        assert published is None
        assert len(inferred[0]) == 10 and inferred[1]


@settings(max_examples=300, deadline=None)
@given(text=st.text())
def test_scan_never_raises_on_arbitrary_text(text):
    previous_end = 0
    for mention in scan(text):
        assert text[mention.start : mention.end] == mention.expression
        assert mention.start >= previous_end  # left to right, no overlaps
        previous_end = mention.end


@settings(max_examples=200, deadline=None)
@given(text=TEXT, url=st.one_of(st.none(), st.text(max_size=40), st.sampled_from(["https://x.example/2023/09/", "https://x.example/2023/02/30/a"])),
       dateline=st.one_of(st.none(), st.tuples(st.sampled_from(["May 16", "30 May", "Feb 30", "x"]), st.integers(-40, -1))),
       copyright_year=st.one_of(st.none(), st.integers(1, 9999)))
def test_addresses_and_datelines_of_any_shape_never_raise(text, url, dateline, copyright_year):
    events, inferred = find_events(text, published=None, url=url, dateline=dateline, copyright_year=copyright_year)
    for event in events:
        if event.start >= 0:
            assert text[event.start : event.end] == event.expression
        assert event.role in ("story", "dateline", "background", "future", "possible")
    if inferred is not None:
        assert len(inferred[0]) == 10 and inferred[1]


@settings(max_examples=100, deadline=None)
@given(text=TEXT, published=st.one_of(st.none(), DAY))
def test_given_sentences_of_any_shape_are_tolerated(text, published):
    # Sentence spans from another component may be empty, overlapping or whitespace only.
    spans = [(0, len(text) // 2), (len(text) // 2, len(text)), (len(text), len(text))]
    for event in find_events(text, published=published, sentences=spans)[0]:
        assert text[event.start : event.end] == event.expression


EDGE_TEXTS = [
    "last week", "next week", "on Monday", "will meet on Friday", "in April", "next month",
    "over the weekend", "on May 29", "tomorrow", "yesterday", "two years ago", "in December",
    "On May 1, police came. The next day, they left.", "last month", "this past Sunday",
]


def test_anchors_at_the_edges_of_the_calendar_do_not_raise():
    for published in ("0001-01-01", "0001-01-02", "9999-12-30", "9999-12-31"):
        for text in EDGE_TEXTS:
            for event in find_events(text, published=published)[0]:
                assert text[event.start : event.end] == event.expression
    edge_context = BriefingContext(event_days=Counter({"0001-01-01": 1, "9999-12-31": 1}), published=("9999-12-31",))
    # Candidate days around these event days fall off the calendar; they must be skipped.
    events, inferred = find_events("Police fired tear gas on Monday.", context=edge_context)
    assert inferred[0] == "0001-01-01"  # a Monday, and the only one the context supports
    assert [e.value for e in events] == ["0001-01-01"]


@settings(max_examples=500, deadline=None)
@given(text=TEXT)
def test_trigger_scan_finds_what_a_full_regex_pass_finds(text):
    from briefing.core.nlp.temporal_scan import TEMPORAL, matches

    assert [m.span() for m in matches(text)] == [m.span() for m in TEMPORAL.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(TEXT, st.text(max_size=60)))
def test_trigger_places_from_tokens_find_what_the_text_search_finds(text):
    from briefing.core.nlp.temporal_scan import matches, token_candidates

    doc = _TOKENIZER(text)
    candidates = token_candidates([t.text for t in doc], [t.idx for t in doc])
    assert [m.span() for m in matches(text, candidates)] == [m.span() for m in matches(text)]
