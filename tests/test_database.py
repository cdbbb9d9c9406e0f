"""The database file itself: foreign files, newer schemas, read-only places, a full disk, readers during writes."""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import replace

import pytest
from briefing.core.errors import DatabaseError
from briefing.core.indexer import index_paths
from briefing.core.models import Extraction, ParsedArticle
from briefing.core.settings import Settings
from briefing.core.store.database import check_database, open_database, write_article
from briefing.core.store.reads import count_quotes, counts, list_sources
from briefing.core.store.schema import SCHEMA_VERSION
from briefing.core.store.stems import stem


def _write(path, *statements: str) -> None:
    """Run SQL on a database file behind briefing's back (as another program or version would)."""
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_text_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("my notes")
    with pytest.raises(DatabaseError, match="not a briefing database"):
        open_database(path)
    assert path.read_text() == "my notes"


def test_other_sqlite_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.db"
    _write(path, "CREATE TABLE accounts (id INTEGER)")
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="not a briefing database"):
        open_database(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    open_database(path).close()
    _write(path, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(DatabaseError, match="newer version of briefing"):
        open_database(path)


def test_older_schema_asks_for_a_rebuild(tmp_path):
    path = tmp_path / "old.db"
    open_database(path).close()
    _write(path, "PRAGMA user_version = 0")
    with pytest.raises(DatabaseError, match="Re-index needed"):
        open_database(path)


def _downgrade_to_schema_seven(path) -> None:
    """Make a current database look as schema 7 left it: events without role or repeats, a
    timeline summary without roles (and nothing of schema 8's naming)."""
    _downgrade_to_schema_eight(path)
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE events DROP COLUMN role")
    conn.execute("ALTER TABLE events DROP COLUMN repeats")
    conn.execute("ALTER TABLE timeline_dates DROP COLUMN roles")
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()


def _downgrade_to_schema_eight(path) -> None:
    """Make a current database look as schema 8 left it: quotes carry only the extracted speaker,
    speakers no kind, and no table of names or clues."""
    conn = sqlite3.connect(path)
    conn.execute("UPDATE quotes SET speaker = extracted_speaker")
    conn.execute("ALTER TABLE quotes DROP COLUMN extracted_speaker")
    conn.execute("ALTER TABLE speakers DROP COLUMN kind")
    conn.execute("ALTER TABLE speakers DROP COLUMN hidden")
    conn.execute("DROP TABLE speaker_names")
    conn.execute("DROP TABLE speaker_clues")
    conn.execute("PRAGMA user_version = 8")
    conn.commit()
    conn.close()


def _downgrade_to_schema_six(path, pending: tuple[str, ...] = ()) -> None:
    """Make a current database look as schema 6 left it: owed work in table `pending`, one key a
    row (an article path; a link key beginning with NUL; "" for relink everything)."""
    _downgrade_to_schema_seven(path)
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE owed")
    conn.execute('CREATE TABLE "pending" ("path" TEXT PRIMARY KEY)')
    conn.executemany("INSERT INTO pending (path) VALUES (?)", [(key,) for key in pending])
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()


def _downgrade_to_schema_five(path) -> None:
    """Make a current database look as schema 5 left it: no vocabulary."""
    _downgrade_to_schema_six(path)
    conn = sqlite3.connect(path)
    for trigger in ("words_article_ai", "words_article_au"):
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("DROP TABLE words")
    conn.execute("DROP TABLE words_pending")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()


def _downgrade_to_schema_three(path) -> None:
    """Make a current database look as schema 3 left it: no quote dates, plain speaker and group
    indexes, full-text triggers as sqlite-utils writes them (the update one fires on any column)."""
    _downgrade_to_schema_five(path)
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER quotes_follow_article_date")
    conn.execute("DROP INDEX idx_quotes_speaker_order")
    conn.execute("DROP INDEX idx_quotes_group_order")
    conn.execute("ALTER TABLE quotes DROP COLUMN published")
    conn.execute("CREATE INDEX idx_quotes_speaker ON quotes (speaker)")
    conn.execute("CREATE INDEX idx_quotes_group_name ON quotes (group_name)")
    for table in ("articles", "quotes"):
        for kind in ("ai", "ad", "au"):
            sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [f"{table}_{kind}"]).fetchone()[0]
            conn.execute(f'DROP TRIGGER "{table}_{kind}"')
            sql = re.sub(r" AFTER UPDATE OF .*? ON ", " AFTER UPDATE ON ", sql, count=1)
            conn.execute(re.sub(r" WHEN .*? BEGIN ", " BEGIN ", sql, count=1))
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()


def _triggers(db) -> dict[str, str]:
    return dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())


