"""Indexing: the seeds, idempotent and incremental re-runs, removed files, per-file errors, rebuild."""

from __future__ import annotations

import json
import os

import pytest
from briefing.core.indexer import index_paths
from briefing.core.store.database import check_database, get_meta, open_database, unindexed_articles
from briefing.core.store.reads import MOST_QUOTED_KEY, count_most_quoted, counts, list_sources, most_quoted

from tests.test_cli import run


def snapshot(db):
    """Everything a user can see, without ids."""
    return (
        db.execute("SELECT path, content_hash, outlet, title, published, published_source, text FROM articles ORDER BY path").fetchall(),
        db.execute("SELECT a.path, q.seq, q.start, q.\"end\", q.text, q.speaker FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY 1, 2").fetchall(),
        db.execute("SELECT a.path, e.seq, e.value, e.expression FROM events e JOIN articles a ON a.id = e.article_id ORDER BY 1, 2").fetchall(),
    )


def test_seeds_index_to_three_sources(seed_db_path):
    db = open_database(seed_db_path, create=False)
    sources = {s.outlet: s for s in list_sources(db)}
    assert set(sources) == {"Bloomberg", "The Associated Press", None}
    assert sources["The Associated Press"].published == "2023-05-31"
    assert sources[None].published == "2023-05-30"
    assert check_database(db) == []


def test_reindex_is_idempotent(fresh_db, seed_folder):
    first = index_paths(fresh_db, [seed_folder])
    before = snapshot(fresh_db)
    second = index_paths(fresh_db, [seed_folder])
    assert (first.added, second.added, second.updated, second.unchanged) == (3, 0, 0, 3)
    assert snapshot(fresh_db) == before


def test_touched_but_unchanged_file_is_skipped_by_hash(fresh_db, seed_folder):
    index_paths(fresh_db, [seed_folder])
    target = next(seed_folder.glob("003_*.txt"))
    os.utime(target, ns=(1, 1))
    report = index_paths(fresh_db, [seed_folder])
    assert (report.updated, report.unchanged) == (0, 3)


def test_changed_file_is_replaced(fresh_db, seed_folder):
    index_paths(fresh_db, [seed_folder])
    target = next(seed_folder.glob("003_*.txt"))
    target.write_text(target.read_text(encoding="utf-8").replace("Troops from", "Soldiers from"), encoding="utf-8")
    report = index_paths(fresh_db, [seed_folder])
    assert (report.added, report.updated, report.unchanged) == (0, 1, 2)
    text = fresh_db.execute("SELECT text FROM articles WHERE path = ?", [str(target)]).fetchone()[0]
    assert "Soldiers from" in text
    assert check_database(fresh_db) == []


def test_file_gone_from_folder_is_removed(fresh_db, seed_folder):
    index_paths(fresh_db, [seed_folder])
    next(seed_folder.glob("000_*.txt")).unlink()
    report = index_paths(fresh_db, [seed_folder])
    assert report.removed == 1
    assert counts(fresh_db).sources == 2
    assert fresh_db.execute("SELECT count(*) FROM quotes q LEFT JOIN articles a ON a.id = q.article_id WHERE a.id IS NULL").fetchone()[0] == 0
    assert check_database(fresh_db) == []


