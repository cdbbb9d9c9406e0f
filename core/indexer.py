"""Index files into a briefing database: incremental, idempotent, batched, safe to kill at any point."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils
from briefing.core.errors import DatabaseError
from briefing.core.ingest import Candidate, discover, parse_bytes, read_bytes
from briefing.core.ingest.decode import NotText
from briefing.core.models import Extraction, FileProblem, IndexReport, ParsedArticle
from briefing.core.nlp.context import BriefingContext, context_from_db
from briefing.core.settings import Settings, find_settings
from briefing.core.store.database import (
    build_read_indexes,
    catch_up_full_text,
    defer_full_text,
    defer_read_indexes,
    delete_article,
    describe_write_error,
    get_meta,
    prune_speakers,
    set_meta,
    update_words,
    write_article,
)
from briefing.core.store.queries import MOST_QUOTED_KEY, SUMMARY_KEY, count_most_quoted, store_timeline_summary
from briefing.core.timeline_links import SHORT_EVENT as _SHORT_EVENT

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


def settings_fingerprint(settings: Settings) -> str:
    """Short hash of the settings that change extraction (focus speakers and aliases)."""
    data = settings.to_dict()
    data.pop("path", None)
    data.pop("title", None)
    data.pop("columns", None)
    return hashlib.sha1(json.dumps(data, sort_keys=True).encode()).hexdigest()[:8]


def pipeline_version(settings: Settings, model: str | None = None) -> str:
    """Version stamp of rules + model + settings: a change re-extracts every article."""
    from briefing.core.nlp.rules_version import rules_version

    return f"{rules_version()}-{settings_fingerprint(settings)}" + (f"+{model}" if model else "")


def article_hash(article: ParsedArticle) -> str:
    """Content hash of one article: its text and the metadata ingest read."""
    digest = hashlib.sha256(article.text.encode("utf-8", "surrogatepass"))
    for value in (article.title, article.outlet, article.published, article.place, article.byline, article.url):
        digest.update(b"\x00" + (value or "").encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@dataclass
class _FileResult:
    """What a worker did with one file."""

    candidate: Candidate
    content_hash: str | None = None
    unchanged: bool = False
    #: (article, content hash, extraction): None for an unchanged article; an article with no
    #: date of its own is extracted later, once, when the whole briefing can date it.
    articles: list[tuple[ParsedArticle, str, Extraction | None]] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)


# Worker state: one Extractor per process, built on first use (spaCy takes a moment to load).
_EXTRACTOR = None
_EXTRACTOR_KEY = None


def _extractor(settings: Settings, model: str | None):
    global _EXTRACTOR, _EXTRACTOR_KEY
    key = (settings_fingerprint(settings), model)
    if _EXTRACTOR is None or _EXTRACTOR_KEY != key:
        from briefing.core.nlp.pipeline import Extractor

        _EXTRACTOR, _EXTRACTOR_KEY = Extractor(settings, model), key
    return _EXTRACTOR


def _process_file(
    candidate: Candidate,
    stored_file_hash: str | None,
    stored_articles: dict[str, str],
    settings: Settings,
    model: str | None,
    context: BriefingContext,
) -> _FileResult:
    """Read, parse and extract one file (runs in a worker process with --jobs)."""
    result = _FileResult(candidate)
    try:
        data = read_bytes(candidate.path)
    except NotText as err:
        result.problems.append(FileProblem(candidate.path, str(err)))
        return result
    result.content_hash = hashlib.sha256(data).hexdigest()
    if stored_file_hash == result.content_hash:
        result.unchanged = True
        return result
    for item in parse_bytes(candidate.path, data):
        if isinstance(item, FileProblem):
            result.problems.append(item)
            continue
        digest = article_hash(item)
        if stored_articles.get(item.path) == digest:
            result.articles.append((item, digest, None))  # unchanged article in a changed file
            continue
        for warning in item.warnings:
            result.problems.append(FileProblem(candidate.path, warning, skipped=False))
        if item.published:
            extraction = _safe_extract(item, settings, model, context, result.problems)
        else:
            extraction = Extraction()  # placeholder: `_reconcile` extracts it with the full context
        result.articles.append((item, digest, extraction))
    return result


def _safe_extract(article, settings, model, context, problems: list[FileProblem]) -> Extraction:
    """Extract, or note why not: a rule bug must not stop the run or lose the article."""
    try:
        return _extractor(settings, model).extract(article, context)
    except Exception as err:
        reason = f"quotes and dates could not be extracted ({type(err).__name__}: {err}); indexed the text only"
        problems.append(FileProblem(article.path, reason[:300], skipped=False))
        return Extraction()


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
) -> IndexReport:
    """Index files and folders into `db`; return what was added, updated, skipped and removed.

    Unchanged files are skipped by size and modification time, then by content hash; changed
    files are re-read and their articles replaced; with `remove_missing`, articles whose file
    is gone from an indexed folder are removed. Work is committed in batches, so a run killed
    at any point leaves a whole database and the next run finishes the job.
    """
    roots = [Path(p).expanduser() for p in paths]
    if not roots:
        stored = json.loads(get_meta(db, "roots") or "[]")
        roots = [Path(p) for p in stored]
    if not roots:
        raise DatabaseError("Nothing to index: give a file or folder.")
    settings = settings or find_settings(roots)
    version = pipeline_version(settings, model)
    report = IndexReport()
    candidates, problems = discover(roots)
    # The database may live inside the folder it indexes: never read it (or its WAL) as an article.
    own = _db_path(db)
    own_files = {own + suffix for suffix in ("", "-wal", "-shm", "-journal")}
    candidates = [c for c in candidates if os.path.abspath(c.path) not in own_files]
    report.problems.extend(problems)
    cache_size = None
    try:
        cache_size = db.execute("PRAGMA cache_size").fetchone()[0]
        db.execute(f"PRAGMA cache_size = -{INDEX_CACHE_KIB}")
        if rebuild:
            _clear(db)
        stored_files = {
            r[0]: (r[1], r[2], r[3], r[4])
            for r in db.execute("SELECT path, content_hash, size, mtime_ns, pipeline_version FROM files").fetchall()
        }
        with db.atomic():
            set_meta(db, "settings", json.dumps(settings.to_dict()))
            known_roots = set(json.loads(get_meta(db, "roots") or "[]"))
            set_meta(db, "roots", json.dumps(sorted(known_roots | {str(r.resolve()) for r in roots})))
        if remove_missing:
            report.removed = _remove_missing(db, roots, {c.path for c in candidates}, stored_files)
        todo = []
        for candidate in candidates:
            stored = stored_files.get(candidate.path)
            if stored and stored[1] == candidate.size and stored[2] == candidate.mtime_ns and stored[3] == version:
                report.unchanged += _article_count(db, candidate.path)
                continue
            todo.append(candidate)
        if len(todo) >= DEFER_FULL_TEXT_FILES:
            with db.atomic():
                defer_full_text(db)
                # Writing most of the briefing: its read indexes are built once, below.
                if len(todo) >= len(stored_files):
                    defer_read_indexes(db)
        _run(db, todo, stored_files, settings, model, version, jobs, report, progress, len(candidates) - len(todo), len(candidates))
        # Before the briefing-wide steps, which read by them; also builds those a stopped run left out.
        build_read_indexes(db)
        if db.execute("SELECT count(*) FROM pending").fetchone()[0]:
            _reconcile(db, settings, model, version, jobs)
        # Also finishes what a run stopped before this point left out of the index.
        catch_up_full_text(db)
        # Articles written (their words) or re-extracted (settings may name new speakers), or
        # left by a stopped run; a run that changed nothing writes nothing.
        if report.added or report.updated or db.execute("SELECT 1 FROM words_pending LIMIT 1").fetchone():
            update_words(db)
    except sqlite3.OperationalError as err:
        raise DatabaseError(describe_write_error(_db_path(db), err)) from None
    finally:
        if cache_size is not None:
            with contextlib.suppress(sqlite3.Error):
                db.execute(f"PRAGMA cache_size = {int(cache_size)}")
    return report


def _db_path(db: sqlite_utils.Database) -> str:
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] if row else "the database"


def _clear(db: sqlite_utils.Database) -> None:
    with db.atomic():
        tables = ("quotes", "events", "articles", "files", "speakers", "pending", "timeline_dates", "words", "words_pending")
        for table in tables:
            db.execute(f"DELETE FROM {table}")
        db.execute("DELETE FROM meta WHERE key IN (?, ?)", [SUMMARY_KEY, MOST_QUOTED_KEY])


def _article_count(db: sqlite_utils.Database, file: str) -> int:
    return db.execute("SELECT count(*) FROM articles WHERE file = ?", [file]).fetchone()[0]


def _remove_missing(db, roots: list[Path], found: set[str], stored_files: dict) -> int:
    folders = [str(r) for r in roots if r.is_dir()]
    gone = [
        path
        for path in stored_files
        if path not in found and any(path == f or path.startswith(f.rstrip(os.sep) + os.sep) for f in folders)
    ]
    return _remove_files(db, gone)


def _remove_files(db, paths: list[str]) -> int:
    """Remove these files' articles (their links owed again) and the files' rows; return how many articles."""
    removed = 0
    with db.atomic():
        for path in paths:
            for (article_id,) in db.execute("SELECT id FROM articles WHERE file = ?", [path]).fetchall():
                _owe_links(db, article_id)
                delete_article(db, article_id)
                removed += 1
            db.execute("DELETE FROM files WHERE path = ?", [path])
        if paths:
            prune_speakers(db)
    return removed


#: Meta key: the bundled sample folder last indexed into this database.
BUNDLE_KEY = "bundle"


def index_bundle(db: sqlite_utils.Database, bundle: Path | str, **options) -> IndexReport:
    """Index the bundled sample briefing, first removing what an earlier copy of it put here.

    The sample moves when briefing is installed again elsewhere (another checkout, another
    virtualenv): without this, the database would hold the sample twice, from both places.
    """
    folder = str(Path(bundle).expanduser().resolve())
    previous = get_meta(db, BUNDLE_KEY)
    removed = 0
    if previous and previous != folder:
        prefix = previous.rstrip(os.sep) + os.sep
        stale = [r[0] for r in db.execute("SELECT path FROM files").fetchall() if r[0].startswith(prefix)]
        removed = _remove_files(db, stale)
        with db.atomic():
            roots = [r for r in json.loads(get_meta(db, "roots") or "[]") if r != previous]
            set_meta(db, "roots", json.dumps(roots))
    with db.atomic():
        set_meta(db, BUNDLE_KEY, folder)
    report = index_paths(db, [Path(bundle)], **options)
    report.removed += removed
    return report


def _results(todo, stored_files, stored_articles_of, settings, model, context, jobs, pipeline) -> Iterator[_FileResult]:
    def args(candidate):
        stored = stored_files.get(candidate.path)
        # Same bytes read by other rules or settings (a new version) are extracted again.
        same_version = stored is not None and stored[3] == pipeline
        return (candidate, stored[0] if same_version else None, stored_articles_of(candidate.path), settings, model, context)

    if jobs <= 1 or len(todo) < 2 * jobs:
        for candidate in todo:
            yield _process_file(*args(candidate))
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        # Bounded look-ahead keeps memory flat on huge folders.
        pending = []
        queue = iter(todo)
        for candidate in queue:
            pending.append(pool.submit(_process_file, *args(candidate)))
            if len(pending) >= jobs * 8:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()


def _run(db, todo, stored_files, settings, model, version, jobs, report, progress, done, total) -> bool:
    changed = False
    # Only dated articles are extracted here (undated ones wait for `_reconcile`), and a dated
    # article's date needs no context: an empty one spares reading the briefing for each run.
    context = BriefingContext()

    def stored_articles_of(path: str) -> dict[str, str]:
        return {
            r[0]: r[1]
            for r in db.execute(
                "SELECT path, content_hash FROM articles WHERE file = ? AND pipeline_version = ?", [path, version]
            ).fetchall()
        }

    results = _results(todo, stored_files, stored_articles_of, settings, model, context, jobs, version)
    exhausted = False
    while not exhausted:
        # One transaction a batch: a kill loses at most this batch, never leaves half an article.
        with db.atomic():
            started, in_batch = time.monotonic(), 0
            for result in results:
                changed |= _apply(db, result, settings, version, report)
                done += 1
                in_batch += 1
                if progress:
                    progress(done, total, result.candidate.path)
                if in_batch >= BATCH_FILES or time.monotonic() - started > BATCH_SECONDS:
                    break
            else:
                exhausted = True
    return changed


def _apply(db, result: _FileResult, settings: Settings, version: str, report: IndexReport) -> bool:
    """Write one file's outcome; True when the database content changed."""
    candidate = result.candidate
    report.problems.extend(result.problems)
    file_row = {
        "path": candidate.path,
        "content_hash": result.content_hash,
        "size": candidate.size,
        "mtime_ns": candidate.mtime_ns,
        "pipeline_version": version,
    }
    if result.content_hash is None:
        return False  # unreadable now: keep whatever was indexed from it before
    if result.unchanged:
        _record_file(db, file_row)
        report.unchanged += _article_count(db, candidate.path)
        return False
    if not result.articles and any(p.skipped for p in result.problems):
        return False  # unparseable now: keep the previous version, retry next run
    existing = {
        r[0]: r[1] for r in db.execute("SELECT path, id FROM articles WHERE file = ?", [candidate.path]).fetchall()
    }
    changed = False
    for article, digest, extraction in result.articles:
        if extraction is None:
            report.unchanged += 1
            continue
        if article.path in existing:
            _owe_links(db, existing[article.path])  # the events it had are relinked too
        _owe_links(db, write_article(db, article, candidate.path, digest, extraction, settings, version))
        if not article.published:
            _owe(db, article.path)
        report.words += article.words
        if article.path in existing:
            report.updated += 1
        else:
            report.added += 1
        changed = True
    kept = {a.path for a, _, _ in result.articles}
    for path, article_id in existing.items():
        if path not in kept:
            _owe_links(db, article_id)
            delete_article(db, article_id)
            report.removed += 1
            changed = True
    _record_file(db, file_row)
    return changed


