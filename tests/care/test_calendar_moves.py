"""A moved session in the course's calendar file. Before, the file was one weekly rule from the first session
with cancellations as exceptions: a moved session still showed at its old time (the client's phone said Monday
10:00 for a session moved to Wednesday 14:00), a session moved and then cancelled made the export fail, and the
make-up for a cancellation could land on the hour a moved session had left. The clock is the only thing mocked."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import recurring_ical_events
from icalendar import Calendar

from course_clock import LONDON, at
from reverie.care.services import course as courses
from reverie.care.services import sessions, week

pytestmark = pytest.mark.django_db


def _calendar_starts(ics: bytes) -> list[datetime]:
    events = recurring_ical_events.of(Calendar.from_ical(ics)).between(
        datetime(2026, 1, 1), datetime(2027, 1, 1)
    )
    return sorted(e["DTSTART"].dt for e in events)


def _now(monkeypatch: Any, moment: datetime) -> None:
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment.astimezone(UTC))


def test_a_moved_session_is_in_the_calendar_at_its_new_time_and_not_at_its_old(
    dit: tuple[Any, Any, Any], monkeypatch: Any
) -> None:
    _client, therapist, course = dit
    _now(monkeypatch, at(6))
    week.move_session(
        therapist, course.id, 8, datetime(2026, 2, 25, 14, 0, tzinfo=LONDON)
    )  # Mon 23 → Wed 25 Feb
    starts = _calendar_starts(sessions.course_ics(therapist, course.id))
    assert datetime(2026, 2, 25, 14, 0, tzinfo=LONDON) in starts
    assert datetime(2026, 2, 23, 10, 0, tzinfo=LONDON) not in starts
    assert starts == [s.start for s in courses.held_sessions(course)]


def test_a_session_moved_then_cancelled_leaves_the_calendar_and_its_make_up_goes_to_the_end(
    dit: tuple[Any, Any, Any], monkeypatch: Any
) -> None:
    client, therapist, course = dit
    _now(monkeypatch, at(6))
    week.move_session(therapist, course.id, 8, datetime(2026, 2, 25, 14, 0, tzinfo=LONDON))
    week.move_session(
        therapist, course.id, 10, datetime(2026, 3, 11, 16, 0, tzinfo=LONDON)
    )  # Mon 9 → Wed 11 Mar
    result = sessions.cancel_session(client, course.id, 10, now=at(6))
    assert result.make_up is not None
    last_regular = datetime(2026, 4, 20, 10, 0, tzinfo=LONDON)  # session 16
    assert result.make_up.start.astimezone(LONDON) > last_regular  # not on the hour session 8 left
    held = [s.start for s in courses.held_sessions(course)]
    assert len(held) == 16
    starts = _calendar_starts(sessions.course_ics(therapist, course.id))
    assert starts == held
    assert datetime(2026, 3, 11, 16, 0, tzinfo=LONDON) not in starts
    assert datetime(2026, 3, 9, 10, 0, tzinfo=LONDON) not in starts
