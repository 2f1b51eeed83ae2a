"""Every door stores a picture through journal._store_attachment, so none keeps where a photo was taken: the API's
upload and an import of a Reverie file (the web's write page: tests/clinic/test_attachments_as_material.py)."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from api_client import Api
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from reverie.clinic.models import Attachment, Entry
from reverie.clinic.services import journal, portability
from reverie.journal.interchange import (
    SCHEMA,
    PortableAttachment,
    PortableEntry,
    PortableJournal,
    dump_reverie_json,
)

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


def phone_photo() -> bytes:
    """A photo as a phone writes it: GPS position, camera make, Orientation 6."""
    exif = Image.Exif()
    exif[0x010F] = "Pixel 8 of Iris"
    exif[0x0112] = 6
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 30.0, 26.4), 3: "W", 4: (0.0, 7.0, 39.6)})
    out = io.BytesIO()
    Image.new("RGB", (16, 8), (200, 120, 40)).save(out, "JPEG", exif=exif)
    return out.getvalue()


def _clean(data: bytes) -> bool:
    exif = Image.open(io.BytesIO(data)).getexif()
    return b"Pixel 8 of Iris" not in data and not exif.get_ifd(GPS_IFD) and dict(exif) == {0x0112: 6}


def test_an_api_upload_stores_the_photo_without_its_place(client_api: tuple[Any, Api]) -> None:
    """POST /entries/{id}/attachments: stored (and listed, and downloaded) without GPS or camera, orientation kept;
    the size said is the stored file's."""
    user, api = client_api
    entry_id = api.post("entries", {"kind": "art", "body": "the harbour"}).json()["id"]
    photo = phone_photo()
    upload = SimpleUploadedFile("IMG_20260312_021455.jpg", photo, content_type="image/jpeg")
    sent = api.client.post(f"/api/v1/entries/{entry_id}/attachments", {"file": upload})
    assert sent.status_code == 201, sent.content
    row = Attachment.objects.get(entry_id=entry_id)
    _, _, stored = journal.attachment_data(user, row.id)
    assert _clean(stored) and row.size == len(stored) < len(photo)
    assert sent.json()["size"] == len(stored)


def test_a_reverie_import_stores_the_photo_without_its_place_and_twice_is_once(make_user: Any) -> None:
    """A Reverie file from elsewhere holding a phone photo: stored without GPS; importing the same file again finds
    the entry already here (the stored, cleaned file compares equal to the file's photo)."""
    user = make_user()
    when = datetime(2026, 3, 12, 2, 14, tzinfo=UTC)
    entry = PortableEntry(
        id="photo-from-elsewhere",
        kind="art",
        body="",
        happened_at=when,
        written_at=when,
        attachments=(PortableAttachment("harbour.jpg", "image/jpeg", phone_photo()),),
    )
    data = dump_reverie_json(PortableJournal(SCHEMA, when, (entry,)))
    portability.import_journal(user, data)
    row = Attachment.objects.get(entry__client=user)
    assert _clean(journal.attachment_data(user, row.id)[2])
    again = dump_reverie_json(PortableJournal(SCHEMA, when, (replace(entry, id="x"),)))
    portability.import_journal(user, again)
    assert Entry.objects.filter(client=user).count() == 1
