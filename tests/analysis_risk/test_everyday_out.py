"""Everyday sentences with "out" and no risk (found 2026-12-02, after the ninth round; fixed at the screen in the tenth).

The sentence model (no lexicon rule fires) rates some plain errands and outings as ideation: "I was out all
night." 0.97, "I took the dog out twice." 0.86, "Took the trash out." 0.78, "I ran out of milk." 0.74, each over
the 0.70 threshold, so a client would be asked "Are you safe?" after writing one. The bank has "I want out",
"take myself out", "checking out" and few everyday "out" negatives, and the encoder puts these close. A retrain
with everyday negatives is the fix (docs/risk.md, "Ninth round", what is left); it waits on the retrain that
closes the artefact/script gap (tests/analysis_risk/test_artefact.py). Until then the failing cases are a strict
expected failure, so the day they pass the mark must go; the everyday sentences that already pass are held.
The same look showed a miss the other way: "I want to check out for good." scores 0.06 (no rule, and the model
does not carry "checking out permanently", 0.90, to it); held the same way.
The sentences are written for this test, none from the bank or a challenge batch (asserted below).
Tenth round: both are fixed at the screen, not in the model (no retrain): the model's alarm on a sentence whose only
ambiguous word sits in an everyday construction is set aside (reason ``everyday_word``), and "check out for good" is
a lexicon phrase; the strict marks went. More both ways in test_lexicon_tenth_round.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reverie.analysis.risk import screen

BANK = Path(__file__).resolve().parents[2] / "scripts" / "risk_paraphrases.jsonl"

FLAGGED_NOW = (
    "I took the dog out twice.",
    "I ran out of milk.",
    "Took the trash out.",
    "I was out all night.",
)
MISSED_NOW = ("I want to check out for good.",)
EVERYDAY = (
    "I took the car in for a service.",
    "I took my meds this morning.",
    "I took a nap after lunch.",
    "I took the afternoon off.",
    "I went out for a run.",
    "I put the washing out.",
    "I took the bins out before work.",
    "I took the long way home.",
    "I took my mum out for dinner.",
    "I cleaned out the garage.",
    "I checked out early from the hotel.",
    "I finished everything on my list tonight.",
    "I gave away some old clothes.",
    "I sorted out my will with the solicitor, boring admin.",
)


def test_none_of_these_sentences_is_in_the_training_bank() -> None:
    bank = {
        json.loads(line)["text"].strip().lower()
        for line in BANK.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    assert not {s.lower() for s in FLAGGED_NOW + MISSED_NOW + EVERYDAY} & bank


@pytest.mark.slow
@pytest.mark.parametrize("sentence", EVERYDAY)
def test_everyday_sentences_raise_no_risk(sentence: str) -> None:
    assert screen(sentence).level == "none"


@pytest.mark.slow
@pytest.mark.parametrize("sentence", FLAGGED_NOW)
def test_everyday_out_sentences_raise_no_risk(sentence: str) -> None:
    # tenth round: the screen sets the model's alarm aside (the model alone still scores them over the threshold)
    result = screen(sentence)
    assert result.level == "none"
    assert (
        any(s.reason == "everyday_word" for s in result.suppressed)
        or (result.model_score or 0) < result.threshold
    )


@pytest.mark.slow
@pytest.mark.parametrize("sentence", MISSED_NOW)
def test_checking_out_for_good_is_ideation(sentence: str) -> None:
    # tenth round: the lexicon's "check_out_for_good"
    assert screen(sentence).level in {"ideation", "behavior", "attempt"}
