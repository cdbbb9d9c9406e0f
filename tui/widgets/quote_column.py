"""One column of quote cards: what one speaker (or group) said, across every source."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from briefing.core.store.rows import QuoteRow
from briefing.core.store.search import Marked, Query
from briefing.core.textsafe import terminal_safe
from briefing.tui.state import ColumnSpec
from briefing.tui.text import marked, safe, short_day
from briefing.tui.widgets.briefing_list import BriefingList
from briefing.tui.widgets.quote_card import with_fragments
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message

_OPENING_QUOTES = "\"“„«‘'‹"


@dataclass(frozen=True)
class CardView:
    """How every column draws its quote cards: the search marks (and the parsed search they are
    for), the pinned keys, the sources whose date was inferred, what an empty column says."""

    marks: dict[int, Marked] = field(default_factory=dict)
    pinned: set[str] = field(default_factory=set)
    inferred: set[int] = field(default_factory=set)
    empty_text: str | None = None
    search: Query | None = None
    #: The search found more quotes than the columns hold: a column read to its end asks for them.
    more: bool = False


class QuoteColumn(BriefingList):
    """A virtualised list of quote cards for one column of the board."""

    #: Items made options at a time (cards of four or five lines: ten fill a tall column).
    PAGE_SIZE: ClassVar[int] = 10
    #: A search draws the column anew on every key: one screen of cards, and the next page as
    #: the cursor or the scroll position comes near.
    WINDOW_SCREENS: ClassVar[float] = 1

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "item('pin')", "Pin", id="quote.pin", tooltip="Pin this quote for the exported brief"),
        Binding("s", "item('same-speaker')", "Same speaker", show=False, id="quote.same_speaker",
                tooltip="Show only quotes by this quote's speaker"),
        Binding("f", "item('same-source')", "Same source", show=False, id="quote.same_source",
                tooltip="Show only this quote's source (its quotes and events), as f does in the source list"),
        Binding("y", "item('copy')", "Copy", show=False, id="quote.copy",
                tooltip="Copy the quote with its citation (speaker, outlet, date, web address)"),
        Binding("d", "item('same-day')", "Same day", show=False, id="quote.same_day",
                tooltip="Show only quotes and events of the day this quote was published"),
        Binding("left,h", "move(-1)", "Column left", show=False, id="quote.column_left"),
        Binding("right,l", "move(1)", "Column right", show=False, id="quote.column_right"),
    ]
    """Pin, copy with its citation, narrow to the quote's speaker, source or day, and move between columns."""

    DIVIDERS = True
    EMPTY_TEXT = "No quotes."
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "quote--direct",
        "quote--indirect",
        "quote--label",
        "quote--cue",
        "quote--speaker",
        "quote--weak",
        "quote--meta",
        "quote--match",
        "quote--pin",
    }
    """Styles of the parts of a card, set in app.tcss."""

    class Move(Message):
        """The user wants the column to the left (-1) or right (+1)."""

        def __init__(self, column: QuoteColumn, step: int) -> None:
            """Carry the column and the direction."""
            super().__init__()
            self.column = column
            self.step = step

        @property
        def control(self) -> QuoteColumn:
            """The column the request came from."""
            return self.column

    class MoreWanted(Message):
        """The column was read to its end and the search has more quotes than the board holds."""

        def __init__(self, column: QuoteColumn, query: Query) -> None:
            """Carry the column and the parsed search."""
            super().__init__()
            self.column = column
            self.query = query

        @property
        def control(self) -> QuoteColumn:
            """The column that wants more."""
            return self.column

    class MarksWanted(Message):
        """Quotes scrolled into view whose search matches are not known yet."""

        def __init__(self, column: QuoteColumn, query: Query, ids: list[int]) -> None:
            """Carry the column, the parsed search and the quote ids."""
            super().__init__()
            self.column = column
            self.query = query
            self.ids = ids

        @property
        def control(self) -> QuoteColumn:
            """The column that wants the marks."""
            return self.column

    def __init__(self, spec: ColumnSpec, index: int, *, id: str | None = None) -> None:
        """A column for `spec`; `index` picks its speaker colour."""
        super().__init__(id=id, classes=f"quote-column speaker-{index % 6 + 1}")
        self.spec = spec
        self.index = index
        self.marks: dict[int, Marked] = {}
        self.pinned: set[str] = set()
        self.inferred: set[int] = set()
        #: The parsed search the cards show matches for, or None.
        self.search: Query | None = None
        #: The search has more quotes than the board holds (see CardView.more).
        self.more = False
        self._pending: tuple | None = None
        self.border_title = Text(terminal_safe(spec.label))

    def assign(self, spec: ColumnSpec) -> None:
        """Make this column show another speaker or group (its quotes follow with `set_quotes`)."""
        if spec != self.spec:
            self.spec = spec
            self.border_title = Text(terminal_safe(spec.label))
            self.search = None
            self.marks = {}

    def on_mount(self) -> None:
        """Show data that arrived before the column was mounted (styles are needed to draw cards)."""
        self.draw_pending()

    def on_show(self) -> None:
        """Draw the quotes that arrived while the column was out of sight (under another tab)."""
        self.draw_pending()

    def draw_pending(self) -> None:
        """Draw the quotes that arrived while the column was out of sight, if any (it is in sight now)."""
        if self._pending is not None and self.is_mounted:
            quotes, cards, total = self._pending
            self._fill(quotes, cards or CardView(), total)

    @property
    def quotes(self) -> list[QuoteRow]:
        """The quotes the column holds, drawn or waiting to be drawn (out of sight)."""
        return list(self._pending[0]) if self._pending is not None else self.items

    @property
    def has_quotes(self) -> bool:
        """True when the column holds quotes, drawn or not."""
        return bool(self._pending[0]) if self._pending is not None else bool(self.items)

    def set_quotes(self, quotes: list[QuoteRow], cards: CardView | None = None, total: int | None = None) -> None:
        """Show `quotes` drawn as `cards` says (search marks, pins, inferred dates).

        Quotes scrolled into view later without marks are asked for with MarksWanted. `total`
        is how many quotes the column has when `quotes` are only the first of them.
        """
        if not self.is_mounted or not self.display:
            # Cards are drawn for a column in sight: one under another tab, or a search's
            # other-speakers column while it is empty, draws them when it is shown.
            self._pending = (quotes, cards, total)
            return
        self._fill(quotes, cards or CardView(), total)

    def _fill(self, quotes: list[QuoteRow], cards: CardView, total: int | None = None) -> None:
        self._pending = None
        marks, search = dict(cards.marks), cards.search
        self.more = cards.more and search is not None
        if quotes and quotes == self.items and marks == self.marks and cards.pinned == self.pinned:
            self.search = search  # same cards: later pages are marked for the new query
            return
        # A new search shows its best match first; otherwise (a refresh, a pin, leaving the
        # search) the cursor stays on the quote it was on.
        keep_position = search is None or search == self.search
        self.search = search
        self.marks = marks
        self.pinned = cards.pinned
        self.inferred = cards.inferred
        total = max(total or 0, len(quotes))
        self.border_title = Text(f"{terminal_safe(self.spec.label)} · {total:,}")
        more = total - len(quotes)
        if self.more:
            self.tail_hint = "⋯ more of the search's matches follow"
        else:
            self.tail_hint = f"⋯ {more:,} more: search (/) or keep one source (f) to narrow" if more else None
        # Forced: the same quotes may need drawing with other marks, pins or dates.
        self.set_items(quotes, empty_text=cards.empty_text, force=True, keep_position=keep_position)

    def end_reached(self) -> None:
        """Ask for the search's next quotes: the last card is near."""
        if self.more and self.search is not None:
            self.post_message(self.MoreWanted(self, self.search))

    def items_shown(self, items: list[QuoteRow]) -> None:
        """Ask for the search marks of quotes that just came into view without them."""
        if self.search is None:
            return
        missing = [q.id for q in items if q.id not in self.marks]
        if missing:
            self.post_message(self.MarksWanted(self, self.search, missing))

    def add_marks(self, search: Query, marks: dict[int, Marked]) -> None:
        """Marks fetched later for `search`; redraw the cards they belong to."""
        if search != self.search:
            return
        self.marks.update(marks)
        for item in self.visible_items:
            if item.id in marks:
                self.rerender(item)

    def item_key(self, item: QuoteRow) -> str:
        """Option id: 'quote-<id>' (also the pin key)."""
        return f"quote-{item.id}"

    def render_item(self, item: QuoteRow) -> Text:
        """A quote card: the words, who said them and how we know, where and when."""
        style = lambda name: self.get_component_rich_style(name, partial=True)  # noqa: E731
        card = Text()
        hit = self.marks.get(item.id)
        words = terminal_safe(hit.text if hit else item.text).strip()
        spans = hit.marks if hit else ()
        if hit:
            # Marks are offsets into hit.text; strip() may have moved the start.
            shift = len(terminal_safe(hit.text)) - len(terminal_safe(hit.text).lstrip())
            spans = tuple((s - shift, e - shift) for s, e in spans)
        if item.kind == "direct":
            if words[:1] not in _OPENING_QUOTES:
                words = f"“{words}”"
                spans = tuple((s + 1, e + 1) for s, e in spans)
            card.append_text(with_fragments(marked(words, spans, style("quote--direct"), style("quote--match")), item))
        else:
            label = "reported, partly quoted: " if item.kind == "mixed" else "reported: "
            card.append(label, style("quote--label"))
            card.append_text(
                with_fragments(marked(words, spans, style("quote--indirect"), style("quote--match")), item, style("quote--direct"))
            )
        card.append("\n")
        card.append_text(self._attribution(item, style))
        card.append("\n")
        card.append_text(self._provenance(item, style))
        return card

    def _attribution(self, item: QuoteRow, style) -> Text:
        line = Text("— ", style=style("quote--cue"))
        written = terminal_safe(item.speaker_as_written).strip()
        cue = terminal_safe(item.cue).strip()
        if written:
            line.append(written, style("quote--speaker"))
        if cue:
            line.append((" " if written else "") + cue, style("quote--cue"))
        if item.speaker and item.speaker not in written:
            # "he said → Aleksandar Vucic": who the words were attributed to, as resolved.
            line.append(" → " if (written or cue) else "", style("quote--cue"))
            line.append(terminal_safe(item.speaker), style("quote--speaker"))
        if item.weak:
            reason = "speaker unknown" if item.attribution == "unknown" or not item.speaker else f"by {item.attribution}"
            line.append(f"  ⚠ {reason}", style("quote--weak"))
        return line

    def _provenance(self, item: QuoteRow, style) -> Text:
        line = Text(style=style("quote--meta"))
        if f"quote-{item.id}" in self.pinned:
            line.append("★ pinned  ", style("quote--pin"))
        line.append_text(safe(item.label))
        line.append(f" · {short_day(item.published)}")
        if item.article_id in self.inferred:
            line.append(" (inferred)")
        if item.also_in:
            line.append(" · also in ")
            line.append_text(safe(", ".join(item.also_in)))
        return line

    def action_item(self, action: str) -> None:
        """Ask the app to act on the highlighted quote."""
        self.post_action(action)

    def action_move(self, step: int) -> None:
        """Ask the board for the neighbouring column."""
        self.post_message(self.Move(self, step))
