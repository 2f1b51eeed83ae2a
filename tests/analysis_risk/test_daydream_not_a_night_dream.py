"""Review r27: a daydream is waking imagery; the risk screen never reads it as a night dream's content (moved from
tests/review_r27)."""

from __future__ import annotations

import pytest

from reverie.analysis import risk
from reverie.analysis import risk_lexicon as lex

ONE_WORD = "In my daydream I jump off the bridge and it is all over."


@pytest.mark.parametrize("spelling", ["day dream", "day-dream", "Day Dream"])
def test_a_day_dream_spelled_apart_is_screened_as_a_daydream_not_a_night_dream(spelling: str) -> None:
    """ "In my day dream I jump off the bridge …" in a daydream entry is screened as "In my daydream …" is (ideation)."""
    expected = risk.screen(ONE_WORD, "daydream").level
    assert expected == "ideation"
    assert risk.screen(ONE_WORD.replace("daydream", spelling), "daydream").level == expected


@pytest.mark.parametrize(
    "text", ["I day dream about the sea.", "Day-dreaming again at work.", "day  dreamt of it", "DAY DREAMS"]
)
def test_a_daydream_spelled_apart_is_not_a_night_dream_word(text: str) -> None:
    assert not lex.mentions_dream(lex.normalise(text))


@pytest.mark.parametrize(
    "text",
    ["I dreamt of the sea.", "Last night's dream.", "The day I dreamed it.", "a nightmare all day, dream on"],
)
def test_a_night_dream_is_still_one(text: str) -> None:
    assert lex.mentions_dream(lex.normalise(text))
