"""The base of every list in the app: an OptionList showing a window of its items, a page at a time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.visual import VisualType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

#: Option id of the line shown when a list has no items.
EMPTY_ID = "-empty"
#: Option id of the line standing for the items above the window.
EARLIER_ID = "-earlier"
#: Option id of the line after the last item, saying what the list leaves out.
LATER_ID = "-later"


class BriefingList(OptionList, inherit_bindings=False):
    """A keyboard-driven list of items where only a window of them are options.

    Ten thousand quotes open instantly: the first page becomes options, the next page is
    added when the cursor or scroll position nears the end of the window, and home, end or
    a jump far away rebuild a small window around the target instead of rendering
    everything in between.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("home,g", "first", "First", show=False, id="list.first"),
        Binding("end,G", "last", "Last", show=False, id="list.last"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("enter", "select", "Open", id="list.open", tooltip="Open the article at this item"),
        Binding("o", "link", "Open link", show=False, id="list.open_link",
                tooltip="Open the article's web address in the browser (over SSH it is copied instead)"),
    ]
    """Movement (arrows or j/k), enter to open the highlighted item, o for its article's web address."""

    #: Items turned into options at a time (more are added while the window is under WINDOW_SCREENS
    #: screens): each option is styled and measured, so the first paint costs what one page costs.
    PAGE_SIZE: ClassVar[int] = 30
    #: Screens of options a new window holds at least; the next page comes as the cursor or the
    #: scroll position nears its end.
    WINDOW_SCREENS: ClassVar[float] = 2
    #: Put a separator line between items (quote cards).
    DIVIDERS: ClassVar[bool] = False
    #: What the list says when it has no items.
    EMPTY_TEXT: ClassVar[str] = "Nothing here."

    class Action(Message):
        """The user asked for something on an item: open, filter, pin, same-speaker, …"""

        def __init__(self, sender: BriefingList, action: str, item: Any) -> None:
            """Carry the list, the action name and the item."""
            super().__init__()
            self.sender_list = sender
            self.action = action
            self.item = item

        @property
        def control(self) -> BriefingList:
            """The list the action came from."""
            return self.sender_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        """An empty list; `set_items` fills it."""
        super().__init__(id=id, classes=classes)
        self.items: list = []
        self._start = 0
        self._shown = 0
        self._lead = 0
        self._rebuilding = False
        self._empty_text = self.EMPTY_TEXT
        #: A line after the last item (what was left out and how to reach it), or None.
        self.tail_hint: str | None = None
        #: The text width the options were last measured at (their wrapping depends on nothing else).
        self._measured_width: int | None = None

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        """Compare sizes against the list's own virtual size.

        Every layout of the screen hands a scroll view the size of its container as its virtual
        size; against the list's real one (its lines) that always differs, so each layout would
        redraw every list's scrollbar, and those redraws ask for one more frame after it.
        """
        return super()._size_updated(size, self.virtual_size, container_size, layout)

    def _clear_caches(self) -> None:
        self._measured_width = self.scrollable_content_region.width
        super()._clear_caches()

    def _on_resize(self, event: events.Resize) -> None:
        """Measure the options again only when the list's text width changed.

        OptionList forgets every option's lines on any resize, and redraws them a frame after the
        layout that resized it; a list that only grew or shrank in height (the articles pane
        filling, the timeline below it giving way) wraps its options exactly as before.
        """
        event.prevent_default()  # OptionList's own handler would forget them all the same
        if self.scrollable_content_region.width != self._measured_width:
            self._clear_caches()

    def watch_show_vertical_scrollbar(self, _shown: bool) -> None:
        """Measure the options again when the scrollbar comes or goes: the text is one cell wider
        or narrower, and OptionList only re-measures on a resize of the widget itself."""
        self._clear_caches()

    # --- to override ------------------------------------------------------------------------

    def item_key(self, item) -> str:
        """A unique option id for an item."""
        return str(id(item))

    def divider_after(self, index: int) -> bool:
        """Draw a separator line after item `index` (cards always; timeline between dates)."""
        return self.DIVIDERS

    def render_item(self, item) -> VisualType:
        """The prompt for an item (a rich Text built from plain strings, never markup)."""
        return Text(str(item))

    # --- the window -------------------------------------------------------------------------

    @property
    def window(self) -> tuple[int, int]:
        """(first, end) item indexes that are options now."""
        return self._start, self._start + self._shown

    @property
    def shown(self) -> int:
        """How many items are options now."""
        return self._shown

    @property
    def visible_items(self) -> list:
        """The items that are options now."""
        return self.items[self._start : self._start + self._shown]

    def _option_index(self, index: int) -> int | None:
        if self._start <= index < self._start + self._shown:
            return index - self._start + self._lead
        return None

    def _item_index(self, option_index: int | None) -> int | None:
        if option_index is None:
            return None
        index = option_index - self._lead
        return self._start + index if 0 <= index < self._shown else None

    def _rebuild(self, start: int, count: int, target: int | None, placeholder: Option | None = None) -> None:
        """Make items[start:start+count] the options (or `placeholder` when there are none) and put
        the cursor on item `target`."""
        self._rebuilding = True
        try:
            self._start = max(0, min(start, max(0, len(self.items) - 1)))
            self._lead = 1 if self._start > 0 else 0
            options: list[Option | None] = []
            if self._lead:
                hint = Text(f"⋯ {self._start:,} earlier — up or home shows them", style="italic")
                options.append(Option(hint, id=EARLIER_ID, disabled=True))
            page = self.items[self._start : self._start + count]
            options += self._options_for(page, self._start)
            if placeholder is not None:
                options.append(placeholder)
            # One replacement: clearing and then adding would hide and show the scrollbar in
            # between, and lay the list out once for each.
            self._shown = len(page)
            self.set_options(options)
            if page:
                self.items_shown(page)
            self._fill_view()
            if target is not None:
                self.highlighted = self._option_index(target)
        finally:
            self._rebuilding = False

    def _fill_view(self, laid_out: bool = False) -> None:
        """Add pages while the window is shorter than WINDOW_SCREENS screens (a tall terminal, short items).

        Done at once when the list has its size, so that the window is drawn in one frame; a list
        not laid out yet fills after its next layout (a hidden one has no size then either).
        """
        if not self.size.height and not laid_out:
            self.call_after_refresh(self._fill_view, True)
            return
        while self._start + self._shown < len(self.items) and self.virtual_size.height < self.WINDOW_SCREENS * self.size.height:
            self._add_page()
        self.call_after_refresh(self.window_filled)

    def window_filled(self) -> None:
        """Hook: the window holds its pages and has been laid out (a list may scroll now)."""

    def _options_for(self, page: list, first: int) -> list[Option | None]:
        """The options of items[first:first+len(page)]: a card each, dividers, and the tail hint after the last item."""
        options: list[Option | None] = []
        for index, item in enumerate(page, first):
            options.append(Option(self.render_item(item), id=self.item_key(item)))
            if self.divider_after(index):
                options.append(None)
        if self.tail_hint and page and first + len(page) == len(self.items):
            options.append(Option(Text(self.tail_hint, style="italic"), id=LATER_ID, disabled=True))
        return options

    def _add(self, count: int) -> None:
        first = self._start + self._shown
        page = self.items[first : first + count]
        if not page:
            if first == len(self.items):
                self.end_reached()
            return
        self._shown += len(page)
        self.add_options(self._options_for(page, first))
        self.items_shown(page)

    def items_shown(self, items: list) -> None:
        """Hook: these items just became options (a column fetches their search marks)."""

    def end_reached(self) -> None:
        """Hook: the cursor or the scroll position came near the last item (a column reads on)."""

    def _add_page(self) -> None:
        self._add(self.PAGE_SIZE)

    def _prepend_page(self) -> None:
        """Bring the page before the window into it, keeping the cursor on its item."""
        if self._start == 0:
            return
        current = self._item_index(self.highlighted)
        new_start = max(0, self._start - self.PAGE_SIZE)
        # Keep the window small: the new page plus at most one page of what was there.
        count = (self._start - new_start) + min(self._shown, self.PAGE_SIZE)
        self._rebuild(new_start, count, current if current is not None else self._start)

    def _reach(self, index: int) -> None:
        """Make item `index` an option: extend the window when near, rebuild around it when far."""
        first, end = self.window
        if first <= index < end:
            return
        if index < first or index >= end + 4 * self.PAGE_SIZE:
            self._rebuild(index - self.PAGE_SIZE // 2, 2 * self.PAGE_SIZE, None)
            return
        while self._start + self._shown <= index:
            self._add_page()

    # --- filling ----------------------------------------------------------------------------

    def set_items(
        self,
        items: Sequence,
        *,
        empty_text: str | None = None,
        keep_position: bool = True,
        force: bool = False,
        fallback: int | None = None,
    ) -> None:
        """Replace the items, keeping the cursor on the same item when it is still there.

        Otherwise the cursor goes to item `fallback` (or the first): the window is drawn once,
        around it. The same items again are left alone (unless `force`: they must be drawn anew).
        """
        items = list(items)
        if not force and items and items == self.items and keep_position and empty_text in (None, self._empty_text):
            return  # nothing changed (typing on in a search often finds the same): keep the cursor, skip redrawing
        previous = self.current_key if keep_position else None
        self.items = items
        if empty_text is not None:
            self._empty_text = empty_text
        if not self.items:
            self._rebuild(0, 0, None, placeholder=Option(Text(self._empty_text, style="italic"), id=EMPTY_ID, disabled=True))
            return
        target = fallback if fallback is not None and 0 <= fallback < len(self.items) else 0
        if previous is not None:
            for index, item in enumerate(self.items):
                if self.item_key(item) == previous:
                    target = index
                    break
        if target < self.PAGE_SIZE:
            self._rebuild(0, self.PAGE_SIZE, target)
        else:
            self._rebuild(target - self.PAGE_SIZE // 2, 2 * self.PAGE_SIZE, target)

    def rerender(self, item) -> None:
        """Redraw one item (after it was pinned, say)."""
        key = self.item_key(item)
        try:
            self.replace_option_prompt(key, self.render_item(item))
        except Exception:  # outside the window: it is rendered fresh when it comes into view
            pass

    # --- reading ----------------------------------------------------------------------------

    @property
    def current(self):
        """The highlighted item, or None."""
        index = self._item_index(self.highlighted)
        return self.items[index] if index is not None and index < len(self.items) else None

    @property
    def current_index(self) -> int | None:
        """Index into `items` of the highlighted item, or None."""
        return self._item_index(self.highlighted)

    @property
    def current_key(self) -> str | None:
        """Option id of the highlighted item, or None."""
        item = self.current
        return self.item_key(item) if item is not None else None

    def select_index(self, index: int) -> None:
        """Move the cursor to item `index`."""
        if not 0 <= index < len(self.items):
            return
        self._reach(index)
        self.highlighted = self._option_index(index)

    def select_key(self, key: str) -> bool:
        """Move the cursor to the item with this key; False when it is not in the list."""
        for index, item in enumerate(self.items):
            if self.item_key(item) == key:
                self.select_index(index)
                return True
        return False

    # --- behaviour --------------------------------------------------------------------------

    def post_action(self, action: str) -> None:
        """Tell the app the user wants `action` done on the highlighted item."""
        item = self.current
        if item is not None:
            self.post_message(self.Action(self, action, item))

    def action_link(self) -> None:
        """Ask the app to open the web address of the highlighted item's article."""
        self.post_action("link")

    def action_select(self) -> None:
        """Open the highlighted item."""
        self.post_action("open")

    def action_first(self) -> None:
        """Jump to the first item."""
        if self._start > 0:
            self._rebuild(0, self.PAGE_SIZE, 0)
        super().action_first()

    def action_last(self) -> None:
        """Jump to the last item, rendering only the last page."""
        if self.items and self._start + self._shown < len(self.items):
            last = len(self.items) - 1
            self._rebuild(last - self.PAGE_SIZE + 1, self.PAGE_SIZE, last)
        super().action_last()
        if self.items:
            self.end_reached()

    def action_cursor_down(self) -> None:
        """Move down; down on the last item asks for what follows it (a search's next quotes)."""
        at_end = bool(self.items) and self.current_index == len(self.items) - 1
        super().action_cursor_down()
        if at_end:
            self.end_reached()

    def action_cursor_up(self) -> None:
        """Move up, bringing earlier items into the window at its top."""
        if self._start > 0 and self.highlighted is not None and self.highlighted <= self._lead:
            self._prepend_page()
        super().action_cursor_up()

    def action_page_up(self) -> None:
        """Page up, bringing earlier items into the window near its top."""
        if self._start > 0 and self.highlighted is not None and self.highlighted - self._lead < self.size.height:
            self._prepend_page()
        super().action_page_up()

    def watch_highlighted(self, highlighted: int | None) -> None:
        """Fetch the next page when the cursor nears the end of the window."""
        super().watch_highlighted(highlighted)
        if self._rebuilding or highlighted is None:
            return
        if highlighted - self._lead >= self._shown - max(2, self.PAGE_SIZE // 3):
            self._add_page()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Fetch the next page when scrolling (mouse wheel) nears the bottom, the previous at the top."""
        super().watch_scroll_y(old_value, new_value)
        if self._rebuilding:
            return
        if new_value >= self.max_scroll_y - self.size.height and new_value > old_value:
            if self._start + self._shown < len(self.items):
                self.call_after_refresh(self._add_page)
            elif self.items:
                self.end_reached()
        elif self._start > 0 and new_value <= 0 < old_value:
            self.call_after_refresh(self._prepend_page)
