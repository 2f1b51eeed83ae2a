"""Ending a course at once with another ending, the horizon planner, or the link's ending (docs/course.md "Ending
a course"; review r12). Run on PostgreSQL with REVERIE_DATABASE_URL; on SQLite the IMMEDIATE write transaction
serialises them anyway. Before, a client ending the link while the therapist ended the course deadlocked on
PostgreSQL: ``end_pair`` locked the pair, the audit chain's head, then the course; ``end_course`` the course, then the
audit head. Now ``end_pair`` ends the courses before its audit entry, so both lock the course first."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from postgres_only import postgres_only
from reverie.care.models import Course, CourseSession
from reverie.care.services import course as courses
from reverie.care.services.course import CourseDraft, create_course
from reverie.clinic.models import AuditEvent, Pair
from reverie.clinic.services import people
from reverie.errors import Conflict, NotFound

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.db]
LONDON = ZoneInfo("Europe/London")


def _together(*calls: Callable[[], object]) -> list[object]:
    barrier, out = threading.Barrier(len(calls)), [None] * len(calls)

    def run(i: int, call: Callable[[], object]) -> None:
        barrier.wait()
        try:
            out[i] = call()
        except Exception as exc:
            out[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return out


@pytest.mark.parametrize("rounds", [range(5)])
def test_two_endings_at_once_end_the_course_once(
    paired: tuple[Any, Any], monkeypatch: Any, rounds: range
) -> None:
    client, therapist = paired
    monkeypatch.setattr(
        "django.utils.timezone.now", lambda: datetime(2027, 2, 2, 12, tzinfo=LONDON).astimezone(UTC)
    )
    for n in rounds:
        course = create_course(
            therapist,
            CourseDraft(
                client=client.username,
                programme="long_term",
                start=datetime(2027 - n - 1, 1, 4, 10),
                timezone="Europe/London",
            ),
        )
        courses.get_course(therapist, course.id)  # planned 12 weeks ahead
        out = _together(
            lambda c=course: courses.end_course(therapist, c.id),
            lambda c=course: courses.end_course(therapist, c.id),
            lambda c=course: courses.plan_ahead(Course.objects.get(pk=c.pk)),
        )
        assert sum(isinstance(o, courses.Ended) for o in out[:2]) == 1, out
        assert AuditEvent.objects.filter(action="course.end", record_id=str(course.id)).count() == 1
        later = CourseSession.objects.filter(
            course=course, start__gte=Course.objects.get(pk=course.pk).ended_at
        )
        assert all(r.attendance == "cancelled_by_therapist" for r in later)
    print("database:", connection.vendor)


@postgres_only("a lock-order deadlock (SQLite's IMMEDIATE transactions serialise the two)")
def test_a_client_ending_the_link_while_the_therapist_ends_the_course_never_deadlocks(make_user: Any) -> None:
    """Before, PostgreSQL aborted one of the two with "deadlock detected" (the client's "End the link" answered a
    server error). Now one ends the course and the other finds it ended (Conflict) or the link gone (NotFound)."""
    failures = []
    for _ in range(6):
        client, therapist = make_user(role="client"), make_user(role="therapist")
        people.accept_invitation(therapist, people.issue_invitation(client))
        course = create_course(
            therapist,
            CourseDraft(
                client=client.username, programme="long_term", start=datetime(2025, 1, 6, 10), timezone="UTC"
            ),
        )
        pair = Pair.objects.get(client=client, therapist=therapist)
        out = _together(
            lambda: courses.end_course(therapist, course.id), lambda: people.end_pair(client, pair.pk)
        )
        failures += [o for o in out if isinstance(o, Exception) and not isinstance(o, (Conflict, NotFound))]
        assert Course.objects.get(pk=course.pk).ended_at is not None
    assert failures == []
