"""An entry's pictures and recordings as a screen reader meets them: a picture's alt text is never the camera's file
name (nor the entry's words), a recording's player is named by its file name (tests/browser/test_recording_player_name.py
checks Chromium's accessibility tree)."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reverie.clinic.models import Entry

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"a drawing"
OGG = b"OggS\x00" + bytes(40)


def _entry_page(web: Any, kind: str, name: str, data: bytes, body: str) -> str:
    upload = SimpleUploadedFile(name, data)
    sent = web.post(
        "/write/", {"kind": kind, "body": body, "entry_id": str(uuid.uuid4()), "attachment": upload}
    )
    assert sent.status_code == 302, sent.content[:300]
    entry = Entry.objects.latest("written_at")
    return str(web.get(f"/journal/{entry.id}/").content.decode())


@pytest.mark.parametrize(
    "name, alt",
    [
        ("IMG_20260312_021455.jpg", "Picture attached to this entry"),
        ("PXL_20260312_021455123.MP.jpg", "Picture attached to this entry"),
        ("harbour at night.png", "Picture attached to this entry: harbour at night"),
    ],
)
def test_a_picture_s_alt_text_is_never_a_camera_s_file_name(
    make_user: Any, web_as: Any, name: str, alt: str
) -> None:
    page = _entry_page(web_as(make_user()), "art", name, PNG, "couldn't sleep, the lights on the water")
    assert re.findall(r'<img src="/attachments/[^"]+" alt="([^"]*)"', page) == [alt]
    assert "lights on the water" not in alt


def test_a_recording_s_player_is_labelled_by_its_file_name(make_user: Any, web_as: Any) -> None:
    page = _entry_page(web_as(make_user()), "music", "humming at 2 a.m.ogg", OGG, "hummed this")
    labelled = re.search(r'<audio controls src="[^"]+" aria-labelledby="([^"]+)"></audio>', page)
    assert labelled, page
    assert re.search(rf'<span id="{labelled.group(1)}">humming at 2 a.m.ogg</span>', page)
