"""Open-ended courses and the overlap check (review of the rolling horizon). A new course or a moved session is
checked against the regular times an open-ended, still-linked course will take, not only against the sessions it
has planned so far: before, a course set up beyond the horizon passed and the two were double-booked once the
horizon reached it. The check loads only sessions that can overlap (before: every past session of every course),
and the caseload plans each course once (before: three times, about 60 redundant queries for 30 courses)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from course_week import Clock
from reverie.care.services import caseload, week
from reverie.care.services import course as courses
from reverie.care.services.course import CourseDraft, create_course
from reverie.clinic.models import Pair
from reverie.clinic.services import people
from reverie.errors import Conflict

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def _client_of(therapist: Any, make_user: Any) -> Any:
    client = make_user(role="client")
    people.accept_invitation(therapist, people.issue_invitation(client))
    return client


def _draft(client: Any, programme: str, start: datetime) -> CourseDraft:
    return CourseDraft(client=client.username, programme=programme, start=start, timezone="Europe/London")


@pytest.fixture
def long_term(paired: tuple[Any, Any], monkeypatch: Any) -> tuple[Any, Any, Any, Clock]:
    """Weekly long-term, Mondays 10:00 London from 4 January 2027, set up the Friday before (planned to 22 March)."""
    client, therapist = paired
    clock = Clock(monkeypatch, datetime(2027, 1, 1, 9, tzinfo=LONDON))
    course = create_course(therapist, _draft(client, "long_term", datetime(2027, 1, 4, 10)))
    assert courses.planned(course)[-1].start == datetime(2027, 3, 22, 10, tzinfo=LONDON)
    return client, therapist, course, clock


def test_a_course_set_up_beyond_the_horizon_does_not_take_a_regular_time(
    long_term: Any, make_user: Any
) -> None:
    client, therapist, _course, _clock = long_term
    other = _client_of(therapist, make_user)
    for start in (datetime(2027, 6, 7, 10), datetime(2027, 6, 7, 10, 30), datetime(2027, 6, 7, 9, 30)):
        with pytest.raises(Conflict, match="Mon 7 Jun 2027"):
            create_course(therapist, _draft(other, "dit", start))  # Mondays from 7 June: the long-term hour
    assert create_course(therapist, _draft(other, "dit", datetime(2027, 6, 7, 11)))  # the next hour: fine
    # once the long-term client's link has ended, their course plans no more sessions: the hour is free
    people.end_pair(client, Pair.objects.get(client=client, therapist=therapist, ended_at__isnull=True).pk)
    third = _client_of(therapist, make_user)
    assert create_course(therapist, _draft(third, "dit", datetime(2027, 6, 7, 10)))


def test_a_session_is_not_moved_onto_a_regular_time_beyond_the_horizon(
    long_term: Any, make_user: Any
) -> None:
    _client, therapist, _course, _clock = long_term
    other = _client_of(therapist, make_user)
    dit = create_course(therapist, _draft(other, "dit", datetime(2027, 5, 4, 10)))  # Tuesdays from 4 May
    with pytest.raises(Conflict, match="Mon 3 May 2027"):
        week.move_session(therapist, dit.id, 1, datetime(2027, 5, 3, 10, 20, tzinfo=LONDON))  # a Monday
    assert week.move_session(therapist, dit.id, 1, datetime(2027, 5, 3, 11, tzinfo=LONDON))


def test_the_overlap_check_loads_only_sessions_that_can_overlap(
    paired: tuple[Any, Any], make_user: Any, monkeypatch: Any
) -> None:
    client, therapist = paired
    clock = Clock(monkeypatch, datetime(2026, 1, 1, 9, tzinfo=LONDON))
    course = create_course(therapist, _draft(client, "long_term", datetime(2026, 1, 5, 10)))
    clock.at = datetime(2027, 12, 30, 9, tzinfo=LONDON)
    courses.plan_ahead(course)
    assert len(courses.planned(course)) > 100  # two years of Mondays
    loaded: list[object] = []
    real = courses.as_session
    monkeypatch.setattr(courses, "as_session", lambda row: loaded.append(row) or real(row))
    other = _client_of(therapist, make_user)
    create_course(therapist, _draft(other, "dit", datetime(2028, 1, 4, 10)))  # 16 Tuesdays
    assert len(loaded) <= 12 + 1  # the Mondays planned ahead (and one ending after the first start at most)


def test_the_caseload_plans_each_course_once(make_user: Any, monkeypatch: Any) -> None:
    therapist = make_user(role="therapist")
    Clock(monkeypatch, datetime(2027, 1, 1, 9, tzinfo=LONDON))
    for n in range(30):  # 30 open-ended courses, weekdays 8:00 to 13:00
        client = _client_of(therapist, make_user)
        create_course(therapist, _draft(client, "long_term", datetime(2027, 1, 4 + n % 5, 8 + n // 5)))
    calls: list[object] = []
    real = courses.plan_ahead
    monkeypatch.setattr(courses, "plan_ahead", lambda *a, **k: calls.append(a[0].pk) or real(*a, **k))
    with CaptureQueriesContext(connection) as ctx:
        rows = caseload.caseload(therapist)
    assert len(rows) == 30
    assert sorted(calls) == sorted({row.course.pk for row in rows})  # each course planned once
    assert len(ctx.captured_queries) <= 30 * 13 + 10  # measured: 453 before (15 a course), 393 after (13)


def test_a_new_open_ended_course_does_not_take_an_hour_held_beyond_its_first_weeks(
    paired: tuple[Any, Any], make_user: Any, monkeypatch: Any
) -> None:
    """The reverse case: a fixed course already holds Mondays 10:00 from June; a long-term course set up for
    Mondays 10:00 from January plans only to March at first, and its horizon would reach June unchecked."""
    client, therapist = paired
    Clock(monkeypatch, datetime(2027, 1, 1, 9, tzinfo=LONDON))
    other = _client_of(therapist, make_user)
    create_course(therapist, _draft(other, "dit", datetime(2027, 6, 7, 10)))
    with pytest.raises(Conflict, match="Mon 7 Jun 2027"):
        create_course(therapist, _draft(client, "long_term", datetime(2027, 1, 4, 10)))
    course = create_course(therapist, _draft(client, "long_term", datetime(2027, 1, 4, 11)))
    assert courses.planned(course)[-1].start == datetime(2027, 3, 22, 11, tzinfo=LONDON)
