"""Score quote extraction against the hand-annotated seeds: `python -m bench.quotes [--json]`.

A system quote matches a gold quote when at least 30% of the gold quote's words appear in the
system quote in order (longest common subsequence of normalised words over the gold length);
the strict level asks for 80%. Matching is one-to-one and maximal: an enclosing reported
statement and the fragment quoted inside it are two gold quotes, and each system quote can
stand for only one of them. Speaker accuracy is measured over the 30% matches, comparing
canonical names without regard to case or diacritics. `--speed` measures words per second of
the default pipeline over the seeds repeated.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from briefing.core.ingest import articles_in
from briefing.core.linking.statements import lcs_length, quote_words
from briefing.core.models import ParsedArticle, Quote
from briefing.core.nlp.speakers import normalise
from briefing.core.settings import Settings, find_settings

ROOT = Path(__file__).resolve().parents[1]
#: The bundled sample's articles and the project's own hand annotations of them.
DEFAULT_SEEDS = ROOT / "data"
DEFAULT_GOLD = ROOT / "tests" / "gold" / "seeds_quotes.tsv"
#: The overlap levels reported: lenient (the issue's bar) and strict.
LEVELS = (0.3, 0.8)


@dataclass(frozen=True)
class GoldQuote:
    """One line of the gold file."""

    file: str
    speaker: str
    kind: str
    cue: str
    text: str


@dataclass(frozen=True)
class Counts:
    """Matches at one overlap level, with precision, recall and F1."""

    matched: int
    system: int
    gold: int

    @property
    def precision(self) -> float:
        """Share of system quotes that match a gold quote."""
        return self.matched / self.system if self.system else 1.0 if not self.gold else 0.0

    @property
    def recall(self) -> float:
        """Share of gold quotes matched."""
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        """Plain dict for JSON."""
        return {"matched": self.matched, "system": self.system, "gold": self.gold,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class FileScore:
    """Scores of one article (or of all together)."""

    file: str
    levels: dict[float, Counts]
    speaker_correct: int
    speaker_total: int
    #: (gold text, gold speaker, system speaker) for every match with the wrong speaker.
    wrong_speakers: list[tuple[str, str, str]] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def speaker_accuracy(self) -> float:
        """Share of 30% matches whose speaker is right."""
        return self.speaker_correct / self.speaker_total if self.speaker_total else 1.0

    def to_dict(self) -> dict:
        """Plain dict for JSON."""
        return {
            "file": self.file,
            **{f"at_{int(level * 100)}": counts.to_dict() for level, counts in self.levels.items()},
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "speaker_matches": self.speaker_total,
            "wrong_speakers": [list(w) for w in self.wrong_speakers],
            "missed": self.missed,
            "spurious": self.spurious,
        }


@dataclass
class Report:
    """Per-file scores and their total."""

    files: list[FileScore]
    overall: FileScore

    def to_dict(self) -> dict:
        """Plain dict for JSON."""
        return {"overall": self.overall.to_dict(), "files": [f.to_dict() for f in self.files]}


def load_gold(path: Path = DEFAULT_GOLD) -> list[GoldQuote]:
    """The gold quotes of a TSV file (file, speaker, kind, cue, quote)."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [GoldQuote(r["file"], r["speaker"], r["kind"], r["cue"], r["quote"]) for r in reader]


def overlap(gold: list[str], system: list[str]) -> float:
    """Share of the gold words found in the system quote, in order."""
    return lcs_length(gold, system) / len(gold) if gold else 0.0


