"""Downloads keep their names (qa34 point 6): Content-Disposition has an ASCII fallback and, for any other name,
RFC 6266 / 5987 ``filename*=UTF-8''…``; no name can break the header. One helper serves every file."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.http import parse_header_parameters

from reverie.clinic.models import Attachment
from reverie.clinic.web.downloads import content_disposition

WAV = b"RIFF\x00\x00\x00\x00WAVEfmt " + bytes(40)


def _parsed(header: str) -> tuple[str, dict[str, str]]:
    kind, params = parse_header_parameters(header)  # filename* (RFC 5987) wins over filename, as in browsers
    return kind, params


@pytest.mark.parametrize("name", ["мелодия 🎵.wav", "Café au lait.png", "日記.json", "🎵"])
def test_download_names_round_trip_through_the_header(name: str) -> None:
    header = content_disposition(name)
    header.encode("ascii")  # the header itself is plain ASCII (before: the whole value MIME-encoded)
    assert _parsed(header) == ("attachment", {"filename": name})
    assert 'filename="' in header and "filename*=UTF-8''" in header  # the fallback for old clients too


@pytest.mark.parametrize("name", ["drawing.png", "reverie-journal.json", "questionnaire-response-12.json"])
def test_download_names_in_plain_ascii_are_unchanged(name: str) -> None:
    assert content_disposition(name) == f'attachment; filename="{name}"'  # the near miss: no filename*
    assert content_disposition(name, inline=True) == f'inline; filename="{name}"'


@pytest.mark.parametrize(
    "name", ['say "hi".png', 'a\\b".png', "line\r\nSet-Cookie: x=1.png", "semi;colon%.wav", "\n\n", ".."]
)
def test_download_names_cannot_break_the_header(name: str) -> None:
    header = content_disposition(name)
    assert "\r" not in header and "\n" not in header
    kind, params = _parsed(header)
    assert kind == "attachment" and set(params) == {"filename"}
    assert "\r" not in params["filename"] and "\n" not in params["filename"]
    fallback = header.split('filename="', 1)[1].split('"', 1)[0]
    assert '"' not in fallback and "\\" not in fallback and ";" not in fallback


@pytest.mark.django_db
def test_download_names_an_uploaded_recording_is_served_under_its_own_name(
    make_user: Any, web_as: Any
) -> None:
    web = web_as(make_user())
    upload = SimpleUploadedFile("мелодия 🎵.wav", WAV, content_type="audio/wav")
    assert web.post("/write/", {"kind": "music", "body": "", "attachment": upload}).status_code == 302
    served = web.get(f"/attachments/{Attachment.objects.get().id}/")
    assert _parsed(served["Content-Disposition"]) == ("inline", {"filename": "мелодия 🎵.wav"})
