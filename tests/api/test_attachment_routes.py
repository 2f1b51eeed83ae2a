"""h29: the API uploads, lists, downloads and removes a client's pictures and recordings through the web's services.

Before, an API client could see an attachment's name in an entry but neither send one nor fetch its bytes, so part
of the person's material was out of its reach. The checks are the web's own: type read from the bytes (415), the
size limit (413), sealed at rest, audited; the same default-deny policy (someone else's file answers like a missing
one, 404; a therapist reads only what is shared with them, and never changes it).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from api_client import Api, as_session, as_token, error_of
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from reverie import settings as reverie_settings
from reverie.clinic.models import Attachment, AuditEvent
from reverie.clinic.services import journal, people

pytestmark = pytest.mark.django_db

CANARY = b"h29-canary-picture-bytes"
PNG = b"\x89PNG\r\n\x1a\n" + CANARY
OGG = b"OggS\x00" + bytes(40)
HTML = b"<html><script>alert(1)</script></html>"


def _upload(api: Api, entry_id: Any, data: bytes = PNG, name: str = "drawing.png", **extra: Any) -> Any:
    upload = SimpleUploadedFile(name, data, content_type="image/png")
    return api.client.post(f"/api/v1/entries/{entry_id}/attachments", {"file": upload}, **extra)


def _art(api: Api, body: str = "a harbour at dusk") -> str:
    response = api.post("entries", {"kind": "art", "body": body})
    assert response.status_code == 201, response.content
    return str(response.json()["id"])


def _shape(response: Any) -> tuple[Any, ...]:
    return response.status_code, response.get("Content-Type"), response.content


def test_attachment_round_trip_uploads_lists_downloads_and_removes(client_api: tuple[Any, Api]) -> None:
    """The bytes that come back are the bytes sent, served as a download that no browser sniffs or caches."""
    user, api = client_api
    entry_id = _art(api)
    sent = _upload(api, entry_id, name="мой рисунок.png")
    assert sent.status_code == 201, sent.content
    made = sent.json()
    assert made["media_type"] == "image/png" and made["size"] == len(PNG)
    assert made["filename"] == "мой рисунок.png"
    listed = api.get(f"entries/{entry_id}/attachments")
    assert listed.status_code == 200 and listed.json() == [made]
    assert api.get(f"entries/{entry_id}").json()["attachments"] == [made]
    got = api.get(f"attachments/{made['id']}")
    assert got.status_code == 200 and got.content == PNG
    assert got["Content-Type"] == "image/png"
    assert got["Content-Disposition"].startswith('attachment; filename="')
    assert "filename*=UTF-8''" in got["Content-Disposition"]
    assert got["X-Content-Type-Options"] == "nosniff" and got["Cache-Control"] == "no-store"
    row = Attachment.objects.get(pk=made["id"])
    assert CANARY not in bytes(row.payload) and b"drawing" not in bytes(row.name_sealed)  # sealed at rest
    actions = list(AuditEvent.objects.filter(actor_id=user.pk).values_list("action", flat=True))
    assert {"attachment.create", "attachment.list", "attachment.read"} <= set(actions)
    later = [_upload(api, entry_id, name=f"{n}.png").json()["id"] for n in range(3)]
    listed_ids = [a["id"] for a in api.get(f"entries/{entry_id}/attachments").json()]
    assert listed_ids == [made["id"], *later]  # oldest first
    assert api.delete(f"attachments/{made['id']}").status_code == 204
    assert api.get(f"attachments/{made['id']}").status_code == 404
    assert [a["id"] for a in api.get(f"entries/{entry_id}/attachments").json()] == later
    assert AuditEvent.objects.filter(actor_id=user.pk, action="attachment.delete").count() == 1


def test_attachment_of_another_client_answers_like_a_missing_one(
    client_api: tuple[Any, Api], make_user: Any
) -> None:
    """Another client cannot list, fetch, add to or remove: each answer is exactly the missing id's (404)."""
    _, owner = client_api
    entry_id = _art(owner)
    att_id = _upload(owner, entry_id).json()["id"]
    other = as_token(make_user(role="client"))
    missing_entry, missing_att = uuid.uuid4(), uuid.uuid4()
    pairs = [
        (other.get(f"entries/{entry_id}/attachments"), other.get(f"entries/{missing_entry}/attachments")),
        (other.get(f"attachments/{att_id}"), other.get(f"attachments/{missing_att}")),
        (other.delete(f"attachments/{att_id}"), other.delete(f"attachments/{missing_att}")),
    ]
    for theirs, missing in pairs:
        assert theirs.status_code == 404 and error_of(theirs)["code"] == "E404"
        assert _shape(theirs) == _shape(missing)
    theirs, missing = _upload(other, entry_id), _upload(other, missing_entry)
    assert theirs.status_code == missing.status_code == 404
    assert error_of(theirs) == error_of(missing)
    assert Attachment.objects.filter(entry_id=entry_id).count() == 1  # nothing added, nothing removed


