"""Briefing settings (`briefing.toml`): title, focus speakers with aliases and groups, columns, and
the user's own speaker names (merges, renames, hidden speakers)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.core.errors import SettingsError

SETTINGS_FILE = "briefing.toml"
#: Most quote columns a briefing shows: more do not fit a screen, and each costs a query and a widget.
MAX_COLUMNS = 12


@dataclass(frozen=True)
class FocusSpeaker:
    """A speaker the user cares about: every alias merges into `name`, shown in column `group`."""

    name: str
    group: str
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        """The name and all its aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Settings:
    """Everything a briefing can be told about its story."""

    title: str = "Briefing"
    columns: tuple[str, ...] = ()
    speakers: tuple[FocusSpeaker, ...] = ()
    #: The file these came from, if any.
    path: str | None = None
    #: What reading the file had to leave out, said to the user (not stored).
    notes: tuple[str, ...] = ()
    #: The user's names for speakers (`[aliases]`: spelling = name), in file order: a merge
    #: ("Kalinak" = "Robert Kalinak") or a rename. Applied when speakers are named across the
    #: briefing, never by extraction, so changing them extracts nothing again.
    aliases: tuple[tuple[str, str], ...] = ()
    #: Speakers the user hid (`hidden = [...]`): kept, but not offered as columns or listed.
    hidden: tuple[str, ...] = ()

    def group_of(self, speaker: str) -> str | None:
        """The column group of a canonical speaker name, or None."""
        for focus in self.speakers:
            if focus.name == speaker:
                return focus.group
        return None

    def to_dict(self) -> dict:
        """Plain dict for storing in the database's meta table."""
        return {
            "title": self.title,
            "columns": list(self.columns),
            "speakers": [
                {"name": s.name, "group": s.group, "aliases": list(s.aliases)} for s in self.speakers
            ],
            "path": self.path,
            "aliases": dict(self.aliases),
            "hidden": list(self.hidden),
        }

    @property
    def alias_map(self) -> dict[str, str]:
        """The user's aliases as a mapping of spelling to name."""
        return dict(self.aliases)

    @classmethod
    def from_dict(cls, data: dict) -> Settings:
        """Inverse of `to_dict`; tolerant of missing keys."""
        return cls(
            title=str(data.get("title") or "Briefing"),
            columns=tuple(str(c) for c in data.get("columns") or ())[:MAX_COLUMNS],
            speakers=tuple(
                FocusSpeaker(
                    name=str(s["name"]),
                    group=str(s.get("group") or s["name"]),
                    aliases=tuple(str(a) for a in s.get("aliases") or ()),
                )
                for s in data.get("speakers") or ()
                if isinstance(s, dict) and s.get("name")
            ),
            path=data.get("path"),
            aliases=tuple(
                (str(k), str(v)) for k, v in (data.get("aliases") or {}).items() if str(k).strip() and str(v).strip()
            ) if isinstance(data.get("aliases"), dict) else (),
            hidden=tuple(str(h) for h in data.get("hidden") or () if str(h).strip()) if isinstance(data.get("hidden"), list) else (),
        )


def load_settings(path: Path) -> Settings:
    """Read a `briefing.toml`; raise SettingsError naming the file, the key and what it must be."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise SettingsError(f"Cannot read settings {path}: {err.strerror or err}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise SettingsError(f"Settings file {path} is not valid TOML: {err}") from None
    _validate(path, raw)
    notes = ()
    if len(raw.get("columns", ())) > MAX_COLUMNS:
        notes = (f"`columns` lists {len(raw['columns'])} columns; the first {MAX_COLUMNS} are shown",)
    settings = Settings.from_dict(raw)
    return replace(settings, path=str(path), notes=notes)


def _validate(path: Path, raw: dict) -> None:
    """Every value the settings read is of the type it must be; else one sentence saying which."""

    def wrong(key: str, expected: str, value: object) -> SettingsError:
        return SettingsError(f"Settings file {path}: `{key}` must be {expected}, not {_kind(value)}")

    if "title" in raw and not isinstance(raw["title"], str):
        raise wrong("title", 'a string (title = "…")', raw["title"])
    if "columns" in raw and not _strings(raw["columns"]):
        raise wrong("columns", 'a list of strings (columns = ["NATO", "Kosovo"])', raw["columns"])
    speakers = raw.get("speakers", [])
    if not isinstance(speakers, list) or not all(isinstance(s, dict) for s in speakers):
        raise SettingsError(f"Settings file {path}: [[speakers]] must be a list of tables")
    for number, speaker in enumerate(speakers, 1):
        if not speaker.get("name"):
            raise SettingsError(f"Settings file {path}: speaker {number} has no name")
        if not isinstance(speaker["name"], str):
            raise wrong(f"speakers[{number}].name", "a string", speaker["name"])
        if "group" in speaker and not isinstance(speaker["group"], str):
            raise wrong(f"speakers[{number}].group", "a string", speaker["group"])
        if "aliases" in speaker and not _strings(speaker["aliases"]):
            raise wrong(f"speakers[{number}].aliases", 'a list of names (aliases = ["Vucic"])', speaker["aliases"])
    aliases = raw.get("aliases", {})
    if not isinstance(aliases, dict) or not all(isinstance(v, str) for v in aliases.values()):
        raise SettingsError(f'Settings file {path}: [aliases] must be a table of spelling = "name"')
    if "hidden" in raw and not _strings(raw["hidden"]):
        raise SettingsError(f'Settings file {path}: hidden must be a list of names, like hidden = ["the report"]')


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _kind(value: object) -> str:
    """A TOML value's type in words."""
    if isinstance(value, str):
        return f"a string ({value!r})" if len(value) <= 40 else "a string"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list of " + ("strings and other values" if any(isinstance(v, str) for v in value) else "other values")
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def find_settings(paths: list[Path]) -> Settings:
    """Settings for an index run: the first `briefing.toml` in (or beside) the given paths."""
    for path in paths:
        folder = path if path.is_dir() else path.parent
        candidate = folder / SETTINGS_FILE
        if candidate.is_file():
            return load_settings(candidate)
    return Settings(title=paths[0].name if len(paths) == 1 and paths[0].is_dir() else "Briefing")
