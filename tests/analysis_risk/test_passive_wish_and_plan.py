"""Two missed risk statements found by review r17, fixed by mechanism (h3, risk 2.5.0).

- A passive wish to be dead (C-SSRS ideation, item 1) told as sleep one does not come back from ("fall asleep and
  never come back") or as what the world or the writer's people would gain from their absence ("the world would be
  lighter if I just wasn't in it"): ``never_wake_up`` (widened) and ``world_lighter_without_me``, at ``ideation``.
- A plan: the writer's own intent to kill themselves with a time set or the means at hand ("I'm going to kill myself
  tonight, I have the pills"): ``intent_with_time_or_means``, at ``behavior`` (docs/risk.md: a plan or a chosen date).

r17's two tests (``tests/review_r17/test_r17_faults.py`` on r17, names kept) read the save-time screen through the
journal; here they read :func:`reverie.analysis.risk.screen` with the shipped model, which is what the save-time
screen runs. The rest are sentences written for this test (none from the bank or a challenge batch), both ways: the
family of each statement, and the usual traps (negation, someone else, fiction, idioms of sleep and of killing).
"""

from __future__ import annotations

import pytest

from reverie.analysis import risk_lexicon as lex
from reverie.analysis.risk import screen

LEVEL = {"none": 0, "indicator": 1, "ideation": 2, "behavior": 3, "attempt": 4}
RISKY_LEVELS = ("ideation", "behavior", "attempt")


def _top(text: str) -> int:
    return max((h.level for h in lex.read(text)), default=0)


# --- review r17's two tests, next to the code --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I wish I could fall asleep and never come back.",
        "I keep thinking the world would be lighter if I just wasn't in it.",
    ],
)
def test_passive_wish_to_be_dead_is_flagged(text: str) -> None:
    """Passive wishes to be dead (C-SSRS item 1), which issue 12 names first, are flagged at save."""
    assert screen(text).level in RISKY_LEVELS


def test_plan_with_means_and_time_is_rated_above_ideation() -> None:
    """'I'm going to kill myself tonight, I have the pills.' states a plan, a method and a time: rated above
    ideation (behaviour), so its alert starts more urgent than a passive thought."""
    assert screen("I'm going to kill myself tonight, I have the pills.").level in ("behavior", "attempt")


# --- the family of each statement, by the lexicon alone ---------------------------------------------------------

PASSIVE_WISHES = (
    "Most nights I want to go to sleep and just not come back.",
    "honestly wanna fall asleep & never wake back up",
    "I'd like to close my eyes and not come round this time.",
    "My husband would be happier with me gone, I'm sure of it.",
    "Everybody would be so much better if I wasn't around anymore.",
    "It will be easier for everyone once I'm gone for good.",
    "Things would be a lot calmer without me here.",
    "The world would be a kinder place without me in it.",
)


@pytest.mark.parametrize("text", PASSIVE_WISHES)
def test_a_passive_wish_of_either_family_is_ideation(text: str, written_texts: frozenset[str]) -> None:
    assert text.strip().lower() not in written_texts
    assert _top(text) == LEVEL["ideation"]


PLANS = (
    "I'm going to end my life on Saturday, I've got the tablets.",
    "gonna kill myself tomorrow. the rope is in the shed",
    "I will hang myself when they go to bed.",
    "I've decided to kill myself this weekend.",
    "Im going to kill myself tonite, my dad's gun is loaded.",
    "I'll end it all after my shift, I've saved enough of my meds.",
)


@pytest.mark.parametrize("text", PLANS)
def test_an_intent_with_a_time_or_means_is_behavior(text: str, written_texts: frozenset[str]) -> None:
    assert text.strip().lower() not in written_texts
    assert _top(text) >= LEVEL["behavior"]


# --- the traps: nothing new at ideation or behaviour --------------------------------------------------------------

NOT_WISHES = (
    "I could sleep forever after that flight.",
    "I'd kill for a lie-in tomorrow.",
    "I'm going to go to sleep and not come back to work till Tuesday.",
    "There's a film where a girl falls asleep and never comes back, it scared me as a kid.",
    "The room is lighter when he isn't in it.",
    "The canteen would be better without the new menu.",
    "The world would be a better place if we all recycled.",
    "The team would be happier with me gone for the week, they said, so I booked leave.",
)


@pytest.mark.parametrize("text", NOT_WISHES)
def test_a_trap_of_the_passive_wish_is_not_ideation(text: str, written_texts: frozenset[str]) -> None:
    assert text.strip().lower() not in written_texts
    assert _top(text) < LEVEL["ideation"]


NOT_PLANS = (
    "I'm not going to kill myself tonight, the pills are with my brother now.",
    "He said he's going to kill himself tonight, he has the pills, so I rang 999.",
    "I'm going to kill myself laughing tonight at the panto.",
    "I'm going to kill myself at the gym tomorrow.",
    "I'll kill myself trying to get this report done by Friday.",
    "In the book the soldier says he'll shoot himself at dawn with his own pistol.",
    "My mum's going to kill me tomorrow when she sees the bill.",
)


@pytest.mark.parametrize("text", NOT_PLANS)
def test_a_trap_of_the_plan_is_not_behavior(text: str, written_texts: frozenset[str]) -> None:
    assert text.strip().lower() not in written_texts
    assert _top(text) < LEVEL["behavior"]
