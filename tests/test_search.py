"""Search: diacritics and Cyrillic fold together, any typed string is a valid query, offsets mark matches."""

from __future__ import annotations

import pytest
from briefing.core.errors import QueryError
from briefing.core.models import Extraction, ParsedArticle, Quote
from briefing.core.settings import Settings
from briefing.core.store.database import update_words, write_article
from briefing.core.store.search import (
    PREFIX_MIN_LETTERS,
    build_match,
    parse_query,
    prefix_alternatives,
    quote_marks,
    search,
)
from briefing.core.store.stems import stem, tokens
from hypothesis import given, settings
from hypothesis import strategies as st

HOSTILE = ["Vucic's", "KFOR-led", '"unbalanced', "NOT", "*", "(", "^", "col:x", "AND OR", "a\"b\"c", "NEAR(x y)", "", "   ", "-", "'", "\\", "%", "_",
           # Bytes that are not UTF-8 in a command's arguments reach Python as lone surrogates.
           "acc\udcff", "\ud800"]


def search_articles(db, text, *, raw=False, limit=50):
    """The article hits of one search."""
    return search(db, parse_query(db, text, raw=raw), quotes=0, articles=limit).articles


def matching_quote_ids(db, text, *, raw=False):
    """The quote ids of one search, best first."""
    return search(db, parse_query(db, text, raw=raw), articles=0, quotes=10_000).quote_ids


def add(db, path, text, title=None, quotes=()):
    article = ParsedArticle(path=path, text=text, title=title)
    with db.atomic():
        return write_article(db, article, path, path, Extraction(quotes=tuple(quotes)), Settings(), "test")


@pytest.fixture
def db(fresh_db):
    add(fresh_db, "vucic.txt", "Serbian President Aleksandar Vucic said the army was on alert.", title="Vucic speaks")
    add(fresh_db, "vucic-diacritics.txt", "Predsednik Aleksandar Vučić je rekao.")
    add(fresh_db, "cyrillic.txt", "Председник Александар Вучић је рекао да ће војска остати.")
    add(fresh_db, "djokovic.txt", "Novak Đoković won in Belgrade.")
    add(
        fresh_db,
        "kfor.txt",
        "The KFOR-led force said it was an unbalanced response. Troops were not hurt.",
        title="Troops in Zvecan",
        quotes=[Quote(0, 20, "KFOR-led force said", "direct", "said", "KFOR", "KFOR", "organisation")],
    )
    update_words(fresh_db)
    return fresh_db


def paths(hits):
    return sorted(h.path for h in hits)


def test_latin_diacritics_and_cyrillic_find_each_other(db):
    expected = ["cyrillic.txt", "vucic-diacritics.txt", "vucic.txt"]
    assert paths(search_articles(db, "Vucic")) == expected
    assert paths(search_articles(db, "Vučić")) == expected
    assert paths(search_articles(db, "Вучић")) == expected


def test_dj_spelling_finds_the_crossed_d(db):
    assert paths(search_articles(db, "Djokovic")) == ["djokovic.txt"]
    assert paths(search_articles(db, "Đoković")) == ["djokovic.txt"]


def test_last_word_is_a_prefix_for_search_as_you_type(db):
    assert paths(search_articles(db, "Zvec")) == ["kfor.txt"]
    assert paths(search_articles(db, "Zvec ")) == []  # a finished word is matched whole


def test_title_match_ranks_above_body_match(db):
    add(db, "body-only.txt", "Troops and more troops and troops again.")
    hits = search_articles(db, "troops")
    assert hits[0].path == "kfor.txt"


def test_snippet_marks_are_offsets_into_plain_text(db):
    hit = search_articles(db, "unbalanced")[0]
    assert "\x02" not in hit.snippet.text and "\x03" not in hit.snippet.text
    assert [hit.snippet.text[s:e] for s, e in hit.snippet.marks] == ["unbalanced"]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_strings_are_valid_queries(db, query):
    search_articles(db, query)
    matching_quote_ids(db, query)


def test_hostile_strings_still_find_their_words(db):
    assert paths(search_articles(db, "KFOR-led")) == ["kfor.txt"]
    assert paths(search_articles(db, '"unbalanced')) == ["kfor.txt"]
    assert paths(search_articles(db, "Vucic's")) == ["cyrillic.txt", "vucic-diacritics.txt", "vucic.txt"]
    assert paths(search_articles(db, "NOT")) == ["kfor.txt"]  # a word, not an operator


def test_raw_mode_passes_syntax_and_reports_errors(db):
    assert paths(search_articles(db, "troops NOT unbalanced", raw=True)) == []
    assert paths(search_articles(db, "troops OR Djokovic", raw=True)) == ["djokovic.txt", "kfor.txt"]
    for bad in ("NEAR(", '"unbalanced', "nosuchcolumn: x"):
        with pytest.raises(QueryError, match="Not a valid search"):
            search_articles(db, bad, raw=True)