def test_schema_three_gains_quote_dates_and_their_order_in_place(tmp_path, seed_folder):
    path = tmp_path / "v3.db"
    db = open_database(path)
    index_paths(db, [seed_folder])
    expected = db.execute("SELECT id, published FROM quotes ORDER BY id").fetchall()
    db.close()
    _downgrade_to_schema_three(path)
    old = sqlite3.connect(path)
    assert "published" not in {r[1] for r in old.execute("PRAGMA table_info(quotes)")}
    assert 'AFTER UPDATE ON "quotes"' in _triggers(old)["quotes_au"]
    old.close()

    db = open_database(path, create=False)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 11
    assert db.execute("SELECT id, published FROM quotes ORDER BY id").fetchall() == expected
    assert any(published for _id, published in expected)
    indexes = {i.name for i in db["quotes"].indexes}
    assert {"idx_quotes_speaker_order", "idx_quotes_group_order"} <= indexes
    assert not {"idx_quotes_speaker", "idx_quotes_group_name"} & indexes
    triggers = _triggers(db)
    assert 'AFTER UPDATE OF "text", "speaker", "folded" ON "quotes"' in triggers["quotes_au"]
    # Every full-text trigger leaves out the rows a long run indexes at its end.
    assert all(" WHEN " in triggers[f"{t}_{k}"] for t in ("articles", "quotes") for k in ("ai", "ad", "au"))
    db.execute("INSERT INTO quotes_fts(quotes_fts, rank) VALUES('integrity-check', 1)")


def test_quotes_follow_their_article_date_and_keep_their_words_indexed(tmp_path, seed_folder):
    db = open_database(tmp_path / "seed.db")
    index_paths(db, [seed_folder])
    article_id, count = db.execute(
        "SELECT article_id, count(*) FROM quotes GROUP BY article_id ORDER BY 2 DESC LIMIT 1"
    ).fetchone()
    word = db.execute("SELECT text FROM quotes WHERE article_id = ? ORDER BY seq", [article_id]).fetchone()[0].split()[0]
    word = re.sub(r"\W", "", word)
    found = "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?"
    before = db.execute(found, [f'"{word}"']).fetchone()[0]
    index_data = "SELECT count(*), sum(length(block)) FROM {}_fts_data"
    untouched = [db.execute(index_data.format(t)).fetchone() for t in ("quotes", "articles")]
    with db.atomic():
        db.execute("UPDATE articles SET published = '2031-01-02' WHERE id = ?", [article_id])
        db.execute("UPDATE quotes SET statement_id = 99 WHERE article_id = ?", [article_id])
    dates = {r[0] for r in db.execute("SELECT published FROM quotes WHERE article_id = ?", [article_id])}
    assert count > 1 and dates == {"2031-01-02"}
    # Neither update touched the words, so neither wrote to the full-text indexes.
    assert [db.execute(index_data.format(t)).fetchone() for t in ("quotes", "articles")] == untouched
    # They are found as before, and the indexes agree
    # with the rows (the integrity check raises when it does not).
    assert before > 0
    assert db.execute(found, [f'"{word}"']).fetchone()[0] == before
    db.execute("INSERT INTO quotes_fts(quotes_fts, rank) VALUES('integrity-check', 1)")
    db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)")


def test_an_article_written_again_is_tokenized_again_only_when_its_words_change(tmp_path):
    db = open_database(tmp_path / "rewrite.db")
    article = ParsedArticle(path="a.txt", text="Police closed the bridge at dawn.", published="2023-05-29")
    settings = Settings()
    index_data = "SELECT count(*), sum(length(block)) FROM articles_fts_data"
    with db.atomic():
        write_article(db, article, "a.txt", "h1", Extraction(), settings, "v1")
    untouched = db.execute(index_data).fetchone()
    # Same words, another date and hash (an undated article dated at the end of a run).
    with db.atomic():
        write_article(db, replace(article, published="2023-05-30"), "a.txt", "h2", Extraction(), settings, "v1")
    assert db.execute(index_data).fetchone() == untouched
    assert db.execute("SELECT published, content_hash FROM articles").fetchone() == ("2023-05-30", "h2")
    # New words replace the old ones in the index.
    with db.atomic():
        write_article(db, replace(article, text="Protesters left the square."), "a.txt", "h3", Extraction(), settings, "v1")
    found = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
    assert db.execute(found, ['"square"']).fetchone()[0] == 1
    assert db.execute(found, ['"bridge"']).fetchone()[0] == 0
    db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)")


