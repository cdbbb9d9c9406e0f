"""Articles matching the search, each with a snippet whose matched words are highlighted."""

from __future__ import annotations

from typing import ClassVar

from briefing.core.store.search import ArticleHit, Query
from briefing.core.textsafe import terminal_safe
from briefing.tui.text import marked, safe, short_day
from briefing.tui.widgets.briefing_list import BriefingList
from rich.text import Text
from textual.message import Message


class ArticleHits(BriefingList):
    """Search results among articles, best first; enter opens the article."""

    #: Hits made options at a time (three lines each; redrawn on every keystroke of a search).
    PAGE_SIZE: ClassVar[int] = 10
    #: A search fills the list anew on every key: one screen of hits, the next page as it is reached.
    WINDOW_SCREENS: ClassVar[float] = 1
    EMPTY_TEXT = "No articles match."
    COMPONENT_CLASSES: ClassVar[set[str]] = {"hit--outlet", "hit--snippet", "hit--match"}
    """Styles of outlet line, snippet and matched words, set in app.tcss."""

    class SnippetsWanted(Message):
        """Hits scrolled into view whose snippets are not read yet."""

        def __init__(self, hits: ArticleHits, query: Query, wanted: list[ArticleHit]) -> None:
            """Carry the list, the parsed search and the hits."""
            super().__init__()
            self.hits = hits
            self.query = query
            self.wanted = wanted

        @property
        def control(self) -> ArticleHits:
            """The list that wants the snippets."""
            return self.hits

    #: The parsed search the hits are for (set with them); None: no search.
    search: Query | None = None

    def set_hits(self, hits: list[ArticleHit], search: Query | None, empty_text: str | None = None) -> None:
        """Show `hits` of `search`, best first; hits without a snippet get one as they come into view.

        With no hits the list says `empty_text` (by default, that no article matches).
        """
        if hits and hits == self.items and search == self.search:
            return  # the same search's quotes grew by a page: the articles stay as the user left them
        self.search = search
        self.set_items(hits, keep_position=False, empty_text=empty_text or self.EMPTY_TEXT)

    def items_shown(self, items: list[ArticleHit]) -> None:
        """Ask for the snippets of hits that just came into view without one."""
        missing = [hit for hit in items if not hit.snippet.text]
        if self.search is not None and missing:
            self.post_message(self.SnippetsWanted(self, self.search, missing))

    def add_snippets(self, search: Query, hits: list[ArticleHit]) -> None:
        """Snippets read later for `search`: put them in and redraw the hits they belong to."""
        if search != self.search:
            return
        by_id = {hit.id: hit for hit in hits}
        self.items = [by_id.get(item.id, item) for item in self.items]
        for hit in hits:
            self.rerender(hit)

    def item_key(self, item: ArticleHit) -> str:
        """Option id: 'hit-<article id>'."""
        return f"hit-{item.id}"

    def render_item(self, item: ArticleHit) -> Text:
        """Outlet and date, then the snippet with the matches marked."""
        style = lambda name: self.get_component_rich_style(name, partial=True)  # noqa: E731
        text = safe(item.label, style("hit--outlet"))
        text.append(f" · {short_day(item.published)}", style("hit--outlet"))
        text.append("\n")
        text.append_text(marked(terminal_safe(item.snippet.text), item.snippet.marks, style("hit--snippet"), style("hit--match")))
        return text
