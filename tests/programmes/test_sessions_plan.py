"""Session planning, attendance, cancellations and overlap detection."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from reverie.errors import Conflict, InvalidInput
from reverie.programmes.sessions import (
    Attendance,
    Session,
    attendance_counts,
    cancel,
    check_no_overlap,
    plan_sessions,
    record_attendance,
)

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2025, 3, 3, 10, 0, tzinfo=LONDON)


def test_plan_sessions_weekly_dit_keeps_wall_clock_across_dst() -> None:
    sessions = plan_sessions(MONDAY, weekly=1, count=16)
    assert [s.number for s in sessions] == list(range(1, 17))
    assert [s.start.date() for s in sessions] == [date(2025, 3, 3) + timedelta(weeks=k) for k in range(16)]
    assert {(s.start.hour, s.start.minute) for s in sessions} == {(10, 0)}
    assert sessions[0].start.utcoffset() == timedelta(0)
    assert sessions[-1].start.utcoffset() == timedelta(hours=1)  # after the clocks go forward
    assert sessions[0].end == datetime(2025, 3, 3, 10, 50, tzinfo=LONDON)


def test_plan_sessions_twice_weekly_defaults_to_start_day_and_three_days_later() -> None:
    sessions = plan_sessions(MONDAY, weekly=2, count=4)
    assert [s.start.date() for s in sessions] == [date(2025, 3, d) for d in (3, 6, 10, 13)]


def test_plan_sessions_twice_weekly_chosen_days() -> None:
    tuesday = datetime(2025, 3, 4, 18, 0, tzinfo=UTC)
    sessions = plan_sessions(tuesday, weekly=2, count=3, weekdays=(1, 4), duration_minutes=45)
    assert [s.start.date() for s in sessions] == [date(2025, 3, 4), date(2025, 3, 7), date(2025, 3, 11)]
    assert sessions[0].duration_minutes == 45


def test_plan_sessions_open_ended_uses_horizon() -> None:
    assert len(plan_sessions(MONDAY, count=None, horizon_weeks=4)) == 4
    assert len(plan_sessions(MONDAY, weekly=2, horizon_weeks=3)) == 6


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"start": datetime(2025, 3, 3, 10)}, "time zone"),
        ({"start": datetime(2025, 3, 3, 10, tzinfo=timezone(timedelta(hours=2)))}, "named time zone"),
        ({"weekly": 3}, "once or twice"),
        ({"weekdays": (2,)}, "not a chosen weekday"),
        ({"weekly": 2, "weekdays": (0,)}, "exactly 2"),
        ({"weekdays": (9,)}, "0 \\(Monday\\)"),
        ({"count": 0}, "from 1"),
        ({"duration_minutes": 5}, "between 10 and 240"),
    ],
)
def test_plan_sessions_rejects_bad_input(kwargs: dict[str, object], message: str) -> None:
    arguments: dict[str, object] = {"start": MONDAY, "weekly": 1, "count": 4, **kwargs}
    with pytest.raises(InvalidInput, match=message):
        plan_sessions(**arguments)  # type: ignore[arg-type]


def test_cancel_marks_only_that_session() -> None:
    sessions = cancel(plan_sessions(MONDAY, count=4), 3, Attendance.CANCELLED_BY_CLIENT)
    assert [s.cancelled for s in sessions] == [False, False, True, False]
    assert sessions[2].attendance is Attendance.CANCELLED_BY_CLIENT


def test_cancel_rejects_non_cancellation_and_unknown_session() -> None:
    sessions = plan_sessions(MONDAY, count=4)
    with pytest.raises(InvalidInput, match="client or by the therapist"):
        cancel(sessions, 1, Attendance.ATTENDED)
    with pytest.raises(InvalidInput, match="no session 9"):
        record_attendance(sessions, 9, Attendance.DID_NOT_ATTEND)


def test_attendance_counts() -> None:
    sessions = plan_sessions(MONDAY, count=5)
    sessions = record_attendance(sessions, 1, Attendance.ATTENDED)
    sessions = record_attendance(sessions, 2, Attendance.DID_NOT_ATTEND)
    sessions = cancel(sessions, 3, Attendance.CANCELLED_BY_THERAPIST)
    counts = attendance_counts(sessions)
    assert counts[Attendance.ATTENDED] == 1 and counts[Attendance.DID_NOT_ATTEND] == 1
    assert counts[Attendance.CANCELLED_BY_THERAPIST] == 1 and counts[Attendance.CANCELLED_BY_CLIENT] == 0


def test_check_no_overlap_detects_overlap() -> None:
    existing = plan_sessions(MONDAY, count=2)
    new = Session(99, datetime(2025, 3, 3, 10, 30, tzinfo=LONDON))
    with pytest.raises(Conflict, match="overlaps session 1 on Mon 3 Mar 2025 10:00"):
        check_no_overlap(existing, new)


def test_check_no_overlap_across_time_zones() -> None:
    existing = plan_sessions(MONDAY, count=1)
    new = Session(5, datetime(2025, 3, 3, 5, 20, tzinfo=ZoneInfo("America/New_York")))  # 10:20 in London
    with pytest.raises(Conflict):
        check_no_overlap(existing, new)


def test_check_no_overlap_allows_touching_and_cancelled_slots() -> None:
    existing = cancel(plan_sessions(MONDAY, count=2), 2, Attendance.CANCELLED_BY_THERAPIST)
    check_no_overlap(existing, Session(3, datetime(2025, 3, 3, 10, 50, tzinfo=LONDON)))
    check_no_overlap(existing, Session(3, datetime(2025, 3, 10, 10, 0, tzinfo=LONDON)))
