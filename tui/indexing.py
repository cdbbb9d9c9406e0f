"""Indexing from inside the app: the bundled sample or a new folder before the briefing opens,
an indexed folder brought up to date behind it, and what the user is told about either."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.errors import BriefingError
from briefing.core.models import IndexReport
from briefing.core.textsafe import terminal_safe
from briefing.tui import messages
from textual import work

if TYPE_CHECKING:
    from briefing.tui.screens.main import MainScreen


class FolderIndexing:
    """The app's indexing: mixed into BriefingApp, which gives it `db_path`, `bundle`, `folders`,
    `model`, `main` and the App's workers, notifications and messages."""

    db_path: Path
    bundle: Path | None
    folders: list[Path]
    model: str | None
    main: MainScreen
    updating_folders: bool
    _data_version: int | None

    def _index(self) -> IndexReport:
        """Bring the database up to date with the bundled folder or the user's folders (cheap when nothing changed)."""
        from briefing.core.indexer import index_bundle, index_paths
        from briefing.core.store.database import open_database

        def progress(done: int, total: int, path: str) -> None:
            self.post_message(messages.IndexProgress(done, total, path))

        db = open_database(self.db_path)
        try:
            if self.bundle is not None:
                return index_bundle(db, self.bundle, model=self.model, progress=progress)
            return index_paths(db, self.folders, model=self.model, progress=progress)
        finally:
            db.conn.close()

    @work(thread=True, group="update", exit_on_error=False)
    def _update_from_folders(self) -> None:
        """Read the folders again behind the open briefing; what changed is shown when done."""
        try:
            report = self._index()
        except BriefingError as err:
            self.call_from_thread(self._folders_not_updated, str(err))
            return
        self.call_from_thread(self._folders_updated, report)

    def _folders_not_updated(self, error: str) -> None:
        self.updating_folders = False
        self.main.progress.finish()
        self.notify(error, title="Could not bring the briefing up to date", severity="error", timeout=10)

    def _folders_updated(self, report: IndexReport) -> None:
        self.updating_folders = False
        self.main.progress.finish()
        # Our own commits: the next look for changes only notes where the database is now.
        self._data_version = None
        if report.added or report.updated or report.removed:
            self.reload()
            self.notify(
                f"Brought up to date from the folder: {report.added} added, {report.updated} updated, "
                f"{report.removed} removed.",
                timeout=5,
            )
        self._tell_failures(report)
        self.post_message(messages.FoldersUpdated(report))

    def _no_sources_notice(self) -> str:
        """What an empty briefing says: where articles come from."""
        if self.folders:
            where = ", ".join(terminal_safe(str(f)) for f in self.folders)
            return (
                f"No articles in {where} yet. briefing reads .txt, .md (with front matter), .jsonl and .html "
                "files; add some and open the folder again."
            )
        return (
            f"This briefing has no sources yet. Index a folder of articles into it:\n"
            f"  briefing index FOLDER --db {self.db_path}"
        )

    def _tell_failures(self, report: IndexReport | None) -> None:
        """Name the files an index run could not read."""
        if report is not None and report.failed:
            names = ", ".join(Path(p.path).name for p in report.problems if p.skipped)
            self.notify(f"{report.failed} file(s) could not be read: {names}", severity="warning", timeout=8)
