"""The therapist's week across clients, and sessions moved or cancelled with a note the client sees.

Times are shown in the viewer's own zone (``clinic.services.local_time``); storage stays in UTC. A note to the
client is free text: it is sealed with the client's key and read back only through the policy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from reverie.care.models import Course, CourseSession
from reverie.care.policy import linked_clients
from reverie.care.services import course as courses
from reverie.care.services import records, sessions
from reverie.clinic.models import User
from reverie.clinic.services import audit, keys, local_time
from reverie.clinic.services.policy import Action
from reverie.errors import Conflict, InvalidInput, PermissionDenied, about
from reverie.programmes.sessions import Session, check_exists, instant
from reverie.text import is_blank
from reverie.text import problem as text_problem

NOTE_PURPOSE = "session.note"
MAX_NOTE_CHARS = 2_000


@dataclass(frozen=True, slots=True)
class WeekSlot:
    course: Course
    row: CourseSession
    number: int | None
    local_start: datetime


@dataclass(frozen=True, slots=True)
class WeekDay:
    day: date
    slots: tuple[WeekSlot, ...]


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_of(therapist: User, day: date | None = None) -> tuple[date, list[WeekDay]]:
    """Monday to Sunday of the week holding ``day`` (today in the therapist's zone): every session, every client."""
    if not (therapist.is_active and therapist.is_therapist):
        raise PermissionDenied("The week view is the therapist's.")
    zone = local_time.zone_of(therapist)
    if day is not None and not courses.FIRST_YEAR <= day.year <= courses.LAST_YEAR:
        raise InvalidInput(f"Choose a week between the years {courses.FIRST_YEAR} and {courses.LAST_YEAR}.")
    monday = week_start(day or timezone.now().astimezone(zone).date())
    first = datetime.combine(monday, time(0, 0), zone)
    last = first + timedelta(days=7)
    # an ended course's sessions before its end stay (held and cancelled ones as such); those after it do not.
    # Only clients still linked: once a link has ended, the therapist reads none of that client's course pages
    # (the policy), and the week view names no one whose page would answer 404.
    rows = (
        CourseSession.objects.select_related("course", "course__client")
        .filter(course__therapist=therapist, start__gte=first, start__lt=last)
        .filter(course__client__in=linked_clients(therapist))
        .filter(Q(course__ended_at__isnull=True) | Q(start__lt=F("course__ended_at")))
        .order_by("start")
    )
    numbers: dict[object, dict[object, int]] = {}
    by_day: dict[date, list[WeekSlot]] = {monday + timedelta(days=i): [] for i in range(7)}
    for row in rows:
        course = row.course
        if course.pk not in numbers:
            numbers[course.pk] = {r.pk: n for n, r in enumerate(courses.held_sessions(course), start=1)}
        local = row.start.astimezone(zone)
        by_day[local.date()].append(WeekSlot(course, row, numbers[course.pk].get(row.pk), local))
    return monday, [WeekDay(d, tuple(slots)) for d, slots in by_day.items()]


def clean_note(note: str, *, from_client: bool = False) -> str:
    """The note to the other side, checked before anything is written (errors name it from the writer's side
    and never quote it): kept exactly as typed, indentation and trailing spaces too; a note of white space alone is
    no note (:func:`reverie.text.is_blank`, the one rule, as for an entry)."""
    what = "Your note to your therapist" if from_client else "The note to the client"
    text = str(note or "")
    text = "" if is_blank(text) else text
    if len(text) > MAX_NOTE_CHARS:
        raise InvalidInput(
            f"{what} may be at most {MAX_NOTE_CHARS:,} characters; it has {len(text):,}.", field="note"
        )
    if text_problem(text) is not None:  # the one check of free text: valid UTF-8, no NUL
        raise InvalidInput(f"{what} holds a character that cannot be stored.", field="note")
    return text


def seal_note(course: Course, row: CourseSession, text: str) -> None:
    """Put a checked note (:func:`clean_note`) on the session row, sealed with the client's key (not saved)."""
    if text:
        row.note_to_client = keys.seal_for(course.client, f"session:{row.pk}", NOTE_PURPOSE, text.encode())
        row.note_at = timezone.now()
    else:
        row.note_to_client, row.note_at = None, None


def note_of(row: CourseSession) -> str:
    """The note to the client, opened (callers hold the course through the policy already)."""
    if not row.note_to_client:
        return ""
    course = row.course
    return keys.open_for(course.client, f"session:{row.pk}", NOTE_PURPOSE, row.note_to_client).decode()


AskFirst = courses.AskFirst  # a move to the night asks once more (the web form), as a set-up does


def move_session(
    therapist: User,
    course_id: object,
    slot: int,
    new_start: datetime,
    note: str = "",
    *,
    night_ok: bool = True,
) -> CourseSession:
    """Move one session to another time (the therapist, after confirming); the client sees where it went and why.
    ``night_ok=False`` (the web form before its second press): a move to a time at night (before 06:00 or after
    22:00 in the therapist's zone) that passes every check raises :class:`AskFirst` instead, nothing written."""
    course, row = sessions._session(therapist, course_id, slot, Action.WRITE)
    if row.attendance:
        raise Conflict("This session was already held or cancelled; it cannot be moved.")
    if sessions.has_started(row):
        raise Conflict("This session has started or is over: record its attendance instead of moving it.")
    day = courses.ended_day_words(course, therapist)
    if day is not None:  # ending today keeps today's sessions: held or cancelled, never moved past the end
        raise Conflict(f"This course ended on {day}: its sessions are not moved.")
    if new_start.tzinfo is None:
        new_start = new_start.replace(tzinfo=local_time.zone_of(therapist))
    with about("start"):
        courses.check_year(new_start)  # first: year 9999 (or 1) read in UTC would overflow
    check_exists(new_start)  # a typed time the clocks skip that night: refused (a repeated one is the first)
    new_start = instant(new_start)  # compared and stored as an instant
    if new_start == row.start:
        raise InvalidInput("That is when the session already is.", field="start")
    if new_start < timezone.now() - timedelta(minutes=5):
        raise InvalidInput("A session can be moved to a time that has not passed yet.", field="start")
    _check_keeps_order(course, row, new_start)
    text = clean_note(note)  # every check before the first write
    moved = Session(row.slot, new_start.astimezone(courses.course_zone(course)), row.duration_minutes)
    with transaction.atomic():
        courses.check_free(  # named at the therapist's hour; the client's other therapy never named
            course.therapist,
            course.client,
            [moved],
            local_time.zone_of(therapist),
            since=moved.start,
            until=moved.end,
            moving=row,  # left out by identity: a session starting at the same instant is still compared
        )
        at = new_start.astimezone(local_time.zone_of(therapist))
        if not night_ok and courses.at_night(at.time()):
            raise AskFirst([f"The new time is {at:%H:%M}, at night (before 06:00 or after 22:00)."])
        row.moved_from = row.moved_from or row.start
        row.start = new_start
        seal_note(course, row, text)
        row.save(update_fields=["start", "moved_from", "note_to_client", "note_at"])
        audit.record(therapist, "session.move", "session", row.id, subject=course.client)
    return row


def _check_keeps_order(course: Course, row: CourseSession, new_start: datetime) -> None:
    """A moved session stays between the sessions held before and after it: session numbers, phases and the measure
    schedule count sessions in time order, and a session moved past its neighbour would break all three."""
    held = courses.held_sessions(course)
    at = next(i for i, h in enumerate(held) if h.pk == row.pk)
    zone = local_time.zone_of(course.therapist)
    before = held[at - 1] if at > 0 else None
    after = held[at + 1] if at + 1 < len(held) else None
    if before is not None and new_start <= before.start:
        raise InvalidInput(
            f"A session can be moved only to a time after the session before it ({_when(before, zone)}).",
            field="start",
        )
    if after is not None and new_start >= after.start:
        raise InvalidInput(
            f"A session can be moved only to a time before the next session ({_when(after, zone)}).",
            field="start",
        )
    # the last one of an open-ended course: before its next regular time, or the weeks in between are never planned
    upcoming = courses.next_unplanned(course) if after is None else None
    if upcoming is not None and new_start >= upcoming:
        raise InvalidInput(
            f"A session can be moved only to a time before the next session ({moment_words(upcoming, zone)}).",
            field="start",
        )


def _when(row: CourseSession, zone: ZoneInfo) -> str:
    return moment_words(row.start, zone)


def moment_words(moment: datetime, zone: ZoneInfo, now: datetime | None = None) -> str:
    """A moment as the move form's refusals name it, in ``zone``: "21 Dec 10:00", the year only when it is not this
    year's ("5 Apr 2027 10:00")."""
    at = moment.astimezone(zone)
    this_year = (now or timezone.now()).astimezone(zone).year
    return f"{at.day} {at:%b %H:%M}" if at.year == this_year else f"{at.day} {at:%b %Y %H:%M}"


def cancel_with_note(actor: User, course_id: object, slot: int, note: str = "") -> sessions.Cancellation:
    """Cancel a session after confirming, with a note the other side sees (checked before anything is written;
    the cancellation and the note are one transaction)."""
    return sessions.cancel_session(actor, course_id, slot, note=note)


def session_for_change(
    actor: User, course_id: object, slot: int, action: Action
) -> tuple[Course, CourseSession]:
    """The session a move or cancel page is about, through the policy (others' sessions answer as missing)."""
    course = courses.get_course(actor, course_id)
    row = courses.session_by_slot(course, slot)
    records.fetch(actor, CourseSession.objects.select_related("course"), row.id, action, "session")
    return course, row
