"""Printing for the CLI: JSON for scripts, rich tables of safe Text for people."""

from __future__ import annotations

import json
import sys

from briefing.core.textsafe import json_escaped, one_line, terminal_safe
from briefing.tui.text import marked
from rich.console import Console
from rich.table import Table
from rich.text import Text


def console(stderr: bool = False) -> Console:
    """A console that prints plain text when piped and never interprets markup."""
    # Messages on stderr stay one line each (soft wrap); piped tables get room to breathe.
    width = None if sys.stdout.isatty() or stderr else 160
    return Console(stderr=stderr, markup=False, emoji=False, highlight=False, soft_wrap=stderr, width=width)


def safe(value) -> Text:
    """Article-derived text as inert rich Text (no markup, no escape sequences)."""
    return Text(terminal_safe("" if value is None else str(value)))


def line(value) -> Text:
    """A message line holding text from outside (a file name, a path, a reason) as inert Text on
    one line: no markup, no escape sequences, a newline in a file name cannot forge a line."""
    return Text(one_line("" if value is None else str(value)))


def print_json(data) -> None:
    """JSON on stdout; strings keep their content, escapes are JSON escapes (never a raw control
    character, bidi override or lone surrogate)."""
    sys.stdout.write(json_escaped(json.dumps(data, ensure_ascii=False, indent=2, default=str)) + "\n")


def table(*columns: str, title: str | None = None) -> Table:
    """A table for people."""
    t = Table(title=title, show_lines=False, expand=False, header_style="bold")
    for column in columns:
        t.add_column(column, overflow="fold")
    return t


def quote_json(q) -> dict:
    """A stored quote as every JSON output gives it."""
    from briefing.core.models import QUOTE_FIELDS, public_fields

    return {
        "id": q.id,
        **public_fields(q, QUOTE_FIELDS),
        "source_id": q.article_id,
        "outlet": q.outlet,
        "published": q.published,
        "path": q.path,
        "also_in": list(q.also_in),
        "parent": q.parent_id,
    }


def print_quotes(quotes, marks=None) -> None:
    """A table of quotes: speaker, kind, quote (matches marked), cue and source."""
    t = table("speaker", "kind", "quote", "cue", "source")
    for q in quotes:
        text = marked(marks[q.id].text, marks[q.id].marks) if marks and q.id in marks else safe(q.text)
        for fragment in q.fragments:
            # The speaker's exact words inside the statement, under it rather than as a row of their own.
            text.append(safe(f"\n  ↳ “{fragment.text.strip()}”"))
        speaker = safe(q.speaker or "unknown")
        if q.weak:
            speaker.append(f" ({q.attribution})", style="dim")
        source = safe(f"{q.label} {q.published or ''}".strip())
        if q.also_in:
            source.append(safe(f"\nalso in {', '.join(q.also_in)}"))
        t.add_row(speaker, q.kind, text, safe(q.cue), source)
    console().print(t)
