"""Review r108 of risk 2.7.0, fixed in 2.8.1 (h124) (h120, thirty-third round): the session-note reported forms read history and accidents
as current risk.

Notes written for this review. On risk 2.6.3 (7d14241, the parent of h120's branch) none of these raised anything in
`session_note`; on 2.7.0 the reported-shorthand rule ("reported SI") ignores a past time and a "none since" /
"resolved", and the reported self-harm rule reads an accidental burn ("burned her arms on the oven ... an accident")
as `behavior`. A `session_note` screen is what ``care.services.alerts.screen_at_save`` runs on a therapist's note.

2.8.1: a reported form bounded to the past is history, read as a recovery line is (``recovery``, at most an
indicator), unless its clause tells of now; a reported injury passes the same injury guard the writer's own does.
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


@pytest.mark.parametrize(
    "note",
    [
        "Client reports SH as a teenager.",
        "She reported cutting her arms as a teenager.",
        "He reported SI, now resolved.",
        "She reports SI in the past, no longer.",
    ],
)
def test_reported_history_counts_as_an_indicator(note: str) -> None:
    """The history is kept (an indicator the therapist sees), set aside as a recovery line is."""
    result = risk.screen(note, "session_note", model=False)
    assert result.level == "indicator", result.to_data()
    assert [s["reason"] for s in result.to_data()["suppressed"]] == ["recovery"]


@pytest.mark.parametrize(
    ("note", "level"),
    [
        ("She reported SI in 2019 and again this week.", "ideation"),
        ("She reported SI at age 15; today she reports SI.", "ideation"),
        ("Client reported SI during her admission last month.", "ideation"),
        ("Client reports SH as a teenager, still cutting.", "behavior"),
        ("She reported SI in 2019, none since. Today she reports SI again.", "ideation"),
        ("She burned her arms with a lighter.", "behavior"),
        ("She reported burning her arms on purpose on the oven.", "behavior"),
    ],
)
def test_a_past_or_an_injury_beside_a_current_risk_keeps_it(note: str, level: str) -> None:
    result = risk.screen(note, "session_note", model=False)
    assert result.level == level, result.to_data()


def test_a_reported_accident_by_accident_is_not_self_harm() -> None:
    result = risk.screen(
        "She reported burning her arms on the oven by accident.", "session_note", model=False
    )
    assert not result.flagged, result.to_data()
    assert [s["reason"] for s in result.to_data()["suppressed"]] == ["injury"]
