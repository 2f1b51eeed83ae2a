"""Who may do what to the course's records, added to the one default-deny policy table.

The client sees their own course, sessions, progress notes, measures, goals and safety plan; never process or
transference notes, and the formulation only once the therapist shares it. The therapist of the course sees it
while the pair is active. Everyone else gets ``NotFound``, exactly as for a missing record.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from reverie.care.models import (
    CheckIn,
    Course,
    CourseSession,
    DirectoryProfile,
    Formulation,
    Goal,
    GoodbyeLetter,
    MeasureResponse,
    ProgressNote,
    RiskAlert,
    SafetyPlanRecord,
    TherapistNote,
)
from reverie.clinic.models import Pair, User
from reverie.clinic.services.policy import Action, active_pair, register


def is_course_client(actor: User, course: Course) -> bool:
    return bool(actor.is_active and actor.is_client and course.client_id == actor.pk)


def is_course_therapist(actor: User, course: Course) -> bool:
    """The therapist who runs the course, while the pair is active."""
    return bool(
        actor.is_active
        and actor.is_therapist
        and course.therapist_id == actor.pk
        and active_pair(course.client, actor)
    )


def _in_course(actor: User, course: Course) -> bool:
    return is_course_client(actor, course) or is_course_therapist(actor, course)


def _linked_to_client(actor: User, client: User) -> bool:
    """The client themself, or any therapist in an active pair with them."""
    if not (actor.is_active and client.is_client):
        return False
    return actor.pk == client.pk or bool(actor.is_therapist and active_pair(client, actor))


def _reads_formulation(actor: User, row: Formulation) -> bool:
    course = row.course
    return is_course_therapist(actor, course) or (
        course.formulation_shared and row.shared_at is not None and is_course_client(actor, course)
    )


def _reads_letter(actor: User, row: GoodbyeLetter) -> bool:
    course = row.course
    return is_course_therapist(actor, course) or (
        row.given_at is not None and is_course_client(actor, course)
    )


def _reads_measure(actor: User, row: MeasureResponse) -> bool:
    return bool(actor.is_active and row.client_id == actor.pk) or is_course_therapist(actor, row.course)


def _reads_alert(actor: User, row: RiskAlert) -> bool:
    """A linked therapist, about what was written while the two were linked (never before the link), or when the
    client answered "I need help now" while linked (as ``alerts.open_alerts`` lists them)."""
    if not (actor.is_active and actor.is_therapist):
        return False
    since = row.written_at or row.created_at
    linked = Q(started_at__lte=since)
    if row.answer == "need_help" and row.answered_at is not None:
        linked |= Q(started_at__lte=row.answered_at)
    return Pair.objects.open().filter(linked, client_id=row.client_id, therapist=actor).exists()


def _owns_check_in(actor: User, row: CheckIn) -> bool:
    return bool(actor.is_active and row.client_id == actor.pk)


def _owns_profile(actor: User, row: DirectoryProfile) -> bool:
    return bool(actor.is_active and actor.is_therapist and row.owner_id == actor.pk)


def install() -> None:
    """Register every rule; called once from ``CareConfig.ready``."""
    register(Course, Action.READ, _in_course)
    register(Course, Action.WRITE, is_course_therapist)
    register(CourseSession, Action.READ, lambda a, s: _in_course(a, s.course))
    register(CourseSession, Action.WRITE, lambda a, s: is_course_therapist(a, s.course))
    register(CourseSession, Action.DELETE, lambda a, s: _in_course(a, s.course))  # cancel
    register(Formulation, Action.READ, _reads_formulation)
    register(Formulation, Action.WRITE, lambda a, f: is_course_therapist(a, f.course))
    register(GoodbyeLetter, Action.READ, _reads_letter)
    register(GoodbyeLetter, Action.WRITE, lambda a, g: is_course_therapist(a, g.course))
    register(ProgressNote, Action.READ, lambda a, n: _in_course(a, n.course))
    register(ProgressNote, Action.WRITE, lambda a, n: is_course_therapist(a, n.course))
    register(TherapistNote, Action.READ, lambda a, n: is_course_therapist(a, n.course))
    register(TherapistNote, Action.WRITE, lambda a, n: is_course_therapist(a, n.course))
    register(MeasureResponse, Action.READ, _reads_measure)
    register(Goal, Action.READ, lambda a, g: _in_course(a, g.course))
    register(Goal, Action.WRITE, lambda a, g: _in_course(a, g.course))
    register(SafetyPlanRecord, Action.READ, lambda a, p: _linked_to_client(a, p.client))
    register(SafetyPlanRecord, Action.WRITE, lambda a, p: _linked_to_client(a, p.client))
    register(RiskAlert, Action.READ, _reads_alert)
    register(RiskAlert, Action.WRITE, _reads_alert)
    register(CheckIn, Action.READ, _owns_check_in)
    register(CheckIn, Action.WRITE, _owns_check_in)
    register(DirectoryProfile, Action.WRITE, _owns_profile)
    register(DirectoryProfile, Action.DELETE, _owns_profile)


def visible_courses(actor: User) -> QuerySet[Course]:
    """The list query matching ``Action.READ`` on courses."""
    rows = Course.objects.select_related("client", "therapist")
    if not actor.is_active:
        return rows.none()
    if actor.is_client:
        return rows.filter(client=actor)
    clients = Pair.objects.open().filter(therapist=actor).values("client_id")
    return rows.filter(therapist=actor, client_id__in=clients)


def linked_clients(therapist: User) -> QuerySet[User]:
    clients = Pair.objects.open().filter(therapist=therapist).values("client_id")
    return User.objects.filter(pk__in=clients, is_active=True)
