"""The list every pane is built on: its window is drawn in one frame, and a layout of the screen
leaves its scrollbar alone."""

from __future__ import annotations

from briefing.tui.widgets.briefing_list import BriefingList
from textual.app import App, ComposeResult


class OneList(App[None]):
    """A single list filling the screen."""

    CSS = "BriefingList { height: 1fr; }"

    def compose(self) -> ComposeResult:
        """The list."""
        yield BriefingList(id="list")


async def test_new_items_fill_two_screens_at_once():
    """Replacing the items of a laid-out list makes its window whole in the same call: a second
    page added after the first frame would cost a second layout and frame on every key."""
    app = OneList()
    async with app.run_test(size=(40, 40)) as pilot:
        await pilot.pause()
        items = [f"item {n}" for n in range(500)]
        listing = app.query_one(BriefingList)
        listing.set_items(items)
        # One line per item: two screens of 38 lines (inside its border) take three pages of 30.
        assert listing.shown == 3 * listing.PAGE_SIZE
        assert listing.virtual_size.height >= 2 * listing.size.height
        await pilot.pause()
        assert listing.shown == 3 * listing.PAGE_SIZE


async def test_an_empty_list_says_so():
    """No items: one line saying there are none, and no cursor."""
    app = OneList()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        listing = app.query_one(BriefingList)
        listing.set_items(["a", "b"])
        listing.set_items([], empty_text="Nothing found.")
        await pilot.pause()
        assert listing.option_count == 1 and listing.current is None
        assert str(listing.get_option_at_index(0).prompt) == "Nothing found."


async def test_a_layout_of_the_screen_leaves_the_scrollbar_alone(monkeypatch):
    """Textual hands a scroll view its container's size as its virtual size on every layout; the
    list compares against its own, so a layout that changes nothing redraws no scrollbar."""
    app = OneList()
    async with app.run_test(size=(40, 10)) as pilot:
        listing = app.query_one(BriefingList)
        listing.set_items([f"item {n}" for n in range(100)])
        await pilot.pause()
        scrollbar = listing.vertical_scrollbar
        assert listing.show_vertical_scrollbar
        redrawn: list[object] = []
        original = scrollbar.refresh
        monkeypatch.setattr(scrollbar, "refresh", lambda *a, **k: (redrawn.append(a), original(*a, **k))[1])
        app.screen.refresh(layout=True)
        await pilot.pause()
        assert redrawn == []
        # A real change of size still reaches it.
        await pilot.resize_terminal(40, 16)
        await pilot.pause()
        assert redrawn


async def test_a_hidden_list_waits_for_one_layout_only(monkeypatch):
    """A hidden list has no size to fill: it tries again after one layout, not on every frame after."""
    app = OneList()
    async with app.run_test(size=(40, 10)) as pilot:
        listing = app.query_one(BriefingList)
        listing.display = False
        await pilot.pause()
        tries: list[bool] = []
        original = listing._fill_view
        monkeypatch.setattr(listing, "_fill_view", lambda laid_out=False: (tries.append(laid_out), original(laid_out))[1])
        listing.set_items([f"item {n}" for n in range(100)])
        for _ in range(5):
            listing.refresh()
            await pilot.pause()
        assert tries == [False, True]


async def test_a_list_measures_its_items_again_only_when_its_width_changes(monkeypatch):
    """A list that only grows or shrinks in height (a pane above it filling) wraps its items as
    before: they are not measured and drawn again a frame later. A new width measures them anew."""
    app = OneList()
    async with app.run_test(size=(40, 20)) as pilot:
        listing = app.query_one(BriefingList)
        listing.set_items([f"item {n} with words enough to wrap inside a narrow list" for n in range(50)])
        await pilot.pause()
        width = listing.size.width
        cleared: list[int] = []

        def clear_caches() -> None:
            cleared.append(listing.size.width)
            BriefingList._clear_caches(listing)

        monkeypatch.setattr(listing, "_clear_caches", clear_caches)
        await pilot.resize_terminal(40, 30)
        await pilot.pause()
        assert listing.size.height > 18 and cleared == []
        await pilot.resize_terminal(50, 30)
        await pilot.pause()
        assert cleared and listing.size.width == width + 10
