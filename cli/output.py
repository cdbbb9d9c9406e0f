"""Printing for the CLI: JSON for scripts, rich tables of safe Text for people."""

from __future__ import annotations

import json
import sys

from briefing.core.textsafe import terminal_safe
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


def print_json(data) -> None:
    """JSON on stdout; strings keep their content, escapes are JSON escapes (never raw control)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def table(*columns: str, title: str | None = None) -> Table:
    """A table for people."""
    t = Table(title=title, show_lines=False, expand=False, header_style="bold")
    for column in columns:
        t.add_column(column, overflow="fold")
    return t
