"""Killing an index run with --jobs ends its worker processes too."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")]


def children_of(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, seconds: float = 60.0) -> bool:
    """Poll until `condition()` holds; the limit only turns a hang into a failure."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_with_the_run_that_started_them(tmp_path, how):
    folder = tmp_path / "story"
    folder.mkdir()
    for n in range(400):
        (folder / f"{n:03d}.md").write_text(
            f"---\npublished: 2023-05-04\n---\nOfficial {n} of Dunmore said on Monday that talks with Westby would go on. " * 30
        )
    run = subprocess.Popen(
        [sys.executable, "-m", "briefing.cli.main", "index", str(folder), "--db", str(tmp_path / "b.db"), "--jobs", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    try:
        assert wait_for(lambda: len(children_of(run.pid)) >= 2), "the workers never started"
        workers = children_of(run.pid)
        os.kill(run.pid, how)
        run.wait()
        assert wait_for(lambda: not any(alive(pid) for pid in workers)), "workers outlived the run"
    finally:
        run.kill()
        run.wait()
        for pid in workers:  # this test's own workers, should they have outlived the run
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
