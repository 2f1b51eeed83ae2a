"""r20 adversarial review: the .ics time zone for a course that crosses into a year whose changes fall elsewhere."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from reverie.programmes.calendar import CalendarCourse, course_to_ics, occurrences

vobject = pytest.importorskip("vobject")


def test_casablanca_course_into_2027_is_read_at_its_real_hours() -> None:
    """A Monday 10:00 Casablanca course from Dec 2026 to Mar 2027: a calendar reader places every session at 10:00."""
    zone = ZoneInfo(
        "Africa/Casablanca"
    )  # its clock changes around Ramadan: mid-Feb to late Mar 2026, 7 Feb to 14 Mar 2027
    start = datetime(2026, 12, 7, 10, 0, tzinfo=zone)
    course = CalendarCourse(uid="course-casablanca-1", start=start, sessions=16, stamp=start)
    event = vobject.readOne(course_to_ics(course).decode()).vevent
    read = [moment.astimezone(UTC) for moment in event.getrruleset(addRDate=True)]
    wanted = [moment.astimezone(UTC) for moment in occurrences(course)]
    wrong = [f"{w.astimezone(zone):%d %b %Y}" for r, w in zip(read, wanted, strict=True) if r != w]
    assert wrong == []
