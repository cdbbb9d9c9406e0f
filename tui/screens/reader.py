"""The article reader: the whole article, every quote in its speaker's colour, dates with their ISO value."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from briefing.core.errors import BriefingError
from briefing.core.store.rows import QuoteRow
from briefing.core.store.search import Query
from briefing.core.textsafe import terminal_safe, web_address
from briefing.tui.find import find_spans
from briefing.tui.loader import ArticleData, Store, load_article
from briefing.tui.screens import FOCUS_BINDINGS
from briefing.tui.sharing import copy_quote, open_link
from briefing.tui.text import one_line, short_day
from briefing.tui.widgets.article_view import ArticleView
from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker


class FindBox(Input):
    """The reader's find box. A burst of keys (a paste, tmux, a fast typist) is queued here before
    any is handled, so enter is taken as it comes, in order, and the keys after it go to the article."""

    async def _on_key(self, event: events.Key) -> None:
        screen = self.screen
        if not self.display:
            # Typed after enter (or escape) in the same burst: meant for the article.
            event.stop()
            event.prevent_default()
            screen.query_one(ArticleView).post_message(events.Key(event.key, event.character))
            return
        if event.key == "enter" and isinstance(screen, ReaderScreen):
            # Here, not through the binding, which runs only after the keys queued behind it.
            event.stop()
            event.prevent_default()
            screen.keep_find(self.value)
            return
        await super()._on_key(event)


class ReaderScreen(Screen, inherit_bindings=False):
    """One article, opened from a quote, an event, a source or a search hit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *FOCUS_BINDINGS,
        Binding("escape", "back", "Back", id="reader.back", tooltip="Clear the find, else back to the briefing"),
        # A priority binding acts as the key arrives, so the keys typed right after / reach the
        # box even when they come in one burst (a paste, tmux, a fast typist).
        Binding("slash", "find", "Find", priority=True, id="reader.find",
                tooltip="Find words in the article (case and accents ignored); enter keeps the matches"),
        Binding("n", "next_match(1)", "Next match", show=False, id="reader.next_match",
                tooltip="Next match of the find (the next quote when nothing is being found)"),
        Binding("N", "next_match(-1)", "Previous match", show=False, id="reader.previous_match",
                tooltip="Previous match of the find (the previous quote when nothing is being found)"),
        Binding("right_square_bracket", "next_quote(1)", "Next quote", key_display="]", id="reader.next_quote"),
        Binding("left_square_bracket", "next_quote(-1)", "Previous quote", key_display="[", id="reader.previous_quote"),
        Binding("p", "pin", "Pin quote", id="reader.pin", tooltip="Pin the emphasised quote for the exported brief"),
        Binding("y", "copy_quote", "Copy quote", id="reader.copy",
                tooltip="Copy the emphasised quote with its citation (speaker, outlet, date, web address)"),
        Binding("o", "open_link", "Open link", id="reader.open_link",
                tooltip="Open the article's web address in the browser (over SSH it is copied instead)"),
    ]
    """Back, find, step through matches and quotes, pin or copy the current quote, open the article's link."""

    class Loaded(Message):
        """The article is on screen."""

        def __init__(self, article_id: int, quotes: int, current: int | None) -> None:
            """Carry the article, its number of quotes and the emphasised one."""
            super().__init__()
            self.article_id = article_id
            self.quotes = quotes
            self.current = current

    class Pin(Message):
        """The user wants the emphasised quote pinned."""

        def __init__(self, quote: QuoteRow) -> None:
            """Carry the quote."""
            super().__init__()
            self.quote = quote

    def __init__(
        self,
        store: Store,
        article_id: int,
        *,
        colour_of: Callable[[QuoteRow], int],
        legend: list[tuple[str, int]],
        quote_id: int | None = None,
        offset: int | None = None,
        search: Query | None = None,
    ) -> None:
        """Open `article_id`, emphasising `quote_id` or scrolling to `offset` (an event)."""
        super().__init__()
        self.store = store
        self.article_id = article_id
        self.colour_of = colour_of
        self.legend = legend
        self.quote_id = quote_id
        self.target_offset = offset
        #: The search the article was opened from: what it matches is marked.
        self.search = search
        self.data: ArticleData | None = None
        #: What is being found in the article ("" when nothing).
        self.find_text = ""

    def compose(self) -> ComposeResult:
        """Title block, the article, the find box, a status line and the footer."""
        yield Static(Text("Opening the article…"), id="reader-title")
        yield ArticleView(id="article")
        yield FindBox(placeholder="find in the article · enter keeps the matches · escape clears", id="reader-find")
        yield Static(id="reader-status")
        yield Footer()

    def on_mount(self) -> None:
        """Read the article in a thread."""
        self.query_one("#reader-find", Input).display = False
        self.query_one(ArticleView).focus()
        self._load()

    @work(thread=True, exclusive=True, group="reader", exit_on_error=False)
    def _load(self) -> None:
        try:
            data = self.store.read(load_article, self.article_id, self.search)
        except BriefingError as err:
            self.app.call_from_thread(self._show_error, str(err))
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, data)

    def _show_error(self, message: str) -> None:
        self.query_one("#reader-title", Static).update(Text(message))

    def _show(self, data: ArticleData) -> None:
        self.data = data
        view = self.query_one(ArticleView)
        colours = {q.id: self.colour_of(q) for q in data.quotes}
        current = None
        if self.quote_id is not None:
            current = next((n for n, q in enumerate(data.quotes) if q.id == self.quote_id), None)
        view.show(data.text, data.quotes, data.events, colours, current, data.matches)
        self._title(data)
        self.call_after_refresh(self._scroll_to_target, current)

    def _scroll_to_target(self, current: int | None) -> None:
        view = self.query_one(ArticleView)
        if current is not None:
            view.set_current(current)
        elif self.target_offset is not None:
            view.reveal(self.target_offset)
        elif view.matches:
            view.reveal(view.matches[0][0])
        self._update_status()
        self.post_message(self.Loaded(self.article_id, len(self.data.quotes) if self.data else 0, view.current))

    def _title(self, data: ArticleData) -> None:
        source = data.source
        text = Text()
        if source is None:
            text.append("This article is no longer in the briefing.")
        else:
            text.append(terminal_safe(source.title or "(untitled)"), style="bold")
            text.append("\n")
            text.append(terminal_safe(source.label))
            text.append(f" · {short_day(source.published)}")
            if source.inferred:
                text.append(" (inferred", style="italic")
                if source.published_reason:
                    text.append(": " + one_line(source.published_reason, 90), style="italic")
                text.append(")", style="italic")
            if source.place:
                text.append(" · " + terminal_safe(source.place))
            if source.byline:
                text.append(" · " + terminal_safe(source.byline))
            text.append("\n")
            text.append(terminal_safe(Path(source.path).name), style="dim")
            address = web_address(source.url)
            if address:
                # A terminal hyperlink (OSC 8): the address is percent-encoded, so it is inert.
                text.append(" · ", style="dim")
                text.append(address, style=Style(link=address, underline=True))
        self.query_one("#reader-title", Static).update(text)

    def _update_status(self) -> None:
        view = self.query_one(ArticleView)
        status = Text()
        for label, colour in self.legend:
            status.append("■ ", style=view.get_component_rich_style(
                f"article--speaker-{colour}" if colour else "article--speaker-other", partial=True))
            status.append(terminal_safe(label) + "  ")
        quotes = self.data.quotes if self.data else []
        if self.find_text:
            status.append_text(self._find_status(view))
        elif view.current is not None and quotes:
            quote = quotes[view.current]
            status.append(f"│ quote {view.current + 1} of {len(quotes)}: ")
            status.append(terminal_safe(quote.speaker or "unknown speaker"), style="bold")
            written = terminal_safe(quote.speaker_as_written)
            if written and written != quote.speaker:
                status.append(f" (as “{written}”)")
            if quote.weak:
                status.append(f" ⚠ by {quote.attribution}")
        else:
            status.append(f"│ {len(quotes)} quote{'s' if len(quotes) != 1 else ''} · ]/[ to step through them · / to find")
        if self.data and self.data.events:
            dates = len(self.data.events)
            status.append(f" · {dates} date{'s' if dates != 1 else ''} (ISO on the right)")
        self.query_one("#reader-status", Static).update(status)

    # --- actions ----------------------------------------------------------------------------

    def _find_status(self, view: ArticleView) -> Text:
        """'│ find “word”: 2 of 7 · n/N step' (or that nothing matches)."""
        status = Text("│ find “")
        status.append(terminal_safe(self.find_text), style="bold")
        if not view.finds:
            status.append("”: no match")
        else:
            status.append(f"”: {(view.find_current or 0) + 1} of {len(view.finds)} · n/N step · escape clears")
        return status

    def action_back(self) -> None:
        """Clear the find when there is one (or its box is open), else back to the briefing."""
        if self.find_text or self.query_one("#reader-find", Input).display:
            self._clear_find()
            return
        self.dismiss()

    # --- find -------------------------------------------------------------------------------

    def action_find(self) -> None:
        """Open the find box (with what was found last)."""
        box = self.query_one("#reader-find", Input)
        box.display = True
        box.value = self.find_text
        # At once, not after the next refresh: keys typed right after / belong in the box
        # (a fast "/harbour" would otherwise open the link with its o).
        self.set_focus(box)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Find as the user types: every match marked, the first one from the top of the screen on."""
        event.stop()
        if event.input.display:  # a change still queued when enter closed the box was found then
            self._find(event.value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In the find box, / is a character to find."""
        if action == "find":
            # The screen's focus, not the box's has_focus: that follows only once its Focus event is handled.
            return self.focused is not self.query_one(FindBox)
        return True

    def keep_find(self, text: str) -> None:
        """Enter in the find box: close it and keep the matches of `text` for n/N."""
        self._find(text)
        self._close_find_box()
        if self.find_text and not self.query_one(ArticleView).finds:
            self.notify(f"“{terminal_safe(self.find_text)}” is not in this article.", timeout=3)

    def _find(self, text: str) -> None:
        view = self.query_one(ArticleView)
        self.find_text = text.strip()
        spans = find_spans(view.text, self.find_text) if self.find_text else []
        top = view.first_shown_offset()
        current = next((n for n, (start, _end) in enumerate(spans) if start >= top), 0) if spans else None
        view.set_finds(spans, current)
        self._update_status()

    def _close_find_box(self) -> None:
        box = self.query_one(FindBox)
        box.display = False
        self.set_focus(self.query_one(ArticleView))

    def _clear_find(self) -> None:
        self._close_find_box()
        self.find_text = ""
        self.query_one(ArticleView).set_finds([])
        self._update_status()

    def action_next_match(self, step: int) -> None:
        """Step to the next (or previous) match of the find; with nothing found, to the next quote."""
        view = self.query_one(ArticleView)
        if not self.find_text:
            self.action_next_quote(step)
            return
        if not view.finds:
            self.notify(f"“{terminal_safe(self.find_text)}” is not in this article.", timeout=2)
            return
        view.set_finds(view.finds, ((view.find_current or 0) + step) % len(view.finds))
        self._update_status()

    # --- quotes -----------------------------------------------------------------------------

    def action_next_quote(self, step: int) -> None:
        """Emphasise the next (or previous) quote and scroll to it."""
        view = self.query_one(ArticleView)
        if not view.quotes:
            self.notify("This article has no quotes.", timeout=2)
            return
        if view.current is None:
            # Start from the first quote below (or above) what is on screen.
            top = int(view.scroll_offset.y)
            below = [n for n, q in enumerate(view.quotes) if view.line_of(q.start) >= top]
            index = (below[0] if below else 0) if step > 0 else ((below[0] - 1) if below else len(view.quotes) - 1)
        else:
            index = view.current + step
        view.set_current(index % len(view.quotes))
        self._update_status()

    def action_pin(self) -> None:
        """Pin the emphasised quote."""
        view = self.query_one(ArticleView)
        if view.current is None:
            self.notify("Step to a quote with ] first.", timeout=2)
            return
        self.post_message(self.Pin(view.quotes[view.current]))

    def action_copy_quote(self) -> None:
        """Copy the emphasised quote with its citation."""
        view = self.query_one(ArticleView)
        if view.current is None or self.data is None:
            self.notify("Step to a quote with ] first.", timeout=2)
            return
        copy_quote(self.app, view.quotes[view.current], self.data.source.url if self.data.source else None)

    def action_open_link(self) -> None:
        """Open the article's web address in the browser."""
        if self.data is not None and self.data.source is not None:
            open_link(self.app, self.data.source.url)
