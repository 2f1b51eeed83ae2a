from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from api_client import Api, error_of
from django.test import Client

from reverie.clinic.models import AuditEvent, Entry

pytestmark = pytest.mark.django_db
SECRET = "my-most-private-sentence"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"kind": "dream", "body": ""}, 400, "E100"),
        ({"kind": "dream", "body": "   \n "}, 400, "E100"),
        ({"kind": "dream", "body": SECRET + "x" * 1_000_001}, 400, "E100"),
        ({"kind": "nightmare", "body": SECRET}, 422, "E100"),
        ({"kind": "dream", "body": SECRET, "happened_at": "2999-01-01T03:00:00+00:00"}, 400, "E100"),
        ({"kind": "dream", "body": SECRET, "happened_at": "2026-01-01T03:00:00"}, 400, "E100"),
        ({"kind": "dream", "body": SECRET, "happened_at": "yesterday " + SECRET}, 422, "E100"),
        ({"kind": "dream", "body": SECRET, "feelings": [{"name": "fear", "intensity": 9}]}, 400, "E100"),
        ({"kind": "dream", "body": SECRET, "feelings": [{"name": SECRET, "intensity": "x"}]}, 422, "E100"),
        ({"kind": "dream", "body": SECRET + "\x00"}, 400, "E100"),
        ({"kind": "dream", "body": SECRET, "mood": SECRET}, 422, "E100"),
        ({"body": SECRET}, 422, "E100"),
        ([SECRET], 422, "E100"),
    ],
)
def test_errors_bad_entries_answer_4xx_in_the_error_shape_and_store_nothing(
    client_api: tuple[Any, Api], body: Any, status: int, code: str
) -> None:
    _, api = client_api
    response = api.post("entries", body)
    assert response.status_code == status, response.content[:300]
    error = error_of(response)
    assert error["code"] == code
    assert SECRET not in response.content.decode()
    assert Entry.objects.count() == 0


def test_errors_validation_names_the_fields(client_api: tuple[Any, Api]) -> None:
    _, api = client_api
    response = api.post("entries", {"kind": "nightmare", "body": SECRET, "feelings": [{"name": "x"}]})
    message = error_of(response)["message"]
    assert "kind" in message and "feelings.0.intensity" in message


@pytest.mark.parametrize("raw", ['{"kind": "dream", "body": ', "not json at all", '{"kind": "dream"'])
def test_errors_malformed_json_is_a_400(client_api: tuple[Any, Api], raw: str) -> None:
    _, api = client_api
    response = api.call("POST", "entries", raw=raw)
    assert response.status_code == 400
    assert error_of(response)["code"] == "E100"
    assert Entry.objects.count() == 0


def test_errors_wrong_method_and_unknown_route_use_the_shape(client_api: tuple[Any, Api]) -> None:
    _, api = client_api
    wrong = api.call("PUT", "entries", {"kind": "dream"})
    assert wrong.status_code == 405 and error_of(wrong)["code"] == "E405"
    assert wrong["Allow"] == "GET, POST"
    for path in ("/api/", "/api/v1/", "/api/v1/nothing/here", "/api/v2/entries"):
        missing = api.get(path)
        assert missing.status_code == 404 and error_of(missing)["code"] == "E404"


def test_errors_garbage_ids_answer_like_missing_ones(client_api: tuple[Any, Api]) -> None:
    _, api = client_api
    answers = {
        (r.status_code, r.content)
        for r in (
            api.get("entries/not-an-id"),
            api.get("entries/00000000-0000-0000-0000-000000000000"),
            api.get("entries/%00"),
        )
    }
    assert len(answers) == 1 and next(iter(answers))[0] == 404
    too_big = api.post(f"pairs/{2**64}/end", {"confirm": True})
    assert too_big.status_code == 422 and error_of(too_big)["code"] == "E100"


def test_errors_unexpected_failure_is_a_500_with_an_incident_and_no_content(
    client_api: tuple[Any, Api], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from reverie.clinic.services import journal

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError(f"failed while reading {SECRET}")

    _, api = client_api
    monkeypatch.setattr(journal, "create_entry", broken)
    with caplog.at_level(logging.INFO):
        response = api.post("entries", {"kind": "dream", "body": SECRET})
    assert response.status_code == 500
    error = error_of(response)
    assert error["code"] == "E999" and "Incident " in error["message"]
    assert "Traceback" not in response.content.decode() and SECRET not in response.content.decode()
    incident = error["message"].rsplit("Incident ", 1)[1].rstrip(".")
    assert any(incident in r.getMessage() for r in caplog.records)
    assert all(SECRET not in r.getMessage() and r.exc_info is None for r in caplog.records)


def test_errors_request_too_large_is_a_413(client_api: tuple[Any, Api], settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    _, api = client_api
    response = api.post("entries", {"kind": "dream", "body": "x" * 2000})
    assert response.status_code == 413 and error_of(response)["code"] == "E413"
    assert Entry.objects.count() == 0


def test_errors_anonymous_requests_get_401_except_the_public_routes(make_user: Any) -> None:
    schema = json.loads(Client().get("/api/v1/openapi.json").content)
    public = set()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            concrete = path.replace("{entry_id}", "x").replace("{pair_id}", "1").replace("{token_id}", "1")
            response = Api(Client()).call(method, concrete, {} if method in ("post", "patch") else None)
            if "security" not in operation:
                public.add(path)
                assert response.status_code == 200
                continue
            assert response.status_code == 401, (method, path)
            assert error_of(response)["code"] == "E401"
    assert public == {"/api/v1/safety/crisis-lines"}
    assert AuditEvent.objects.filter(action__startswith="entry").count() == 0
