"""One search path: a query parsed once, filters inside the search, one highlighter for cards, snippets and the reader."""

from __future__ import annotations

import pytest
from briefing.core.models import Extraction, ParsedArticle, Quote
from briefing.core.settings import Settings
from briefing.core.store.database import update_words, write_article
from briefing.core.store.search import article_marks, parse_query, quote_marks, search
from briefing.tui.loader import load_article


def add(db, path, text, *, title=None, published=None, quotes=()):
    article = ParsedArticle(path=path, text=text, title=title, published=published)
    with db.atomic():
        return write_article(db, article, path, path, Extraction(quotes=tuple(quotes)), Settings(), "test")


def quote_of(text, words, speaker, *, parent=None):
    start = text.index(words)
    return Quote(start, start + len(words), words, "direct", "said", speaker, speaker, "name", parent=parent)


def marked_words(text, marks):
    return [text[s:e] for s, e in marks]


@pytest.fixture
def harbour_db(fresh_db):
    """Forty reports that say "harbour" often, one that says it once, on its own day, quoted by another speaker."""
    for n in range(40):
        text = f"The harbour reopened. Harbour pilots said the harbour was calm. Report {n}."
        add(fresh_db, f"busy-{n:02}.txt", text, published="2024-03-01", quotes=[quote_of(text, "the harbour was calm", "Mara Volk")])
    text = "In a long account of the storm, of the town and its people, one harbour is named once. " + "Rain fell. " * 40
    add(fresh_db, "quiet.txt", text, published="2024-03-09", quotes=[quote_of(text, "one harbour is named once", "Ilan Brek")])
    update_words(fresh_db)
    return fresh_db


def test_filters_are_inside_the_search_so_a_match_beyond_the_first_page_is_found(harbour_db):
    query = parse_query(harbour_db, "harbour ")
    everything = search(harbour_db, query, quotes=5, articles=5)
    quiet_id = harbour_db.execute("SELECT id FROM articles WHERE path = 'quiet.txt'").fetchone()[0]
    assert quiet_id not in [hit.id for hit in everything.articles]  # ranked last of 41
    by_source = search(harbour_db, query, article_id=quiet_id, quotes=5, articles=5)
    assert [hit.id for hit in by_source.articles] == [quiet_id] and by_source.article_total == 1
    by_day = search(harbour_db, query, day="2024-03-09", quotes=5, articles=5)
    assert [hit.id for hit in by_day.articles] == [quiet_id]
    assert len(by_day.quote_ids) == 1 and by_day.quote_total == 1
    by_speaker = search(harbour_db, query, speaker="Ilan Brek", quotes=5, articles=5)
    assert len(by_speaker.quote_ids) == 1 and by_speaker.articles == []  # articles have no speaker


def test_the_totals_count_every_match_not_the_page(harbour_db):
    found = search(harbour_db, parse_query(harbour_db, "harbour "), quotes=5, articles=5)
    assert (len(found.articles), found.article_total) == (5, 41)
    assert (len(found.quote_ids), found.quote_total) == (5, 41)
    page_two = search(harbour_db, parse_query(harbour_db, "harbour "), quotes=5, articles=5, offset=5)
    assert not set(page_two.quote_ids) & set(found.quote_ids) and page_two.quote_total == 41


def test_a_stemmed_word_is_marked_in_the_snippet(fresh_db):
    add(fresh_db, "talks.txt", "The negotiations over the bridge resumed, and the organisers were generous with time.")
    update_words(fresh_db)
    (hit,) = search(fresh_db, parse_query(fresh_db, "negotiate generously organisation "), quotes=0).articles
    assert marked_words(hit.snippet.text, hit.snippet.marks) == ["negotiations", "organisers", "generous"]


def test_the_reader_marks_a_phrase_as_a_phrase(fresh_db):
    text = "The mayor told the council. Later he told reporters the ferry would run, and reporters cheered."
    article_id = add(fresh_db, "ferry.txt", text, title="Ferry")
    update_words(fresh_db)
    query = parse_query(fresh_db, '"told reporters"')
    assert marked_words(text, article_marks(query, text)) == ["told reporters"]
    data = load_article(fresh_db, article_id, query)  # what the reader is given
    assert marked_words(data.text, data.matches) == ["told reporters"]
    # A short word is marked only as itself, never inside a longer one.
    assert marked_words(text, article_marks(parse_query(fresh_db, "he "), text)) == ["he"]


