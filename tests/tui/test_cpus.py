"""The two halves of a search on two CPUs: the quotes' thread stays where it is, the articles' thread leaves that CPU."""

from __future__ import annotations

import os
import sys
import threading

import pytest
from briefing.tui.cpus import current_cpu, move_off, stay_on

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="threads' CPUs are read and set through Linux's interfaces")


def _in_a_thread(work):
    """What `work` returns when run in a thread of its own (affinities set there end with it)."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(work()))
    thread.start()
    thread.join()
    return result[0]


@linux_only
def test_the_cpu_a_thread_runs_on_is_one_it_may_use():
    cpu = current_cpu()
    assert cpu is not None and cpu in os.sched_getaffinity(0)


@linux_only
def test_a_thread_kept_on_its_cpu_may_use_that_one_alone():
    def work():
        here = current_cpu()
        stay_on(here)
        return here, os.sched_getaffinity(0)

    here, allowed = _in_a_thread(work)
    assert allowed == {here}


@linux_only
def test_a_thread_moved_off_a_cpu_may_use_every_other_one():
    process = os.sched_getaffinity(0)
    cpu = min(process)

    def work():
        stay_on(max(process))  # narrowed by an earlier search: moving off starts from the process's set
        move_off(cpu)
        return os.sched_getaffinity(0)

    allowed = _in_a_thread(work)
    if len(process) > 1:
        assert allowed == process - {cpu}
    else:
        assert allowed == process  # one CPU: nowhere else to go, so nothing changes


@linux_only
def test_nothing_is_moved_when_the_cpu_is_unknown():
    def work():
        stay_on(None)
        move_off(None)
        return os.sched_getaffinity(0)

    assert _in_a_thread(work) == os.sched_getaffinity(0)
