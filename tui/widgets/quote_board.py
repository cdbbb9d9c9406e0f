"""The quote columns side by side, turning into tabs when the terminal is too narrow for them."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from briefing.core.store.rows import QuoteRow
from briefing.core.textsafe import terminal_safe
from briefing.tui.state import ColumnSpec
from briefing.tui.widgets.one_line import LineTab, SteadySize
from briefing.tui.widgets.quote_column import CardView, QuoteColumn
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.css.query import NoMatches
from textual.reactive import reactive
from textual.widgets import Tab, Tabs

# Tabs' own underline, which ColumnTabs composes itself (Textual is pinned to one version).
from textual.widgets._tabs import Underline


class SteadyContainer(SteadySize, Container):
    """The tab bar's scroll area."""


class SteadyVertical(SteadySize, Vertical):
    """The tab bar's row and underline."""


class SteadyHorizontal(SteadySize, Horizontal):
    """The tab bar's row of tabs."""


class SteadyUnderline(SteadySize, Underline):
    """The line under the tabs, with the active one's part highlighted."""


class ColumnTabs(SteadySize, Tabs):
    """The board's tab bar, whose underline and scroll move at once instead of sliding.

    A tab's label carries its column's count and a search brings the first column with matches
    forward, so both change with the keys of a search: Tabs would slide the underline and scroll
    the bar for a third of a second each time, keeping the screen busy while the user types.
    """

    def compose(self) -> ComposeResult:
        """Tabs' own parts, as Tabs composes them, each taking a new width in one layout.

        A count that gains a digit widens its tab, and with it the row, the bar and the scroll
        area around it: each would ask for a second layout of the screen (see SteadySize).
        """
        with SteadyContainer(id="tabs-scroll"):
            with SteadyVertical(id="tabs-list-bar"):
                with SteadyHorizontal(id="tabs-list"):
                    yield from self._tabs
                yield SteadyUnderline()

    def _highlight_active(self, animate: bool = True) -> None:
        self.place_underline()
        super()._highlight_active(animate=False)

    def place_underline(self) -> None:
        """Put the underline under the active tab at once, from the widths of the labels.

        Tabs places it after the next layout, from where the tab landed: a frame of its own each
        time a count changes a label's width. The tabs sit side by side, each its label and its
        padding, so where the active one lands is known now; Tabs then finds it in place.
        """
        active = self.active_tab
        underline = next(iter(self.query(Underline)), None)
        if active is None or underline is None:
            return
        x = 0
        for tab in self.query(Tab):
            if not tab.display:
                continue
            gutter = tab.styles.gutter
            if tab is active:
                underline.highlight_start = x + gutter.left
                underline.highlight_end = x + gutter.left + tab.label.cell_length
                return
            x += gutter.width + tab.label.cell_length

    def _scroll_active_tab(self) -> None:
        if self.active_tab:
            try:
                self.query_one("#tabs-scroll").scroll_to_center(self.active_tab, animate=False, force=True)
            except NoMatches:
                pass


