"""Open, create, check and write a briefing database (one SQLite file, WAL mode)."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils
from briefing.core.date_values import day_range
from briefing.core.errors import DatabaseError
from briefing.core.fold import fold_if_changed
from briefing.core.models import Extraction, ParsedArticle
from briefing.core.settings import Settings
from briefing.core.store.integrity import check_database as check_database  # read here by older callers
from briefing.core.store.schema import (
    APPLICATION_ID,
    FTS_COLUMNS,
    FTS_DEFERRED_KEY,
    FTS_TABLES,
    MIGRATIONS,
    MOST_QUOTED_KEY,
    READ_INDEXES,
    SCHEMA_VERSION,
    SUMMARY_KEY,
    TABLES,
    TOKENIZE,
    WORD_TOKENIZE,
    create_schema,
)

_SQLITE_MAGIC = b"SQLite format 3\x00"
#: Tables a briefing database may hold; one that is half made holds some of them and no others
#: (`pending` is what an older version kept owed work in).
_OWN_TABLES = {*TABLES, *FTS_TABLES, "pending"}
#: How long a reader or writer waits for the other side's lock before giving up.
BUSY_TIMEOUT_MS = 10_000


class BriefingDatabase(sqlite_utils.Database):
    """A briefing's connection: every write transaction begins IMMEDIATE.

    A deferred transaction that reads before it writes (a run's first step reads the folders
    it indexed, then records them) cannot wait for another writer: SQLite refuses its upgrade
    at once ("locked") when the other has committed since its read. Taking the write lock at
    BEGIN makes a second writer wait its busy timeout instead.
    """

    @contextlib.contextmanager
    def atomic(self) -> Iterator[BriefingDatabase]:
        """A transaction (a savepoint when nested) that holds the write lock from its start."""
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.rollback()
            raise


def _connect(path: Path, readonly: bool, immutable: bool = False) -> sqlite3.Connection:
    # Quoted, so file names with "?", "#" or "%" open the file they name.
    location = urllib.parse.quote(str(path.resolve()))
    uri = f"file:{location}?mode=ro" if readonly else f"file:{location}?mode=rwc"
    if immutable:
        uri += "&immutable=1"
    # IMMEDIATE: a transaction Python begins by itself (`with db.conn:`) takes the write lock too.
    conn = sqlite3.connect(
        uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False, isolation_level="IMMEDIATE"
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def open_database(path: Path | str, *, create: bool = True, readonly: bool = False) -> sqlite_utils.Database:
    """Open (or create) a briefing database, or raise DatabaseError with a clear sentence.

    Refuses files that are not SQLite, SQLite files that are not briefing databases, and
    databases from a newer schema, without writing to them.
    """
    path = Path(path).expanduser()
    exists = path.exists()
    if not exists and (readonly or not create):
        raise DatabaseError(
            f"No briefing database at {path}. Run `briefing index PATH` to create one."
        )
    if exists:
        if path.is_dir():
            raise DatabaseError(f"{path} is a folder, not a briefing database.")
        try:
            with path.open("rb") as handle:
                head = handle.read(16)
        except OSError as err:
            raise DatabaseError(f"Cannot read {path}: {err.strerror or err}.") from None
        if head and head != _SQLITE_MAGIC:
            raise DatabaseError(f"{path} is not a briefing database (not an SQLite file); it was left untouched.")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise DatabaseError(f"Cannot create the folder for {path}: {err.strerror or err}.") from None
    try:
        try:
            db = _opened(path, readonly)
        except sqlite3.OperationalError as err:
            if not (readonly and "unable to open" in str(err)):
                raise
            # A database in WAL mode is read through its -shm file, which SQLite makes beside it:
            # on read-only media (a copy on a DVD, a read-only share) it cannot. Nothing can
            # write there either, so the file is read as it is, without one.
            db = _opened(path, readonly, immutable=True)
    except sqlite3.OperationalError as err:
        raise DatabaseError(_describe_sqlite_error(path, err)) from None
    except sqlite3.DatabaseError as err:
        raise DatabaseError(f"{path} is not a usable briefing database: {err}.") from None
    return db


def _opened(path: Path, readonly: bool, immutable: bool = False) -> BriefingDatabase:
    conn = _connect(path, readonly, immutable)
    try:
        # No sqlite-utils plugins: whatever else is installed must not change how a briefing
        # is read, and finding them (package metadata) is a fifth of the app's start-up.
        db = BriefingDatabase(conn, execute_plugins=False)
        _check_and_prepare(db, path, readonly)
    except BaseException:
        conn.close()
        raise
    return db


def _check_and_prepare(db: sqlite_utils.Database, path: Path, readonly: bool) -> None:
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    tables = db.table_names()
    if app_id != APPLICATION_ID:
        # Our own tables without our id: a creation that was interrupted; finish it.
        if tables and not set(tables) <= _OWN_TABLES:
            raise DatabaseError(
                f"{path} is an SQLite database but not a briefing database; it was left untouched."
            )
        if readonly:
            raise DatabaseError(f"{path} is empty. Run `briefing index PATH --db {path}` first.")
        db.execute("PRAGMA journal_mode = WAL")
        create_schema(db)
        return
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path} was made by a newer version of briefing (schema {version}, this one reads "
            f"{SCHEMA_VERSION}). Upgrade briefing, or use another --db."
        )
    if version < SCHEMA_VERSION:
        migratable = all(step in MIGRATIONS for step in range(version, SCHEMA_VERSION))
        if readonly and migratable:
            raise DatabaseError(
                f"{path} is from an older version of briefing (schema {version}); it is updated in "
                f"place by the next write: run `briefing index --db {path}`."
            )
        if not migratable:
            raise DatabaseError(
                f"{path} is from an older version of briefing (schema {version}). "
                f"Re-index needed: run `briefing index --rebuild --db {path}`."
            )
        with db.atomic():
            for step in range(version, SCHEMA_VERSION):
                db.executescript(MIGRATIONS[step])
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        # Step 5 → 6 lists every article for the vocabulary: read it now, not at the next run.
        update_words(db)
    if not readonly:
        db.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL is still safe against a killed process; it only skips an fsync per commit.
        db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")


#: What SQLite keeps beside a database file.
SIDE_FILES = ("-wal", "-shm", "-journal")


def refuse_foreign_file(path: Path) -> None:
    """Raise DatabaseError when `path` holds something that is not a briefing database (another
    program's SQLite file, any other file): a rebuild must never replace it. A damaged briefing
    database, or a missing file, passes."""
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except FileNotFoundError:
        return
    except OSError as err:
        raise DatabaseError(f"Cannot read {path}: {err.strerror or err}.") from None
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a briefing database.")
    if head and not head.startswith(_SQLITE_MAGIC):
        raise DatabaseError(f"{path} is not a briefing database (not an SQLite file); it was left untouched.")
    app_id = int.from_bytes(head[68:72], "big") if len(head) >= 72 else 0
    if app_id not in (0, APPLICATION_ID):
        raise DatabaseError(f"{path} is an SQLite database but not a briefing database; it was left untouched.")


def leave_one_file(db: sqlite_utils.Database) -> None:
    """Take the open database out of WAL mode, so that closing it leaves everything in its one file."""
    db.execute("PRAGMA journal_mode = DELETE")


def swap_in(fresh: Path, path: Path) -> None:
    """Put the closed database at `fresh` (one file, not in WAL mode) in the place of `path`.

    The old file's -wal and -shm go first: SQLite would otherwise apply the old file's log to
    the new one. A kill before the rename leaves the old file, which the next rebuild replaces.
    """
    for suffix in SIDE_FILES:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")
    os.replace(fresh, path)


def remove_database(path: Path) -> None:
    """Remove a database file and the files SQLite keeps beside it (what a stopped rebuild left)."""
    for suffix in ("", *SIDE_FILES):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


def _describe_sqlite_error(path: Path, err: sqlite3.Error) -> str:
    text = str(err)
    if "readonly" in text or "read-only" in text:
        return f"{path} is read-only: cannot write the briefing there. Use --db to choose another place."
    if "unable to open" in text:
        return f"Cannot open {path}: the folder is missing or not writable."
    if "disk is full" in text or "full" in text:
        return f"The disk holding {path} is full; nothing was written. Free some space and try again."
    if "locked" in text:
        return f"{path} is locked by another program; try again in a moment."
    return f"Cannot use {path}: {text}."


def describe_write_error(path: Path | str, err: sqlite3.Error, committed: int | None = None) -> str:
    """One sentence for a failed write (full disk, read-only file, lock), naming the database.

    `committed`: how many sources the run had committed when the write failed; they are kept,
    and a full disk is then not said to have written nothing.
    """
    text = str(err)
    if committed and ("full" in text or "locked" in text):
        what = "the disk holding it is full" if "full" in text else "another program locked it"
        return (
            f"Stopped writing {path}: {what}. The {committed} source{'s' if committed != 1 else ''} "
            "committed before are kept; run the same command again to finish"
            + (" once there is room." if "full" in text else ".")
        )
    return _describe_sqlite_error(Path(path), err)


def database_file(db: sqlite_utils.Database) -> str:
    """The file `db` is, as SQLite names it ("the database" when it cannot say)."""
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] if row else "the database"


def data_version(db: sqlite_utils.Database) -> int:
    """A number that changes when another connection commits to the database (PRAGMA data_version)."""
    return db.execute("PRAGMA data_version").fetchone()[0]


@contextlib.contextmanager
def page_cache(db: sqlite_utils.Database, kib: int) -> Iterator[None]:
    """Give the connection a page cache of `kib` KiB for the time of the block, then the one it had."""
    previous = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):
            db.execute(f"PRAGMA cache_size = {int(previous)}")


def clear_briefing(db: sqlite_utils.Database) -> None:
    """Empty the briefing for a rebuild: every article, file and summary (settings and roots stay)."""
    with db.atomic():
        for table in TABLES:
            if table != "meta":
                db.execute(f"DELETE FROM [{table}]")
        db.execute("DELETE FROM meta WHERE key IN (?, ?)", [SUMMARY_KEY, MOST_QUOTED_KEY])


# --- meta --------------------------------------------------------------------------------------


def get_meta(db: sqlite_utils.Database, key: str, default: str | None = None) -> str | None:
    """A value from the meta table."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_meta(db: sqlite_utils.Database, key: str, value: str) -> None:
    """Store a value in the meta table (caller owns the transaction)."""
    db["meta"].upsert({"key": key, "value": value}, pk="key")


def load_stored_settings(db: sqlite_utils.Database) -> Settings:
    """The briefing settings saved by the last index run."""
    raw = get_meta(db, "settings")
    if not raw:
        return Settings()
    try:
        return Settings.from_dict(json.loads(raw))
    except (ValueError, KeyError, TypeError):
        return Settings()


# --- writing -----------------------------------------------------------------------------------


def speaker_id(db: sqlite_utils.Database, name: str, group: str | None, is_focus: bool) -> int:
    """Id of a canonical speaker, created on first use."""
    row = db.execute("SELECT id, group_name FROM speakers WHERE name = ?", [name]).fetchone()
    if row:
        if group and row[1] != group:
            db.execute("UPDATE speakers SET group_name = ?, is_focus = ? WHERE id = ?", [group, int(is_focus), row[0]])
        return row[0]
    cursor = db.execute(
        "INSERT INTO speakers (name, group_name, is_focus) VALUES (?, ?, ?)", [name, group, int(is_focus)]
    )
    return cursor.lastrowid


def write_article(
    db: sqlite_utils.Database,
    article: ParsedArticle,
    file: str,
    content_hash: str,
    extraction: Extraction,
    settings: Settings,
    pipeline_version: str,
) -> int:
    """Upsert one article with its quotes and events; the caller owns the transaction."""
    published, source, reason = article.published, article.published_source, article.published_reason
    if not published and extraction.inferred_published:
        published, source, reason = extraction.inferred_published, "inferred", extraction.inferred_reason
    record = {
        "path": article.path,
        "file": file,
        "content_hash": content_hash,
        "format": article.format,
        "outlet": article.outlet,
        "title": article.title,
        "byline": article.byline,
        "place": article.place,
        "url": article.url,
        "published": published,
        "published_source": source,
        "published_reason": reason,
        "captured": article.captured,
        "copyright_year": article.copyright_year,
        "words": article.words,
        "body_start": article.body_start,
        "body_end": article.body_end if article.body_end is not None else len(article.text),
        "text": article.text,
        "folded": fold_if_changed(f"{article.title or ''}\n{article.text}"),
        "pipeline_version": pipeline_version,
        "warnings": "\n".join(article.warnings) or None,
    }
    row = db.execute("SELECT id FROM articles WHERE path = ?", [article.path]).fetchone()
    if row:
        article_id = row[0]
        # Explicit deletes, not a cascade: the FTS delete triggers then see every row.
        db.execute("DELETE FROM quotes WHERE article_id = ?", [article_id])
        db.execute("DELETE FROM events WHERE article_id = ?", [article_id])
        _delete_identity(db, article_id)
        db.execute(
            f"UPDATE articles SET {', '.join(f'[{c}] = ?' for c in record)} WHERE id = ?", [*record.values(), article_id]
        )
    else:
        article_id = _insert_rows(db, "articles", [record])
    write_extraction(db, article_id, extraction, settings)
    return article_id


def write_extraction(db: sqlite_utils.Database, article_id: int, extraction: Extraction, settings: Settings) -> None:
    """Insert an article's quotes and events (the old ones must already be gone)."""
    focus = {s.name for s in settings.speakers}
    row = db.execute("SELECT published FROM articles WHERE id = ?", [article_id]).fetchone()
    published = row[0] if row else None
    quote_rows = []
    for seq, quote in enumerate(extraction.quotes):
        sid = (
            speaker_id(db, quote.speaker, quote.group, quote.speaker in focus) if quote.speaker else None
        )
        quote_rows.append(
            {
                "article_id": article_id,
                "seq": seq,
                "start": quote.start,
                "end": quote.end,
                "text": quote.text,
                "kind": quote.kind,
                "cue": quote.cue,
                "cue_start": quote.cue_start,
                "cue_end": quote.cue_end,
                # Named across the briefing by the identity step (core.indexer.identity).
                "speaker": quote.speaker,
                "extracted_speaker": quote.speaker,
                "speaker_id": sid,
                "speaker_as_written": quote.speaker_as_written,
                "attribution": quote.attribution,
                "group_name": quote.group,
                "parent_seq": quote.parent,
                "statement_id": None,
                "folded": fold_if_changed(f"{quote.text}\n{quote.speaker}"),
                "published": published,
            }
        )
    if quote_rows:
        _insert_rows(db, "quotes", quote_rows)
    event_rows = []
    dated_sentences: set[tuple] = set()
    for seq, event in enumerate(extraction.events):
        first, last = day_range(event.value, event.granularity)
        # Two expressions of one sentence on one date ("on Monday ... Monday's") make one timeline line.
        sentence = (event.sentence_start, event.sentence_end) if event.sentence_start >= 0 else event.sentence
        repeats = (event.value, sentence) in dated_sentences
        dated_sentences.add((event.value, sentence))
        event_rows.append(
            {
                "article_id": article_id,
                "seq": seq,
                "start": event.start,
                "end": event.end,
                "expression": event.expression,
                "value": event.value,
                "granularity": event.granularity,
                "anchor": event.anchor,
                "rule": event.rule,
                "sentence": event.sentence,
                "sentence_start": event.sentence_start,
                "sentence_end": event.sentence_end,
                "day_first": first,
                "day_last": last,
                "cluster_id": None,
                "disagreement": None,
                "role": event.role,
                "repeats": int(repeats),
            }
        )
    if event_rows:
        _insert_rows(db, "events", event_rows)


def _insert_rows(db: sqlite_utils.Database, table: str, rows: list[dict]) -> int:
    """Insert rows that share one set of keys in one statement; return the last row id.

    Plain `executemany` rather than sqlite-utils' `insert_all`: the schema is fixed, and its
    per-row type detection was a fifth of indexing time.
    """
    columns = list(rows[0])
    sql = f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) VALUES ({', '.join('?' * len(columns))})"
    if len(rows) == 1:
        return db.execute(sql, list(rows[0].values())).lastrowid
    db.conn.executemany(sql, [list(row.values()) for row in rows])
    return db.execute("SELECT last_insert_rowid()").fetchone()[0]


