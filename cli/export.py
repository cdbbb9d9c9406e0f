"""`briefing export`: a Markdown brief of the briefing."""

from __future__ import annotations

from pathlib import Path

import click
from briefing.cli.common import CONTEXT, db_option, json_option, open_db, source_id, speaker_quotes
from briefing.cli.output import console, line, print_json


@click.command("export", context_settings=CONTEXT)
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the Markdown brief (default: a new file in the export folder).")
@click.option("--source", default=None, help="Only this source (id, path or file name).")
@click.option("--speaker", default=None, help="Only quotes by this speaker.")
@click.option("--force", is_flag=True, help="Replace the --out file if it exists (never the database).")
@db_option
@json_option
def export_command(out_path, source, speaker, force: bool, db_path, as_json: bool) -> None:
    """Write a Markdown brief of the briefing (sources, quotes by speaker, timeline) and say where."""
    from briefing.core.export import render_brief, write_brief
    from briefing.core.store.database import database_file, load_stored_settings
    from briefing.core.store.reads import get_source, list_sources
    from briefing.core.store.timeline import timeline

    db = open_db(db_path)
    settings = load_stored_settings(db)
    article_id = source_id(db, source)
    sources = list_sources(db) if article_id is None else [get_source(db, article_id)]
    quotes = speaker_quotes(db, speaker, article_id=article_id, statements=True)
    markdown = render_brief(settings.title, sources=sources, quotes=quotes, entries=timeline(db, article_id=article_id))
    written = write_brief(markdown, out_path, title=settings.title, force=force, database=database_file(db))
    if as_json:
        print_json({"path": str(written), "sources": len(sources), "quotes": len(quotes)})
    else:
        console().print(line(f"Wrote the brief to {written}"))
