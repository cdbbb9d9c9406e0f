"""SQLite's allocator without its process-wide memory counter, so two threads' queries run side by side.

SQLite counts every allocation it makes under one global mutex (its memory statistics, on unless
it was built with SQLITE_DEFAULT_MEMSTATUS=0, which SQLite's own list of recommended options
advises). A full-text query allocates at every step, so two of them on two connections in two
threads, as the app runs the quotes and the articles of one search, mostly wait on that mutex:
together they took longer than one after the other. Python's sqlite3 has no call for the
setting, and SQLite accepts it only while shut down, which is safe only while nothing of SQLite's
is allocated; so it is made through ctypes on the library the sqlite3 module is linked to, before
the store opens anything. Where that library cannot be reached, the counter is off already, or
something already holds SQLite memory, nothing changes: queries are as correct, only not as
parallel.
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
    """The SQLite library Python's sqlite3 module calls (its symbols reached through the module), its functions typed."""
    try:
        import _sqlite3

        library = ctypes.CDLL(_sqlite3.__file__)
        int64_p = ctypes.POINTER(ctypes.c_int64)
        signatures = {
            "sqlite3_status64": ([ctypes.c_int, int64_p, int64_p, ctypes.c_int], ctypes.c_int),
            "sqlite3_shutdown": ([], ctypes.c_int),
            "sqlite3_initialize": ([], ctypes.c_int),
            # Variadic: only the fixed argument is declared, so that ctypes passes the rest as
            # variadic arguments (on some platforms those travel differently from fixed ones).
            "sqlite3_config": ([ctypes.c_int], ctypes.c_int),
            "sqlite3_malloc": ([ctypes.c_int], ctypes.c_void_p),
            "sqlite3_free": ([ctypes.c_void_p], None),
            "sqlite3_vfs_find": ([ctypes.c_char_p], ctypes.c_void_p),
            "sqlite3_vfs_register": ([ctypes.c_void_p, ctypes.c_int], ctypes.c_int),
        }
        for name, (arguments, result) in signatures.items():
            function = getattr(library, name)
            function.argtypes = arguments
            function.restype = result
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


def _counting(library: ctypes.CDLL) -> bool:
    """True when SQLite's counter is on: an allocation shows in it (off, the count says 0 whatever is open)."""
    probe = library.sqlite3_malloc(64)
    if not probe:
        return False
    try:
        return bool(memory_in_use(library))
    finally:
        library.sqlite3_free(probe)


def _switch_off() -> bool:
    library = _library()
    if library is None or not _counting(library):
        return False  # out of reach, or already off (and then an empty count would prove nothing)
    # With the counter on, nothing allocated means no connection, statement or cache is open, so
    # SQLite may be shut down and set up again.
    if memory_in_use(library) != 0:
        return False
    default_vfs = library.sqlite3_vfs_find(None)
    if library.sqlite3_shutdown() != _SQLITE_OK:
        return False
    switched = library.sqlite3_config(_SQLITE_CONFIG_MEMSTATUS, ctypes.c_int(0)) == _SQLITE_OK
    library.sqlite3_initialize()
    # Starting again makes the platform's own file layer the default: one registered before as the
    # default (it allocates nothing, so the count above cannot see it) is made the default again.
    if default_vfs and library.sqlite3_vfs_find(None) != default_vfs:
        library.sqlite3_vfs_register(default_vfs, 1)
    return switched
