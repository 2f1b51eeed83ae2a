"""Planning sessions: 50 minutes, once or twice a week; attendance, cancellations and overlap checks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time, timedelta, tzinfo
from enum import StrEnum
from zoneinfo import ZoneInfo

from reverie.errors import Conflict, InvalidInput

DEFAULT_MINUTES = 50
MAX_PLANNED = 520  # ten years of weekly sessions
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Attendance(StrEnum):
    ATTENDED = "attended"
    CANCELLED_BY_CLIENT = "cancelled_by_client"
    CANCELLED_BY_THERAPIST = "cancelled_by_therapist"
    CANCELLED_BY_CLINIC = (
        "cancelled_by_clinic"  # the clinic ended the link: an account closed (reverie user deactivate)
    )
    DID_NOT_ATTEND = "did_not_attend"


CANCELLATIONS = frozenset(
    {Attendance.CANCELLED_BY_CLIENT, Attendance.CANCELLED_BY_THERAPIST, Attendance.CANCELLED_BY_CLINIC}
)


@dataclass(frozen=True, slots=True)
class Session:
    """One planned session. ``attendance`` is None until it is recorded."""

    number: int
    start: datetime
    duration_minutes: int = DEFAULT_MINUTES
    attendance: Attendance | None = None
    # whose session it is, as the week view names it (the client's name), for a clash refusal; never compared
    owner: str = field(default="", compare=False)

    @property
    def end(self) -> datetime:
        """The instant the session ends, in the start's zone: ``duration_minutes`` of real time after the start,
        also across a clock change (wall-clock arithmetic would make a session in the repeated hour 110 minutes)."""
        return (instant(self.start) + timedelta(minutes=self.duration_minutes)).astimezone(self.start.tzinfo)

    @property
    def cancelled(self) -> bool:
        return self.attendance in CANCELLATIONS


def instant(moment: datetime) -> datetime:
    """The moment in UTC. Sessions are compared (for equality, as sets or dict keys) only as instants: Python
    never finds a local time in a repeated or skipped hour equal to the same moment in another zone."""
    return moment.astimezone(UTC)


def real_local(moment: datetime) -> datetime:
    """The local time the clocks actually show at ``moment`` (in its own zone). A wall time the clocks skip
    (01:30 on the night they go forward) reads as the hour after it (02:30), as RFC 5545 and calendar programs
    read it: the offset before the gap applies. A repeated wall time (fold 0) is its first occurrence."""
    return instant(moment).astimezone(moment.tzinfo)


def check_exists(moment: datetime) -> None:
    """Refuse a local time that never shows on the clocks of its zone (skipped when they go forward), naming the
    zone and the change; a time in the repeated hour is fine (it means the first time round, as in calendars)."""
    zone = moment.tzinfo
    try:
        shown = real_local(moment)
    except OverflowError:  # the first or last hours of year 1 or 9999: the caller's year check refuses them
        return
    if not isinstance(zone, ZoneInfo) or shown.replace(tzinfo=None, fold=0) == moment.replace(
        tzinfo=None, fold=0
    ):
        return
    raise InvalidInput(
        f"{moment:%H:%M} on {moment.day} {moment:%b %Y} does not exist in {zone.key}: the clocks go forward "
        "past it that night. Choose another time (for instance an hour later)."
    )


def check_start(start: datetime) -> None:
    """A session start must be aware, in UTC or a named (IANA) time zone, so calendars agree on it."""
    if start.tzinfo is None or start.utcoffset() is None:
        raise InvalidInput("A session start must carry a time zone.")
    if not isinstance(start.tzinfo, ZoneInfo) and start.tzinfo is not UTC:
        raise InvalidInput("A session start must use a named time zone (such as Europe/London) or UTC.")


LONGEST_MINUTES = 240  # no session is longer: a session starting this long before a moment has ended by then


def check_duration(duration_minutes: int) -> None:
    if isinstance(duration_minutes, bool) or not isinstance(duration_minutes, int):
        raise InvalidInput("A session length must be a whole number of minutes.")
    if not 10 <= duration_minutes <= LONGEST_MINUTES:
        raise InvalidInput(f"A session length must be between 10 and {LONGEST_MINUTES} minutes.")


def session_weekdays(start: datetime, weekly: int, weekdays: Sequence[int] | None = None) -> tuple[int, ...]:
    """The weekdays (0 = Monday) sessions fall on; twice weekly defaults to the start day and 3 days later."""
    if weekly not in (1, 2):
        raise InvalidInput("Sessions are planned once or twice a week.")
    if weekdays is None:
        first = start.weekday()
        return (first,) if weekly == 1 else tuple(sorted({first, (first + 3) % 7}))
    days = tuple(sorted(set(weekdays)))
    if any(isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 6 for d in days):
        raise InvalidInput("Weekdays are numbers from 0 (Monday) to 6 (Sunday).")
    if len(days) != weekly:
        raise InvalidInput(f"{weekly} session(s) a week need exactly {weekly} different weekday(s).")
    if start.weekday() not in days:
        raise InvalidInput(
            f"The first session falls on a {WEEKDAY_NAMES[start.weekday()]}, not a chosen weekday."
        )
    return days


def plan_sessions(
    start: datetime,
    weekly: int = 1,
    count: int | None = None,
    weekdays: Sequence[int] | None = None,
    duration_minutes: int = DEFAULT_MINUTES,
    *,
    horizon_weeks: int = 12,
    day_times: Mapping[int, time] | None = None,
) -> tuple[Session, ...]:
    """Plan sessions from ``start`` (the first session) at the same wall-clock time on the chosen weekdays.

    ``count`` None means an open-ended course: sessions are planned ``horizon_weeks`` ahead. Times keep their
    local wall-clock time across daylight-saving changes, as a calendar's weekly rule does; a session whose
    wall-clock time the clocks skip that night is at the hour after it (:func:`real_local`), as calendars read it.
    """
    check_start(start)
    check_duration(duration_minutes)
    days = session_weekdays(start, weekly, weekdays)
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise InvalidInput("The number of sessions must be a whole number from 1.")
    if count is not None and count > MAX_PLANNED:
        raise InvalidInput(f"At most {MAX_PLANNED} sessions can be planned at once.")
    if not 1 <= horizon_weeks <= 104:
        raise InvalidInput("An open-ended plan looks between 1 and 104 weeks ahead.")
    starts = at_day_times(_starts(start, days, count, horizon_weeks), day_times or {}, start)
    return tuple(Session(n, real_local(at), duration_minutes) for n, at in enumerate(starts, start=1))


def rule_starts(
    start: datetime,
    weekly: int,
    count: int,
    weekdays: Sequence[int] | None = None,
    *,
    day_times: Mapping[int, time] | None = None,
) -> list[datetime]:
    """The first ``count`` starts of a weekly rule from ``start`` as wall-clock times, exactly as a calendar's
    RRULE writes them (a time the clocks skip is kept as written; :func:`plan_sessions` checks the arguments
    and places such a time at the hour after it)."""
    days = session_weekdays(start, weekly, weekdays)
    return at_day_times(_starts(start, days, count, 1), day_times or {}, start)


def at_day_times(
    starts: Sequence[datetime], day_times: Mapping[int, time], first: datetime
) -> list[datetime]:
    """Each start moved to its weekday's own local time ("Mondays at 10:00, Thursdays at 18:00"); the first
    session keeps its time, so its weekday's time must be the first session's."""
    if not day_times:
        return list(starts)
    if any(not 0 <= day <= 6 for day in day_times):
        raise InvalidInput("Weekdays are numbers from 0 (Monday) to 6 (Sunday).")
    own = day_times.get(first.weekday())
    if own is not None and (own.hour, own.minute) != (first.hour, first.minute):
        raise InvalidInput("The first session's day keeps the first session's time.")
    out = []
    for moment in starts:
        wanted = day_times.get(moment.weekday())
        out.append(
            moment
            if wanted is None or wanted == moment.time()  # unchanged: the first session keeps its fold
            else datetime.combine(moment.date(), wanted, tzinfo=moment.tzinfo)
        )
    return out


def _starts(start: datetime, days: tuple[int, ...], count: int | None, horizon_weeks: int) -> list[datetime]:
    starts: list[datetime] = []
    offset = 0
    while (count is None and offset < horizon_weeks * 7) or (count is not None and len(starts) < count):
        # aware arithmetic keeps the local wall-clock time (a repeated hour: the first); the first start stays as
        # given, so one given at the second occurrence of a repeated hour (fold 1) is kept at that instant
        moment = start + timedelta(days=offset) if offset else start
        if moment.weekday() in days:
            starts.append(moment)
        offset += 1
    return starts


def record_attendance(
    sessions: Sequence[Session], number: int, attendance: Attendance
) -> tuple[Session, ...]:
    """A copy of ``sessions`` with session ``number`` marked; unknown numbers raise InvalidInput."""
    state = Attendance(attendance)
    if not any(s.number == number for s in sessions):
        raise InvalidInput(f"There is no session {number} in this course.")
    return tuple(replace(s, attendance=state) if s.number == number else s for s in sessions)


def cancel(sessions: Sequence[Session], number: int, by: Attendance) -> tuple[Session, ...]:
    """Cancel session ``number`` by the client or by the therapist."""
    if Attendance(by) not in CANCELLATIONS:
        raise InvalidInput("A cancellation is made by the client or by the therapist.")
    return record_attendance(sessions, number, by)


def check_no_overlap(existing: Iterable[Session], new: Session, reader: tzinfo | None = None) -> None:
    """Raise Conflict when ``new`` overlaps a session that is not cancelled (touching ends are fine).

    The refusal names the clashing session by its ``number`` and ``owner`` as the caller gave them (the course
    pages' numbering, the client's name: ``care.services.course.busy_sessions``), its day and hour in words
    (:func:`day_and_time`) at the reader's hour (``reader``: the zone of the person who reads it;
    without one, the zone of ``new``, which is its course's), with the zone named when it is not ``new``'s."""
    check_start(new.start)
    zone = reader or new.start.tzinfo
    for session in existing:
        if session.cancelled or session is new:
            continue
        if new.start < session.end and session.start < new.end:
            when = day_and_time(session.start.astimezone(zone))
            if _zone_key(zone) != _zone_key(new.start.tzinfo):
                when += f" ({_zone_key(zone)})"
            whose = f"{session.owner}'s " if session.owner else ""
            raise Conflict(f"This session overlaps {whose}session {session.number} on {when}.")


def day_and_time(moment: datetime) -> str:
    """A session's day and hour as the pages write them ("Mon 28 Dec 2026 10:00"), never ISO."""
    return f"{moment:%a} {moment.day} {moment:%b %Y %H:%M}"


