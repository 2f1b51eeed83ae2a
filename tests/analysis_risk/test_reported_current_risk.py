"""Review r111 of risk 2.8.1 (h124), fixed in 2.8.2 (h126): a therapist's note of current risk read as history or as an accident.

Notes written for this review, screened as ``session_note`` (what ``care.services.alerts.screen_at_save`` runs).
On 2.8.0 (1e82017^) every note below raised `ideation` or `behavior`; on 2.8.1 they raise `indicator` or nothing.
"""

from __future__ import annotations

import pytest

from reverie.analysis import risk


@pytest.mark.parametrize(
    "note",
    [
        # "since 2019" starts an ongoing span; it does not bound the SI to the past
        "Reports SI since 2019, daily.",
        # the past word starts the story and the clause says it goes on, in words REPORTED_NOW lacks
        "She reported SI in 2019, and it never stopped.",
        "She reports SI, which began in 2019.",
        "Reports SI, first at age 15, daily with a plan.",
        "Reported SI at age 15 and daily SI with a plan.",
        # the bound belongs to another verb in the clause
        "She no longer takes her meds and reports SI.",
        "She resolved her debts but reports SI.",
    ],
)
def test_current_si_in_a_note_is_not_history(note: str) -> None:
    """A therapist writes "Reports SI since 2019, daily." (or "She no longer takes her meds and reports SI."). 2.8.1
    reads it as history (`recovery`, at most `indicator`): no ideation alert reaches the client's other therapist.
    2.8.0 raised `ideation`. The note tells of suicidal ideation now; it should raise at least `ideation`."""
    result = risk.screen(note, "session_note")
    assert result.level in ("ideation", "behavior", "attempt"), result.to_data()


@pytest.mark.parametrize(
    "note",
    [
        "She cut her arms with a razor while crying.",
        "She cut her arms while alone in her room.",
        "She cut herself while her parents slept.",
        "She cut herself on the razor last night.",
        "She cut her wrists on the bathroom floor.",
        "She cut her thighs at work in the toilets.",
        "She burned herself by accident, she says, but I doubt it.",
    ],
)
def test_reported_self_harm_is_not_an_injury(note: str) -> None:
    """A therapist writes "She cut her arms with a razor while crying." 2.8.1's reported-injury guard
    (``REPORTED_INJURIES``: any "while …", "on the …", "at work", "by accident") sets the self-harm aside and the
    note raises nothing; 2.8.0 raised `behavior`. Cutting with a razor while crying, alone, at night, on the bathroom
    floor (or an "accident" the therapist doubts) is reported self-harm and should stay at `behavior`."""
    result = risk.screen(note, "session_note")
    assert result.level == "behavior", result.to_data()


@pytest.mark.parametrize(
    "entry",
    [
        "I cut my arms with a razor while crying.",
        "I cut myself on the razor last night.",
        "I cut my wrists on the bathroom floor.",
    ],
)
def test_own_self_harm_is_not_an_injury(entry: str) -> None:
    """(Older than 2.8.1: the first-person injury constructions that REPORTED_INJURIES copies.) A client writes "I
    cut my wrists on the bathroom floor." and nothing is raised: "on the bathroom floor" is read as what the cut was
    made on, like "on the bread knife". It should raise self-harm at `behavior` (or above: h126 keeps r111's
    "I cut my wrists" sentence at the `attempt` that "I cut my wrists." alone raises)."""
    result = risk.screen(entry)
    assert result.level in ("behavior", "attempt"), result.to_data()
