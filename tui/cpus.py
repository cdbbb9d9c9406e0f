"""Keeping the two halves of a search on two CPUs, where the system lets a thread say which.

The quotes' half and the articles' half of a search run in two threads, and SQLite lets both
work at once. But the thread that starts the second half wakes it, and Linux then tends to run
the woken thread on the waker's CPU: after the pause between two keys, the halves often shared
one CPU for most of a search, each at half speed, while another CPU sat idle (on a two-CPU
machine, three-letter prefixes at 10,000 articles took 10–13 ms instead of 7–8). So for the
length of a search the quotes' thread stays on the CPU it is on and the articles' thread keeps
off it; both threads may run anywhere again afterwards (they serve other work too).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

#: Where Linux shows the CPU a thread last ran on (field 39 of its stat line).
_THREAD_STAT = "/proc/thread-self/stat"
#: Index of that field once the line is cut after the command name's closing parenthesis (field 2).
_CPU_FIELD = 36


def current_cpu() -> int | None:
    """The CPU the calling thread is running on (None where the system does not say)."""
    try:
        with open(_THREAD_STAT, encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return int(fields[_CPU_FIELD])
    except (OSError, ValueError, IndexError):
        return None


@contextlib.contextmanager
def kept_on(cpu: int | None) -> Iterator[None]:
    """The calling thread runs on `cpu` alone inside the block (as it may, where the system allows)."""
    with _affinity(lambda allowed: {cpu} & allowed if cpu is not None else set()):
        yield


@contextlib.contextmanager
def kept_off(cpu: int | None) -> Iterator[None]:
    """The calling thread runs on every CPU it may use but `cpu` inside the block."""
    with _affinity(lambda allowed: allowed - {cpu}):
        yield


@contextlib.contextmanager
def _affinity(narrow) -> Iterator[None]:
    """The calling thread's CPUs narrowed to `narrow(its CPUs)` inside the block, then as they were.

    Nothing changes where the system cannot say or set a thread's CPUs, or refuses to, or where
    the narrowed set would be empty or the same.
    """
    before: set[int] | None = None
    try:
        if hasattr(os, "sched_setaffinity"):
            allowed = os.sched_getaffinity(0)  # 0: the calling thread
            wanted = narrow(allowed)
            if wanted and wanted != allowed:
                os.sched_setaffinity(0, wanted)
                before = allowed
    except OSError:
        before = None
    try:
        yield
    finally:
        if before is not None:
            with contextlib.suppress(OSError):
                os.sched_setaffinity(0, before)
