"""Review r64: a phone app on a flaky network retries what it sent after a timeout.

The web's write page carries a client-chosen id (a form token through ``journal.submission_id``), so the same save
sent twice stores one entry. The API's ``POST /entries`` has no such thing: no ``id`` in the body (unknown fields
are refused, 422), no ``Idempotency-Key`` header. A retry after a lost answer stores the entry twice.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from api_client import Api, as_token

pytestmark = pytest.mark.django_db

KEY = "0b9d7c1e-5a7e-4c1f-9a51-3d1f2c7e8a10"  # the id a client app chose for this one save
DREAM = {"kind": "dream", "body": "A boat at night, and the tide going out.", "title": "The boat"}


def _retry_mechanism() -> str | None:
    """How the OpenAPI document says a client makes ``POST /entries`` safe to repeat: ``"id"`` (a client-chosen
    entry id in the body) or ``"header"`` (an ``Idempotency-Key`` header), or None when it offers neither."""
    from django.test import Client

    doc = json.loads(Client().get("/api/v1/openapi.json").content)
    operation = doc["paths"]["/api/v1/entries"]["post"]
    headers = {p["name"].lower() for p in operation.get("parameters", []) if p.get("in") == "header"}
    if "idempotency-key" in headers:
        return "header"
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    if "$ref" in body:
        body = doc["components"]["schemas"][body["$ref"].rsplit("/", 1)[-1]]
    return "id" if "id" in body.get("properties", {}) else None


def _send(api: Api, how: str | None) -> Any:
    if how == "id":
        return api.post("entries", {**DREAM, "id": KEY})
    return api.post("entries", DREAM, headers={"Idempotency-Key": KEY})


def test_openapi_offers_a_way_to_make_post_entries_safe_to_retry() -> None:
    """A phone app's developer reads the OpenAPI document for a way to retry a save whose answer was lost, and
    finds none (no client-chosen id, no Idempotency-Key): they should find one, as the web form has."""
    assert _retry_mechanism() is not None


def test_post_entries_sent_twice_after_a_timeout_stores_one_entry(make_user: Any) -> None:
    """A client writes a dream on the bus; the answer is lost, the app sends the same save again with the same
    key. They see the dream twice in their journal (two entries, two check-ins if it was a hard night); they
    should see it once, and the second answer should name the entry the first one stored."""
    api = as_token(make_user(role="client"))
    how = _retry_mechanism()
    first = _send(api, how)
    assert first.status_code == 201, first.content
    again = _send(api, how)
    assert again.status_code in (200, 201), again.content
    assert json.loads(again.content)["id"] == json.loads(first.content)["id"]
    listed = json.loads(api.get("entries").content)
    assert len(listed) == 1, f"{len(listed)} entries stored for one save sent twice"


def test_an_upload_sent_twice_after_a_timeout_keeps_one_file(make_user: Any) -> None:
    """A client attaches a 4 MB drawing from the phone (the call most likely to time out); the answer is lost
    and the app sends the same file again with the same key. The entry now holds the drawing twice, and its
    revision moved twice; they should see one drawing, and the second answer should name the file the first
    stored."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    api = as_token(make_user(role="client"))
    made = api.post("entries", {"kind": "art", "body": "A harbour at dusk."})
    assert made.status_code == 201, made.content
    entry_id = json.loads(made.content)["id"]
    picture = b"\x89PNG\r\n\x1a\n" + b"r64-drawing-bytes"

    def upload() -> Any:
        sent = SimpleUploadedFile("harbour.png", picture, content_type="image/png")
        return api.client.post(
            f"/api/v1/entries/{entry_id}/attachments", {"file": sent}, headers={"Idempotency-Key": KEY}
        )

    first = upload()
    assert first.status_code == 201, first.content
    again = upload()
    assert again.status_code in (200, 201), again.content
    assert json.loads(again.content)["id"] == json.loads(first.content)["id"]
    listed = json.loads(api.get(f"entries/{entry_id}/attachments").content)
    assert len(listed) == 1, f"{len(listed)} copies of one upload sent twice"