def test_attachment_therapist_reads_only_what_is_shared_and_never_changes_it(make_user: Any) -> None:
    """The web's rule: a linked therapist reads a shared entry's files; unshared, 404; never uploads or removes."""
    client, therapist = make_user(role="client"), make_user(role="therapist")
    people.accept_invitation(therapist, people.issue_invitation(client))
    owner, api = as_token(client), as_token(therapist)
    entry_id = _art(owner)
    att_id = _upload(owner, entry_id).json()["id"]
    assert api.get(f"attachments/{att_id}").status_code == 404  # not shared yet
    assert api.get(f"entries/{entry_id}/attachments").status_code == 404
    journal.set_shared(client, entry_id, True)
    assert api.get(f"entries/{entry_id}/attachments").status_code == 200
    got = api.get(f"attachments/{att_id}")
    assert got.status_code == 200 and got.content == PNG
    assert _upload(api, entry_id).status_code == 404
    assert api.delete(f"attachments/{att_id}").status_code == 404
    assert Attachment.objects.filter(entry_id=entry_id).count() == 1


@pytest.mark.parametrize(("data", "name"), [(HTML, "x.png"), (OGG, "song.png")], ids=["html", "ogg"])
def test_attachment_upload_of_the_wrong_type_is_refused_415(
    client_api: tuple[Any, Api], data: bytes, name: str
) -> None:
    """The content decides, never the name or the claimed type: a page or a recording is no picture (415)."""
    _, api = client_api
    entry_id = _art(api)
    response = _upload(api, entry_id, data, name)
    assert response.status_code == 415
    error = error_of(response)
    assert error["code"] == "E415"
    assert error["message"] == (
        "That file is not an image (PNG, JPEG, GIF, WebP), judging by its content. Nothing was saved."
    )
    assert not Attachment.objects.exists()


def test_attachment_upload_on_a_dream_is_refused(client_api: tuple[Any, Api]) -> None:
    _, api = client_api
    entry_id = api.post("entries", {"kind": "dream", "body": "a boat"}).json()["id"]
    response = _upload(api, entry_id)
    assert response.status_code == 400
    assert error_of(response)["message"] == "Only art and music entries take attachments."


@pytest.fixture
def small_limit() -> Iterator[int]:
    original = settings.REVERIE
    settings.REVERIE = reverie_settings.Config({**original.values, "REVERIE_MAX_ATTACHMENT_BYTES": 4000})
    try:
        yield 4000
    finally:
        settings.REVERIE = original


def test_attachment_upload_over_the_limit_is_refused_413(
    client_api: tuple[Any, Api], small_limit: int
) -> None:
    _, api = client_api
    entry_id = _art(api)
    response = _upload(api, entry_id, PNG + bytes(3 * small_limit))
    assert response.status_code == 413
    error = error_of(response)
    assert error["code"] == "E413"
    assert error["message"] == "The attached file is 11.8 KB; the limit is 3.9 KB. Nothing was saved."
    assert not Attachment.objects.exists()
    huge = _upload(api, entry_id, PNG + bytes(11 * small_limit))  # past ten times the limit: not even read
    assert huge.status_code == 413 and error_of(huge)["code"] == "E413"
    assert not Attachment.objects.exists()


def test_attachment_last_file_of_an_otherwise_empty_entry_stays(client_api: tuple[Any, Api]) -> None:
    """Removing the only thing an entry holds would leave an empty entry, which no save allows: 400, kept."""
    user, api = client_api
    only = journal.AttachmentDraft("only.png", "image/png", PNG)
    entry = journal.create_entry(user, journal.EntryDraft(kind="art", body=""), [only])
    att_id = entry.attachments[0].id
    response = api.delete(f"attachments/{att_id}")
    assert response.status_code == 400
    assert "move the entry to the trash instead" in error_of(response)["message"]
    assert Attachment.objects.filter(pk=att_id).exists()
    second = _upload(api, entry.id).json()["id"]
    assert (
        api.delete(f"attachments/{att_id}").status_code == 204
    )  # another file is left: the entry is not empty
    assert list(Attachment.objects.values_list("pk", flat=True)) == [uuid.UUID(second)]


def test_attachment_session_upload_needs_the_csrf_header(make_user: Any) -> None:
    """A browser session uploads only with the CSRF token, as every unsafe call (a cross-site form cannot)."""
    user = make_user(role="client")
    api = as_session(user, enforce_csrf=True)
    entry = journal.create_entry(user, journal.EntryDraft(kind="art", body="a drawing"))
    response = _upload(api, entry.id)
    assert response.status_code == 403
    assert not Attachment.objects.exists()


def test_attachment_routes_are_in_the_openapi_document() -> None:
    from django.test import Client

    paths = json.loads(Client().get("/api/v1/openapi.json").content)["paths"]
    upload = paths["/api/v1/entries/{entry_id}/attachments"]["post"]
    assert "multipart/form-data" in upload["requestBody"]["content"]
    assert {"413", "415"} <= set(upload["responses"])
    download = paths["/api/v1/attachments/{attachment_id}"]["get"]["responses"]["200"]
    assert "image/png" in download["content"] and "Content-Disposition" in download["headers"]
    assert "delete" in paths["/api/v1/attachments/{attachment_id}"]


def test_attachment_an_entry_keeps_a_bounded_number_of_files(
    client_api: tuple[Any, Api], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One entry cannot be made to store files without end: past the bound, 400 and nothing saved."""
    from reverie.clinic.services import attachments

    monkeypatch.setattr(attachments, "MAX_PER_ENTRY", 2)
    _, api = client_api
    entry_id = _art(api)
    assert [_upload(api, entry_id).status_code for _ in range(2)] == [201, 201]
    refused = _upload(api, entry_id)
    assert refused.status_code == 400
    assert (
        error_of(refused)["message"] == "An entry keeps at most 2 files; remove one first. Nothing was saved."
    )
    assert Attachment.objects.count() == 2
