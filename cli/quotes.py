"""`briefing quotes`: who said what."""

from __future__ import annotations

import click
from briefing.cli.common import CONTEXT, db_option, json_option, open_db, source_id, speaker_quotes
from briefing.cli.output import console, print_json, print_quotes, quote_json


@click.command("quotes", context_settings=CONTEXT)
@click.option("--speaker", default=None, help="Only quotes by this speaker (any spelling the briefing knows).")
@click.option("--group", default=None, help="Only quotes in this column group (e.g. NATO).")
@click.option("--source", default=None, help="Only quotes from this source (id, path or file name).")
@db_option
@json_option
def quotes_command(speaker, group, source, db_path, as_json: bool) -> None:
    """Print who said what: speaker, kind, quote, cue and source."""
    db = open_db(db_path)
    article_id = source_id(db, source)
    # Scripts get every quote, a fragment with its "parent"; people get each fragment under its statement.
    quotes = speaker_quotes(db, speaker, group=group, article_id=article_id, statements=not as_json)
    if as_json:
        print_json([quote_json(q) for q in quotes])
        return
    print_quotes(quotes)
    if not quotes:
        console(stderr=True).print("No quotes.")
