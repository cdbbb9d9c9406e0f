"""`briefing init`: a starting briefing.toml for a folder of articles."""

from __future__ import annotations

from pathlib import Path

import click
from briefing.cli.common import CONTEXT
from briefing.cli.output import console, safe
from briefing.core.errors import UsageError


@click.command("init", context_settings=CONTEXT)
@click.argument("folder", required=False, default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace a briefing.toml the folder already has.")
@click.option("--model", default=None, help="An installed trained spaCy pipeline to use as well (optional).")
def init_command(folder: Path, force: bool, model) -> None:
    """Write a starting briefing.toml in FOLDER (default: here): the folder's name as title, its
    most quoted speakers as the columns, and the spellings merged into one name as aliases.

    The articles are read and extracted as `briefing index` would, without a database. Edit the
    file freely; `briefing index FOLDER` applies it.
    """
    from briefing.core.extract import starting_settings
    from briefing.core.settings import SETTINGS_FILE
    from briefing.core.settings_file import check_writable, write_starting_settings

    folder = folder.expanduser()
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder.")
    path = folder / SETTINGS_FILE
    if path.exists() and not force:
        raise UsageError(f"{path} exists already; edit it, or give --force to write a new one.")
    check_writable(path)
    found = starting_settings(folder.resolve(), model=model)
    if not found.articles:
        raise UsageError(f"No articles in {folder} (.txt, .md, .jsonl, .html): nothing to write settings for.")
    write_starting_settings(path, found.title, found.columns, found.aliases)
    out = console()
    out.print(safe(f"Wrote {path}: {found.articles} articles, columns {', '.join(found.columns) or '(none)'}, "
                   f"{len(found.aliases)} spellings merged."))
    for spelling, name, because in found.aliases:
        out.print(safe(f"  {spelling} → {name}  ({because})"), style="dim")
    out.print(safe(f"Index it with: briefing index {folder}"), style="dim")
