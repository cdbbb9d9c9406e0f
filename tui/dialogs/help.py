"""The help screen: every key of the app, by where it works, each with what it does."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from briefing.core.models import ROLE_MARKS
from briefing.tui.dialogs.speaker_picker import SpeakerPicker
from briefing.tui.screens import FOCUS_BINDINGS
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.article_view import ArticleView
from briefing.tui.widgets.briefing_list import BriefingList
from briefing.tui.widgets.column_choices import ColumnChoices
from briefing.tui.widgets.quote_column import QuoteColumn
from briefing.tui.widgets.search_bar import SearchBar
from briefing.tui.widgets.source_list import SourceList
from briefing.tui.widgets.timeline_list import TimelineList
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

#: Marks used on screen, explained at the end of the help.
LEGEND = [
    ("“…”", "a direct quote, word for word"),
    ("reported:", "indirect (reported) speech, in italics"),
    ("⚠ by pronoun", "a weak attribution: the speaker was found from 'he', 'she', a continuation, or not at all"),
    ("also in …", "other sources carry the same statement"),
    ("(inferred)", "the publication date was worked out, not given by the article"),
    ("⚠ sources disagree", "sources give different dates for the same event"),
    (ROLE_MARKS["future"], "a day still ahead when it was told (planned, announced): not something that happened"),
    (ROLE_MARKS["possible"], "one of several days offered, or a hedged one ('maybe Friday'): not something that happened"),
    ("▸ Background", "dates long before the story (years, months), folded away: b or enter shows them"),
    ("★", "pinned: goes into the exported brief"),
]


def _own(cls) -> list[Binding]:
    """Bindings declared by the class itself."""
    return [b for b in cls.BINDINGS if isinstance(b, Binding)]


def _each_key_once(sections: list[tuple[str, list[Binding]]]) -> list[tuple[str, list[Binding]]]:
    """A key is listed once in a section (the first binding of it wins), and a key listed in the
    first section (everywhere) is not listed again where it does the same (quit in the dialogs)."""
    everywhere: set[tuple[str, str]] = set()
    result = []
    for number, (title, bindings) in enumerate(sections):
        keys: set[str] = set()
        kept = []
        for binding in bindings:
            what = (binding.key, binding.tooltip or binding.description)
            if binding.key in keys or (number and what in everywhere):
                continue
            keys.add(binding.key)
            kept.append(binding)
            if not number:
                everywhere.add(what)
        result.append((title, kept))
    return result


def binding_sections(app_bindings: list[BindingType]) -> list[tuple[str, list[Binding]]]:
    """Every key binding of the app, by where it works; `app_bindings` are the app's own."""
    return _each_key_once([
        ("Everywhere", [b for b in app_bindings if isinstance(b, Binding)] + FOCUS_BINDINGS),
        ("Main screen", [b for b in _own(MainScreen) if b not in FOCUS_BINDINGS]),
        ("Lists (sources, timeline, columns, articles)", _own(BriefingList)),
        ("Quote columns", _own(QuoteColumn)),
        ("Sources", _own(SourceList)),
        ("Timeline", _own(TimelineList)),
        ("Search box", _own(SearchBar)),
        ("Article reader", [b for b in _own(ReaderScreen) if b not in FOCUS_BINDINGS] + _own(ArticleView)),
        ("Speaker picker", [b for b in _own(SpeakerPicker) if b not in FOCUS_BINDINGS] + _own(ColumnChoices)),
        ("Help", [b for b in _own(HelpScreen) if b not in FOCUS_BINDINGS]),
    ])


class HelpScreen(ModalScreen[None], inherit_bindings=False):
    """A scrollable list of keys; escape or ? closes it (q still quits)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *FOCUS_BINDINGS,
        Binding("escape,question_mark", "dismiss", "Close help", id="help.close"),
        # A modal screen hides the app's own bindings, so quitting is offered here too.
        Binding("q", "app.quit", "Quit", id="help.quit", tooltip="Leave the app"),
        Binding("down,j", "scroll('down')", "Scroll down", show=False, id="help.down"),
        Binding("up,k", "scroll('up')", "Scroll up", show=False, id="help.up"),
    ]
    """Close and scroll."""

    def __init__(self, app_bindings: list[BindingType], key_display: Callable[[Binding], str]) -> None:
        """List the app's own bindings (`app_bindings`) and every screen's; `key_display(binding)` formats a key."""
        super().__init__()
        #: (title, bindings) of each part of the app, in the order shown.
        self.sections = binding_sections(app_bindings)
        self.key_display = key_display

    def compose(self) -> ComposeResult:
        """A titled box with one table per section."""
        with Vertical(id="help-box"):
            yield Static(Text("Keys — escape closes this help", style="bold"), id="help-title")
            with VerticalScroll(id="help-scroll"):
                for title, bindings in self.sections:
                    yield Static(self._table(title, bindings), classes="help-section")
                yield Static(self._legend(), classes="help-section")

    def on_mount(self) -> None:
        """Focus the scrolling area so arrows scroll it."""
        self.query_one("#help-scroll").focus()

    def _table(self, title: str, bindings: list[Binding]) -> Table:
        table = Table(title=Text(title, style="bold"), title_justify="left", show_header=False, box=None, expand=True,
                      padding=(0, 1))
        table.add_column("key", style="bold", no_wrap=True, min_width=12)
        table.add_column("what", ratio=1)
        for binding in bindings:
            table.add_row(Text(self.key_display(binding)), Text(binding.tooltip or binding.description))
        return table

    def _legend(self) -> Table:
        table = Table(title=Text("Marks", style="bold"), title_justify="left", show_header=False, box=None, expand=True,
                      padding=(0, 1))
        table.add_column("mark", style="bold", no_wrap=True, min_width=12)
        table.add_column("meaning", ratio=1)
        for mark, meaning in LEGEND:
            table.add_row(Text(mark), Text(meaning))
        return table

    def action_scroll(self, direction: str) -> None:
        """Scroll the list of keys."""
        scroll = self.query_one("#help-scroll", VerticalScroll)
        if direction == "down":
            scroll.scroll_down()
        else:
            scroll.scroll_up()
