"""The course of therapy over the API: where the pair is, measures (with their bad input) and FHIR."""

from __future__ import annotations

import json
from typing import Any

import pytest

from reverie.care.services.course import CourseDraft, create_course
from reverie.measures import fhir

pytestmark = pytest.mark.django_db


def test_api_course_and_measures(paired: tuple[Any, Any], web_as: Any, make_user: Any) -> None:
    from datetime import datetime

    client, therapist = paired
    course = create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=datetime(2030, 3, 4, 10))
    )
    me, them, stranger = web_as(client), web_as(therapist), web_as(make_user(role="therapist"))
    got = me.get(f"/api/v1/courses/{course.id}").json()
    assert "of 16" in got["position"] and got["phase_purpose"]
    assert [c["id"] for c in them.get("/api/v1/courses").json()] == [str(course.id)]
    missing = stranger.get("/api/v1/courses/00000000-0000-0000-0000-000000000000")
    theirs = stranger.get(f"/api/v1/courses/{course.id}")
    assert theirs.status_code == missing.status_code == 404 and theirs.json() == missing.json()

    post = lambda body: me.post("/api/v1/measures", json.dumps(body), content_type="application/json")  # noqa: E731
    assert post({"questionnaire": "phq9", "answers": [0, 1, 2, 3, 4, 0, 0, 0, 0]}).status_code == 400
    first = post({"questionnaire": "phq9", "answers": [1, 1, 1, 1, 1, 1, 1, 1, 1]})
    assert first.status_code == 201 and first.json()["total"] == 9 and first.json()["risk_item_positive"]
    assert post({"questionnaire": "phq9", "answers": [0] * 9, "session_number": 1}).status_code == 409
    history = them.get(f"/api/v1/courses/{course.id}/measures").json()
    assert [(m["questionnaire"], m["total"]) for m in history] == [("phq9", 9)]
    resource = me.get(f"/api/v1/measures/{first.json()['id']}/fhir").json()
    fhir.validate(resource)
    assert stranger.get(f"/api/v1/measures/{first.json()['id']}/fhir").status_code == 404


def test_api_ends_a_course_once(paired: tuple[Any, Any], web_as: Any) -> None:
    from datetime import datetime

    client, therapist = paired
    course = create_course(
        therapist, CourseDraft(client=client.username, programme="long_term", start=datetime(2026, 1, 5, 10))
    )
    me, them = web_as(client), web_as(therapist)
    assert them.get(f"/api/v1/courses/{course.id}").json()["ended_on"] is None

    def end(who, body):
        return who.post(f"/api/v1/courses/{course.id}/end", json.dumps(body), content_type="application/json")

    assert end(me, {}).status_code == 404  # the client cannot end it
    assert end(them, {"on": "2026-01-04"}).status_code == 400
    done = end(them, {"on": "2026-01-12"})
    assert done.status_code == 200 and done.json()["ended_on"] == "2026-01-12"
    again = end(them, {})
    assert again.status_code == 409 and "already ended on 12 Jan 2026" in again.json()["error"]["message"]


@pytest.mark.parametrize("bad", [True, "1", 1.0])
def test_the_api_refuses_true_and_strings_as_questionnaire_answers(
    paired: tuple[Any, Any], monkeypatch: Any, bad: object
) -> None:
    """`true`, `"1"` and `1.0` are not answers (docs/measures.md: a non-integer is refused); the API refuses them
    with 422 and stores nothing, as it refuses them for a revision (review r26)."""
    from api_client import as_token

    from course_week import running_course
    from reverie.care.models import MeasureResponse

    client, _therapist, _course, _clock = running_course(paired, monkeypatch)
    answer = as_token(client).post("measures", {"questionnaire": "gad7", "answers": [bad, 1, 0, 0, 0, 0, 0]})
    assert answer.status_code == 422
    as_token(client).post("measures", {"questionnaire": "gad7", "answers": [0] * 7, "session_number": "7"})
    assert MeasureResponse.objects.count() == 0
