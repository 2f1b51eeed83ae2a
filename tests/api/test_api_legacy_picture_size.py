"""A picture stored before h85 (with its place and camera) is served stripped since 20f4e3f
(journal._opened_attachment): its listed size is the size served, from the opened bytes until the worker's upkeep
stores it again stripped, once (journal.restrip_pictures; review r77 found it listed at its old size)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from api_client import Api
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from reverie.clinic.models import Attachment
from reverie.clinic.services import keys

pytestmark = pytest.mark.django_db


def phone_photo() -> bytes:
    """A photo as a phone writes it: GPS position, camera make, Orientation 6."""
    exif = Image.Exif()
    exif[0x010F] = "Pixel 8 of Iris"
    exif[0x0112] = 6
    exif.get_ifd(0x8825).update({1: "N", 2: (51.0, 30.0, 26.4), 3: "W", 4: (0.0, 7.0, 39.6)})
    out = io.BytesIO()
    Image.new("RGB", (16, 8), (200, 120, 40)).save(out, "JPEG", exif=exif)
    return out.getvalue()


def _as_before_h85(user: Any, row: Attachment, photo: bytes) -> None:
    """The row as a Reverie before h85 stored it: the photo as sent, its size; marked not stripped, as migration
    0017 marks every row stored before it."""
    row.payload = keys.seal_for(user, str(row.id), "attachment.data", photo)
    row.size = len(photo)
    row.stripped = False
    row.save(update_fields=["payload", "size", "stripped"])


def test_a_picture_stored_before_h85_is_listed_with_the_size_it_is_served_at(
    client_api: tuple[Any, Api],
) -> None:
    """A phone photo attached before h85 was stored as sent (GPS and all): its row holds that file and its size.
    Since 20f4e3f every opening strips it, so GET /attachments/{id} serves fewer bytes than GET
    /entries/{id}/attachments (and ``journal show``) says the file has: an app that checks a download against the
    size listed takes every such picture for a broken download. The size listed should be the size served."""
    user, api = client_api
    entry_id = api.post("entries", {"kind": "art", "body": "the harbour"}).json()["id"]
    photo = phone_photo()
    upload = SimpleUploadedFile("IMG_0042.jpg", photo, content_type="image/jpeg")
    assert api.client.post(f"/api/v1/entries/{entry_id}/attachments", {"file": upload}).status_code == 201
    row = Attachment.objects.get(entry_id=entry_id)
    _as_before_h85(user, row, photo)

    listed = api.get(f"entries/{entry_id}/attachments").json()
    served = api.client.get(f"/api/v1/attachments/{row.id}")
    assert served.status_code == 200
    body = b"".join(served.streaming_content) if served.streaming else served.content
    assert b"Pixel 8 of Iris" not in body  # served without the camera (20f4e3f)
    assert listed[0]["size"] == len(body), (listed[0]["size"], len(body))


def test_the_upkeep_stores_a_picture_stored_before_h85_again_stripped_once(
    client_api: tuple[Any, Api],
) -> None:
    """The worker's upkeep re-strips such a picture once: its sealed bytes are then the stripped file, its row's
    size that file's and it is marked stripped; a second round changes nothing, and the listing, the download and a
    plain re-strip agree."""
    from reverie.clinic.services import journal, worker
    from reverie.clinic.services.picture_metadata import strip

    user, api = client_api
    entry_id = api.post("entries", {"kind": "art", "body": "the harbour"}).json()["id"]
    photo = phone_photo()
    upload = SimpleUploadedFile("IMG_0042.jpg", photo, content_type="image/jpeg")
    assert api.client.post(f"/api/v1/entries/{entry_id}/attachments", {"file": upload}).status_code == 201
    row = Attachment.objects.get(entry_id=entry_id)
    _as_before_h85(user, row, photo)

    worker._restrip_pictures()
    row.refresh_from_db()
    sealed = keys.open_for(user, str(row.id), "attachment.data", row.payload)
    assert sealed == strip(photo, "image/jpeg") and b"Pixel 8 of Iris" not in sealed
    assert row.stripped and row.size == len(sealed)
    assert journal.restrip_pictures() == 0  # nothing left: idempotent
    listed = api.get(f"entries/{entry_id}/attachments").json()
    served = api.client.get(f"/api/v1/attachments/{row.id}")
    body = b"".join(served.streaming_content) if served.streaming else served.content
    assert listed[0]["size"] == len(body) == row.size
