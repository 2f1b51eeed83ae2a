"""Sessions of a course: attendance, cancellations (with a make-up session at the end of a fixed course) and the
iCalendar export. Rules from :mod:`reverie.programmes.sessions` and :mod:`reverie.programmes.calendar`."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from reverie.care.models import Course, CourseSession
from reverie.care.services import alerts, records
from reverie.care.services import course as courses
from reverie.clinic.models import User
from reverie.clinic.services import audit, local_time
from reverie.clinic.services.policy import Action
from reverie.errors import Conflict, InvalidInput
from reverie.programmes import sessions as plan
from reverie.programmes.calendar import CalendarCourse, course_to_ics, initials_of
from reverie.programmes.sessions import Attendance, check_no_overlap, instant

RECORDABLE = (Attendance.ATTENDED, Attendance.DID_NOT_ATTEND)


@dataclass(frozen=True, slots=True)
class Cancellation:
    """What a cancellation did: the make-up session added at the end (fixed-length courses), and a warning
    when that make-up session overlaps another session (it is added all the same; move it with the client)."""

    session: CourseSession
    make_up: CourseSession | None
    make_up_overlap: str | None


def _session(actor: User, course_id: object, slot: int, action: Action) -> tuple[Course, CourseSession]:
    course = courses.get_course(actor, course_id)
    row = courses.session_by_slot(course, slot)
    records.fetch(actor, CourseSession.objects.select_related("course"), row.id, action, "session")
    return course, row


def has_started(row: CourseSession, now: datetime | None = None) -> bool:
    """True once the session's start time has come: from then on it gets attendance, never a cancel or a move."""
    return bool(row.start <= (now or timezone.now()))


def record_attendance(
    therapist: User, course_id: object, slot: int, attendance: str, now: datetime | None = None
) -> CourseSession:
    """Mark a session attended or not attended (cancellations go through :func:`cancel_session`), once it has
    started: a session still to come has no attendance yet."""
    course, row = _session(therapist, course_id, slot, Action.WRITE)
    try:
        state = Attendance(attendance)
    except ValueError:
        raise InvalidInput("Choose attended or did not attend.") from None
    if state not in RECORDABLE:
        raise InvalidInput("Choose attended or did not attend; cancel a session to cancel it.")
    if courses.as_session(row).cancelled:
        raise Conflict("This session was cancelled.")
    if not has_started(row, now):
        raise Conflict("This session has not started yet; record attendance once it has begun.")
    plan.record_attendance([courses.as_session(row)], row.slot, state)
    row.attendance, row.recorded_at = state.value, timezone.now()
    row.save(update_fields=["attendance", "recorded_at"])
    audit.record(therapist, f"session.{state.value}", "session", row.id, subject=course.client)
    return row


def calendar_of(course: Course, stamp: datetime | None = None) -> CalendarCourse:
    """The course as the pure calendar sees it, from its stored sessions: the weekly rule from the first start up
    to the latest time a session holds or left, each session at a rule start it has (or had before a move), the
    rule's starts no session has (skipped by a make-up placed after a moved session) and the cancelled ones as
    exceptions, moved sessions as overrides of the start they left (a moved session later cancelled: that start
    is cancelled). So the calendar shows exactly the sessions held, each once. An ended course shows the sessions
    it had: those after its end are cancelled, so they are EXDATEs (never busy)."""
    zone = courses.course_zone(course)
    rows = courses.planned(course)
    first = course.first_start.astimezone(zone)
    originals = {instant(r.moved_from or r.start) for r in rows}
    last = max(originals, default=instant(first))
    skipped = tuple(at for at in courses.regular_between(course, first, last) if instant(at) not in originals)
    gone = tuple((r.moved_from or r.start).astimezone(zone) for r in rows if courses.as_session(r).cancelled)
    moved = tuple(
        (r.moved_from.astimezone(zone), r.start.astimezone(zone))
        for r in rows
        if r.moved_from is not None and not courses.as_session(r).cancelled
    )
    return CalendarCourse(
        uid=f"course-{course.id}@reverie",
        start=first,
        sessions=len(rows) - len(gone),
        weekly=course.weekly,
        weekdays=tuple(course.weekdays) if course.weekdays else None,
        duration_minutes=course.duration_minutes,
        initials=initials_of(re.sub(r"[._\-@+0-9]+", " ", course.client.username)),
        cancelled=gone + skipped,
        stamp=stamp,
        day_times=courses.day_times_of(course),
        moved=moved,
    )


