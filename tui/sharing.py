"""Taking a briefing elsewhere: an article's web address opened in the browser, a quote copied
with its citation (speaker, outlet, date, address) to the clipboard, a brief written to a file."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING

from briefing.core.errors import BriefingError
from briefing.core.export import BriefContent, quote_citation, write_brief
from briefing.core.store.reads import get_source, sources_with_ids
from briefing.core.store.rows import QuoteRow, Source
from briefing.core.textsafe import web_address
from briefing.tui import messages
from briefing.tui.widgets.timeline_list import TimelineItem
from textual import work
from textual.app import App

if TYPE_CHECKING:
    from briefing.core.settings import Settings
    from briefing.tui.loader import ColumnsData, Overview, Store
    from briefing.tui.state import BriefingState


def can_open_browser(env: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether a browser can show a page to the person at this terminal.

    Over SSH without a forwarded display a browser would open, if at all, on the far machine
    (or, worse, as a text browser inside this very terminal); there the link is copied instead.
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if env.get("BROWSER") or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return True
    if env.get("SSH_CONNECTION") or env.get("SSH_TTY"):
        return False
    return platform in ("darwin", "win32")


def open_link(app: App, url: str | None) -> None:
    """Open an article's web address in the browser, or copy it when no browser can show it here."""
    address = web_address(url)
    if address is None:
        message = "This article has no web address." if not url else "This article's link is not a web address."
        app.notify(message, timeout=3)
        return
    if can_open_browser():
        # Finding the browser can take a moment (it asks the desktop): not on the screen's thread.
        app.run_worker(partial(app.open_url, address), thread=True, group="browser", exit_on_error=False)
        app.notify(f"Opening {address}", title="Browser", timeout=4)
    else:
        app.copy_to_clipboard(address)
        app.notify(f"No browser here (over SSH?), so the link was copied: {address}", title="Link copied", timeout=6)


def copy_quote(app: App, quote: QuoteRow, url: str | None) -> str:
    """Copy a quote with its citation to the clipboard (OSC 52, which works over SSH); return what was copied."""
    text = quote_citation(quote, url)
    app.copy_to_clipboard(text)
    app.notify("Copied the quote with its citation.", title="Copied", timeout=3)
    return text


class Sharing:
    """The app's side of `o` and `y` on list items (it reads the article's address, then opens or
    copies) and of `e`, the brief written to a file.

    Mixed into BriefingApp, which gives it `store`, `state`, `settings`, what is on screen and the App's workers.
    """

    store: Store
    state: BriefingState
    settings: Settings
    columns_data: ColumnsData | None
    overview: Overview | None

    def open_link_of(self, item: object) -> None:
        """`o` on a list item: the web address of the article it comes from, in the browser."""
        if isinstance(item, QuoteRow):
            self.open_article_link(item.article_id)
        elif isinstance(item, TimelineItem):
            if item.event is None:
                self.notify("A date line has several articles: choose one of its events.", timeout=3)
            else:
                self.open_article_link(item.event.article_id)
        elif isinstance(item, Source) or hasattr(item, "snippet"):
            self.open_article_link(item.id)

    @work(thread=True, group="sharing", exit_on_error=False)
    def open_article_link(self, article_id: int) -> None:
        """Open the web address of article `article_id` (read in a thread)."""
        url = self._article_url(article_id)
        if url is not False:
            self.call_from_thread(open_link, self, url)

    @work(thread=True, group="sharing", exit_on_error=False)
    def copy_quote_with_citation(self, quote: QuoteRow) -> None:
        """Copy `quote` with its citation, its source's address read in a thread."""
        url = self._article_url(quote.article_id)
        if url is not False:
            self.call_from_thread(copy_quote, self, quote, url)

    def _article_url(self, article_id: int) -> str | None | bool:
        """The article's URL (None when it has none), or False when it could not be read (and said so)."""
        try:
            source = self.store.read(get_source, article_id)
        except (BriefingError, RuntimeError, sqlite3.Error) as err:
            self.call_from_thread(self.notify, str(err), severity="error", timeout=5)
            return False
        if source is None:
            self.call_from_thread(self.notify, "This article is no longer in the briefing.", timeout=3)
            return False
        return source.url

    def action_export(self) -> None:
        """Write a Markdown brief: the pinned items, or what is on screen when nothing is pinned."""
        columns = [rows for _spec, rows in self.columns_data.columns] if self.columns_data else []
        entries = self.overview.entries if self.overview else []
        self._write_brief(self.state.brief(self.settings.title, columns, entries))

    @work(thread=True, group="export", exit_on_error=False)
    def _write_brief(self, brief: BriefContent) -> None:
        try:
            sources = self.store.read(sources_with_ids, brief.source_ids)
            path = write_brief(brief.render(sources), title=brief.title)
        except (BriefingError, sqlite3.Error) as err:
            message = str(err) if isinstance(err, BriefingError) else f"Could not read the sources for the brief: {err}"
            self.call_from_thread(self.notify, message, severity="error", timeout=8)
            return
        what = "pinned items" if brief.pinned else "what is on screen"
        self.call_from_thread(self.notify, f"Wrote the brief ({what}) to {path}", title="Exported", timeout=8)
        self.post_message(messages.BriefExported(path, len(brief.quotes), brief.event_count, brief.pinned))
