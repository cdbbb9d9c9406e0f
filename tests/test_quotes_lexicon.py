"""The reporting-verb data: every form a verb takes is a cue."""

from __future__ import annotations

import pytest
from briefing.core.nlp.cue_verbs import VERBS
from briefing.core.nlp.lexicon import forms


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("say", ("say", "says", "said", "saying")),
        ("urge", ("urge", "urges", "urged", "urging")),
        ("deny", ("deny", "denies", "denied", "denying")),
        ("stress", ("stress", "stresses", "stressed", "stressing")),
        ("admit", ("admit", "admits", "admitted", "admitting")),
        ("call on", ("call on", "calls on", "called on", "calling on")),
        ("write", ("write", "writes", "wrote", "written", "writing")),
    ],
)
def test_forms(lemma, expected):
    assert forms(lemma) == expected


@pytest.mark.parametrize(
    ("form", "lemma", "cls"),
    [
        ("said", "say", "bare"),
        ("insisted", "insist", "bare"),
        ("stressed", "stress", "object"),
        ("noted", "note", "that"),
        ("paid tribute to", "pay tribute to", "object"),
        ("ordered", "order", "directive"),
        ("urged", "urge", "directive"),
        ("called on", "call on", "directive"),
        ("described", "describe", "naming"),
        ("condemned", "condemn", "act"),
        ("according to", "according to", "according"),
    ],
)
def test_every_form_maps_to_its_verb_and_class(form, lemma, cls):
    assert VERBS[form] == (lemma, cls)
