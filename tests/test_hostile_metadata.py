"""Hostile metadata: values YAML or JSON cannot build, alias bombs, partial dates, control characters."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from briefing.core.indexer import index_paths
from briefing.core.ingest import parse_bytes
from briefing.core.ingest.frontmatter import read_date
from briefing.core.models import FileProblem, ParsedArticle
from briefing.core.store.reads import counts, list_sources

BODY = "The mayor of Dunmore said on Monday that the bridge was open again.\n"


def front(block: str) -> bytes:
    return f"---\n{block}\n---\n{BODY}".encode()


def only_article(items) -> ParsedArticle:
    articles = [item for item in items if isinstance(item, ParsedArticle)]
    assert len(articles) == 1, items
    return articles[0]


@pytest.mark.parametrize("value", ["2023-02-30", "2023-01-05T25:00:00", "2023-13-01"])
def test_a_date_yaml_cannot_build_is_a_note_and_the_rest_of_the_block_is_kept(value):
    article = only_article(parse_bytes("a.md", front(f"title: Bridge reopens\npublished: {value}")))
    assert article.title == "Bridge reopens"
    assert article.published is None
    assert any(value in note and "not a date" in note for note in article.warnings)


def test_an_integer_of_thousands_of_digits_in_front_matter_does_not_stop_the_file():
    article = only_article(parse_bytes("a.md", front("title: Bridge reopens\nviews: " + "9" * 5000 + "\nhex: 0x" + "f" * 5000)))
    assert article.title == "Bridge reopens"


def test_one_bad_front_matter_value_does_not_stop_the_run(fresh_db, tmp_path):
    (tmp_path / "bad.md").write_bytes(front("published: 2023-02-30"))
    (tmp_path / "huge.md").write_bytes(front("count: " + "7" * 5000))
    (tmp_path / "good.txt").write_text(BODY)
    report = index_paths(fresh_db, [tmp_path])
    assert report.added == 3 and report.failed == 0
    assert counts(fresh_db).sources == 3


def test_a_yaml_alias_bomb_is_not_expanded():
    # Nine lists of nine references, nine levels deep: 9**9 strings if any field were turned into text.
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for previous, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    lines += ["title: *i", "author: *i", "published: *i", "source: *i", "? *i\n: key that is a list"]
    article = only_article(parse_bytes("bomb.md", front("\n".join(lines))))
    assert article.title != "" and article.outlet is None and article.published is None
    assert len(article.byline or "") < 1000


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023", None),
        ("May 2023", None),
        ("Monday", None),
        ("30 May", None),
        ("2023-05", None),
        ("2023-05-04", "2023-05-04"),
        ("4 May 2023", "2023-05-04"),
        ("2023-05-04T10:00:00Z", "2023-05-04"),
        (dt.date(2023, 5, 4), "2023-05-04"),
        (2023, None),
        (["2023-05-04"], None),
    ],
)
def test_a_partial_date_is_never_completed_from_the_clock(value, expected):
    day, note = read_date(value)
    assert day == expected
    assert (note is None) == (expected is not None)


@pytest.mark.parametrize("value", ["2023", '"May 2023"', "Monday"])
def test_a_partial_front_matter_date_is_not_labelled_as_given(value):
    article = only_article(parse_bytes("a.md", front(f"published: {value}")))
    assert article.published is None and article.published_source != "front-matter"
    assert any("names no single day" in note for note in article.warnings)


def test_a_partial_date_in_a_json_record_is_noted():
    line = json.dumps({"text": BODY, "published": "May 2023"})
    article = only_article(parse_bytes("a.jsonl", line.encode()))
    assert article.published is None
    assert any("May 2023" in note for note in article.warnings)


def test_a_json_number_of_thousands_of_digits_keeps_the_line():
    lines = [json.dumps({"text": BODY, "id": 1}), '{"text": "' + BODY.strip() + '", "views": ' + "9" * 5000 + "}"]
    items = parse_bytes("a.jsonl", "\n".join(lines).encode())
    assert [type(item) for item in items] == [ParsedArticle, ParsedArticle]


def test_a_too_deeply_nested_json_line_is_that_lines_problem_only():
    deep = '{"a":' * 100_000 + "1" + "}" * 100_000
    lines = [json.dumps({"text": BODY}), deep, json.dumps({"text": "The governor said on Tuesday that the road was shut."})]
    items = parse_bytes("a.jsonl", "\n".join(lines).encode())
    assert [type(item) for item in items] == [ParsedArticle, FileProblem, ParsedArticle]
    assert "line 2" in items[1].reason


def test_metadata_is_cleaned_on_the_way_in(fresh_db, tmp_path):
    block = 'title: "A \\e[31mred\\a title \\u202e here"\nsource: "Daily\\x85 Post\\x07"\nauthor: "Ann\\nLee"'
    (tmp_path / "meta.md").write_bytes(front(block))
    index_paths(fresh_db, [tmp_path])
    (source,) = list_sources(fresh_db)
    stored = fresh_db.execute("SELECT title, outlet, byline FROM articles").fetchone()
    for value in stored:
        assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or 0x202A <= ord(c) <= 0x202E for c in value), value
    assert stored == ("A red title here", "Daily Post", "Ann Lee")
    assert source.title == "A red title here"


def test_metadata_of_every_reader_is_cleaned():
    record = {"text": BODY, "title": "Head\x1b]8;;http://x\x07line", "source": "Out\u202elet", "author": ["A\x9b1mB", {"x": 1}]}
    article = only_article(parse_bytes("a.jsonl", json.dumps(record).encode()))
    assert (article.title, article.outlet) == ("Headline", "Outlet")


# --- front matter is metadata, not text (issue 24) ----------------------------------------------

CLIPPED = (
    "---\ntitle: Bridge reopens\nurl: https://news.example/bridge\nsource: Dunmore Courier\npublished: 2023-05-04\n---\n\n"
    '# Bridge reopens\n\n"We are open again," the mayor of Dunmore said on Monday.\n'
)


def test_front_matter_is_not_part_of_the_stored_text():
    article = only_article(parse_bytes("a.md", CLIPPED.encode()))
    assert article.text.startswith("# Bridge reopens")
    assert "url:" not in article.text and "---" not in article.text
    assert (article.title, article.url, article.outlet, article.published) == (
        "Bridge reopens", "https://news.example/bridge", "Dunmore Courier", "2023-05-04",
    )


def test_front_matter_is_neither_searched_nor_quoted_and_offsets_slice_the_text(fresh_db, tmp_path):
    from briefing.core.store.reads import article_text, list_quotes
    from briefing.core.store.search import parse_query, search

    def search_articles(text):
        return search(fresh_db, parse_query(fresh_db, text), quotes=0).articles

    (tmp_path / "a.md").write_text(CLIPPED)
    index_paths(fresh_db, [tmp_path])
    assert search_articles("url") == [] and search_articles("https") == []
    assert len(search_articles("mayor")) == 1
    text = article_text(fresh_db, 1)
    (quote,) = list_quotes(fresh_db)
    assert text[quote.start : quote.end] == quote.text == "We are open again"


def test_front_matter_with_no_text_after_it_is_not_an_article():
    (problem,) = parse_bytes("a.md", b"---\ntitle: Only metadata\n---\n\n")
    assert isinstance(problem, FileProblem) and problem.reason == "has front matter but no article text"


def test_a_database_read_by_an_older_reader_is_read_again(fresh_db, tmp_path, monkeypatch):
    import briefing.core.indexer.files

    (tmp_path / "a.md").write_text(CLIPPED)
    monkeypatch.setattr(briefing.core.indexer.files, "READ_VERSION", 1)
    index_paths(fresh_db, [tmp_path])
    monkeypatch.undo()
    again = index_paths(fresh_db, [tmp_path])
    assert (again.updated, again.unchanged) == (1, 0)
