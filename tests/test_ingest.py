"""Ingest: every input format, the seeds' datelines and dates, decoding of awkward bytes."""

from __future__ import annotations

import csv
import importlib
import importlib.util
import json
from pathlib import Path

import pytest
from briefing.core.ingest import discover, parse_bytes, parse_file
from briefing.core.ingest.decode import NotText, decode_bytes
from briefing.core.models import FileProblem, ParsedArticle

from tests.conftest import GOLD

DATA = Path(__file__).resolve().parent.parent / "data"


def only_article(items) -> ParsedArticle:
    articles = [i for i in items if isinstance(i, ParsedArticle)]
    assert len(articles) == 1, items
    return articles[0]


def gold_articles() -> dict[str, dict]:
    with open(GOLD / "seeds_articles.tsv", encoding="utf-8") as handle:
        return {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}


def test_the_gold_annotates_the_bundled_articles_as_they_are():
    """Every gold quote is found word for word in its bundled article: the text was not changed."""
    with open(GOLD / "seeds_quotes.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == 24
    for row in rows:
        assert row["quote"] in (DATA / row["file"]).read_text(encoding="utf-8"), row


@pytest.mark.parametrize("name", sorted(gold_articles()))
def test_seed_outlets_and_dates_match_gold(name):
    gold = gold_articles()[name]
    article = only_article(parse_file(DATA / name))
    expected_outlet = None if gold["outlet"].startswith("unknown") else gold["outlet"]
    assert article.outlet == expected_outlet
    if gold["published"] != "unknown":
        assert article.published == gold["published"]
    else:
        assert article.published is None and article.published_source == "unknown"
    assert (article.captured or "") == gold["captured"]


def test_kyiv_seed_dateline_beats_capture_header():
    article = only_article(parse_file(DATA / "002_9ff1f4b1b3b910a3.txt"))
    assert article.published == "2023-05-30"
    assert article.published_source == "dateline"
    assert article.place == "Kyiv, Ukraine"
    assert article.captured == "2023-06-15T06:40"
    assert article.body.startswith("In the north of partially recognized Kosovo")


def test_ap_seed_header_and_wire_dateline():
    article = only_article(parse_file(DATA / "003_4ab14f8341552d8d.txt"))
    assert article.published_source == "header"
    assert article.place == "Zvecan, Kosovo"
    assert article.body.startswith("Troops from the NATO-led")
    assert article.body.rstrip().endswith("bordering Serbia.")  # copyright footer left out
    assert article.copyright_year == 2023


def test_bloomberg_seed_footer_byline_and_title():
    article = only_article(parse_file(DATA / "000_f5ec45a519c0155c.txt"))
    assert article.body.startswith("Violence escalated")
    assert "©2023" not in article.body and "With assistance" not in article.body
    assert article.byline == "With assistance from Jan Bratanic"
    assert article.copyright_year == 2023
    assert article.title.startswith("Violence escalated in northern Kosovo")
    assert len(article.title) <= 90
    assert article.words == len(article.body.split())


def test_stored_text_is_the_whole_decoded_file():
    raw = (DATA / "003_4ab14f8341552d8d.txt").read_text(encoding="utf-8")
    assert only_article(parse_file(DATA / "003_4ab14f8341552d8d.txt")).text == raw


@pytest.mark.parametrize(
    "head, outlet, place, published",
    [
        ("BELGRADE, Serbia (AA) - Serbia said", "Anadolu Agency", "Belgrade, Serbia", None),
        ("BRUSSELS, May 30 (Reuters) - NATO said", "Reuters", "Brussels", "2023-05-30"),
        ("(Bloomberg) -- Violence escalated", "Bloomberg", None, None),
        ("PRISTINA, Kosovo (AP) — Police said", "The Associated Press", "Pristina, Kosovo", None),
        ("Pristina (AFP) - Police said", "Agence France-Presse", "Pristina", None),
        ("Kyiv, Ukraine (Ukrinform) — Police said", "Ukrinform", "Kyiv, Ukraine", None),
        ("Belgrade, June 2 (Reuters) - Police said", "Reuters", "Belgrade", "2023-06-02"),
    ],
)
def test_wire_datelines(head, outlet, place, published):
    text = f"{head} on Monday that talks would go on.\n\n© 2023 Reuters. All rights reserved."
    article = only_article(parse_bytes("a.txt", text.encode()))
    assert article.outlet == outlet
    assert article.place == place
    assert article.published == published
    assert not article.body.startswith(head.split()[0])


def test_byline_line_is_read_and_left_out_of_the_body():
    text = "By Jovana Gec and Llazar Semini\n\nPRISTINA, Kosovo (AP) — Police said on Monday.\n"
    article = only_article(parse_bytes("a.txt", text.encode()))
    assert article.byline == "Jovana Gec and Llazar Semini"
    assert article.body.startswith("Police said")


def test_markdown_front_matter():
    text = (
        "---\ntitle: NATO sends more troops\nsource: Balkan Insight\nurl: https://example.org/a\n"
        "published: 2023-05-30T10:00:00Z\nauthor: [Ana, Ivan]\n---\n\n# Ignored heading\n\nNATO said on Tuesday it would send 700 troops.\n"
    )
    article = only_article(parse_bytes("a.md", text.encode()))
    assert (article.title, article.outlet, article.url) == ("NATO sends more troops", "Balkan Insight", "https://example.org/a")
    assert article.published == "2023-05-30" and article.published_source == "front-matter"
    assert article.byline == "Ana, Ivan"
    assert article.body.startswith("NATO said on Tuesday")
    assert article.format == "markdown"


def test_markdown_heading_is_the_title_without_front_matter():
    article = only_article(parse_bytes("a.md", b"# Clashes in Zvecan\n\nPolice said on Monday.\n"))
    assert article.title == "Clashes in Zvecan"
    assert article.published is None and article.published_source == "unknown"


def test_broken_front_matter_is_a_note_not_a_failure():
    article = only_article(parse_bytes("a.md", b"---\ntitle: [unclosed\n---\nBody text here.\n"))
    assert any("not valid YAML" in w for w in article.warnings)
    assert "Body text here." in article.body
    # The line named is in the front matter (line 2 of the file), not its closing ---.
    assert any("(line 2)" in w for w in article.warnings), article.warnings
    article = only_article(parse_bytes("b.md", b"---\ntitle: ok\na: b: c\n---\nBody.\n"))
    assert any("not valid YAML (line 3)" in w for w in article.warnings), article.warnings


def test_json_lines_good_and_bad_lines():
    lines = [
        json.dumps({"title": "One", "text": "NATO said on Monday.", "source": "AP", "published": "2023-05-29"}),
        "{not json",
        json.dumps({"title": "No text"}),
        json.dumps({"headline": "Two", "body": "Vucic said on Friday.", "outlet": "N1", "url": "u2"}),
    ]
    items = parse_bytes("feed.jsonl", "\n".join(lines).encode())
    articles = [i for i in items if isinstance(i, ParsedArticle)]
    problems = [i for i in items if isinstance(i, FileProblem)]
    assert [a.title for a in articles] == ["One", "Two"]
    assert [a.path for a in articles] == ["feed.jsonl#1", "feed.jsonl#4"]
    assert articles[0].published == "2023-05-29" and articles[1].url == "u2"
    assert ["line 2" in problems[0].reason, "line 3" in problems[1].reason] == [True, True]


def requires_installed(module: str) -> None:
    """Skip when `module` is not installed; when it is installed, it must import (a broken one fails)."""
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed")
    importlib.import_module(module)


def test_html_page_through_trafilatura():
    requires_installed("trafilatura")
    paragraphs = "".join(
        f"<p>NATO said on Monday that {n} more soldiers would be sent to northern Kosovo to calm the situation.</p>"
        for n in range(8)
    )
    html = (
        "<!doctype html><html><head><title>Troops sent | Example News</title>"
        '<meta property="og:site_name" content="Example News">'
        '<meta property="article:published_time" content="2023-05-30"></head>'
        f"<body><nav>Home | World</nav><article><h1>Troops sent</h1>{paragraphs}</article>"
        "<footer>Cookie policy</footer></body></html>"
    )
    article = only_article(parse_bytes("page.html", html.encode()))
    assert "700" not in article.text and "more soldiers" in article.text
    assert "Cookie policy" not in article.text
    assert article.published == "2023-05-30"
    assert article.format == "html"


# --- decoding ----------------------------------------------------------------------------------


def test_a_broken_extractor_is_named_not_called_missing(monkeypatch):
    """trafilatura present but failing on one of its own imports is reported as broken."""
    import builtins

    real_import = builtins.__import__

    def broken(name, *args, **kwargs):
        if name == "trafilatura":
            raise ModuleNotFoundError("No module named 'lxml_html_clean'", name="lxml_html_clean")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", broken)
    problems = [i for i in parse_bytes("page.html", b"<html><body><p>Hi</p></body></html>") if isinstance(i, FileProblem)]
    assert len(problems) == 1
    assert "installed but cannot load" in problems[0].reason and "lxml_html_clean" in problems[0].reason


def test_utf16_with_bom():
    decoded = decode_bytes("\ufeffVučić said on Monday.".encode("utf-16"))
    assert decoded.text == "Vučić said on Monday."


def test_cp1252_is_decoded_and_noted():
    decoded = decode_bytes("“Quoted” text — with a dash".encode("cp1252"))
    assert decoded.text == "“Quoted” text — with a dash"
    assert decoded.encoding == "cp1252" and decoded.warnings


def test_crlf_and_control_characters_are_normalised():
    decoded = decode_bytes(b"Line one\r\nLine \x1b[31mtwo\x1b[0m\x07\r\n")
    assert decoded.text == "Line one\nLine two\n"


@pytest.mark.parametrize("data, reason", [(b"", "empty"), (b"  \n\t\n", "white space"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary")])
def test_not_text_gets_a_reason(data, reason):
    with pytest.raises(NotText, match=reason):
        decode_bytes(data)


def test_discover_recurses_skips_hidden_and_survives_link_loops(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("One.")
    (tmp_path / ".hidden.txt").write_text("no")
    (tmp_path / "a" / "loop").symlink_to(tmp_path)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing")
    found, problems = discover([tmp_path])
    assert [Path(c.path).name for c in found] == ["one.txt"]
    assert [Path(p.path).name for p in problems] == ["dangling.txt"]