def _zone_key(zone: tzinfo | None) -> str:
    return str(getattr(zone, "key", None) or zone)


def attendance_counts(sessions: Iterable[Session]) -> dict[Attendance, int]:
    """How many sessions ended in each attendance state (unrecorded sessions are not counted)."""
    counts = dict.fromkeys(Attendance, 0)
    for session in sessions:
        if session.attendance is not None:
            counts[session.attendance] += 1
    return counts


def regular_starts(
    first: datetime,
    weekdays: Sequence[int],
    after: datetime,
    until: datetime,
    *,
    day_times: Mapping[int, time] | None = None,
) -> list[datetime]:
    """The course's regular starts strictly after ``after`` and up to ``until`` (an open-ended course's rolling
    horizon): on the course's weekdays at the first session's wall-clock time (or the weekday's own time), in the
    first session's zone, across daylight-saving changes, exactly as :func:`plan_sessions` places them. It walks
    from ``after``'s day, not from the first session, so a course years old costs no more than a new one."""
    check_start(first)
    days = frozenset(weekdays) or frozenset({first.weekday()})
    zone = first.tzinfo
    begin = max(after.astimezone(zone).date(), first.date())
    last = until.astimezone(zone).date()
    out: list[datetime] = []
    offset = (begin - first.date()).days
    while (first + timedelta(days=offset)).date() <= last:
        moment = first + timedelta(days=offset) if offset else first  # as _starts: the first keeps its fold
        if moment.weekday() in days:
            [wall] = at_day_times([moment], day_times or {}, first)
            at = real_local(wall)
            if after < at <= until:
                out.append(at)
        offset += 1
    return out
