"""Course calendars: export with icalendar, read back with recurring_ical_events; RRULE validation."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from reverie.errors import InvalidInput
from reverie.programmes.calendar import (
    CalendarCourse,
    course_to_ics,
    initials_of,
    occurrences,
    parse_rrule,
)
from reverie.programmes.sessions import plan_sessions

LONDON = ZoneInfo("Europe/London")
START = datetime(2025, 3, 3, 10, 0, tzinfo=LONDON)
STAMP = datetime(2025, 2, 1, 9, 0, tzinfo=ZoneInfo("UTC"))
MONDAYS = [date(2025, 3, 3) + timedelta(weeks=k) for k in range(17)]


def dit(**changes: object) -> CalendarCourse:
    fields: dict[str, object] = {"uid": "course-7f3a@reverie.local", "start": START, "sessions": 16}
    fields.update({"initials": "A.B.", "stamp": STAMP, **changes})
    return CalendarCourse(**fields)  # type: ignore[arg-type]


def read_back(ics: bytes) -> list[datetime]:
    calendar = icalendar.Calendar.from_ical(ics)
    events = recurring_ical_events.of(calendar).between(date(2025, 1, 1), date(2026, 12, 31))
    return sorted(event["DTSTART"].dt for event in events)


def test_course_to_ics_dit_rule_duration_and_minimal_title() -> None:
    text = course_to_ics(dit()).decode()
    assert "RRULE:FREQ=WEEKLY;COUNT=16\r\n" in text
    assert "DURATION:PT50M\r\n" in text
    assert "SUMMARY:Session · A.B.\r\n" in text
    assert "DTSTART;TZID=Europe/London:20250303T100000" in text
    assert "BEGIN:VTIMEZONE" in text and "EXDATE" not in text and "DESCRIPTION" not in text


def test_course_to_ics_round_trip_gives_the_16_mondays() -> None:
    starts = read_back(course_to_ics(dit()))
    assert [s.date() for s in starts] == MONDAYS[:16]
    assert {(s.hour, s.minute) for s in starts} == {(10, 0)}
    assert {s.utcoffset() for s in starts} == {timedelta(0), timedelta(hours=1)}


def test_course_to_ics_round_trip_with_cancellation_still_16_sessions() -> None:
    cancelled = datetime(2025, 3, 17, 10, 0, tzinfo=LONDON)
    ics = course_to_ics(dit(cancelled=(cancelled,)))
    assert b"RRULE:FREQ=WEEKLY;COUNT=17\r\n" in ics
    assert b"EXDATE;TZID=Europe/London:20250317T100000" in ics
    starts = read_back(ics)
    expected = [day for day in MONDAYS if day != date(2025, 3, 17)]
    assert len(starts) == 16
    assert [s.date() for s in starts] == expected


def test_course_to_ics_cancellation_without_extension_shortens_course() -> None:
    cancelled = datetime(2025, 3, 17, 10, 0, tzinfo=LONDON)
    ics = course_to_ics(dit(cancelled=(cancelled,), extend_for_cancellations=False))
    assert b"COUNT=16" in ics
    assert [s.date() for s in read_back(ics)] == [d for d in MONDAYS[:16] if d != date(2025, 3, 17)]


def test_course_to_ics_twice_weekly_uses_byday() -> None:
    course = dit(weekly=2, sessions=8)
    ics = course_to_ics(course)
    assert b"RRULE:FREQ=WEEKLY;COUNT=8;BYDAY=MO,TH\r\n" in ics
    planned = [s.start for s in plan_sessions(START, weekly=2, count=8)]
    assert read_back(ics) == planned == list(occurrences(course))


def test_course_to_ics_cancellation_in_another_zone_is_matched() -> None:
    same_instant = datetime(2025, 3, 24, 6, 0, tzinfo=ZoneInfo("America/New_York"))  # 10:00 London
    assert len(read_back(course_to_ics(dit(cancelled=(same_instant,))))) == 16


def test_course_to_ics_without_initials_says_session() -> None:
    assert b"SUMMARY:Session\r\n" in course_to_ics(dit(initials=""))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"cancelled": (datetime(2025, 3, 18, 10, 0, tzinfo=LONDON),)}, "Cancellation 1"),
        ({"cancelled": (START, START)}, "cancelled twice"),
        ({"initials": "Anna Berg"}, "Initials"),
        ({"title": "x" * 81}, "one line"),
        ({"title": "Session\nwith notes"}, "one line"),
        ({"uid": "a b"}, "UID"),
        ({"sessions": 0}, "at least one session"),
        ({"start": datetime(2025, 3, 3, 10, 0)}, "time zone"),
    ],
)
def test_course_to_ics_rejects_bad_courses(changes: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        course_to_ics(dit(**changes))


def test_initials_of_keeps_only_initials() -> None:
    assert initials_of("Anna Maria Berg") == "A.M.B."
    assert initials_of("  jo  ") == "J."


@pytest.mark.parametrize(
    ("text", "freq", "count", "byday"),
    [
        ("RRULE:FREQ=WEEKLY;COUNT=16", "WEEKLY", 16, ()),
        ("FREQ=WEEKLY;COUNT=32;BYDAY=MO,TH", "WEEKLY", 32, ("MO", "TH")),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", "MONTHLY", None, ()),
    ],
)
def test_parse_rrule_valid(text: str, freq: str, count: int | None, byday: tuple[str, ...]) -> None:
    rule = parse_rrule(text)
    assert (rule.freq, rule.count, rule.byday, rule.interval) == (freq, count, byday, 1)


def test_parse_rrule_until_and_interval() -> None:
    rule = parse_rrule("FREQ=WEEKLY;INTERVAL=2;UNTIL=20250601T000000Z")
    assert rule.interval == 2 and rule.count is None and rule.until is not None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "non-empty"),
        ("COUNT=16", "needs a FREQ"),
        ("FREQ=SOMETIMES", "FREQ part"),
        ("FREQ=WEEKLY;COUNT=0", "COUNT part"),
        ("FREQ=WEEKLY;COUNT=abc", "COUNT part"),
        ("FREQ=WEEKLY;BYDAY=XX", "BYDAY part"),
        ("FREQ=WEEKLY;BYMONTH=13", "BYMONTH part"),
        ("FREQ=WEEKLY;BYHOUR=-1", "BYHOUR part"),
        ("FREQ=WEEKLY;INTERVAL=-2", "INTERVAL part"),
        ("FREQ=WEEKLY;UNTIL=someday", "UNTIL part"),
        ("FREQ=WEEKLY;COUNT=3;UNTIL=20250101", "not both"),
        ("FREQ=WEEKLY;FREQ=DAILY", "more than once"),
        ("FREQ=WEEKLY;SOON=1", "Part 2"),
        ("FREQ=WEEKLY;;COUNT=2", "Part 2"),
    ],
)
def test_parse_rrule_invalid(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_rrule(text)


def test_a_moved_session_overrides_its_occurrence_also_when_weekdays_have_their_own_times() -> None:
    from datetime import time

    thursday = datetime(2026, 3, 26, 18, 30, tzinfo=LONDON)
    friday = datetime(2026, 3, 27, 12, 0, tzinfo=LONDON)
    course = CalendarCourse(
        uid="course-moved-1",
        start=datetime(2026, 3, 23, 10, 0, tzinfo=LONDON),
        sessions=4,
        weekly=2,
        weekdays=(0, 3),
        day_times=((3, time(18, 30)),),
        moved=((thursday, friday),),
        stamp=STAMP,
    )
    calendar = icalendar.Calendar.from_ical(course_to_ics(course))
    seen = sorted(
        e["DTSTART"].dt
        for e in recurring_ical_events.of(calendar).between(date(2026, 3, 1), date(2026, 5, 1))
    )
    assert seen == list(occurrences(course))
    assert [m.strftime("%a %d %H:%M") for m in seen] == [
        "Mon 23 10:00",
        "Fri 27 12:00",
        "Mon 30 10:00",
        "Thu 02 18:30",
    ]


def test_a_move_of_a_start_the_course_does_not_have_or_has_cancelled_is_refused() -> None:
    monday = datetime(2025, 3, 10, 10, 0, tzinfo=LONDON)
    tuesday = datetime(2025, 3, 11, 9, 0, tzinfo=LONDON)
    for moved, cancelled in (
        (((monday + timedelta(hours=1), tuesday),), ()),
        (((monday, tuesday),), (monday,)),
        (((monday, tuesday), (monday, tuesday + timedelta(days=1))), ()),
    ):
        course = CalendarCourse(
            uid="course-moved-2", start=START, sessions=4, moved=moved, cancelled=cancelled
        )
        with pytest.raises(InvalidInput, match=r"moved|Move 1"):
            course_to_ics(course)
