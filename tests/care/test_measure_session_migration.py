"""Migration 0007: old responses named their session by number; each goes to the session that had that number
when it was stored, rebuilt from the cancellation stamps (see the migration's docstring)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from course_clock import LONDON
from reverie.care.models import MeasureResponse
from reverie.care.services import measures
from reverie.care.services.course import CourseDraft, create_course

step = importlib.import_module("reverie.care.migrations.0007_measure_session")
BEFORE = ("care", "0006_course_day_times")
AFTER = ("care", "0007_measure_session")
FIRST = datetime(2027, 3, 1, 10, 0, tzinfo=LONDON)
BY_4 = FIRST + timedelta(weeks=3)  # session 4 is the next: 3 and 4 may be answered (never a later one)


@dataclass
class S:
    pk: int
    slot: int
    start: datetime
    attendance: str = ""
    recorded_at: datetime | None = None


def _weekly(count: int) -> list[S]:
    return [S(n, n, FIRST + timedelta(weeks=n - 1)) for n in range(1, count + 1)]


def test_number_means_the_list_as_it_stood_when_stored() -> None:
    planned = _weekly(6)
    for s in planned[:2]:
        s.attendance, s.recorded_at = "cancelled_by_client", FIRST - timedelta(days=3)
    stored_before = FIRST - timedelta(days=9)  # before both cancellations: number 3 was the third planned
    stored_after = FIRST - timedelta(days=1)  # after them: number 3 was the fifth planned
    assert step.session_for(planned, 3, stored_before, set()).slot == 3
    assert step.session_for(planned, 3, stored_after, set()).slot == 5


def test_a_number_past_the_list_or_taken_goes_to_the_nearest_free_session() -> None:
    planned = _weekly(4)
    late = planned[3].start - timedelta(hours=1)
    assert step.session_for(planned, 9, late, set()).slot == 4
    assert step.session_for(planned, 9, late, {4}).slot == 3
    assert step.session_for(planned, 2, late, {1, 2, 3, 4}) is None


@pytest.mark.django_db(transaction=True)
def test_migration_maps_rows_to_the_session_they_meant(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username,
            programme="dit",
            start=FIRST.replace(tzinfo=None),
            timezone="Europe/London",
        ),
    )
    a = measures.submit(client, "phq9", [1] * 9, course_id=course.id, session_number=3, now=BY_4).response
    b = measures.submit(client, "gad7", [1] * 7, course_id=course.id, session_number=3, now=BY_4).response
    c = measures.submit(client, "gad7", [2] * 7, course_id=course.id, session_number=4, now=BY_4).response
    executor = MigrationExecutor(connection)
    try:
        executor.migrate([BEFORE])
        old = executor.loader.project_state([BEFORE]).apps
        Session, Response = old.get_model("care", "CourseSession"), old.get_model("care", "MeasureResponse")
        assert dict(Response.objects.values_list("id", "session_number")) == {a.id: 3, b.id: 3, c.id: 4}
        cancelled_at = FIRST - timedelta(days=5)
        Session.objects.filter(course_id=course.id, slot__in=[1, 2]).update(
            attendance="cancelled_by_therapist", recorded_at=cancelled_at
        )
        Response.objects.filter(id=a.id).update(
            submitted_at=cancelled_at - timedelta(days=1)
        )  # before: slot 3
        Response.objects.filter(id=b.id).update(
            submitted_at=cancelled_at + timedelta(days=1)
        )  # after: slot 5
        Response.objects.filter(id=c.id).update(
            session_number=40, submitted_at=FIRST + timedelta(weeks=6, hours=2)
        )
        executor = MigrationExecutor(connection)
        executor.migrate([AFTER])
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    slots = {r.id: r.session.slot for r in MeasureResponse.objects.select_related("session")}
    assert slots == {a.id: 3, b.id: 5, c.id: 7}
