"""r20 adversarial review: session order after moves and cancellations. Only the clock is mocked."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from course_week import Clock
from reverie.care.models import CourseSession
from reverie.care.services import measures, sessions, week
from reverie.care.services.course import CourseDraft, create_course

pytestmark = [pytest.mark.django_db, pytest.mark.db]
LONDON = ZoneInfo("Europe/London")


def _last_moved_then_one_cancelled(paired: Any, monkeypatch: Any) -> tuple[Any, Any, Any]:
    """A weekly DIT course from 5 Jan 2026 10:00 London; its last session (20 Apr) moved to 11 May (after the
    therapist's holiday); then the client cancels session 5 (2 Feb)."""
    client, therapist = paired
    therapist.time_zone = "Europe/London"
    therapist.save(update_fields=["time_zone"])
    Clock(monkeypatch, datetime(2026, 1, 2, 9, tzinfo=LONDON))
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username, programme="dit", start=datetime(2026, 1, 5, 10), timezone="Europe/London"
        ),
    )
    week.move_session(therapist, course.id, 16, datetime(2026, 5, 11, 10, 0))
    made = sessions.cancel_session(client, course.id, 5)
    return client, course, made


def test_make_up_after_the_last_session_was_moved_later_goes_after_it(paired: Any, monkeypatch: Any) -> None:
    """With DIT's last session moved three weeks on, a cancellation's make-up is placed after it, not before."""
    _client, course, made = _last_moved_then_one_cancelled(paired, monkeypatch)
    assert made.make_up is not None
    last = CourseSession.objects.get(course=course, slot=16)
    assert made.make_up.start > last.start, f"make-up on {made.make_up.start:%d %b}, before session 16"


def test_questionnaires_still_open_after_a_make_up_for_a_course_whose_last_session_moved(
    paired: Any, monkeypatch: Any
) -> None:
    """After that make-up the client can still see which questionnaires are due (no 'dated before' error)."""
    client, course, _made = _last_moved_then_one_cancelled(paired, monkeypatch)
    assert measures.due_now(client, course.id) is not None


def test_a_course_whose_first_session_was_moved_earlier_can_end_on_that_day(
    paired: Any, monkeypatch: Any
) -> None:
    """Session 1 moved from Mon 5 Jan to Fri 2 Jan 2026 and held: the course can end on 2 Jan (its first session's day)."""
    from datetime import date

    from reverie.care.services import course as courses

    client, therapist = paired
    therapist.time_zone = "Europe/London"
    therapist.save(update_fields=["time_zone"])
    clock = Clock(monkeypatch, datetime(2025, 12, 29, 9, tzinfo=LONDON))
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username, programme="dit", start=datetime(2026, 1, 5, 10), timezone="Europe/London"
        ),
    )
    week.move_session(therapist, course.id, 1, datetime(2026, 1, 2, 10, 0))
    clock.at = datetime(2026, 1, 2, 11, tzinfo=LONDON)
    sessions.record_attendance(therapist, course.id, 1, "attended")
    clock.at = datetime(2026, 1, 20, 9, tzinfo=LONDON)  # the client has stopped coming
    ended = courses.end_course(therapist, course.id, on=date(2026, 1, 2))
    assert ended.day == date(2026, 1, 2)


def test_a_cancellation_still_gets_its_make_up_when_the_last_session_moved_one_week_on(
    paired: Any, monkeypatch: Any
) -> None:
    """DIT's last session moved from 20 Apr to 27 Apr 2026; the client cancels session 5: a make-up keeps 16 sessions."""
    client, therapist = paired
    therapist.time_zone = "Europe/London"
    therapist.save(update_fields=["time_zone"])
    Clock(monkeypatch, datetime(2026, 1, 2, 9, tzinfo=LONDON))
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username, programme="dit", start=datetime(2026, 1, 5, 10), timezone="Europe/London"
        ),
    )
    week.move_session(therapist, course.id, 16, datetime(2026, 4, 27, 10, 0))
    made = sessions.cancel_session(client, course.id, 5)
    assert made.make_up is not None
    held = CourseSession.objects.filter(course=course, attendance="").count()
    assert held == 16


def test_the_calendar_does_not_show_a_moved_last_session_twice(paired: Any, monkeypatch: Any) -> None:
    """Same course: the .ics holds each session once (no second 27 Apr event from the rule's stretched COUNT)."""
    from reverie.programmes.calendar import occurrences

    client, therapist = paired
    therapist.time_zone = "Europe/London"
    therapist.save(update_fields=["time_zone"])
    Clock(monkeypatch, datetime(2026, 1, 2, 9, tzinfo=LONDON))
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username, programme="dit", start=datetime(2026, 1, 5, 10), timezone="Europe/London"
        ),
    )
    week.move_session(therapist, course.id, 16, datetime(2026, 4, 27, 10, 0))
    sessions.cancel_session(client, course.id, 5)
    course.refresh_from_db()
    shown = [f"{at:%d %b %H:%M}" for at in occurrences(sessions.calendar_of(course))]
    assert len(shown) == len(set(shown)), shown[-3:]
