"""`briefing extract`: ingest and NLP on files, without a database."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from briefing.cli.common import CONTEXT, json_option
from briefing.cli.output import console, line, print_json, safe, table
from briefing.core.errors import UsageError


@click.command("extract", context_settings=CONTEXT)
# Kept as strings: `path` in the JSON must be exactly what was given ("./a.txt" stays so).
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--model", default=None, help="An installed trained spaCy pipeline to use as well (optional).")
@click.option("--settings", "settings_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="A briefing.toml with focus speakers (default: one beside the files, as `briefing index` reads).")
@json_option
def extract_command(files: tuple[str, ...], model, settings_path, as_json: bool) -> None:
    """Run ingest and the whole NLP pipeline on files, without a database; print the result.

    Articles without a date of their own are dated from the other files given, as in an index.
    """
    from briefing.core.date_values import when_label
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
            out.print(line(f"{article['path']}: {outlet_label(article['outlet'])}, {date}"), style="bold")
            t = table("speaker", "kind", "quote", "cue")
            for q in article["quotes"]:
                t.add_row(safe(q["speaker"] or "unknown"), q["kind"], safe(q["text"]), safe(q["cue"]))
            out.print(t)
            t = table("expression", "date", "role", "sentence")
            for e in article["events"]:
                t.add_row(safe(e["expression"]), safe(when_label(e["value"], e["granularity"])), e["role"], safe(e["sentence"]))
            out.print(t)
        for problem in result.problems:
            console(stderr=True).print(line(f"{'skipped' if problem['skipped'] else 'note'}: {problem['path']}: {problem['reason']}"))
    if any(p["skipped"] for p in result.problems):
        sys.exit(1)
