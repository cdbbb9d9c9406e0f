"""Score the timeline against the hand-annotated seeds: `python -m bench.timeline [--json]`.

Measures the share of gold expressions found (exact span, case-insensitive; a leading
preposition or a trailing possessive may differ: "on Monday" matches "Monday", "Friday’s"
matches "Friday"), the share of those resolved to the gold value, and each seed's publication
date against `published_best_estimate`. The seeds are indexed as the indexer does it: dated
articles first, then undated ones with the context the database gives (`context_from_db`).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from briefing.core.ingest import parse_file
from briefing.core.models import Extraction, ParsedArticle
from briefing.core.nlp.pipeline import Extractor
from briefing.core.nlp.rules_version import rules_version
from briefing.core.settings import Settings
from briefing.core.store.context import context_from_db
from briefing.core.store.database import open_database, write_article

ROOT = Path(__file__).resolve().parents[1]
#: The bundled sample's articles and the project's own hand annotations of them.
DEFAULT_SEEDS = ROOT / "data"
DEFAULT_GOLD = ROOT / "tests" / "gold"

#: Words a gold or system span may have in front without counting as a different expression.
_PREPOSITIONS = ("on", "in", "at", "of", "since", "by", "during", "from", "until")


@dataclass
class SeedResult:
    """One seed article after extraction, with its publication date as the briefing has it."""

    article: ParsedArticle
    extraction: Extraction
    published: str | None
    source: str
    reason: str


def normalise(expression: str) -> str:
    """Comparison form of an expression: case, spaces, apostrophes, leading preposition, 's."""
    text = " ".join(expression.replace("’", "'").lower().split())
    first, _, rest = text.partition(" ")
    if first in _PREPOSITIONS and rest:
        text = rest
    if text.endswith("'s"):
        text = text[:-2]
    return text


def load_gold(gold_dir: Path) -> tuple[dict[str, list[dict]], dict[str, dict]]:
    """Gold timeline rows by file, and gold article rows by file."""
    timeline: dict[str, list[dict]] = {}
    with open(gold_dir / "seeds_timeline.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            timeline.setdefault(row["file"], []).append(row)
    with open(gold_dir / "seeds_articles.tsv", encoding="utf-8", newline="") as handle:
        articles = {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}
    return timeline, articles


def extract_seeds(seeds_dir: Path, extractor: Extractor | None = None) -> dict[str, SeedResult]:
    """Index the seed articles into a scratch database the way the indexer does; by file name."""
    extractor = extractor or Extractor(Settings())
    articles = []
    for path in sorted(seeds_dir.glob("*.txt")):
        articles.extend(item for item in parse_file(path) if isinstance(item, ParsedArticle))
    results: dict[str, SeedResult] = {}
    with tempfile.TemporaryDirectory() as scratch:
        db = open_database(Path(scratch) / "bench.db")
        # Dated articles first: their events are the context undated ones are dated by.
        for article in sorted(articles, key=lambda a: a.published is None):
            with db.conn:
                article_id = None
                if article.published is None:
                    article_id = _store(db, article, Extraction(), rules_version())
                context = context_from_db(db, exclude_article_id=article_id)
                extraction = extractor.extract(article, context)
                _store(db, article, extraction, rules_version())
            row = db.execute(
                "SELECT published, published_source, published_reason FROM articles WHERE path = ?", [article.path]
            ).fetchone()
            results[Path(article.path).name] = SeedResult(article, extraction, row[0], row[1], row[2] or "")
        db.conn.close()
    return results


def _store(db, article: ParsedArticle, extraction: Extraction, version: str) -> int:
    digest = hashlib.sha1(article.text.encode("utf-8")).hexdigest()
    return write_article(db, article, article.path, digest, extraction, Settings(), version)


def score(seeds_dir: Path = DEFAULT_SEEDS, gold_dir: Path = DEFAULT_GOLD) -> dict:
    """Found / right counts per file and overall, misses, and publication dates against gold."""
    gold_timeline, gold_articles = load_gold(Path(gold_dir))
    seeds = extract_seeds(Path(seeds_dir))
    files = {}
    total_gold = total_found = total_right = 0
    for name in sorted(set(gold_timeline) | set(seeds)):
        gold_rows = gold_timeline.get(name, [])
        events = list(seeds[name].extraction.events) if name in seeds else []
        used: set[int] = set()
        found = right = 0
        misses = []
        for row in gold_rows:
            want = normalise(row["expression"])
            matches = [n for n, e in enumerate(events) if n not in used and normalise(e.expression) == want]
            if not matches:
                misses.append({"expression": row["expression"], "gold": row["value"], "system": None})
                continue
            correct = [n for n in matches if events[n].value == row["value"]]
            chosen = (correct or matches)[0]
            used.add(chosen)
            found += 1
            if correct:
                right += 1
            else:
                misses.append({"expression": row["expression"], "gold": row["value"], "system": events[chosen].value})
        files[name] = {"gold": len(gold_rows), "found": found, "right": right, "events": len(events), "misses": misses}
        total_gold += len(gold_rows)
        total_found += found
        total_right += right
    published = {}
    for name, gold in sorted(gold_articles.items()):
        seed = seeds.get(name)
        got = seed.published if seed else None
        published[name] = {
            "gold": gold["published_best_estimate"],
            "system": got,
            "source": seed.source if seed else None,
            "reason": seed.reason if seed else "",
            "right": got == gold["published_best_estimate"],
        }
    return {
        "files": files,
        "overall": {
            "gold": total_gold,
            "found": total_found,
            "right": total_right,
            "found_share": total_found / total_gold if total_gold else 1.0,
            # Share of the found expressions that resolve to the gold value.
            "right_share": total_right / total_found if total_found else 1.0,
        },
        "published": published,
        "published_right": sum(p["right"] for p in published.values()),
    }


def _report(result: dict) -> str:
    lines = [f"{'file':<28} {'gold':>5} {'found':>6} {'right':>6}"]
    for name, row in result["files"].items():
        lines.append(f"{name:<28} {row['gold']:>5} {row['found']:>6} {row['right']:>6}")
        for miss in row["misses"]:
            lines.append(f"    miss: {miss['expression']!r} gold {miss['gold']} system {miss['system']}")
    total = result["overall"]
    lines.append(
        f"{'overall':<28} {total['gold']:>5} {total['found']:>6} {total['right']:>6}"
        f"   found {total['found_share']:.1%}, right {total['right_share']:.1%} of found"
    )
    lines.append("")
    lines.append("publication dates")
    for name, row in result["published"].items():
        mark = "ok" if row["right"] else "WRONG"
        lines.append(f"{name:<28} {str(row['system']):<10} ({row['source']})  gold {row['gold']}  {mark}")
        if row["source"] == "inferred":
            lines.append(f"    reason: {row['reason']}")
    lines.append(f"{result['published_right']}/{len(result['published'])} publication dates right")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m bench.timeline", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of seed articles")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="folder with seeds_timeline.tsv and seeds_articles.tsv")
    args = parser.parse_args(argv)
    result = score(args.seeds, args.gold)
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else _report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
