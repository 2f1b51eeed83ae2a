"""Review r112 of risk 2.8.2 (h126): places read as self-harm context, accidents read as doubted, current SI silenced.

Journal lines screened as entries, notes as ``session_note`` (what ``care.services.alerts.screen_at_save`` runs).
"""

from __future__ import annotations

import pytest

from reverie.analysis import risk


@pytest.mark.parametrize(
    "entry",
    [
        "I cut my leg on the car door.",
        "I burned my arm on the car seat.",
        "I burned my leg on the car exhaust.",
        "I scratched my arm on the bed frame.",
    ],
)
def test_everyday_injury_on_a_car_or_bed_part_is_not_self_harm(entry: str) -> None:
    """A client writes "I cut my leg on the car door." and her journal raises self-harm at `behavior` (2.8.1 raised
    nothing). 2.8.2's ``HARM_PLACES_TOOLS`` takes "car"/"bed" after "on the" as a place, so "on the car door" or "on the
    bed frame" no longer names what the cut or burn was made on. It is an everyday injury and should raise no
    self-harm alert."""
    result = risk.screen(entry)
    assert result.level not in ("behavior", "attempt"), result.to_data()


@pytest.mark.parametrize(
    "note",
    [
        "She cut her leg on the car door, an accident.",
    ],
)
def test_reported_accident_on_a_car_part_is_not_self_harm(note: str) -> None:
    """A therapist writes "She cut her leg on the car door, an accident." and the note raises self-harm at `behavior`
    (2.8.1: nothing): 2.8.2's place guard drops "on the car door" as an injury context, and "an accident" is not one of
    the injury constructions. A stated accident nobody doubts should raise no alert."""
    result = risk.screen(note, "session_note")
    assert result.level not in ("behavior", "attempt"), result.to_data()


@pytest.mark.parametrize(
    "note",
    [
        "SI at age 15, now again.",
        "Reported SI in 2019; current SI.",
        "Client reports SI in 2019, recurring.",
        "She reported SI at age 15, which has come back.",
    ],
)
def test_current_si_after_a_past_bound_is_not_silenced(note: str) -> None:
    """A therapist writes "SI at age 15, now again." or "Client reports SI in 2019, recurring." and no ideation alert is
    raised (`none` or `indicator`, on 2.8.1 and 2.8.2 alike): the bound is read as history and "recurring",
    "has come back", "current SI" in the next part, or a note with no reporting verb, are not read as now. The note
    tells of suicidal ideation now; it should raise at least `ideation`."""
    result = risk.screen(note, "session_note")
    assert result.level in ("ideation", "behavior", "attempt"), result.to_data()
