"""Hostile metadata: values YAML or JSON cannot build, alias bombs, partial dates, control characters."""

from __future__ import annotations

import json

import pytest
from briefing.core.indexer import index_paths
from briefing.core.ingest import parse_bytes
from briefing.core.models import FileProblem, ParsedArticle
from briefing.core.store.reads import counts

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


def test_a_json_number_of_thousands_of_digits_keeps_the_line():
    lines = [json.dumps({"text": BODY, "id": 1}), '{"text": "%s", "views": %s}' % (BODY.strip(), "9" * 5000)]
    items = parse_bytes("a.jsonl", "\n".join(lines).encode())
    assert [type(item) for item in items] == [ParsedArticle, ParsedArticle]


def test_a_too_deeply_nested_json_line_is_that_lines_problem_only():
    deep = '{"a":' * 100_000 + "1" + "}" * 100_000
    lines = [json.dumps({"text": BODY}), deep, json.dumps({"text": "The governor said on Tuesday that the road was shut."})]
    items = parse_bytes("a.jsonl", "\n".join(lines).encode())
    assert [type(item) for item in items] == [ParsedArticle, FileProblem, ParsedArticle]
    assert "line 2" in items[1].reason