def test_cards_snippets_and_reader_mark_the_same_words(fresh_db):
    text = "Officials met on Monday. “The negotiations will resume at the harbour,” said Tomas Ferrin. Nothing else."
    words = "The negotiations will resume at the harbour,"
    article_id = add(fresh_db, "one.txt", text, quotes=[quote_of(text, words, "Tomas Ferrin")])
    update_words(fresh_db)
    for typed in ("negotiate harbour", '"will resume"', "harb", "ferrin negotiations "):
        query = parse_query(fresh_db, typed)
        found = search(fresh_db, query)
        card = quote_marks(fresh_db, query, found.quote_ids)[found.quote_ids[0]]
        (hit,) = found.articles
        reader = load_article(fresh_db, article_id, query)
        in_card = marked_words(card.text, card.marks)
        in_reader = marked_words(reader.text, reader.matches)
        assert in_card, typed
        # The snippet (the whole short text here) and the reader mark the same words; inside the
        # quote the reader marks exactly what its card does (a speaker's name is outside it).
        assert marked_words(hit.snippet.text, hit.snippet.marks) == in_reader, typed
        start = text.index(words)
        inside = [(s, e) for s, e in reader.matches if start <= s and e <= start + len(words)]
        assert [(s - start, e - start) for s, e in inside] == list(card.marks), typed


def test_a_fragment_is_found_as_its_statement(fresh_db):
    text = "Lena Ostrova said the plan was “a careful first step” and that the ferry would wait. Rain fell."
    statement = quote_of(text, "the plan was “a careful first step” and that the ferry would wait", "Lena Ostrova")
    fragment = quote_of(text, "a careful first step", "Lena Ostrova", parent=0)
    add(fresh_db, "plan.txt", text, quotes=[statement, fragment])
    update_words(fresh_db)
    statement_id = fresh_db.execute("SELECT id FROM quotes WHERE seq = 0").fetchone()[0]
    found = search(fresh_db, parse_query(fresh_db, "careful "))
    # The fragment's better match ranks the statement; the fragment is not listed beside it.
    assert (found.quote_ids, found.quote_total) == ([statement_id], 1)


def test_a_query_is_parsed_once_into_one_value(fresh_db):
    add(fresh_db, "w.txt", "Witnesses were negotiating.")
    update_words(fresh_db)
    query = parse_query(fresh_db, "witnes")
    assert query.match is not None and not query.empty and query == parse_query(fresh_db, "witnes")
    assert parse_query(fresh_db, '" * "').empty
    assert search(fresh_db, parse_query(fresh_db, '" * "')).quote_ids == []


def test_a_search_of_more_matches_than_it_ranks_ranks_those_indexed_last_and_says_so(harbour_db, monkeypatch):
    import briefing.core.store.search as search_module

    query = parse_query(harbour_db, "harbour ")
    everything = search(harbour_db, query, quotes=50, articles=50)
    assert everything.articles_ranked is None and everything.quotes_ranked is None  # 41 matches: all ranked
    monkeypatch.setattr(search_module, "RANK_LIMIT", 10)
    ids = [row[0] for row in harbour_db.execute("SELECT id FROM articles ORDER BY id DESC LIMIT 10")]
    quote_ids = [row[0] for row in harbour_db.execute("SELECT id FROM quotes ORDER BY id DESC LIMIT 10")]
    for rough in (False, True):
        some = search(harbour_db, query, quotes=50, articles=50, rough_total=rough)
        assert sorted(hit.id for hit in some.articles) == sorted(ids)
        assert some.articles_ranked == 10 and some.article_total == 41  # the total still counts every match
        assert sorted(some.quote_ids) == sorted(quote_ids) and some.quotes_ranked == 10 and some.quote_total == 41
        # The ten are in the order a full ranking gives them.
        order = [hit.id for hit in everything.articles if hit.id in ids]
        assert [hit.id for hit in some.articles] == order
    # Just under the limit every match is ranked, and the walk that looked for the bound counted them.
    monkeypatch.setattr(search_module, "RANK_LIMIT", 40)
    pilots = search(harbour_db, parse_query(harbour_db, "pilots "), quotes=5, articles=5, rough_total=True)
    assert (pilots.article_total, pilots.articles_ranked) == (40, None)
    assert search(harbour_db, query, quotes=5, articles=5).articles_ranked == 40  # 41 match
    # A filtered search ranks every match it keeps.
    quiet_day = search(harbour_db, query, day="2024-03-09", quotes=5, articles=5)
    assert quiet_day.articles_ranked is None and quiet_day.article_total == 1
