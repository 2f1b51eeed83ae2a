"""The course-of-therapy part of a policy test world: one course per link (made while the link was active), with a
goal whose title is a canary, a filled-in PHQ-9 and a risk alert about the client.

Oracle, as the rules are stated: a course and everything in it belong to its client and to its therapist while
their link is active; a risk alert is for any therapist actively linked with the client. Nobody else sees any of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone


@dataclass(eq=False)
class Course:
    client: Any  # policy_world.Person
    therapist: Any
    pair: Any
    row: Any
    goal_id: str
    goal_canary: str
    response_id: str


def build_courses(links: list[tuple[Any, Any, Any]], canary: Any) -> list[Course]:
    """Courses for links that are still active; call before any link is ended."""
    from reverie.care.services import course as courses
    from reverie.care.services import goals, measures
    from reverie.care.services.course import CourseDraft

    out = []
    start = timezone.now().replace(microsecond=0) - timedelta(days=1)
    for index, (client, therapist, pair) in enumerate(links):
        draft = CourseDraft(
            client=client.user.username,
            programme="brief_psychodynamic",
            start=start + timedelta(hours=2 * index),
        )
        row = courses.create_course(therapist.user, draft)
        title = canary()
        goal = goals.propose(therapist.user, row.id, title=title)
        response = measures.submit(client.user, "phq9", [0] * 9, course_id=row.id, session_number=1)
        out.append(Course(client, therapist, pair, row, str(goal.id), title, str(response.response.id)))
    return out


def raise_alerts(clients: list[Any], records: list[Any]) -> dict[Any, str]:
    """One journal risk alert per client who wrote an entry: client → alert id."""
    from reverie.care.services import alerts

    out: dict[Any, str] = {}
    for record in records:
        if record.owner not in out and record.owner in clients:
            out[record.owner] = str(
                alerts.raise_alert(record.owner.user, "journal", "ideation", record.id).pk
            )
    return out


def member(course: Course, actor: Any, linked: Any) -> bool:
    """The course's client, or its therapist while the link is active."""
    return actor is course.client or (actor is course.therapist and linked(course.client, actor))
