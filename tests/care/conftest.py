"""Fixtures for the course of therapy (the ``dit`` course and its clock, ``course_clock``, are in tests/: the drafts tests
of the clinic use them too)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from reverie.care.models import Course, MeasureResponse
from reverie.care.services import measures
from reverie.care.services.course import CourseDraft, create_course


@pytest.fixture
def running(paired: Any, monkeypatch: Any) -> Any:
    """A DIT course in its seventh week, its clock movable (tests/course_week.py)."""
    from course_week import running_course

    return running_course(paired, monkeypatch)


@pytest.fixture
def answered_ahead(paired: tuple[Any, Any]) -> tuple[Any, Any, Course, MeasureResponse]:
    """A weekly DIT course whose first session is in two days, 10:00 London (the real clock: the alert must come
    after the link); the client has answered the PHQ-9 for it, question 9 "more than half the days"."""
    client, therapist = paired
    first = (timezone.now().astimezone(ZoneInfo("Europe/London")) + timedelta(days=2)).replace(
        hour=10, minute=0, second=0
    )
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username,
            programme="dit",
            start=first.replace(tzinfo=None, microsecond=0),
            timezone="Europe/London",
        ),
    )
    done = measures.submit(client, "phq9", [1] * 8 + [2], session_number=1)
    assert done.alert is not None
    return client, therapist, course, done.response
