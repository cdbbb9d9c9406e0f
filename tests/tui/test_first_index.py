"""The app opened on a briefing while its first index runs: the sources and columns appear as they land."""

from __future__ import annotations

import pytest
from briefing.core.indexer import index_paths
from briefing.core.store.database import open_database
from briefing.tui.app import BriefingApp
from textual.widgets import Static

ARTICLES = {
    "harbour.txt": (
        "Mayor Ana Kell said the harbour would reopen in June.\n\n"
        '"We will rebuild the bridge first," Kell said on Monday.\n\n'
        '"The ferry runs again next week," said Ivo Brand, the port director.\n'
    ),
    "council.txt": (
        '"The council has approved the money," Kell told reporters.\n\n'
        '"Repairs start at dawn," Brand said.\n'
    ),
}


async def settle(pilot) -> None:
    """Let every worker finish and its result reach the screen."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def empty_briefing(tmp_path):
    """A database an index run has just created (no sources yet), and the folder it is indexing."""
    folder = tmp_path / "story"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = tmp_path / "first.db"
    open_database(path).conn.close()
    return folder, path


def index(folder, path) -> None:
    """What `briefing index FOLDER --db PATH` commits, from another connection."""
    writer = open_database(path)
    index_paths(writer, [folder])
    writer.conn.close()


def notice(app: BriefingApp) -> str:
    """The notice over the columns, when it is shown."""
    widget = app.main.query_one("#notice", Static)
    return str(widget.render()) if widget.display else ""


@pytest.mark.parametrize("how", ["change check", "refresh key"])
async def test_sources_and_columns_appear_once_the_first_index_commits(tmp_path, how):
    """Opened before any source exists, the app shows the sources, the most quoted speakers' columns, and no "no sources" notice."""
    folder, path = empty_briefing(tmp_path)
    app = BriefingApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.sources.items == []
        assert app.main.board.columns == []
        assert "no sources yet" in notice(app)
        # The commit lands before the app's first periodic look.
        index(folder, path)
        if how == "change check":
            app._check_for_changes()
        else:
            await pilot.press("r")
        await settle(pilot)
        assert len(app.main.sources.items) == 2
        labels = [c.spec.label for c in app.main.board.columns]
        assert "Ana Kell" in labels and "Ivo Brand" in labels
        kell = next(c for c in app.main.board.columns if c.spec.label == "Ana Kell")
        assert any("bridge" in q.text for q in kell.items)
        assert notice(app) == ""
