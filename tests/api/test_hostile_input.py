"""Hostile and odd input on API routes answers a plain 4xx in the one error shape, never a 500, and changes nothing.

Found by review r52 (probing every POST/PUT/PATCH/DELETE route with odd input)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from hostile_input import MALFORMED_MULTIPART, state_of

pytestmark = pytest.mark.django_db

PASSWORD = "a long test password"
LONE_SURROGATE = "\ud800"  # valid JSON ("\ud800"), not encodable as UTF-8


def _token_client(user: Any) -> Client:
    from reverie.api import tokens

    secret = tokens.issue(user, "r52").secret
    return Client(raise_request_exception=False, headers={"Authorization": f"Bearer {secret}"})


def _plain_api_error(response: Any, *, expected: int | None = None) -> dict[str, str]:
    """A 4xx in the one error shape, with a plain message (no incident, no traceback, no Python repr)."""
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:200])
    if expected is not None:
        assert response.status_code == expected, (response.status_code, response.content[:200])
    doc = json.loads(response.content)
    assert set(doc) == {"error"} and set(doc["error"]) == {"code", "message"}, doc
    message = doc["error"]["message"]
    assert "Traceback" not in message and "Error(" not in message and "Incident" not in message, message
    return dict(doc["error"])


# --- malformed multipart on the API's upload route: a Content-Type with no usable boundary ------------


@pytest.mark.parametrize("content_type", MALFORMED_MULTIPART)
def test_api_upload_with_a_multipart_body_lacking_its_boundary_is_a_plain_400(
    paired: tuple[Any, Any], content_type: str
) -> None:
    """POST /entries/{id}/attachments with a multipart Content-Type and no boundary answers 400 E100, not 500 E999."""
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft

    user, _ = paired
    entry = journal.create_entry(user, EntryDraft(kind="art", body="a picture to come"))
    snapshot = state_of(user)
    response = _token_client(user).generic(
        "POST", f"/api/v1/entries/{entry.id}/attachments", data=b"junk", content_type=content_type
    )
    _plain_api_error(response, expected=400)
    assert state_of(user) == snapshot


# --- lone surrogates in JSON strings that reach a service unchecked ---------------------------------------------


def test_api_pair_accept_with_a_lone_surrogate_code_is_a_plain_4xx(paired: tuple[Any, Any]) -> None:
    """POST /pair/accept with {"code": "\\ud800"} refuses the code in words (4xx), never a 500 (UnicodeEncodeError)."""
    user, _ = paired
    snapshot = state_of(user)
    body = json.dumps({"code": LONE_SURROGATE})  # ensure_ascii: the wire carries the escape \ud800
    response = _token_client(user).post("/api/v1/pair/accept", data=body, content_type="application/json")
    _plain_api_error(response)
    assert state_of(user) == snapshot


@pytest.mark.parametrize(
    "body",
    [
        {"current_password": LONE_SURROGATE, "new_password": "another long password"},
        {"current_password": PASSWORD, "new_password": LONE_SURROGATE * 20},
    ],
    ids=["current", "new"],
)
def test_api_password_change_with_a_lone_surrogate_is_a_plain_4xx(
    paired: tuple[Any, Any], body: dict[str, str]
) -> None:
    """POST /account/password with a lone surrogate in either password answers a plain 4xx; the password stays."""
    user, _ = paired
    snapshot = state_of(user)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    response = client.post("/api/v1/account/password", data=json.dumps(body), content_type="application/json")
    _plain_api_error(response)
    assert state_of(user) == snapshot
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


# --- a body that is not JSON by its Content-Type ------------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]
)
def test_api_refuses_a_json_body_sent_as_another_content_type(
    paired: tuple[Any, Any], content_type: str
) -> None:
    """POST /entries with a JSON text under a non-JSON Content-Type is refused (415) and saves no entry."""
    user, _ = paired
    snapshot = state_of(user)
    response = _token_client(user).generic(
        "POST",
        "/api/v1/entries",
        data=b'{"kind": "dream", "body": "sent as text"}',
        content_type=content_type,
    )
    _plain_api_error(response, expected=415)
    assert state_of(user) == snapshot


# --- an import whose dates lie at the edge of what a datetime holds ------------------------------------------------


@pytest.mark.parametrize("written_at", ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"])
def test_api_import_with_a_written_at_past_the_datetime_range_is_refused_in_words(
    paired: tuple[Any, Any], written_at: str
) -> None:
    """POST /import with written_at that overflows in UTC answers a plain 4xx or leaves that entry out, never 500."""
    user, _ = paired
    snapshot = state_of(user)
    entry = {
        "id": "11111111-1111-4111-8111-111111111111",
        "kind": "dream",
        "body": "an imported dream",
        "happened_at": "2026-01-01T00:00:00Z",
        "written_at": written_at,
    }
    doc = {"schema": "reverie.export/1", "exported_at": "2026-01-02T00:00:00Z", "entries": [entry]}
    response = _token_client(user).post(
        "/api/v1/import", data=json.dumps(doc), content_type="application/json"
    )
    if response.status_code == 200:  # the entry left out with a problem, as every other bad date is
        assert json.loads(response.content)["created"] == 0
    else:
        _plain_api_error(response)
    assert state_of(user) == snapshot


# --- the mechanism: every JSON body is an Input, so no route can forget the text check ---------------------------


def test_every_api_request_body_is_checked_as_text_by_the_input_base() -> None:
    """Each operation's JSON body schema derives from schemas.Input (unknown fields refused, every string checked
    as text once): a new route with a plain Schema body would let a lone surrogate reach a service again."""
    import typing

    from ninja import Schema

    from reverie.api.api import api
    from reverie.api.schemas import Input

    bodies: dict[str, type] = {}
    for _, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                hints = typing.get_type_hints(operation.view_func, include_extras=True)
                for name, hint in hints.items():
                    if isinstance(hint, type) and issubclass(hint, Schema) and name != "return":
                        bodies[f"{operation.view_func.__name__}.{name}"] = hint
    assert len(bodies) >= 8, bodies
    assert [where for where, schema in bodies.items() if not issubclass(schema, Input)] == []


def test_import_as_the_command_line_runs_it_leaves_an_overflowing_date_out(paired: tuple[Any, Any]) -> None:
    """`reverie journal import` calls portability.import_journal with the local media cap: a written_at that
    overflows in UTC (or a revision's) is left out with a problem, as over the API, never an OverflowError."""
    from reverie.clinic.services import import_check, portability

    user, _ = paired
    snapshot = state_of(user)
    entries = [
        {
            "id": "22222222-2222-4222-8222-22222222222" + str(n),
            "kind": "dream",
            "body": f"an imported dream {n}",
            "happened_at": "2026-01-01T00:00:00Z",
            "written_at": "2026-01-01T00:00:00Z",
            **extra,
        }
        for n, extra in enumerate(
            [
                {"written_at": "9999-12-31T23:59:59-14:00"},
                {"revisions": [{"body": "an earlier dream", "written_at": "0001-01-01T00:00:00+14:00"}]},
            ]
        )
    ]
    doc = {"schema": "reverie.export/1", "exported_at": "2026-01-02T00:00:00Z", "entries": entries}
    report = portability.import_journal(
        user, json.dumps(doc).encode(), media_in_all=import_check.LOCAL_MEDIA_IN_ALL
    )
    assert report.created == 0 and len(report.problems) == 2, report.problems
    assert all("1900" in line and "Left out" in line for line in report.problems), report.problems
    assert state_of(user) == snapshot