class QuoteBoard(Vertical):
    """Side-by-side quote columns; below MIN_COLUMN_WIDTH cells a column, one column at a time under tabs."""

    #: Narrowest a column may get (borders included) before the board switches to tabs.
    MIN_COLUMN_WIDTH: ClassVar[int] = 28
    #: Columns laid out while the briefing opens (a briefing's usual three): the chosen
    #: columns take them over, so the first screen is drawn without mounting new widgets.
    PLACEHOLDER_COLUMNS: ClassVar[int] = 3

    tabbed: reactive[bool] = reactive(False)
    """True when the columns are shown one at a time under tabs."""

    def __init__(self, *, id: str | None = None) -> None:
        """An empty board; `show` fills it."""
        super().__init__(id=id)
        #: Every column on the board, left to right, including a search's other-speakers column while out of sight.
        self._columns: list[QuoteColumn] = [
            QuoteColumn(ColumnSpec("…"), index) for index in range(self.PLACEHOLDER_COLUMNS)
        ]
        self._generation = 0
        #: Mounted columns not in use, hidden until a choice needs them again.
        self._spare: list[QuoteColumn] = []
        #: A column kept on the board but hidden while it has no quotes (a search's other speakers).
        self._optional: ColumnSpec | None = None
        #: The board keeps the shape a search gave it (see `hold_shape`).
        self._holding = False
        #: The optional column stays in sight, with quotes or not (it had some while the shape was held).
        self._optional_in_sight = False
        self._active = 0
        #: The tab labels, one per column; the tabs themselves are made when first shown.
        self._labels: list[Text] = []
        self._tabs_made = False

    def compose(self) -> ComposeResult:
        """The tab bar (hidden when there is room) and the row of columns."""
        tabs = ColumnTabs(id="column-tabs")
        # Columns are reached with tab and left/right; a focusable tab bar would be one stop too many.
        tabs.can_focus = False
        yield tabs
        # The row takes a new height at once when the tab bar comes or goes above it.
        with SteadyHorizontal(id="columns"):
            yield from self._columns

    def on_mount(self) -> None:
        """The placeholder columns say the briefing is loading."""
        for column in self._columns:
            if not column.items:
                column.set_items([], empty_text="Loading…")

    @property
    def on_board(self) -> list[QuoteColumn]:
        """Every column on the board, left to right, those out of sight included."""
        return list(self._columns)

    @property
    def columns(self) -> list[QuoteColumn]:
        """The columns in use, left to right (not a search's other-speakers column while it is out of sight)."""
        return [column for column in self._columns if not self._hidden(column)]

    @property
    def specs(self) -> list[ColumnSpec]:
        """The columns in use, left to right."""
        return [column.spec for column in self.columns]

    @property
    def active_index(self) -> int:
        """Index of the column shown under the tabs (or last focused)."""
        return self._active

    def show(
        self,
        columns: list[tuple[ColumnSpec, list[QuoteRow]]],
        cards: CardView | None = None,
        totals: list[int] | None = None,
        optional: ColumnSpec | None = None,
        optional_empty: str | None = None,
    ) -> None:
        """Show these columns and their quotes, drawn as `cards` says, rebuilding the columns only
        when the choice changed.

        `totals` are the columns' full counts when a column holds only the first of its quotes.
        The `optional` column stays on the board but out of sight while it has no quotes: it can
        come and go from one key of a search to the next without the columns being made again;
        `optional_empty` is what it says while it has none.
        """
        before = [self._hidden(column) for column in self._columns]
        self._optional = optional
        specs = [spec for spec, _rows in columns]
        totals = totals or [len(rows) for _spec, rows in columns]
        labels = [Text(f"{terminal_safe(spec.label)} · {total:,}") for (spec, _rows), total in zip(columns, totals)]
        on_board = [column.spec for column in self._columns]
        if specs != on_board:
            # Only the optional column came or went: the user's column stays the active one.
            same_choice = [s for s in specs if s != optional] == [s for s in on_board if s != optional]
            self._rebuild(specs, labels, keep_active=same_choice)
        else:
            relabelled = [index for index, label in enumerate(labels) if index >= len(self._labels) or label != self._labels[index]]
            self._labels = labels
            if self._tabs_made:
                tabs = self.query_one(ColumnTabs)
                # Only the tabs whose count changed: a new label lays the bar out again.
                for index in relabelled:
                    label = labels[index]
                    try:
                        tabs.query_one(f"#{self._tab_id(index)}", Tab).label = label
                    except Exception:  # still being mounted; it was created with this label
                        continue
                if relabelled:
                    tabs.place_underline()  # in this frame, not after the tabs' next layout
        optional_cards = replace(cards or CardView(), empty_text=optional_empty) if optional_empty else cards
        for column, (spec, rows), total in zip(self._columns, columns, totals):
            column.set_quotes(rows, optional_cards if spec == optional else cards, total)
            if self._holding and spec == optional and rows:
                self._optional_in_sight = True
        if [self._hidden(column) for column in self._columns] != before:
            self._apply_mode()

    def _hidden(self, column: QuoteColumn) -> bool:
        """True for the optional column while it has no quotes (and is not kept in sight)."""
        return column.spec == self._optional and not column.has_quotes and not self._optional_in_sight

    def hold_shape(self, holding: bool) -> None:
        """While holding (a search box is open), the optional column stays once it has had quotes.

        The columns then do not turn to tabs and back as the other speakers' matches come and go
        from one key (or one word) to the next; they stay side by side for as long as no search
        needs the column. Letting go hides it again while it has no quotes.
        """
        self._holding = holding
        if not holding and self._optional_in_sight:
            self._optional_in_sight = False
            self._apply_mode()

    def _tab_id(self, index: int) -> str:
        return f"tab-{self._generation}-{index}"

    def _rebuild(self, specs: list[ColumnSpec], labels: list[Text], keep_active: bool = False) -> None:
        focused = self.screen.focused if self.is_attached else None
        had_focus = focused is None or focused in self._columns
        was = self._columns[self._active].spec if 0 <= self._active < len(self._columns) else None
        active = specs.index(was) if keep_active and was in specs else 0
        # Columns already on the board take the new choices (no widgets mounted or removed
        # for the same number of columns); only the difference is added or taken away.
        # Columns no longer needed are hidden and kept for the next time (a search's
        # other-speakers column comes and goes with the search): mounting is the costly part.
        kept = self._columns[: len(specs)]
        for column in self._columns[len(specs) :]:
            if specs:
                column.display = False
                self._spare.append(column)
            else:  # no columns at all (no briefing open): nothing to keep
                column.remove()
        if not specs:
            for column in self._spare:
                column.remove()
            self._spare = []
        while len(kept) < len(specs) and self._spare:
            kept.append(self._spare.pop(0))  # in their order: each keeps its place and colour
        for column, spec in zip(kept, specs):
            column.assign(spec)
        added = [QuoteColumn(spec, index) for index, spec in enumerate(specs) if index >= len(kept)]
        if added:
            self.query_one("#columns", Horizontal).mount_all(added)
        self._columns = kept + added
        self._labels = labels
        self._active = active
        self._tabs_made = False
        self._apply_mode()
        if had_focus and self._columns:
            if added:
                # The new columns are not mounted yet; focus once they are.
                self.call_after_refresh(self.activate, active)
            else:
                self.activate(active)

    def _make_tabs(self) -> None:
        """(Re)make the tab bar for the current columns: only needed once the board is tabbed."""
        tabs = self.query_one(Tabs)
        tabs.clear()
        # Fresh ids each time: the old tabs are still being removed.
        self._generation += 1
        for index, label in enumerate(self._labels):
            tab = LineTab(label, id=self._tab_id(index))
            tab.display = index >= len(self._columns) or not self._hidden(self._columns[index])
            tabs.add_tab(tab)
        self._tabs_made = True

    def prepare_tabs(self) -> None:
        """Make the tab bar ahead of need, out of sight while the columns are side by side.

        A search adds its other-speakers column, which often turns the board to tabs: made when
        the search box opens, the bar costs the first key of the search nothing.
        """
        if not self._tabs_made and self._columns and self.is_attached:
            self._make_tabs()

    def on_resize(self) -> None:
        """Decide between columns and tabs by the width we have."""
        self._apply_mode()

    def _apply_mode(self) -> None:
        count = sum(not self._hidden(column) for column in self._columns)
        width = self.size.width
        self.tabbed = count > 1 and width > 0 and width < count * self.MIN_COLUMN_WIDTH
        self._show_active()

    def watch_tabbed(self, tabbed: bool) -> None:
        """Show or hide the tab bar."""
        # The bar itself, not a class on the board: a class restyles every column and card below
        # it, and a search's other-speakers column can switch the mode from one key to the next.
        for tabs in self.query(ColumnTabs):
            tabs.display = tabbed
        self._show_active()

    def _show_active(self) -> None:
        if self.tabbed and self._columns and self._hidden(self._columns[self._active]):
            # The active column went out of sight (a search's other speakers, when it ends).
            self._active = next((i for i, column in enumerate(self._columns) if not self._hidden(column)), 0)
        for index, column in enumerate(self._columns):
            shown = index == self._active if self.tabbed else not self._hidden(column)
            if shown and not column.display:
                column.display = True
                # Drawn now, with the rest of this frame: its Show event comes after the frame,
                # and drawing then would take a second one.
                column.draw_pending()
            else:
                column.display = shown
        if self.tabbed and self._columns:
            if not self._tabs_made:
                self._make_tabs()
            tabs = self.query_one(Tabs)
            for index, column in enumerate(self._columns):
                try:
                    tabs.query_one(f"#{self._tab_id(index)}", Tab).display = not self._hidden(column)
                except Exception:  # still being mounted; it was made with this display
                    continue
            tab_id = self._tab_id(self._active)
            if tabs.active != tab_id:
                try:
                    tabs.active = tab_id
                except Exception:  # the tab is still being mounted; the next resize fixes it
                    pass

    def activate(self, index: int, *, focus: bool = True) -> None:
        """Make column `index` the active one (its tab in tabbed mode) and focus it."""
        if not self.columns:
            return
        # Only columns in sight (a hidden one is always the last).
        index = max(0, min(index, len(self.columns) - 1))
        self._active = index
        self._show_active()
        if focus:
            self._columns[index].focus()

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        """A tab was clicked (or set): show its column."""
        event.stop()
        if event.tab is None or event.tab.id is None:
            return
        prefix = f"tab-{self._generation}-"
        if not event.tab.id.startswith(prefix):
            return
        if event.tab.id != event.tabs.active:
            # The echo of an earlier `active` we set ourselves, arriving after a newer one:
            # following it would set the old tab again, whose echo would undo the newer one, and
            # so on for ever.
            return
        index = int(event.tab.id[len(prefix) :])
        if index != self._active:
            had_focus = self.screen.focused in self._columns
            self.activate(index, focus=had_focus)

    def on_quote_column_move(self, event: QuoteColumn.Move) -> None:
        """Left/right from a column: go to the neighbouring one."""
        event.stop()
        if event.column in self._columns:
            self.activate(self._columns.index(event.column) + event.step)

    def on_descendant_focus(self, event) -> None:
        """Remember which column the user is in."""
        widget = event.widget
        if widget in self._columns:
            self._active = self._columns.index(widget)
