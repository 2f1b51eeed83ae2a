"""Review of the rolling horizon of open-ended courses (r8). An ended link stops the horizon: before, the client's
reads and the daily job kept planning sessions with a therapist the client is no longer linked to, for ever, and
those sessions kept the therapist's hour busy for every new client. A course's last planned session cannot be moved
past its next regular time: before, the horizon then never planned the weeks in between."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from course_week import Clock
from reverie.care.models import CourseSession
from reverie.care.services import course as courses
from reverie.care.services import week
from reverie.care.services.course import CourseDraft, create_course
from reverie.clinic.models import Pair
from reverie.clinic.services import people
from reverie.errors import InvalidInput

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def long_term(paired: tuple[Any, Any], monkeypatch: Any) -> tuple[Any, Any, Any, Clock]:
    """A weekly long-term course from Monday 4 January 2027, 10:00 London, set up the Friday before."""
    client, therapist = paired
    clock = Clock(monkeypatch, datetime(2027, 1, 1, 9, tzinfo=LONDON))
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username,
            programme="long_term",
            start=datetime(2027, 1, 4, 10),
            timezone="Europe/London",
        ),
    )
    return client, therapist, course, clock


def test_an_ended_link_stops_the_horizon(long_term: Any) -> None:
    client, therapist, course, clock = long_term
    pair = Pair.objects.get(client=client, therapist=therapist, ended_at__isnull=True)
    people.end_pair(client, pair.pk)
    clock.at = datetime(2027, 9, 1, 12, tzinfo=LONDON)
    assert courses.plan_ahead(course) == 0
    assert courses.get_course(client, course.id) is not None  # the client still reads the course
    assert courses.plan_ahead_all() == (0, 0)  # nor does the daily job plan it
    assert len(courses.planned(course)) == 12


def test_the_last_planned_session_is_not_moved_past_its_next_regular_time(long_term: Any) -> None:
    _client, therapist, course, clock = long_term
    last = CourseSession.objects.get(course=course, slot=12)  # Monday 22 March 2027
    with pytest.raises(InvalidInput, match="before the next session"):
        week.move_session(therapist, course.id, 12, datetime(2027, 4, 12, 10, tzinfo=LONDON))
    week.move_session(
        therapist, course.id, 12, datetime(2027, 3, 24, 10, tzinfo=LONDON)
    )  # within the week: fine
    last.refresh_from_db()
    clock.at = datetime(2027, 1, 12, 9, tzinfo=LONDON)
    courses.plan_ahead(course)
    rows = courses.planned(course)
    starts = [r.start for r in rows]
    assert starts == sorted(starts)  # slot order is time order
    weeks = [(r.moved_from or r.start).astimezone(LONDON).date() for r in rows]
    assert all((b - a).days == 7 for a, b in itertools.pairwise(weeks))  # no week skipped
    assert rows[-1].start >= clock.at + timedelta(weeks=11)