def _record_file(db, row: dict) -> None:
    """Insert or update a file's row (what the next run's stat and hash checks compare with)."""
    db.execute(
        "INSERT INTO files (path, content_hash, size, mtime_ns, pipeline_version) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(path) DO UPDATE SET content_hash = excluded.content_hash, size = excluded.size, "
        "mtime_ns = excluded.mtime_ns, pipeline_version = excluded.pipeline_version",
        [row["path"], row["content_hash"], row["size"], row["mtime_ns"], row["pipeline_version"]],
    )


def _owe(db, path: str) -> None:
    """Record briefing-wide work owed: an article path for its inferred date (or a link key)."""
    db.execute("INSERT OR IGNORE INTO pending (path) VALUES (?)", [path])


# Keys of link work owed in `pending`, beside article paths. They start with NUL, which no path
# holds. "" (written by earlier versions) means: relink everything.
_RELINK_ALL = ""
_STATEMENTS = "\0statements"
_WEEK = "\0week:"
_VALUE = "\0value:"


def _owe_links(db, article_id: int) -> None:
    """Owe the relinking of an article's statements and of the weeks and dates its events are on
    (called for the events it has before a change and those it has after)."""
    _owe(db, _STATEMENTS)
    db.execute(
        "INSERT OR IGNORE INTO pending (path) SELECT DISTINCT CASE WHEN " + _SHORT_EVENT +
        " THEN ? || date(e.day_first, '-6 days', 'weekday 1') ELSE ? || e.value END "
        "FROM events e WHERE e.article_id = ?",
        [_WEEK, _VALUE, article_id],
    )


