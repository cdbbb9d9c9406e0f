"""One bad file is one failed file: any error reading or extracting an article is that article's, and is retried."""

from __future__ import annotations

from pathlib import Path

import briefing.core.indexer.files
import pytest
from briefing.core.indexer import index_paths
from briefing.core.nlp.pipeline import Extractor
from briefing.core.store.database import open_database
from briefing.core.store.reads import counts, list_sources

DATED = "---\npublished: 2023-05-04\n---\nThe mayor of Dunmore said on Monday that the bridge was open again.\n"
UNDATED = "The governor of Westby said the road would stay shut, officials told reporters.\n"


@pytest.fixture
def failing_extraction(monkeypatch):
    """Extraction runs out of memory on any article whose text names Westby or Dunmore's bridge, as told."""
    real = Extractor.extract
    failing: set[str] = set()

    def extract(self, article, context=None):
        if any(word in article.text for word in failing):
            raise MemoryError()
        return real(self, article, context)

    monkeypatch.setattr(Extractor, "extract", extract)
    return failing


def test_an_undated_article_whose_extraction_fails_is_a_named_failure_and_retried(fresh_db, tmp_path, failing_extraction):
    (tmp_path / "dated.md").write_text(DATED)
    (tmp_path / "undated.txt").write_text(UNDATED)
    failing_extraction.add("Westby")
    report = index_paths(fresh_db, [tmp_path])
    assert report.added == 2 and report.failed == 1
    (problem,) = [p for p in report.problems if p.skipped]
    assert Path(problem.path).name == "undated.txt"
    assert "could not be extracted (MemoryError)" in problem.reason and "next run tries again" in problem.reason
    assert counts(fresh_db).sources == 2  # the text is kept
    failing_extraction.clear()
    again = index_paths(fresh_db, [tmp_path])
    assert (again.updated, again.failed) == (1, 0)
    # Both articles' quotes, as an index run that never failed finds them.
    clean = open_database(tmp_path / "clean" / "briefing.db")
    index_paths(clean, [tmp_path / "dated.md", tmp_path / "undated.txt"])
    assert counts(fresh_db).quotes == counts(clean).quotes >= 2


def test_a_dated_article_whose_extraction_fails_is_retried(fresh_db, tmp_path, failing_extraction):
    (tmp_path / "dated.md").write_text(DATED)
    failing_extraction.add("bridge")
    report = index_paths(fresh_db, [tmp_path])
    assert (report.added, report.failed, counts(fresh_db).quotes) == (1, 1, 0)
    failing_extraction.clear()
    again = index_paths(fresh_db, [tmp_path])
    assert (again.updated, again.failed, counts(fresh_db).quotes) == (1, 0, 1)


def test_any_error_reading_one_file_is_that_files_failure(fresh_db, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(UNDATED)
    (tmp_path / "b.txt").write_text(UNDATED.replace("Westby", "Eastby"))
    real = briefing.core.indexer.files.parse_bytes

    def parse(path, data):
        if path.endswith("a.txt"):
            raise RuntimeError("a reader's bug")
        return real(path, data)

    monkeypatch.setattr(briefing.core.indexer.files, "parse_bytes", parse)
    report = index_paths(fresh_db, [tmp_path])
    assert report.added == 1 and report.failed == 1
    assert {Path(p.path).name: p.reason for p in report.problems} == {"a.txt": "could not be read (RuntimeError: a reader's bug)"}
    assert [Path(s.path).name for s in list_sources(fresh_db)] == ["b.txt"]


def test_extract_goes_on_past_an_article_it_cannot_extract(tmp_path, failing_extraction):
    from briefing.core.extract import extract_files

    (tmp_path / "a.txt").write_text(UNDATED)
    (tmp_path / "b.md").write_text(DATED)
    failing_extraction.add("Westby")
    result = extract_files([str(tmp_path / "a.txt"), str(tmp_path / "b.md")])
    assert [Path(a["path"]).name for a in result.articles] == ["b.md"]
    (problem,) = result.problems
    assert problem["skipped"] and "could not be extracted (MemoryError)" in problem["reason"]