def test_schema_one_gains_the_speaker_and_source_order_indexes_in_place(tmp_path):
    path = tmp_path / "v1.db"
    open_database(path).close()
    _downgrade_to_schema_three(path)
    _write(path, "DROP INDEX idx_quotes_speaker", "DROP INDEX idx_articles_order", "PRAGMA user_version = 1")
    db = open_database(path, create=False)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 11
    # The speaker index of schema 2 gave way to the speaker-and-date index of schema 4.
    assert "idx_quotes_speaker_order" in {i.name for i in db["quotes"].indexes}
    assert "idx_articles_order" in {i.name for i in db["articles"].indexes}
    # Read-only, it cannot be brought up to date: it says which command does it.
    db.close()
    _write(path, "PRAGMA user_version = 1")
    with pytest.raises(DatabaseError, match="updated in place by the next write: run `briefing index"):
        open_database(path, readonly=True)


def test_read_only_location(tmp_path):
    with pytest.raises(DatabaseError, match="not writable|Cannot create"):
        open_database("/proc/briefing-test.db")


def test_readonly_open_of_missing_file_does_not_create_it(tmp_path):
    with pytest.raises(DatabaseError, match="No briefing database"):
        open_database(tmp_path / "none.db", readonly=True)
    assert not (tmp_path / "none.db").exists()


def test_full_disk_is_a_sentence_and_keeps_what_was_there(tmp_path, seed_folder):
    db = open_database(tmp_path / "full.db")
    first = sorted(seed_folder.glob("0*.txt"))[0]
    index_paths(db, [first])
    before = counts(db)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    # SQLite's own cap on the file size behaves exactly like a full disk (SQLITE_FULL).
    db.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(DatabaseError, match="full"):
        index_paths(db, [seed_folder])
    assert counts(db) == before
    assert check_database(db) == []


def test_reader_works_while_a_writer_holds_a_transaction(tmp_path, seed_folder):
    path = tmp_path / "busy.db"
    writer = open_database(path)
    index_paths(writer, [seed_folder])
    reader = open_database(path, readonly=True)
    started, release = threading.Event(), threading.Event()

    def hold_write_lock():
        with writer.atomic():
            writer.execute("UPDATE articles SET title = title || ' (updated)'")
            started.set()
            release.wait(5)

    thread = threading.Thread(target=hold_write_lock)
    thread.start()
    started.wait(5)
    try:
        # WAL: the reader sees the last committed state, without "database is locked".
        assert len(list_sources(reader)) == 3
        assert not any(s.title.endswith("(updated)") for s in list_sources(reader))
    finally:
        release.set()
        thread.join()
    assert all(s.title.endswith("(updated)") for s in list_sources(reader))


