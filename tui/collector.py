"""The garbage collector paused while the screen must answer fast: the first screen, a burst of typing."""

from __future__ import annotations

import gc
from time import monotonic

#: Longest the garbage collector stays paused at start-up (a bundle being indexed takes longer).
COLLECTOR_PAUSE_LIMIT = 2.0
#: How long after the first screen is filled the collector resumes (its first frames are drawn by then).
COLLECTOR_SETTLE = 0.5
#: Quiet time after the last change of the search box before the collector runs again.
TYPING_SETTLE = 1.0
#: Longest the collector waits while keys bring no results to draw: then it collects once and stays paused.
TYPING_PAUSE_LIMIT = 5.0


class CollectorPause:
    """Python's cyclic garbage collector paused while the screen is being built or the user types,
    and turned back on once they are done.

    Building a screen allocates a great many short-lived objects (styles, strips, options), and
    Textual's rendered lines hold themselves in their own caches, so every redraw leaves cycles
    behind. With the collector on, a collection of tens of thousands of them (50–60 ms) lands
    anywhere in a key, before its results are drawn; paused, each key's leftovers are collected
    while the next key's search runs in its threads, when the screen has nothing else to do.
    Textual pauses it the same way while scrolling (App.PAUSE_GC_ON_SCROLL).
    """

    def __init__(self) -> None:
        #: Why the collector is paused ("start", "typing"): it runs again when no reason is left.
        self.reasons: set[str] = set()
        self._since = 0.0

    @property
    def paused(self) -> bool:
        """True while this holds the collector off."""
        return bool(self.reasons)

    def pause(self, reason: str = "start") -> None:
        """Pause the collector for `reason`, unless something else turned it off already."""
        if self.reasons:
            self.reasons.add(reason)
        elif gc.isenabled():
            gc.disable()
            self.reasons.add(reason)
            self._since = monotonic()

    def resume(self, reason: str = "start") -> None:
        """`reason` is over; the collector runs again when it was the last one."""
        if reason in self.reasons:
            self.reasons.discard(reason)
            if not self.reasons:
                gc.enable()

    def resume_all(self) -> None:
        """Turn the collector back on whatever held it (the app is closing)."""
        if self.reasons:
            self.reasons.clear()
            gc.enable()

    def collect_young(self) -> None:
        """While typing, collect what the last redraw left behind (called as the next search runs)."""
        if "typing" in self.reasons:
            # Only the youngest generation: everything made since the last collection is in it,
            # while a full collection would walk the whole heap.
            gc.collect(0)
            self._since = monotonic()

    def keep_paused(self) -> None:
        """Pause for one more key of a burst; a burst longer than TYPING_PAUSE_LIMIT collects once first."""
        if self.reasons and monotonic() - self._since > TYPING_PAUSE_LIMIT:
            gc.collect(0)
            self._since = monotonic()
        self.pause("typing")
