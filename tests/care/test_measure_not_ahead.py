"""A questionnaire is answered for the next session or an earlier one, never for a session further ahead
(docs/course.md: "A session that is not open is refused with the reason, and nothing is stored"). Before, the API
and ``reverie measure fill --session N`` took any planned session: on the first day of a DIT course a client could
file a PHQ-9 "for session 16", and the therapist's page then read it as the closing score and showed recovery and
reliable recovery before a single session was held."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest

from reverie.care.models import MeasureResponse
from reverie.care.services import measures
from reverie.care.services.course import CourseDraft, create_course
from reverie.errors import InvalidInput
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db


@pytest.fixture
def ahead(paired: tuple[Any, Any]) -> tuple[Any, Any, Any]:
    """A 16-session DIT course whose first session (Monday 4 March 2030) is still ahead."""
    client, therapist = paired
    course = create_course(
        therapist,
        CourseDraft(client=client.username, programme="dit", start=datetime(2030, 3, 4, 10), timezone="UTC"),
    )
    return client, therapist, course


def test_the_api_refuses_answers_for_a_session_further_ahead_and_stores_nothing(ahead: Any) -> None:
    client, therapist, course = ahead
    web = _as(client)
    post = lambda body: web.post("/api/v1/measures", json.dumps(body), content_type="application/json")  # noqa: E731
    assert post({"questionnaire": "phq9", "answers": [3] * 8 + [0]}).status_code == 201  # session 1: the next
    late = post({"questionnaire": "phq9", "answers": [0] * 9, "session_number": 16})
    assert late.status_code == 400 and "Session 16 is still ahead" in late.json()["error"]["message"]
    assert MeasureResponse.objects.count() == 1
    assert measures.progress(therapist, course.id).outcome is None  # no recovery from one score


def test_the_service_refuses_the_session_after_the_next_and_takes_the_next(ahead: Any) -> None:
    client, _, course = ahead
    with pytest.raises(InvalidInput, match="Session 2 is still ahead"):
        measures.submit(client, "gad7", [1] * 7, course_id=course.id, session_number=2)
    done = measures.submit(client, "gad7", [1] * 7, course_id=course.id, session_number=1)
    assert measures.number_of(done.response) == 1