def match(gold: list[str], system: list[str], threshold: float) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs whose overlap reaches the threshold.

    As many pairs as possible and, among those, the best fitting ones: each allowed pair weighs
    2 + its fit (the overlap plus the share of the system quote's words in the gold quote, so
    an enclosing statement and the fragment inside it each go to their own gold quote), and the
    assignment of greatest total weight is found with the Hungarian method.
    """
    gold_words = [quote_words(g) for g in gold]
    system_words = [quote_words(s) for s in system]
    weights = []
    for gw in gold_words:
        row = []
        for sw in system_words:
            common = lcs_length(gw, sw)
            cover = common / len(gw) if gw else 0.0
            row.append(2 + cover + (common / len(sw) if sw else 0.0) if cover >= threshold else 0.0)
        weights.append(row)
    return [(g, j) for g, j in _assign(weights) if weights[g][j] > 0]


def _assign(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Row-column pairs of greatest total weight (Hungarian method with potentials, O(n²m))."""
    rows, cols = len(weights), len(weights[0]) if weights else 0
    if not rows or not cols:
        return []
    transpose = rows > cols
    if transpose:
        weights = [list(column) for column in zip(*weights)]
        rows, cols = cols, rows
    top = max(max(row) for row in weights)
    cost = [[top - w for w in row] for row in weights]
    inf = float("inf")
    u, v = [0.0] * (rows + 1), [0.0] * (cols + 1)
    owner, way = [0] * (cols + 1), [0] * (cols + 1)
    for r in range(1, rows + 1):
        owner[0], col = r, 0
        least, used = [inf] * (cols + 1), [False] * (cols + 1)
        while True:
            used[col] = True
            row, delta, nxt = owner[col], inf, 0
            for c in range(1, cols + 1):
                if not used[c]:
                    reduced = cost[row - 1][c - 1] - u[row] - v[c]
                    if reduced < least[c]:
                        least[c], way[c] = reduced, col
                    if least[c] < delta:
                        delta, nxt = least[c], c
            for c in range(cols + 1):
                if used[c]:
                    u[owner[c]] += delta
                    v[c] -= delta
                else:
                    least[c] -= delta
            col = nxt
            if owner[col] == 0:
                break
        while col:
            owner[col] = owner[way[col]]
            col = way[col]
    pairs = [(owner[c] - 1, c - 1) for c in range(1, cols + 1) if owner[c]]
    return sorted((c, r) if transpose else (r, c) for r, c in pairs)


def score_file(name: str, gold: list[GoldQuote], system: list[Quote]) -> FileScore:
    """Scores of one article's quotes against its gold quotes."""
    levels = {}
    pairs_at = {}
    for level in LEVELS:
        pairs = match([g.text for g in gold], [q.text for q in system], level)
        pairs_at[level] = pairs
        levels[level] = Counts(len(pairs), len(system), len(gold))
    lenient = pairs_at[LEVELS[0]]
    wrong = [
        (gold[g].text, gold[g].speaker, system[j].speaker)
        for g, j in lenient
        if normalise(gold[g].speaker) != normalise(system[j].speaker)
    ]
    matched_gold = {g for g, _ in lenient}
    matched_system = {j for _, j in lenient}
    return FileScore(
        file=name,
        levels=levels,
        speaker_correct=len(lenient) - len(wrong),
        speaker_total=len(lenient),
        wrong_speakers=wrong,
        missed=[g.text for i, g in enumerate(gold) if i not in matched_gold],
        spurious=[q.text for j, q in enumerate(system) if j not in matched_system],
    )


def score(gold: list[GoldQuote], system: dict[str, list[Quote]]) -> Report:
    """Score system quotes (by file name) against gold quotes; files in either are counted."""
    names = sorted({g.file for g in gold} | set(system))
    files = [score_file(name, [g for g in gold if g.file == name], list(system.get(name, ()))) for name in names]
    overall = FileScore(
        file="overall",
        levels={
            level: Counts(
                sum(f.levels[level].matched for f in files),
                sum(f.levels[level].system for f in files),
                sum(f.levels[level].gold for f in files),
            )
            for level in LEVELS
        },
        speaker_correct=sum(f.speaker_correct for f in files),
        speaker_total=sum(f.speaker_total for f in files),
        wrong_speakers=[w for f in files for w in f.wrong_speakers],
    )
    return Report(files, overall)


