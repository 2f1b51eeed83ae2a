"""The level model (fourteenth round, issue 12): a sentence the screen flags rises to ``behavior`` only where the
level model is confident it tells a preparation, a self-harm act or an aborted act (docs/risk.md, "Fourteenth round").

It never flags a sentence the screen did not flag, never reaches ``attempt``, never reads a sentence set aside, and
the person model never reads it. Sentences written for this test (none from the bank or a challenge batch).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from reverie.analysis.risk import (
    LEVEL_RULE,
    LEVELS,
    RiskModel,
    load_model,
    screen,
    screen_person,
    with_level_model,
)

HERE = Path(__file__).resolve().parent

# Preparations and acts told plainly with no phrase of the lexicon's at behavior: the sentence model flags them at
# ideation and the level model raises them to behavior.
RAISED = (
    "Last night I sat in the bath with the razor and made the first cut before I stopped.",
    "I have sorted my will and cancelled my phone contract so nobody has to deal with it after I am gone.",
    "Stood on the platform tonight waiting for the fast train to come through, then stepped back at the last second.",
)
# Plain wishes: flagged, and left at ideation.
NOT_RAISED = (
    "I just want to die.",
    "Some days I wish I could go to sleep and never wake up.",
)
# Someone else's preparation, or one denied: never raised to behavior.
OTHERS_OR_NEGATED = (
    "My brother wrote goodbye letters and gave his things away before he went into hospital.",
    "My flatmate has been hoarding her tablets and she told me she has chosen the day.",
    "I have not saved up any pills and I have no plan to hurt myself.",
    "I would never actually stand on the bridge, I just think about dying sometimes.",
)


CANDIDATE = HERE.parents[1] / "scripts" / "risk_level"  # written by train_risk.py --level-only; not shipped


@pytest.fixture(scope="module")
def shipped() -> RiskModel:
    """The shipped sentence model with the candidate level model beside it (what shipping it would give)."""
    base = load_model()
    assert base is not None
    model = with_level_model(base, CANDIDATE)
    assert model.level_weights is not None, "the candidate level model is in scripts/risk_level"
    return model


def test_no_level_model_ships() -> None:
    # The lead's check on long real texts (docs/risk.md, "Fourteenth round"): on C-SSRS users' whole texts the level
    # model's "behavior" was right for under half of the texts it raised, at every threshold tried.
    model = load_model()
    assert model is not None and model.level_weights is None
    result = screen(
        "I have sorted my will and cancelled my phone contract so nobody has to deal with it after I am gone."
    )
    assert not any(t.rule == LEVEL_RULE for t in result.triggers)


def test_none_of_these_sentences_is_in_the_bank_or_a_batch(written_texts: frozenset[str]) -> None:
    for text in (*RAISED, *NOT_RAISED, *OTHERS_OR_NEGATED):
        assert text.strip().lower() not in written_texts, text


@pytest.mark.parametrize("text", RAISED)
def test_a_preparation_told_plainly_is_raised_to_behavior(shipped: RiskModel, text: str) -> None:
    without = screen(text, model=dataclasses.replace(shipped, level_weights=None))
    result = screen(text, model=shipped)
    assert without.level == "ideation", without.to_data()
    assert result.level == "behavior", result.to_data()
    raised = [t for t in result.triggers if t.rule == LEVEL_RULE]
    assert raised and all(t.level == "behavior" for t in raised), result.to_data()
    assert set(without.triggers) <= set(result.triggers), "the evidence at ideation is kept"
    assert result.flagged == without.flagged and result.suppressed == without.suppressed


@pytest.mark.parametrize("text", NOT_RAISED)
def test_a_plain_wish_is_not_raised(shipped: RiskModel, text: str) -> None:
    result = screen(text, model=shipped)
    assert result.level == "ideation", result.to_data()
    assert not any(t.rule == LEVEL_RULE for t in result.triggers)


@pytest.mark.parametrize("text", OTHERS_OR_NEGATED)
def test_someone_elses_or_a_denied_preparation_is_not_raised(shipped: RiskModel, text: str) -> None:
    result = screen(text, model=shipped)
    assert LEVELS.index(result.level) < LEVELS.index("behavior"), result.to_data()
    assert not any(t.rule == LEVEL_RULE for t in result.triggers)


def _always_confident(model: RiskModel) -> RiskModel:
    assert model.level_weights is not None
    return dataclasses.replace(
        model, level_weights=np.zeros_like(model.level_weights), level_bias=50.0, level_threshold=0.5
    )


@pytest.mark.parametrize(
    "text",
    (
        "This deadline is killing me.",
        "My brother said he wanted to die.",
        "I feel hopeless about the appeal.",
        "Where did I put the remote?",
        "I don't want to die, I want the pain to stop.",
    ),
)
def test_even_a_level_model_always_confident_flags_nothing_new(shipped: RiskModel, text: str) -> None:
    # by construction: the level model only reads sentences the screen already flags, and never sets aside ones
    before, after = screen(text, model=shipped), screen(text, model=_always_confident(shipped))
    assert after.flagged == before.flagged
    if not before.flagged:
        assert after.level == before.level and after.triggers == before.triggers
    assert after.suppressed == before.suppressed


def test_an_always_confident_level_model_raises_to_behavior_and_never_to_attempt(shipped: RiskModel) -> None:
    model = _always_confident(shipped)
    wish = screen("I just want to die.", model=model)
    assert wish.level == "behavior"
    raised = [t for t in wish.triggers if t.rule == LEVEL_RULE]
    assert raised and all(t.level == "behavior" for t in raised)
    assert any(t.level == "ideation" for t in wish.triggers), "the evidence at ideation is kept"
    attempt = screen("I tried to kill myself last year.", model=model)
    assert attempt.level == "attempt" and not any(t.rule == LEVEL_RULE for t in attempt.triggers)


def test_the_person_model_does_not_read_the_level_model(shipped: RiskModel) -> None:
    texts = ["I counted out all my tablets tonight.", "I just want to die.", "Nice walk by the river."]
    assert screen_person(texts, model=shipped) == screen_person(texts, model=_always_confident(shipped))
    without = dataclasses.replace(shipped, level_weights=None)
    assert screen_person(texts, model=shipped) == screen_person(texts, model=without)
