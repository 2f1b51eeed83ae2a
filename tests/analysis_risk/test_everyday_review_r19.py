"""Everyday entries from review r19's batch (tests written in voices unlike the project's own) that the sentence
model alone flags at ideation, with no risk words: a passing panic attack, a clear-out, a sports setback, missing a
dead parent, a contract that makes no sense. They are issue 12's open false-alarm goal (docs/risk.md), kept here as
strict expected failures so that each passes, and must be unmarked, the day a model stops flagging it. Scores on
main at 2b2e716: 0.73, 0.99, 0.74, 0.84, 0.96 (threshold 0.70). Since risk 2.6.0 (h38, docs/risk.md) the contract
line's model-alone flag is set aside: it resembles no written crisis line (cosine under 0.35), so it is unmarked."""

from __future__ import annotations

import pytest

from reverie.analysis.risk import screen

EVERYDAY = [
    "Had a panic attack in the supermarket queue. My heart was going crazy and I left the basket and went to sit in "
    "the car. After 20 minutes it passed.",
    "Cleaned out the garage. Found my old skateboard and a box of letters from my first girlfriend. Kept the letters, "
    "donated the board.",
    "Coach benched me for the whole second half. He says I don't track back. Maybe he's right, I was so tired. "
    "Still, it sucked watching from the bench.",
    "I miss my mother's voice. It has been two years. Sometimes I play her old voicemail just to hear her say 'call "
    "me back, sweetheart'.",
    "He keeps saying the contract is fine. That doesn't make sense.",
]
PASSING = ["He keeps saying the contract is fine. That doesn't make sense."]  # since risk 2.6.0 (h38)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(t, marks=pytest.mark.xfail(strict=True, reason="sentence model alone (issue 12)"))
        for t in EVERYDAY
        if t not in PASSING
    ]
    + PASSING,
)
def test_an_everyday_entry_from_an_unseen_voice_is_not_flagged(text: str) -> None:
    result = screen(text)
    assert not result.flagged, result.to_data()


def test_the_everyday_alarms_are_the_sentence_models_alone_so_the_client_sees_the_gentle_check_in() -> None:
    """While they remain, each is a model-alone alarm: the client's check-in says Reverie may have misread."""
    assert all(screen(t).model_alone for t in EVERYDAY if screen(t).flagged)
