"""An errand told with the particle first is an everyday construction for a model-alone alarm (risk 2.4.1).

A QA tester's "Taking out the trash." was read as ideation by the sentence model alone (0.84). "took the dog out"
was already an everyday construction (``out_errand``); the same errand with "out" before its object is
``out_errand_first``. Guard words, a counted phrase anywhere in the entry, and a means taken out keep the alarm."""

from __future__ import annotations

import pytest

from reverie.analysis import risk_lexicon as lex
from reverie.analysis.risk import screen


@pytest.mark.parametrize(
    "text",
    ["Taking out the trash.", "Took out the bins before work.", "Brought out a cake for her birthday."],
)
def test_an_errand_with_the_particle_first_is_everyday(text: str) -> None:
    found = lex.everyday_word(text, 0, len(text))
    assert found is not None and found[0] in {"out_errand", "out_errand_first"}
    assert screen(text).level == "none"


@pytest.mark.parametrize(
    "text",
    [
        "I took out the pills and counted them.",  # a means: a counted phrase
        "I took out the rope from the garage.",  # a means: a guard word
        "Taking out my life savings to give away.",  # life is never an errand's object
        "I want to take out everyone who hurt me and then myself.",  # guard words
    ],
)
def test_a_means_a_wish_or_a_life_taken_out_keeps_its_alarm(text: str) -> None:
    assert screen(text).level != "none"
