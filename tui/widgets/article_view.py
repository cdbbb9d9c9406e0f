"""The full text of an article (Line API): quote spans in their speaker's colour, dates marked with their ISO value."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import ClassVar

from briefing.core.store.rows import EventRow, QuoteRow
from briefing.core.textsafe import terminal_safe
from briefing.tui.text import offset_map, wrap_offsets
from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

#: Cells on the right for the ISO values of dates on each line.
GUTTER = 13
#: Widest a line of article text gets: longer lines are hard to read on a wide terminal.
MEASURE = 100


@dataclass(frozen=True)
class _Line:
    """A wrapped line: where it starts and ends in the text shown, and the ISO values of its dates."""

    start: int
    end: int
    dates: tuple[str, ...] = ()


#: A style laid over the text shown: start, end, and the component class that gives its style.
_Span = tuple[int, int, str]


class ArticleView(ScrollView, can_focus=True):
    """Article text wrapped to the width, rendered line by line so long articles stay quick."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "Scroll down", show=False, id="article.down"),
        Binding("up,k", "scroll_up", "Scroll up", show=False, id="article.up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="article.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="article.page_up"),
        Binding("home,g", "scroll_home", "Top", show=False, id="article.top"),
        Binding("end,G", "scroll_end", "Bottom", show=False, id="article.bottom"),
    ]
    """Scrolling keys."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"article--speaker-{n}" for n in range(1, 7)),
        "article--speaker-other",
        "article--current",
        "article--date",
        "article--gutter",
        "article--match",
        "article--find",
        "article--find-current",
    }
    """Quote colours per speaker column, the chosen quote, dates, the side line, search and find matches, set in app.tcss."""

    def __init__(self, *, id: str | None = None) -> None:
        """An empty view; `show` loads an article."""
        super().__init__(id=id)
        self.text = ""
        self.quotes: list[QuoteRow] = []
        self.events: list[EventRow] = []
        self.colours: dict[int, int] = {}
        self.current: int | None = None
        #: Where the search the article was opened from matches it (offsets into the stored text).
        self.matches: tuple[tuple[int, int], ...] = ()
        #: Matches of the reader's find, as offsets into `text` (the text shown), and the one stepped to.
        self.finds: list[tuple[int, int]] = []
        self.find_current: int | None = None
        self._map: list[int] = [0]
        self._lines: list[_Line] = []
        self._starts: list[int] = []
        self._width = 0
        #: The article's fixed styles (quotes by speaker, dates, the search's marks), per wrapped line.
        self._spans_by_line: list[list[_Span]] = []
        #: Rendered lines by index: only lines on screen are ever rendered, and a change of style
        #: empties this, so the cost of a step or a find is a screenful, not the article.
        self._strips: dict[int, Strip] = {}

    def show(
        self,
        text: str,
        quotes: list[QuoteRow],
        events: list[EventRow],
        colours: dict[int, int],
        current: int | None = None,
        matches: tuple[tuple[int, int], ...] = (),
    ) -> None:
        """Load an article: `colours` maps quote id to a speaker colour (1–6, 0 for other)."""
        clean = terminal_safe(text)
        self._map = offset_map(text, clean)
        self.text = clean
        self.quotes = quotes
        self.events = events
        self.colours = colours
        self.current = current
        self.matches = tuple(matches)
        self.finds, self.find_current = [], None
        self._width = 0
        self._layout()

    # --- layout -----------------------------------------------------------------------------

    def _at(self, offset: int) -> int:
        """Position in the cleaned text of an offset into the stored text."""
        offset = max(0, min(offset, len(self._map) - 1))
        return self._map[offset]

    def _fixed_spans(self) -> list[_Span]:
        """The styles that stay while the article is open, in the order they are laid on."""
        spans: list[_Span] = []
        for quote in self.quotes:
            colour = self.colours.get(quote.id, 0)
            name = f"article--speaker-{colour}" if colour else "article--speaker-other"
            spans.append((self._at(quote.start), self._at(quote.end), name))
        spans.extend((self._at(event.start), self._at(event.end), "article--date") for event in self.events)
        spans.extend((self._at(start), self._at(end), "article--match") for start, end in self.matches)
        return spans

    def _changing_spans(self, line: _Line) -> list[_Span]:
        """The chosen quote and the find's matches that touch `line`, laid on after the fixed styles."""
        spans: list[_Span] = []
        if self.current is not None and 0 <= self.current < len(self.quotes):
            quote = self.quotes[self.current]
            start, end = self._at(quote.start), self._at(quote.end)
            if start < line.end and end > line.start:
                spans.append((start, end, "article--current"))
        if self.finds:
            # Find matches do not overlap, so both their starts and their ends are sorted.
            first = bisect.bisect_right(self.finds, (line.start, line.start))
            first = max(0, first - 1)
            for start, end in self.finds[first:]:
                if start >= line.end:
                    break
                if end > line.start:
                    spans.append((start, end, "article--find"))
            if self.find_current is not None and 0 <= self.find_current < len(self.finds):
                start, end = self.finds[self.find_current]
                if start < line.end and end > line.start:
                    spans.append((start, end, "article--find-current"))
        return spans

    def _styled_line(self, index: int) -> Text:
        """Line `index` as Text, with the styles that touch it (and only those)."""
        line = self._lines[index]
        text = Text(self.text[line.start : line.end])
        for start, end, name in (*self._spans_by_line[index], *self._changing_spans(line)):
            style = self.get_component_rich_style(name, partial=True)
            text.stylize(style, max(0, start - line.start), max(0, end - line.start))
        return text

    def _layout(self) -> None:
        """Wrap the text to the current width, note where each line starts and which styles touch it."""
        width = self.scrollable_content_region.width
        if width <= 0 or not self.is_mounted:
            return
        self._width = width
        body_width = self._body_width(width)
        lines: list[_Line] = []
        position = 0
        for paragraph in self.text.split("\n"):
            cuts = [0, *wrap_offsets(paragraph, body_width), len(paragraph)]
            # Always one piece at least: an empty paragraph (a blank line of the text) is one empty line.
            for begin, end in zip(cuts, cuts[1:]):
                piece = paragraph[begin:end].rstrip()
                lines.append(_Line(position + begin, position + begin + len(piece)))
            position += len(paragraph) + 1
        starts = [line.start for line in lines]
        dated: dict[int, list[str]] = {}
        for event in self.events:
            index = max(0, bisect.bisect_right(starts, self._at(event.start)) - 1)
            dated.setdefault(index, []).append(event.value)
        self._lines = [
            _Line(line.start, line.end, tuple(dict.fromkeys(dated.get(n, ())))) for n, line in enumerate(lines)
        ]
        self._starts = starts
        self._spans_by_line = [[] for _ in lines]
        for span in self._fixed_spans():
            start, end, _name = span
            if end <= start:
                continue
            first = max(0, bisect.bisect_right(starts, start) - 1)
            last = max(first, bisect.bisect_left(starts, end) - 1)
            for index in range(first, last + 1):
                self._spans_by_line[index].append(span)
        self._strips.clear()
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def _restyle(self) -> None:
        """Styles changed (the chosen quote, the find): lines are styled again as they are shown."""
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        """A new theme or stylesheet: render the lines again with its colours."""
        super().notify_style_update()
        self._strips.clear()

    def on_resize(self) -> None:
        """Re-wrap when the width changes."""
        if self.scrollable_content_region.width != self._width:
            self._layout()

    def on_mount(self) -> None:
        """Wrap once we know our width."""
        self.call_after_refresh(self._layout)

    def _body_width(self, width: int) -> int:
        """Cells for the article text at this widget width."""
        return max(10, min(MEASURE, width - self._gutter_width))

    @property
    def _gutter_width(self) -> int:
        """Cells taken by the side line of dates (none when the article has no dates)."""
        return GUTTER + 1 if self.events else 0

    # --- queries ----------------------------------------------------------------------------

    @property
    def lines(self) -> list[str]:
        """The wrapped lines as plain text (for tests and copying)."""
        return [self.text[line.start : line.end] for line in self._lines]

    def line_of(self, offset: int) -> int:
        """The wrapped line holding an offset into the stored text."""
        if not self._starts:
            return 0
        return max(0, bisect.bisect_right(self._starts, self._at(offset)) - 1)

    def reveal(self, offset: int, *, animate: bool = False) -> None:
        """Scroll so the line holding `offset` sits in the upper third of the view."""
        line = self.line_of(offset)
        self.scroll_to(y=max(0, line - self.scrollable_content_region.height // 3), animate=animate, force=True)

    def set_finds(self, spans: list[tuple[int, int]], current: int | None = None) -> None:
        """Show the find's matches (offsets into `text`) and scroll to match `current`."""
        self.finds = spans
        self.find_current = current if spans else None
        self._restyle()
        if self.find_current is not None and self._starts:
            line = max(0, bisect.bisect_right(self._starts, spans[self.find_current][0]) - 1)
            self.scroll_to(y=max(0, line - self.scrollable_content_region.height // 3), animate=False, force=True)

    def first_shown_offset(self) -> int:
        """Where in `text` the first line on screen begins."""
        top = int(self.scroll_offset.y)
        return self._lines[top].start if 0 <= top < len(self._lines) else 0

    def set_current(self, index: int | None) -> None:
        """Emphasise quote `index` and scroll to it."""
        self.current = index
        self._restyle()
        if index is not None and 0 <= index < len(self.quotes):
            self.reveal(self.quotes[index].start)

    # --- rendering --------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """One wrapped line, with its dates in the side line."""
        width = self.scrollable_content_region.width
        index = int(self.scroll_offset.y) + y
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        if width != self._width:
            return self._render_wrapped(index, width)  # resized: shown as it is until re-wrapped
        strip = self._strips.get(index)
        if strip is None:
            strip = self._strips[index] = self._render_wrapped(index, width)
        return strip

    def _render_wrapped(self, index: int, width: int) -> Strip:
        """Line `index` rendered at `width`: margin, styled text and the side line."""
        base = self.rich_style
        line = self._lines[index]
        body_width = self._body_width(width)
        segments = list(self._styled_line(index).render(self.app.console, end=""))
        body = Strip(segments).crop_extend(0, body_width, base).apply_style(base)
        # On a wide terminal the text column sits in the middle.
        margin = Strip.blank(max(0, (width - body_width - self._gutter_width) // 2), base)
        if not self._gutter_width:
            return Strip.join([margin, body]).crop_extend(0, width, base)
        gutter_style = self.get_component_rich_style("article--gutter")
        label = ",".join(line.dates)
        if len(label) > GUTTER - 1:
            label = label[: GUTTER - 2] + "…"
        gutter = Strip([Segment(" "), Segment("│" + label.ljust(GUTTER - 1), gutter_style)]).apply_style(base)
        return Strip.join([margin, body, gutter]).crop_extend(0, width, base)