def defer_full_text(db: sqlite_utils.Database) -> None:
    """Leave rows written from now on out of the full-text indexes until `catch_up_full_text`
    (caller owns the transaction). A mark left by a killed run is kept: it covers more rows."""
    for table in FTS_COLUMNS:
        key = FTS_DEFERRED_KEY.format(table=table)
        if get_meta(db, key) is None:
            last = db.execute(f"SELECT coalesce(max(id), 0) FROM [{table}]").fetchone()[0]
            set_meta(db, key, str(last))


def defer_read_indexes(db: sqlite_utils.Database) -> None:
    """Drop the indexes only reads use, for `build_read_indexes` to build at the end of a run
    that writes most of the briefing (caller owns the transaction)."""
    for name in READ_INDEXES:
        db.execute(f"DROP INDEX IF EXISTS [{name}]")


def build_read_indexes(db: sqlite_utils.Database) -> None:
    """Build the indexes only reads use that are missing (dropped by `defer_read_indexes`, in
    this run or in one that was stopped); nothing to do, and no write, when all are there."""
    present = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()}
    missing = [sql for name, sql in READ_INDEXES.items() if name not in present]
    if missing:
        with db.atomic():
            for sql in missing:
                db.execute(sql)


#: Bytes of new full-text index FTS5 keeps in memory before it writes them as a segment (its
#: default is 1 MB). Filling an index in one go then writes fewer, larger segments and merges
#: them less: for 10,000 articles the catch-up took 1.15 s instead of 1.6, the vocabulary
#: 0.64 s instead of 0.8.
FTS_HASH_BYTES = 16 * 2**20


