"""Hostile input: odd encodings, huge and vanishing files, pipes, thousands of files, any text at all."""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import briefing.core.indexer.run
import pytest
from briefing.core.indexer import index_paths
from briefing.core.ingest import discover, parse_bytes
from briefing.core.ingest.decode import decode_bytes
from briefing.core.models import ParsedArticle
from briefing.core.store.database import check_database, open_database
from briefing.core.store.reads import article_text, counts, list_sources
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

STORY = "PRISTINA, Kosovo (AP) — Police said on Monday that the town was calm.\n"


def problems_by_name(report) -> dict[str, str]:
    return {Path(p.path).name: p.reason for p in report.problems}


def test_mostly_utf8_with_a_broken_byte_is_kept_and_noted(fresh_db, tmp_path):
    (tmp_path / "a.txt").write_bytes(STORY.encode() + b"Vu\xc4i\xc4\x87 said.\n" * 2 + "Vučić said it again.".encode())
    report = index_paths(fresh_db, [tmp_path])
    assert report.added == 1 and report.failed == 0
    assert "replaced" in problems_by_name(report)["a.txt"]
    assert "Vučić said it again." in article_text(fresh_db, 1)


def test_utf16_crlf_and_latin1_files_index(fresh_db, tmp_path):
    (tmp_path / "utf16.txt").write_bytes(STORY.replace("\n", "\r\n").encode("utf-16"))
    (tmp_path / "latin1.txt").write_bytes("Der Präsident sagte am Montag: «Wir sind bereit.»\r\n".encode("latin-1"))
    report = index_paths(fresh_db, [tmp_path])
    assert report.added == 2 and report.failed == 0
    texts = sorted(article_text(fresh_db, s.id) for s in list_sources(fresh_db))
    assert texts[1].startswith("PRISTINA") and "\r" not in texts[1]
    assert texts[0].startswith("Der Präsident")


def test_vanished_and_unreadable_files_are_named_and_the_run_goes_on(fresh_db, tmp_path, monkeypatch):
    for name in ("a.txt", "gone.txt", "locked.txt"):
        (tmp_path / name).write_text(STORY)
    real_find = briefing.core.indexer.run.find_articles

    def find_then_delete(paths, **options):
        found = real_find(paths, **options)
        (tmp_path / "gone.txt").unlink()  # vanishes between the listing and the reading
        return found

    real_open = os.open

    def guarded_open(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(briefing.core.indexer.run, "find_articles", find_then_delete)
    monkeypatch.setattr(os, "open", guarded_open)
    report = index_paths(fresh_db, [tmp_path])
    assert report.added == 1
    assert problems_by_name(report) == {"gone.txt": "vanished before it could be read", "locked.txt": "permission denied"}


def test_named_pipe_is_not_read(fresh_db, tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    (tmp_path / "a.txt").write_text(STORY)
    assert index_paths(fresh_db, [tmp_path]).added == 1


def test_file_changed_during_the_run_is_read_as_it_is_then(fresh_db, tmp_path):
    target = tmp_path / "a.txt"
    target.write_text(STORY)
    index_paths(fresh_db, [tmp_path])
    target.write_text(STORY.replace("calm", "tense"))
    index_paths(fresh_db, [tmp_path])
    assert "tense" in article_text(fresh_db, 1)
    assert check_database(fresh_db) == []


@pytest.mark.slow
def test_a_long_single_line_file(fresh_db, tmp_path):
    # Several megabytes on one line, no sentence ends: indexed, linear, no error.
    words = " ".join(f"word{n % 5000} said" if n % 50 == 0 else f"w{n % 3000}" for n in range(600_000))
    (tmp_path / "long.txt").write_text(words)
    report = index_paths(fresh_db, [tmp_path])
    assert report.added == 1 and report.failed == 0
    assert len(article_text(fresh_db, 1)) == len(words)


@pytest.mark.slow
def test_a_folder_of_ten_thousand_files(fresh_db, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(10_000):
        (folder / f"{n:05d}.txt").write_text(f"Official {n} said on Monday that talks would go on.\n")
    found, problems = discover([folder])
    assert len(found) == 10_000 and problems == []
    report = index_paths(fresh_db, [folder])
    assert report.added == 10_000 and counts(fresh_db).sources == 10_000
    again = index_paths(fresh_db, [folder])
    assert (again.added, again.unchanged) == (0, 10_000)


# --- property tests ----------------------------------------------------------------------------

_names = (f"p{n}.txt" for n in itertools.count())


@pytest.fixture(scope="module")
def roundtrip_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("roundtrip")
    return folder, open_database(folder / "r.db")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1))
def test_every_indexed_article_reads_back_exactly_as_decoded(roundtrip_db, text):
    folder, db = roundtrip_db
    data = text.encode("utf-8", "surrogatepass")
    try:
        expected = decode_bytes(data).text
    except Exception:
        return  # empty or binary after cleaning: correctly refused, covered elsewhere
    path = folder / "files" / next(_names)
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    index_paths(db, [path])
    source = next(s for s in list_sources(db) if s.path == str(path))
    assert article_text(db, source.id) == expected
    assert json.loads(json.dumps(source.to_dict()))["path"] == str(path)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_parse_or_give_a_reason(data):
    for item in parse_bytes("x.txt", data):
        if isinstance(item, ParsedArticle):
            assert 0 <= item.body_start <= (item.body_end if item.body_end is not None else len(item.text)) <= len(item.text)
        else:
            assert item.reason and "\n" not in item.reason
