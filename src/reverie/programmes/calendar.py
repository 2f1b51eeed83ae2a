"""A course as an iCalendar file (RFC 5545): one weekly recurring event, cancellations as EXDATEs, and each moved
session as an override of its occurrence (same UID, RECURRENCE-ID at the old time, DTSTART at the new one). An
occurrence at a wall time the clocks skip or repeat is written as an override too, its DTSTART unambiguous (a
repeated one in UTC), since readers disagree on such times.

Titles are minimal by default ("Session · A.B."): no diagnosis, no full names, no notes, because calendar
files end up on phones and shared servers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import cast
from zoneinfo import ZoneInfo

import icalendar

from reverie.errors import InvalidInput
from reverie.programmes.sessions import (
    DEFAULT_MINUTES,
    instant,
    plan_sessions,
    real_local,
    rule_starts,
    session_weekdays,
)
from reverie.programmes.vtimezone import vtimezone

PRODID = "-//Reverie//Reverie course calendar//EN"
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,4}")
_UID = re.compile(r"[A-Za-z0-9@._\-]{8,255}")


@dataclass(frozen=True, slots=True)
class CalendarCourse:
    """What goes into a course calendar.

    ``sessions`` is the number of sessions to be held. With ``extend_for_cancellations`` (the default) each
    cancelled session is replaced at the end, so the rule's COUNT is ``sessions + len(cancelled)`` and the
    calendar still shows ``sessions`` dates; without it COUNT is ``sessions`` and cancellations shorten it.
    """

    uid: str
    start: datetime
    sessions: int
    weekly: int = 1
    weekdays: tuple[int, ...] | None = None
    duration_minutes: int = DEFAULT_MINUTES
    initials: str = ""
    cancelled: tuple[datetime, ...] = ()
    extend_for_cancellations: bool = True
    title: str | None = None
    stamp: datetime | None = None
    day_times: tuple[tuple[int, time], ...] = ()  # weekdays whose sessions start at another local time
    moved: tuple[tuple[datetime, datetime], ...] = ()  # (the rule's start, where that session is now)


def initials_of(name: str) -> str:
    """``"Anna Berg"`` → ``"A.B."`` (letters only, at most four)."""
    letters = [part[0].upper() for part in name.split() if part[:1].isalpha()]
    return "".join(f"{letter}." for letter in letters[:4])


def summary_of(course: CalendarCourse) -> str:
    if course.title is not None:
        title = course.title.strip()
        if not title or len(title) > 80 or "\n" in title or "\r" in title:
            raise InvalidInput("A calendar title must be one line of 1–80 characters.")
        return title
    if not course.initials:
        return "Session"
    if not _INITIALS.fullmatch(course.initials):
        raise InvalidInput("Initials must look like 'A.B.' (capital letters, each followed by a dot).")
    return f"Session · {course.initials}"


def rule_count(course: CalendarCourse) -> int:
    return course.sessions + (len(course.cancelled) if course.extend_for_cancellations else 0)


def _rule_starts(course: CalendarCourse) -> list[datetime]:
    """Every start of the course's rule, as its wall-clock times (a time the clocks skip stays as the rule writes
    it, so EXDATE and RECURRENCE-ID name the occurrence exactly as a reader expands it)."""
    return rule_starts(
        course.start, course.weekly, rule_count(course), course.weekdays, day_times=dict(course.day_times)
    )


def occurrences(course: CalendarCourse) -> tuple[datetime, ...]:
    """The session starts the calendar shows, in time order: every start of the rule minus the cancelled ones, a
    moved one at its new time. A start the clocks skip is at the hour after it (as readers place it)."""
    plan_sessions(  # validates start, weekdays, count and duration
        course.start,
        course.weekly,
        rule_count(course),
        course.weekdays,
        course.duration_minutes,
        day_times=dict(course.day_times),
    )
    starts = _rule_starts(course)
    _check_cancelled(course, starts)
    _check_moved(course, starts)
    cancelled = {instant(moment) for moment in course.cancelled}
    moved = {instant(old): new for old, new in course.moved}
    shown = [moved.get(instant(start), start) for start in starts if instant(start) not in cancelled]
    return tuple(sorted((real_local(moment) for moment in shown), key=instant))


def _check_cancelled(course: CalendarCourse, starts: list[datetime]) -> None:
    moments = {instant(start) for start in starts}
    if any(moment.tzinfo is None for moment in course.cancelled):
        raise InvalidInput("A cancellation must carry a time zone.")
    if len({instant(moment) for moment in course.cancelled}) != len(course.cancelled):
        raise InvalidInput("The same session is cancelled twice.")
    for index, moment in enumerate(course.cancelled, start=1):
        if instant(moment) not in moments:
            raise InvalidInput(f"Cancellation {index} is not the start of a session in this course.")


def _check_moved(course: CalendarCourse, starts: list[datetime]) -> None:
    if any(old.tzinfo is None or new.tzinfo is None for old, new in course.moved):
        raise InvalidInput("A moved session must carry a time zone.")
    originals = [instant(old) for old, _new in course.moved]
    if len(set(originals)) != len(originals):
        raise InvalidInput("The same session is moved twice.")
    moments = {instant(start) for start in starts}
    cancelled = {instant(moment) for moment in course.cancelled}
    taken = (moments - cancelled - set(originals)) | {instant(new) for _old, new in course.moved}
    for index, old in enumerate(originals, start=1):
        if old not in moments or old in cancelled:
            raise InvalidInput(f"Move {index} is not of a session in this course that still takes place.")
    if len(taken) != len(moments) - len(cancelled):
        raise InvalidInput("A session is moved onto the time of another session of this course.")


def _as_in_rule(course: CalendarCourse, moment: datetime) -> datetime:
    """The rule's own start for ``moment`` (compared as instants): what EXDATE and RECURRENCE-ID name."""
    wanted = instant(moment)
    for start in _rule_starts(course):
        if instant(start) == wanted:
            return start
    return moment.astimezone(course.start.tzinfo)


