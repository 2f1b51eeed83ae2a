"""A lie-in said as not waking up until a day or a clock time is a figure of speech; without one it stays ideation."""

from __future__ import annotations

import pytest

from reverie.analysis.risk import screen


@pytest.mark.parametrize(
    "text",
    [
        "gonna sleep and not wake up til mon 😂",
        "Night shift done, going to sleep and not wake up till noon.",
        "Plan for Saturday: fall asleep and never wake up before 11am.",
    ],
)
def test_a_lie_in_until_a_day_or_a_time_is_not_flagged(text: str) -> None:
    assert not screen(text, model=True).flagged


@pytest.mark.parametrize(
    "text",
    [
        "I want to go to sleep and not wake up until it's all over.",
        "I just want to sleep and never wake up.",
        "Hoping I don't wake up tomorrow.",
    ],
)
def test_not_waking_up_without_a_time_stays_a_death_wish(text: str) -> None:
    result = screen(text, model=True)
    assert result.flagged and result.level in ("ideation", "behavior", "attempt")
