"""h47: HEAD is answered as GET without a body, on every route that answers GET (web and API).

Before, the attachment downloads (web ``require_GET``, API ``@router.get``) and every other GET-only route answered
HEAD with 405, so a client checking a file's size or type first was refused. Now one middleware runs HEAD as GET:
the same default-deny policy (someone else's file answers HEAD like a missing one) and the same headers.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from api_client import Api, as_token
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from web_client import signed_in

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"h47-head-picture"
SAME = ("Content-Type", "Content-Length", "Content-Disposition", "Cache-Control", "X-Content-Type-Options")


def _attached(api: Api) -> str:
    entry_id = api.post("entries", {"kind": "art", "body": "a lighthouse"}).json()["id"]
    upload = SimpleUploadedFile("light.png", PNG, content_type="image/png")
    made = api.client.post(f"/api/v1/entries/{entry_id}/attachments", {"file": upload})
    assert made.status_code == 201, made.content
    return str(made.json()["id"])


def _headers(response: Any) -> dict[str, str | None]:
    return {name: response.get(name) for name in SAME}


def test_head_on_an_api_download_answers_as_get_without_the_body(make_user: Any) -> None:
    api = as_token(make_user(role="client"))
    att_id = _attached(api)
    url = f"/api/v1/attachments/{att_id}"
    got, head = api.client.get(url), api.client.head(url)
    assert got.status_code == head.status_code == 200
    assert head.content == b""
    assert _headers(head) == _headers(got)
    assert head["Content-Length"] == str(len(PNG)) and head["Cache-Control"] == "no-store"


def test_head_on_a_web_download_answers_as_get_without_the_body(make_user: Any) -> None:
    user = make_user(role="client")
    att_id = _attached(as_token(user))
    web = signed_in(user)
    url = reverse("attachment", kwargs={"attachment_id": att_id})
    got, head = web.get(url), web.head(url)
    assert got.status_code == head.status_code == 200
    assert head.content == b""
    assert _headers(head) == _headers(got)
    assert head["Content-Length"] == str(len(PNG)) and head["Cache-Control"] == "no-store"


def test_head_on_someone_elses_file_answers_like_a_missing_one(make_user: Any) -> None:
    att_id = _attached(as_token(make_user(role="client")))
    other = make_user(role="client")
    api, web = as_token(other), signed_in(other)
    missing = str(uuid.uuid4())
    for client, url in (
        (api.client, "/api/v1/attachments/{}"),
        (web, reverse("attachment", kwargs={"attachment_id": "X"}).replace("X", "{}")),
    ):
        theirs, gone = client.head(url.format(att_id)), client.head(url.format(missing))
        assert theirs.status_code == gone.status_code == 404
        assert _headers(theirs) == _headers(gone)


@pytest.mark.parametrize("url", ["/", "/journal/", "/api/v1/entries", "/api/v1/me"])
def test_head_on_get_only_routes_is_not_refused(make_user: Any, url: str) -> None:
    user = make_user(role="client")
    client = as_token(user).client if url.startswith("/api/") else signed_in(user)
    got, head = client.get(url), client.head(url)
    assert got.status_code == 200, url
    assert head.status_code == 200 and head.content == b""
    assert head["Content-Type"] == got["Content-Type"]


def test_head_on_a_post_only_route_is_still_refused(make_user: Any) -> None:
    api = as_token(make_user(role="client"))
    assert api.client.head("/api/v1/import").status_code == 405