def test_bad_files_are_named_and_the_rest_indexed(fresh_db, seed_folder):
    (seed_folder / "empty.txt").write_bytes(b"")
    (seed_folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (seed_folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")  # not an article format: left out unread
    report = index_paths(fresh_db, [seed_folder])
    assert report.added == 3
    reasons = {os.path.basename(p.path): p.reason for p in report.problems}
    assert reasons == {"empty.txt": "empty file", "image.txt": "binary file (contains NUL bytes), not text"}
    assert report.failed == 2 and report.left_out == 1


def test_file_that_breaks_keeps_what_was_indexed(fresh_db, seed_folder):
    index_paths(fresh_db, [seed_folder])
    target = next(seed_folder.glob("002_*.txt"))
    target.write_bytes(b"\x00\x01binary now")
    report = index_paths(fresh_db, [seed_folder])
    assert report.failed == 1
    assert counts(fresh_db).sources == 3  # nothing indexed before is lost


def test_json_lines_articles_update_one_by_one(fresh_db, tmp_path):
    feed = tmp_path / "feed" / "a.jsonl"
    feed.parent.mkdir()
    feed.write_text('{"title": "A", "text": "One said."}\n{"title": "B", "text": "Two said."}\n')
    assert index_paths(fresh_db, [feed.parent]).added == 2
    feed.write_text('{"title": "A", "text": "One said."}\n{"title": "B", "text": "Two said again."}\n')
    report = index_paths(fresh_db, [feed.parent])
    assert (report.updated, report.unchanged) == (1, 1)


def test_rebuild_gives_the_same_content(fresh_db, seed_folder):
    index_paths(fresh_db, [seed_folder])
    before = snapshot(fresh_db)
    index_paths(fresh_db, [], rebuild=True)
    assert snapshot(fresh_db) == before


def test_two_jobs_give_the_same_content(tmp_path, seed_folder):
    one = open_database(tmp_path / "one.db")
    two = open_database(tmp_path / "two.db")
    index_paths(one, [seed_folder], jobs=1)
    # Enough files that the process pool is really used.
    for n in range(4):
        for source in list(seed_folder.glob("0*.txt"))[:3]:
            (seed_folder / f"copy{n}_{source.name}").write_bytes(source.read_bytes())
    index_paths(one, [seed_folder], jobs=1)
    index_paths(two, [seed_folder], jobs=2)
    assert snapshot(one) == snapshot(two)


def test_capped_timeline_keeps_counts_outlets_and_notes(seed_db):
    from briefing.core.store.timeline import timeline

    full = timeline(seed_db)
    capped = timeline(seed_db, per_entry=1)
    assert [e.value for e in capped] == [e.value for e in full]
    for whole, first in zip(full, capped):
        assert (first.outlets, first.disagreements, first.total) == (whole.outlets, whole.disagreements, len(whole.events))
        assert len(first.events) == 1 and first.hidden == len(whole.events) - 1


def test_most_quoted_is_stored_by_the_index_run_and_kept_current(fresh_db, seed_folder):
    index_paths(fresh_db, [seed_folder])
    stored = json.loads(get_meta(fresh_db, MOST_QUOTED_KEY))
    assert [tuple(s) for s in stored] == count_most_quoted(fresh_db)
    assert most_quoted(fresh_db, 3) == [tuple(s) for s in stored[:3]]
    # A new article that quotes someone else a lot moves the ranking at the next run.
    (seed_folder / "zz.txt").write_text(
        "Pristina, May 31 (Reuters) -\n\n"
        + "\n\n".join(f'"We stand firm, point {n}," said Kosovo Prime Minister Albin Kurti.' for n in range(20)),
        encoding="utf-8",
    )
    index_paths(fresh_db, [seed_folder])
    assert most_quoted(fresh_db, 1) == [("Albin Kurti", False)]


def test_most_quoted_is_counted_when_nothing_was_stored(fresh_db, seed_folder):
    index_paths(fresh_db, [seed_folder])
    with fresh_db.atomic():
        fresh_db.execute("DELETE FROM meta WHERE key = ?", [MOST_QUOTED_KEY])
    assert most_quoted(fresh_db, 3) == count_most_quoted(fresh_db)[:3]


def test_stored_timeline_summary_matches_counting_and_is_not_read_while_stale(fresh_db, seed_folder, monkeypatch):
    from briefing.core.store import timeline as timeline_module
    from briefing.core.store.timeline import SUMMARY_KEY, timeline

    def shown(entries):
        return [(e.value, e.total, e.outlets, e.disagreements, [ev.id for ev in e.events]) for e in entries]

    index_paths(fresh_db, [seed_folder])
    assert get_meta(fresh_db, SUMMARY_KEY) == "current"
    assert timeline_module._stored_summaries(fresh_db, 2) is not None
    stored = shown(timeline(fresh_db, per_entry=2))
    with monkeypatch.context() as patch:
        patch.setattr(timeline_module, "_stored_summaries", lambda db, per_entry: None)
        counted = shown(timeline(fresh_db, per_entry=2))
    assert stored == counted and len(stored) > 3
    # Owed work (a run killed before linking): the summary is not trusted, the timeline is counted.
    with fresh_db.atomic():
        fresh_db.execute("INSERT INTO owed (kind, key) VALUES ('all-links', '')")
    assert timeline_module._stored_summaries(fresh_db, 2) is None
    # More events per date than were stored: counted too.
    with fresh_db.atomic():
        fresh_db.execute("DELETE FROM owed")
    assert timeline_module._stored_summaries(fresh_db, timeline_module.SUMMARY_EVENTS_PER_DATE + 1) is None


def _links(db):
    """What the cross-source linkers set, by article path and position (ids differ between runs)."""
    events = db.execute(
        "SELECT a.path, e.seq, c.path, c2.seq, e.disagreement FROM events e JOIN articles a ON a.id = e.article_id "
        "JOIN events c2 ON c2.id = e.cluster_id JOIN articles c ON c.id = c2.article_id ORDER BY 1, 2"
    ).fetchall()
    statements = db.execute(
        "SELECT a.path, q.seq, s.path, s2.seq FROM quotes q JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN quotes s2 ON s2.id = q.statement_id LEFT JOIN articles s ON s.id = s2.article_id ORDER BY 1, 2"
    ).fetchall()
    return events, statements


def _article(folder, name, outlet, published, body):
    (folder / name).write_text(f"---\ntitle: {name}\nsource: {outlet}\npublished: {published}\n---\n\n{body}\n", encoding="utf-8")


def test_adding_and_removing_articles_relinks_only_what_they_reach(tmp_path):
    """Relinking the weeks and dates a change touches gives what relinking everything gives."""
    from briefing.core.indexer.links import relink_events, relink_statements

    folder = tmp_path / "news"
    folder.mkdir()
    clash = ("Serb protesters clashed with NATO peacekeepers outside the municipal building in Zvecan "
             "on {day}, and {n} soldiers were injured.")
    quote = '"We will not tolerate attacks on our soldiers," NATO said in a statement.'
    arrests = "Kosovo police arrested four local Serbs in Leposavic on {day} after the unrest."
    _article(folder, "a.md", "Outlet A", "2023-05-31", f"{clash.format(day='Monday', n=30)} {quote} In 2008 Kosovo declared independence.")
    _article(folder, "c.md", "Outlet C", "2023-06-07", arrests.format(day="Tuesday"))
    db = open_database(tmp_path / "b.db")
    index_paths(db, [folder])
    # Another week's report of the same clash, dated a day earlier; the arrests dated otherwise.
    _article(folder, "b.md", "Outlet B", "2023-05-31", f"{clash.format(day='Sunday', n='about 25')} {quote} In 2008 Kosovo declared independence.")
    _article(folder, "d.md", "Outlet D", "2023-06-07", arrests.format(day="Monday"))
    index_paths(db, [folder])
    incremental = _links(db)
    notes = [note for *_rest, note in incremental[0] if note]
    assert any("dated 2023-05-28 by Outlet B, 2023-05-29 by Outlet A" in n for n in notes)
    assert any("dated 2023-06-05 by Outlet D, 2023-06-06 by Outlet C" in n for n in notes)
    assert any(s is not None for *_rest, s, _seq in incremental[1])  # the NATO statement, linked
    relink_statements(db)
    relink_events(db)
    assert _links(db) == incremental
    # A file gone: the weeks it reached are relinked, and its notes go with it.
    (folder / "a.md").unlink()
    index_paths(db, [folder])
    after_removal = _links(db)
    assert not any("Outlet A" in (note or "") for *_rest, note in after_removal[0])
    relink_statements(db)
    relink_events(db)
    assert _links(db) == after_removal
    assert db.execute("SELECT count(*) FROM owed").fetchone()[0] == 0


def test_the_bundled_sample_moved_elsewhere_is_there_once(tmp_path, seed_folder):
    """Installed again in another place, the sample replaces its earlier copy; other folders stay."""
    import shutil

    from briefing.core.indexer import BUNDLE_KEY, index_bundle

    first, second, own = tmp_path / "old-install" / "data", tmp_path / "new-install" / "data", tmp_path / "mine"
    shutil.copytree(seed_folder, first)
    shutil.copytree(seed_folder, second)
    own.mkdir()
    (own / "note.txt").write_text("Local paper\n\nThe council met on Monday. “We agreed,” the mayor said.\n", encoding="utf-8")
    db = open_database(tmp_path / "briefing.db")
    assert index_bundle(db, first).added == 3
    index_paths(db, [own])
    report = index_bundle(db, second)
    paths = [s.path for s in list_sources(db)]
    assert (report.added, report.removed) == (3, 3)
    assert len(paths) == 4 and sum(p.startswith(str(second.resolve())) for p in paths) == 3
    assert any(p.startswith(str(own)) for p in paths)
    assert get_meta(db, BUNDLE_KEY) == str(second.resolve())
    assert str(first.resolve()) not in json.loads(get_meta(db, "roots"))
    # Opening from the same place again changes nothing.
    again = index_bundle(db, second)
    assert (again.added, again.removed, again.unchanged) == (0, 0, 3)
    db.close()


def _full_text(db):
    """What each distinct word of the articles and quotes finds, by path and quote number."""
    words = {w.lower() for (text,) in db.execute("SELECT text FROM articles") for w in text.split() if w.isalpha()}
    found = {}
    for word in sorted(words):
        found[word] = (
            db.execute(
                "SELECT a.path FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ? ORDER BY 1",
                [f'"{word}"'],
            ).fetchall(),
            db.execute(
                "SELECT a.path, q.seq FROM quotes_fts f JOIN quotes q ON q.id = f.rowid JOIN articles a ON a.id = q.article_id "
                "WHERE quotes_fts MATCH ? ORDER BY 1, 2",
                [f'"{word}"'],
            ).fetchall(),
        )
    for table in ("articles", "quotes"):
        db.execute(f"INSERT INTO {table}_fts({table}_fts, rank) VALUES('integrity-check', 1)")
    return found


def test_a_long_run_fills_the_full_text_index_at_its_end_as_a_short_one_does(tmp_path, seed_folder, monkeypatch):
    row_by_row = open_database(tmp_path / "rows.db")
    index_paths(row_by_row, [seed_folder])
    monkeypatch.setattr("briefing.core.indexer.run.DEFER_FULL_TEXT_FILES", 1)
    at_the_end = open_database(tmp_path / "end.db")
    index_paths(at_the_end, [seed_folder])
    expected = _full_text(row_by_row)
    assert sum(bool(articles) for articles, _quotes in expected.values()) > 400
    assert sum(bool(quotes) for _articles, quotes in expected.values()) > 100
    assert _full_text(at_the_end) == expected
    assert unindexed_articles(at_the_end) == 0
    assert not at_the_end.execute("SELECT count(*) FROM meta WHERE key LIKE 'fts%'").fetchone()[0]


def _stop_at_the_third_file(monkeypatch):
    """Make an index run defer its full-text index, commit a file at a time and stop (as if
    killed) at the third file; return the real `_apply`, to let the next run finish."""
    import briefing.core.indexer.run

    monkeypatch.setattr(briefing.core.indexer.run, "DEFER_FULL_TEXT_FILES", 1)
    monkeypatch.setattr(briefing.core.indexer.run, "BATCH_FILES", 1)
    apply, applied = briefing.core.indexer.run._apply, []

    def stop_at_the_third_file(run, result):
        if len(applied) == 2:
            raise KeyboardInterrupt
        applied.append(result.candidate.path)
        return apply(run, result)

    monkeypatch.setattr(briefing.core.indexer.run, "_apply", stop_at_the_third_file)
    return apply


def test_a_run_stopped_half_way_leaves_its_articles_for_the_next_run_to_index(tmp_path, seed_folder, monkeypatch, capsys):
    import briefing.core.indexer.run

    apply = _stop_at_the_third_file(monkeypatch)
    db = open_database(tmp_path / "stopped.db")
    try:
        index_paths(db, [seed_folder])
    except KeyboardInterrupt:
        pass
    # Two files were committed; the index does not hold them yet, and says so.
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    assert unindexed_articles(db) == 2
    assert db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Kosovo'").fetchone()[0] == 0
    code, out, err = run(capsys, "search", "Kosovo", "--json", "--db", str(tmp_path / "stopped.db"))
    assert code == 0 and json.loads(out) == {"total": 0, "ranked": None, "hits": []}
    assert "2 article(s) cannot be found by a search yet" in err and "briefing index" in err
    # Not damage: `briefing check` finds the database whole and says what is left to do.
    assert check_database(db) == []
    code, out, _err = run(capsys, "check", "--json", "--db", str(tmp_path / "stopped.db"))
    assert code == 0 and json.loads(out)["ok"] and json.loads(out)["unsearchable"] == 2
    # The next run, however small, finishes the job: all found as after an uninterrupted run.
    monkeypatch.setattr(briefing.core.indexer.run, "_apply", apply)
    monkeypatch.setattr(briefing.core.indexer.run, "DEFER_FULL_TEXT_FILES", 100)
    index_paths(db, [seed_folder])
    whole = open_database(tmp_path / "whole.db")
    index_paths(whole, [seed_folder])
    assert unindexed_articles(db) == 0
    assert _full_text(db) == _full_text(whole)


def _read_indexes(db) -> set[str]:
    from briefing.core.store.schema import READ_INDEXES

    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()} & set(READ_INDEXES)


def _watch_read_indexes(monkeypatch) -> list[set[str]]:
    """The read indexes present as each file is written, run after run."""
    import briefing.core.indexer.run

    apply, seen = briefing.core.indexer.run._apply, []

    def watched(run, result):
        seen.append(_read_indexes(run.db))
        return apply(run, result)

    monkeypatch.setattr(briefing.core.indexer.run, "_apply", watched)
    return seen


def test_a_run_writing_most_of_the_briefing_builds_its_read_indexes_at_its_end(tmp_path, seed_folder, monkeypatch):
    from briefing.core.store.schema import READ_INDEXES

    row_by_row = open_database(tmp_path / "rows.db")
    index_paths(row_by_row, [seed_folder])
    monkeypatch.setattr("briefing.core.indexer.run.DEFER_FULL_TEXT_FILES", 1)
    seen = _watch_read_indexes(monkeypatch)
    db = open_database(tmp_path / "bulk.db")
    index_paths(db, [seed_folder])
    # Written without them, built at the end: the same rows, every index there.
    assert seen == [set()] * 3
    assert _read_indexes(db) == set(READ_INDEXES) == _read_indexes(row_by_row)
    assert snapshot(db) == snapshot(row_by_row)
    assert check_database(db) == []
    # A run adding less than the briefing holds keeps them while it writes.
    (seed_folder / "extra.txt").write_text("Title: Extra\n\nPristina, June 1 (AP) — Police said on Thursday: “All is calm.”\n", encoding="utf-8")
    seen.clear()
    index_paths(db, [seed_folder])
    assert seen == [set(READ_INDEXES)]
    assert _read_indexes(db) == set(READ_INDEXES)


def test_read_indexes_a_stopped_run_left_out_are_built_by_the_next_run(tmp_path, seed_folder, monkeypatch):
    import briefing.core.indexer.run
    from briefing.core.store.reads import list_quotes
    from briefing.core.store.schema import READ_INDEXES

    apply = _stop_at_the_third_file(monkeypatch)
    db = open_database(tmp_path / "stopped.db")
    with pytest.raises(KeyboardInterrupt):
        index_paths(db, [seed_folder])
    # Whole without them, and read as before, only slower.
    assert _read_indexes(db) == set()
    assert check_database(db) == []
    assert list_quotes(db, limit=5)
    monkeypatch.setattr(briefing.core.indexer.run, "_apply", apply)
    index_paths(db, [seed_folder])
    assert _read_indexes(db) == set(READ_INDEXES)
def test_changed_settings_extract_the_unchanged_files_again(tmp_path, seed_folder):
    # The settings file says "re-run `briefing index` to apply": the files' bytes are the same,
    # so skipping them by their hash would keep the speakers the old settings named.
    db = open_database(tmp_path / "settings.db")
    first = index_paths(db, [seed_folder])
    speakers = "SELECT DISTINCT speaker FROM quotes WHERE speaker LIKE '%Meloni%'"
    assert db.execute(speakers).fetchall() == [("Giorgia Meloni",)]
    settings = seed_folder / "briefing.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace('"Giorgia Meloni"', '"Giorgia M. Meloni"'), encoding="utf-8")
    again = index_paths(db, [seed_folder])
    assert again.updated == first.added and again.added == 0
    assert db.execute(speakers).fetchall() == [("Giorgia M. Meloni",)]
    # And the run after it, with nothing changed, skips every file again.
    assert index_paths(db, [seed_folder]).unchanged == first.added


def test_an_index_run_keeps_its_batches_in_a_larger_page_cache_and_gives_the_old_one_back(fresh_db, seed_folder):
    """A batch's changed pages must fit in the cache until its commit; the connection is left
    as it was found (the app's own connection keeps SQLite's default)."""
    from briefing.core.indexer.run import INDEX_CACHE_KIB

    fresh_db.execute("PRAGMA cache_size = -3000")
    during = []
    index_paths(fresh_db, [seed_folder], progress=lambda *_: during.append(fresh_db.execute("PRAGMA cache_size").fetchone()[0]))
    assert during and set(during) == {-INDEX_CACHE_KIB}
    assert fresh_db.execute("PRAGMA cache_size").fetchone()[0] == -3000
