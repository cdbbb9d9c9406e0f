"""What every command shares: its options, where the database is, and finding a source or a speaker."""

from __future__ import annotations

from pathlib import Path

import click
from briefing.core.errors import UsageError
from briefing.core.locations import default_db_path, env_db_path, folder_db_path

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Briefing database to use (default: $BRIEFING_DB, else the user data folder; see `briefing locate`).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts instead of a table.")


def named_db(db_path: Path | None) -> Path | None:
    """The database the user named: --db, else the one named before the command, else $BRIEFING_DB."""
    if db_path is None:
        # `briefing --db X index …` names the database before the command.
        ctx = click.get_current_context(silent=True)
        root = ctx.find_root() if ctx else None
        db_path = (root.obj or {}).get("db") if root else None
    return db_path.expanduser() if db_path else env_db_path()


def db_path_of(db_path: Path | None) -> Path:
    """The database a command works on: the one named, else the default (the bundled sample's)."""
    return named_db(db_path) or default_db_path()


def db_for_paths(db_path: Path | None, paths: list[Path]) -> Path:
    """Where articles from `paths` go: the database named, else the folder's own (in the user
    data folder, named after it), else with no path the default."""
    named = named_db(db_path)
    if named is not None:
        return named
    return folder_db_path(paths) if paths else default_db_path()


def open_db(db_path: Path | None, *, readonly: bool = True):
    """Open the database a command works on (read-only unless asked); a damaged one is refused
    with a sentence, never printed from in part."""
    from briefing.core.errors import DatabaseError
    from briefing.core.store.database import open_database
    from briefing.core.store.integrity import damage_of, damaged_message

    path = db_path_of(db_path)
    db = open_database(path, create=not readonly, readonly=readonly)
    damage = damage_of(db)
    if damage:
        db.close()
        raise DatabaseError(damaged_message(path, damage))
    return db


def source_id(db, source: str | None) -> int | None:
    """The id of the source a --source option names (id, path or file name), or None."""
    from briefing.core.store.reads import find_source

    if not source:
        return None
    found = find_source(db, source)
    if not found:
        raise UsageError(f"No source matches {source!r}; see `briefing sources`.")
    return found.id


def speaker_quotes(db, speaker: str | None, **filters):
    """Quotes of one speaker, named by any spelling the briefing knows (a usage error, exit 2,
    when it knows none or several); all quotes when no speaker is given. Filters are those of
    `list_quotes` (`statements=True`: fragments with their statements, not as rows)."""
    from briefing.core.indexer.identity import speaker_named
    from briefing.core.store.reads import list_quotes

    name = speaker_named(db, speaker) if speaker else None
    return list_quotes(db, speaker=name, exact_speaker=name is not None, **filters)
