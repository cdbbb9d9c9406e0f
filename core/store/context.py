"""What an index run reads from the briefing to date its undated articles (the NLP takes the result)."""

from __future__ import annotations

import sqlite_utils
from briefing.core.nlp.context import NAMES_CHARS, BriefingContext, ContextBuilder


def context_from_db(db: sqlite_utils.Database, exclude_article_id: int | None = None) -> BriefingContext:
    """The dates the briefing's dated articles give, by story (read once per index run)."""
    dated = "a.published IS NOT NULL AND a.published_source NOT IN ('inferred', 'unknown') AND a.id IS NOT ?"
    days: dict[int, list[str]] = {}
    for article_id, value in db.execute(
        f"SELECT e.article_id, e.value FROM events e JOIN articles a ON a.id = e.article_id "
        f"WHERE e.granularity = 'day' AND {dated}",
        [exclude_article_id],
    ):
        days.setdefault(article_id, []).append(value)
    builder = ContextBuilder()
    rows = db.execute(
        f"SELECT a.id, a.published, substr(a.text, a.body_start + 1, ?), coalesce(a.outlet, a.path) "
        f"FROM articles a WHERE {dated} ORDER BY a.published, a.id",
        [NAMES_CHARS, exclude_article_id],
    )
    for article_id, published, body, label in rows:
        builder.add(published, body or "", days.pop(article_id, ()), label or "")
    return builder.build()
