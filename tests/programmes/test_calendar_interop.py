"""The course calendar read by an independent parser (vobject): every session at the right local hour, in London
in winter and in New York across the clock change, from a conventional RRULE-based VTIMEZONE."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from reverie.programmes.calendar import CalendarCourse, course_to_ics

vobject = pytest.importorskip("vobject")


def _instants(ics: bytes) -> list[datetime]:
    calendar = vobject.readOne(ics.decode())
    event = calendar.vevent
    return [moment.astimezone(UTC) for moment in event.getrruleset(addRDate=True)]


def test_vobject_reads_a_london_winter_course_at_ten_gmt() -> None:
    start = datetime(2026, 1, 5, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    ics = course_to_ics(CalendarCourse(uid="course-london-1", start=start, sessions=4, stamp=start))
    text = ics.decode()
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in text and "RDATE" not in text
    assert _instants(ics) == [datetime(2026, 1, day, 10, 0, tzinfo=UTC) for day in (5, 12, 19, 26)]


def test_vobject_reads_new_york_sessions_after_the_clock_change_at_the_same_local_hour() -> None:
    zone = ZoneInfo("America/New_York")
    start = datetime(2026, 2, 23, 18, 0, tzinfo=zone)  # Mondays; clocks change on Sunday 8 March
    ics = course_to_ics(CalendarCourse(uid="course-newyork-1", start=start, sessions=4, stamp=start))
    utc = _instants(ics)
    assert utc == [
        datetime(2026, 2, 23, 23, 0, tzinfo=UTC),
        datetime(2026, 3, 2, 23, 0, tzinfo=UTC),
        datetime(2026, 3, 9, 22, 0, tzinfo=UTC),  # 18:00 EDT
        datetime(2026, 3, 16, 22, 0, tzinfo=UTC),
    ]
    assert [moment.astimezone(zone).hour for moment in utc] == [18, 18, 18, 18]


def test_vobject_reads_the_cancelled_session_as_excluded() -> None:
    zone = ZoneInfo("Europe/London")
    start = datetime(2026, 3, 23, 9, 0, tzinfo=zone)  # across the 29 March change
    cancelled = (datetime(2026, 3, 30, 9, 0, tzinfo=zone),)
    ics = course_to_ics(
        CalendarCourse(uid="course-london-2", start=start, sessions=3, cancelled=cancelled, stamp=start)
    )
    assert [m.astimezone(zone).strftime("%d %H:%M") for m in _instants(ics)] == [
        "23 09:00",
        "06 09:00",
        "13 09:00",
    ]


def test_a_zone_without_daylight_saving_and_utc() -> None:
    tokyo = datetime(2026, 1, 6, 19, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert _instants(
        course_to_ics(CalendarCourse(uid="course-tokyo-1", start=tokyo, sessions=1, stamp=tokyo))
    ) == [datetime(2026, 1, 6, 10, 0, tzinfo=UTC)]
    utc = datetime(2026, 1, 6, 10, 0, tzinfo=UTC)
    ics = course_to_ics(CalendarCourse(uid="course-utc-0001", start=utc, sessions=1, stamp=utc))
    assert b"VTIMEZONE" not in ics and _instants(ics) == [utc]


def test_vobject_reads_two_weekdays_with_their_own_times() -> None:
    from datetime import time

    zone = ZoneInfo("Europe/London")
    start = datetime(2026, 3, 23, 10, 0, tzinfo=zone)  # Monday 10:00; Thursdays at 18:30; across 29 March
    course = CalendarCourse(
        uid="course-twice-1",
        start=start,
        sessions=4,
        weekly=2,
        weekdays=(0, 3),
        day_times=((3, time(18, 30)),),
        cancelled=(datetime(2026, 3, 26, 18, 30, tzinfo=zone),),
        stamp=start,
    )
    calendar = vobject.readOne(course_to_ics(course).decode())
    seen = sorted(
        m.astimezone(zone) for event in calendar.vevent_list for m in event.getrruleset(addRDate=True)
    )
    assert [m.strftime("%a %d %H:%M") for m in seen] == [
        "Mon 23 10:00",
        "Mon 30 10:00",
        "Thu 02 18:30",
        "Mon 06 10:00",
    ]
