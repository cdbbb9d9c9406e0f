"""The messages the app posts about what it did: for its own handlers, tests and the start-up benchmark."""

from __future__ import annotations

from pathlib import Path

from briefing.core.models import IndexReport
from briefing.tui.state import ColumnSpec, Filters
from textual.message import Message


class IndexProgress(Message):
    """Indexing the bundle advanced (a newer one replaces a queued older one)."""

    def __init__(self, done: int, total: int, path: str) -> None:
        """Files done, files in all, the file just read."""
        super().__init__()
        self.done = done
        self.total = total
        self.path = path

    def can_replace(self, message: Message) -> bool:
        """Only the latest progress matters."""
        return isinstance(message, IndexProgress)

class Started(Message):
    """The first screen is populated (or shows why it cannot be)."""

    def __init__(self, error: str | None, report: IndexReport | None) -> None:
        """The start-up error, if any, and the index report when the bundle was indexed."""
        super().__init__()
        self.error = error
        self.report = report

class FoldersUpdated(Message):
    """The folders of an open briefing were read again (`briefing FOLDER` on an indexed folder)."""

    def __init__(self, report: IndexReport) -> None:
        """What the index run did."""
        super().__init__()
        self.report = report


class OverviewLoaded(Message):
    """Sources and timeline were shown for these filters."""

    def __init__(self, filters: Filters, sources: int, entries: int) -> None:
        """The filters and how many sources and timeline entries are shown."""
        super().__init__()
        self.filters = filters
        self.sources = sources
        self.entries = entries

class ColumnsLoaded(Message):
    """The quote columns were shown for these filters and query."""

    def __init__(self, filters: Filters, query: str, counts: dict[str, int]) -> None:
        """The filters, the query, and the number of quotes per column label."""
        super().__init__()
        self.filters = filters
        self.query = query
        self.counts = counts

class SearchFinished(Message):
    """A search result was applied (or its error shown)."""

    def __init__(self, query: str, quotes: int, articles: int, error: str | None) -> None:
        """The query, matching quotes shown, matching articles, and the inline error if any."""
        super().__init__()
        self.query = query
        self.quotes = quotes
        self.articles = articles
        self.error = error

class StaleResultDropped(Message):
    """A worker finished after the user had moved on; its result was thrown away."""

    def __init__(self, kind: str, query: str) -> None:
        """'columns' or 'overview', and the query it was for."""
        super().__init__()
        self.kind = kind
        self.query = query

class FiltersChanged(Message):
    """The briefing was narrowed (or widened back)."""

    def __init__(self, filters: Filters) -> None:
        """The new filters."""
        super().__init__()
        self.filters = filters

class ColumnsChosen(Message):
    """The user chose new columns (remembered for this database)."""

    def __init__(self, specs: list[ColumnSpec], saved_to: Path | None) -> None:
        """The columns and the preferences file (None when it could not be written)."""
        super().__init__()
        self.specs = specs
        self.saved_to = saved_to

class SpeakersRenamed(Message):
    """A speaker was merged into another, renamed or hidden from the speaker picker (briefing.toml)."""

    def __init__(self, action: str, before: str, after: str) -> None:
        """merge, rename or hide; the speaker's name before and after."""
        super().__init__()
        self.action = action
        self.before = before
        self.after = after

class PinsChanged(Message):
    """A quote or event was pinned or unpinned."""

    def __init__(self, key: str, pinned: bool, total: int) -> None:
        """The item key ('quote-3', 'event-9'), its new state, and how many are pinned."""
        super().__init__()
        self.key = key
        self.pinned = pinned
        self.total = total

class ArticleOpened(Message):
    """The reader was opened on an article."""

    def __init__(self, article_id: int, quote_id: int | None, offset: int | None) -> None:
        """The article, and the quote or offset it was opened at."""
        super().__init__()
        self.article_id = article_id
        self.quote_id = quote_id
        self.offset = offset

class BriefExported(Message):
    """A Markdown brief was written."""

    def __init__(self, path: Path, quotes: int, events: int, pinned: bool) -> None:
        """Where it went, what it holds, and whether it was the pinned items."""
        super().__init__()
        self.path = path
        self.quotes = quotes
        self.events = events
        self.pinned = pinned