def course_to_ics(course: CalendarCourse) -> bytes:
    """Export the course as an .ics file: one VEVENT with a weekly RRULE, DURATION and EXDATEs."""
    if not _UID.fullmatch(course.uid):
        raise InvalidInput("A calendar UID must be 8–255 letters, digits or '@._-'.")
    if isinstance(course.sessions, bool) or not isinstance(course.sessions, int) or course.sessions < 1:
        raise InvalidInput("A course needs at least one session.")
    shown = occurrences(course)  # validates start, weekdays, duration, cancellations and moves
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    zone = course.start.tzinfo
    if isinstance(zone, ZoneInfo) and zone.key != "UTC":
        # A conventional RRULE-based VTIMEZONE: readers that do not expand explicit date lists agree on the hour.
        years = [moment.astimezone(zone).year for moment in (course.start, *shown)]
        cal.add_component(vtimezone(zone, min(years), max(years)))  # the rules of every year it spans
    for part in _parts(course):
        cal.add_component(_event(part))
        for old, new in (*part.moved, *_skipped_hours(part), *_repeated_hours(part)):
            cal.add_component(_moved_event(part, old, new))
    return bytes(cal.to_ical())


def _skipped_hours(course: CalendarCourse) -> list[tuple[datetime, datetime]]:
    """Each occurrence of the rule at a wall time the clocks skip that night, with the hour after it: written as an
    override, since readers disagree on it (RFC 5545 and vobject take the offset before the gap, ical.js the one
    after it, an hour earlier), so every reader shows the session where Reverie has it."""
    taken = {instant(moment) for moment in course.cancelled} | {instant(old) for old, _new in course.moved}
    return [
        (start, real_local(start))
        for start in _rule_starts(course)
        if instant(start) not in taken
        and real_local(start).replace(tzinfo=None) != start.replace(tzinfo=None)
    ]


