"""PATCH /entries/{id} with the revision it was made from: a newer save is never silently replaced (409)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from api_client import Api, as_token, error_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_api(paired: tuple[Any, Any]) -> tuple[Any, Api]:
    """A linked client: a share is made only while a therapist is linked (with none it is refused, 409)."""
    client, _ = paired
    return client, as_token(client)


def _entry(api: Api) -> dict[str, Any]:
    response = api.post("entries", {"kind": "dream", "body": "A boat at night.", "title": "Night"})
    assert response.status_code == 201, response.content
    return dict(json.loads(response.content))


def test_entries_update_from_an_old_revision_answers_409_and_changes_nothing(
    client_api: tuple[Any, Api],
) -> None:
    _, api = client_api
    entry = _entry(api)
    path = f"entries/{entry['id']}"
    assert api.patch(path, {"body": "Saved on the phone.", "revision": 1}).status_code == 200
    refused = api.patch(path, {"body": "Typed on the laptop SECRET.", "revision": 1})
    assert refused.status_code == 409
    error = error_of(refused)
    assert error["code"] == "E409" and "changed somewhere else" in error["message"]
    assert json.loads(refused.content)["error"]["current_revision"] == 2
    assert "SECRET" not in refused.content.decode()
    stored = json.loads(api.get(path).content)
    assert (stored["revision"], stored["body"]) == (2, "Saved on the phone.")
    again = api.patch(path, {"body": "Typed on the laptop.", "revision": 2})
    assert again.status_code == 200 and json.loads(again.content)["revision"] == 3


def test_entries_update_takes_the_base_revision_from_if_match(client_api: tuple[Any, Api]) -> None:
    _, api = client_api
    entry = _entry(api)
    path = f"entries/{entry['id']}"
    assert api.patch(path, {"body": "Second."}, headers={"If-Match": '"1"'}).status_code == 200
    stale = api.patch(path, {"body": "Third."}, headers={"If-Match": 'W/"1"'})
    assert stale.status_code == 409 and json.loads(stale.content)["error"]["current_revision"] == 2
    assert api.patch(path, {"body": "Third."}, headers={"If-Match": "2"}).status_code == 200
    bad = api.patch(path, {"body": "Fourth."}, headers={"If-Match": '"abc"'})
    assert bad.status_code == 400 and error_of(bad)["code"] == "E100"
    differ = api.patch(path, {"body": "Fourth.", "revision": 3}, headers={"If-Match": '"2"'})
    assert differ.status_code == 400 and "differ" in error_of(differ)["message"]
    assert json.loads(api.get(path).content)["revision"] == 3


def test_entries_update_without_a_revision_changes_what_is_stored(client_api: tuple[Any, Api]) -> None:
    _, api = client_api
    entry = _entry(api)
    path = f"entries/{entry['id']}"
    assert api.patch(path, {"body": "Second."}).status_code == 200
    kept = api.patch(path, {"title": "Fog"})  # an old client: no revision, as before
    assert kept.status_code == 200
    assert (json.loads(kept.content)["revision"], json.loads(kept.content)["body"]) == (3, "Second.")


@pytest.mark.parametrize(
    ("sent", "headers", "status"),
    [
        # true is not revision 1, nor "1" or 1.0: a client sending them has a bug, and it is told so (422), not 409
        *(pytest.param({"revision": r}, {}, 422, id=f"revision={r!r}") for r in (True, "1", 1.0)),
        # revisions start at 1: If-Match "0" is a malformed header (400), as "revision": 0 is (422), never a 409
        # claiming the edit was based on a version 0 that never existed
        *(pytest.param({}, {"If-Match": t}, 400, id=f"If-Match={t}") for t in ("0", '"0"', 'W/"0"', "00")),
    ],
)
def test_entries_update_from_a_revision_that_is_not_one_is_refused_and_changes_nothing(
    client_api: tuple[Any, Api], sent: dict[str, object], headers: dict[str, str], status: int
) -> None:
    _, api = client_api
    entry = _entry(api)
    path = f"entries/{entry['id']}"
    refused = api.patch(path, {"title": "Fog", **sent}, headers=headers)
    assert refused.status_code == status
    error = error_of(refused)
    assert "revision" in error["message"] if status == 422 else error["code"] == "E100"
    stored = json.loads(api.get(path).content)
    assert (stored["revision"], stored["title"]) == (1, "Night")


def test_entries_answer_with_their_revision_as_etag_for_if_match(client_api: tuple[Any, Api]) -> None:
    """r1's review: an If-Match client had to build the tag from the body's revision; now GET, POST and PATCH of one
    entry answer with it as the standard ``ETag``, and sending it back is the base of the edit."""
    _, api = client_api
    created = api.post("entries", {"kind": "dream", "body": "A boat at night."})
    assert created.headers["ETag"] == '"1"'
    path = f"entries/{json.loads(created.content)['id']}"
    tag = api.get(path).headers["ETag"]
    assert tag == '"1"'
    saved = api.patch(path, {"body": "A boat at dawn."}, headers={"If-Match": tag})
    assert saved.status_code == 200 and saved.headers["ETag"] == '"2"'
    stale = api.patch(path, {"body": "Typed elsewhere."}, headers={"If-Match": tag})
    assert stale.status_code == 409 and "ETag" not in stale.headers


@pytest.mark.parametrize(
    ("method", "suffix", "status", "trashed_first"),
    [
        ("delete", "", 204, False),
        ("post", "/share", 200, False),
        ("post", "/unshare", 200, False),
        ("post", "restore", 200, True),
        ("delete", "purge", 204, True),
    ],
)
def test_entries_every_change_to_one_entry_honours_if_match(
    client_api: tuple[Any, Api], method: str, suffix: str, status: int, trashed_first: bool
) -> None:
    """u2: If-Match was read by PATCH only; trashing, sharing, restoring or purging from a stale read went ahead.
    Now each is refused as PATCH is (409 with current_revision, nothing changes); a malformed one is 400; an absent
    one changes what is stored, as before."""
    _, api = client_api
    entry = _entry(api)
    assert (
        api.patch(f"entries/{entry['id']}", {"body": "Saved on the phone."}).status_code == 200
    )  # revision 2
    if trashed_first:
        assert api.call("delete", f"entries/{entry['id']}").status_code == 204
    path = {"restore": f"trash/{entry['id']}/restore", "purge": f"trash/{entry['id']}"}.get(
        suffix, f"entries/{entry['id']}{suffix}"
    )
    body: dict[str, Any] | None = {} if method == "post" else None
    before = json.loads((api.get("trash") if trashed_first else api.get("entries")).content)
    stale = api.call(method, path, body, headers={"If-Match": '"1"'})
    assert stale.status_code == 409, stale.content
    error = error_of(stale)
    assert error["code"] == "E409" and json.loads(stale.content)["error"]["current_revision"] == 2
    bad = api.call(method, path, body, headers={"If-Match": '"abc"'})
    assert bad.status_code == 400 and error_of(bad)["code"] == "E100"
    after = json.loads((api.get("trash") if trashed_first else api.get("entries")).content)
    assert after == before  # nothing changed
    assert api.call(method, path, body, headers={"If-Match": 'W/"2"'}).status_code == status


def test_entries_changes_without_if_match_go_ahead_as_before(client_api: tuple[Any, Api]) -> None:
    _, api = client_api
    entry = _entry(api)
    path = f"entries/{entry['id']}"
    assert api.patch(path, {"body": "Second."}).status_code == 200
    shared = api.call("post", f"{path}/share", {})
    assert shared.status_code == 200 and json.loads(shared.content)["shared"] is True
    assert shared.headers["ETag"] == '"2"'
    assert api.call("delete", path).status_code == 204


def test_entries_openapi_documents_if_match_on_every_change_to_one_entry() -> None:
    from django.test import Client

    schema = json.loads(Client().get("/api/v1/openapi.json").content)
    changes = [
        ("/api/v1/entries/{entry_id}", "patch"),
        ("/api/v1/entries/{entry_id}", "delete"),
        ("/api/v1/entries/{entry_id}/share", "post"),
        ("/api/v1/entries/{entry_id}/unshare", "post"),
        ("/api/v1/trash/{entry_id}/restore", "post"),
        ("/api/v1/trash/{entry_id}", "delete"),
    ]
    for path, method in changes:
        params = schema["paths"][path][method]["parameters"]
        assert [p["in"] for p in params if p["name"] == "If-Match"] == ["header"], (path, method)
        assert any(p["name"] == "entry_id" for p in params)


@pytest.mark.parametrize("header", ['"2', '2"', "W/2", '""2""'])
def test_entries_if_match_with_a_quote_missing_is_malformed(client_api: tuple[Any, Api], header: str) -> None:
    """r6: the tag's quotes were stripped wherever they stood, so '"2' or '2"' was read as revision 2 and the share
    went ahead; docs/api.md says anything not a revision is 400. Quotes on both sides or neither."""
    _, api = client_api
    entry = _entry(api)
    assert api.patch(f"entries/{entry['id']}", {"body": "Second."}).status_code == 200
    refused = api.call("post", f"entries/{entry['id']}/share", {}, headers={"If-Match": header})
    assert refused.status_code == 400 and error_of(refused)["code"] == "E100"
    assert json.loads(api.get(f"entries/{entry['id']}").content)["shared"] is False
