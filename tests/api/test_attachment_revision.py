"""h47: adding or removing a file moves the entry to a new revision, as an edit of its words does.

Before, a file added (or removed) through the API left the entry's revision as it was: the ``ETag`` stayed equal
though the entry had changed, and a save from a copy opened before (a second tab, another device) went through,
so the person never learned a file had been added meanwhile. Now the change goes through the edit's own revision
path (``journal.files_changed``): audited, and an old copy's save gets the same conflict message as for text.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from api_client import Api, as_token, error_of
from django.core.files.uploadedfile import SimpleUploadedFile

from reverie.clinic.models import Attachment, AuditEvent, EntryScreen
from reverie.clinic.services import journal
from web_client import signed_in

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"h47-revision-picture"


def _art(api: Api) -> str:
    made = api.post("entries", {"kind": "art", "body": "a harbour at dusk"})
    assert made.status_code == 201, made.content
    return str(made.json()["id"])


def _upload(api: Api, entry_id: str, name: str = "harbour.png") -> str:
    upload = SimpleUploadedFile(name, PNG, content_type="image/png")
    made = api.client.post(f"/api/v1/entries/{entry_id}/attachments", {"file": upload})
    assert made.status_code == 201, made.content
    return str(made.json()["id"])


def test_adding_and_removing_a_file_changes_the_etag_and_is_audited(make_user: Any) -> None:
    user = make_user(role="client")
    api = as_token(user)
    entry_id = _art(api)
    first = api.get(f"entries/{entry_id}")
    att_id = _upload(api, entry_id)
    added = api.get(f"entries/{entry_id}")
    assert added["ETag"] != first["ETag"] and added.json()["revision"] == first.json()["revision"] + 1
    assert api.delete(f"attachments/{att_id}").status_code == 204
    removed = api.get(f"entries/{entry_id}")
    assert removed["ETag"] not in (first["ETag"], added["ETag"])
    assert removed.json()["body"] == "a harbour at dusk"  # the words are kept as they were
    updates = AuditEvent.objects.filter(actor_id=user.pk, action="entry.update").count()
    assert updates == 2
    revisions = [version.number for version in journal.revisions(user, entry_id)]
    assert revisions == [1, 2]  # each earlier version kept, as for an edit
    screens = EntryScreen.objects.filter(entry_id=entry_id).order_by("revision")
    assert [s.revision for s in screens] == [1, 2, 3]  # every revision screened: same words, no new alert
    assert [s.words_revision for s in screens] == [None, 1, 1]


def test_api_save_from_a_copy_read_before_a_file_was_added_is_refused(make_user: Any) -> None:
    api = as_token(make_user(role="client"))
    entry_id = _art(api)
    old = api.get(f"entries/{entry_id}")
    _upload(api, entry_id)
    refused = api.patch(
        f"entries/{entry_id}", {"body": "typed from the old copy SECRET"}, headers={"If-Match": old["ETag"]}
    )
    assert refused.status_code == 409
    error = error_of(refused)
    assert "changed somewhere else" in error["message"] and "SECRET" not in refused.content.decode()
    assert json.loads(refused.content)["error"]["current_revision"] == 2
    stored = api.get(f"entries/{entry_id}").json()
    assert stored["body"] == "a harbour at dusk" and len(stored["attachments"]) == 1  # nothing lost


def test_web_save_from_a_tab_opened_before_a_file_was_added_shows_the_conflict(make_user: Any) -> None:
    user = make_user(role="client")
    api, web = as_token(user), signed_in(user)
    entry_id = _art(api)
    _upload(api, entry_id)
    page = web.get(f"/journal/{entry_id}/edit/").content.decode()
    base = re.search(r'name="base_revision" value="(\d+)"', page)
    assert base is not None
    _upload(api, entry_id, "second.png")  # added on the phone while the tab stays open
    typed = "typed in the old tab"
    refused = web.post(
        f"/journal/{entry_id}/edit/", {"kind": "art", "body": typed, "base_revision": base.group(1)}
    )
    assert refused.status_code == 409
    text = refused.content.decode()
    assert "changed somewhere else" in text and typed in text  # the same message as for text; words kept
    assert journal.get_entry(user, entry_id).body == "a harbour at dusk"
    assert Attachment.objects.filter(entry_id=entry_id).count() == 2  # nothing lost
