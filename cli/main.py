"""Entry point of the `briefing` command: open the app, or index, search and print the briefing."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import click
from briefing.cli.output import console, print_json, safe, table
from briefing.core.errors import BriefingError, QueryError, UsageError
from briefing.core.locations import bundled_data_dir, config_dir, data_dir, default_db_path, export_dir

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Briefing database to use (default: $BRIEFING_DB, else the user data folder; see `briefing locate`).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts instead of a table.")


def _db_path(db_path: Path | None) -> Path:
    if db_path is None:
        # `briefing --db X index …` names the database before the command.
        ctx = click.get_current_context(silent=True)
        root = ctx.find_root() if ctx else None
        db_path = (root.obj or {}).get("db") if root else None
    return db_path.expanduser() if db_path else default_db_path()


def _open(db_path: Path | None, *, readonly: bool = True):
    from briefing.core.store.database import open_database

    return open_database(_db_path(db_path), create=not readonly, readonly=readonly)


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
    path = _db_path(db_path)
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
        _index([bundle], path, rebuild=False, jobs=1, model=None, as_json=False)
    db = _open(path)
    c = counts(db)
    console().print(f"{path}: {c.sources} sources, {c.quotes} quotes, {c.events} events")


@cli.command("index", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@db_option
@click.option("--rebuild", is_flag=True, help="Empty the database and index everything again from the source files.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True, help="Processes for the NLP work.")
@click.option("--model", default=None, help="An installed trained spaCy pipeline to use as well (optional).")
@json_option
def index_command(paths: tuple[Path, ...], db_path, rebuild: bool, jobs: int, model, as_json: bool) -> None:
    """Index article files and folders (default: the bundled data/).

    Folders are read recursively: .txt, .md (YAML front matter), .jsonl (one article a line)
    and .html. Re-running is cheap: unchanged files are skipped (by size and time, then by
    content hash), changed files are re-read, and articles whose file has gone from an
    indexed folder are removed. Files that cannot be read are named with the reason and
    skipped; the rest are indexed. Exit status: 0 when all went well, 1 when any file
    failed, 2 for usage errors. With no PATH and --rebuild, the folders indexed before are
    read again. A run of 200 files or more makes their articles searchable at its end (the
    full-text index is built faster in one go); a run stopped before then is finished by the next.
    """
    roots = list(paths)
    if not roots and not rebuild:
        roots = [bundled_data_dir()]
    failed = _index(roots, _db_path(db_path), rebuild=rebuild, jobs=jobs, model=model, as_json=as_json)
    if failed:
        sys.exit(1)


def _index(roots: list[Path], path: Path, *, rebuild: bool, jobs: int, model, as_json: bool) -> int:
    from briefing.core.indexer import index_paths
    from briefing.core.store.database import open_database

    for root in roots:
        if not root.exists():
            raise UsageError(f"{root}: no such file or folder.")
    db = open_database(path)
    out = console(stderr=True)
    show_bar = out.is_terminal and not as_json
    if show_bar:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress(
            TextColumn("Indexing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            TextColumn("{task.description}"), console=out, transient=True,
        ) as bar:
            task = bar.add_task("", total=None)

            def progress(done: int, total: int, current: str) -> None:
                bar.update(task, completed=done, total=total, description=safe(Path(current).name).plain[:40])

            report = index_paths(db, [Path(os.path.abspath(r)) for r in roots], rebuild=rebuild, jobs=jobs, model=model, progress=progress)
    else:
        report = index_paths(db, [Path(os.path.abspath(r)) for r in roots], rebuild=rebuild, jobs=jobs, model=model)
    if as_json:
        print_json(
            {
                "database": str(path),
                "added": report.added,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "removed": report.removed,
                "words": report.words,
                "problems": [{"path": p.path, "reason": p.reason, "skipped": p.skipped} for p in report.problems],
            }
        )
    else:
        for problem in report.problems:
            verb = "skipped" if problem.skipped else "note"
            out.print(safe(f"{verb}: {problem.path}: {problem.reason}"))
        out.print(
            f"Indexed into {path}: {report.added} added, {report.updated} updated, "
            f"{report.unchanged} unchanged, {report.removed} removed"
            + (f", {report.failed} failed" if report.failed else "")
            + "."
        )
    return report.failed


@cli.command("sources", context_settings=CONTEXT)
@db_option
@json_option
def sources_command(db_path, as_json: bool) -> None:
    """List the articles of the briefing: outlet, date (and where it came from), place, counts."""
    from briefing.core.store.reads import list_sources

    rows = list_sources(_open(db_path))
    if as_json:
        print_json([s.to_dict() for s in rows])
        return
    t = table("id", "outlet", "published", "place", "quotes", "events", "title")
    for s in rows:
        date = (s.published or "undated") + (" (inferred)" if s.inferred else "")
        t.add_row(str(s.id), safe(s.label), date, safe(s.place or ""), str(s.quotes), str(s.events), safe(s.title))
    console().print(t)


@cli.command("search", context_settings=CONTEXT)
@click.argument("query")
@click.option("--in", "where", type=click.Choice(["articles", "quotes"]), default="articles", show_default=True, help="What to search.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True, help="Most results to show.")
@click.option("--raw", is_flag=True, help="Pass FTS5 query syntax through (AND, OR, NOT, NEAR, \"phrases\", prefix*).")
@db_option
@json_option
def search_command(query: str, where: str, limit: int, raw: bool, db_path, as_json: bool) -> None:
    """Search articles (title and text) or quotes (text and speaker).

    Words are matched as typed (any characters are fine), with diacritics and Cyrillic
    folded, so Vučić, Vucic and Вучић find each other; words in double quotes are a phrase
    ('"told reporters"'); the last word also matches as a prefix.
    """
    db = _open(db_path)
    try:
        _search(db, query, where, limit, raw, as_json)
    except QueryError as err:
        raise QueryError(f"{err} Leave out --raw to search the words as typed.") from None


def _search(db, query: str, where: str, limit: int, raw: bool, as_json: bool) -> None:
    """Print the articles or quotes matching `query`."""
    from briefing.core.store.database import unindexed_articles
    from briefing.core.store.reads import list_quotes
    from briefing.core.store.search import UNSEARCHABLE, build_match, matching_quote_ids, quote_marks, search_articles

    # Whether there is anything to search does not depend on the briefing: no vocabulary read.
    if build_match(query, raw=raw) is None:
        # Only punctuation or spaces: say so, rather than an empty table that looks like no match.
        if as_json:
            print_json([])
        console(stderr=True).print("Nothing to search for: the query has no words.", markup=False)
        return
    unsearchable = unindexed_articles(db)
    if unsearchable:
        console(stderr=True).print(UNSEARCHABLE.format(count=unsearchable), markup=False)

    if where == "articles":
        hits = search_articles(db, query, limit=limit, raw=raw)
        if as_json:
            print_json(
                [
                    {
                        "id": h.id, "path": h.path, "outlet": h.outlet, "title": h.title, "published": h.published,
                        "snippet": h.snippet.text, "matches": [list(m) for m in h.snippet.marks], "rank": h.rank,
                    }
                    for h in hits
                ]
            )
            return
        if not hits:
            console(stderr=True).print("No articles match.")
            return
        t = table("id", "outlet", "published", "title", "snippet")
        for h in hits:
            t.add_row(str(h.id), safe(h.label), h.published or "undated", safe(h.title), _marked(h.snippet))
        console().print(t)
        return
    ids = matching_quote_ids(db, query, raw=raw, limit=limit)
    quotes = list_quotes(db, ids=ids)
    marks = quote_marks(db, query, ids, raw=raw)
    if as_json:
        print_json([dict(_quote_json(q), matches=[list(m) for m in marks[q.id].marks] if q.id in marks else []) for q in quotes])
        return
    if not quotes:
        console(stderr=True).print("No quotes match.")
        return
    _print_quotes(quotes, marks)


def _marked(marked):
    text = safe(marked.text)
    for start, end in marked.marks:
        text.stylize("bold reverse", start, end)
    return text


def _quote_json(q) -> dict:
    from briefing.core.models import QUOTE_FIELDS, public_fields

    return {
        "id": q.id,
        **public_fields(q, QUOTE_FIELDS),
        "source_id": q.article_id,
        "outlet": q.outlet,
        "published": q.published,
        "path": q.path,
        "also_in": list(q.also_in),
    }


def _print_quotes(quotes, marks=None) -> None:
    t = table("speaker", "kind", "quote", "cue", "source")
    for q in quotes:
        text = _marked(marks[q.id]) if marks and q.id in marks else safe(q.text)
        speaker = safe(q.speaker or "unknown")
        if q.weak:
            speaker.append(f" ({q.attribution})", style="dim")
        source = safe(f"{q.label} {q.published or ''}".strip())
        if q.also_in:
            source.append(safe(f"\nalso in {', '.join(q.also_in)}"))
        t.add_row(speaker, q.kind, text, safe(q.cue), source)
    console().print(t)


@cli.command("quotes", context_settings=CONTEXT)
@click.option("--speaker", default=None, help="Only quotes by this speaker (any spelling the briefing knows).")
@click.option("--group", default=None, help="Only quotes in this column group (e.g. NATO).")
@click.option("--source", default=None, help="Only quotes from this source (id, path or file name).")
@db_option
@json_option
def quotes_command(speaker, group, source, db_path, as_json: bool) -> None:
    """Print who said what: speaker, kind, quote, cue and source."""
    db = _open(db_path)
    article_id = _source_id(db, source)
    quotes = _speaker_quotes(db, speaker, group=group, article_id=article_id)
    if as_json:
        print_json([_quote_json(q) for q in quotes])
        return
    _print_quotes(quotes)
    if not quotes:
        console(stderr=True).print("No quotes.")


def _source_id(db, source: str | None) -> int | None:
    """The id of the source a --source option names (id, path or file name), or None."""
    from briefing.core.store.reads import find_source

    if not source:
        return None
    found = find_source(db, source)
    if not found:
        raise UsageError(f"No source matches {source!r}; see `briefing sources`.")
    return found.id


def _canonical_speaker(db, name: str) -> str:
    """Map any configured spelling of a focus speaker ("Vučić", "Вучић") to its canonical name."""
    from briefing.core.fold import without_diacritics
    from briefing.core.store.database import load_stored_settings

    def plain(text: str) -> str:
        return without_diacritics(text).casefold()

    for focus in load_stored_settings(db).speakers:
        if any(plain(s) == plain(name) for s in focus.spellings):
            return focus.name
    return name


def _speaker_quotes(db, speaker: str | None, **filters):
    """Quotes of one speaker: exactly them when the name is known, else names containing it."""
    from briefing.core.store.reads import list_quotes, speaker_exists

    name = _canonical_speaker(db, speaker) if speaker else None
    return list_quotes(db, speaker=name, exact_speaker=bool(name) and speaker_exists(db, name), **filters)


@cli.command("timeline", context_settings=CONTEXT)
@click.option("--source", default=None, help="Only events from this source (id, path or file name).")
@db_option
@json_option
def timeline_command(source, db_path, as_json: bool) -> None:
    """Print the merged timeline, oldest first, with the sources for each date and disagreements."""
    from briefing.core.date_values import day_label
    from briefing.core.store.timeline import timeline

    db = _open(db_path)
    article_id = _source_id(db, source)
    entries = timeline(db, article_id=article_id)
    if as_json:
        print_json([e.to_dict() for e in entries])
        return
    t = table("date", "event", "sources")
    for entry in entries:
        label = day_label(entry.value) if entry.granularity == "day" else entry.value
        lines = safe("\n".join(f"• {e.sentence}" for e in entry.events))
        for note in entry.disagreements:
            warning = safe(f"\n⚠ {note}")
            warning.stylize("yellow")
            lines.append_text(warning)
        t.add_row(label, lines, safe(", ".join(entry.outlets)))
    console().print(t)


@cli.command("speakers", context_settings=CONTEXT)
@db_option
@json_option
def speakers_command(db_path, as_json: bool) -> None:
    """List every speaker found, with their group and number of quotes."""
    from briefing.core.store.reads import list_speakers

    rows = list_speakers(_open(db_path))
    if as_json:
        print_json([{"name": s.name, "group": s.group, "focus": s.is_focus, "quotes": s.quotes} for s in rows])
        return
    t = table("speaker", "group", "quotes")
    for s in rows:
        t.add_row(safe(s.name), safe(s.group or ""), str(s.quotes))
    console().print(t)


@cli.command("extract", context_settings=CONTEXT)
# Kept as strings: `path` in the JSON must be exactly what was given ("./a.txt" stays so).
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--model", default=None, help="An installed trained spaCy pipeline to use as well (optional).")
@click.option("--settings", "settings_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="A briefing.toml with focus speakers (default: one beside the files, else the bundled one).")
@json_option
def extract_command(files: tuple[str, ...], model, settings_path, as_json: bool) -> None:
    """Run ingest and the whole NLP pipeline on files, without a database; print the result.

    Articles without a date of their own are dated from the other files given, as in an index.
    """
    from briefing.core.extract import extract_files
    from briefing.core.models import outlet_label

    for path in files:
        if not Path(path).exists():
            raise UsageError(f"{path}: no such file.")
    result = extract_files(list(files), model=model, settings_path=settings_path)
    if as_json:
        print_json({"articles": result.articles, "problems": result.problems})
    else:
        out = console()
        for article in result.articles:
            date = (article["published"] or "undated") + (" (inferred)" if article["published_source"] == "inferred" else "")
            out.print(safe(f"{article['path']}: {outlet_label(article['outlet'])}, {date}"), style="bold")
            t = table("speaker", "kind", "quote", "cue")
            for q in article["quotes"]:
                t.add_row(safe(q["speaker"] or "unknown"), q["kind"], safe(q["text"]), safe(q["cue"]))
            out.print(t)
            t = table("expression", "value", "sentence")
            for e in article["events"]:
                t.add_row(safe(e["expression"]), e["value"], safe(e["sentence"]))
            out.print(t)
        for problem in result.problems:
            console(stderr=True).print(safe(f"{'skipped' if problem['skipped'] else 'note'}: {problem['path']}: {problem['reason']}"))
    if any(p["skipped"] for p in result.problems):
        sys.exit(1)


@cli.command("export", context_settings=CONTEXT)
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the Markdown brief (default: a new file in the export folder).")
@click.option("--source", default=None, help="Only this source (id, path or file name).")
@click.option("--speaker", default=None, help="Only quotes by this speaker.")
@db_option
@json_option
def export_command(out_path, source, speaker, db_path, as_json: bool) -> None:
    """Write a Markdown brief of the briefing (sources, quotes by speaker, timeline) and say where."""
    from briefing.core.export import render_brief, write_brief
    from briefing.core.store.database import load_stored_settings
    from briefing.core.store.reads import get_source, list_sources
    from briefing.core.store.timeline import timeline

    db = _open(db_path)
    settings = load_stored_settings(db)
    article_id = _source_id(db, source)
    sources = list_sources(db) if article_id is None else [get_source(db, article_id)]
    quotes = _speaker_quotes(db, speaker, article_id=article_id)
    markdown = render_brief(settings.title, sources=sources, quotes=quotes, entries=timeline(db, article_id=article_id))
    written = write_brief(markdown, out_path, title=settings.title)
    if as_json:
        print_json({"path": str(written), "sources": len(sources), "quotes": len(quotes)})
    else:
        console().print(safe(f"Wrote the brief to {written}"))


@cli.command("locate", context_settings=CONTEXT)
@db_option
@json_option
def locate_command(db_path, as_json: bool) -> None:
    """Print where the database, the bundled briefing and its settings, and exports live."""
    places = {
        "database": str(_db_path(db_path)),
        "bundled_data": str(bundled_data_dir()),
        "bundled_settings": str(bundled_data_dir() / "briefing.toml"),
        "data_dir": str(data_dir()),
        "config_dir": str(config_dir()),
        "exports": str(export_dir()),
    }
    if as_json:
        print_json(places)
        return
    t = table("what", "where")
    for key, value in places.items():
        t.add_row(key.replace("_", " "), safe(value))
    console().print(t)


@cli.command("check", context_settings=CONTEXT)
@db_option
@json_option
def check_command(db_path, as_json: bool) -> None:
    """Verify a database: SQLite and FTS5 integrity, and counts. Exit 1 when damaged."""
    from briefing.core.store.database import check_database, open_database, unindexed_articles
    from briefing.core.store.reads import counts
    from briefing.core.store.search import UNSEARCHABLE

    # FTS5's integrity-check is issued as a write command, so the file is opened read-write;
    # it changes nothing.
    db = open_database(_db_path(db_path), create=False)
    problems = check_database(db)
    c = counts(db)
    unsearchable = unindexed_articles(db)
    if as_json:
        print_json({"ok": not problems, "problems": problems, "sources": c.sources, "quotes": c.quotes, "events": c.events,
                    "speakers": c.speakers, "unsearchable": unsearchable})
    else:
        out = console()
        for problem in problems:
            out.print(safe(problem))
        if unsearchable:
            out.print(UNSEARCHABLE.format(count=unsearchable), markup=False)
        verdict = "damaged: run `briefing index --rebuild`" if problems else "ok"
        out.print(f"{_db_path(db_path)}: {verdict}; {c.sources} sources, {c.quotes} quotes, {c.events} events, {c.speakers} speakers")
    if problems:
        sys.exit(1)


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
