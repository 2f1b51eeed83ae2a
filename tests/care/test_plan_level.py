"""Review r103 (fixed in the thirty-third round, h120): two first-person entries that name a preparation, saved through the journal with the worker off, reach
the linked therapist's alert at "ideation" only. docs/risk.md's level table puts "preparation, a plan" at
`behavior` (its own examples: "Pills saved.", "counted the pills…"), and issue 12 names this very fault ("Under-rated:
counted the pills… → only ideation"). The level sets the alert's urgency and the check-in's order, so the therapist
reads a written note and a date, or pills set ready, as a passing thought."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care.models import RiskAlert
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db

PREPARED = {
    "note-and-date": "I have written a note and plan to hang myself on Sunday.",
    "pills-ready": "I want to die. I have the pills ready.",
    # h120: other voices of the same preparation
    "letters-going-to": "Wrote letters to the kids, going to hang myself tomorrow.",
    "tablets-got-ready": "cant do this anymore. ive got the tablets ready",
    "rope-is-ready": "Everyone would be better off. The rope is ready.",
    "notes-will": "I've left notes for everyone and I will end my life.",
}
# h120: a plan or a dose with no preparation to die
NOT_PREPARED = {
    "morning-dose": "I have my pills ready for the morning dose.",
    "zoo": "I have a plan for Sunday: the zoo.",
    "landlord": "I wrote a note to the landlord and plan to move out on Sunday.",
    "tablets-collect": "The tablets are ready to collect at the pharmacy.",
}


@pytest.mark.parametrize("body", list(PREPARED.values()), ids=list(PREPARED))
def test_review_r103_a_written_note_or_pills_set_ready_is_behavior(
    body: str, paired: tuple[Any, Any]
) -> None:
    """The client writes "I have written a note and plan to hang myself on Sunday." Their therapist's alert says
    "ideation", the level of "sometimes I wish I wasn't here" (while "I plan to overdose on Friday." and "I wrote my
    suicide note last night." each read "behavior"). It should read "behavior": a plan with a date and a
    preparation made."""
    client, _ = paired
    journal.create_entry(client, EntryDraft(kind="reflection", body=body))
    alert = RiskAlert.objects.get(client=client, source="journal")
    assert alert.level in ("behavior", "attempt"), alert.level


@pytest.mark.parametrize("body", list(NOT_PREPARED.values()), ids=list(NOT_PREPARED))
def test_an_everyday_plan_or_dose_set_ready_is_no_behavior(body: str, paired: tuple[Any, Any]) -> None:
    """h120: "ready" and "plan" alone are not a preparation: pills ready for the morning dose, a plan for the zoo,
    a note to the landlord raise no alert at behavior."""
    client, _ = paired
    journal.create_entry(client, EntryDraft(kind="reflection", body=body))
    assert not RiskAlert.objects.filter(client=client, level__in=("behavior", "attempt")).exists()
