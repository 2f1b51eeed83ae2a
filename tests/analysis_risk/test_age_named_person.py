"""A person named by their age in a clinical or news note is someone else, not the writer (frozen6, seen)."""

from __future__ import annotations

import pytest

from reverie.analysis.risk import screen


@pytest.mark.parametrize(
    "text",
    [
        "Call at 0200: 33-year-old, took 20 paracetamol after a fight with her partner.",
        "Job at 0900: 27 yo, took 40 tablets of sertraline, conveyed.",
        "Shift note: 24-year-old, drowsy, swallowed 20 co-codamol after an argument, taken to resus.",
    ],
)
def test_an_act_told_of_someone_named_by_age_is_never_the_writers_attempt(text: str) -> None:
    assert screen(text, model=True).level != "attempt"


@pytest.mark.parametrize(
    "text",
    [
        "I'm a 19-year-old and I took 16 paracetamol last night.",
        "At 19 years old took an overdose, and I still think about it.",
        "Took 16 paracetamol after a row.",
        "I was 15 years old when I swallowed a whole box of pills.",
    ],
)
def test_the_writers_own_act_stays_an_attempt_when_an_age_is_named(text: str) -> None:
    assert screen(text, model=True).level == "attempt"
