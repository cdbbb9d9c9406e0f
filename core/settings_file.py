"""Writing a briefing's `briefing.toml`: the user's speaker names and a starting file for a folder.

The file is edited in place with tomlkit, so the user's comments and layout stay as they were,
and written to a temporary file first, so a failed write never leaves half a file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

import tomlkit
from briefing.core.errors import SettingsError
from briefing.core.locations import bundled_data_dir
from briefing.core.settings import SETTINGS_FILE

_ALIASES_COMMENT = (
    "Spellings shown under another name: a merge (\"Kalinak\" = \"Robert Kalinak\") or a rename.\n"
    "Set with `briefing speakers merge|rename` or the app's speaker picker (c, then m or r);\n"
    "applied by the next `briefing index` without extracting anything again."
)
_HIDDEN_COMMENT = "Speakers left out of the lists and the columns (`briefing speakers hide`, or h in the picker)."


def settings_path_for(stored_path: str | None, roots_json: str | None) -> Path:
    """Where a briefing's settings file is: the one its last index run read, else `briefing.toml`
    in the one folder it was indexed from. Raises SettingsError with a sentence otherwise."""
    if stored_path:
        path = Path(stored_path)
    else:
        roots = [Path(r) for r in json.loads(roots_json or "[]")]
        folders = [r for r in roots if r.is_dir()]
        if not roots:
            raise SettingsError("This briefing has no folder yet: index one with `briefing index FOLDER`.")
        if len(folders) != 1 or len(roots) != 1:
            listed = ", ".join(str(r) for r in roots)
            raise SettingsError(
                f"This briefing was indexed from several places ({listed}), so there is no one folder for "
                f"its {SETTINGS_FILE}. Write one in the folder you index (`briefing init FOLDER`) and index it again."
            )
        path = folders[0] / SETTINGS_FILE
    check_writable(path)
    return path


def check_writable(path: Path) -> None:
    """Raise SettingsError with a sentence when the settings file cannot be written where it goes."""
    try:
        bundled = bundled_data_dir().resolve()
    except OSError:
        bundled = None
    if bundled is not None and path.parent.resolve() == bundled:
        raise SettingsError(
            "The bundled sample's settings belong to the installation and are not changed from here; "
            "index a folder of your own to name its speakers."
        )
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        raise SettingsError(f"{path} is read-only: cannot write the speaker names there.")
    if not path.exists() and not os.access(folder, os.W_OK):
        raise SettingsError(
            f"The folder {folder} is read-only: cannot write {SETTINGS_FILE} there. "
            f"Copy the articles to a folder you can write to and index that one."
        )


def _read(path: Path) -> tomlkit.TOMLDocument:
    if not path.exists():
        return tomlkit.document()
    try:
        return tomlkit.parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise SettingsError(f"Cannot read settings {path}: {err}") from None
    except tomlkit.exceptions.ParseError as err:
        raise SettingsError(f"Settings file {path} is not valid TOML: {err}") from None


def _write(path: Path, doc: tomlkit.TOMLDocument) -> None:
    temporary = path.with_name(path.name + ".tmp")
    try:
        temporary.write_text(tomlkit.dumps(doc), encoding="utf-8")
        os.replace(temporary, path)
    except OSError as err:
        temporary.unlink(missing_ok=True)
        raise SettingsError(f"Cannot write {path}: {err.strerror or err}.") from None


def _aliases(doc: tomlkit.TOMLDocument):
    table = doc.get("aliases")
    if table is None:
        table = tomlkit.table()
        for line in _ALIASES_COMMENT.splitlines():
            table.add(tomlkit.comment(line))
        doc.add(tomlkit.nl())
        doc.add("aliases", table)
    elif not isinstance(table, dict):
        raise SettingsError('[aliases] in briefing.toml must be a table of spelling = "name"')
    return table


def set_alias(path: Path, spelling: str, name: str) -> None:
    """Show `spelling` (and whatever is merged into it) under `name` from now on."""
    doc = _read(path)
    table = _aliases(doc)
    # A rename back ("B" = "A" after "A" = "B") undoes the first instead of making a loop.
    back = [k for k, v in table.items() if str(v) == spelling and str(k) == name]
    for key in back:
        del table[key]
    if spelling != name and not back:
        table[spelling] = name
    _write(path, doc)


def hide(path: Path, name: str) -> None:
    """Leave a speaker out of the lists and the columns."""
    doc = _read(path)
    hidden = doc.get("hidden")
    if hidden is None:
        hidden = tomlkit.array()
        doc.add(tomlkit.comment(_HIDDEN_COMMENT))
        doc.add("hidden", hidden)
    elif not isinstance(hidden, list):
        raise SettingsError("hidden in briefing.toml must be a list of names")
    if name not in [str(h) for h in hidden]:
        hidden.append(name)
    _write(path, doc)


def write_starting_settings(
    path: Path, title: str, columns: Iterable[str], aliases: Iterable[tuple[str, str, str]], *, by: str = "`briefing init`"
) -> None:
    """Write a first `briefing.toml`: the title, the columns to open with, and the spellings the
    briefing merged (spelling, name, why), each with its reason as a comment; `by` says what wrote it."""
    doc = tomlkit.document()
    doc.add(tomlkit.comment(f"Settings of this briefing, written by {by}. Edit freely: `briefing index` applies them."))
    doc.add(tomlkit.nl())
    doc.add(tomlkit.comment("Shown in the app's header and at the top of an exported brief."))
    doc.add("title", title)
    doc.add(tomlkit.nl())
    doc.add(tomlkit.comment("The quote columns the app opens with, left to right: speakers' names (or groups of [[speakers]])."))
    doc.add("columns", list(columns))
    doc.add(tomlkit.nl())
    doc.add(tomlkit.comment(_HIDDEN_COMMENT))
    doc.add("hidden", tomlkit.array())
    table = tomlkit.table()
    for line in _ALIASES_COMMENT.splitlines():
        table.add(tomlkit.comment(line))
    for spelling, name, because in aliases:
        table.add(spelling, name)
        if because:
            table[spelling].comment(because)
    doc.add(tomlkit.nl())
    doc.add("aliases", table)
    _write(path, doc)
