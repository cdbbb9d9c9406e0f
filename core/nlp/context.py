"""What the pipeline knows about the briefing beyond one article (for dating undated articles)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class BriefingContext:
    """Dates the other articles of the briefing give.

    Used to infer the publication date of an article that states none: its "on Monday" is
    most likely the Monday the other sources date the same events to.
    """

    #: Publication dates (ISO days) of the other dated articles, each day once.
    published: tuple[str, ...] = ()
    #: How often each ISO day is the resolved value of another article's day-level event.
    event_days: Counter = field(default_factory=Counter)

    def __hash__(self) -> int:  # Counter is unhashable; identity is enough for a frozen context.
        return id(self)


def context_from_db(db, exclude_article_id: int | None = None) -> BriefingContext:
    """The dates the briefing's dated articles give: their publication days and event days."""
    published = tuple(
        r[0]
        for r in db.execute(
            "SELECT DISTINCT published FROM articles WHERE published IS NOT NULL "
            "AND published_source NOT IN ('inferred', 'unknown') AND id IS NOT ?",
            [exclude_article_id],
        ).fetchall()
    )
    days: Counter = Counter()
    for value, count in db.execute(
        "SELECT e.value, count(*) FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE e.granularity = 'day' AND a.published_source NOT IN ('inferred', 'unknown') "
        "AND a.id IS NOT ? GROUP BY e.value",
        [exclude_article_id],
    ).fetchall():
        days[value] = count
    return BriefingContext(published=published, event_days=days)
