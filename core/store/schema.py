"""The briefing database schema, its version, and the FTS5 indexes kept in step by triggers."""

from __future__ import annotations

import sqlite_utils

#: Bumped whenever the tables change; stored in PRAGMA user_version.
SCHEMA_VERSION = 11
#: Marks a file as a briefing database (PRAGMA application_id, "BRIF").
APPLICATION_ID = 0x42524946

#: porter stemming over unicode61 with diacritics removed, so "Vučić" finds "Vucic".
TOKENIZE = "porter unicode61 remove_diacritics 2"
#: The same words unstemmed: what the briefing's vocabulary (table `words`) is read with.
WORD_TOKENIZE = "unicode61 remove_diacritics 2"

ARTICLE_COLUMNS = {
    "id": int,
    "path": str,
    # The file the article came from (a JSON Lines file holds many articles).
    "file": str,
    "content_hash": str,
    "format": str,
    "outlet": str,
    "title": str,
    "byline": str,
    "place": str,
    "url": str,
    "published": str,
    "published_source": str,
    "published_reason": str,
    "captured": str,
    "copyright_year": int,
    "words": int,
    "body_start": int,
    "body_end": int,
    "text": str,
    # fold(title + text) where folding changes anything (Cyrillic, đ), else NULL.
    "folded": str,
    # Version of the NLP rules that produced this article's quotes and events.
    "pipeline_version": str,
    "warnings": str,
}

SPEAKER_COLUMNS = {
    "id": int,
    "name": str,
    "group_name": str,
    "is_focus": int,
    # person, organisation, group or description (core.identity.resolve): people are offered first.
    "kind": str,
    # 1 when the settings hide the speaker from the lists and the columns a briefing opens with.
    "hidden": int,
}

QUOTE_COLUMNS = {
    "id": int,
    "article_id": int,
    "seq": int,
    "start": int,
    "end": int,
    "text": str,
    "kind": str,
    "cue": str,
    "cue_start": int,
    "cue_end": int,
    # The name the speaker is shown under across the briefing (core.identity), and the one the
    # extraction gave it in this article, which that name was reached from.
    "speaker": str,
    "extracted_speaker": str,
    "speaker_id": int,
    "speaker_as_written": str,
    "attribution": str,
    "group_name": str,
    "parent_seq": int,
    # Quotes from different articles that report the same statement share a statement id.
    "statement_id": int,
    "folded": str,
    # Copy of the article's publication date (kept by a trigger): a column of one speaker's
    # quotes is read in date order from an index instead of sorting all of them on every start.
    "published": str,
}

EVENT_COLUMNS = {
    "id": int,
    "article_id": int,
    "seq": int,
    "start": int,
    "end": int,
    "expression": str,
    "value": str,
    "granularity": str,
    "anchor": str,
    "rule": str,
    "sentence": str,
    "sentence_start": int,
    "sentence_end": int,
    # First and last ISO day the value covers, so filters and ordering work for every granularity.
    "day_first": str,
    "day_last": str,
    # Events from different sources about the same happening share a cluster id.
    "cluster_id": int,
    # Why sources disagree about this event (a date or a figure), or NULL.
    "disagreement": str,
    # What the day is to the story (core.models.EVENT_ROLES); NULL reads as "story".
    "role": str,
    # 1 when an earlier event of the article dates the same sentence to the same value ("on
    # Monday ... Monday's"): the timeline lists a sentence once per date.
    "repeats": int,
}


