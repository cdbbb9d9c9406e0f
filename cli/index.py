"""`briefing index`: index files and folders into the briefing."""

from __future__ import annotations

import contextlib
import os
import shlex
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import click
from briefing.cli.common import CONTEXT, db_for_paths, db_option, json_option, named_db
from briefing.cli.output import console, line, print_json
from briefing.core.errors import UsageError
from briefing.core.locations import bundled_data_dir
from rich.console import Console


@click.command("index", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@db_option
@click.option("--rebuild", is_flag=True, help="Empty the database and index everything again from the source files.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True, help="Processes for the NLP work.")
@click.option("--model", default=None, help="An installed trained spaCy pipeline to use as well (optional).")
@click.option("--follow-links", is_flag=True, help="Also read what symbolic links leading out of the folders point at.")
@json_option
def index_command(paths: tuple[Path, ...], db_path, rebuild: bool, jobs: int, model, follow_links: bool, as_json: bool) -> None:
    """Index article files and folders into their own briefing.

    Without --db, a folder goes into its own database in the user data folder, named after it
    (`briefing list` shows them; `briefing FOLDER` opens one). With no PATH, the folders the
    database was built from are read again; a new database gets the bundled sample.
    Folders are read recursively: .txt, .md (YAML front matter), .jsonl (one article a line)
    and .html. Re-running is cheap: unchanged files are skipped (by size and time, then by
    content hash), changed files are re-read, and articles whose file has gone from an
    indexed folder are removed. Files that cannot be read are named with the reason and
    skipped; the rest are indexed. Exit status: 0 when all went well, 1 when any file
    failed, 2 for usage errors. A run of 200 files or more makes their articles searchable at its end (the
    full-text index is built faster in one go); a run stopped before then is finished by the next.
    """
    roots = list(paths)
    failed = index_into(
        roots, db_for_paths(db_path, roots), rebuild=rebuild, jobs=jobs, model=model, as_json=as_json, follow_links=follow_links
    )
    if roots and named_db(db_path) is None and not as_json:
        # The folder's own briefing: say how to open it, since its database has a made-up name.
        console(stderr=True).print(line(f"Open it with: briefing {' '.join(shlex.quote(str(r)) for r in roots)}"))
    if failed:
        sys.exit(1)


@contextlib.contextmanager
def progress_bar(out: Console) -> Iterator[Callable[[int, int, str], None]]:
    """A progress bar on `out` while the block runs, and the function that moves it on."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("Indexing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        # File names are data: never read as markup (a name can hold "[link=…]" or ":smile:").
        TextColumn("{task.description}", markup=False), console=out, transient=True,
    ) as bar:
        task = bar.add_task("", total=None)

        def progress(done: int, total: int, current: str) -> None:
            bar.update(task, completed=done, total=total, description=line(Path(current).name).plain[:40])

        yield progress


def index_into(
    roots: list[Path], path: Path, *, rebuild: bool, jobs: int, model, as_json: bool, follow_links: bool = False
) -> int:
    """Index `roots` into the database at `path`, saying how it went; return how many files failed.

    With no roots, the folders the database was built from (the bundled sample for a new one).
    """
    from briefing.core.indexer import index_again, index_paths, rebuild_database
    from briefing.core.store.database import open_database

    for root in roots:
        if not root.exists():
            raise UsageError(f"{root}: no such file or folder.")
    given = [Path(os.path.abspath(r)) for r in roots]
    options = {"jobs": jobs, "model": model, "follow_links": follow_links}

    def run(**more):
        if rebuild:  # into a fresh file, swapped in when whole: a damaged database is rebuilt too
            return rebuild_database(path, given, **options, **more)
        if not given:
            return index_again(open_database(path), bundled_data_dir(), **options, **more)
        return index_paths(open_database(path), given, **options, **more)

    out = console(stderr=True)
    if out.is_terminal and not as_json:
        with progress_bar(out) as progress:
            report = run(progress=progress)
    else:
        report = run()
    if as_json:
        print_json(
            {
                "database": str(path),
                "added": report.added,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "removed": report.removed,
                "words": report.words,
                "left_out": report.left_out,
                "problems": [{"path": p.path, "reason": p.reason, "skipped": p.skipped} for p in report.problems],
            }
        )
    else:
        for problem in report.problems:
            verb = "skipped" if problem.skipped else "note"
            out.print(line(f"{verb}: {problem.path}: {problem.reason}"))
        out.print(line(
            f"Indexed into {path}: {report.added} added, {report.updated} updated, "
            f"{report.unchanged} unchanged, {report.removed} removed"
            + (f", {report.failed} failed" if report.failed else "")
            + (f"; {report.left_out} other file{'s' if report.left_out != 1 else ''} left out" if report.left_out else "")
            + "."
        ))
    return report.failed
