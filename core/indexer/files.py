"""Reading and extracting files for an index run, in this process or in a pool of workers."""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from briefing.core.errors import EXTRACTION_FAILED, failure_reason
from briefing.core.ingest import READ_VERSION, Candidate, parse_bytes, read_bytes
from briefing.core.ingest.decode import NotText
from briefing.core.models import Extraction, FileProblem, ParsedArticle
from briefing.core.nlp.context import BriefingContext
from briefing.core.settings import Settings


def settings_fingerprint(settings: Settings) -> str:
    """Short hash of the settings that change extraction (focus speakers and their aliases).

    The user's own names (`aliases`, `hidden`) are applied when speakers are named across the
    briefing, after extraction: changing them extracts nothing again."""
    data = settings.to_dict()
    for key in ("path", "title", "columns", "aliases", "hidden"):
        data.pop(key, None)
    return hashlib.sha1(json.dumps(data, sort_keys=True).encode()).hexdigest()[:8]


def pipeline_version(settings: Settings, model: str | None = None) -> str:
    """Version stamp of reading + rules + model + settings: a change reads and extracts every article again."""
    from briefing.core.nlp.rules_version import rules_version

    version = f"{rules_version()}.r{READ_VERSION}-{settings_fingerprint(settings)}"
    return version + (f"+{model}" if model else "")


def article_hash(article: ParsedArticle) -> str:
    """Content hash of one article: its text and the metadata ingest read."""
    digest = hashlib.sha256(article.text.encode("utf-8", "surrogatepass"))
    for value in (article.title, article.outlet, article.published, article.place, article.byline, article.url):
        digest.update(b"\x00" + (value or "").encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@dataclass(frozen=True)
class ExtractionSetup:
    """What articles are extracted with: the briefing's settings, an optional trained model, and
    the dates the briefing's dated articles give (which date an article with none of its own)."""

    settings: Settings
    model: str | None = None
    context: BriefingContext = field(default_factory=BriefingContext)


@dataclass(frozen=True)
class KnownFile:
    """What the store holds of a file: its content hash when read by the same rules (else None),
    and the content hashes of its articles extracted by them, by article path."""

    content_hash: str | None = None
    articles: dict[str, str] = field(default_factory=dict)


@dataclass
class FileResult:
    """What a worker did with one file."""

    candidate: Candidate
    content_hash: str | None = None
    unchanged: bool = False
    #: (article, content hash, extraction): None for an unchanged article; an article with no
    #: date of its own is extracted later, once, when the whole briefing can date it.
    articles: list[tuple[ParsedArticle, str, Extraction | None]] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    #: Paths of the articles whose extraction failed: their text is kept, and they are tried again next run.
    failed: set[str] = field(default_factory=set)


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


def process_file(candidate: Candidate, known: KnownFile, setup: ExtractionSetup) -> FileResult:
    """Read, parse and extract one file (runs in a worker process with --jobs).

    Never raises: whatever goes wrong with this file (a reader's bug, memory) is this file's
    named failure, and the run goes on with the next.
    """
    try:
        return _process_file(candidate, known, setup)
    except Exception as err:
        return FileResult(candidate, problems=[FileProblem(candidate.path, failure_reason("could not be read", err))])


def _process_file(candidate: Candidate, known: KnownFile, setup: ExtractionSetup) -> FileResult:
    result = FileResult(candidate)
    try:
        data = read_bytes(candidate.path)
    except NotText as err:
        result.problems.append(FileProblem(candidate.path, str(err)))
        return result
    result.content_hash = hashlib.sha256(data).hexdigest()
    if known.content_hash == result.content_hash:
        result.unchanged = True
        return result
    for item in parse_bytes(candidate.path, data):
        if isinstance(item, FileProblem):
            result.problems.append(item)
            continue
        digest = article_hash(item)
        if known.articles.get(item.path) == digest:
            result.articles.append((item, digest, None))  # unchanged article in a changed file
            continue
        for warning in item.warnings:
            result.problems.append(FileProblem(candidate.path, warning, skipped=False))
        if item.published:
            extraction, problem = safe_extract(item, setup)
            if problem:
                result.problems.append(problem)
                result.failed.add(item.path)
        else:
            extraction = Extraction()  # placeholder: the run extracts it at its end, with the full context
        result.articles.append((item, digest, extraction))
    return result


def safe_extract(article: ParsedArticle, setup: ExtractionSetup) -> tuple[Extraction, FileProblem | None]:
    """Extract, or say why not: a rule bug or a lack of memory must not stop the run or lose the
    article. A failure is the article's named failure; its text is indexed, and the run that
    meets it leaves it to be extracted again by the next."""
    try:
        return _extractor(setup.settings, setup.model).extract(article, setup.context), None
    except Exception as err:
        reason = failure_reason(EXTRACTION_FAILED, err)
        return Extraction(), FileProblem(article.path, reason + "; its text is indexed, and the next run tries again")


#: How often a worker looks whether the run that started it is still there, in seconds.
PARENT_CHECK_SECONDS = 0.5


def worker_pool(jobs: int) -> ProcessPoolExecutor:
    """`jobs` worker processes that end when the run that started them ends, however it ends.

    A run killed (SIGKILL, or SIGTERM, which Python does not catch) cannot shut its pool
    down: its workers would wait for work forever. Each watches its parent instead.
    """
    return ProcessPoolExecutor(max_workers=jobs, initializer=_end_with_parent, initargs=(os.getpid(),))


def _end_with_parent(parent: int) -> None:
    """In a worker: end this process as soon as `parent` is no longer its parent."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)  # nothing of the worker's is worth keeping: its results had nowhere to go

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def process_files(
    todo: list[Candidate], known: Callable[[Candidate], KnownFile], setup: ExtractionSetup, jobs: int
) -> Iterator[FileResult]:
    """`process_file` for each candidate, in order, over `jobs` processes when there are many."""
    if jobs <= 1 or len(todo) < 2 * jobs:
        for candidate in todo:
            yield process_file(candidate, known(candidate), setup)
        return
    with worker_pool(jobs) as pool:
        # Bounded look-ahead keeps memory flat on huge folders.
        pending = []
        queue = iter(todo)
        for candidate in queue:
            pending.append(pool.submit(process_file, candidate, known(candidate), setup))
            if len(pending) >= jobs * 8:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()


def extract_all(
    articles: list[ParsedArticle], setup: ExtractionSetup, jobs: int
) -> Iterator[tuple[ParsedArticle, Extraction, FileProblem | None]]:
    """(article, extraction, failure or None) for each article, in order, over `jobs` processes when there are many."""
    if jobs <= 1 or len(articles) < 2 * jobs:
        for article in articles:
            yield article, *safe_extract(article, setup)
        return
    with worker_pool(jobs) as pool:
        chunk = max(1, len(articles) // (jobs * 8))
        outcomes = pool.map(safe_extract, articles, [setup] * len(articles), chunksize=chunk)
        for article, (extraction, problem) in zip(articles, outcomes):
            yield article, extraction, problem
