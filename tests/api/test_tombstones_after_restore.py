"""A save sent again after its entry was deleted for good (review r85 on h97's tombstones, fixed by h101).

The write page sent again after a purge is refused (409) with the words given back under a fresh token, so Save on it
makes a new entry; the refusal is logged at info, never as a failed save. "Was this id deleted for good?" reads the
database's tombstones and the records kept outside every backup (``purged-entries.json``, ``purged-files.json``), so
a restore of a backup taken before the deletion brings nothing back through a retry, and writes the tombstones of
the entries it left out again."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from api_client import as_token, error_of
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from reverie.clinic.models import Attachment, DeletedForGood, Entry
from reverie.clinic.services import journal
from reverie.clinic.services.backup import create_backup, restore_backup
from web_client import form_fields

WORDS = "A dream of the lighthouse, then the stairs that went nowhere."


@pytest.mark.django_db
def test_the_words_given_back_after_a_purge_can_be_saved_from_that_page(make_user: Any, web_as: Any) -> None:
    """After the refusal above, the page says "Your text is still here" under the write form. A person who wants
    those words kept as a new entry presses Save on it: today the page carries the very token that was deleted for
    good, so Save answers the same refusal again, every time: the words can only be copied out by hand. The form
    given back should carry a fresh token, so Save stores the words as a new entry (the deleted one stays gone)."""
    client = make_user(role="client")
    web = web_as(client)
    fields = form_fields(web.get(reverse("write")).content.decode())
    fields.update({"kind": "dream", "body": WORDS})
    assert web.post(reverse("write"), fields).status_code == 302
    entry = Entry.objects.get(client=client)
    journal.trash_entry(client, entry.id)
    journal.purge_entry(client, entry.id)
    refused = web.post(reverse("write"), fields)
    assert refused.status_code == 409
    shown = form_fields(refused.content.decode())

    saved = web.post(reverse("write"), shown)

    assert saved.status_code == 302, (
        saved.status_code,
        "Save on the page that gave the words back refused again",
    )
    kept = Entry.objects.get(client=client)
    assert kept.id != entry.id


@pytest.mark.db
@pytest.mark.django_db(transaction=True)
def test_retry_after_a_purge_and_a_restore_does_not_bring_the_entry_back(
    make_user: Any, tmp_path: Path
) -> None:
    """A phone saves an entry with an Idempotency-Key and loses the answer; the person deletes the entry for good.
    The clinic then restores last night's backup (taken before the purge): the restore rightly leaves the entry
    out (purged-entries.json names it), but the tombstone h97 keeps in the database is not in that backup, so the
    phone's queued retry answers 201 and the entry deleted for good is back in the journal under its old id. The
    person should see their deletion stand: the retry refused (409), nothing stored, as without the restore."""
    user = make_user()
    api = as_token(user)
    key = {"headers": {"Idempotency-Key": "phone-save-r85"}}
    body = {"kind": "dream", "body": WORDS}
    first = api.post("entries", body, **key)
    assert first.status_code == 201, first.content
    entry_id = json.loads(first.content)["id"]
    path = tmp_path / "backup.json.gz"
    create_backup(path)
    assert api.delete(f"entries/{entry_id}").status_code == 204
    assert api.delete(f"trash/{entry_id}").status_code == 204
    call_command("flush", interactive=False, verbosity=0)
    restore_backup(path)
    assert not Entry.objects.filter(pk=entry_id).exists()  # the restore leaves the purged entry out

    retry = api.post("entries", body, **key)

    assert retry.status_code == 409, (retry.status_code, retry.content)
    assert not Entry.objects.filter(pk=entry_id).exists(), "the entry deleted for good is back"


@pytest.mark.django_db
def test_the_refused_replay_says_so_plainly_and_is_not_logged_as_a_failure(
    make_user: Any, web_as: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """The page says what happened in plain words, and nothing failed: the log says a refusal at info, no
    WARNING "the save failed (DeletedForGood)"."""
    client = make_user(role="client")
    web = web_as(client)
    fields = form_fields(web.get(reverse("write")).content.decode())
    fields.update({"kind": "dream", "body": WORDS})
    assert web.post(reverse("write"), fields).status_code == 302
    entry = Entry.objects.get(client=client)
    journal.trash_entry(client, entry.id)
    journal.purge_entry(client, entry.id)

    with caplog.at_level(logging.INFO, logger="reverie.web"):
        refused = web.post(reverse("write"), fields)

    html = refused.content.decode()
    assert refused.status_code == 409
    assert "That entry was deleted for good. Your words are below; save them again as a new entry" in html
    assert WORDS in html
    ours = [r for r in caplog.records if r.name.startswith("reverie")]  # django.request logs every 4xx alike
    assert not [r for r in ours if r.levelno >= logging.WARNING], [r.getMessage() for r in ours]
    assert any(r.levelno == logging.INFO and "refused" in r.getMessage() for r in ours)
    assert not Entry.objects.filter(client=client).exists()


def _purge_after_backup(api: Any, entry_id: str, tmp_path: Path) -> None:
    """Back up, delete the entry for good, and restore that backup into an empty database."""
    path = tmp_path / "backup.json.gz"
    create_backup(path)
    assert api.delete(f"entries/{entry_id}").status_code == 204
    assert api.delete(f"trash/{entry_id}").status_code == 204
    call_command("flush", interactive=False, verbosity=0)
    restore_backup(path)


@pytest.mark.db
@pytest.mark.django_db(transaction=True)
def test_the_restore_writes_the_tombstones_of_the_entries_it_left_out_again(
    make_user: Any, tmp_path: Path
) -> None:
    """The backup was taken before the purge, so it holds no tombstone; the restore, which leaves the entry out by
    ``purged-entries.json``, writes its tombstone again, under its writer and the moment it was deleted."""
    user = make_user()
    api = as_token(user)
    first = api.post(
        "entries", {"kind": "dream", "body": WORDS}, headers={"Idempotency-Key": "phone-save-h101"}
    )
    entry_id = json.loads(first.content)["id"]

    _purge_after_backup(api, entry_id, tmp_path)

    assert DeletedForGood.objects.filter(pk=entry_id, client=user).exists()


@pytest.mark.db
@pytest.mark.django_db(transaction=True)
def test_retry_of_an_entry_made_after_the_backup_and_deleted_since_is_refused(
    make_user: Any, tmp_path: Path
) -> None:
    """An entry made after the backup and deleted for good since is in no backup: the restore cannot write its
    tombstone again (the backup names no writer for it), so the refusal reads ``purged-entries.json`` itself."""
    user = make_user()
    api = as_token(user)
    assert api.post("entries", {"kind": "reflection", "body": "before the backup"}).status_code == 201
    path = tmp_path / "backup.json.gz"
    create_backup(path)
    key = {"headers": {"Idempotency-Key": "phone-save-after-backup"}}
    body = {"kind": "dream", "body": WORDS}
    entry_id = json.loads(api.post("entries", body, **key).content)["id"]
    assert api.delete(f"entries/{entry_id}").status_code == 204
    assert api.delete(f"trash/{entry_id}").status_code == 204
    call_command("flush", interactive=False, verbosity=0)
    restore_backup(path)

    retry = api.post("entries", body, **key)

    assert retry.status_code == 409, (retry.status_code, retry.content)
    assert not Entry.objects.filter(pk=entry_id).exists()


@pytest.mark.db
@pytest.mark.django_db(transaction=True)
def test_retry_of_an_upload_removed_for_good_is_refused_after_a_restore(
    make_user: Any, tmp_path: Path
) -> None:
    """A file removed for good is named in ``purged-files.json``, outside every backup: restoring a backup taken
    before the file was even uploaded, the phone's retry of that upload is refused (409), nothing stored."""
    user = make_user()
    api = as_token(user)
    entry_id = json.loads(api.post("entries", {"kind": "art", "body": "a harbour"}).content)["id"]
    path = tmp_path / "backup.json.gz"
    create_backup(path)

    def upload() -> Any:
        png = SimpleUploadedFile("gone.png", b"\x89PNG\r\n\x1a\ngone", content_type="image/png")
        url = f"/api/v1/entries/{entry_id}/attachments"
        return api.client.post(url, {"file": png}, headers={"Idempotency-Key": "phone-upload-h101"})

    file_id = upload().json()["id"]
    assert api.delete(f"attachments/{file_id}").status_code == 204
    call_command("flush", interactive=False, verbosity=0)
    restore_backup(path)

    retry = upload()

    assert retry.status_code == 409 and error_of(retry)["code"] == "E409", (retry.status_code, retry.content)
    assert not Attachment.objects.filter(pk=file_id).exists()