def catch_up_full_text(db: sqlite_utils.Database) -> int:
    """Add the rows `defer_full_text` left out to the full-text indexes, in one transaction;
    return how many rows were added."""
    added = 0
    with db.atomic():
        for table, columns in FTS_COLUMNS.items():
            key = FTS_DEFERRED_KEY.format(table=table)
            after = get_meta(db, key)
            if after is None:
                continue
            names = ", ".join(f"[{c}]" for c in columns)
            # Kept in the table's own settings (FTS5 reads them from its config table).
            db.execute(f"INSERT INTO [{table}_fts] ([{table}_fts], rank) VALUES ('hashsize', {FTS_HASH_BYTES})")
            added += db.execute(
                f"INSERT INTO [{table}_fts] (rowid, {names}) SELECT id, {names} FROM [{table}] WHERE id > ?", [int(after)]
            ).rowcount
            db.execute("DELETE FROM meta WHERE key = ?", [key])
    return added


def update_words(db: sqlite_utils.Database) -> int:
    """Add the words of the articles listed in `words_pending`, and of every speaker's name, to
    the vocabulary with their stems (see schema.WORDS_SQL), in one transaction; return how many
    words were new."""
    with db.atomic():
        # Tokenized by FTS5 itself (unstemmed, then each new word stemmed), so a word here is
        # exactly a term the full-text index was given, and its stem exactly the one stored.
        db.execute(
            "CREATE VIRTUAL TABLE temp.words_source USING fts5(text, content='', detail='none', "
            f"tokenize='{WORD_TOKENIZE}')"
        )
        try:
            # Built once and read once: merging its segments as it grows would be wasted work
            # (at 100,000 articles 5 s instead of 8, with the read that merges them counted).
            for option, value in (("automerge", 0), ("crisismerge", 1000), ("hashsize", FTS_HASH_BYTES)):
                db.execute(f"INSERT INTO temp.words_source (words_source, rank) VALUES ('{option}', {value})")
            db.execute(
                "INSERT INTO temp.words_source (text) SELECT coalesce(title, '') || ' ' || text || ' ' || "
                "coalesce(folded, '') FROM articles WHERE id IN (SELECT article_id FROM words_pending)"
            )
            db.execute("INSERT INTO temp.words_source (text) SELECT name FROM speakers")
            db.execute("CREATE VIRTUAL TABLE temp.words_source_terms USING fts5vocab(temp, words_source, 'row')")
            db.execute(
                "CREATE TEMP TABLE words_new AS SELECT term FROM temp.words_source_terms "
                "WHERE term NOT IN (SELECT word FROM main.words)"
            )
            db.execute(f"CREATE VIRTUAL TABLE temp.words_stemmed USING fts5(word, tokenize='{TOKENIZE}')")
            db.execute("INSERT INTO temp.words_stemmed (rowid, word) SELECT rowid, term FROM temp.words_new")
            db.execute("CREATE VIRTUAL TABLE temp.words_stems USING fts5vocab(temp, words_stemmed, 'instance')")
            added = db.execute(
                "INSERT OR IGNORE INTO main.words (word, stem) SELECT n.term, s.term "
                "FROM temp.words_stems s JOIN temp.words_new n ON n.rowid = s.doc"
            ).rowcount
            db.execute("DELETE FROM words_pending")
        finally:
            for table in ("words_stems", "words_stemmed", "words_new", "words_source_terms", "words_source"):
                db.execute(f"DROP TABLE IF EXISTS temp.{table}")
    return added


