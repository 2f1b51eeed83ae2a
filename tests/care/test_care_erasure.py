from __future__ import annotations

from typing import Any

import pytest

from reverie.care import models as care
from reverie.care.services import alerts, goals, measures, notes, safety
from reverie.clinic.services import portability

pytestmark = pytest.mark.django_db


def test_care_erasing_a_client_leaves_no_course_records(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, course = dit
    notes.write_progress_note(therapist, course.id, 1, "text")
    notes.add_therapist_note(therapist, course.id, "process", "text")
    done = measures.submit(client, "phq9", [0] * 8 + [1], session_number=1)
    assert done.alert is not None
    alerts.acknowledge(therapist, done.alert.id, "a note")  # goes with the client's records
    goals.propose(client, course.id, template="voicing_needs")
    safety.save_plan(client, {"coping_steps": ["breathe"]})
    portability.erase_client(client, client.username, "a long test password")
    for model in (care.Course, care.CourseSession, care.ProgressNote, care.TherapistNote, care.MeasureResponse,
                  care.Goal, care.SafetyPlanRecord, care.RiskAlert, care.AlertAcknowledgement):  # fmt: skip
        assert not model.objects.exists(), model.__name__
