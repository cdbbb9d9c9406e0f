"""`briefing search`: articles or quotes matching a query."""

from __future__ import annotations

import re

import click
from briefing.cli.common import CONTEXT, db_option, json_option, open_db, source_id
from briefing.cli.output import console, marked, print_json, print_quotes, quote_json, safe, table
from briefing.core.errors import QueryError


@click.command("search", context_settings=CONTEXT)
@click.argument("query")
@click.option("--in", "where", type=click.Choice(["articles", "quotes"]), default="articles", show_default=True, help="What to search.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True, help="Most results to show.")
@click.option("--source", default=None, help="Only this source (id, path or file name).")
@click.option("--day", default=None, metavar="YYYY-MM-DD", callback=lambda _c, _p, v: _day(v), help="Only sources published that day.")
@click.option("--raw", is_flag=True, help="Pass FTS5 query syntax through (AND, OR, NOT, NEAR, \"phrases\", prefix*).")
@db_option
@json_option
def search_command(query: str, where: str, limit: int, source, day, raw: bool, db_path, as_json: bool) -> None:
    """Search articles (title and text) or quotes (text and speaker), best match first (bm25).

    Words are matched as typed (any characters are fine), with diacritics and Cyrillic
    folded, so Vučić, Vucic and Вучић find each other; words in double quotes are a phrase
    ('"told reporters"'); the last word also matches as a prefix. In JSON the result is an
    object: `total` (how many match), `ranked` (null when every match was ranked; above 10,000
    matches, the best are found among the last 10,000 indexed) and `hits` (the first --limit).
    """
    db = open_db(db_path)
    article_id = source_id(db, source)
    try:
        _search(db, query, where, limit, raw, as_json, article_id, day)
    except QueryError as err:
        raise QueryError(f"{err} Leave out --raw to search the words as typed.") from None


def _day(value: str | None) -> str | None:
    """A --day as an ISO day, or a usage error (exit 2) saying the form wanted."""
    if value is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise click.BadParameter(f"{value!r} is not a day; give it as YYYY-MM-DD.")
    return value.strip() if value else None


def _search(db, query: str, where: str, limit: int, raw: bool, as_json: bool, article_id, day) -> None:
    """Print the articles or quotes matching `query`."""
    from briefing.core.store.database import unindexed_articles
    from briefing.core.store.reads import list_quotes
    from briefing.core.store.search import UNSEARCHABLE, parse_query, search

    parsed = parse_query(db, query, raw=raw)
    if parsed.empty:
        # Only punctuation or spaces: say so, rather than an empty table that looks like no match.
        if as_json:
            print_json({"total": 0, "ranked": None, "hits": []})
        console(stderr=True).print("Nothing to search for: the query has no words.", markup=False)
        return
    unsearchable = unindexed_articles(db)
    if unsearchable:
        console(stderr=True).print(UNSEARCHABLE.format(count=unsearchable), markup=False)

    articles = where == "articles"
    found = search(db, parsed, article_id=article_id, day=day, quotes=0 if articles else limit, articles=limit if articles else 0)
    total = found.article_total if articles else found.quote_total
    ranked = found.articles_ranked if articles else found.quotes_ranked
    if articles:
        hits = found.articles
        if as_json:
            print_json({"total": total, "ranked": ranked, "hits": [
                {
                    "id": h.id, "path": h.path, "outlet": h.outlet, "title": h.title, "published": h.published,
                    "snippet": h.snippet.text, "matches": [list(m) for m in h.snippet.marks], "rank": h.rank,
                }
                for h in hits
            ]})
            return
        if not hits:
            console(stderr=True).print("No articles match.")
            return
        t = table("id", "outlet", "published", "title", "snippet")
        for h in hits:
            t.add_row(str(h.id), safe(h.label), h.published or "undated", safe(h.title), marked(h.snippet.text, h.snippet.marks))
        console().print(t)
        _say_more(len(hits), total, "article", ranked)
        return
    quotes = list_quotes(db, ids=found.quote_ids)
    marks = found.marks
    if as_json:
        print_json({"total": total, "ranked": ranked, "hits": [
            dict(quote_json(q), matches=[list(m) for m in marks[q.id].marks] if q.id in marks else []) for q in quotes
        ]})
        return
    if not quotes:
        console(stderr=True).print("No quotes match.")
        return
    print_quotes(quotes, marks)
    _say_more(len(quotes), total, "quote", ranked)


def _say_more(shown: int, total: int, noun: str, ranked: int | None) -> None:
    """Below a cut list: how many more match, how to see them, and how they were ranked when not all were."""
    if total > shown:
        from briefing.core.store.search import ranked_note

        more = total - shown
        order = f"the {ranked_note(ranked)} first" if ranked else "best first"
        console(stderr=True).print(
            f"{shown:,} of {total:,} {noun}s shown, {order}; {more:,} more match (--limit shows more).", markup=False
        )
