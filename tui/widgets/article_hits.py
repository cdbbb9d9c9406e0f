"""Articles matching the search, each with a snippet whose matched words are highlighted."""

from __future__ import annotations

from typing import ClassVar

from briefing.core.store.search import ArticleHit
from briefing.core.textsafe import terminal_safe
from briefing.tui.text import marked, safe, short_day
from briefing.tui.widgets.briefing_list import BriefingList
from rich.text import Text


class ArticleHits(BriefingList):
    """Search results among articles, best first; enter opens the article."""

    #: Hits made options at a time (three lines each; redrawn on every keystroke of a search).
    PAGE_SIZE: ClassVar[int] = 10
    EMPTY_TEXT = "No articles match."
    COMPONENT_CLASSES: ClassVar[set[str]] = {"hit--outlet", "hit--snippet", "hit--match"}
    """Styles of outlet line, snippet and matched words, set in app.tcss."""

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
