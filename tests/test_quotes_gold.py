"""The quote scorer, and the issue's bar on the hand-annotated seeds."""

from __future__ import annotations

import json

import pytest
from briefing.core.linking.statements import quote_words
from briefing.core.models import Quote

from bench import quotes as bench
from bench.quotes import GoldQuote, match, overlap, score


def quote(text: str, speaker: str = "NATO") -> Quote:
    return Quote(0, len(text), text, "direct", "said", speaker, speaker, "named")


def gold(text: str, speaker: str = "NATO", file: str = "a.txt") -> GoldQuote:
    return GoldQuote(file, speaker, "direct", "said", text)


def test_overlap_counts_gold_words_in_order_ignoring_case_and_punctuation():
    g = quote_words("We will not tolerate the pogrom of Serbs.")
    assert overlap(g, quote_words("“We will NOT tolerate the pogrom of Serbs,”")) == 1.0
    assert overlap(g, quote_words("tolerate")) == 1 / 8
    # Order matters: the same words reversed share only one in order.
    assert overlap(["a", "b", "c"], ["c", "b", "a"]) == 1 / 3


def test_matching_is_one_to_one_and_maximal():
    # The enclosing statement covers both gold texts; the fragment covers only the short one.
    # A greedy matcher could give the statement to the fragment's gold and leave one unmatched.
    golds = ["countering the most active fringes of the crowd", "19 soldiers who were countering the most active fringes of the crowd on Monday became targets of attacks"]
    systems = ["19 soldiers who were countering the most active fringes of the crowd on Monday became targets of attacks", "countering the most active fringes of the crowd"]
    assert match(golds, systems, 0.3) == [(0, 1), (1, 0)]
    # With the statement alone, only one gold quote can have it.
    assert len(match(golds, systems[:1], 0.3)) == 1


def test_levels_and_speaker_accuracy():
    report = score(
        [gold("one two three four five six seven eight nine ten"), gold("alpha beta gamma delta", "Giorgia Meloni")],
        {"a.txt": [quote("one two three four"), quote("Alpha, beta, gamma, delta!", "giorgia meloni"), quote("unrelated words")]},
    )
    lenient, strict = report.overall.levels[0.3], report.overall.levels[0.8]
    assert (lenient.matched, lenient.system, lenient.gold) == (2, 3, 2)
    assert (strict.matched, strict.precision, strict.recall) == (1, 1 / 3, 0.5)
    assert lenient.f1 == pytest.approx(2 * (2 / 3) * 1 / (2 / 3 + 1))
    # Speakers compare case-insensitively; "NATO" against the gold "NATO" is right too.
    assert report.overall.speaker_accuracy == 1.0
    assert report.files[0].spurious == ["unrelated words"]


def test_a_wrong_speaker_is_reported():
    report = score([gold("we will stay here", "Aleksandar Vucic")], {"a.txt": [quote("we will stay here", "Albin Kurti")]})
    assert report.overall.speaker_accuracy == 0.0
    assert report.overall.wrong_speakers == [("we will stay here", "Aleksandar Vucic", "Albin Kurti")]


def test_files_without_system_quotes_count_as_missed():
    report = score([gold("we will stay here", file="b.txt")], {})
    assert report.overall.levels[0.3].recall == 0.0 and report.files[0].missed == ["we will stay here"]


def test_seeds_meet_the_bar():
    report = bench.run()
    lenient = report.overall.levels[0.3]
    assert lenient.f1 >= 0.95, report.to_dict()
    assert report.overall.speaker_accuracy >= 0.95, report.overall.wrong_speakers


def test_command_line_prints_json(capsys):
    assert bench.main(["--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["overall"]) >= {"at_30", "at_80", "speaker_accuracy"}
    assert [f["file"] for f in data["files"]] == sorted(f["file"] for f in data["files"])
