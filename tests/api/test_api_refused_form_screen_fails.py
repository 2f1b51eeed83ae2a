"""h78 item 2: the PHQ-9 question-9 screen that runs after the schema refuses a form (422,
``routes.course._screen_refused_form``) ran outside the API's error handling: a Reverie error it raised reached the
client as a 500 and a traceback. It answers through the API's one handler now: the 422 and its own body are kept.

The screen fails for a real reason here: the client's earlier PHQ-9 for the same session, whose question 9 the
screen reads to tell a repeated answer from a new one, was tampered with in the database (its sealed answers no longer
open: ``IntegrityError``, E500)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from reverie.care.models import MeasureResponse
from reverie.care.services import measures
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db


def _stored_answer_tampered(client: Any, course: Any) -> None:
    """PHQ-9 for session 16 with question 9 above 0, stored; then its sealed answers damaged in the database."""

    from course_clock import at

    measures.submit(client, "phq9", [1] * 8 + [2], course_id=course.id, session_number=16, now=at(20, 4))
    row = MeasureResponse.objects.get(client=client)
    damaged = bytearray(row.answers)
    damaged[-1] ^= 0x01
    MeasureResponse.objects.filter(pk=row.pk).update(answers=bytes(damaged))


def test_a_screen_that_fails_after_a_schema_refusal_keeps_the_422(
    dit: tuple[Any, Any, Any], caplog: pytest.LogCaptureFixture
) -> None:
    client, _, course = dit
    _stored_answer_tampered(client, course)
    body = {"questionnaire": "phq9", "answers": [1] * 8 + [2], "session_number": "16"}
    api = _as(client)
    api.raise_request_exception = False  # a traceback is what a client would get: see it as the answer
    reply = api.post("/api/v1/measures", json.dumps(body), content_type="application/json")
    assert reply.status_code == 422, reply.content
    assert reply["Content-Type"].startswith("application/json")
    error = json.loads(reply.content)["error"]
    assert error["code"] == "E100"
    assert "session_number" in error["message"]  # the schema's own refusal, as without the failed screen
    told = [r.getMessage() for r in caplog.records if r.name == "reverie.api"]
    assert any("E500" in line and "IntegrityError" in line for line in told), (
        told
    )  # not silent: type and code