def test_a_column_is_read_in_order_from_an_index_not_sorted(seed_db):
    from briefing.core.store.reads import list_quotes

    speaker, group = seed_db.execute(
        "SELECT speaker, group_name FROM quotes WHERE speaker IS NOT NULL AND group_name IS NOT NULL "
        "GROUP BY speaker ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    statements: list[str] = []
    seed_db.conn.set_trace_callback(statements.append)
    by_speaker = list_quotes(seed_db, speaker=speaker, exact_speaker=True, limit=500)
    by_group = list_quotes(seed_db, group=group, limit=500)
    seed_db.conn.set_trace_callback(None)
    reads = [s for s in statements if "FROM quotes q" in s and "ORDER BY" in s]
    assert len(reads) == 2
    for sql in reads:
        plan = " | ".join(row[3] for row in seed_db.execute("EXPLAIN QUERY PLAN " + sql).fetchall())
        assert "_order" in plan and "TEMP B-TREE" not in plan, plan
    # The order the index gives is the one the articles' own dates give.
    published = dict(seed_db.execute("SELECT id, published FROM articles").fetchall())
    for rows in (by_speaker, by_group):
        assert rows
        keys = [(published[q.article_id] is None, published[q.article_id] or "", q.article_id, q.seq) for q in rows]
        assert keys == sorted(keys)


def test_a_migration_that_fails_half_way_leaves_the_old_schema_whole(tmp_path, seed_folder):
    path = tmp_path / "v3.db"
    db = open_database(path)
    index_paths(db, [seed_folder])
    quotes = db.execute("SELECT count(*) FROM quotes").fetchone()[0]
    db.close()
    _downgrade_to_schema_three(path)
    # A table in the way of the step's last index: the step fails after it altered `quotes`.
    _write(path, "CREATE TABLE idx_quotes_group_order (x)")
    with pytest.raises(DatabaseError, match="idx_quotes_group_order"):
        open_database(path, create=False)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    assert "published" not in {r[1] for r in conn.execute("PRAGMA table_info(quotes)")}
    assert "idx_quotes_speaker" in {r[1] for r in conn.execute("PRAGMA index_list(quotes)")}
    conn.execute("DROP TABLE idx_quotes_group_order")
    conn.commit()
    conn.close()
    # Out of the way, the next opening migrates it.
    db = open_database(path, create=False)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT count(*) FROM quotes WHERE published IS NOT NULL").fetchone()[0] == quotes


def _vocabulary(db) -> set[tuple[str, str]]:
    return set(db.execute("SELECT word, stem FROM words").fetchall())


def test_the_vocabulary_holds_every_indexed_word_with_the_stem_the_index_stores(tmp_path, seed_folder):
    db = open_database(tmp_path / "words.db")
    index_paths(db, [seed_folder])
    words = _vocabulary(db)
    assert db.execute("SELECT count(*) FROM words_pending").fetchone()[0] == 0
    db.execute("CREATE VIRTUAL TABLE temp.article_terms USING fts5vocab(main, articles_fts, 'row')")
    db.execute("CREATE VIRTUAL TABLE temp.quote_terms USING fts5vocab(main, quotes_fts, 'row')")
    indexed = {r[0] for r in db.execute("SELECT term FROM temp.article_terms UNION SELECT term FROM temp.quote_terms")}
    # Every stem is a term of the index, and every term of the index a stem of some word.
    assert {s for _w, s in words} == indexed
    assert {("according", "accord"), ("vucic", "vucic")} <= words


def test_the_vocabulary_grows_with_changed_articles_and_is_read_again_on_rebuild(tmp_path, seed_folder):
    db = open_database(tmp_path / "words.db")
    index_paths(db, [seed_folder])
    before = _vocabulary(db)
    article = next(seed_folder.glob("*.txt"))
    article.write_text(article.read_text(encoding="utf-8") + "\nThe Zzyzxville delegations arrived.\n", encoding="utf-8")
    index_paths(db, [seed_folder])
    new = {(w, stem(w)) for w in ("zzyzxville", "delegations", "arrived")}
    assert _vocabulary(db) - before == new - before
    assert ("zzyzxville", stem("zzyzxville")) in _vocabulary(db)
    # Written but not yet read (a run still going, or killed): listed, so it is read later.
    with db.atomic():
        write_article(db, ParsedArticle(path="x.txt", text="Quixotic."), "x.txt", "h", Extraction(), Settings(), "v")
    assert db.execute("SELECT count(*) FROM words_pending").fetchone()[0] == 1
    article.write_text(article.read_text(encoding="utf-8").replace("Zzyzxville", "Elsewhere"), encoding="utf-8")
    index_paths(db, [seed_folder], rebuild=True)
    assert not {w for w, _s in _vocabulary(db)} & {"zzyzxville", "quixotic"}
    assert _vocabulary(db) >= before

def test_schema_seven_gains_event_roles_and_the_next_run_extracts_them(tmp_path, seed_folder):
    """Stored events read as the story's until the next index run extracts every file again."""
    from briefing.core.store.timeline import timeline

    path = tmp_path / "v7.db"
    db = open_database(path)
    index_paths(db, [seed_folder])
    roles = db.execute("SELECT article_id, seq, role FROM events ORDER BY article_id, seq").fetchall()
    db.close()
    assert "background" in {role for *_key, role in roles}
    _downgrade_to_schema_seven(path)
    db = open_database(path, create=False)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 11
    assert {"role", "repeats"} <= {c.name for c in db["events"].columns}
    assert db.execute("SELECT count(*) FROM events WHERE role IS NOT NULL OR repeats IS NOT NULL").fetchone()[0] == 0
    # Read before the next run: every date is the story's, counted afresh (the stored summary has no roles).
    assert {entry.role for entry in timeline(db, per_entry=2)} == {"story"}
    report = index_paths(db, [seed_folder])
    assert report.updated == 3 and report.unchanged == 0
    assert db.execute("SELECT article_id, seq, role FROM events ORDER BY article_id, seq").fetchall() == roles
    assert "background" in {entry.role for entry in timeline(db, per_entry=2)}


def test_schema_eight_keeps_its_quotes_and_the_next_run_names_their_speakers(tmp_path, seed_folder):
    """From schema 8, each quote keeps the speaker it was extracted with; naming across the briefing is owed and
    done by the next index run without extracting again."""
    path = tmp_path / "v8.db"
    db = open_database(path)
    index_paths(db, [seed_folder])
    expected = db.execute("SELECT id, speaker FROM quotes ORDER BY id").fetchall()
    db.close()
    _downgrade_to_schema_eight(path)
    db = open_database(path, create=False)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 11
    assert db.execute("SELECT count(*) FROM quotes WHERE extracted_speaker IS NULL").fetchone()[0] == 0
    assert db.execute("SELECT kind, key FROM owed").fetchall() == [("identity", "")]
    report = index_paths(db, [seed_folder])
    assert report.added == report.updated == 0  # nothing extracted again
    assert db.execute("SELECT id, speaker FROM quotes ORDER BY id").fetchall() == expected
    assert db.execute("SELECT count(*) FROM speaker_names").fetchone()[0] > 0
    assert db.execute("SELECT count(*) FROM owed").fetchone()[0] == 0


def test_schema_six_keeps_the_work_it_owed_in_the_order_owed(tmp_path, seed_folder):
    """Owed work moves to its own table, kind by kind, and the next run does it."""
    path = tmp_path / "v6.db"
    db = open_database(path)
    index_paths(db, [seed_folder])
    db.close()
    owed = ("b.txt", "\0week:2023-05-29", "a.txt", "\0statements", "\0value:2023-05", "", "\0value:Ünïcode 2023")
    _downgrade_to_schema_six(path, owed)
    db = open_database(path, create=False)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 11
    assert "pending" not in db.table_names()
    assert db.execute("SELECT kind, key FROM owed ORDER BY rowid").fetchall() == [
        ("date", "b.txt"), ("week", "2023-05-29"), ("date", "a.txt"), ("statements", ""), ("value", "2023-05"),
        ("all-links", ""), ("value", "Ünïcode 2023"), ("identity", ""),
    ]
    index_paths(db, [seed_folder])
    assert db.execute("SELECT count(*) FROM owed").fetchone()[0] == 0


def test_schema_five_gains_the_vocabulary_in_place(tmp_path, seed_folder):
    path = tmp_path / "v5.db"
    db = open_database(path)
    index_paths(db, [seed_folder])
    expected = _vocabulary(db)
    db.close()
    _downgrade_to_schema_five(path)
    db = open_database(path, create=False)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 11
    # Read when the database is opened for writing, not left for the next index run.
    assert _vocabulary(db) == expected and expected
    assert db.execute("SELECT count(*) FROM words_pending").fetchone()[0] == 0
    assert {"words_article_ai", "words_article_au"} <= set(_triggers(db))


def test_a_run_that_changes_nothing_leaves_the_vocabulary_alone_but_new_speaker_names_are_read(
    tmp_path, seed_folder, monkeypatch
):
    import briefing.core.indexer.run

    db = open_database(tmp_path / "words.db")
    index_paths(db, [seed_folder])
    reads = []
    real = briefing.core.indexer.run.update_words
    monkeypatch.setattr(briefing.core.indexer.run, "update_words", lambda db: reads.append(1) or real(db))
    index_paths(db, [seed_folder])
    assert reads == []
    # A speaker's full name from the settings is in no article: the texts are unchanged, but
    # the settings changed, so every article was extracted again and the name is read.
    settings = seed_folder / "briefing.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("Giorgia Meloni", "Giorgia Qwertyx Meloni"), encoding="utf-8")
    index_paths(db, [seed_folder])
    assert reads == [1]
    assert ("qwertyx", stem("qwertyx")) in _vocabulary(db)
    from briefing.core.store.search import parse_query, search

    assert search(db, parse_query(db, "Qwert")).quote_ids


def test_the_table_list_names_every_table_a_new_database_has(tmp_path):
    """schema.TABLES is the one list of the briefing's tables: what a rebuild empties and what
    a half-made database may hold."""
    from briefing.core.store.schema import FTS_TABLES, TABLES

    db = open_database(tmp_path / "new.db")
    assert set(db.table_names()) == set(TABLES) | set(FTS_TABLES)


def test_schema_nine_gains_the_column_count_indexes_in_place(tmp_path, seed_folder):
    """From schema 9, a column's count reads a speaker's or a group's fragment marks from an index."""
    path = tmp_path / "v9.db"
    db = open_database(path)
    index_paths(db, [seed_folder])
    speakers = [r[0] for r in db.execute("SELECT DISTINCT speaker FROM quotes WHERE speaker != ''")]
    expected = {s: count_quotes(db, speaker=s, exact_speaker=True, statements=True) for s in speakers}
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX idx_quotes_speaker_parent")
    conn.execute("DROP INDEX idx_quotes_group_parent")
    conn.execute("PRAGMA user_version = 9")
    conn.commit()
    conn.close()
    db = open_database(path, create=False)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 11
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"idx_quotes_speaker_parent", "idx_quotes_group_parent"} <= indexes
    assert {s: count_quotes(db, speaker=s, exact_speaker=True, statements=True) for s in speakers} == expected
    plan = " ".join(str(r) for r in db.execute(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM quotes q WHERE q.speaker = ? AND q.parent_seq IS NULL", ["x"]
    ))
    assert "idx_quotes_speaker_parent" in plan