def _extract_all(articles: list[ParsedArticle], settings, model, context, jobs: int):
    """(article, extraction) for each article, over `jobs` processes when there are many."""
    if jobs <= 1 or len(articles) < 2 * jobs:
        for article in articles:
            yield article, _safe_extract(article, settings, model, context, [])
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chunk = max(1, len(articles) // (jobs * 8))
        extractions = pool.map(_extract_one, articles, [(settings, model, context)] * len(articles), chunksize=chunk)
        yield from zip(articles, extractions)


def _extract_one(article: ParsedArticle, config) -> Extraction:
    settings, model, context = config
    return _safe_extract(article, settings, model, context, [])


def _reconcile(db, settings: Settings, model: str | None, version: str, jobs: int = 1) -> None:
    """Briefing-wide steps after articles changed: date undated articles, link across sources.

    An article with no date of its own is extracted again once the whole run is in, so its
    inferred date can lean on every dated article of the briefing, including those indexed
    after it in the same run. (Older undated articles keep the date inferred when they were
    indexed; `--rebuild` infers every date again.)
    """
    # Only dated articles feed the context, so one context serves every undated article.
    context = context_from_db(db)
    paths = [r[0] for r in db.execute("SELECT path FROM pending WHERE path != '' AND substr(path, 1, 1) != char(0)")]
    rows = {}
    for path in paths:
        row = db.execute(
            "SELECT path, file, content_hash, text, body_start, body_end, outlet, title, byline, place, url, "
            "captured, copyright_year, format, id FROM articles WHERE path = ?",
            [path],
        ).fetchone()
        if row is not None:
            rows[path] = row
    articles = [
        ParsedArticle(
            path=row[0], text=row[3], body_start=row[4], body_end=row[5], outlet=row[6], title=row[7],
            byline=row[8], place=row[9], url=row[10], captured=row[11], copyright_year=row[12], format=row[13],
        )
        for row in rows.values()
    ]
    with db.atomic():
        for article, extraction in _extract_all(articles, settings, model, context, jobs):
            row = rows[article.path]
            _owe_links(db, row[14])
            _owe_links(db, write_article(db, article, row[1], row[2], extraction, settings, version))
    # The linkers own their transactions; "pending" is cleared only after they are done, so
    # a run killed in between links again next time.
    _link_across_sources(db, [r[0] for r in db.execute("SELECT path FROM pending")])
    with db.atomic():
        prune_speakers(db)
        # Read by every app start: counting a large briefing's quotes there would hold it up.
        set_meta(db, MOST_QUOTED_KEY, json.dumps(count_most_quoted(db)))
        store_timeline_summary(db)
        db.execute("DELETE FROM pending")


def _link_across_sources(db, owed: list[str]) -> None:
    """Relink what the `owed` keys name: statements, and events on the weeks and dates given."""
    from briefing.core.nlp.crosslink import link_statements
    from briefing.core.timeline_links import link_events

    whole = _RELINK_ALL in owed
    if whole or _STATEMENTS in owed:
        link_statements(db)
    if whole:
        link_events(db)
        return
    weeks = {dt.date.fromisoformat(key[len(_WEEK):]) for key in owed if key.startswith(_WEEK)}
    values = {key[len(_VALUE):] for key in owed if key.startswith(_VALUE)}
    if weeks or values:
        link_events(db, weeks, values)
