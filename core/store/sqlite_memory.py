"""SQLite's allocator without its process-wide memory counter, so two threads' queries run side by side.

SQLite counts every allocation it makes under one global mutex (its memory statistics, on unless
it was built with SQLITE_DEFAULT_MEMSTATUS=0, which SQLite's own list of recommended options
advises). A full-text query allocates at every step, so two of them on two connections in two
threads, as the app runs the quotes and the articles of one search, mostly wait on that mutex:
together they took longer than one after the other. Python's sqlite3 has no call for the
setting, and SQLite accepts it only while shut down, which is safe only while nothing of SQLite's
is allocated; so it is made through ctypes on the library the sqlite3 module is linked to, before
the store opens anything. Where that library cannot be reached, or something already holds SQLite
memory, nothing changes: queries are as correct, only not as parallel.
"""

from __future__ import annotations

import ctypes

#: sqlite3_config's verb for memory statistics, and sqlite3_status's for the memory in use.
_SQLITE_CONFIG_MEMSTATUS = 9
_SQLITE_STATUS_MEMORY_USED = 0
_SQLITE_OK = 0

#: What the first call found; later calls answer the same and touch nothing (once the counter is
#: off, an empty count no longer proves that nothing is open).
_outcome: bool | None = None


def _library() -> ctypes.CDLL | None:
    """The SQLite library Python's sqlite3 module calls (its symbols reached through the module)."""
    try:
        import _sqlite3

        library = ctypes.CDLL(_sqlite3.__file__)
        for name in ("sqlite3_status64", "sqlite3_shutdown", "sqlite3_config", "sqlite3_initialize"):
            getattr(library, name)
    except (ImportError, OSError, AttributeError):
        return None
    return library


def memory_in_use(library: ctypes.CDLL | None = None) -> int | None:
    """Bytes SQLite has allocated and not freed, as its counter has them (None: the library is out of reach)."""
    library = library or _library()
    if library is None:
        return None
    current, highest = ctypes.c_int64(), ctypes.c_int64()
    if library.sqlite3_status64(_SQLITE_STATUS_MEMORY_USED, ctypes.byref(current), ctypes.byref(highest), 0) != _SQLITE_OK:
        return None
    return current.value


def stop_counting_memory() -> bool:
    """Turn SQLite's memory counter off while nothing of SQLite's is open (once a process); True when this turned it off."""
    global _outcome
    if _outcome is None:
        _outcome = _switch_off()
    return _outcome


def _switch_off() -> bool:
    library = _library()
    if library is None:
        return False
    # With the counter on, nothing allocated means no connection, statement or cache is open, so
    # SQLite may be shut down and set up again.
    if memory_in_use(library) != 0:
        return False
    if library.sqlite3_shutdown() != _SQLITE_OK:
        return False
    switched = library.sqlite3_config(_SQLITE_CONFIG_MEMSTATUS, ctypes.c_int(0)) == _SQLITE_OK
    library.sqlite3_initialize()
    return switched