def create_schema(db: sqlite_utils.Database) -> None:
    """Create every table, index, FTS table and trigger of an empty database.

    Safe to run again after an interrupted creation: the application id and version are
    written last, so a half-made file is recognised and finished.
    """
    db["meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
    # One row per source file: lets a re-index skip unchanged files on a stat, without reading.
    db["files"].create(
        {"path": str, "content_hash": str, "size": int, "mtime_ns": int, "pipeline_version": str},
        pk="path",
        if_not_exists=True,
    )
    db.execute(OWED_SQL)
    db["articles"].create(ARTICLE_COLUMNS, pk="id", not_null={"path", "text"}, if_not_exists=True)
    db["articles"].create_index(["path"], unique=True, if_not_exists=True)
    db["articles"].create_index(["file"], if_not_exists=True)
    db["speakers"].create(SPEAKER_COLUMNS, pk="id", not_null={"name"}, if_not_exists=True)
    db["speakers"].create_index(["name"], unique=True, if_not_exists=True)
    db["quotes"].create(
        QUOTE_COLUMNS,
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")],
        if_not_exists=True,
    )
    db["quotes"].create_index(["article_id", "seq"], unique=True, if_not_exists=True)
    db["quotes"].create_index(["speaker_id"], if_not_exists=True)
    db.execute(QUOTE_DATE_TRIGGER_SQL)
    db["events"].create(
        EVENT_COLUMNS, pk="id", foreign_keys=[("article_id", "articles", "id")], if_not_exists=True
    )
    db["events"].create_index(["article_id", "seq"], unique=True, if_not_exists=True)
    for statement in READ_INDEXES.values():
        db.execute(statement)
    for statement in IDENTITY_SQL:
        db.execute(statement)
    # The whole timeline counted once per index run (core.store.timeline.store_timeline_summary).
    db.execute(TIMELINE_DATES_SQL)
    # External-content FTS5 tables: triggers keep them in the same transaction as the rows.
    for table, columns in FTS_COLUMNS.items():
        db.execute(fts_table_sql(table, columns))
    for statement in FTS_TRIGGERS_SQL:
        db.execute(statement)
    for statement in WORDS_SQL:
        db.execute(statement)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


#: Sources are listed in this order (core.store.reads.list_sources): with it indexed, the first
#: page of a large briefing is read from the index instead of sorting every article row.
ARTICLE_ORDER_INDEX_SQL = (
    "CREATE INDEX IF NOT EXISTS idx_articles_order ON articles (published IS NULL, published, outlet, path)"
)

#: A column of quotes is one speaker's (or one group's), oldest source first, in article order
#: (core.store.reads.list_quotes): indexed in that order, its first page is read, not sorted.
#: The article's date is copied onto its quotes and follows it when it changes (an undated
#: article's inferred date is revised when the briefing grows).
QUOTE_ORDER_INDEXES_SQL = (
    "CREATE INDEX IF NOT EXISTS idx_quotes_speaker_order "
    "ON quotes (speaker, published IS NULL, published, article_id, seq)",
    "CREATE INDEX IF NOT EXISTS idx_quotes_group_order "
    "ON quotes (group_name, published IS NULL, published, article_id, seq)",
)
QUOTE_DATE_TRIGGER_SQL = (
    "CREATE TRIGGER IF NOT EXISTS quotes_follow_article_date AFTER UPDATE OF published ON articles "
    "WHEN new.published IS NOT old.published "
    "BEGIN UPDATE quotes SET published = new.published WHERE article_id = new.id; END"
)
QUOTE_ORDER_SQL = (*QUOTE_ORDER_INDEXES_SQL, QUOTE_DATE_TRIGGER_SQL)

#: A column's count leaves out a fragment shown on its statement's card (core.store.reads
#: count_quotes): with the fragment mark beside the speaker or group, the count reads only these
#: indexes instead of every one of a speaker's quote rows (at 100,000 articles, 50 ms to 5 ms).
QUOTE_COUNT_INDEXES_SQL = (
    "CREATE INDEX IF NOT EXISTS idx_quotes_speaker_parent ON quotes (speaker, parent_seq)",
    "CREATE INDEX IF NOT EXISTS idx_quotes_group_parent ON quotes (group_name, parent_seq)",
)

#: Indexes that only reading and the briefing-wide steps use, by name: writing an article
#: never looks anything up by them. A run that at least doubles the briefing drops them while
#: it writes and builds them again before its briefing-wide steps
#: (core.store.database.defer_read_indexes): for 10,000 articles, keeping them up row by row
#: took 1.5 s, building them at the end 0.2 s. Every index run builds again any left dropped
#: by a run that was stopped; until then the database is whole, only slower to read.
READ_INDEXES = {
    "idx_articles_published": 'CREATE INDEX IF NOT EXISTS "idx_articles_published" ON "articles" ("published")',
    "idx_articles_published_source":
        'CREATE INDEX IF NOT EXISTS "idx_articles_published_source" ON "articles" ("published_source")',
    "idx_articles_order": ARTICLE_ORDER_INDEX_SQL,
    "idx_quotes_statement_id": 'CREATE INDEX IF NOT EXISTS "idx_quotes_statement_id" ON "quotes" ("statement_id")',
    "idx_quotes_speaker_order": QUOTE_ORDER_INDEXES_SQL[0],
    "idx_quotes_group_order": QUOTE_ORDER_INDEXES_SQL[1],
    "idx_quotes_speaker_parent": QUOTE_COUNT_INDEXES_SQL[0],
    "idx_quotes_group_parent": QUOTE_COUNT_INDEXES_SQL[1],
    "idx_events_day_first": 'CREATE INDEX IF NOT EXISTS "idx_events_day_first" ON "events" ("day_first")',
    "idx_events_cluster_id": 'CREATE INDEX IF NOT EXISTS "idx_events_cluster_id" ON "events" ("cluster_id")',
}

FTS_COLUMNS = {"articles": ("title", "text", "folded"), "quotes": ("text", "speaker", "folded")}

#: Prefix lengths the full-text tables keep an index of. Search as you type makes the last word
#: a prefix from its third letter (core.store.search.PREFIX_MIN_LETTERS), and three letters begin
#: the most words: without an index of its own FTS5 merges all of their lists to rank the
#: prefix, with one it reads a single list (at 10,000 articles the articles' half of "sta" goes
#: from 15 to 7 ms; the file grows by a sixth). Longer prefixes begin few enough words.
FTS_PREFIXES = "3"


def fts_table_sql(table: str, columns: tuple[str, ...]) -> str:
    """CREATE statement of `table`'s external-content FTS5 table (with its prefix index)."""
    names = ", ".join(f'"{c}"' for c in columns)
    return (
        f'CREATE VIRTUAL TABLE IF NOT EXISTS "{table}_fts" USING FTS5 ({names}, '
        f"tokenize='{TOKENIZE}', content=\"{table}\", prefix='{FTS_PREFIXES}')"
    )

#: Work the briefing-wide steps of an index run still owe, written in the same transaction as
#: the articles that caused it, so a run killed before those steps is finished by the next run
#: (core.store.owed). Each row is a kind of work and what it is about; rowid order is the order
#: it was owed in, which is the order undated articles are dated in.
OWED_SQL = "CREATE TABLE IF NOT EXISTS owed (kind TEXT NOT NULL, key TEXT NOT NULL, UNIQUE (kind, key))"
#: The kinds of owed work: date an undated article once the run is in (key: its path); relink
#: everything; relink the statements; relink the events of an ISO week (key: its Monday) or of a
#: long date value (key: the value); name the speakers again, reading an article's clues first
#: (key: its id, or "" for every article), or only naming again (an article removed).
OWED_DATE, OWED_ALL_LINKS, OWED_STATEMENTS, OWED_WEEK, OWED_VALUE = "date", "all-links", "statements", "week", "value"
OWED_IDENTITY, OWED_NAMES = "identity", "names"

#: Briefing-wide identity (core.identity): how each article names each speaker and the name the
#: briefing gives it, with the rule and the reason (what the reader is shown: "surname of …"),
#: and the clues each article's text gives (titled names, appositions, acronyms, names met),
#: read once when the article is written, so naming again reads no article text. Rows of an
#: article go with it (core.store.database.delete_article).
IDENTITY_SQL = (
    "CREATE TABLE IF NOT EXISTS speaker_names (article_id INTEGER NOT NULL, spelling TEXT NOT NULL, "
    "name TEXT NOT NULL, rule TEXT NOT NULL DEFAULT '', because TEXT NOT NULL DEFAULT '', "
    "kind TEXT NOT NULL DEFAULT '', quotes INTEGER NOT NULL DEFAULT 0, written TEXT NOT NULL DEFAULT '[]', "
    "PRIMARY KEY (article_id, spelling)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS idx_speaker_names_name ON speaker_names (name)",
    "CREATE TABLE IF NOT EXISTS speaker_clues (article_id INTEGER NOT NULL, kind TEXT NOT NULL, "
    "name TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX IF NOT EXISTS idx_speaker_clues_article ON speaker_clues (article_id)",
)

#: The briefing's own tables, besides the full-text ones, in the order a rebuild empties them
#: (rows before those they refer to; `meta` only in part).
TABLES = (
    "quotes", "events", "speaker_names", "speaker_clues", "articles", "files", "speakers", "owed", "timeline_dates",
    "words", "words_pending", "meta",
)
#: Tables every full-text index keeps (FTS5's shadow tables).
FTS_TABLES = tuple(f"{table}_fts{suffix}" for table in FTS_COLUMNS for suffix in ("", "_data", "_idx", "_docsize", "_config"))


#: Meta key of the most quoted groups and speakers, kept by each index run (core.store.reads.most_quoted).
MOST_QUOTED_KEY = "most_quoted"
#: Meta key saying the stored timeline summary matches the events ("current"; core.store.timeline).
SUMMARY_KEY = "timeline_summary"

#: Meta key per table: its rows with a larger id are not in the full-text index yet. A long
#: index run fills the index once at its end (core.store.database.defer_full_text): FTS5 builds
#: it far faster in one go than a row at a time, a small segment per committed batch.
FTS_DEFERRED_KEY = "fts_unindexed_after.{table}"


def _fts_triggers(table: str, columns: tuple[str, ...]) -> tuple[str, ...]:
    """The triggers keeping `table`'s full-text index in step (drops, then creates).

    As sqlite-utils writes them, but for two things: the update trigger fires only when an
    indexed column's value changes, and none fires for a row the index is not to hold yet
    (`FTS_DEFERRED_KEY`).
    """
    names = ", ".join(f'"{c}"' for c in columns)
    old = ", ".join(f'old."{c}"' for c in columns)
    new = ", ".join(f'new."{c}"' for c in columns)
    key = FTS_DEFERRED_KEY.format(table=table)

    def indexed(row: str) -> str:
        return f"{row}.rowid <= coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = '{key}'), {row}.rowid)"

    # An article written again with the same words (an undated one, dated at the end of a run)
    # must not be tokenized again: naming a column in SET is not changing it.
    words_changed = " OR ".join(f'old."{c}" IS NOT new."{c}"' for c in columns)

    delete = f'INSERT INTO "{table}_fts" ("{table}_fts", rowid, {names}) VALUES(\'delete\', old.rowid, {old});'
    insert = f'INSERT INTO "{table}_fts" (rowid, {names}) VALUES (new.rowid, {new});'
    return (
        *(f'DROP TRIGGER IF EXISTS "{table}_{kind}"' for kind in ("ai", "ad", "au")),
        f'CREATE TRIGGER "{table}_ai" AFTER INSERT ON "{table}" WHEN {indexed("new")} BEGIN {insert} END',
        f'CREATE TRIGGER "{table}_ad" AFTER DELETE ON "{table}" WHEN {indexed("old")} BEGIN {delete} END',
        f'CREATE TRIGGER "{table}_au" AFTER UPDATE OF {names} ON "{table}" '
        f'WHEN ({words_changed}) AND {indexed("old")} BEGIN {delete} {insert} END',
    )


#: Setting a quote's statement id or date, or an article's inferred date, leaves the words as
#: they were: the full-text index is updated only when an indexed column changes (every other
#: update would tokenize the text twice and leave a deleted copy in the index until merged).
FTS_TRIGGERS_SQL = tuple(sql for table, columns in FTS_COLUMNS.items() for sql in _fts_triggers(table, columns))

#: The briefing's vocabulary: every word of its articles (and its speakers' names) as the
#: full-text index's tokenizer reads it before stemming, with the porter stem FTS5 gives it.
#: The index holds only stems, and FTS5 stems the prefix of a prefix query too, so "witnes"
#: would look for stems beginning "witn" and miss "witness" (stem "wit"), while "witnesses"
#: would become every word beginning "wit", "with" included. Search as you type reads here
#: which stems the words beginning with what was typed have (core.store.search).
#: `words_pending` lists articles whose words are not read yet, filled by triggers in the
#: transaction that writes them and emptied at the end of an index run
#: (core.store.database.update_words), so a killed run leaves them listed. Speakers' names
#: (which the settings may spell out in full) are read at every run: there are few.
WORDS_SQL = (
    "CREATE TABLE IF NOT EXISTS words (word TEXT PRIMARY KEY, stem TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS words_pending (article_id INTEGER PRIMARY KEY)",
    "CREATE TRIGGER IF NOT EXISTS words_article_ai AFTER INSERT ON articles "
    "BEGIN INSERT OR IGNORE INTO words_pending (article_id) VALUES (new.id); END",
    "CREATE TRIGGER IF NOT EXISTS words_article_au AFTER UPDATE OF title, text, folded ON articles "
    "WHEN old.title IS NOT new.title OR old.text IS NOT new.text OR old.folded IS NOT new.folded "
    "BEGIN INSERT OR IGNORE INTO words_pending (article_id) VALUES (new.id); END",
)

#: `roles` counts the date's events by role (a JSON object).
TIMELINE_DATES_SQL = (
    "CREATE TABLE IF NOT EXISTS timeline_dates (value TEXT PRIMARY KEY, granularity TEXT, day_first TEXT, "
    "total INTEGER, outlets TEXT, notes TEXT, first_ids TEXT, roles TEXT)"
)
#: The table as step 1 → 2 made it (step 7 → 8 adds `roles`).
_TIMELINE_DATES_V2_SQL = (
    "CREATE TABLE IF NOT EXISTS timeline_dates (value TEXT PRIMARY KEY, granularity TEXT, day_first TEXT, "
    "total INTEGER, outlets TEXT, notes TEXT, first_ids TEXT)"
)

def _key_after(prefix: str) -> str:
    """SQL: whether `pending.path` begins with NUL and `prefix`, and what follows (SQLite's text
    functions stop at a NUL, so the path is read as bytes)."""
    size = len(prefix) + 1
    head = f"CAST(substr(CAST(path AS BLOB), 1, {size}) AS TEXT) = char(0) || '{prefix}'"
    return head, f"CAST(substr(CAST(path AS BLOB), {size + 1}) AS TEXT)"


_WEEK_KEY, _WEEK_REST = _key_after("week:")
_VALUE_KEY, _VALUE_REST = _key_after("value:")
_OWED_FROM_PENDING_SQL = (
    "INSERT OR IGNORE INTO owed (kind, key) SELECT kind, key FROM (SELECT rowid AS n, "
    f"CASE WHEN path = '' THEN '{OWED_ALL_LINKS}' WHEN substr(CAST(path AS BLOB), 1, 1) != x'00' THEN '{OWED_DATE}' "
    f"WHEN path = char(0) || 'statements' THEN '{OWED_STATEMENTS}' WHEN {_WEEK_KEY} THEN '{OWED_WEEK}' "
    f"WHEN {_VALUE_KEY} THEN '{OWED_VALUE}' END AS kind, "
    f"CASE WHEN path = '' THEN '' WHEN substr(CAST(path AS BLOB), 1, 1) != x'00' THEN path "
    f"WHEN {_WEEK_KEY} THEN {_WEEK_REST} WHEN {_VALUE_KEY} THEN {_VALUE_REST} ELSE '' END AS key "
    "FROM pending) WHERE kind IS NOT NULL ORDER BY n"
)

#: Migrations from version N to N+1, as SQL scripts. When a step cannot be written
#: as SQL (the NLP output changed shape), the database says "re-index needed" instead.
MIGRATIONS: dict[int, str] = {
    # 1 → 2: quotes are read by speaker name (the app's columns), sources by how they were dated.
    # The timeline summary is filled by the next index run; until then the timeline is counted.
    1: "CREATE INDEX IF NOT EXISTS idx_quotes_speaker ON quotes (speaker);\n"
    "CREATE INDEX IF NOT EXISTS idx_articles_published_source ON articles (published_source);\n"
    + _TIMELINE_DATES_V2_SQL + ";",
    # 2 → 3: the source list's order is indexed.
    2: ARTICLE_ORDER_INDEX_SQL + ";",
    # 3 → 4: quotes carry their article's date; a column's order is indexed (replacing the
    # plain speaker and group indexes, which the new ones begin with); the full-text update
    # triggers fire only for the indexed columns (as written by step 4 → 5).
    3: "ALTER TABLE quotes ADD COLUMN published TEXT;\n"
    "UPDATE quotes SET published = (SELECT a.published FROM articles a WHERE a.id = quotes.article_id);\n"
    "DROP INDEX IF EXISTS idx_quotes_speaker;\n"
    "DROP INDEX IF EXISTS idx_quotes_group_name;\n" + ";\n".join(QUOTE_ORDER_SQL) + ";",
    # 4 → 5: the full-text triggers leave alone the rows a long run indexes at its end, and
    # an update that keeps the words.
    4: ";\n".join(FTS_TRIGGERS_SQL) + ";",
    # 5 → 6: the vocabulary for prefix search; every article's words are read when the
    # database is opened for writing (core.store.database.update_words).
    5: ";\n".join(WORDS_SQL) + ";\nINSERT OR IGNORE INTO words_pending (article_id) SELECT id FROM articles;",
    # 6 → 7: owed work is a table of kinds and keys, in the order it was owed (table `pending`
    # held article paths, link keys beginning with NUL, and "" for relink everything).
    6: OWED_SQL + ";\n" + _OWED_FROM_PENDING_SQL + ";\nDROP TABLE pending;",
    # 7 → 8: events keep their role and whether they repeat a sentence's date; the timeline
    # summary counts roles. Stored events read as the story's, each listed, until the next
    # index run extracts every file again (no file or article counts as made by its rules);
    # the summary is counted afresh until that run stores it again.
    7: "ALTER TABLE events ADD COLUMN role TEXT;\n"
    "ALTER TABLE events ADD COLUMN repeats INTEGER;\n"
    "ALTER TABLE timeline_dates ADD COLUMN roles TEXT;\n"
    "UPDATE files SET pipeline_version = NULL;\n"
    "UPDATE articles SET pipeline_version = NULL;\n"
    f"DELETE FROM meta WHERE key = '{SUMMARY_KEY}';",
    # 8 → 9: briefing-wide identity. Each quote keeps the speaker the extraction gave it; the
    # next index run reads every article's clues and names every speaker again (no re-extraction).
    8: "ALTER TABLE quotes ADD COLUMN extracted_speaker TEXT;\n"
    "UPDATE quotes SET extracted_speaker = speaker;\n"
    "ALTER TABLE speakers ADD COLUMN kind TEXT;\n"
    "ALTER TABLE speakers ADD COLUMN hidden INTEGER;\n"
    + ";\n".join(IDENTITY_SQL)
    + f";\nINSERT OR IGNORE INTO owed (kind, key) VALUES ('{OWED_IDENTITY}', '');",
    # 9 → 10: a column's quotes are counted from two indexes.
    9: ";\n".join(QUOTE_COUNT_INDEXES_SQL) + ";",
    # 10 → 11: the full-text tables keep an index of three-letter prefixes: each is made again
    # and filled from its rows, every row (so no row is left for a stopped run to add).
    10: "".join(
        f'DROP TABLE IF EXISTS "{table}_fts";\n{fts_table_sql(table, columns)};\n'
        f"INSERT INTO \"{table}_fts\" (\"{table}_fts\") VALUES ('rebuild');\n"
        f"DELETE FROM meta WHERE key = '{FTS_DEFERRED_KEY.format(table=table)}';\n"
        for table, columns in FTS_COLUMNS.items()
    ),
}
