"""Setting up and reading a course: programme, planned sessions, where the course stands, the IPAF and letter.

Every rule comes from :mod:`reverie.programmes` (phases, session planning, overlap, recurrence rules); this module
stores, authorizes, seals and audits.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import transaction
from django.db.models import Exists, Max, Min, OuterRef, Q
from django.utils import timezone
from django.utils.crypto import salted_hmac

from reverie.care.models import (
    Course,
    CourseSession,
    GoodbyeLetter,
    MeasureResponse,
    ProgressNote,
    RiskAlert,
    TherapistNote,
)
from reverie.care.policy import linked_clients, visible_courses
from reverie.care.services import records
from reverie.clinic.models import Pair, User
from reverie.clinic.services import audit, local_time
from reverie.clinic.services.policy import Action, allows
from reverie.errors import Conflict, InvalidInput, LeftOpen, NotFound, PermissionDenied, StaleEdit, about
from reverie.measures.questionnaires import get_questionnaire
from reverie.measures.schedule import parse_schedule
from reverie.programmes import formats
from reverie.programmes.calendar import parse_rrule
from reverie.programmes.formats import CoursePosition, Programme
from reverie.programmes.sessions import (
    CANCELLATIONS,
    LONGEST_MINUTES,
    Attendance,
    Session,
    check_exists,
    check_no_overlap,
    plan_sessions,
    regular_starts,
)
from reverie.text import counted
from reverie.words import words as plain_words

LETTER_PURPOSE = "letter.goodbye"
HORIZON = timedelta(weeks=12)  # an open-ended course always has its sessions planned this far ahead of now
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True, slots=True)
class CourseDraft:
    """What a therapist asks for. ``start`` without a zone is read in ``timezone``. ``rrule`` (optional, e.g.
    ``FREQ=WEEKLY;BYDAY=MO,TH;COUNT=28``) replaces ``weekly``/``weekdays``/``total_sessions``. An open-ended format
    takes no total: ``total_sessions``, or a rule's COUNT or UNTIL, is refused (``formats.check_total``)."""

    client: str
    programme: str
    start: datetime
    timezone: str = "UTC"
    weekly: int = 1
    weekdays: tuple[int, ...] | None = None
    total_sessions: int | None = None
    duration_minutes: int = 50
    measure_schedule: str = "every_session"
    rrule: str | None = None
    day_times: tuple[tuple[int, time], ...] = ()  # twice a week: e.g. ((3, time(18, 30)),) for Thursdays


@dataclass(frozen=True, slots=True)
class Plan:
    programme: Programme
    start: datetime
    weekly: int
    weekdays: tuple[int, ...] | None
    total: int | None


FIRST_YEAR, LAST_YEAR = 2000, 2100  # a session outside these years is a typing slip (and 9999 overflows)


def zone_of(name: str) -> ZoneInfo:
    """The named zone; any other text (too long, a path, unknown) is a plain InvalidInput, never an OSError."""
    if not isinstance(name, str) or local_time.known_zone(name) != name:
        raise InvalidInput("Unknown time zone; use a name such as Europe/London or UTC.")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InvalidInput("Unknown time zone; use a name such as Europe/London or UTC.") from None


def check_year(moment: datetime) -> None:
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise InvalidInput(f"A session date must fall between the years {FIRST_YEAR} and {LAST_YEAR}.")


# A set-up or a move the web form asks about once more before doing it (r133: a course typed as starting in 2020
# was set up at once with 15 past sessions, a session moved to 03:00 silently): a first session this far back, a
# session starting at night
PAST_ASK_AFTER = timedelta(weeks=4)
NIGHT_ENDS, NIGHT_STARTS = time(6, 0), time(22, 0)


class AskFirst(Exception):  # not an error: a question for the person, in its words
    """A set-up or a move every check accepts that the web form asks about once more before making it: ``asks``,
    each in plain words (:func:`second_thoughts`; a move to the night, ``week.move_session``)."""

    def __init__(self, asks: Sequence[str]) -> None:
        super().__init__(" ".join(asks))
        self.asks = list(asks)


def at_night(at: time) -> bool:
    """Before 06:00 or after 22:00: a time a session is rarely meant to start."""
    return at < NIGHT_ENDS or at > NIGHT_STARTS


def _ago(delta: timedelta) -> str:
    days = delta.days
    if days < 60:
        return f"{days // 7} weeks ago"
    if days < 365 * 2:
        return f"about {round(days / 30.44)} months ago"
    return f"over {int(days // 365.25)} years ago"


def second_thoughts(draft: CourseDraft, now: datetime | None = None) -> list[str]:
    """What the set-up form asks about before setting the course up as typed, in plain words ([] when nothing):
    a first session more than four weeks back ("Mon 6 Jan 2020 10:00, over 6 years ago: the sessions between then
    and today are set up as past ones"), a session time at night (before 06:00 or after 22:00). A draft the service
    would refuse anyway (an unknown zone, a bad year) asks nothing: its refusal comes first."""
    try:
        zone = zone_of(draft.timezone)
        check_year(draft.start)
    except InvalidInput:
        return []
    start = draft.start if draft.start.tzinfo is not None else draft.start.replace(tzinfo=zone)
    asks = []
    back = (now or timezone.now()) - start
    if back > PAST_ASK_AFTER:
        asks.append(
            f"The first session is {start.astimezone(zone):%a} {start.astimezone(zone).day} "
            f"{start.astimezone(zone):%b %Y %H:%M}, {_ago(back)}: the sessions between then and today are set up "
            "as past ones."
        )
    times = sorted({start.astimezone(zone).time(), *(at for _, at in draft.day_times)})
    night = [at for at in times if at_night(at)]
    if night:
        said = " and ".join(f"{at:%H:%M}" for at in night)
        asks.append(f"Sessions start at {said}, at night (before 06:00 or after 22:00).")
    return asks


def already_set_up(therapist: User, draft: CourseDraft) -> Course | None:
    """The course this therapist already set up from the same draft (the client, the programme, the first session),
    not ended: the set-up page then says so with a link (r133: Back and "Set up the course" again said "This
    session overlaps maya's session 1 …", true but not what happened). None for a draft the service would refuse."""
    try:
        zone = zone_of(draft.timezone)
        check_year(draft.start)
    except InvalidInput:
        return None
    start = draft.start if draft.start.tzinfo is not None else draft.start.replace(tzinfo=zone)
    return (
        Course.objects.filter(
            therapist=therapist,
            client__username=draft.client,
            programme=draft.programme,
            first_start=start,
            ended_at__isnull=True,
        )
        .order_by("created_at", "id")
        .first()
    )


