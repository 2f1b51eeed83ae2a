"""On PostgreSQL: the tombstone of an entry deleted for good and of a file removed for good (migration 0018) refuses
a retry under the same Idempotency-Key; the same id deleted twice (a purge racing nothing, recorded once) is one row."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from api_client import as_token, error_of
from django.core.files.uploadedfile import SimpleUploadedFile

from reverie.clinic.models import Attachment, DeletedForGood, Entry

pytestmark = [pytest.mark.db, pytest.mark.django_db(transaction=True)]


def test_retries_after_deletion_for_good_are_refused_on_the_database(make_user: Any) -> None:
    user = make_user()
    api = as_token(user)
    key = {"headers": {"Idempotency-Key": "pg-save-1"}}
    body = {"kind": "art", "body": "a harbour"}
    entry_id = json.loads(api.post("entries", body, **key).content)["id"]

    def upload(name: str) -> Any:
        png = SimpleUploadedFile(name, b"\x89PNG\r\n\x1a\n" + name.encode(), content_type="image/png")
        url = f"/api/v1/entries/{entry_id}/attachments"
        return api.client.post(url, {"file": png}, headers={"Idempotency-Key": "pg-upload-1"})

    file_id = upload("gone.png").json()["id"]
    assert api.delete(f"attachments/{file_id}").status_code == 204
    again = upload("gone.png")
    assert again.status_code == 409 and error_of(again)["code"] == "E409"
    assert not Attachment.objects.filter(pk=file_id).exists()

    assert api.delete(f"entries/{entry_id}").status_code == 204
    assert api.delete(f"trash/{entry_id}").status_code == 204
    retry = api.post("entries", body, **key)
    assert retry.status_code == 409 and "deleted for good" in error_of(retry)["message"]
    assert not Entry.objects.filter(client=user).exists()
    assert set(DeletedForGood.objects.filter(client=user).values_list("id", flat=True)) == {
        uuid.UUID(entry_id),
        uuid.UUID(file_id),
    }
