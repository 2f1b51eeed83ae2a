"""Review r113: risk 2.6.3 -> 2.8.3 on places, instruments and "since" (false alarms at `behavior` that 2.6.3 did not raise)."""

from __future__ import annotations

import pytest

from reverie.analysis import risk

BEHAVIOR = risk.LEVELS.index("behavior")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("cut myself on the bathroom floor tile, stupid broken glass", "free_association"),
        ("burned my wrist on the lighter lighting candles, ouch", "free_association"),
        ("He reported SH in the past; not since 2020.", "session_note"),
    ],
)
def test_everyday_injury_or_history_is_not_self_harm_behavior(text: str, kind: str) -> None:
    """A client who cut herself on broken floor tile, or burned a wrist lighting candles, and a note of self-harm
    "in the past; not since 2020", are read at `behavior` by 2.8.3 (2.6.3: none): the writer sees the safety-plan
    flow and the therapist an alert for self-harm. They should read below `behavior` (an accident, or history)."""
    assert risk.LEVELS.index(risk.screen(text, kind=kind).level) < BEHAVIOR