def test_quotes_are_searched_by_text_and_speaker(db):
    ids = matching_quote_ids(db, "KFOR")
    assert len(ids) == 1
    marks = quote_marks(db, parse_query(db, "force"), ids)[ids[0]]
    assert [marks.text[s:e] for s, e in marks.marks] == ["force"]


def test_build_match_quotes_every_word():
    assert build_match("NOT (xy") == '"NOT" "(xy"'  # two letters: matched whole
    assert build_match("NOT (xyz") == '"NOT" "(xyz" *'
    assert build_match("*") is None
    assert build_match('a"b"cde') == '"a" "b" "cde" *'


def test_build_match_reads_double_quotes_as_a_phrase():
    assert build_match('Vucic "told reporters"') == '"Vucic" "told reporters"'  # closed: no prefix
    assert build_match('Vucic "told rep') == '"Vucic" "told rep" *'  # open: still being typed
    assert build_match("“told reporters” Vucic") == '"told reporters" "Vucic" *'
    assert build_match("„told  reporters“") == '"told reporters"'
    # Inside a phrase the possessive stays: FTS5 reads the phrase as the text was indexed.
    assert build_match('"Vucic\'s party" ') == '"Vucic\'s party"'
    assert build_match('"" " * " xyz') == '"xyz" *'
    assert build_match('"') is None


@pytest.fixture
def phrases_db(fresh_db):
    add(fresh_db, "adjacent.txt", "Police said it was an unbalanced response to the protest.",
        quotes=[Quote(0, 11, "Police said", "direct", "said", "Police", "police", "organisation")])
    add(fresh_db, "apart.txt", "The response, police said, was not unbalanced.")
    update_words(fresh_db)
    return fresh_db


def test_a_phrase_finds_its_words_together_and_in_order(phrases_db):
    assert paths(search_articles(phrases_db, "unbalanced response ")) == ["adjacent.txt", "apart.txt"]
    for typed in ('"unbalanced response"', "“unbalanced response”", '"unbalanced respon', '"unbalanced responses"'):
        assert paths(search_articles(phrases_db, typed)) == ["adjacent.txt"], typed
    assert paths(search_articles(phrases_db, '"response unbalanced"')) == []
    assert len(matching_quote_ids(phrases_db, '"police said"')) == 1
    assert matching_quote_ids(phrases_db, '"said police"') == []


def test_typing_a_phrase_letter_by_letter_keeps_finding_it(phrases_db):
    typed = '"unbalanced response"'
    for end in range(len('"unbalanced res'), len(typed) + 1):
        assert paths(search_articles(phrases_db, typed[:end])) == ["adjacent.txt"], typed[:end]
    # Its last word begun by one or two letters is matched whole until the third.
    assert paths(search_articles(phrases_db, '"unbalanced re')) == []


def test_a_phrase_marks_its_words_in_the_snippet(phrases_db):
    hit = search_articles(phrases_db, '"unbalanced response"')[0]
    assert [hit.snippet.text[s:e] for s, e in hit.snippet.marks] == ["unbalanced response"]


@pytest.fixture(scope="module")
def module_db(tmp_path_factory):
    from briefing.core.store.database import open_database

    db = open_database(tmp_path_factory.mktemp("q") / "q.db")
    add(db, "a.txt", "Serbian President Aleksandar Vučić said NOT this (really) * ^ col:x. Witnesses were negotiating.")
    update_words(db)
    return db


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_string_is_a_valid_query(module_db, query):
    assert isinstance(search_articles(module_db, query), list)
    assert isinstance(matching_quote_ids(module_db, query), list)


# --- search as you type: a typed prefix finds the words beginning with it, through their stems ---


def _words_by_article(db) -> dict[int, set[str]]:
    rows = db.execute("SELECT id, coalesce(title, '') || ' ' || text || ' ' || coalesce(folded, '') FROM articles")
    return {article_id: set(tokens(text)) for article_id, text in rows}


