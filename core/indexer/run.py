"""An index run, step by step: discover, extract, write, reconcile, link, finish."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils
from briefing.core.errors import DatabaseError
from briefing.core.indexer.files import (
    ExtractionSetup,
    FileResult,
    KnownFile,
    extract_all,
    pipeline_version,
    process_files,
)
from briefing.core.indexer.identity import clues_outdated, reidentify
from briefing.core.indexer.links import relink_owed
from briefing.core.ingest import Candidate, find_articles
from briefing.core.models import FileProblem, IndexReport
from briefing.core.nlp.context import BriefingContext
from briefing.core.settings import SETTINGS_FILE, Settings, find_settings
from briefing.core.store.catalog import indexed_roots, record_indexed_at
from briefing.core.store.context import context_from_db
from briefing.core.store.database import (
    build_read_indexes,
    catch_up_full_text,
    clear_briefing,
    database_file,
    defer_full_text,
    defer_read_indexes,
    delete_article,
    describe_write_error,
    get_meta,
    load_stored_settings,
    page_cache,
    prune_speakers,
    set_meta,
    update_words,
    words_owed,
    write_article,
)
from briefing.core.store.files import (
    RETRY_VERSION,
    StoredFile,
    article_count,
    article_hashes,
    articles_of,
    files_under,
    record_file,
    remove_files,
    retry_file,
    stored_files,
)
from briefing.core.store.owed import (
    articles_owed_a_date,
    clear_owed,
    has_owed,
    owe_date,
    owe_identity,
    owe_links,
    owed_identity,
    owed_links,
)
from briefing.core.store.reads import store_most_quoted
from briefing.core.store.timeline import store_timeline_summary

#: A batch is committed after this many files or this many seconds, whichever comes first:
#: a killed run loses at most one batch, and readers see progress. Each commit writes every
#: index page the batch touched, so larger batches write shared pages once.
BATCH_FILES = 256
BATCH_SECONDS = 2.0
#: SQLite page cache of an index run, in KiB: a batch's changed pages stay in memory until its
#: commit (the 2 MB default spills them to the WAL halfway through, then writes them again).
INDEX_CACHE_KIB = 65536

#: A run with at least this many files to read fills the full-text index once, at its end
#: (FTS5 builds it several times faster so; until then a search does not find the new articles).
#: Smaller runs index each article as it is written.
DEFER_FULL_TEXT_FILES = 200

#: progress(done, total, path) — called after each file.
Progress = Callable[[int, int, str], None]

#: Meta key: the bundled sample folder last indexed into this database.
BUNDLE_KEY = "bundle"


@dataclass
class IndexRun:
    """One index run: the database it writes, what it extracts with, and what it has done so far."""

    db: sqlite_utils.Database
    settings: Settings
    #: The pipeline version stamped on what this run extracts (see `pipeline_version`).
    version: str
    model: str | None = None
    jobs: int = 1
    progress: Progress | None = None
    report: IndexReport = field(default_factory=IndexReport)
    #: The files read before, as the store had them when the run began.
    stored: dict[str, StoredFile] = field(default_factory=dict)
    #: Files done and files in all, as `progress` is told.
    done: int = 0
    total: int = 0
    #: Sources this run has written and committed (kept whatever happens next).
    committed: int = 0
    #: The user's aliases and hidden speakers the briefing was last named with.
    names_before: tuple = ((), ())

    def setup(self, *, with_context: bool = True) -> ExtractionSetup:
        """What to extract with now: the settings, the model, and (for undated articles) the
        dates and stories the briefing holds."""
        context = context_from_db(self.db) if with_context else BriefingContext()
        return ExtractionSetup(self.settings, self.model, context)


def index_paths(
    db: sqlite_utils.Database,
    paths: Iterable[Path | str],
    *,
    settings: Settings | None = None,
    rebuild: bool = False,
    jobs: int = 1,
    model: str | None = None,
    progress: Progress | None = None,
    remove_missing: bool = True,
    follow_links: bool = False,
) -> IndexReport:
    """Index files and folders into `db`; return what was added, updated, skipped and removed.

    Unchanged files are skipped by size and modification time, then by content hash; changed
    files are re-read and their articles replaced; with `remove_missing`, articles whose file
    is gone from an indexed folder are removed. Work is committed in batches, so a run killed
    at any point leaves a whole database and the next run finishes the job.

    Files and folders are read by their real paths, so a folder reached through a symbolic
    link is the same folder; links leading out of the folders given are followed only with
    `follow_links`.
    """
    given = [Path(p).expanduser() for p in paths] or [Path(p) for p in json.loads(get_meta(db, "roots") or "[]")]
    roots = [Path(os.path.realpath(p)) for p in given]
    if not roots:
        raise DatabaseError("Nothing to index: give a file or folder.")
    settings = settings or find_settings(roots)
    run = IndexRun(db, settings, pipeline_version(settings, model), model=model, jobs=jobs, progress=progress)
    run.report.problems.extend(FileProblem(settings.path or SETTINGS_FILE, note, skipped=False) for note in settings.notes)
    candidates = _discover(run, roots, follow_links)
    try:
        with page_cache(db, INDEX_CACHE_KIB):
            if rebuild:
                clear_briefing(db)
            run.stored = stored_files(db)
            _remember(run, roots)
            if remove_missing:
                run.report.removed = _remove_missing(run, roots, {c.path for c in candidates})
            todo = _changed(run, candidates)
            _write(run, todo)
            # Before the briefing-wide steps, which read by them; also builds those a stopped run left out.
            build_read_indexes(db)
            if has_owed(db) or _names_changed(run) or clues_outdated(db):
                _reconcile(run)
            _finish(run)
    except sqlite3.OperationalError as err:
        raise DatabaseError(describe_write_error(database_file(db), err, run.committed)) from None
    return run.report


def _discover(run: IndexRun, roots: list[Path], follow_links: bool) -> list[Candidate]:
    """The article files under `roots`, less the database's own files; what cannot be read is reported."""
    # The database may live inside the folder it indexes: never read it (or its WAL) as an article.
    own = os.path.realpath(database_file(run.db))
    own_files = frozenset(own + suffix for suffix in ("", "-wal", "-shm", "-journal"))
    found = find_articles(roots, exclude=own_files, follow_links=follow_links)
    run.report.problems.extend(found.problems)
    run.report.left_out = found.left_out
    return found.candidates


