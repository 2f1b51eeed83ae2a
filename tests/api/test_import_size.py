"""An export the API gave can be imported through the API again (r4): the import's body is bounded by ten times the
attachment limit, as every web upload is, not by the form-field limit (attachment limit + 5 MB), which refused an
export holding two 6 MB drawings (16 MB) with 413 although each file was well within its limit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_client import Api, as_token
from django.conf import settings

from reverie import settings as reverie_settings
from reverie.clinic.models import Entry
from reverie.clinic.services import journal
from reverie.clinic.services.journal import AttachmentDraft, EntryDraft

pytestmark = pytest.mark.django_db

LIMIT = 4000  # the attachment limit here; the form-field limit is set far below an export's size


@pytest.fixture
def small_limits(settings: Any) -> Iterator[None]:
    original = settings.REVERIE
    settings.REVERIE = reverie_settings.Config({**original.values, "REVERIE_MAX_ATTACHMENT_BYTES": LIMIT})
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = LIMIT + 1000
    try:
        yield
    finally:
        settings.REVERIE = original


def _drawing(size: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes(size - 8)


def test_import_size_an_api_export_imports_again(make_user: Any, small_limits: None) -> None:
    alice, bob = make_user(), make_user()
    for i in range(
        3
    ):  # each drawing within the limit; the export, in base64 and JSON, far past the field limit
        journal.create_entry(
            alice,
            EntryDraft(kind="art", body="", title=f"d{i}"),
            [AttachmentDraft("d.png", "image/png", _drawing(LIMIT))],
        )
    exported = as_token(alice).get("export")
    assert exported.status_code == 200
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE < len(exported.content) < 10 * LIMIT
    answer = as_token(bob).call("POST", "import", raw=exported.content)
    assert answer.status_code == 200, answer.content  # before: 413
    assert answer.json()["created"] == 3
    assert Entry.objects.filter(client=bob).count() == 3


def test_import_size_past_ten_times_the_limit_is_refused_whole(
    client_api: tuple[Any, Api], small_limits: None
) -> None:
    user, api = client_api
    big = b'{"schema": "reverie.export/4", "entries": [], "pad": "' + b"x" * (10 * LIMIT) + b'"}'
    answer = api.call("POST", "import", raw=big)
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "E413"
    assert "Nothing was saved" in answer.json()["error"]["message"]
    assert Entry.objects.filter(client=user).count() == 0
