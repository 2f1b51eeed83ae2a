"""Attachments: the type is read from the content (exact header checks), allow-listed per kind, and that type is stored and
served; the browser's Content-Type is never trusted (issue 11, item 9)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reverie.clinic.models import Attachment, Entry
from reverie.clinic.services import media

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201f5d8"
    "e6a50000000049454e44ae426082"
)
GIF = b"GIF89a" + bytes(40)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(50)
WEBP = b"RIFF\x00\x00\x00\x00WEBPVP8 " + bytes(40)
OGG = b"OggS" + bytes(60)
WAV = b"RIFF\x00\x00\x00\x00WAVEfmt " + bytes(40)
MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + bytes(40)
FLAC = b"fLaC\x00\x00\x00\x22" + bytes(40)
M4A = b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00" + bytes(40)
HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
PDF = b"%PDF-1.4\n" + bytes(40)


@pytest.mark.parametrize(
    ("kind", "data", "expected"),
    [
        ("art", PNG, "image/png"),
        ("art", GIF, "image/gif"),
        ("art", JPEG, "image/jpeg"),
        ("art", WEBP, "image/webp"),
        ("music", OGG, "audio/ogg"),
        ("music", WAV, "audio/wav"),
        ("music", MP3, "audio/mpeg"),
        ("music", FLAC, "audio/flac"),
        ("music", M4A, "audio/mp4"),
    ],
)
def test_attachment_sniffing_accepts_allowed_content(kind: str, data: bytes, expected: str) -> None:
    assert media.sniff(data, media.ALLOWED[kind]) == expected


@pytest.mark.parametrize("data", [HTML, SVG, PDF, b"plain words", OGG])
def test_attachment_sniffing_art_refuses_other_content(data: bytes) -> None:
    assert media.sniff(data, media.IMAGE_TYPES) is None


@pytest.mark.parametrize("data", [HTML, PNG, PDF, b"\x00" * 64])
def test_attachment_sniffing_music_refuses_other_content(data: bytes) -> None:
    assert media.sniff(data, media.AUDIO_TYPES) is None


def _post(web: Any, kind: str, name: str, data: bytes, claimed: str) -> Any:
    upload = SimpleUploadedFile(name, data, content_type=claimed)
    return web.post("/write/", {"kind": kind, "body": "", "attachment": upload})


@pytest.mark.django_db
def test_attachment_sniffing_stores_the_sniffed_type_not_the_claimed_one(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    response = _post(web, "art", "drawing.png", PNG, "text/html")
    assert response.status_code == 302
    stored = Attachment.objects.get()
    assert stored.media_type == "image/png"  # before: "text/html", as the browser claimed
    served = web.get(f"/attachments/{stored.id}/")
    assert served["Content-Type"] == "image/png"
    assert served["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_attachment_sniffing_accepts_a_recording_whatever_the_browser_claims(
    make_user: Any, web_as: Any
) -> None:
    web = web_as(make_user())
    assert _post(web, "music", "song.ogg", OGG, "application/octet-stream").status_code == 302
    assert Attachment.objects.get().media_type == "audio/ogg"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "claimed"), [("x.png", HTML, "image/png"), ("x.svg", SVG, "image/svg+xml")]
)
def test_attachment_sniffing_refuses_disguised_content_with_a_clear_message(
    make_user: Any, web_as: Any, name: str, data: bytes, claimed: str
) -> None:
    web = web_as(make_user())
    response = _post(web, "art", name, data, claimed)
    assert response.status_code == 400
    assert b"That file is not an image (PNG, JPEG, GIF, WebP), judging by its content." in response.content
    assert not Entry.objects.exists() and not Attachment.objects.exists()


@pytest.mark.django_db
def test_attachment_sniffing_old_rows_with_an_unchecked_type_are_served_as_bytes(
    make_user: Any, web_as: Any
) -> None:
    user = make_user()
    web = web_as(user)
    assert _post(web, "art", "drawing.png", PNG, "image/png").status_code == 302
    Attachment.objects.update(media_type="text/html")  # as a row stored before sniffing could be
    served = web.get(f"/attachments/{Attachment.objects.get().id}/")
    assert served["Content-Type"] == "application/octet-stream"


@pytest.mark.django_db
def test_a_refused_file_is_said_once_with_what_to_do(make_user: Any, web_as: Any) -> None:
    """r134 fault 9: "… judging by its content. Nothing was saved. Your text is still here. Your picture/recording
    was not kept: attach it again." told the person to attach again the very file just refused, under a slash. The
    page now says once what happened (the refusal) and once what to do."""
    web = web_as(make_user())
    page = _post(web, "art", "x.png", HTML, "image/png").content.decode()
    assert (
        "That file is not an image (PNG, JPEG, GIF, WebP), judging by its content. Nothing was saved." in page
    )
    assert "Attach another picture, or save your words without one." in page
    assert "picture/recording" not in page and "attach it again" not in page
    assert page.count("Nothing was saved") == 1
    page = _post(web, "music", "x.wav", HTML, "audio/wav").content.decode()
    assert "Attach another recording, or save your words without one." in page