def check_plan_years(sessions: Sequence[Session]) -> None:
    """Refuse a plan whose sessions run past LAST_YEAR (in the course's zone): every session a course stores can
    then be moved and its week shown. Later sessions (the horizon, a make-up) stop at that year too."""
    last = max(s.start for s in sessions)
    if last.year > LAST_YEAR:
        raise InvalidInput(
            f"This course's sessions would run past the year {LAST_YEAR} (the last on {last:%-d %b %Y}): a session "
            f"date must fall between the years {FIRST_YEAR} and {LAST_YEAR}. Choose an earlier first session or "
            "fewer sessions."
        )


def _weekly_from_rrule(
    text: str, start: datetime, programme: Programme
) -> tuple[int, tuple[int, ...] | None, int | None]:
    rule = parse_rrule(text)
    if programme.open_ended and (rule.count is not None or rule.until is not None):
        raise InvalidInput(formats.no_set_total(programme, rule=True))  # never used as a total, never dropped
    if rule.freq != "WEEKLY" or rule.interval != 1 or rule.until is not None:
        raise InvalidInput("A course's recurrence rule must be FREQ=WEEKLY, without INTERVAL or UNTIL.")
    if not rule.byday:
        return 1, None, rule.count
    if any(day not in DAY_CODES for day in rule.byday):
        raise InvalidInput("The BYDAY part of a course's recurrence rule names plain weekdays (MO…SU).")
    days = tuple(sorted(DAY_CODES.index(day) for day in rule.byday))
    if start.weekday() not in days:
        raise InvalidInput("The first session must fall on one of the rule's weekdays.")
    return len(days), days, rule.count


def plan_of(draft: CourseDraft) -> Plan:
    """The course's plan; a refused input names its field of the draft (``programme``, ``timezone``, ``start``,
    ``weekdays``, ``rrule``, ``weekly``, ``total_sessions``), as the set-up form calls them."""
    with about("programme"):
        programme = formats.get_programme(draft.programme)
    with about("timezone"):
        zone = zone_of(draft.timezone)
    with about("start"):
        check_year(draft.start)
    if any(not 0 <= day <= 6 for day in draft.weekdays or ()):
        raise InvalidInput("Weekdays are numbers from 0 (Monday) to 6 (Sunday).", field="weekdays")
    typed = draft.start.replace(tzinfo=zone) if draft.start.tzinfo is None else draft.start
    with about("start"):
        check_exists(typed)  # a typed time the clocks skip that night: refused, never stored at another hour
    start = typed.astimezone(zone)
    weekly, weekdays, total = draft.weekly, draft.weekdays, draft.total_sessions
    if programme.open_ended:
        with about("total_sessions"):  # refused even next to a rule: an open-ended format has no total
            formats.check_total(programme, total)
    if draft.rrule:
        with about("rrule"):
            weekly, weekdays, total = _weekly_from_rrule(draft.rrule, start, programme)
    low, high = programme.per_week
    if not low <= weekly <= high:
        raise InvalidInput(
            f"{programme.name} meets {formats.meets_words(programme)}.",
            field="rrule" if draft.rrule else "weekly",
        )
    with about("total_sessions"):
        return Plan(programme, start, weekly, weekdays, formats.check_total(programme, total))


def as_session(row: CourseSession) -> Session:
    attendance = Attendance(row.attendance) if row.attendance else None
    return Session(row.slot, row.start, row.duration_minutes, attendance)


def busy_sessions(
    people: Sequence[User],
    exclude: Course | None = None,
    *,
    since: datetime,
    until: datetime,
    moving: CourseSession | None = None,
) -> list[Session]:
    """The sessions not cancelled of courses these people are in (either side) that can overlap the span from
    ``since`` to ``until`` (only those ending after ``since`` and starting before ``until`` are loaded), as pure
    sessions; with them the regular times in that span that an open-ended course of theirs, still linked, will take
    once its horizon reaches them (:func:`plan_ahead` adds them later without a check, so nothing may take them now).
    ``moving``: the stored session being moved, left out by its identity (the row), never by its time: another
    session starting at the same instant (a make-up placed on it) is still compared.
    """
    rows = CourseSession.objects.filter(
        Q(course__therapist__in=people) | Q(course__client__in=people),
        course__ended_at__isnull=True,
        start__gt=since - timedelta(minutes=LONGEST_MINUTES),
        start__lt=until,
    )
    if exclude is not None:
        rows = rows.exclude(course=exclude)
    if moving is not None:
        rows = rows.exclude(pk=moving.pk)
    held = []
    for row in rows.select_related("course__client"):
        session = as_session(row)
        if session.cancelled or session.end <= since:
            continue
        # numbered as the course page and the week view number it (never its slot), named by its client
        number = held_count(row.course, up_to_slot=row.slot)
        held.append(replace(session, number=number, owner=row.course.client.username))
    return held + _regular_to_come(people, exclude, since, until)


CLASH_WITH_OTHER_APPOINTMENT = "The time clashes with another of this client's appointments."


def check_free(
    therapist: User,
    client: User,
    new: Sequence[Session],
    reader: tzinfo,
    *,
    since: datetime,
    until: datetime,
    exclude: Course | None = None,
    moving: CourseSession | None = None,
) -> None:
    """Raise Conflict when a session in ``new`` overlaps one not cancelled of the therapist's (any client's: named,
    number and time at the ``reader``'s hour, as :func:`check_no_overlap` says it) or of the client's in a course
    with another therapist: told as :data:`CLASH_WITH_OTHER_APPOINTMENT` alone, since a therapist never learns
    anything of their client's other therapy (its number, course, date or hour). ``moving``: the stored session
    being moved, not compared with itself (left out by identity: see :func:`busy_sessions`)."""

    def compared(people: Sequence[User]) -> list[Session]:
        return busy_sessions(people, exclude, since=since, until=until, moving=moving)

    theirs = compared([therapist])
    # the client's sessions with this therapist are among ``theirs`` (checked first): what clashes here besides
    # them is the client's other therapy
    elsewhere = compared([client])
    for session in new:
        check_no_overlap(theirs, session, reader)
        try:
            check_no_overlap(elsewhere, session, reader)
        except Conflict:
            raise Conflict(CLASH_WITH_OTHER_APPOINTMENT) from None


def _regular_to_come(
    people: Sequence[User], exclude: Course | None, since: datetime, until: datetime
) -> list[Session]:
    """The regular sessions of these people's open-ended, still-linked courses that are not planned yet and fall
    in the span (not stored: computed as :func:`plan_ahead` would plan them), numbered by the slot they would take."""
    linked = Pair.objects.open().filter(
        client_id=OuterRef("client_id"), therapist_id=OuterRef("therapist_id")
    )
    open_ended = (
        Course.objects.filter(
            Q(therapist__in=people) | Q(client__in=people), total_sessions__isnull=True, ended_at__isnull=True
        )  # plans_ahead
        .filter(Exists(linked))
        .annotate(last=Max("sessions__start"), moved=Max("sessions__moved_from"), top=Max("sessions__slot"))
    )
    if exclude is not None:
        open_ended = open_ended.exclude(pk=exclude.pk)
    out = []
    for course in open_ended.select_related("client"):
        after = _frontier(course, course.last, course.moved)
        # numbered as the course page will number them: after the sessions held or planned (never the slot)
        first = held_count(course) + 1
        for n, at in enumerate(_regular(course, after, until), start=first):
            session = Session(n, at, course.duration_minutes, owner=course.client.username)
            if session.end > since:
                out.append(session)
    return out


