"""`briefing search`: articles or quotes matching a query."""

from __future__ import annotations

import click
from briefing.cli.common import CONTEXT, db_option, json_option, open_db
from briefing.cli.output import console, marked, print_json, print_quotes, quote_json, safe, table
from briefing.core.errors import QueryError


@click.command("search", context_settings=CONTEXT)
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
    db = open_db(db_path)
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
            t.add_row(str(h.id), safe(h.label), h.published or "undated", safe(h.title), marked(h.snippet))
        console().print(t)
        return
    ids = matching_quote_ids(db, query, raw=raw, limit=limit)
    quotes = list_quotes(db, ids=ids)
    marks = quote_marks(db, query, ids, raw=raw)
    if as_json:
        print_json([dict(quote_json(q), matches=[list(m) for m in marks[q.id].marks] if q.id in marks else []) for q in quotes])
        return
    if not quotes:
        console(stderr=True).print("No quotes match.")
        return
    print_quotes(quotes, marks)
