"""Eighth round: recovery lines, everyday purposes and passing discomforts, each tested both ways (docs/risk.md,
"Eighth round").

Every sentence here was written for this test; none is a sentence of a challenge batch or of the training bank.
The lexicon is read directly (``lex.read``: what each phrase counts for and why it was set aside), and the screen
with ``model=False`` (the lexicon alone), so these tests hold whatever the model does.
"""

from __future__ import annotations

import pytest

from reverie.analysis import risk_lexicon as lex
from reverie.analysis.risk import (
    FEATURE_REASONS,
    LEVELS,
    REASONS,
    RULE_FEATURES,
    SENTENCE_FEATURES,
    screen,
    sentence_spans,
)


def _top(text: str) -> int:
    return max((h.level for h in lex.read(text)), default=0)


def _why(text: str) -> set[str]:
    return {h.reason for h in lex.read(text) if h.reason}


def _reasons(text: str) -> list[str | None]:
    return lex.sentence_reasons(text, "free_association", sentence_spans(text))


def test_the_new_reasons_set_aside_but_keep_the_artefacts_layout() -> None:
    # "accident": sixteenth round; "figurative": risk 2.14.0 (h167)
    assert REASONS[len(FEATURE_REASONS) :] == ("recovery", "everyday", "accident", "figurative")
    assert not {"recovery", "everyday", "accident", "figurative"} & set(FEATURE_REASONS)
    assert len(RULE_FEATURES) == 20 and len(SENTENCE_FEATURES) == 15


# --------------------------------------------------------------------------------------------------------------
# Recovery lines: a self-harm act or a wish told as history come through
# --------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Three years since I last cut my arms, and I wore a T-shirt to the barbecue.",
        "It has been eighteen months since I last hurt myself.",
        "The last time I burned my skin was in 2017, at university.",
        "Nine months clean from self-harm as of this morning.",
        "clean of cutting for over a year now and my scars are fading",
        "I used to hit myself when I panicked but I stopped years ago.",
    ],
)
def test_a_recovery_line_is_set_aside_as_recovery(text: str) -> None:
    assert "recovery" in _why(text), lex.read(text)
    assert _top(text) <= lex.INDICATOR
    assert not screen(text, model=False).flagged


@pytest.mark.parametrize(
    "text",
    [
        "I'm grateful I survived that night in the car park.",
        "Honestly I'm relieved the attempt didn't work, I would have missed my niece growing up.",
        "A whole year self-harm free, my therapist bought me a cake.",
    ],
)
def test_a_recovery_sentence_is_not_raised_by_the_model(text: str) -> None:
    assert "recovery" in _reasons(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # a relapse is not a recovery line
        ("I relapsed last night and burned my arm with the lighter again.", "behavior"),
        ("Two years since I last cut myself, but tonight I cut my leg again.", "behavior"),
        ("I'd been clean for a year until Friday, when I cut my arms.", "behavior"),
        # a recovery told with a wish now is not set aside
        ("Four months since I last hurt myself and now I want to kill myself.", "behavior"),
        # a past attempt told as history keeps the level the C-SSRS gives it, whatever surrounds it
        ("It's been three years since I tried to kill myself.", "attempt"),
        ("I'm glad I'm still here, but in 2019 I overdosed on my sleeping pills.", "attempt"),
        # an act told plainly in the past, with no recovery evidence, is still self-harm
        ("Last spring I cut my arms most nights.", "behavior"),
    ],
)
def test_not_a_recovery_line(text: str, level: str) -> None:
    assert "recovery" not in _why(text), lex.read(text)
    assert screen(text, model=False).level == level


@pytest.mark.parametrize(
    "text",
    [
        "I'm not glad I survived, I wish it had worked.",
        "Five weeks since I last cut, and the urge is back tonight.",
        "It's been a year since my last attempt and I'm planning another.",
        "Seven months clean from cutting and I'm tempted tonight.",
        "Two years since I last cut and I keep thinking about doing it.",
    ],
)
def test_no_recovery_reason_for_the_sentence(text: str) -> None:
    assert "recovery" not in _reasons(text)


# --------------------------------------------------------------------------------------------------------------
# Means or a dose for an everyday purpose the writer names
# --------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Bought a coil of rope at the builders' merchant to lash the canoe to the trailer.",
        "got rope at the market for the goats, they keep escaping",
        "Googled how many ibuprofen I would need for the camping trip in August.",
        "Got some rope. For the washing line.",
    ],
)
def test_an_everyday_purpose_sets_the_means_aside(text: str) -> None:
    assert "everyday" in _why(text), lex.read(text)
    assert not screen(text, model=False).flagged


@pytest.mark.parametrize(
    "text",
    [
        # a cover story someone was told is not the writer's purpose
        "I bought rope at the hardware store and told the cashier it was for the tent.",
        # no purpose, or a purpose that is the writer
        "Bought some rope today and put it under the bed.",
        "Bought a rope. For me.",
        "I got a rope for the beam in the loft.",
        # a purpose after a break in the clause
        "Bought rope, just in case, for the car.",
    ],
)
def test_no_everyday_purpose(text: str) -> None:
    assert "everyday" not in _why(text), lex.read(text)
    assert LEVELS.index(screen(text, model=False).level) >= LEVELS.index("behavior")


# --------------------------------------------------------------------------------------------------------------
# A passing discomfort said as a death wish
# --------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "So humid this afternoon I want to die, the fan broke.",
        "i was so embarrassed in assembly i wanna die lol",
        "Walked home so cold I could just die.",
    ],
)
def test_a_passing_discomfort_is_a_figure_of_speech(text: str) -> None:
    assert "figure_of_speech" in _why(text), lex.read(text)
    assert not screen(text, model=False).flagged


@pytest.mark.parametrize(
    "text",
    [
        "I'm so tired of everything I want to die.",
        "every day so sad, want to die only",
        "Want to die already lah, so useless.",
    ],
)
def test_a_death_wish_with_no_passing_discomfort_stays(text: str) -> None:
    assert "figure_of_speech" not in _why(text), lex.read(text)
    assert screen(text, model=False).flagged
