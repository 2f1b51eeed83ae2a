"""A refused write form sent with a file says, on every refusal path, that the file was not kept and must be
attached again (views.kept_words, drafts.FILE_LOST); one sent without a file does not say so."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reverie.clinic.models import Entry
from reverie.clinic.web import drafts

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"a drawing"


def _post(web: Any, **fields: Any) -> Any:
    return web.post("/write/", {"kind": "art", "body": "the sea", "entry_id": str(uuid.uuid4()), **fields})


def test_a_service_refusal_with_a_file_says_it_was_not_kept(make_user: Any, web_as: Any) -> None:
    """A file of the wrong kind for the entry (a recording on a drawing): refused by the service; the page says the
    text is still here and, once, what to do (r134: never "attach it again" of the very file refused)."""
    wav = SimpleUploadedFile(
        "voice.wav", b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(40), content_type="audio/wav"
    )
    page = _post(web_as(make_user()), attachment=wav).content.decode()
    assert "Your text is still here. " + drafts.file_refused("art") in page
    assert drafts.FILE_LOST not in page and "Attach another picture" in page
    assert not Entry.objects.exists()


def test_a_form_refusal_with_a_file_says_it_was_not_kept(make_user: Any, web_as: Any) -> None:
    """The form's own check (a feeling's intensity out of range) refuses a form with a picture: said too; a form
    sent without a file says only that the text is still here."""
    upload = SimpleUploadedFile("sea.png", PNG, content_type="image/png")
    refused = _post(web_as(make_user()), other_feelings="awe 9", attachment=upload)
    assert refused.status_code == 400 and drafts.FILE_LOST in refused.content.decode()
    without = _post(web_as(make_user()), other_feelings="awe 9").content.decode()
    assert (
        "Your text is still here." in without and drafts.FILE_LOST not in without
    )  # no file: none spoken of


def test_a_file_on_a_kind_that_takes_none_says_what_to_do_instead(make_user: Any, web_as: Any) -> None:
    """A picture sent with a dream is refused (only an art entry takes a picture, a music entry a recording:
    media.ALLOWED). "Attach it again" would be refused again, so the page says what to do instead (review r126):
    save the words without it, or choose Art or Music; saving without it then works."""
    web = web_as(make_user())
    upload = SimpleUploadedFile("sea.png", PNG, content_type="image/png")
    refused = _post(web, kind="dream", attachment=upload)
    page = refused.content.decode()
    assert refused.status_code == 400 and "Only art and music entries take attachments." in page
    assert drafts.FILE_LOST not in page  # "attach it again" alone: refused again
    assert "only an Art entry takes a picture and a Music entry a recording, not a dream." in page
    assert "Save your words without it, or choose Art or Music as the kind" in page
    assert _post(web, kind="dream").status_code == 302  # as said: the dream without the picture
