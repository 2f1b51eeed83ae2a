"""Review r103 (fixed in the thirty-third round, h120): a progress note that reports, in the therapist's words, what the client said about wanting to die or
hurting themselves. docs/risk.md "Session text" promises: third-person suppression does not apply to session text,
so "a note that reports ideation raises a content-free alert for the linked therapist". With the worker off (the
save's own screen only, the one screen a progress note gets), these everyday clinical sentences raise nothing: the
second therapist linked to the client is never told."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care.models import RiskAlert
from reverie.care.services import alerts, notes

pytestmark = pytest.mark.django_db

REPORTED = {
    "active-reported": "He told me he wants to end his life.",
    "passive-wish": "She wishes she were dead.",
    "not-alive": "He said he does not want to be alive anymore.",
    "shorthand": "Client reports SI.",
    "self-harm-act": "Client admitted to cutting her arms again last night.",
    # h120: other voices of the same report
    "endorses-passive": "Pt endorses passive SI.",
    "disclosed-thoughts": "The client disclosed suicidal thoughts this week.",
    "never-born": "She wished she had never been born.",
    "urges": "He reports urges to self-harm.",
    "still-cutting": "She has been cutting her arms again.",
    "take-her-life": "She told me she wants to take her own life.",
}
# h120: what a note says that is no report of the client's ideation: denied, someone else's, an everyday dose or plan
NOT_REPORTED = {
    "denies-si": "He denies SI.",
    "denies-ideation": "Client denies suicidal ideation.",
    "denied-wanting": "She denied wanting to die.",
    "friend": "She said her friend wants to die",
    "brother": "He told me his brother cut himself last year.",
    "dose": "She keeps her pills ready for the morning dose.",
    "zoo": "He said: I have a plan for Sunday: the zoo.",
}


@pytest.mark.parametrize("text", list(REPORTED.values()), ids=list(REPORTED))
def test_review_r103_a_note_reporting_the_clients_ideation_alerts_the_other_therapist(
    text: str, dit: tuple[Any, Any, Any], make_user: Any
) -> None:
    """The therapist writes the session's progress note: "He told me he wants to end his life." The client's second
    therapist (linked to the same client) sees no alert at all: the screen reads the reported sentence as "none"
    ("indicator" for the self-harm act). As the same sentence in the client's first person ("I want to end my life")
    or quoted ('She said "I wish I were dead"') does, it should raise the content-free alert at ideation or above
    on the colleague's list."""
    from reverie.clinic.services import people

    client, therapist, course = dit
    colleague = make_user(role="therapist")
    people.accept_invitation(colleague, people.issue_invitation(client))
    notes.write_progress_note(therapist, course.id, 1, text)
    raised = RiskAlert.objects.filter(client=client, source="session").first()
    assert raised is not None, f"no alert for the note {text!r}"
    assert raised.level in alerts.RISKY_LEVELS
    assert raised.id in {a.id for a in alerts.open_alerts(colleague)}


@pytest.mark.parametrize("text", list(NOT_REPORTED.values()), ids=list(NOT_REPORTED))
def test_a_note_denying_ideation_or_telling_of_someone_else_raises_no_alert(
    text: str, dit: tuple[Any, Any, Any]
) -> None:
    """h120: the reported forms are read in the therapist's note, but "denies SI" is a denial, and the client's
    friend or brother is someone else: no alert at ideation or above."""
    client, therapist, course = dit
    notes.write_progress_note(therapist, course.id, 1, text)
    raised = RiskAlert.objects.filter(client=client, source="session", level__in=alerts.RISKY_LEVELS)
    assert not raised.exists(), f"an alert for the note {text!r}"
