"""r22: a session at the *second* 01:30 of the night the clocks go back (01:30 GMT, 25 Oct 2026, Europe/London).

The .ics wrote a moved session's DTSTART as a London wall time (``…T013000`` with TZID), which every reader takes as
the first 01:30 (BST, 00:30 UTC): the calendar showed the session an hour before it is stored (now such a DTSTART is
written in UTC). A New York therapist
reaches it by typing an ordinary time of their own (21:30 on 24 Oct, EDT). And a course created with an explicit
instant in that hour (CLI ``--start 2026-10-25T01:30+00:00``) was stored an hour earlier than asked (00:30 UTC): the
plan now keeps the first start as given.
Only the clock is mocked."""

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


def _london_course(paired: Any, monkeypatch: Any, start: datetime, therapist_zone: str) -> tuple[Any, Any]:
    client, therapist = paired
    therapist.time_zone = therapist_zone
    therapist.save(update_fields=["time_zone"])
    now = datetime(2026, 10, 1, 9, tzinfo=LONDON).astimezone(UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: now)
    draft = CourseDraft(client=client.username, programme="dit", start=start, timezone="Europe/London")
    return therapist, create_course(therapist, draft)


def test_a_session_moved_to_the_second_half_past_one_reads_back_at_its_stored_hour(
    paired: Any, monkeypatch: Any
) -> None:
    """Sundays 01:30 London from 18 Oct 2026; a New York therapist moves session 2 to 21:30 EDT on 24 Oct (01:30 GMT,
    the second 01:30): recurring_ical_events reads the .ics back with exactly the stored sessions."""
    therapist, course = _london_course(paired, monkeypatch, datetime(2026, 10, 18, 1, 30), "America/New_York")
    moved = week.move_session(therapist, course.id, 2, datetime(2026, 10, 24, 21, 30))
    assert moved.start == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    ics = sessions.course_ics(therapist, course.id)
    events = recurring_ical_events.of(Calendar.from_ical(ics)).between(
        datetime(2026, 1, 1), datetime(2028, 1, 1)
    )
    shown = sorted(event["DTSTART"].dt.astimezone(UTC) for event in events)
    assert shown == sorted(row.start for row in courses.held_sessions(course))


def test_a_course_started_at_an_explicit_instant_in_the_repeated_hour_is_stored_at_that_instant(
    paired: Any, monkeypatch: Any
) -> None:
    """A course whose first session is given as 2026-10-25T01:30+00:00 (01:30 GMT, London's second 01:30) has its
    session 1 stored at 01:30 UTC, not an hour earlier."""
    _therapist, course = _london_course(
        paired, monkeypatch, datetime(2026, 10, 25, 1, 30, tzinfo=UTC), "Europe/London"
    )
    first = min(row.start for row in courses.planned(course))
    assert first == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)


def test_a_course_started_at_the_second_half_past_one_reads_back_at_its_stored_hours(
    paired: Any, monkeypatch: Any
) -> None:
    """h8: the same course's .ics, read back by recurring_ical_events, shows exactly its stored sessions (its first
    at 01:30 UTC, written as an override in UTC; the rule's wall time alone would say the first 01:30)."""
    therapist, course = _london_course(
        paired, monkeypatch, datetime(2026, 10, 25, 1, 30, tzinfo=UTC), "Europe/London"
    )
    ics = sessions.course_ics(therapist, course.id)
    events = recurring_ical_events.of(Calendar.from_ical(ics)).between(
        datetime(2026, 1, 1), datetime(2028, 1, 1)
    )
    shown = sorted(event["DTSTART"].dt.astimezone(UTC) for event in events)
    assert shown == sorted(row.start for row in courses.held_sessions(course))