def _linked_client(therapist: User, name: str) -> User:
    client = linked_clients(therapist).filter(username=name.strip().lower()).first()
    if client is None:
        raise NotFound("No such client among your linked clients.")
    return client


def _regular_beyond(
    plan: Plan, sessions: Sequence[Session], people: Sequence[User], times: dict[int, time]
) -> list[Session]:
    """A new open-ended course's regular times after its first planned weeks, up to the last session stored for
    these people (either side) in a course not ended: :func:`plan_ahead` adds them later without a check, so a
    fixed course already holding that hour months ahead must be found now. Empty for a fixed-length course."""
    if plan.total is not None:
        return []
    last = CourseSession.objects.filter(
        Q(course__therapist__in=people) | Q(course__client__in=people), course__ended_at__isnull=True
    ).aggregate(last=Max("start"))["last"]
    if last is None or last <= sessions[-1].start:
        return []
    weekdays = plan.weekdays or sorted({s.start.weekday() for s in sessions})
    starts = regular_starts(plan.start, weekdays, sessions[-1].start, last, day_times=times)
    duration = sessions[-1].duration_minutes
    return [Session(len(sessions) + n, at, duration) for n, at in enumerate(starts, start=1)]


def create_course(therapist: User, draft: CourseDraft, *, confirmed: bool = True) -> Course:
    """Plan and store a course in one transaction; an overlap with another session raises Conflict.
    ``confirmed=False`` (the web form before its second press): a draft that passes every check but that
    :func:`second_thoughts` asks about raises :class:`AskFirst` instead, nothing stored."""
    if not (therapist.is_active and therapist.is_therapist):
        raise PermissionDenied("Only a therapist sets up a course.")
    with about("client"):
        client = _linked_client(therapist, draft.client)
    plan = plan_of(draft)
    with about("measure_schedule"):
        schedule = parse_schedule(draft.measure_schedule)
    times = dict(draft.day_times)
    sessions = plan_sessions(
        plan.start, plan.weekly, plan.total, plan.weekdays, draft.duration_minutes, day_times=times
    )
    with about("start"):
        check_plan_years(sessions)
    with (
        transaction.atomic()
    ):  # the overlap check and the insert in one transaction (SQLite: BEGIN IMMEDIATE)
        to_check = list(sessions) + _regular_beyond(plan, sessions, [therapist, client], times)
        # a clash is named at the therapist's hour (they read the refusal), the client's other therapy never
        since, until = min(s.start for s in sessions), max(s.end for s in to_check)
        check_free(therapist, client, to_check, local_time.zone_of(therapist), since=since, until=until)
        asks = [] if confirmed else second_thoughts(draft)
        if asks:
            raise AskFirst(asks)
        course = Course.objects.create(
            client=client,
            therapist=therapist,
            programme=plan.programme.id.value,
            total_sessions=plan.total,
            weekly=plan.weekly,
            weekdays=list(plan.weekdays or sorted({s.start.weekday() for s in sessions})),
            day_times={str(day): at.strftime("%H:%M") for day, at in times.items()},
            first_start=plan.start,
            timezone=draft.timezone,
            duration_minutes=draft.duration_minutes,
            measure_schedule=schedule.value,
        )
        CourseSession.objects.bulk_create(
            CourseSession(course=course, slot=s.number, start=s.start, duration_minutes=s.duration_minutes)
            for s in sessions
        )
        audit.record(therapist, "course.create", "course", course.id, subject=client)
    return course


def get_course(actor: User, course_id: object, action: Action = Action.READ, *, plan: bool = True) -> Course:
    """The course if the actor may do ``action`` to it; an open-ended one is first planned ahead
    (:func:`plan_ahead`), so every page, command and API call that uses it sees its sessions to come. ``plan=False``
    only for a caller that has just planned this course in the same request (the caseload)."""
    queryset = Course.objects.select_related("client", "therapist")
    course = records.fetch(actor, queryset, course_id, action, "course")
    if plan:
        plan_ahead(course)
    return course


# --- the rolling horizon of an open-ended course ----------------------------------------------------------------------


def _pending_starts(course: Course, until: datetime | None) -> tuple[list[datetime], int]:
    """The regular starts not planned yet up to ``until`` (None: the first one only, within a week; none past
    LAST_YEAR), and the highest slot so far. The frontier is the latest session, a moved one counted at its original
    time too (``moved_from``): nothing at or before it is planned again, so a moved or cancelled session's slot never
    comes back, and slot order stays time order."""
    found = course.sessions.aggregate(start=Max("start"), moved=Max("moved_from"), slot=Max("slot"))
    after = _frontier(course, found["start"], found["moved"])
    starts = _regular(course, after, after + timedelta(days=8) if until is None else until)
    starts = [at for at in starts if at.year <= LAST_YEAR]  # none past the last year: no horizon, no make-up
    return (starts[:1] if until is None else starts), int(found["slot"] or 0)


def _frontier(course: Course, latest: datetime | None, moved: datetime | None) -> datetime:
    """After what the horizon plans: the latest session, a moved one counted at its original time too."""
    marks = [m for m in (latest, moved) if m is not None]
    return max(marks) if marks else course.first_start - timedelta(microseconds=1)


def _regular(course: Course, after: datetime, until: datetime) -> list[datetime]:
    """The course's regular starts in (after, until], in its zone, weekdays and per-day times."""
    first = course.first_start.astimezone(course_zone(course))
    weekdays = course.weekdays or [first.weekday()]
    return regular_starts(first, weekdays, after, until, day_times=dict(day_times_of(course)))


def regular_between(course: Course, after: datetime, until: datetime) -> list[datetime]:
    """The course's regular starts from ``after`` (included) up to ``until`` (included): its weekly rule."""
    return _regular(course, after - timedelta(microseconds=1), until)


def next_regular(course: Course) -> datetime | None:
    """The course's first regular start after every session it has (a moved one counted at its original time too):
    where a new session goes last without changing the order (a make-up, the horizon's next week)."""
    starts, _ = _pending_starts(course, None)
    return starts[0] if starts else None


def next_unplanned(course: Course) -> datetime | None:
    """An open-ended course's first regular start after its planned sessions (the one :func:`plan_ahead` adds
    next); None for a fixed-length or ended course. A session moved to it or later would leave the regular weeks
    in between unplanned for good, so a move stops before it."""
    if not plans_ahead(course):
        return None
    return next_regular(course)