def seed_articles(seeds: Path = DEFAULT_SEEDS) -> list[ParsedArticle]:
    """The seed articles as ingest reads them (body offsets set)."""
    return [article for path in sorted(seeds.glob("*.txt")) for article in articles_in(path)]


def extract(articles: list[ParsedArticle], settings: Settings) -> dict[str, list[Quote]]:
    """Run the default pipeline; quotes by file name."""
    from briefing.core.nlp.pipeline import Extractor

    extractor = Extractor(settings)
    return {Path(a.path).name: list(extractor.extract(a).quotes) for a in articles}


def run(seeds: Path = DEFAULT_SEEDS, gold_path: Path = DEFAULT_GOLD) -> Report:
    """Extract the seeds with their briefing settings and score them against the gold file."""
    settings = find_settings([ROOT / "data"]) if not (seeds / "briefing.toml").is_file() else find_settings([seeds])
    return score(load_gold(gold_path), extract(seed_articles(seeds), settings))


def measure_speed(seeds: Path = DEFAULT_SEEDS, repeat: int = 200) -> dict:
    """Words per second of `Extractor.extract` over the seeds repeated (one core, warm)."""
    from briefing.core.nlp.pipeline import Extractor

    articles = seed_articles(seeds)
    extractor = Extractor(find_settings([ROOT / "data"]))
    for article in articles:
        extractor.extract(article)
    words = sum(a.words for a in articles) * repeat
    started = time.perf_counter()
    for _ in range(repeat):
        for article in articles:
            extractor.extract(article)
    seconds = time.perf_counter() - started
    return {"words": words, "seconds": round(seconds, 3), "words_per_s": round(words / seconds)}


def _print(report: Report) -> None:
    header = f"{'file':28} {'P@30':>6} {'R@30':>6} {'F1@30':>6} {'P@80':>6} {'R@80':>6} {'F1@80':>6} {'speaker':>8}"
    print(header)
    for row in [*report.files, report.overall]:
        lenient, strict = row.levels[LEVELS[0]], row.levels[LEVELS[1]]
        print(
            f"{row.file:28} {lenient.precision:6.3f} {lenient.recall:6.3f} {lenient.f1:6.3f} "
            f"{strict.precision:6.3f} {strict.recall:6.3f} {strict.f1:6.3f} {row.speaker_accuracy:8.3f}"
        )
    overall = report.overall.levels[LEVELS[0]]
    print(f"\n{overall.matched} of {overall.gold} gold quotes matched by {overall.system} system quotes "
          f"(30% level); speakers right in {report.overall.speaker_correct} of {report.overall.speaker_total}.")
    for row in report.files:
        for text in row.missed:
            print(f"  missed   {row.file}: {text[:90]}")
        for text in row.spurious:
            print(f"  spurious {row.file}: {text[:90]}")
    for text, want, got in report.overall.wrong_speakers:
        print(f"  speaker  {text[:60]!r}: gold {want!r}, system {got!r}")


def main(argv: list[str] | None = None) -> int:
    """Command line: print the scores (or JSON), optionally the speed."""
    parser = argparse.ArgumentParser(prog="python -m bench.quotes", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of seed articles")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold quotes TSV")
    parser.add_argument("--speed", action="store_true", help="also measure words per second")
    parser.add_argument("--repeat", type=int, default=200, help="times the seeds are read for --speed")
    args = parser.parse_args(argv)
    report = run(args.seeds, args.gold)
    speed = measure_speed(args.seeds, args.repeat) if args.speed else None
    if args.json:
        data = report.to_dict()
        if speed:
            data["speed"] = speed
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        _print(report)
        if speed:
            print(f"\nspeed: {speed['words_per_s']:,} words/s ({speed['words']:,} words in {speed['seconds']} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
