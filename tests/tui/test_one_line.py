"""One-line widgets of the search (its count, the status line, the column tabs): a new text costs
the screen one layout, and the same text none."""

from __future__ import annotations

from briefing.tui.widgets.one_line import LineLabel, set_text
from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Input, Label


class CountBeside(App[None]):
    """A box with a count beside it, as in the search bar: the box takes what the count leaves."""

    CSS = "Horizontal { height: 1; } #box { width: 1fr; border: none; height: 1; }"

    def compose(self) -> ComposeResult:
        """An input, a plain label and a line label in one row."""
        with Horizontal():
            yield Input(id="box")
            yield Label(Text("words"), id="plain")
            yield LineLabel(Text("words"), id="line")


async def layouts_after(app: App, pilot, change) -> int:
    """How many times the screen is laid out once `change` is made."""
    await pilot.pause()
    counted: list[object] = []
    original = Screen._refresh_layout

    def counting(screen, *args, **kwargs):
        counted.append(screen)
        return original(screen, *args, **kwargs)

    Screen._refresh_layout = counting
    try:
        change()
        for _ in range(4):
            await pilot.pause()
    finally:
        Screen._refresh_layout = original
    return len(counted)


async def test_a_longer_count_lays_the_screen_out_once():
    """A plain label that grows asks for a second layout after the first; a line label does not."""
    app = CountBeside()
    async with app.run_test(size=(80, 5)) as pilot:
        plain = app.query_one("#plain", Label)
        line = app.query_one("#line", LineLabel)
        assert await layouts_after(app, pilot, lambda: plain.update(Text("500 of about 2,783 quotes · words"))) == 2
        assert await layouts_after(app, pilot, lambda: line.update(Text("500 of about 2,783 quotes · words"))) == 1
        assert line.size.width == len("500 of about 2,783 quotes · words")
        assert "2,783" in str(line.render())


async def test_the_same_text_again_changes_nothing():
    """`set_text` with what the label shows already asks for no layout; a new text does."""
    app = CountBeside()
    async with app.run_test(size=(80, 5)) as pilot:
        line = app.query_one("#line", LineLabel)
        assert await layouts_after(app, pilot, lambda: set_text(line, Text("words"))) == 0
        assert await layouts_after(app, pilot, lambda: set_text(line, Text("12 quotes · words"))) == 1
        assert str(line.render()) == "12 quotes · words"