def words_owed(db: sqlite_utils.Database) -> bool:
    """True when articles wait for their words to be read into the vocabulary (see `update_words`)."""
    return db.execute("SELECT 1 FROM words_pending LIMIT 1").fetchone() is not None


def unindexed_articles(db: sqlite_utils.Database) -> int:
    """How many articles a search cannot find yet (an index run is still going, or was stopped before its end)."""
    after = get_meta(db, FTS_DEFERRED_KEY.format(table="articles"))
    if after is None:
        return 0
    return db.execute("SELECT count(*) FROM articles WHERE id > ?", [int(after)]).fetchone()[0]


def delete_article(db: sqlite_utils.Database, article_id: int) -> None:
    """Remove an article with its quotes and events (caller owns the transaction)."""
    db.execute("DELETE FROM quotes WHERE article_id = ?", [article_id])
    db.execute("DELETE FROM events WHERE article_id = ?", [article_id])
    _delete_identity(db, article_id)
    db.execute("DELETE FROM articles WHERE id = ?", [article_id])


def _delete_identity(db: sqlite_utils.Database, article_id: int) -> None:
    """Forget how an article named its speakers and the clues its text gave (core.store.identity)."""
    db.execute("DELETE FROM speaker_names WHERE article_id = ?", [article_id])
    db.execute("DELETE FROM speaker_clues WHERE article_id = ?", [article_id])


def prune_speakers(db: sqlite_utils.Database) -> None:
    """Drop speakers no quote refers to any more."""
    db.execute("DELETE FROM speakers WHERE id NOT IN (SELECT DISTINCT speaker_id FROM quotes WHERE speaker_id IS NOT NULL)")