def test_schema_ten_gains_the_prefix_index_and_finds_the_same(tmp_path, seed_folder):
    """From schema 10, both full-text tables are made again with an index of three-letter
    prefixes and filled from every row: a search as you type finds what it found before, once."""
    from briefing.core.store.schema import FTS_COLUMNS, FTS_DEFERRED_KEY, TOKENIZE
    from briefing.core.store.search import parse_query, search

    path = tmp_path / "v10.db"
    db = open_database(path)
    index_paths(db, [seed_folder])
    typed = ["kos", "kosovo", "ser", "serbs", "nat", "attack"]

    def found(db) -> dict[str, tuple[list[int], list[int]]]:
        results = {}
        for text in typed:
            result = search(db, parse_query(db, text), quotes=100, articles=100)
            results[text] = (result.quote_ids, [hit.id for hit in result.articles])
        return results

    expected = found(db)
    assert any(ids for ids, _ in expected.values()) and any(hits for _, hits in expected.values())
    rows = {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in FTS_COLUMNS}
    db.close()
    conn = sqlite3.connect(path)
    for table, columns in FTS_COLUMNS.items():
        names = ", ".join(columns)
        conn.execute(f"DROP TABLE {table}_fts")
        conn.execute(f"CREATE VIRTUAL TABLE {table}_fts USING FTS5 ({names}, tokenize='{TOKENIZE}', content={table})")
        conn.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('rebuild')")
        # As a run stopped before filling the index at its end leaves it: a mark the rebuild covers.
        conn.execute("INSERT INTO meta (key, value) VALUES (?, '0')", [FTS_DEFERRED_KEY.format(table=table)])
    conn.execute("PRAGMA user_version = 10")
    conn.commit()
    conn.close()

    db = open_database(path, create=False)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 11
    for table in FTS_COLUMNS:
        sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [f"{table}_fts"]).fetchone()[0]
        assert "prefix='3'" in sql
        assert db.execute(f"SELECT count(*) FROM {table}_fts_docsize").fetchone()[0] == rows[table]
    assert not db.execute("SELECT key FROM meta WHERE key LIKE 'fts_unindexed_after.%'").fetchall()
    assert found(db) == expected
