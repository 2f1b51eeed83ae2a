from __future__ import annotations

import json
from typing import Any

import pytest
from api_client import Api, as_session, csrf_header, error_of
from django.test import Client

from reverie.api.models import ApiToken
from reverie.clinic.models import Entry

pytestmark = pytest.mark.django_db


def _bearer(secret: str) -> Api:
    return Api(Client(headers={"Authorization": f"Bearer {secret}"}))


def _create(session: Api, name: str = "laptop") -> dict[str, Any]:
    response = session.post("tokens", {"name": name}, **csrf_header(session))
    assert response.status_code == 201, response.content
    return dict(json.loads(response.content))


def test_tokens_create_use_list_and_revoke(make_user: Any) -> None:
    user = make_user()
    session = as_session(user, enforce_csrf=True)
    created = _create(session)
    secret = created["token"]
    assert secret.startswith("rv_") and len(secret) > 40 and created["name"] == "laptop"
    assert secret.startswith(created["prefix"])
    stored = ApiToken.objects.get()
    assert stored.token_hash != secret and secret not in json.dumps(
        list(ApiToken.objects.values()), default=str
    )
    api = _bearer(secret)
    assert json.loads(api.get("me").content)["username"] == user.username
    listed = json.loads(api.get("tokens").content)
    assert [(t["id"], t["name"]) for t in listed] == [(created["id"], "laptop")]
    assert "token" not in listed[0] and listed[0]["last_used_at"] is not None
    assert api.post("entries", {"kind": "dream", "body": "written with a token"}).status_code == 201
    assert api.delete(f"tokens/{created['id']}").status_code == 204
    refused = api.get("me")
    assert refused.status_code == 401 and error_of(refused)["code"] == "E401"
    assert ApiToken.objects.count() == 0


@pytest.mark.parametrize(
    "header",
    ["Bearer rv_wrong", "Bearer ", "Bearer rv_" + "x" * 500, "Bearer not-even-ours", "bearer rv_\x00"],
)
def test_tokens_wrong_token_is_a_401_even_with_a_session(make_user: Any, header: str) -> None:
    user = make_user()
    client = Client(headers={"Authorization": header})
    client.force_login(user)
    response = Api(client).get("me")
    assert response.status_code == 401 and error_of(response)["code"] == "E401"


def test_tokens_a_token_cannot_mint_tokens(make_user: Any) -> None:
    user = make_user()
    secret = _create(as_session(user, enforce_csrf=True))["token"]
    response = _bearer(secret).post("tokens", {"name": "another"})
    assert response.status_code == 401
    assert ApiToken.objects.count() == 1


def test_tokens_other_peoples_tokens_answer_like_missing_ones(make_user: Any) -> None:
    alice, bob = make_user(), make_user()
    alice_token = _create(as_session(alice, enforce_csrf=True))
    bob_api = _bearer(_create(as_session(bob, enforce_csrf=True))["token"])
    theirs = bob_api.delete(f"tokens/{alice_token['id']}")
    missing = bob_api.delete("tokens/987654321")
    assert theirs.status_code == missing.status_code == 404
    assert theirs.content == missing.content
    assert [t["id"] for t in json.loads(bob_api.get("tokens").content)] != [alice_token["id"]]
    assert json.loads(_bearer(alice_token["token"]).get("me").content)["username"] == alice.username


@pytest.mark.parametrize("name", ["", "   ", "x" * 81])
def test_tokens_need_a_sensible_name(make_user: Any, name: str) -> None:
    session = as_session(make_user(), enforce_csrf=True)
    response = session.post("tokens", {"name": name}, **csrf_header(session))
    assert response.status_code == 400 and error_of(response)["code"] == "E100"
    assert ApiToken.objects.count() == 0


def test_tokens_inactive_person_cannot_use_a_token(make_user: Any) -> None:
    user = make_user()
    secret = _create(as_session(user, enforce_csrf=True))["token"]
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert _bearer(secret).get("me").status_code == 401


def test_auth_session_needs_csrf_for_unsafe_methods(make_user: Any) -> None:
    session = as_session(make_user(), enforce_csrf=True)
    assert session.get("entries").status_code == 200  # safe methods need no token
    refused = session.post("entries", {"kind": "dream", "body": "cross-site attempt"})
    assert refused.status_code == 403 and error_of(refused)["code"] == "E403"
    assert Entry.objects.count() == 0
    accepted = session.post("entries", {"kind": "dream", "body": "from the page"}, **csrf_header(session))
    assert accepted.status_code == 201
    assert Entry.objects.count() == 1


def test_auth_anonymous_post_is_401_not_a_csrf_error() -> None:
    response = Api(Client(enforce_csrf_checks=True)).post("entries", {"kind": "dream", "body": "x"})
    assert response.status_code == 401


def test_auth_after_logout_the_session_is_refused(make_user: Any) -> None:
    session = as_session(make_user())
    assert session.get("me").status_code == 200
    session.client.post("/logout/")
    assert session.get("me").status_code == 401
