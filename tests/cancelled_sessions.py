"""Measure answers on cancelled sessions, for the measures tests of tests/care: a DIT course whose first two sessions
are cancelled and moved close together (``two_cancelled_sessions``), and a PHQ-9 answer stored on a session as it
is, with its id and time chosen (``answer_phq9``)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

FIRST = datetime(2027, 3, 1, 10, 0)  # a Monday; weekly sessions from 1 Mar


def two_cancelled_sessions(paired: tuple[Any, Any], second_after_first: timedelta) -> Any:
    """A DIT course from ``FIRST`` whose sessions 1 (by the client) and 2 (by the therapist) are cancelled, session 2
    moved to ``second_after_first`` after session 1's start (zero: the two at one start)."""
    from reverie.care.services import sessions
    from reverie.care.services.course import CourseDraft, create_course

    client, therapist = paired
    course = create_course(
        therapist,
        CourseDraft(client=client.username, programme="dit", start=FIRST, timezone="Europe/London"),
    )
    sessions.cancel_session(client, course.id, 1)
    sessions.cancel_session(therapist, course.id, 2)
    one = course.sessions.get(slot=1)
    course.sessions.filter(slot=2).update(start=one.start + second_after_first)
    return course


def answer_phq9(course: Any, slot: int, row_id: uuid.UUID, total: int, at: datetime) -> None:
    """A PHQ-9 response of ``total`` on session ``slot``, stored directly (id and ``submitted_at`` as given)."""
    from reverie.care.models import MeasureResponse

    MeasureResponse.objects.create(
        id=row_id,
        course=course,
        client=course.client,
        session=course.sessions.get(slot=slot),
        questionnaire="phq9",
        total=total,
        band="x",
        answers=b"",
        submitted_at=at,
    )
