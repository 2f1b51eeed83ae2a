"""h78 item 1: an ``Idempotency-Key`` sent again with a different body is refused (422), never answered 200 with the
first save while the new words are dropped (the IETF Idempotency-Key draft: a reused key with another payload is a
client error). The identical retry still answers 200 with what the first call stored."""

from __future__ import annotations

import json
from typing import Any

import pytest
from api_client import Api, as_token

pytestmark = pytest.mark.django_db

KEY = "7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f"
FIRST = {"kind": "dream", "body": "A lighthouse with no light.", "title": "Lighthouse"}
PICTURE = b"\x89PNG\r\n\x1a\n" + b"h78-first-drawing"


def _post(api: Api, body: dict[str, Any]) -> Any:
    return api.post("entries", body, headers={"Idempotency-Key": KEY})


def _only_entry(api: Api) -> dict[str, Any]:
    listed = json.loads(api.get("entries").content)
    assert len(listed) == 1, f"{len(listed)} entries stored"
    found: dict[str, Any] = listed[0]
    return found


@pytest.mark.parametrize(
    "changed",
    [
        {**FIRST, "body": "A lighthouse, and the light came back on."},
        {**FIRST, "title": "Another title"},
        {**FIRST, "kind": "daydream"},
        {**FIRST, "tags": ["sea"]},
    ],
    ids=["body", "title", "kind", "tags"],
)
def test_the_same_key_with_other_words_is_refused_and_stores_nothing(make_user: Any, changed: Any) -> None:
    api = as_token(make_user(role="client"))
    first = _post(api, FIRST)
    assert first.status_code == 201, first.content
    again = _post(api, changed)
    assert again.status_code == 422, again.content
    error = json.loads(again.content)["error"]
    assert error["code"] == "E422"
    assert "Idempotency-Key" in error["message"]
    assert "lighthouse" not in again.content.decode().lower()  # no words of either body
    stored = _only_entry(api)
    assert stored["body"] == FIRST["body"] and stored["title"] == FIRST["title"]
    assert stored["revision"] == 1


def test_the_identical_retry_still_answers_the_first_save(make_user: Any) -> None:
    api = as_token(make_user(role="client"))
    first = _post(api, FIRST)
    again = _post(api, FIRST)
    assert (first.status_code, again.status_code) == (201, 200), again.content
    assert json.loads(again.content)["id"] == json.loads(first.content)["id"]


def test_the_identical_retry_after_an_edit_still_answers_200(make_user: Any) -> None:
    """The retry is compared with what the first call sent (the entry's first version), not with a later edit."""
    api = as_token(make_user(role="client"))
    first = json.loads(_post(api, FIRST).content)
    edited = api.patch(f"entries/{first['id']}", {"body": "Edited on the laptop.", "revision": 1})
    assert edited.status_code == 200, edited.content
    again = _post(api, FIRST)
    assert again.status_code == 200, again.content
    assert json.loads(again.content)["body"] == "Edited on the laptop."


def test_a_dated_retry_with_another_date_is_refused(make_user: Any) -> None:
    api = as_token(make_user(role="client"))
    dated = {**FIRST, "happened_at": "2026-01-02T03:04:05+00:00"}
    assert _post(api, dated).status_code == 201
    assert _post(api, dated).status_code == 200
    other = _post(api, {**dated, "happened_at": "2026-01-03T03:04:05+00:00"})
    assert other.status_code == 422, other.content
    assert _only_entry(api)["happened_at"].startswith("2026-01-02")


def _upload(api: Api, entry_id: str, name: str, data: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    sent = SimpleUploadedFile(name, data, content_type="image/png")
    return api.client.post(
        f"/api/v1/entries/{entry_id}/attachments", {"file": sent}, headers={"Idempotency-Key": KEY}
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [("harbour.png", PICTURE + b"-another"), ("other-name.png", PICTURE)],
    ids=["other-bytes", "other-name"],
)
def test_an_upload_with_the_same_key_and_another_file_is_refused(
    make_user: Any, name: str, data: bytes
) -> None:
    api = as_token(make_user(role="client"))
    made = api.post("entries", {"kind": "art", "body": "A harbour at dusk."})
    entry_id = json.loads(made.content)["id"]
    first = _upload(api, entry_id, "harbour.png", PICTURE)
    assert first.status_code == 201, first.content
    assert _upload(api, entry_id, "harbour.png", PICTURE).status_code == 200  # the identical retry
    again = _upload(api, entry_id, name, data)
    assert again.status_code == 422, again.content
    assert json.loads(again.content)["error"]["code"] == "E422"
    listed = json.loads(api.get(f"entries/{entry_id}/attachments").content)
    assert [(f["filename"], f["size"]) for f in listed] == [("harbour.png", len(PICTURE))]
    assert json.loads(api.get(f"entries/{entry_id}").content)["revision"] == 2  # one upload moved it once


def test_a_phone_photo_sent_again_with_its_key_is_the_same_upload(make_user: Any) -> None:
    """A phone app retries the upload of a photo whose place and camera Reverie removes on storing: the retry carries
    the same bytes as the first send (metadata and all), so it is the identical retry (200, one file), never "this key
    was used for a different file" (422) because the stored copy lost its metadata."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    exif = Image.Exif()
    exif[0x010F] = "Pixel 8"  # Make
    exif.get_ifd(0x8825).update({1: "N", 2: (51.0, 30.0, 26.4)})  # GPS: where it was taken
    out = io.BytesIO()
    Image.new("RGB", (16, 8), (200, 120, 40)).save(out, "JPEG", exif=exif)
    photo = out.getvalue()
    api = as_token(make_user(role="client"))
    entry_id = json.loads(api.post("entries", {"kind": "art", "body": "The bay."}).content)["id"]

    def send() -> Any:
        sent = SimpleUploadedFile("bay.jpg", photo, content_type="image/jpeg")
        return api.client.post(
            f"/api/v1/entries/{entry_id}/attachments", {"file": sent}, headers={"Idempotency-Key": KEY}
        )

    assert send().status_code == 201
    again = send()
    assert again.status_code == 200, again.content
    assert len(json.loads(api.get(f"entries/{entry_id}/attachments").content)) == 1
