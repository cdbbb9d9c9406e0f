"""Ingest and NLP on files without a database (`briefing extract`): the same rules as an index."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefing.core.errors import EXTRACTION_FAILED, failure_reason
from briefing.core.ingest import parse_file
from briefing.core.models import EVENT_FIELDS, QUOTE_FIELDS, Extraction, FileProblem, ParsedArticle, public_fields
from briefing.core.nlp.context import BriefingContext, context_from_extractions
from briefing.core.settings import Settings, find_settings, load_settings


@dataclass
class ExtractResult:
    """Articles as JSON-ready dicts, and the files that could not be read."""

    articles: list[dict] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)


def settings_for(paths: list[str], settings_path: Path | None = None) -> Settings:
    """Explicit settings, else what an index of these files reads (`find_settings`): a
    briefing.toml beside them, else the defaults named after their folder."""
    if settings_path:
        return load_settings(settings_path)
    return find_settings([Path(p) for p in paths])


def extract_files(paths: list[str], *, model: str | None = None, settings_path: Path | None = None) -> ExtractResult:
    """Parse and extract every file; undated articles are dated with the others as context."""
    from briefing.core.nlp.pipeline import Extractor

    settings = settings_for(paths, settings_path)
    extractor = Extractor(settings, model)
    result = ExtractResult()
    parsed: list[ParsedArticle] = []
    for path in paths:
        try:
            items = parse_file(path)
        except Exception as err:  # a reader's bug, memory: this file's failure, not the command's end
            items = [FileProblem(path, failure_reason("could not be read", err))]
        for item in items:
            if isinstance(item, FileProblem):
                result.problems.append({"path": item.path, "reason": item.reason, "skipped": item.skipped})
            else:
                parsed.append(item)
                for warning in item.warnings:
                    result.problems.append({"path": path, "reason": warning, "skipped": False})
    extractions: dict[int, Extraction] = {}
    failed: set[int] = set()

    def extract(n: int, article: ParsedArticle, context: BriefingContext | None = None) -> None:
        try:
            extractions[n] = extractor.extract(article, context)
        except Exception as err:
            failed.add(n)
            result.problems.append({"path": article.path, "reason": failure_reason(EXTRACTION_FAILED, err), "skipped": True})

    # Dated articles first: their dates are the context that dates the others.
    for n, article in enumerate(parsed):
        if article.published:
            extract(n, article)
    for n, article in enumerate(parsed):
        if not article.published:
            extract(n, article, _context(parsed, extractions, exclude=n))
    for n, article in enumerate(parsed):
        if n not in failed:
            result.articles.append(article_json(article, extractions[n]))
    return result


def _context(parsed: list[ParsedArticle], extractions: dict[int, Extraction], exclude: int) -> BriefingContext:
    return context_from_extractions((article, extractions[n]) for n, article in enumerate(parsed) if n != exclude and n in extractions)


def article_json(article: ParsedArticle, extraction: Extraction) -> dict:
    """One article as `briefing extract --json` prints it."""
    published, source, reason = article.published, article.published_source, article.published_reason
    if not published and extraction.inferred_published:
        published, source, reason = extraction.inferred_published, "inferred", extraction.inferred_reason
    return {
        "path": article.path,
        "outlet": article.outlet,
        "title": article.title,
        "published": published,
        "published_source": source,
        "published_reason": reason,
        "place": article.place,
        "byline": article.byline,
        "url": article.url,
        "captured": article.captured,
        "words": article.words,
        "quotes": [dict(public_fields(q, QUOTE_FIELDS), parent=q.parent) for q in extraction.quotes],
        # The article's own dates (role "dateline") are listed with the events, marked so.
        "events": [public_fields(e, EVENT_FIELDS) for e in sorted((*extraction.datelines, *extraction.events), key=lambda e: e.start)],
    }