def _repeated_hours(course: CalendarCourse) -> list[tuple[datetime, datetime]]:
    """Each occurrence of the rule at a wall time that occurs twice that night (the clocks go back), with itself:
    written as an override whose DTSTART is in UTC, since readers disagree on it (RFC 5545 readers take the first
    occurrence, ical.js the second), so every reader shows the session where Reverie has it. Its RECURRENCE-ID
    stays the rule's own wall time, which each reader reads as it reads the rule, so it names the occurrence."""
    taken = {instant(moment) for moment in course.cancelled} | {instant(old) for old, _new in course.moved}
    return [
        (start, start) for start in _rule_starts(course) if instant(start) not in taken and repeated(start)
    ]


def repeated(moment: datetime) -> bool:
    """Whether ``moment``'s wall time occurs twice in its zone (the hour the clocks go back): its local form with a
    TZID is ambiguous, so a calendar file gives it in UTC."""
    zone = moment.tzinfo
    if not isinstance(zone, ZoneInfo):
        return False
    first, second = moment.replace(fold=0), moment.replace(fold=1)
    if instant(first) == instant(second):
        return False
    wall = moment.replace(tzinfo=None, fold=0)
    return all(instant(m).astimezone(zone).replace(tzinfo=None, fold=0) == wall for m in (first, second))


def _parts(course: CalendarCourse) -> list[CalendarCourse]:
    """One weekly event; or, when weekdays have their own times, one event per weekday (a rule has one time)."""
    days = session_weekdays(course.start, course.weekly, course.weekdays)
    times = dict(course.day_times)
    if all(times.get(day, course.start.timetz()).replace(tzinfo=None) == course.start.time() for day in days):
        return [course]
    planned = _rule_starts(course)  # wall-clock times: a part's DTSTART is its rule's, never shifted by a gap
    parts = []
    for day in days:
        starts = [start for start in planned if start.weekday() == day]
        if not starts:
            continue
        cancelled = tuple(c for c in course.cancelled if c.astimezone(starts[0].tzinfo).weekday() == day)
        moved = tuple(m for m in course.moved if m[0].astimezone(starts[0].tzinfo).weekday() == day)
        part = replace(
            course,
            uid=f"{course.uid}-{DAY_CODES[day]}",
            start=starts[0],
            sessions=len(starts) - len(cancelled),
            weekly=1,
            weekdays=(day,),
            cancelled=cancelled,
            extend_for_cancellations=True,  # COUNT = every start of this weekday, cancelled ones as EXDATEs
            day_times=(),
            moved=moved,
        )
        parts.append(part)
    return parts


def _vevent(course: CalendarCourse, start: datetime) -> icalendar.Event:
    """What every event of the course carries: its UID, stamp, title, start and length."""
    event = icalendar.Event()
    event.add("uid", course.uid)
    event.add("dtstamp", (course.stamp or datetime.now(UTC)).astimezone(UTC))
    event.add("summary", summary_of(course))
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=course.duration_minutes))
    return event


def _event(course: CalendarCourse) -> icalendar.Event:
    event = _vevent(course, course.start)
    event.add("rrule", _rule(course))
    if course.cancelled:
        event.add("exdate", sorted((_as_in_rule(course, moment) for moment in course.cancelled), key=instant))
    return event


def _moved_event(course: CalendarCourse, old: datetime, new: datetime) -> icalendar.Event:
    """The override of one occurrence of ``course``'s rule: the session that was at ``old`` is at ``new``."""
    shown = new.astimezone(
        course.start.tzinfo
    )  # a wall time of the repeated hour can't say which: given in UTC
    event = _vevent(course, instant(shown) if repeated(shown) else shown)
    event.add("recurrence-id", _as_in_rule(course, old))
    return event


def _rule(course: CalendarCourse) -> dict[str, object]:
    rule: dict[str, object] = {"freq": "weekly", "count": rule_count(course)}
    days = session_weekdays(course.start, course.weekly, course.weekdays)
    if days != (course.start.weekday(),):
        rule["byday"] = [DAY_CODES[day] for day in days]
    return rule


