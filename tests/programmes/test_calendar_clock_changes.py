"""Course calendars across clock changes: sessions compared as instants, a skipped hour placed after the gap as
calendar readers place it, real session lengths, and VTIMEZONE rules for every year a course spans."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from reverie.errors import InvalidInput
from reverie.programmes.calendar import CalendarCourse, course_to_ics, occurrences
from reverie.programmes.sessions import Session, plan_sessions
from reverie.programmes.vtimezone import vtimezone

LONDON = ZoneInfo("Europe/London")
SUNDAYS = datetime(2026, 3, 22, 1, 30, tzinfo=LONDON)  # the second Sunday, 29 Mar, has no 01:30 in London


def _course(**changes: object) -> CalendarCourse:
    fields: dict[str, object] = {
        "uid": "course-dst-1@reverie",
        "start": SUNDAYS,
        "sessions": 4,
        "stamp": SUNDAYS,
    }
    fields.update(changes)
    return CalendarCourse(**fields)  # type: ignore[arg-type]


def _read(ics: bytes) -> list[datetime]:
    events = recurring_ical_events.of(icalendar.Calendar.from_ical(ics)).between(
        date(2026, 3, 1), date(2026, 6, 1)
    )
    return sorted(event["DTSTART"].dt.astimezone(UTC) for event in events)


def test_a_session_at_a_skipped_time_is_placed_after_the_gap_like_calendar_readers_place_it() -> None:
    """Sunday 01:30 London: the 29 Mar 2026 session is at 02:30 BST (01:30 UTC) in the plan and in a reader."""
    planned = [s.start for s in plan_sessions(SUNDAYS, count=3)]
    assert [f"{at:%d %b %H:%M %Z}" for at in planned] == [
        "22 Mar 01:30 GMT",
        "29 Mar 02:30 BST",
        "05 Apr 01:30 BST",
    ]
    ics = course_to_ics(_course())
    assert _read(ics) == [at.astimezone(UTC) for at in occurrences(_course())]
    # written as an override too, since ical.js would read the bare rule occurrence an hour earlier (00:30 UTC)
    assert b"RECURRENCE-ID;TZID=Europe/London:20260329T013000" in ics
    assert b"DTSTART;TZID=Europe/London:20260329T023000" in ics


def test_the_session_at_a_skipped_time_can_be_cancelled_and_the_reader_drops_it() -> None:
    """Its cancellation, given as the stored instant (01:30 UTC), is an EXDATE at the rule's own 01:30."""
    course = _course(cancelled=(datetime(2026, 3, 29, 1, 30, tzinfo=UTC),))
    ics = course_to_ics(course)
    assert b"EXDATE;TZID=Europe/London:20260329T013000" in ics
    shown = _read(ics)
    assert datetime(2026, 3, 29, 1, 30, tzinfo=UTC) not in shown and len(shown) == 4
    assert shown == [at.astimezone(UTC) for at in occurrences(course)]


def test_a_session_moved_onto_another_session_of_the_course_is_refused() -> None:
    """An override may not put two sessions of the course at the same moment (the calendar would show it twice)."""
    second = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    with pytest.raises(InvalidInput, match="moved onto the time of another session"):
        occurrences(_course(moved=((SUNDAYS, second.astimezone(LONDON)),)))


def test_a_session_in_the_repeated_hour_lasts_its_real_length() -> None:
    """25 Oct 2026 01:30 London (first time round, BST) plus 50 minutes ends at 01:20 UTC, not 110 minutes later."""
    start = datetime(2026, 10, 25, 1, 30, tzinfo=LONDON)
    session = Session(1, start, 50)
    assert session.end.astimezone(UTC) - start.astimezone(UTC) == timedelta(minutes=50)


def test_a_time_the_clocks_skip_is_refused_plainly_and_a_repeated_one_is_not() -> None:
    from reverie.programmes.sessions import check_exists

    with pytest.raises(InvalidInput, match=r"01:30 on 29 Mar 2026 does not exist in Europe/London"):
        check_exists(datetime(2026, 3, 29, 1, 30, tzinfo=LONDON))
    check_exists(datetime(2026, 10, 25, 1, 30, tzinfo=LONDON))
    check_exists(datetime(2026, 3, 29, 1, 30, tzinfo=UTC))
    check_exists(
        datetime(9999, 12, 31, 23, 30, tzinfo=ZoneInfo("America/New_York"))
    )  # the year check refuses it


def test_vtimezone_keeps_the_yearly_rule_when_every_year_spanned_has_the_same_changes() -> None:
    """London 2026–2028: one DAYLIGHT and one STANDARD component, each with a yearly rule."""
    component = vtimezone(LONDON, 2026, 2028)
    parts = component.subcomponents
    assert [part.name for part in parts] == ["DAYLIGHT", "STANDARD"]
    assert all("RRULE" in part for part in parts)
