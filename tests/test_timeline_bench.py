"""The timeline scorer on the hand-annotated seeds: what issue 4 asks for, asserted."""

from __future__ import annotations

import json

import pytest

from bench import timeline


@pytest.fixture(scope="module")
def result():
    """The scorer's result on the seeds, computed once."""
    return timeline.score()


def test_every_gold_expression_is_found(result):
    overall = result["overall"]
    assert overall["gold"] == 18
    assert overall["found"] == overall["gold"], result["files"]


def test_at_least_ninety_percent_resolve_to_the_gold_value(result):
    assert result["overall"]["right_share"] >= 0.9, result["files"]


def test_all_three_publication_dates_are_right(result):
    published = result["published"]
    assert {name: row["system"] for name, row in published.items()} == {
        "000_f5ec45a519c0155c.txt": "2023-05-29",
        "002_9ff1f4b1b3b910a3.txt": "2023-05-30",
        "003_4ab14f8341552d8d.txt": "2023-05-31",
    }
    bloomberg = published["000_f5ec45a519c0155c.txt"]
    assert bloomberg["source"] == "inferred"
    assert "Earlier Monday" in bloomberg["reason"] and "2023-05-29" in bloomberg["reason"]


@pytest.mark.parametrize(
    "gold, system, same",
    [
        ("on Monday", "Monday", True),
        ("Friday", "Friday’s", True),
        ("April's", "in April's", True),
        ("Earlier Monday", "Monday", False),
        ("last week", "last year", False),
    ],
)
def test_span_matching_allows_only_a_preposition_or_possessive(gold, system, same):
    assert (timeline.normalise(gold) == timeline.normalise(system)) is same


def test_command_prints_json(capsys):
    assert timeline.main(["--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["overall"]["found"] == 18 and data["published_right"] == 3
