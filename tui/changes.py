"""Watching the database for commits by another process (`briefing index` while the app is open):
the settings, the briefing's own columns and the screen are read again when they land."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.errors import BriefingError
from briefing.core.settings import Settings
from briefing.core.store.database import data_version
from briefing.tui import prefs
from briefing.tui.loader import Store, default_columns, load_settings
from briefing.tui.state import BriefingState, ColumnSpec
from textual import work
from textual.worker import get_current_worker


class ChangeWatch:
    """Mixed into BriefingApp, which gives it `store`, `state`, `db_path`, `reload` and the App's workers."""

    db_path: Path
    store: Store
    state: BriefingState
    settings: Settings
    updating_folders: bool
    _checking: bool
    _data_version: int | None
    _briefing_specs: list[ColumnSpec] | None
    _default_columns: bool

    if TYPE_CHECKING:

        def reload(self, *, overview: bool = True) -> None: ...

    def _read_columns(self) -> tuple[Settings, list[ColumnSpec], bool]:
        """The stored settings and the columns to show, and whether they are the briefing's own (not chosen)."""
        settings = self.store.read(load_settings)
        chosen = prefs.load_columns(self.db_path)
        if chosen:
            return settings, chosen, False
        return settings, self.store.read(default_columns, settings), True

    def _check_for_changes(self) -> None:
        """Look for commits by another connection, unless the previous look is still waiting.

        Not an exclusive worker: when reads are slow (a huge briefing) a new look would cancel
        the last one every tick, and nobody waiting for the app's workers would ever see them end.
        """
        if self._checking or not self.store.is_open:
            return
        self._checking = True
        self._look_for_changes()

    @work(thread=True, group="changes", exit_on_error=False)
    def _look_for_changes(self) -> None:
        """Reload when another connection has committed since the last look (PRAGMA data_version)."""
        try:
            version = self.store.read(data_version)
        finally:
            self._checking = False
        previous, self._data_version = self._data_version, version
        if previous is not None and version != previous:
            self.call_from_thread(self._changed_elsewhere)

    def _changed_elsewhere(self) -> None:
        self._reread_briefing()
        if not self.updating_folders:  # our own update says what it did when it is done
            self.notify("The briefing changed on disk; showing the new state.", timeout=4)

    @work(thread=True, exclusive=True, group="reread", exit_on_error=False)
    def _reread_briefing(self) -> None:
        """Read the settings and the briefing's own columns again (speakers arrive as an index runs), then reload."""
        try:
            settings, specs, own = self._read_columns()
        except (BriefingError, sqlite3.Error):
            settings, specs, own = None, [], False  # the reload says what is wrong with the database
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._briefing_reread, settings, specs, own)

    def _briefing_reread(self, settings: Settings | None, specs: list[ColumnSpec], own: bool) -> None:
        if settings is not None:
            self.settings = settings
            self.title = settings.title
            # Columns the user changed stay; the briefing's own follow its speakers and settings.
            if own and self._briefing_specs is not None and self.state.specs == self._briefing_specs:
                self.state.specs = specs
                self._briefing_specs = list(specs)
                self._default_columns = not settings.columns and bool(specs)
        self.reload()