def total_of(course: Course) -> int | None:
    """The total ``course`` runs to as every reader reads it (:func:`reverie.programmes.formats.course_total`):
    None for an open-ended format, even where an old row stores a count typed at set-up before review r100. The
    one reading of the course's length: its position, the measures (the not-on-track rule, the last session's
    measure), the course record and the API (review r102). What is *planned* is another question, read from the
    stored count on purpose (:func:`plans_ahead`)."""
    return formats.course_total(formats.get_programme(course.programme), course.total_sessions)


def plans_ahead(course: Course) -> bool:
    """Whether the rolling horizon plans ``course`` ahead (and a cancellation adds no make-up): no stored count and
    not ended. Keyed on the stored count, not on :func:`total_of`: an open-ended course stored with a count before
    review r100 had that many sessions planned and is never extended (docs/course.md: end it and set up a new
    course to go on, which the old one's new sessions would then overlap); a cancelled session there gets its
    make-up as on a fixed course, so the pair loses none."""
    return course.total_sessions is None and course.ended_at is None


def linked(course: Course) -> bool:
    """Whether the course's client and therapist have their link open now (``Pair.objects.open()``): what any
    words that say the course's therapist sees something must ask first (h122)."""
    return Pair.objects.open().filter(client_id=course.client_id, therapist_id=course.therapist_id).exists()


def plan_ahead(course: Course, now: datetime | None = None) -> int:
    """Keep an open-ended course (medium-term, long-term, art, music) planned :data:`HORIZON` ahead of ``now``:
    the regular sessions up to then that are not planned yet are added after the last one, in the course's zone
    and weekly rhythm. Returns how many were added. A fixed-length or ended course, or one whose client and
    therapist are no longer linked, is never touched.

    Idempotent and cheap once the horizon is met (one aggregate query, no write). Two requests at once: the course
    row is locked (PostgreSQL; SQLite's write transaction holds the file) and the frontier read again inside the
    lock, so the second adds nothing; the unique (course, slot) constraint backs this."""
    if not plans_ahead(course):
        return 0
    until = (now or timezone.now()) + HORIZON
    if not _pending_starts(course, until)[0] or not linked(course):
        return 0  # an ended link: no more sessions with a therapist the client is no longer linked to
    with transaction.atomic():
        ended = (
            Course.objects.select_for_update().filter(pk=course.pk).values_list("ended_at", flat=True).first()
        )
        if ended is not None:
            return 0
        starts, top = _pending_starts(course, until)
        CourseSession.objects.bulk_create(
            CourseSession(course=course, slot=top + n, start=at, duration_minutes=course.duration_minutes)
            for n, at in enumerate(starts, start=1)
        )
    return len(starts)


def plan_ahead_all(now: datetime | None = None) -> tuple[int, int]:
    """For the clinic's scheduled job (``reverie course plan-ahead``): every open-ended course that has not
    ended, planned ahead (those of an ended link are skipped by :func:`plan_ahead`). Returns (courses extended,
    sessions added)."""
    extended = added = 0
    for course in Course.objects.filter(total_sessions__isnull=True, ended_at__isnull=True):  # plans_ahead
        count = plan_ahead(course, now)
        extended, added = extended + (count > 0), added + count
    return extended, added


# --- ending a course ---------------------------------------------------------------------------------------------------


