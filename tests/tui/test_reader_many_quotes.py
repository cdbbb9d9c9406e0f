"""The reader on an article with many quotes: it opens, steps, finds and closes, styling what is on screen."""

from __future__ import annotations

from contextlib import asynccontextmanager

from briefing.core.indexer import index_paths
from briefing.core.store.database import open_database
from briefing.tui.app import BriefingApp
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.article_view import ArticleView

SPEAKERS = ("Mayor Ana Kell", "Minister Ivo Brand", "Chief Lena Ostra")
QUOTES = 300


async def settle(pilot) -> None:
    """Let every worker finish and its result reach the screen."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def many_quotes_db(tmp_path):
    """One article of QUOTES short attributed quotes, indexed."""
    folder = tmp_path / "story"
    folder.mkdir()
    lines = [f'"We will rebuild the bridge number {n}," {SPEAKERS[n % 3]} said.' for n in range(QUOTES - 1)]
    lines.append('"The bridge will carry trains, buses and bicycles, and the old ferry will stay in service '
                 'for the islanders who still prefer it," Mayor Ana Kell said.')
    (folder / "many.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    path = tmp_path / "many.db"
    db = open_database(path)
    index_paths(db, [folder])
    db.conn.close()
    return path


@asynccontextmanager
async def reading_many_quotes(tmp_path):
    """The app at 80x24 with the reader open on the article of many quotes: (app, pilot, view)."""
    app = BriefingApp(many_quotes_db(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_article(1)
        await settle(pilot)
        yield app, pilot, app.screen.query_one(ArticleView)


async def test_an_article_with_many_quotes_opens_steps_finds_and_escape_closes_it(tmp_path):
    async with reading_many_quotes(tmp_path) as (app, pilot, view):
        assert isinstance(app.screen, ReaderScreen)
        assert len(view.quotes) == QUOTES
        assert any("bridge number 298" in line for line in view.lines)
        # Only lines on screen are rendered and kept, not the article.
        assert 0 < len(view._strips) <= view.size.height
        await pilot.press("G", "n")  # to the end, then the first quote on screen
        await settle(pilot)
        assert view.current is not None and view.current >= QUOTES - 10
        current_line = view.line_of(view.quotes[view.current].start)
        assert view.scroll_offset.y <= current_line < view.scroll_offset.y + view.size.height
        await pilot.press("slash", *"number 150", "enter")
        await settle(pilot)
        assert len(view.finds) == 1
        line = view.line_of(view.finds[0][0])
        assert view.scroll_offset.y <= line < view.scroll_offset.y + view.size.height
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_a_step_restyles_only_the_lines_the_quotes_are_on(tmp_path):
    async with reading_many_quotes(tmp_path) as (_app, pilot, view):
        await pilot.press("]")
        await settle(pilot)
        first = view.current
        line = view.line_of(view.quotes[first].start)
        styled = view._styled_line(line)
        current = view.get_component_rich_style("article--current", partial=True)
        assert any(span.style == current for span in styled.spans)
        await pilot.press("]")
        await settle(pilot)
        # The quote stepped from is no longer emphasised; the one stepped to is.
        assert not any(span.style == current for span in view._styled_line(line).spans)
        following = view.line_of(view.quotes[first + 1].start)
        assert any(span.style == current for span in view._styled_line(following).spans)


async def test_a_quote_wrapped_over_lines_is_coloured_on_each(tmp_path):
    async with reading_many_quotes(tmp_path) as (_app, pilot, view):
        quote = view.quotes[-1]
        first, last = view.line_of(quote.start), view.line_of(quote.end - 1)
        assert last > first
        colour = view.colours[quote.id]
        style = view.get_component_rich_style(f"article--speaker-{colour}" if colour else "article--speaker-other", partial=True)
        for line in range(first, last + 1):
            assert any(span.style == style for span in view._styled_line(line).spans)
