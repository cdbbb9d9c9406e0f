"""Helpers shared by the measurement phases: peak memory, percentiles, handing a result to the runner."""

from __future__ import annotations

import json
import math
import resource
import sys

#: Prefix of the line a phase prints its result on; everything else on stdout is ignored.
RESULT_MARK = "BENCH-RESULT "


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident memory of this process (or the largest of its waited-for children), in MB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    # Linux reports ru_maxrss in KiB.
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def percentile(values: list[float], share: float) -> float | None:
    """The `share` (0..1) percentile by the nearest-rank method; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def median(values: list[float]) -> float | None:
    """The median, or None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def emit(result: dict) -> None:
    """Print a phase's result as one marked JSON line on stdout for the runner to read."""
    sys.stdout.write(RESULT_MARK + json.dumps(result) + "\n")
    sys.stdout.flush()


def read_result(stdout: str) -> dict | None:
    """The result a phase printed, or None when it printed none."""
    for line in reversed(stdout.splitlines()):
        if line.startswith(RESULT_MARK):
            return json.loads(line[len(RESULT_MARK) :])
    return None