@dataclass(frozen=True, slots=True)
class RecurrenceRule:
    """A validated RRULE. ``text`` is its canonical form (without the ``RRULE:`` prefix)."""

    freq: str
    count: int | None
    interval: int
    byday: tuple[str, ...]
    until: date | datetime | None
    text: str


_RULE_PARTS = frozenset(
    {
        "FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY",
        "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST",
    }
)  # fmt: skip


def parse_rrule(text: str) -> RecurrenceRule:
    """Validate an RFC 5545 RRULE (with or without the ``RRULE:`` prefix); errors name the offending part."""
    if not isinstance(text, str) or not text.strip() or len(text) > 500:
        raise InvalidInput("A recurrence rule must be a non-empty line of at most 500 characters.")
    body = text.strip().removeprefix("RRULE:")
    parts = _split_parts(body)
    _check_ranges(parts)
    recur = _parse_parts(body, parts)
    return _checked_rule(recur)


def _split_parts(body: str) -> list[tuple[str, str]]:
    parts = []
    for index, part in enumerate(body.split(";"), start=1):
        key, sep, value = part.partition("=")
        if not sep or not value or key.upper() not in _RULE_PARTS:
            raise InvalidInput(f"Part {index} of the recurrence rule is not a known NAME=VALUE pair.")
        parts.append((key.upper(), value))
    keys = [key for key, _ in parts]
    if len(set(keys)) != len(keys):
        raise InvalidInput("A recurrence rule names a part more than once.")
    return parts


_RANGES = {
    "BYSECOND": (0, 60, False),
    "BYMINUTE": (0, 59, False),
    "BYHOUR": (0, 23, False),
    "BYMONTHDAY": (1, 31, True),
    "BYYEARDAY": (1, 366, True),
    "BYWEEKNO": (1, 53, True),
    "BYMONTH": (1, 12, False),
    "BYSETPOS": (1, 366, True),
}  # part: (lowest, highest, may be negative)


def _check_ranges(parts: list[tuple[str, str]]) -> None:
    for key, value in parts:
        if key not in _RANGES:
            continue
        low, high, signed = _RANGES[key]
        for item in value.split(","):
            number = int(item) if re.fullmatch(r"[+-]?\d{1,3}", item) else None
            magnitude = abs(number) if number is not None and signed else number
            if magnitude is None or (number is not None and number < 0 and not signed):
                raise InvalidInput(f"The {key} part of the recurrence rule is invalid.")
            if not low <= magnitude <= high:
                raise InvalidInput(f"The {key} part of the recurrence rule is out of range.")


def _parse_parts(body: str, parts: list[tuple[str, str]]) -> icalendar.vRecur:
    for key, value in parts:
        try:
            icalendar.vRecur.from_ical(f"{key}={value}")
        except (ValueError, TypeError):
            raise InvalidInput(f"The {key} part of the recurrence rule is invalid.") from None
    return cast(icalendar.vRecur, icalendar.vRecur.from_ical(body))


def _checked_rule(recur: icalendar.vRecur) -> RecurrenceRule:
    if "FREQ" not in recur:
        raise InvalidInput("A recurrence rule needs a FREQ part.")
    if "COUNT" in recur and "UNTIL" in recur:
        raise InvalidInput("A recurrence rule may have COUNT or UNTIL, not both.")
    count = _positive(recur, "COUNT")
    interval = _positive(recur, "INTERVAL") or 1
    until = recur["UNTIL"][0] if "UNTIL" in recur else None
    return RecurrenceRule(
        freq=str(recur["FREQ"][0]),
        count=count,
        interval=interval,
        byday=tuple(str(day) for day in recur.get("BYDAY", [])),
        until=until,
        text=bytes(recur.to_ical()).decode(),  # type: ignore[no-untyped-call]
    )


def _positive(recur: icalendar.vRecur, key: str) -> int | None:
    if key not in recur:
        return None
    value = recur[key][0]
    if not isinstance(value, int) or value < 1:
        raise InvalidInput(f"The {key} part of the recurrence rule must be a whole number from 1.")
    return value
