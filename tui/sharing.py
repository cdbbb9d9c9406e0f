"""Taking a briefing elsewhere: an article's web address opened in the browser, a quote copied
with its citation (speaker, outlet, date, address) to the clipboard."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING

from briefing.core.errors import BriefingError
from briefing.core.export import quote_citation
from briefing.core.store.reads import get_source
from briefing.core.store.rows import QuoteRow, Source
from briefing.core.textsafe import web_address
from briefing.tui.widgets.timeline_list import TimelineItem
from textual import work
from textual.app import App

if TYPE_CHECKING:
    from briefing.tui.loader import Store


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
    """The app's side of `o` and `y` on list items: it reads the article's address, then opens or copies.

    Mixed into BriefingApp, which gives it `store` and the App's workers.
    """

    store: Store

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
