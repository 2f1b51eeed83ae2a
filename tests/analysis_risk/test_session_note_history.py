"""Review r108 of risk 2.7.0 (h120, thirty-third round): the session-note reported forms read history and accidents
as current risk.

Notes written for this review. On risk 2.6.3 (7d14241, the parent of h120's branch) none of these raised anything in
`session_note`; on 2.7.0 the reported-shorthand rule ("reported SI") ignores a past time and a "none since" /
"resolved", and the reported self-harm rule reads an accidental burn ("burned her arms on the oven ... an accident")
as `behavior`. A `session_note` screen is what ``care.services.alerts.screen_at_save`` runs on a therapist's note.
"""

from __future__ import annotations

import pytest

from reverie.analysis import risk


@pytest.mark.parametrize(
    "note",
    [
        "She reported SI in 2019, none since.",
        "He denies SI today; reported SI at age 15.",
        "She reported SI during her last admission in 2019, resolved.",
    ],
)
def test_past_si_in_a_note_raises_no_current_ideation(note: str) -> None:
    """A therapist writes "She reported SI in 2019, none since." The client's other therapist gets a risk alert at
    `ideation`, as if the client had ideation now. Before 2.7.0 the note raised nothing. History of ideation that
    the note itself says has resolved (or is denied today) should not raise an ideation alert."""
    result = risk.screen(note, "session_note")
    assert not result.flagged, result.to_data()


def test_an_accidental_burn_in_a_note_is_not_self_harm_behaviour() -> None:
    """A therapist writes "She burned her arms on the oven at work, an accident." 2.7.0 reads it as reported
    self-harm at `behavior` (an alert to the other therapist and a behaviour-level risk); before it raised nothing.
    A workplace accident the note calls an accident is not self-harm."""
    result = risk.screen("She burned her arms on the oven at work, an accident.", "session_note")
    assert result.level not in ("behavior", "attempt"), result.to_data()
