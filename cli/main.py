"""Entry point of the `briefing` command: open the app, or run one of the commands (one module each)."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import click
from briefing.cli.briefings import list_command
from briefing.cli.check import check_command
from briefing.cli.common import CONTEXT, db_for_paths, db_option, db_path_of, named_db, open_db
from briefing.cli.export import export_command
from briefing.cli.extract import extract_command
from briefing.cli.index import index_command, index_into
from briefing.cli.init import init_command
from briefing.cli.locate import locate_command
from briefing.cli.output import console, line
from briefing.cli.quotes import quotes_command
from briefing.cli.search import search_command
from briefing.cli.sources import sources_command
from briefing.cli.speakers import speakers_command
from briefing.cli.timeline import timeline_command
from briefing.core.errors import BriefingError, UsageError
from briefing.core.locations import bundled_data_dir


class BriefingGroup(click.Group):
    """The `briefing` group, where a first word that is no command is a folder to open."""

    def resolve_command(self, ctx: click.Context, args: list[str]):
        """`briefing ~/news/story` is `briefing open ~/news/story`."""
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            return "open", open_command, args
        return super().resolve_command(ctx, args)


@click.group(
    cls=BriefingGroup, context_settings=CONTEXT, invoke_without_command=True,
    subcommand_metavar="[FOLDER | COMMAND [ARGS]...]",
)
@click.version_option(package_name="briefing", prog_name="briefing", message="%(prog)s %(version)s")
@db_option
@click.option("--model", default=None, help="An installed trained spaCy pipeline to add entities (optional).")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, model: str | None) -> None:
    """Turn a folder of news articles about one story into a briefing.

    `briefing FOLDER` opens the folder as its own briefing in the app, indexing it first (and
    bringing it up to date each time). With no folder and no command, opens the bundled
    sample briefing (northern Kosovo, May 2023), or the database --db names.
    """
    ctx.obj = {"db": db_path, "model": model}
    if ctx.invoked_subcommand is not None:
        return
    path = db_path_of(db_path)
    bundle = bundled_data_dir() if named_db(db_path) is None else None
    if bundle is None and not path.exists():
        raise BriefingError(f"No briefing database at {path}. Run `briefing index PATH --db {path}` first.")
    open_app(path, bundle=bundle, model=model)


@click.command("open", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--model", default=None, help="An installed trained spaCy pipeline to use as well (optional).")
def open_command(paths: tuple[Path, ...], db_path: Path | None, model: str | None) -> None:
    """Open a folder of articles (or files) as its own briefing; `briefing FOLDER` says the same.

    The first time, the folder is indexed into its own database in the user data folder, with
    progress; afterwards the briefing opens at once and is brought up to date from the folder
    while you read.
    """
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such folder or file, and no such command (see `briefing --help`).")
    roots = [Path(os.path.abspath(path)) for path in paths]
    root_obj = click.get_current_context().find_root().obj or {}
    open_app(db_for_paths(db_path, roots), folders=roots, model=model or root_obj.get("model"))


def open_app(path: Path, *, bundle: Path | None = None, folders: list[Path] | None = None, model: str | None = None) -> None:
    """Open the app on the database at `path`, indexing `bundle` or `folders` into it first."""
    try:
        from briefing.tui.app import run_app
    except ImportError:
        run_app = None
    if run_app is None:
        _summary_instead_of_app(path, bundle, folders or [])
        return
    run_app(path, bundle=bundle, folders=folders, model=model)


def _summary_instead_of_app(path: Path, bundle: Path | None, folders: list[Path]) -> None:
    from briefing.core.store.reads import counts

    if bundle is not None or folders:
        index_into(folders or [bundle], path, rebuild=False, jobs=1, model=None, as_json=False)
    db = open_db(path)
    c = counts(db)
    console().print(line(f"{path}: {c.sources} sources, {c.quotes} quotes, {c.events} events"))


for command in (
    open_command, index_command, list_command, sources_command, search_command, quotes_command, timeline_command, speakers_command,
    extract_command, export_command, locate_command, check_command, init_command,
):
    cli.add_command(command)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; every failure is one sentence on stderr and an exit code, never a traceback."""
    err = console(stderr=True)
    try:
        cli.main(args=argv, prog_name="briefing", standalone_mode=False)
    except click.exceptions.Abort:
        err.print("Interrupted; run the same command again to finish.")
        sys.exit(130)
    except KeyboardInterrupt:
        err.print("Interrupted; what was committed is kept; run the same command again to finish.")
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except BriefingError as exc:
        err.print(line(f"briefing: {exc}"))
        sys.exit(exc.exit_code)
    except sqlite3.Error as exc:
        from briefing.core.store.integrity import damaged_message, is_damage

        if is_damage(exc):
            err.print(line(f"briefing: {damaged_message(None, str(exc))}"))
        else:
            err.print(line(f"briefing: database error: {exc}"))
        sys.exit(1)
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        sys.exit(0)
    except SystemExit:
        raise
    except Exception as exc:  # last line of defence: a sentence, not a traceback
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        err.print(line(f"briefing: unexpected error: {type(exc).__name__}: {exc}. Set BRIEFING_DEBUG=1 to see the details."))
        sys.exit(1)


if __name__ == "__main__":
    main()
