"""briefing.toml is validated: a wrong type names the file, the key and what it must be; columns are capped."""

from __future__ import annotations

import pytest
from briefing.core.errors import SettingsError
from briefing.core.indexer import index_paths
from briefing.core.settings import MAX_COLUMNS, load_settings


def settings_file(tmp_path, text: str):
    path = tmp_path / "briefing.toml"
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        ('[[speakers]]\nname = "Aleksandar Vucic"\naliases = "Vucic"\n', "speakers[1].aliases", "a list of names"),
        ('[[speakers]]\nname = "Ann Lee"\naliases = 5\n', "speakers[1].aliases", "a list of names"),
        ('[[speakers]]\nname = "Ann Lee"\n[[speakers]]\nname = ["Bo", "Park"]\n', "speakers[2].name", "a string"),
        ('[[speakers]]\nname = "Ann Lee"\ngroup = 3\n', "speakers[1].group", "a string"),
        ('columns = "NATO"\n', "columns", "a list of strings"),
        ("columns = [1, 2]\n", "columns", "a list of strings"),
        ("title = 2023\n", "title", "a string"),
    ],
)
def test_a_value_of_the_wrong_type_names_the_file_the_key_and_the_type(tmp_path, text, key, expected):
    path = settings_file(tmp_path, text)
    with pytest.raises(SettingsError) as error:
        load_settings(path)
    message = str(error.value)
    assert str(path) in message and f"`{key}` must be {expected}" in message and ", not " in message


def test_aliases_given_as_one_string_are_an_error_not_one_letter_aliases(tmp_path):
    with pytest.raises(SettingsError, match="not a string \\('Vucic'\\)"):
        load_settings(settings_file(tmp_path, '[[speakers]]\nname = "Aleksandar Vucic"\naliases = "Vucic"\n'))


def test_many_columns_are_capped_with_a_note(tmp_path):
    names = ", ".join(f'"Group {n}"' for n in range(2000))
    (tmp_path / "a.txt").write_text("The mayor of Dunmore said on Monday that the bridge was open.\n")
    settings_file(tmp_path, f'title = "Dunmore"\ncolumns = [{names}]\n')
    settings = load_settings(tmp_path / "briefing.toml")
    assert len(settings.columns) == MAX_COLUMNS and settings.columns[0] == "Group 0"
    from briefing.core.store.database import open_database

    report = index_paths(open_database(tmp_path / "b.db"), [tmp_path])
    (note,) = [p for p in report.problems if p.path.endswith("briefing.toml")]
    assert not note.skipped and note.reason == f"`columns` lists 2000 columns; the first {MAX_COLUMNS} are shown"