def ending_day(raw: object) -> date | None:
    """The ending day a person typed (web form, CLI ``--on``): None when left empty (today), else an ISO date."""
    text = str(raw or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput("Give the ending date like 2026-03-02.", field="on") from None


def ended_on(course: Course, viewer: object | None = None) -> date | None:
    """The day the course ended where ``viewer`` lives (their own zone, as every page gives times; the therapist who
    ended it sees the day they chose); without a viewer, in the course's zone. None while it runs."""
    if course.ended_at is None:
        return None
    zone = course_zone(course) if viewer is None else local_time.zone_of(viewer)
    return local_time.day_in(course.ended_at, zone)


def ended_day_words(course: Course, viewer: object) -> str | None:
    """The day the course ended, worded for ``viewer`` (``10 Mar 2026``, the day in their own zone,
    :func:`ended_on`): the one wording of that day in every refusal and page line, so the person refused reads the
    day they read everywhere else (the therapist who ended it: the day they chose; r90). None while it runs."""
    day = ended_on(course, viewer)
    return None if day is None else f"{day:%-d %b %Y}"


def check_open(course: Course, viewer: object, start: datetime | None = None) -> None:
    """Refuse new records for a session at or after the end of an ended course (``start`` None: anything new),
    naming the ending day in the zone of ``viewer``, the person refused (:func:`ended_day_words`)."""
    day = ended_day_words(course, viewer)
    if day is not None and course.ended_at is not None and (start is None or start >= course.ended_at):
        raise InvalidInput(f"This course ended on {day}: nothing new is added for its sessions after that.")


def ending_moment(
    course: Course, on: date | None = None, now: datetime | None = None, *, zone: ZoneInfo | None = None
) -> datetime:
    """When a course ending ``on`` that day (None: today) ends: that day's last moment, so the day's sessions stay
    held, today's later ones too (the form calls it the last day of the course). The day is the one the person
    ending it means: a day in ``zone``, their own zone (:func:`end_course` passes the therapist's, for the web form,
    the CLI and the API alike; None: the course's). Never a day in the future, never a day before the first
    session's (in the same zone); a course that has not started yet ends today (every session is cancelled).
    Ending the link ends its courses now instead (:func:`end_courses_of_pair`)."""
    moment = now or timezone.now()
    zone = zone or course_zone(course)
    today = local_time.day_in(moment, zone)
    day = on or today
    if day > today:
        raise InvalidInput("A course cannot end in the future: choose today or an earlier day.", field="on")
    first = first_session_start(course).astimezone(zone)
    if day < min(first.date(), today):
        raise InvalidInput(
            f"A course cannot end before its first session ({first:%-d %b %Y %H:%M}).", field="on"
        )
    return datetime.combine(day, time.max, tzinfo=zone)


def first_session_start(course: Course) -> datetime:
    """The earliest session's start: session 1 may have been moved earlier than the course's first start."""
    earliest = course.sessions.aggregate(start=Min("start"))["start"]
    return min(course.first_start, earliest or course.first_start)


@dataclass(frozen=True, slots=True)
class StillOpen:
    """What ending a course would leave behind unseen (review r129, h168): the client's risk alerts this therapist has
    not acknowledged, and the questionnaires already answered for sessions the ending cancels. The one answer of
    every door (the end page, the API, ``reverie course end``): each names them before the therapist confirms, and
    :func:`end_course` refuses an ending whose caller did not see them (``seen``). ``token`` is what a door showed,
    so an ending confirmed after showing less than is open now is asked again."""

    alerts: list[RiskAlert]
    answered_ahead: list[MeasureResponse]

    def __bool__(self) -> bool:
        return bool(self.alerts or self.answered_ahead)

    @property
    def answered_named(self) -> list[tuple[str, MeasureResponse]]:
        """Each answered questionnaire with its short name ("PHQ-9"), for the page."""
        return [(get_questionnaire(r.questionnaire).short_title, r) for r in self.answered_ahead]

    @property
    def token(self) -> str:
        ids = sorted(str(a.pk) for a in self.alerts) + sorted(str(r.pk) for r in self.answered_ahead)
        return salted_hmac("reverie.course.end.open", ",".join(ids), algorithm="sha256").hexdigest()[:32]

    def lines(self, zone: tzinfo) -> list[str]:
        """One line per open thing: names of questionnaires, urgencies and dates only (never a word the client
        wrote), dated in ``zone`` (the therapist's): "Risk alert not acknowledged: raised 7 Dec 2026, urgency:
        high", "PHQ-9 answered for the session on 9 Dec 2026, which the ending cancels (the answers are kept)"."""
        out = [f"Risk alert not acknowledged: {_alert_dated(a, zone)}" for a in self.alerts]
        out += [
            f"{name} answered for {_session_dated(row, zone)}, which the ending cancels (the answers are kept)"
            for name, row in self.answered_named
        ]
        return out

    def summary(self, zone: tzinfo) -> str:
        """The open things counted and dated in one sentence, for a refusal, e.g. Still open for this client: 1 risk
        alert you have not acknowledged (raised 7 Dec 2026, urgency: high) and 1 questionnaire answered for a
        session the ending cancels (PHQ-9 for the session on 9 Dec 2026; the answers are kept)."""
        parts = []
        if self.alerts:
            dated = "; ".join(_alert_dated(a, zone) for a in self.alerts)
            parts.append(
                f"{counted(len(self.alerts), 'risk alert', 'risk alerts')} you have not acknowledged ({dated})"
            )
        if self.answered_ahead:
            dated = "; ".join(f"{name} for {_session_dated(row, zone)}" for name, row in self.answered_named)
            answered = counted(len(self.answered_ahead), "questionnaire", "questionnaires")
            parts.append(
                f"{answered} answered for a session the ending cancels ({dated}; the answers are kept)"
            )
        return f"Still open for this client: {' and '.join(parts)}."


def _session_dated(row: MeasureResponse, zone: tzinfo) -> str:
    """The session a questionnaire was answered for, dated in ``zone``: "the session on 9 Dec 2026"."""
    return f"the session on {row.session.start.astimezone(zone):%-d %b %Y}"


def _alert_dated(alert: RiskAlert, zone: tzinfo) -> str:
    """An open alert by its date and urgency, never its content: "raised 7 Dec 2026, urgency: high". One shown only
    because the client asked for help while linked is dated by that answer (its source's date is not shown to
    this therapist: ``alerts.open_alerts``'s ``before_link``)."""
    if alert.before_link and alert.answered_at is not None:
        said = f"the client asked for help now on {alert.answered_at.astimezone(zone):%-d %b %Y}"
    else:
        said = f"raised {(alert.raised_at or alert.created_at).astimezone(zone):%-d %b %Y}"
    return f"{said}, urgency: {alert.urgency_label}"


class EndLeavesOpen(LeftOpen):
    """An ending refused because something is still open for the client that its caller has not seen
    (:class:`StillOpen`): nothing was ended. ``still`` is what is open now; the message counts and dates it."""

    def __init__(self, message: str, *, still: StillOpen) -> None:
        super().__init__(message, open_alerts=len(still.alerts), answered_ahead=len(still.answered_ahead))
        self.still = still


def still_open(
    therapist: User, course: Course, on: date | None = None, now: datetime | None = None
) -> StillOpen:
    """:class:`StillOpen` of ending ``course`` on ``on`` (None: today, in the therapist's zone, as every door reads
    it). The answers stay stored either way (:func:`_kept_record`: they keep their session, now cancelled,
    and count as the course's closing reading); the page says so and links each."""
    from reverie.care.services import alerts

    end = ending_moment(course, on, now, zone=local_time.zone_of(therapist))
    open_alerts = [a for a in alerts.open_alerts(therapist) if a.client_id == course.client_id]
    ahead = [
        row
        # only sessions still to come: answers for one already begun hold it, and the ending is refused (_kept_record)
        for row in MeasureResponse.objects.filter(
            course=course, session__start__gte=end, session__start__gt=now or timezone.now()
        )
        .select_related("session")
        .order_by("session__start", "questionnaire")
        if not as_session(row.session).cancelled
    ]
    return StillOpen(open_alerts, ahead)


def _kept_record(row: CourseSession, now: datetime) -> str | None:
    """What a session that an ending would cancel already holds (None: nothing): its attendance, or, once it has
    started, its progress note, a process note or questionnaire answers. Answers filled ahead for a session still
    to come do not hold it: they count for the last session held (``measures.assessments_of``)."""
    if row.attendance:
        return "its attendance recorded"
    if row.start > now:
        return None
    if ProgressNote.objects.filter(session=row).exists():
        return "its progress note"
    if TherapistNote.objects.filter(session=row).exists():
        return "a process note"
    if MeasureResponse.objects.filter(session=row).exists():
        return "questionnaire answers"
    return None


def _close(actor: User | None, course: Course, end: datetime) -> int:
    """Inside the caller's transaction, the course row locked: set ``ended_at`` and cancel every session from ``end``
    on that is not cancelled yet (by the client when the client ends the link, by the clinic when the clinic does,
    ``actor`` None: ``reverie user deactivate``, an account turned off; else by the therapist). A session
    among them that already holds a record (:func:`_kept_record`) refuses the ending, naming its date. Returns how
    many were cancelled."""
    later = [
        row
        for row in course.sessions.filter(start__gte=end).order_by("slot")
        if not as_session(row).cancelled
    ]
    stamp = timezone.now()
    # the day the person ending it reads, in their own zone as they chose it (the clinic: the therapist's)
    zone = local_time.zone_of(actor if actor is not None else course.therapist)
    for row in later:
        held = _kept_record(row, stamp)
        if held is not None:
            raise InvalidInput(
                f"The session on {row.start.astimezone(zone):%-d %b %Y} already has {held}: choose a later day."
            )
    if actor is None:
        by = Attendance.CANCELLED_BY_CLINIC
    else:
        by = Attendance.CANCELLED_BY_CLIENT if actor.is_client else Attendance.CANCELLED_BY_THERAPIST
    for row in later:
        row.attendance, row.recorded_at = by.value, stamp
        row.save(update_fields=["attendance", "recorded_at"])
    course.ended_at = end
    course.save(update_fields=["ended_at"])
    audit.record(actor, "course.end", "course", course.id, subject=course.client)
    return len(later)


@dataclass(frozen=True, slots=True)
class Ended:
    """What ending a course did: its last day (in the zone of the therapist who ended it) and how many planned sessions after it were cancelled."""

    day: date
    cancelled: int


def end_course(
    therapist: User,
    course_id: object,
    on: date | None = None,
    now: datetime | None = None,
    *,
    seen: str | bool | None = None,
) -> Ended:
    """The course's therapist (while linked) ends it ``on`` a day of their own zone (default their today), at that
    day's last moment there (:func:`ending_moment`): ``ended_at`` is set, the sessions after the end are cancelled
    (kept, never deleted), the rolling horizon stops. Notes, measures and the letter stay readable. An ended course
    says so (Conflict).

    What the ending leaves open (:func:`still_open`) must have been seen first: ``seen`` is the
    :attr:`StillOpen.token` a door showed (the end page, ``reverie course end``), or True where the caller says it
    has seen whatever is open (the API's ``acknowledge_open``); otherwise, with anything open,
    :class:`EndLeavesOpen` (409) counts and dates it and nothing is ended."""
    course = get_course(therapist, course_id, Action.WRITE, plan=False)
    end = ending_moment(course, on, now, zone=local_time.zone_of(therapist))
    if course.ended_at is None and seen is not True:
        still = still_open(therapist, course, on, now)
        if still and seen != still.token:
            raise EndLeavesOpen(still.summary(local_time.zone_of(therapist)), still=still)
    with transaction.atomic():
        locked = Course.objects.select_for_update().select_related("client").get(pk=course.pk)
        day = ended_day_words(locked, therapist)
        if day is not None:
            raise Conflict(f"This course already ended on {day}.")
        cancelled = _close(therapist, locked, end)
    return Ended(end.date(), cancelled)


# Days many people take off around the year's end (review r133 11d): a session planned on one gets a hint on the
# course page, never a block. (month, day)
DAYS_MANY_TAKE_OFF = ((12, 24), (12, 25), (12, 26), (12, 31), (1, 1))


def days_many_take_off(starts: Sequence[datetime]) -> str:
    """The days among these session starts (each in the zone the page shows them in: the viewer's, h199) that many
    people take off, in words for the course page's one hint ("24 Dec, 31 Dec, 1 Jan"; each with its year when they
    span more than one year's end); "" when none."""
    days = sorted({moment.date() for moment in starts if (moment.month, moment.day) in DAYS_MANY_TAKE_OFF})
    if not days:
        return ""
    years = (days[-1] - days[0]).days > 8  # more than one year's end: each day with its year
    return ", ".join(f"{d:%-d %b %Y}" if years else f"{d:%-d %b}" for d in days)


def end_courses_of_pair(actor: User | None, pair: Pair) -> None:
    """Ending a link ends that pair's open courses now, in the same transaction (``people.pair_end_hooks``); by
    ``actor``, or by the clinic when None (the audit names no person, the sessions say cancelled by the clinic)."""
    moment = timezone.now()
    rows = Course.objects.select_for_update().select_related("client")
    for course in rows.filter(
        client_id=pair.client_id, therapist_id=pair.therapist_id, ended_at__isnull=True
    ):
        _close(actor, course, moment)  # a course not started yet: every session cancelled


@dataclass(frozen=True)
class CourseRecordHeld:
    """One course of a link's therapist and client, with what its record holds (counts, never a word): what ending
    the link puts out of the therapist's reach (:func:`link_end_closes`)."""

    course: Course
    ended_on: date | None
    sessions_held: int
    progress_notes: int
    process_notes: int
    questionnaires: int


@dataclass(frozen=True)
class LinkEndCloses:
    """What ending a link closes to its therapist (review r133): every course of the two (its sessions, progress and
    process notes, questionnaires, formulation, goals and letter: the policy opens a course to its therapist only
    while a link is open, ``care.policy.is_course_therapist``) and the client's alerts they have not acknowledged.
    The link's confirmation names them, each course with its record's download, before "Yes, end the link"."""

    courses: list[CourseRecordHeld]
    alerts: list[RiskAlert]

    def lines(self, zone: tzinfo) -> list[str]:
        """The same in plain lines, dated in ``zone`` (the therapist's), for ``reverie pair end``'s question: each
        course with what its record holds and where to download it, then each open alert (never a word written)."""
        out = []
        for k in self.courses:
            day = f"{k.course.first_start.astimezone(zone):%-d %b %Y}"
            held = ", ".join(
                (
                    counted(k.sessions_held, "session", "sessions") + " held",
                    counted(k.progress_notes, "progress note", "progress notes"),
                    counted(k.process_notes, "process note", "process notes") + " or observations",
                    counted(k.questionnaires, "questionnaire", "questionnaires") + " answered",
                )
            )
            out.append(
                f"Your records of the {plain_words(k.course.programme)} course from {day} become unreachable:"
                f" {held}. Download its record first: the web's /courses/{k.course.id}/record/."
            )
        out += [f"Risk alert not acknowledged: {said}" for said in self.dated_alerts(zone)]
        return out

    def dated_alerts(self, zone: tzinfo) -> list[str]:
        """Each open alert by its date and urgency, never its content ("raised 7 Dec 2026, urgency: high")."""
        return [_alert_dated(a, zone) for a in self.alerts]


def link_end_closes(therapist: User, pair: Pair, now: datetime | None = None) -> LinkEndCloses | None:
    """:class:`LinkEndCloses` for ``therapist`` ending ``pair`` (one of their open links); None for anyone else
    (a client ending a link loses no record of theirs). Nothing is widened: only what this therapist reads now."""
    from reverie.care.services import alerts

    if not (therapist.is_therapist and pair.therapist_id == therapist.pk and pair.ended_at is None):
        return None
    moment = now or timezone.now()
    cancelled = [a.value for a in CANCELLATIONS]
    held = []
    for course in visible_courses(therapist).filter(client_id=pair.client_id).order_by("first_start", "id"):
        sessions = course.sessions.exclude(attendance__in=cancelled)
        held.append(
            CourseRecordHeld(
                course=course,
                ended_on=ended_on(course, therapist),
                sessions_held=sessions.filter(start__lte=moment).count(),
                progress_notes=ProgressNote.objects.filter(course=course).count(),
                process_notes=TherapistNote.objects.filter(course=course).count(),
                questionnaires=MeasureResponse.objects.filter(course=course).count(),
            )
        )
    still = [a for a in alerts.open_alerts(therapist) if a.client_id == pair.client_id]
    return LinkEndCloses(held, still)


def lock_courses_of_pair(pair: Pair) -> None:
    """Lock the pair's open courses before the link's end takes back shares (``people.pair_lock_hooks``): the lock
    order link, courses, entries, audit head; :func:`end_courses_of_pair` ends them after."""
    rows = Course.objects.select_for_update().filter(
        client_id=pair.client_id, therapist_id=pair.therapist_id, ended_at__isnull=True
    )
    list(rows.values_list("pk", flat=True))


def install() -> None:
    """Subscribe to the clinic's link ending; called once from ``CareConfig.ready``."""
    from reverie.clinic.services import people

    if end_courses_of_pair not in people.pair_end_hooks:
        people.pair_end_hooks.append(end_courses_of_pair)
    if lock_courses_of_pair not in people.pair_lock_hooks:
        people.pair_lock_hooks.append(lock_courses_of_pair)


def read_course(actor: User, course_id: object) -> Course:
    course = get_course(actor, course_id)
    audit.record(actor, "course.read", "course", course.id, subject=course.client)
    return course


def courses_for(actor: User) -> list[Course]:
    return list(visible_courses(actor))


def open_courses(client: User) -> list[Course]:
    """The client's courses not ended, the oldest first, each planned ahead (:func:`plan_ahead`): a client may see
    two therapists at once, each with a course of their own. Their Measures page shows each one's questionnaires."""
    found = list(visible_courses(client).filter(ended_at__isnull=True).order_by("created_at", "id"))
    for course in found:
        plan_ahead(course)
    return found


def named(course: Course) -> str:
    """``with theo (course 1a2b3c4d)``: a course as a client tells it from another, by its therapist and the first
    characters of its id (what ``--course`` and the API's ``course_id`` take)."""
    return f"with {course.therapist.username} (course {str(course.id)[:8]})"


def active_course(client: User, *, choose: str = "Say which one you mean.") -> Course:
    """The client's one course not ended, for a door that names none. None: NotFound. Several (two therapists at
    once): InvalidInput naming each by its therapist and id, ending with ``choose`` (how this door names one):
    never one of them guessed. Before (r125) the newest was taken, so every questionnaire answered on the web or
    the command line went to the second therapist's course, and the first one's could never be answered."""
    found = open_courses(client)
    if not found:
        raise NotFound("No course of therapy is set up for you yet.")
    if len(found) > 1:
        listed = "; ".join(named(course) for course in found)
        raise InvalidInput(f"You have {len(found)} courses open at once: {listed}. {choose}", field="course")
    return found[0]


def latest_ended(client: User) -> Course | None:
    """The client's most recently ended course, for a page that has no current course to show (their Measures
    page after the ending: an ended course stays readable, its scores included); None when none ended."""
    return visible_courses(client).filter(ended_at__isnull=False).order_by("-ended_at", "-created_at").first()


def course_zone(course: Course) -> ZoneInfo:
    return zone_of(course.timezone)


def day_times_of(course: Course) -> tuple[tuple[int, time], ...]:
    """The course's weekdays with their own start times, as the planner takes them."""
    return tuple((int(day), time.fromisoformat(at)) for day, at in sorted((course.day_times or {}).items()))


def planned(course: Course) -> list[CourseSession]:
    return list(course.sessions.order_by("slot"))


def held_sessions(course: Course) -> list[CourseSession]:
    """Sessions that are not cancelled, in time order: their place in this list is the session number."""
    return [row for row in planned(course) if not as_session(row).cancelled]


def session_numbers(course: Course) -> dict[object, int]:
    """Today's number of each session held or to come, by its row's primary key (a cancelled session has none):
    the one numbering of everything dated by its session (questionnaires, progress notes, the record)."""
    return {row.pk: n for n, row in enumerate(held_sessions(course), start=1)}


def held_count(course: Course, *, up_to_slot: int | None = None) -> int:
    """How many sessions of the course are held or to come (not cancelled), up to ``up_to_slot`` when given: a held
    session's number in :func:`session_numbers`, counted by the database, so a clash check over a narrow span loads
    no other session of a long course."""
    rows = course.sessions.exclude(attendance__in=[a.value for a in CANCELLATIONS])
    return (rows if up_to_slot is None else rows.filter(slot__lte=up_to_slot)).count()


def session_number(course: Course, row: CourseSession) -> int | None:
    return session_numbers(course).get(row.pk)


def next_number(course: Course, now: datetime | None = None, *, plan: bool = True) -> int | None:
    """The session that is next or under way: the first held session that has not ended by ``now``. None once every
    held session has ended — after a fixed-length course's last session, or an ended course's last day — so nothing
    is due and no answers go to a "next" session (``measures.due_now``, ``measures.submit``: web, API and CLI). A
    session's window for the questionnaires filled before it closes when the session ends. An open-ended course is
    planned ahead of ``now`` first (unless ``plan=False``: the caller planned it already), so it always has one."""
    moment = now or timezone.now()
    if plan:
        plan_ahead(course, moment)
    for number, row in enumerate(held_sessions(course), start=1):
        if as_session(row).end > moment:
            return number
    return None


def current_number(course: Course, now: datetime | None = None, *, plan: bool = True) -> int:
    """The session that is next (or under way, :func:`next_number`); after the last one, the last one."""
    number = next_number(course, now, plan=plan)
    return number if number is not None else max(1, len(held_sessions(course)))


def last_held(course: Course) -> CourseSession | None:
    """The course's last session not cancelled (None: every session was cancelled)."""
    held = held_sessions(course)
    return held[-1] if held else None


def agreement_number(course: Course, now: datetime | None = None) -> int:
    """The session an agreement recorded at ``now`` belongs to ("we agreed it today"): the session held today in
    the course's zone (under way, over, or later today), else the last one held before today; before the first
    session's day, the first. Unlike :func:`current_number` (the session next or under way, which a questionnaire
    is filled in for), never a session still ahead on another day: an agreement written up after today's session
    belongs to today's, not to next week's, which has not been held."""
    moment = now or timezone.now()
    zone = course_zone(course)
    today = moment.astimezone(zone).date()
    number = 1
    for n, row in enumerate(held_sessions(course), start=1):
        if row.start.astimezone(zone).date() > today:
            break
        number = n
    return number


def position(
    course: Course, now: datetime | None = None, *, plan: bool = True, viewer: object | None = None
) -> CoursePosition:
    """``Session 7 of 16 · middle phase`` with the phase and its purpose (programmes.formats.where); an ended
    course ``Ended on 9 Feb 2026`` (the day in ``viewer``'s zone, :func:`ended_on`), in its ending phase
    (programmes.formats.ended). The one answer for the course page, the caseload, the API and
    ``reverie course show``."""
    number = current_number(course, now, plan=plan)
    day = ended_on(course, viewer)
    total = total_of(course)
    if day is not None:
        return formats.ended(course.programme, number, total, day)
    return formats.where(course.programme, number, total)


def session_dates(course: Course) -> list[datetime]:
    zone = course_zone(course)
    return [row.start.astimezone(zone) for row in held_sessions(course)]


def session_by_slot(course: Course, slot: int) -> CourseSession:
    row = course.sessions.filter(slot=slot).first()
    if row is None:
        raise NotFound("No such session.")
    return row


# --- DIT's goodbye letter (the IPAF is agreed in formulation.py) ------------------------------------------------------


def _letter_phases(course: Course) -> list[str]:
    """The phases whose artefacts hold the goodbye letter (DIT: the ending phase); none for other programmes."""
    phases = formats.required_artefacts(course.programme)
    return [key for key, arts in phases.items() if any(a.key == "goodbye_letter" for a in arts)]


def _check_has_letter(course: Course) -> None:
    if not _letter_phases(course):
        raise InvalidInput("This programme has no goodbye letter.")


def letter_given_from(course: Course) -> str:
    """When the letter can be given, in words: "from session 13, the ending phase" (DIT), "in the ending phase" where
    that phase has no session number yet (an end not agreed); "" for a programme without one. The letter page says
    it on arrival (r133: the page said nothing of the phase until a save was refused)."""
    keys = _letter_phases(course)
    programme = formats.get_programme(course.programme)
    phase = next((p for p in programme.phases if p.key in keys), None)
    if phase is None:
        return ""
    first = phase.first_session(total_of(course))
    return f"from session {first}, the {phase.name} phase" if first else f"in the {phase.name} phase"


def letter_can_be_given(course: Course, now: datetime | None = None) -> bool:
    """Whether the course is in the letter's phase now (an ended course is in its ending phase, however early it
    ended: a DIT course ended at session 6 too)."""
    return position(course, now).phase.key in _letter_phases(course)


def _check_letter_phase(course: Course, now: datetime | None) -> None:
    _check_has_letter(course)
    if not letter_can_be_given(course, now):
        raise InvalidInput(
            f"The goodbye letter can be given {letter_given_from(course)}. It is kept as your draft until then."
        )


def write_letter(
    therapist: User,
    course_id: object,
    text: str,
    now: datetime | None = None,
    *,
    base_version: int | None = None,
) -> GoodbyeLetter:
    """Write (or rewrite) the goodbye letter. ``base_version`` is the version the form was filled from (0: no letter
    yet); a newer one saved meanwhile → :class:`StaleEdit`, nothing changes (as the progress note and the
    formulation). Without it the letter is rewritten whatever is stored, as before.

    A letter once given is the letter the client read: it does not change under them, so a save after giving it is
    refused (Conflict, nothing changed; the web form keeps the text). The formulation, a working document, instead
    shows the client every version saved while shared; the letter is given once, like a version once shown.

    It can be drafted at any point of the course and only *given* in its phase (:func:`give_letter`; r133: DIT
    therapists draft it a session or two before the ending phase, and a save before it was refused)."""
    course = get_course(therapist, course_id, Action.WRITE)
    body = records.clean_text(text, "letter", field="text")
    _check_has_letter(
        course
    )  # a programme without a goodbye letter has none to draft (``now``: kept for callers)
    moment = timezone.now()
    with transaction.atomic():
        records.hold(course)  # there may be no letter yet: two first saves wait in turn
        letter = GoodbyeLetter.objects.select_for_update().filter(course=course).first()
        stored = letter.version if letter else 0
        if StaleEdit.check(
            stored,
            base_version,
            "letter",
            lambda: letter is not None and _letter_text(course, letter) == body,
        ):
            assert letter is not None  # resent: the same save sent again (a double tap), not a conflict
            return letter
        if letter is not None and letter.given_at is not None:
            if _letter_text(course, letter) == body:
                return letter  # the letter as given, saved again: nothing changes
            raise Conflict(
                f"This letter was given to the client on {_given_day(letter.given_at, therapist)}: it stays the "
                "letter they read, so it is not changed. Nothing was saved; your text is still in the form."
            )
        if letter is None:
            letter = GoodbyeLetter(id=uuid.uuid4(), course=course, written_at=moment, version=0)
        letter.version += 1
        letter.payload = records.seal_json(course.client, letter.id, LETTER_PURPOSE, {"text": body})
        letter.updated_at = moment
        letter.save()
        audit.record(therapist, "letter.write", "letter", letter.id, subject=course.client)
    return letter


def _given_day(given_at: datetime, therapist: User) -> str:
    """The day a letter was given, in the zone of the therapist refused (``local_time.shown``), as their pages say it."""
    return f"{local_time.shown(given_at, local_time.zone_of(therapist)):%-d %b %Y}"


def _letter_text(course: Course, letter: GoodbyeLetter) -> str:
    return str(records.open_json(course.client, letter.id, LETTER_PURPOSE, letter.payload)["text"])


def letter_version(actor: User, course_id: object) -> int:
    """The version of the letter stored now (0: none yet): the base its edit form sends back."""
    course = get_course(actor, course_id)
    return GoodbyeLetter.objects.filter(course=course).values_list("version", flat=True).first() or 0


def give_letter(
    therapist: User, course_id: object, *, version: int | None = None, now: datetime | None = None
) -> GoodbyeLetter:
    """Give the letter to the client. ``version`` is the version the giver's page showed: a newer one saved
    meanwhile (another tab) → :class:`StaleEdit`, nothing given, as the formulation's Share.

    The letter is locked as :func:`write_letter` locks it (the course, then the letter row, in one transaction)
    and its version checked on the locked row: a save from another tab either lands before (then the give is
    refused) or waits and finds the letter given (then the save is refused). The client is never given a text the
    giver did not see. Given only in the letter's phase (:func:`letter_given_from`), drafted before it."""
    course = get_course(therapist, course_id, Action.WRITE)
    with transaction.atomic():
        records.hold(course)  # the lock order of write_letter: the course, then the letter
        letter = GoodbyeLetter.objects.select_for_update().filter(course=course).first()
        if letter is None:
            raise InvalidInput("Save the goodbye letter first: only a saved letter can be given.")
        if letter.given_at is None:
            _check_letter_phase(course, now)
        if version is not None and letter.given_at is None and letter.version != version:
            raise StaleEdit(
                f"This letter was changed somewhere else since you opened it: it is now at version "
                f"{letter.version}, you had version {version}. Nothing was given: read it, then give it again.",
                current=letter.version,
            )
        letter.given_at = letter.given_at or timezone.now()
        letter.save(update_fields=["given_at"])
        audit.record(therapist, "letter.give", "letter", letter.id, subject=course.client)
    return letter


def read_letter(actor: User, course_id: object, *, record: bool = True) -> str | None:
    """The letter's text for the therapist, or for the client once it was given; None when there is none.
    ``record`` False: read as part of an export, whose own event is the privacy log's line (r134)."""
    course = get_course(actor, course_id)
    letter = GoodbyeLetter.objects.filter(course=course).select_related("course").first()
    if letter is None:
        return None
    if not allows(actor, Action.READ, letter):
        return None
    if record:
        audit.record(actor, "letter.read", "letter", letter.id, subject=course.client)
    return _letter_text(course, letter)
