"""Setting speakers' names right from the app: the picker's m, r and h, and a new folder's columns."""

from __future__ import annotations

from briefing.core.indexer import index_paths
from briefing.core.settings import load_settings
from briefing.core.store.database import open_database
from briefing.tui.app import BriefingApp
from briefing.tui.dialogs.name_prompt import NamePrompt
from briefing.tui.dialogs.speaker_picker import SpeakerPicker
from briefing.tui.widgets.column_choices import ColumnChoices
from textual.widgets import Input

#: A hand-written story about invented people, with no settings file.
ARTICLES = {
    "a.txt": (
        "Valdoria, March 3 (Northwire) -\n\n"
        "Interior Minister Anna Nowak said on Tuesday that the border would stay open. Nowak said patrols would double. "
        "Nowak added that the crossings stay open.\n\n"
        "Joe Tamsin, the mayor of Port Edda, said the town was calm. Hunter Tamsin, his son, said the schools were shut.\n"
    ),
    "b.txt": (
        "Port Edda, March 4 (Northwire) -\n\n"
        "The World Relief Organization said aid had arrived. Tamsin said the harbour was closed. "
        "The World Relief Organization said more would come. Officials said the road was open.\n"
    ),
}


async def settle(pilot) -> None:
    """Let every worker finish and its result reach the screen."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def story_db(tmp_path):
    """The story indexed into its own database; returns (folder, database path)."""
    folder = tmp_path / "story"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = tmp_path / "story.db"
    db = open_database(path)
    index_paths(db, [folder])
    db.conn.close()
    return folder, path


async def highlight(pilot, speaker: str) -> None:
    choices = pilot.app.screen.query_one(ColumnChoices)
    values = [choices.get_option_at_index(i).value for i in range(choices.option_count)]
    choices.highlighted = values.index(f"speaker:{speaker}")
    await pilot.pause()


async def test_a_new_folder_opens_on_its_most_quoted_named_speakers_people_first(tmp_path):
    _folder, path = story_db(tmp_path)
    app = BriefingApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        labels = [s.label for s in app.main.board.specs]
        # Anna Nowak (3 quotes) and the relief body (2), people first; never "officials".
        assert labels[0] == "Anna Nowak" and "World Relief Organization" in labels and "officials" not in labels
        assert "c chooses others" in str(app.main.status.render())


async def test_merge_and_rename_in_the_picker_are_kept_after_quitting_and_indexing_again(tmp_path):
    folder, path = story_db(tmp_path)
    app = BriefingApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, SpeakerPicker)
        await highlight(pilot, "Tamsin")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, NamePrompt)
        app.screen.query_one(Input).value = "Joe Tamsin"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SpeakerPicker)
        await highlight(pilot, "World Relief Organization")
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one(Input).value = "WRO"
        await pilot.press("enter")
        await settle(pilot)
        choices = app.screen.query_one(ColumnChoices)
        values = {choices.get_option_at_index(i).value for i in range(choices.option_count)}
        assert "speaker:WRO" in values and "speaker:Tamsin" not in values
        assert "speaker:World Relief Organization" not in values
        await pilot.press("escape")
        await settle(pilot)
        # The column of the renamed body follows its new name.
        assert "WRO" in [s.label for s in app.main.board.specs]
    settings = load_settings(folder / "briefing.toml")
    assert settings.alias_map == {"Tamsin": "Joe Tamsin", "World Relief Organization": "WRO"}
    db = open_database(path)
    index_paths(db, [folder], rebuild=True)
    names = dict(db.execute("SELECT speaker, count(*) FROM quotes GROUP BY speaker").fetchall())
    db.conn.close()
    assert names["Joe Tamsin"] == 2 and names["WRO"] == 2 and "Tamsin" not in names


async def test_hide_in_the_picker_leaves_the_speaker_out_of_the_list(tmp_path):
    folder, path = story_db(tmp_path)
    app = BriefingApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await highlight(pilot, "officials")
        await pilot.press("h")
        await settle(pilot)
        choices = app.screen.query_one(ColumnChoices)
        assert "speaker:officials" not in {choices.get_option_at_index(i).value for i in range(choices.option_count)}
    assert load_settings(folder / "briefing.toml").hidden == ("officials",)


async def test_the_bundled_sample_is_not_renamed_and_the_app_says_why(briefing_db):
    app = BriefingApp(briefing_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await highlight(pilot, "KFOR")
        await pilot.press("h")
        await settle(pilot)
        assert any("bundled sample" in str(n.message) for n in app._notifications)
        assert isinstance(app.screen, SpeakerPicker)
