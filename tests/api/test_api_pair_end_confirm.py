"""``POST /pairs/{pair_id}/end`` asks first, as the web does (h187 left, review r133 fault 1): without
``{"confirm": true}`` nothing ends and the 409 names, from the web question's one service
(``course.link_end_closes``), each course record the end puts out of the therapist's reach with where to download it,
and the client's alerts not acknowledged; with it the link ends as before."""

from __future__ import annotations

import json
from typing import Any

import pytest
from api_client import as_token, error_of

from reverie.care.services import alerts
from reverie.clinic.models import AuditEvent, Pair

pytestmark = pytest.mark.django_db


def test_ending_a_link_without_confirm_ends_nothing_and_names_what_becomes_unreachable(
    dit: tuple[Any, Any, Any],
) -> None:
    client, therapist, course = dit
    alerts.raise_alert(client, "session", "ideation", "r-1")
    pair_id = Pair.objects.get().pk
    api = as_token(therapist)
    for body in ({}, {"confirm": False}):
        refused = api.post(f"pairs/{pair_id}/end", body)
        assert refused.status_code == 409, refused.content
        assert Pair.objects.get().ended_at is None  # nothing ended
    error = error_of(refused)
    assert error["code"] == "E409"
    assert "cannot be undone" in error["message"] and '{"confirm": true}' in error["message"]
    [record] = error["unreachable"]["courses"]
    assert record["course_id"] == str(course.id) and record["programme"] == "dit"
    assert record["sessions_held"] == 16 and record["progress_notes"] == 0
    assert record["record_download"] == f"/courses/{course.id}/record/"
    [alert] = error["unreachable"]["open_alerts"]
    assert alert.startswith("raised ") and "urgency:" in alert
    assert AuditEvent.objects.filter(action="risk.alert.read").exists()  # the alert lines read, as on the web
    ended = api.post(f"pairs/{pair_id}/end", {"confirm": True})
    assert ended.status_code == 204 and Pair.objects.get().ended_at is not None


def test_a_client_is_asked_too_and_loses_no_record(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    pair_id = Pair.objects.get().pk
    refused = as_token(client).post(f"pairs/{pair_id}/end", {})
    assert refused.status_code == 409
    error = error_of(refused)
    assert therapist.username in error["message"]
    assert error["unreachable"] == {"courses": [], "open_alerts": []}
    assert as_token(client).post(f"pairs/{pair_id}/end", {"confirm": True}).status_code == 204


def test_another_persons_link_answers_like_a_missing_one_with_or_without_confirm(
    paired: tuple[Any, Any], make_user: Any
) -> None:
    stranger = as_token(make_user(role="therapist"))
    pair_id = Pair.objects.get().pk
    for body in ({}, {"confirm": True}):
        theirs = stranger.post(f"pairs/{pair_id}/end", body)
        missing = stranger.post(f"pairs/{pair_id + 1000}/end", body)
        assert theirs.status_code == missing.status_code == 404
        assert theirs.content == missing.content
    assert Pair.objects.get().ended_at is None


def test_a_post_without_a_json_body_ends_nothing(paired: tuple[Any, Any]) -> None:
    client, _ = paired
    pair_id = Pair.objects.get().pk
    bare = as_token(client).post(f"pairs/{pair_id}/end")  # no JSON body: 415, asking for one; nothing ends
    assert bare.status_code == 415 and Pair.objects.get().ended_at is None


def test_the_openapi_document_names_confirm_and_unreachable(make_user: Any) -> None:
    doc = json.loads(as_token(make_user()).get("openapi.json").content)
    schemas = doc["components"]["schemas"]
    assert "confirm" in schemas["PairEndIn"]["properties"]
    assert "unreachable" in schemas["ErrorDetail"]["properties"]
