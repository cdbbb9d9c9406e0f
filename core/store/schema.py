"""The briefing database schema, its version, and the FTS5 indexes kept in step by triggers."""

from __future__ import annotations

import sqlite_utils

#: Bumped whenever the tables change; stored in PRAGMA user_version.
SCHEMA_VERSION = 3
#: Marks a file as a briefing database (PRAGMA application_id, "BRIF").
APPLICATION_ID = 0x42524946

#: porter stemming over unicode61 with diacritics removed, so "Vučić" finds "Vucic".
TOKENIZE = "porter unicode61 remove_diacritics 2"

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

SPEAKER_COLUMNS = {"id": int, "name": str, "group_name": str, "is_focus": int}

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
    "speaker": str,
    "speaker_id": int,
    "speaker_as_written": str,
    "attribution": str,
    "group_name": str,
    "parent_seq": int,
    # Quotes from different articles that report the same statement share a statement id.
    "statement_id": int,
    "folded": str,
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
    # Work the briefing-wide step still owes, written in the same transaction as the articles
    # that caused it, so a run killed before that step is finished by the next run. A row
    # with an empty path stands for "links across sources need recomputing".
    db["pending"].create({"path": str}, pk="path", if_not_exists=True)
    db["articles"].create(ARTICLE_COLUMNS, pk="id", not_null={"path", "text"}, if_not_exists=True)
    db["articles"].create_index(["path"], unique=True, if_not_exists=True)
    db["articles"].create_index(["published"], if_not_exists=True)
    db["articles"].create_index(["file"], if_not_exists=True)
    db["articles"].create_index(["published_source"], if_not_exists=True)
    db.execute(ARTICLE_ORDER_INDEX_SQL)
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
    # A column of one speaker's quotes is read by name.
    db["quotes"].create_index(["speaker"], if_not_exists=True)
    db["quotes"].create_index(["group_name"], if_not_exists=True)
    db["quotes"].create_index(["statement_id"], if_not_exists=True)
    db["events"].create(
        EVENT_COLUMNS, pk="id", foreign_keys=[("article_id", "articles", "id")], if_not_exists=True
    )
    db["events"].create_index(["article_id", "seq"], unique=True, if_not_exists=True)
    db["events"].create_index(["day_first"], if_not_exists=True)
    db["events"].create_index(["cluster_id"], if_not_exists=True)
    # The whole timeline counted once per index run (core.store.queries.store_timeline_summary).
    db.execute(TIMELINE_DATES_SQL)
    # External-content FTS5 tables: triggers keep them in the same transaction as the rows.
    db["articles"].enable_fts(["title", "text", "folded"], tokenize=TOKENIZE, create_triggers=True, replace=True)
    db["quotes"].enable_fts(["text", "speaker", "folded"], tokenize=TOKENIZE, create_triggers=True, replace=True)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


#: Sources are listed in this order (core.store.queries.list_sources): with it indexed, the first
#: page of a large briefing is read from the index instead of sorting every article row.
ARTICLE_ORDER_INDEX_SQL = (
    "CREATE INDEX IF NOT EXISTS idx_articles_order ON articles (published IS NULL, published, outlet, path)"
)

TIMELINE_DATES_SQL = (
    "CREATE TABLE IF NOT EXISTS timeline_dates (value TEXT PRIMARY KEY, granularity TEXT, day_first TEXT, "
    "total INTEGER, outlets TEXT, notes TEXT, first_ids TEXT)"
)

#: Migrations from version N to N+1, as SQL scripts. When a step cannot be written
#: as SQL (the NLP output changed shape), the database says "re-index needed" instead.
MIGRATIONS: dict[int, str] = {
    # 1 → 2: quotes are read by speaker name (the app's columns), sources by how they were dated.
    # The timeline summary is filled by the next index run; until then the timeline is counted.
    1: "CREATE INDEX IF NOT EXISTS idx_quotes_speaker ON quotes (speaker);\n"
    "CREATE INDEX IF NOT EXISTS idx_articles_published_source ON articles (published_source);\n"
    + TIMELINE_DATES_SQL + ";",
    # 2 → 3: the source list's order is indexed.
    2: ARTICLE_ORDER_INDEX_SQL + ";",
}
