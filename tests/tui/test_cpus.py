"""The two halves of a search on two CPUs: the quotes' thread stays on its CPU, the articles' thread keeps off it, both as before afterwards."""

from __future__ import annotations

import os
import threading

import pytest
from briefing.tui.cpus import current_cpu, kept_off, kept_on


def _can_set_cpus() -> bool:
    """True where a thread's CPUs can be read and set (Linux, unless a sandbox refuses)."""
    if current_cpu() is None or not hasattr(os, "sched_setaffinity"):
        return False
    try:
        os.sched_setaffinity(0, os.sched_getaffinity(0))
    except OSError:
        return False
    return True


needs_cpus = pytest.mark.skipif(not _can_set_cpus(), reason="this system does not let a thread read or choose its CPUs")


def _in_a_thread(work):
    """What `work` returns when run in a thread of its own."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(work()))
    thread.start()
    thread.join()
    return result[0]


@needs_cpus
def test_the_cpu_a_thread_runs_on_is_one_it_may_use():
    """The CPU read for a thread is among those it may run on."""
    assert current_cpu() in os.sched_getaffinity(0)


@needs_cpus
def test_a_thread_kept_on_its_cpu_runs_there_alone_then_anywhere_again():
    """Inside the block the thread may use its own CPU only; after it, every CPU it had."""
    def work():
        before = os.sched_getaffinity(0)
        here = current_cpu()
        with kept_on(here):
            inside = os.sched_getaffinity(0)
        return before, here, inside, os.sched_getaffinity(0)

    before, here, inside, after = _in_a_thread(work)
    assert inside == {here} and after == before


@needs_cpus
def test_a_thread_kept_off_a_cpu_may_use_every_other_one_then_all_again():
    """Inside the block every CPU but the one named; with a single CPU, nothing changes."""
    process = os.sched_getaffinity(0)
    cpu = min(process)

    def work():
        with kept_off(cpu):
            inside = os.sched_getaffinity(0)
        return inside, os.sched_getaffinity(0)

    inside, after = _in_a_thread(work)
    assert inside == (process - {cpu} if len(process) > 1 else process)
    assert after == process


def test_nothing_is_moved_when_the_cpu_is_unknown():
    """Where the CPU could not be read, the thread keeps every CPU it had."""
    before = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None

    def work():
        with kept_on(None), kept_off(None):
            return os.sched_getaffinity(0) if before is not None else None

    assert _in_a_thread(work) == before
