"""A moved session stays between the sessions before and after it. Before, a therapist could move session 5 past
session 6; the course then numbered sessions out of time order ("Session 5" was the next one while session 6 came
first) and the measure schedule refused every questionnaire for the rest of the course ("Session 6 is dated before
session 5"), so the client could fill in nothing."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import pytest

from course_clock import LONDON
from reverie.care.models import CourseSession
from reverie.care.services import measures, week
from reverie.care.services.course import CourseDraft, create_course
from reverie.errors import InvalidInput

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(paired: tuple[Any, Any]) -> Any:
    """A DIT course from Monday 1 March 2027 (the future): weekly, session 5 on 29 March, 6 on 5 April."""
    client, therapist = paired
    draft = CourseDraft(
        client=client.username, programme="dit", start=datetime(2027, 3, 1, 10), timezone="Europe/London"
    )
    return create_course(therapist, draft)


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (
            datetime(2027, 4, 7, 10, tzinfo=LONDON),
            "only to a time before the next session (5 Apr 2027 ",
        ),  # past session 6
        (
            datetime(2027, 3, 20, 10, tzinfo=LONDON),
            "only to a time after the session before it (22 Mar 2027 ",
        ),  # before 4
    ],
)
def test_a_session_is_not_moved_past_its_neighbour(course: Any, day: datetime, words: str) -> None:
    five = CourseSession.objects.get(course=course, slot=5)
    with pytest.raises(InvalidInput, match=re.escape(words)):
        week.move_session(course.therapist, course.id, 5, day)
    assert CourseSession.objects.get(pk=five.pk).start == five.start  # nothing changed

    # within its own week it moves as before, and the course keeps working
    week.move_session(course.therapist, course.id, 5, datetime(2027, 4, 1, 15, tzinfo=LONDON))  # Thursday
    now = datetime(2027, 3, 31, 9, tzinfo=LONDON)
    done = measures.submit(course.client, "phq9", [1] * 9, course_id=course.id, now=now)
    assert done.response.session.slot == 5 and measures.number_of(done.response) == 5


def test_the_neighbours_time_is_said_without_this_years_number() -> None:
    """r133 11(e): "A session can be moved to before the next one (21 Dec 2026 10:00)" now reads "… only to a time
    before the next session (21 Dec 10:00)": the year only when it is not this one."""
    now = datetime(2026, 12, 7, 17, tzinfo=LONDON)
    assert week.moment_words(datetime(2026, 12, 21, 10, tzinfo=LONDON), LONDON, now) == "21 Dec 10:00"
    assert week.moment_words(datetime(2027, 1, 4, 10, tzinfo=LONDON), LONDON, now) == "4 Jan 2027 10:00"