def _remember(run: IndexRun, roots: list[Path]) -> None:
    """Store the settings and the folders indexed, for runs with no paths given."""
    before = load_stored_settings(run.db)
    run.names_before = (before.aliases, before.hidden)
    with run.db.atomic():
        set_meta(run.db, "settings", json.dumps(run.settings.to_dict()))
        known_roots = set(json.loads(get_meta(run.db, "roots") or "[]"))
        set_meta(run.db, "roots", json.dumps(sorted(known_roots | {str(r.resolve()) for r in roots})))


def _remove_missing(run: IndexRun, roots: list[Path], found: set[str]) -> int:
    """Remove the articles of files gone from the indexed folders; return how many."""
    folders = [str(r) for r in roots if r.is_dir()]
    gone = [
        path
        for path in run.stored
        if path not in found and any(path == f or path.startswith(f.rstrip(os.sep) + os.sep) for f in folders)
    ]
    return remove_files(run.db, gone)


def _changed(run: IndexRun, candidates: list[Candidate]) -> list[Candidate]:
    """The files to read: those whose size, time or pipeline version differ from what is stored.

    A run with many of them leaves the full-text index (and, writing most of the briefing,
    the indexes only reading uses) to its end.
    """
    todo = []
    for candidate in candidates:
        stored = run.stored.get(candidate.path)
        if stored and (stored.size, stored.mtime_ns, stored.pipeline_version) == (candidate.size, candidate.mtime_ns, run.version):
            run.report.unchanged += article_count(run.db, candidate.path)
            continue
        todo.append(candidate)
    if len(todo) >= DEFER_FULL_TEXT_FILES:
        with run.db.atomic():
            defer_full_text(run.db)
            # Writing most of the briefing: its read indexes are built once, at the end.
            if len(todo) >= len(run.stored):
                defer_read_indexes(run.db)
    run.done, run.total = len(candidates) - len(todo), len(candidates)
    return todo


def _write(run: IndexRun, todo: list[Candidate]) -> None:
    """Read, extract and write the files, a batch a transaction."""
    db = run.db

    def known(candidate: Candidate) -> KnownFile:
        stored = run.stored.get(candidate.path)
        # Same bytes read by other rules or settings (a new version) are extracted again.
        same_version = stored is not None and stored.pipeline_version == run.version
        return KnownFile(stored.content_hash if same_version else None, article_hashes(db, candidate.path, run.version))

    # Only dated articles are extracted here (undated ones wait for the briefing-wide step), and a
    # dated article's date needs no context: an empty one spares reading the briefing each run.
    results = process_files(todo, known, run.setup(with_context=False), run.jobs)
    exhausted = False
    while not exhausted:
        # One transaction a batch: a kill loses at most this batch, never leaves half an article.
        with db.atomic():
            started, in_batch = time.monotonic(), 0
            for result in results:
                _apply(run, result)
                run.done += 1
                in_batch += 1
                if run.progress:
                    run.progress(run.done, run.total, result.candidate.path)
                if in_batch >= BATCH_FILES or time.monotonic() - started > BATCH_SECONDS:
                    break
            else:
                exhausted = True
        run.committed = run.report.added + run.report.updated


