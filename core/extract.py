"""Ingest and NLP on files without a database (`briefing extract`): the same rules as an index."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing.core.errors import EXTRACTION_FAILED, failure_reason
from briefing.core.identity.clues import article_clues
from briefing.core.identity.resolve import (
    DESCRIBED,
    KIND_DESCRIPTION,
    SAME_SOURCE,
    Identities,
    SpeakerUse,
    identify,
    kind_of,
)
from briefing.core.ingest import discover, parse_file
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
    """Parse and extract every file; undated articles are dated with the others as context, and
    speakers are named across all of them as in one briefing."""
    settings = settings_for(paths, settings_path)
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

    def failed(article: ParsedArticle, err: Exception) -> None:
        result.problems.append({"path": article.path, "reason": failure_reason(EXTRACTION_FAILED, err), "skipped": True})

    extractions, _identities = extract_briefing(parsed, settings, model, on_failure=failed)
    for n, article in enumerate(parsed):
        if n in extractions:
            result.articles.append(article_json(article, extractions[n]))
    return result


def extract_briefing(
    parsed: list[ParsedArticle],
    settings: Settings,
    model: str | None = None,
    on_failure: Callable[[ParsedArticle, Exception], None] | None = None,
) -> tuple[dict[int, Extraction], Identities]:
    """Extract articles read together as one briefing: undated ones dated from the others, then
    every speaker named across all of them (by article number). An article that cannot be
    extracted is left out and told to `on_failure` (raised when there is none)."""
    from briefing.core.nlp.pipeline import Extractor

    extractor = Extractor(settings, model)
    extractions: dict[int, Extraction] = {}

    def extract(n: int, article: ParsedArticle, context: BriefingContext | None = None) -> None:
        try:
            extractions[n] = extractor.extract(article, context)
        except Exception as err:
            if on_failure is None:
                raise
            on_failure(article, err)

    # Dated articles first: their dates are the context that dates the others.
    for n, article in enumerate(parsed):
        if article.published:
            extract(n, article)
    for n, article in enumerate(parsed):
        if not article.published:
            extract(n, article, _context(parsed, extractions, exclude=n))
    return name_speakers(parsed, extractions, settings)


def name_speakers(
    parsed: list[ParsedArticle], extractions: dict[int, Extraction], settings: Settings
) -> tuple[dict[int, Extraction], Identities]:
    """The extractions with each speaker named across the files given, as an index run names them
    across a briefing (core.identity: one person, one name), and the names given."""
    written: dict[tuple[int, str], set[str]] = defaultdict(set)
    quotes: Counter = Counter()
    for n, extraction in extractions.items():
        for quote in extraction.quotes:
            written[(n, quote.speaker)].add(quote.speaker_as_written)
            quotes[(n, quote.speaker)] += 1
    uses = [SpeakerUse(n, spelling, tuple(sorted(w for w in written[(n, spelling)] if w)), quotes[(n, spelling)]) for n, spelling in quotes]
    identities = identify(
        uses,
        {n: article_clues(article.body) for n, article in enumerate(parsed)},
        {n: article.outlet for n, article in enumerate(parsed)},
        aliases=settings.alias_map,
        fixed=[s.name for s in settings.speakers],
    )
    named = {}
    for n, extraction in extractions.items():
        renamed = []
        for quote in extraction.quotes:
            name = identities.name(n, quote.speaker)
            renamed.append(quote if name == quote.speaker else replace(quote, speaker=name, group=settings.group_of(name) or quote.group))
        named[n] = replace(extraction, quotes=tuple(renamed))
    return named, identities


@dataclass(frozen=True)
class StartingSettings:
    """What `briefing init` writes for a folder: its title, the columns, the spellings merged."""

    title: str
    columns: tuple[str, ...]
    #: (spelling, name, why) for each spelling shown under another name everywhere it is used.
    aliases: tuple[tuple[str, str, str], ...]
    articles: int
    problems: list[FileProblem]


#: Rules that join a spelling to a name in one article only ("the company" is another company
#: in another article): not written as aliases, which hold everywhere.
_ARTICLE_RULES = frozenset({DESCRIBED, SAME_SOURCE})


def starting_settings(folder: Path, *, model: str | None = None, columns: int = 3) -> StartingSettings:
    """Read and extract a folder's articles as one briefing (no database, no settings) and say what
    its first settings file holds: the folder's name as title, the most quoted named speakers
    (people first) as columns, and the spellings merged everywhere the same way as aliases."""
    candidates, problems = discover([folder])
    parsed = []
    for candidate in candidates:
        for item in parse_file(candidate.path):
            if isinstance(item, FileProblem):
                problems.append(item)
            else:
                parsed.append(item)
    settings = Settings(title=folder.name)
    extractions, identities = extract_briefing(parsed, settings, model)
    counts: Counter = Counter()
    for extraction in extractions.values():
        counts.update(q.speaker for q in extraction.quotes if q.speaker)
    kinds = {n.name: n.kind for n in identities.namings.values()}
    named = [name for name, _n in counts.most_common() if kinds.get(name, kind_of(name)) != KIND_DESCRIPTION]
    top = sorted(named[:columns], key=lambda name: {"person": 0, "group": 1}.get(kinds.get(name, ""), 2))
    by_spelling: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for (_n, spelling), naming in identities.namings.items():
        by_spelling[spelling].add((naming.name, naming.rule, naming.because))
    aliases = []
    for spelling, found in sorted(by_spelling.items()):
        if len(found) == 1:
            name, rule, because = next(iter(found))
            if rule and rule not in _ARTICLE_RULES and spelling and name != spelling:
                aliases.append((spelling, name, f"{rule}: {because}"))
    return StartingSettings(folder.name, tuple(top), tuple(aliases), len(parsed), problems)


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
