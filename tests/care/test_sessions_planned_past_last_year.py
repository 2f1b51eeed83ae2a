"""r22: the years check (2000-2100) guarded a course's first session and a move, but not the plan: a DIT course from
Monday 1 Nov 2100 planned sessions 10-16 (and any make-up) into 2101, then refused to move one of them by a day ("A
session date must fall between the years 2000 and 2100.") and refused the therapist's week view of that week. Now
such a course is refused, and no later session (the horizon, a make-up) is planned past 2100. Only the clock is
mocked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reverie.care.services import course as courses
from reverie.care.services import week
from reverie.care.services.course import CourseDraft, create_course
from reverie.errors import InvalidInput

pytestmark = [pytest.mark.django_db, pytest.mark.db]
LONDON = ZoneInfo("Europe/London")


def test_a_session_the_course_planned_in_2101_can_be_moved_a_day_and_its_week_shown(
    paired: Any, monkeypatch: Any
) -> None:
    """Either the course is refused at creation, or every session it planned can be moved by a day and its week
    viewed: never a stored session the years check then refuses to touch."""
    client, therapist = paired
    therapist.time_zone = "Europe/London"
    therapist.save(update_fields=["time_zone"])
    now = datetime(2100, 10, 20, 9, tzinfo=LONDON).astimezone(UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: now)
    draft = CourseDraft(
        client=client.username, programme="dit", start=datetime(2100, 11, 1, 10), timezone="Europe/London"
    )
    try:
        course = create_course(therapist, draft)
    except InvalidInput:
        return  # refused up front: consistent
    row = courses.session_by_slot(course, 12)
    assert row.start.year == 2101
    week.week_of(therapist, row.start.astimezone(LONDON).date())
    later = (row.start + timedelta(days=1)).astimezone(LONDON).replace(tzinfo=None)
    assert week.move_session(therapist, course.id, 12, later).start == row.start + timedelta(days=1)


def test_the_refusal_names_the_last_year_and_the_last_session(paired: Any, monkeypatch: Any) -> None:
    """h8: the DIT course from 1 Nov 2100 is refused in plain words naming 2100 and its last session's day."""
    client, therapist = paired
    monkeypatch.setattr("django.utils.timezone.now", lambda: datetime(2100, 10, 20, 9, tzinfo=UTC))
    draft = CourseDraft(
        client=client.username, programme="dit", start=datetime(2100, 11, 1, 10), timezone="UTC"
    )
    with pytest.raises(InvalidInput, match=r"run past the year 2100 \(the last on 14 Feb 2101\)"):
        create_course(therapist, draft)


def test_no_make_up_is_planned_past_the_last_year(paired: Any, monkeypatch: Any) -> None:
    """h8: a DIT course whose 16th session is on 27 Dec 2100: a cancellation adds no make-up in 2101 (none can be
    moved or shown), and every stored session stays within 2100."""
    from reverie.care.services import sessions

    client, therapist = paired
    monkeypatch.setattr("django.utils.timezone.now", lambda: datetime(2100, 8, 20, 9, tzinfo=UTC))
    draft = CourseDraft(
        client=client.username, programme="dit", start=datetime(2100, 9, 13, 10), timezone="UTC"
    )
    course = create_course(therapist, draft)
    assert max(row.start for row in courses.planned(course)).date().isoformat() == "2100-12-27"
    result = sessions.cancel_session(therapist, course.id, 3)
    assert result.make_up is None
    assert all(row.start.year <= 2100 for row in courses.planned(course))