def check_cancellable(actor: User, course: Course, row: CourseSession, now: datetime | None = None) -> None:
    """Everything a cancellation checks, before anything is written. A session that has started (or is over)
    is not cancelled by anyone: the client is told to talk to their therapist, the therapist records
    attendance ("did not attend" when the client did not come)."""
    if courses.as_session(row).cancelled:
        raise Conflict("This session is already cancelled.")
    if row.attendance:
        raise Conflict("Attendance was already recorded for this session.")
    if has_started(row, now):
        if actor.pk == course.client_id:
            raise Conflict("This session has started or is over, so it can no longer be cancelled.")
        raise Conflict("This session has started or is over: record its attendance instead of cancelling it.")


def cancel_session(
    actor: User, course_id: object, slot: int, now: datetime | None = None, *, note: str = ""
) -> Cancellation:
    """Cancel a session (by the client or by the therapist) that has not started, with an optional note for the
    other side. A fixed-length course gets a make-up session. Everything is checked first, then written in one
    transaction: a refused cancellation changes nothing."""
    from reverie.care.services import week

    course, row = _session(actor, course_id, slot, Action.DELETE)
    check_cancellable(actor, course, row, now)
    by = Attendance.CANCELLED_BY_CLIENT if actor.pk == course.client_id else Attendance.CANCELLED_BY_THERAPIST
    plan.cancel([courses.as_session(row)], row.slot, by)
    text = week.clean_note(note, from_client=by is Attendance.CANCELLED_BY_CLIENT)
    with transaction.atomic():
        row.attendance, row.recorded_at = by.value, timezone.now()
        fields = ["attendance", "recorded_at"]
        if text:
            week.seal_note(course, row, text)
            fields += ["note_to_client", "note_at"]
        row.save(update_fields=fields)
        # an ended course gets no make-up session (ending today keeps today's sessions, which can still be cancelled)
        fixed = course.ended_at is None and not courses.plans_ahead(course)
        make_up = _add_make_up(course) if fixed else None
        audit.record(actor, "session.cancel", "session", row.id, subject=course.client)
        # the note is words saved: screened before the save returns, like an entry (issue 12)
        alerts.screen_at_save(course.client, "session", cancel_record(row), text, author=actor)
    overlap = _overlap_warning(course, make_up, actor) if make_up else None
    return Cancellation(row, make_up, overlap)


def cancel_record(row: CourseSession) -> str:
    """A risk alert's record id for the note sent when cancelling one session (its own, beside the session's)."""
    return f"{row.id}{alerts.CANCEL_SUFFIX}"


def _add_make_up(course: Course) -> CourseSession | None:
    """The make-up session: at the course's first regular time after every session it has (a moved one at its
    new time and at the time it left), so it comes last, in slot and in time order, never on a session's hour."""
    start = courses.next_regular(course)
    if start is None:
        return None
    slot = max(r.slot for r in courses.planned(course)) + 1
    return CourseSession.objects.create(
        course=course, slot=slot, start=instant(start), duration_minutes=course.duration_minutes
    )


CLASH_FOR_CLIENT = (
    "The make-up time clashes with something in your therapist's calendar; your therapist will confirm it."
)


def _overlap_warning(course: Course, make_up: CourseSession, reader: User) -> str | None:
    """The clash a make-up session lands on, told to whoever cancelled, at their own hour. The therapist reads the
    clashing session's number and time when it is one of theirs (they move it with the client); a clash with the
    client's therapy with another therapist is told without a word about it (``courses.check_free``). The client
    reads those only for a session of their own; a clash with anything else in the therapist's calendar (another
    client's session) is told without a word about it: a client never learns anything about another client."""
    session = courses.as_session(make_up)
    session = replace(session, start=session.start.astimezone(courses.course_zone(course)))
    zone = local_time.zone_of(reader)
    if reader.pk != course.client_id:
        try:
            courses.check_free(
                course.therapist,
                course.client,
                [session],
                zone,
                since=session.start,
                until=session.end,
                exclude=course,
            )
        except Conflict as exc:
            return exc.message
        return None
    own = [course.client]
    for people in (own, [course.therapist, course.client]):
        try:
            check_no_overlap(  # the client reads their own sessions unnamed (their name is theirs)
                [
                    replace(s, owner="")
                    for s in courses.busy_sessions(people, course, since=session.start, until=session.end)
                ],
                session,
                local_time.zone_of(reader),
            )
        except Conflict as exc:
            return exc.message if people is own else CLASH_FOR_CLIENT
    return None


def course_ics(actor: User, course_id: object) -> bytes:
    """The course as an .ics file: one weekly rule, minimal title (initials only), cancellations excluded."""
    course = courses.get_course(actor, course_id)
    if not courses.held_sessions(course):  # e.g. a link ended before the first session: all were cancelled
        raise InvalidInput("This course has no sessions to add to a calendar: every one was cancelled.")
    data = course_to_ics(calendar_of(course))
    audit.record(actor, "course.calendar", "course", course.id, subject=course.client)
    return data
