"""Cost linear in an article's size: long runs of punctuation, many events, many quotes."""

from __future__ import annotations

import re

import pytest
from briefing.core.models import ParsedArticle
from briefing.core.nlp.pipeline import LONG_RUN, Extractor, build_nlp, make_doc
from briefing.core.settings import Settings

STORY = "The mayor of Dunmore said on Monday that the bridge was open. "


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(Settings())


@pytest.mark.parametrize("mark", ['"', "”", ")", "(", "'", ".", '",'])
def test_the_tokenizer_is_never_given_a_long_run_of_punctuation(nlp, monkeypatch, mark):
    # spaCy strips a run's marks one at a time, searching the rest again each time: quadratic.
    given: list[str] = []
    real = nlp.make_doc
    monkeypatch.setattr(nlp, "make_doc", lambda text: given.append(text) or real(text))
    text = STORY + mark * 20_000 + "\n" + STORY
    doc = make_doc(nlp, text)
    assert doc.text == text
    longest = max((len(m.group()) for piece in given for m in re.finditer(r"[^\w\s]+", piece)), default=0)
    assert longest < LONG_RUN


def test_text_without_long_runs_is_tokenized_as_spacy_does(nlp):
    text = '"We are open," the mayor said... -- (really!) ' * 50 + "=" * 80
    assert [t.text for t in make_doc(nlp, text)] == [t.text for t in nlp.make_doc(text)]


def test_an_article_with_a_long_run_of_closing_quotes_is_extracted_with_exact_offsets():
    text = '"The bridge is open," the mayor of Dunmore said on Monday. ' + '"' * 20_000 + " The governor said on Tuesday that the road was shut."
    extraction = Extractor(Settings()).extract(ParsedArticle(path="a.txt", text=text, published="2023-05-04"))
    assert extraction.quotes and all(text[q.start : q.end] == q.text for q in extraction.quotes)


def test_events_are_read_with_their_following_text_reading_each_article_once(fresh_db, tmp_path, monkeypatch):
    from briefing.core.indexer import index_paths
    from briefing.core.linking.events import FOLLOWING_CHARS
    from briefing.core.store import links

    days = ["Monday", "Tuesday", "Wednesday"]
    body = "".join(f"Ünïcode first. On {days[n % 3]} police in Dunmore said {n} people were hurt near the bridge. " for n in range(300))
    (tmp_path / "a.md").write_text("---\npublished: 2023-06-01\n---\n" + body)
    index_paths(fresh_db, [tmp_path])
    text = fresh_db.execute("SELECT text FROM articles").fetchone()[0]
    statements: list[str] = []
    fresh_db.conn.set_trace_callback(statements.append)
    events = links.short_events_of_week(fresh_db, "2023-05-29", "2023-06-04", FOLLOWING_CHARS)
    fresh_db.conn.set_trace_callback(None)
    assert len(events) == 300
    for event in events:
        assert event.from_sentence == text[event.sentence_start : event.sentence_end + FOLLOWING_CHARS]
    # The article's text is read once for the week, not once for each of its 300 events.
    assert sum("text" in s and "FROM articles" in s for s in statements) == 1
    assert not any("substr" in s for s in statements)
