"""The course's .ics, read by recurring_ical_events, holds exactly the sessions the course holds, each once, after
moves and make-ups, and across the nights the clocks change (Europe/London). Only the clock is mocked."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from icalendar import Calendar

from reverie.care.services import course as courses
from reverie.care.services import sessions, week
from reverie.care.services.course import CourseDraft, create_course

pytestmark = [pytest.mark.django_db, pytest.mark.db]
LONDON = ZoneInfo("Europe/London")


def _read(therapist: Any, course: Any) -> list[datetime]:
    ics = sessions.course_ics(therapist, course.id)
    events = recurring_ical_events.of(Calendar.from_ical(ics)).between(
        datetime(2025, 1, 1), datetime(2028, 1, 1)
    )
    return sorted(event["DTSTART"].dt.astimezone(UTC) for event in events)


def _held(course: Any) -> list[datetime]:
    return sorted(row.start for row in courses.held_sessions(course))


def _course(paired: Any, monkeypatch: Any, start: datetime, now: datetime) -> tuple[Any, Any, Any]:
    client, therapist = paired
    therapist.time_zone = "Europe/London"
    therapist.save(update_fields=["time_zone"])
    monkeypatch.setattr("django.utils.timezone.now", lambda: now.astimezone(UTC))
    draft = CourseDraft(client=client.username, programme="dit", start=start, timezone="Europe/London")
    return client, therapist, create_course(therapist, draft)


def test_last_session_moved_one_week_on_then_a_cancellation_the_calendar_shows_the_sixteen_sessions(
    paired: Any, monkeypatch: Any
) -> None:
    """DIT from Mon 5 Jan 2026 10:00; session 16 moved 20 -> 27 Apr; session 5 cancelled: the make-up is 4 May,
    the rule's 27 Apr start no session has is excluded, and a reader sees the 16 held sessions, each once."""
    client, therapist, course = _course(
        paired, monkeypatch, datetime(2026, 1, 5, 10), datetime(2026, 1, 2, 9, tzinfo=LONDON)
    )
    week.move_session(therapist, course.id, 16, datetime(2026, 4, 27, 10, 0))
    made = sessions.cancel_session(client, course.id, 5)
    assert made.make_up is not None
    assert made.make_up.start == datetime(2026, 5, 4, 10, 0, tzinfo=LONDON)
    shown = _read(therapist, course)
    assert shown == _held(course) and len(shown) == 16


def test_a_course_across_both_clock_changes_with_a_cancellation_reads_back_at_its_stored_times(
    paired: Any, monkeypatch: Any
) -> None:
    """Sundays 01:30 London from 12 Jul 2026 (session 16 on 25 Oct, when 01:30 happens twice) with a cancellation,
    and from 21 Mar 2027 (28 Mar 2027 has no 01:30) with one: both read back exactly as stored."""
    client, therapist, course = _course(
        paired, monkeypatch, datetime(2026, 7, 12, 1, 30), datetime(2026, 7, 1, 9, tzinfo=LONDON)
    )
    sessions.cancel_session(client, course.id, 2)
    assert datetime(2026, 10, 25, 0, 30, tzinfo=UTC) in _held(course)  # 01:30 BST, the first time round
    assert _read(therapist, course) == _held(course)
    client2, therapist2 = paired
    spring = create_course(
        therapist2,
        CourseDraft(
            client=client2.username,
            programme="dit",
            start=datetime(2027, 3, 21, 1, 30),
            timezone="Europe/London",
        ),
    )
    sessions.cancel_session(client2, spring.id, 3)  # 4 Apr 2027: an ordinary week; 28 Mar 2027 has no 01:30
    assert datetime(2027, 3, 28, 1, 30, tzinfo=UTC) in _held(spring)  # 02:30 BST, the hour after the gap
    assert _read(therapist2, spring) == _held(spring)
