"""Keeping the two halves of a search on two CPUs, where the system lets a thread say which.

The quotes' half and the articles' half of a search run in two threads, and SQLite lets both
work at once. But the thread that starts the second half wakes it, and Linux then tends to run
the woken thread on the waker's CPU: after the pause between two keys, the halves often shared
one CPU for most of a search, each at half speed, while another CPU sat idle (on a two-CPU
machine, three-letter prefixes at 10,000 articles took 10–13 ms instead of 7–8). So the quotes'
thread, made for one search, stays on the CPU it is on, and the articles' thread leaves that
CPU for any other.
"""

from __future__ import annotations

import os

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


def stay_on(cpu: int | None) -> None:
    """Keep the calling thread on `cpu` (a thread that ends with its work: the quotes' half of one search)."""
    if cpu is None or not hasattr(os, "sched_setaffinity"):
        return
    try:
        os.sched_setaffinity(0, {cpu})
    except OSError:
        return


def move_off(cpu: int | None) -> None:
    """Let the calling thread run on every CPU it may use but `cpu` (nothing changes when that leaves none, or the system cannot say)."""
    if cpu is None or not hasattr(os, "sched_setaffinity"):
        return
    try:
        # The process's own set (its main thread's): this thread's may be narrowed by a call before.
        allowed = os.sched_getaffinity(os.getpid())
        others = allowed - {cpu}
        if others and others != os.sched_getaffinity(0):
            os.sched_setaffinity(0, others)  # 0: the calling thread
    except OSError:
        return
