"""Layer 1.13.0 (e16): two feelings the writer names in one sentence are both theirs. A word names its family and
the head's chosen member may rename it ("I hate Mondays": annoyance), but not into a member that another of the
writer's own words already names: in "I felt grateful and calm" the calm is the relief, and "grateful" stayed
gratitude no more (it was renamed relief and lost). Sentences written for these tests."""

from __future__ import annotations

import pytest
from emotion_scope_kit import decide_text


@pytest.mark.parametrize(
    ("text", "given", "kept"),
    [
        ("I felt grateful and calm afterwards.", {"relief": 0.6, "gratitude": 0.1}, {"gratitude", "relief"}),
        (
            "Proud and relieved when the last box was in the van.",
            {"relief": 0.6, "pride": 0.05},
            {"pride", "relief"},
        ),
        ("I was grateful, and calm for the first time in weeks.", {"relief": 0.5}, {"gratitude", "relief"}),
    ],
)
def test_two_named_feelings_are_both_the_writers(text: str, given: dict[str, float], kept: set[str]) -> None:
    assert kept <= set(decide_text(text, **given))


@pytest.mark.parametrize(
    ("text", "given", "label", "absent"),
    [
        # one word: the head still names the member ("hate" is the anger family; the head chose annoyance)
        ("I hate Mondays.", {"annoyance": 0.6}, "annoyance", "anger"),
        ("Mondays, I hate them so much.", {"annoyance": 0.6}, "annoyance", "anger"),
    ],
)
def test_a_single_word_is_still_named_by_the_heads_member(
    text: str, given: dict[str, float], label: str, absent: str
) -> None:
    labels = decide_text(text, **given)
    assert label in labels and absent not in labels
