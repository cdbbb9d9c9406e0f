"""The garbage collector paused while the first screen is built."""

from __future__ import annotations

import gc

#: Longest the garbage collector stays paused at start-up (a bundle being indexed takes longer).
COLLECTOR_PAUSE_LIMIT = 2.0
#: How long after the first screen is filled the collector resumes (its first frames are drawn by then).
COLLECTOR_SETTLE = 0.5


class StartupPause:
    """Python's cyclic garbage collector paused for the start-up, and turned back on once.

    Building the first screen allocates a great many short-lived objects (styles, strips,
    options): with the collector on, a third of the start-up went on collections that freed
    almost nothing, as reference counting frees them anyway. Textual pauses it the same way
    while scrolling (App.PAUSE_GC_ON_SCROLL).
    """

    def __init__(self) -> None:
        self.paused = False

    def pause(self) -> None:
        """Pause the collector, unless something else turned it off already."""
        if gc.isenabled():
            gc.disable()
            self.paused = True

    def resume(self) -> None:
        """Turn the collector back on, if this paused it (the first screen is up, or start-up is taking long)."""
        if self.paused:
            self.paused = False
            gc.enable()
