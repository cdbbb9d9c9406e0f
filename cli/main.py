"""Entry point of the `briefing` command: open the app, or run one of the commands (one module each)."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import click
from briefing.cli.check import check_command
from briefing.cli.common import CONTEXT, db_option, db_path_of, open_db
from briefing.cli.export import export_command
from briefing.cli.extract import extract_command
from briefing.cli.index import index_command, index_into
from briefing.cli.init import init_command
from briefing.cli.locate import locate_command
from briefing.cli.output import console, safe
from briefing.cli.quotes import quotes_command
from briefing.cli.search import search_command
from briefing.cli.sources import sources_command
from briefing.cli.speakers import speakers_command
from briefing.cli.timeline import timeline_command
from briefing.core.errors import BriefingError
from briefing.core.locations import bundled_data_dir


@click.group(context_settings=CONTEXT, invoke_without_command=True)
@db_option
@click.option("--model", default=None, help="An installed trained spaCy pipeline to add entities (optional).")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, model: str | None) -> None:
    """Turn a folder of news articles about one story into a briefing.

    With no command, opens the app. On the default database the bundled sample briefing
    (northern Kosovo, May 2023) is indexed first when the database is missing or the
    bundle changed.
    """
    ctx.obj = {"db": db_path, "model": model}
    if ctx.invoked_subcommand is not None:
        return
    path = db_path_of(db_path)
    bundle = bundled_data_dir() if db_path is None and "BRIEFING_DB" not in os.environ else None
    if bundle is None and not path.exists():
        raise BriefingError(f"No briefing database at {path}. Run `briefing index PATH --db {path}` first.")
    try:
        from briefing.tui.app import run_app
    except ImportError:
        run_app = None
    if run_app is None:
        _summary_instead_of_app(path, bundle)
        return
    run_app(path, bundle=bundle, model=model)


def _summary_instead_of_app(path: Path, bundle: Path | None) -> None:
    from briefing.core.store.reads import counts

    if bundle is not None:
        index_into([bundle], path, rebuild=False, jobs=1, model=None, as_json=False)
    db = open_db(path)
    c = counts(db)
    console().print(f"{path}: {c.sources} sources, {c.quotes} quotes, {c.events} events")


for command in (
    index_command, sources_command, search_command, quotes_command, timeline_command, speakers_command,
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
        err.print(safe(f"briefing: {exc}"))
        sys.exit(exc.exit_code)
    except sqlite3.Error as exc:
        err.print(safe(f"briefing: database error: {exc}"))
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
        err.print(safe(f"briefing: unexpected error: {type(exc).__name__}: {exc}. Set BRIEFING_DEBUG=1 to see the details."))
        sys.exit(1)


if __name__ == "__main__":
    main()
