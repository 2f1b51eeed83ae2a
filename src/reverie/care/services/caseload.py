"""The therapist's caseload: what needs attention today across every active course."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from reverie.care.models import Course, RiskAlert
from reverie.care.services import alerts, measures
from reverie.care.services import course as courses
from reverie.clinic.models import User
from reverie.clinic.services import local_time


@dataclass(frozen=True, slots=True)
class CaseRow:
    course: Course
    position: str
    next_session: datetime | None
    session_today: bool
    not_on_track: bool
    open_alerts: int
    urgency: int = 0  # the highest urgency among the open alerts (5: the client asked for help now)


def caseload(
    therapist: User, now: datetime | None = None, *, open_alerts: list[RiskAlert] | None = None
) -> list[CaseRow]:
    """One row per active course, those needing attention first (the most urgent alert — a client asking for help
    now first —, then the number of alerts, off track, a session today). ``open_alerts``: the therapist's
    ``alerts.open_alerts`` when the caller has them for this page (the home page's, shared with its menu and list:
    ``alerts.open_alerts_on_page``); read here otherwise."""
    if not (therapist.is_active and therapist.is_therapist):
        return []
    moment = now or timezone.now()
    open_by_client: dict[int, int] = {}
    urgency_by_client: dict[int, int] = {}
    for alert in alerts.open_alerts(therapist) if open_alerts is None else open_alerts:
        open_by_client[alert.client_id] = open_by_client.get(alert.client_id, 0) + 1
        urgency_by_client[alert.client_id] = max(urgency_by_client.get(alert.client_id, 0), alert.urgency)
    zone = local_time.zone_of(therapist)  # "today" is the therapist's day, wherever the course is set
    rows = []
    for course in courses.courses_for(therapist):
        if course.ended_at is not None:
            continue
        courses.plan_ahead(course, moment)  # once per course: the readers below are told not to plan again
        upcoming = [r.start for r in courses.held_sessions(course) if r.start >= moment]
        next_start = upcoming[0] if upcoming else None
        today = (
            next_start is not None and next_start.astimezone(zone).date() == moment.astimezone(zone).date()
        )
        rows.append(
            CaseRow(
                course=course,
                position=courses.position(course, moment, plan=False).text,
                next_session=next_start,
                session_today=today,
                not_on_track=measures.progress(therapist, course.id, plan=False).check.not_on_track,
                open_alerts=open_by_client.get(course.client_id, 0),
                urgency=urgency_by_client.get(course.client_id, 0),
            )
        )
    return sorted(
        rows,
        key=lambda r: (
            -r.urgency,
            -r.open_alerts,
            not r.not_on_track,
            not r.session_today,
            r.next_session or moment,
        ),
    )