def _found(db, match: str | None) -> set[int]:
    return {r[0] for r in db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", [match])}


def _prefixes(words: set[str]) -> list[str]:
    return sorted({word[:k] for word in words for k in range(3, len(word) + 1)})


def test_every_prefix_of_every_word_finds_its_articles(seed_db):
    # "accordi" once found nothing: FTS5 stems a prefix too, and "according" is stored as
    # "accord", not under anything beginning "accordi".
    by_article = _words_by_article(seed_db)
    missed = []
    for prefix in _prefixes(set().union(*by_article.values())):
        expected = {a for a, words in by_article.items() if any(w.startswith(prefix) for w in words)}
        if expected - _found(seed_db, parse_query(seed_db, prefix).match):
            missed.append(prefix)
    assert missed == []


def test_a_prefix_finds_only_words_beginning_with_it_or_sharing_their_stem(seed_db):
    # "minis" once became the prefix "mini" (porter takes the "s"), and "witnesses" "wit*",
    # which "with" matches: articles with none of the words typed.
    by_article = _words_by_article(seed_db)
    vocabulary = set().union(*by_article.values())
    stray = []
    for prefix in _prefixes(vocabulary):
        stems = {stem(word) for word in vocabulary if word.startswith(prefix)}
        for article in _found(seed_db, parse_query(seed_db, prefix).match):
            if not any(stem(w) in stems or stem(w).startswith(prefix) for w in by_article[article]):
                stray.append((prefix, article))
    assert stray == []


def test_a_word_of_one_or_two_letters_is_matched_whole_and_a_prefix_from_the_third(fresh_db):
    """"EU" finds the EU, not every word that begins with eu; "eur" begins Europe."""
    add(fresh_db, "eu.txt", "The EU and the UN sent observers.")
    add(fresh_db, "europe.txt", "Observers came from across Europe under a treaty.")
    update_words(fresh_db)
    assert paths(search_articles(fresh_db, "EU")) == ["eu.txt"]
    assert paths(search_articles(fresh_db, "un")) == ["eu.txt"]  # not "under"
    assert paths(search_articles(fresh_db, "eur")) == ["europe.txt"]
    assert paths(search_articles(fresh_db, "und")) == ["europe.txt"]


def test_typing_a_word_letter_by_letter_keeps_finding_it(fresh_db):
    texts = {"talks.txt": "Negotiations resumed. Witnesses said the bridge stayed closed.", "other.txt": "Police came with dogs."}
    for path, text in texts.items():
        add(fresh_db, path, text)
    update_words(fresh_db)
    for word in ("negotiations", "witnesses"):
        for end in range(1, len(word) + 1):
            typed = word[:end]
            # One or two letters are a whole word; from the third, a prefix.
            whole = end < PREFIX_MIN_LETTERS
            expected = sorted(
                p for p, text in texts.items() if any(w == typed if whole else w.startswith(typed) for w in tokens(text))
            )
            assert paths(search_articles(fresh_db, typed)) == expected, typed
    # "wit" is also the beginning of "with"; "witnesses", stemmed "wit", once matched it too.
    assert paths(search_articles(fresh_db, "wit")) == ["other.txt", "talks.txt"]
    assert paths(search_articles(fresh_db, "witnesses")) == ["talks.txt"]
    # A finished word still finds its other forms (stemming), and a word of no article nothing.
    assert paths(search_articles(fresh_db, "witness ")) == ["talks.txt"]
    assert paths(search_articles(fresh_db, "negotiationsx")) == []
    assert matching_quote_ids(fresh_db, "witnes") == []  # no quotes here, and no error


def test_the_alternatives_of_a_prefix(fresh_db):
    add(fresh_db, "a.txt", "Residents rested. Negotiators negotiate; negotiation. Crossing the Ibar.")
    update_words(fresh_db)
    # Left to FTS5 when it is exact: porter leaves the prefix alone and covers every completion.
    assert prefix_alternatives(fresh_db, "ib") is None
    assert prefix_alternatives(fresh_db, "ibar") == [("ibar", True)]
    # "negoti" (the stem of all three) does not begin "negotiat": one word stands for it.
    assert prefix_alternatives(fresh_db, "negotiat") == [("negotiat", True), ("negotiate", False)]
    # "res" is stemmed to "re": one letter more is a prefix FTS5 leaves alone.
    assert prefix_alternatives(fresh_db, "res") == [("resi", True), ("rest", True)]
    assert build_match("police res", alternatives=lambda t: prefix_alternatives(fresh_db, t)) == (
        '"police" AND ("resi" * OR "rest" *)'
    )
    # A hyphenated last word keeps its first part in each alternative's phrase.
    assert parse_query(fresh_db, "KFOR-negotiat").match == '("kfor negotiat" * OR "kfor negotiate")'


def test_articles_whose_words_are_not_read_yet_are_found_by_fts5s_own_prefix(fresh_db):
    add(fresh_db, "a.txt", "Negotiations resumed.")
    update_words(fresh_db)
    # Written by a run that has not ended (or was killed): the vocabulary may lack its words.
    add(fresh_db, "b.txt", "Zvecan stayed calm.")
    assert prefix_alternatives(fresh_db, "zvec") is None
    assert paths(search_articles(fresh_db, "Zvec")) == ["b.txt"]
    update_words(fresh_db)
    assert prefix_alternatives(fresh_db, "zvec") == [("zvec", True)]
