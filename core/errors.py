"""One exception family for the CLI and the app: a message a person can read, never a traceback."""

from __future__ import annotations


class BriefingError(Exception):
    """A problem the user can act on; `str(err)` is the one-line message shown to them."""

    #: Process exit code the CLI uses for this error.
    exit_code = 1
    #: Short heading for dialogs in the app.
    title = "Error"

    def __init__(self, message: str, *, title: str | None = None) -> None:
        super().__init__(message)
        if title:
            self.title = title


class UsageError(BriefingError):
    """The command was called wrongly (bad option, missing path)."""

    exit_code = 2
    title = "Usage"


class DatabaseError(BriefingError):
    """The database cannot be opened, is not a briefing database, or is from a newer version."""

    title = "Database"


class QueryError(BriefingError):
    """A search query that FTS5 could not parse (only possible in raw mode)."""

    title = "Search"


class SettingsError(BriefingError):
    """The briefing settings file is unreadable or malformed."""

    title = "Settings"


#: What an article whose quotes and dates could not be extracted is told with.
EXTRACTION_FAILED = "quotes and dates could not be extracted"


def failure_reason(what: str, err: BaseException) -> str:
    """One line saying what failed and with which error, cut short: a file's or an article's
    failure as the user reads it ("could not be read (MemoryError)")."""
    detail = " ".join(str(err).split())
    reason = f"{what} ({type(err).__name__}{': ' + detail if detail else ''})"
    return reason if len(reason) <= 300 else reason[:299] + "…"
