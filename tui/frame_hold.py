"""One frame for a key of a search: the box's new text is drawn with the results it finds.

Textual draws a frame as soon as the box's text changes, and its screen timer then waits one to
two frame periods (17–33 ms at 60 frames a second) before it draws the next: results ready 20 ms
after the key wait for that tick, then cost a second full frame. While a search of the box's new
text runs, frames are held (Textual's batch update) and released when its results are applied;
the box's text and its results are then drawn in the one frame that follows. A search that
takes longer than HOLD_LIMIT lets the frame with the typed text through first.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from textual.app import App
from textual.timer import Timer
from textual.widget import Widget

#: Longest a typed character waits to be drawn for its results (seconds).
HOLD_LIMIT = 0.05


class FrameHold:
    """Holds the app's frames from a key of a search until its results are applied (or HOLD_LIMIT passes)."""

    def __init__(self, app: App) -> None:
        """Hold `app`'s frames when asked."""
        self._app = app
        self._batch: AbstractContextManager | None = None
        self._deadline: Timer | None = None
        #: The widget whose change is held (the search box).
        self._changed: Widget | None = None

    @property
    def holding(self) -> bool:
        """True while frames are held."""
        return self._batch is not None

    def hold(self, changed: Widget) -> None:
        """Hold frames, `changed` having changed, until `release` or HOLD_LIMIT from the first key held (a key typed meanwhile does not extend it)."""
        if self._batch is not None:
            return
        self._changed = changed
        self._batch = self._app.batch_update()
        self._batch.__enter__()
        self._deadline = self._app.set_timer(HOLD_LIMIT, self.release, name="frame-hold")

    def release(self) -> None:
        """Draw again (from the next frame); nothing when not holding."""
        batch, self._batch = self._batch, None
        changed, self._changed = self._changed, None
        if self._deadline is not None:
            self._deadline.stop()
            self._deadline = None
        if batch is not None:
            batch.__exit__(None, None, None)
            # The batch's end wakes the app, not the screen: the held widget asks again to be
            # drawn, after whatever else was changed meanwhile (or nothing else was: a key that
            # searched nothing, a search past HOLD_LIMIT, results that look as before).
            if changed is not None and changed.is_attached:
                changed.refresh()