def _apply(run: IndexRun, result: FileResult) -> None:
    """Write one file's outcome: its articles replaced, their links owed, its row recorded."""
    db, report, candidate = run.db, run.report, result.candidate
    report.problems.extend(result.problems)
    if result.content_hash is None:
        return  # unreadable now: keep whatever was indexed from it before
    # A file with an article that could not be extracted is read again by the next run.
    file = StoredFile(result.content_hash, candidate.size, candidate.mtime_ns, RETRY_VERSION if result.failed else run.version)
    if result.unchanged:
        record_file(db, candidate.path, file)
        report.unchanged += article_count(db, candidate.path)
        return
    if not result.articles and any(p.skipped for p in result.problems):
        return  # unparseable now: keep the previous version, retry next run
    existing = articles_of(db, candidate.path)
    for article, digest, extraction in result.articles:
        if extraction is None:
            report.unchanged += 1
            continue
        if article.path in existing:
            owe_links(db, existing[article.path])  # the events it had are relinked too
        version = RETRY_VERSION if article.path in result.failed else run.version
        article_id = write_article(db, article, candidate.path, digest, extraction, run.settings, version)
        owe_links(db, article_id)
        owe_identity(db, article_id)
        if not article.published:
            owe_date(db, article.path)
        report.words += article.words
        if article.path in existing:
            report.updated += 1
        else:
            report.added += 1
    kept = {a.path for a, _, _ in result.articles}
    for path, article_id in existing.items():
        if path not in kept:
            owe_links(db, article_id)
            owe_identity(db, None)
            delete_article(db, article_id)
            report.removed += 1
    record_file(db, candidate.path, file)


def _reconcile(run: IndexRun) -> None:
    """Briefing-wide steps after articles changed: date undated articles, link across sources.

    An article with no date of its own is extracted again once the whole run is in, so its
    inferred date can lean on every dated article of the briefing, including those indexed
    after it in the same run. (Older undated articles keep the date inferred when they were
    indexed; `--rebuild` infers every date again.)
    """
    db = run.db
    # Only dated articles feed the context, so one context serves every undated article.
    setup = run.setup()
    owed = {stored.article.path: stored for stored in articles_owed_a_date(db)}
    with db.atomic():
        for article, extraction, failure in extract_all([stored.article for stored in owed.values()], setup, run.jobs):
            stored = owed[article.path]
            owe_links(db, stored.id)
            version = run.version
            if failure:
                run.report.problems.append(failure)
                version = RETRY_VERSION
                retry_file(db, stored.file)
            article_id = write_article(db, article, stored.file, stored.content_hash, extraction, run.settings, version)
            owe_links(db, article_id)
            owe_identity(db, article_id)
    # The linkers own their transactions; the owed work is cleared only after they are done,
    # so a run killed in between links again next time.
    relink_owed(db, owed_links(db))
    identity = owed_identity(db)
    if identity.owed or _names_changed(run) or clues_outdated(db):
        reidentify(db, run.settings, identity, run.jobs)
    with db.atomic():
        prune_speakers(db)
        store_most_quoted(db)
        store_timeline_summary(db)
        clear_owed(db)


def _names_changed(run: IndexRun) -> bool:
    """Whether the settings name speakers otherwise than when they were last named (the user's
    aliases or hidden speakers changed: every speaker is named again, nothing extracted)."""
    return run.names_before != (run.settings.aliases, run.settings.hidden)


def _finish(run: IndexRun) -> None:
    """Make the run's articles searchable: the full-text index and the vocabulary of search as you type."""
    # Also finishes what a run stopped before this point left out of the index.
    catch_up_full_text(run.db)
    # Articles written (their words) or re-extracted (settings may name new speakers), or left
    # by a stopped run; a run that changed nothing writes nothing.
    if run.report.added or run.report.updated or words_owed(run.db):
        update_words(run.db)
    with run.db.atomic():
        record_indexed_at(run.db)


def index_bundle(db: sqlite_utils.Database, bundle: Path | str, **options) -> IndexReport:
    """Index the bundled sample briefing, first removing what an earlier copy of it put here.

    The sample moves when briefing is installed again elsewhere (another checkout, another
    virtualenv): without this, the database would hold the sample twice, from both places.
    """
    folder = str(Path(bundle).expanduser().resolve())
    previous = get_meta(db, BUNDLE_KEY)
    removed = 0
    if previous and previous != folder:
        removed = remove_files(db, files_under(db, previous))
        with db.atomic():
            roots = [r for r in json.loads(get_meta(db, "roots") or "[]") if r != previous]
            set_meta(db, "roots", json.dumps(roots))
    with db.atomic():
        set_meta(db, BUNDLE_KEY, folder)
    report = index_paths(db, [Path(bundle)], **options)
    report.removed += removed
    return report


def index_again(db: sqlite_utils.Database, bundle: Path | str, **options) -> IndexReport:
    """Bring a briefing up to date with the folders it was built from (`briefing index --db B`).

    A briefing built from nothing yet, or only from the bundled sample, gets the sample at
    `bundle` (where it is now). The folders are never replaced by the sample: a user's briefing
    stays the user's.
    """
    roots = indexed_roots(db)
    previous_bundle = get_meta(db, BUNDLE_KEY)
    if not roots or roots == [previous_bundle]:
        return index_bundle(db, bundle, **options)
    if not any(Path(root).exists() for root in roots):
        listed = ", ".join(roots)
        raise DatabaseError(
            f"The folders this briefing was built from are gone ({listed}); nothing was removed. "
            "Index their new place with `briefing index FOLDER --db DATABASE`."
        )
    return index_paths(db, [Path(root) for root in roots], **options)
