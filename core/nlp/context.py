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

    #: Publication dates (ISO days) of the other dated articles.
    published: tuple[str, ...] = ()
    #: How often each ISO day is the resolved value of another article's day-level event.
    event_days: Counter = field(default_factory=Counter)

    def __hash__(self) -> int:  # Counter is unhashable; identity is enough for a frozen context.
        return id(self)
