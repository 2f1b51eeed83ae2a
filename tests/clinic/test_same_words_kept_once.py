"""Brief u32 point 1: the same words saved twice within half an hour are kept once, and the person is told so and
may save them again as a new entry (a replay still makes one entry)."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest

from reverie.clinic.models import Entry

pytestmark = pytest.mark.django_db
FIELDS = {"kind": "reflection", "body": "anxiety 4"}


def _twice(web: Any) -> tuple[Any, Any]:
    first = web.post("/write/", {**FIELDS, "entry_id": str(uuid.uuid4())})
    again = web.post("/write/", {**FIELDS, "entry_id": str(uuid.uuid4())})
    return first, again


def test_the_same_words_again_land_on_the_entry_with_a_plain_message(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    first, again = _twice(web)
    assert Entry.objects.count() == 1
    page = web.get(again["Location"]).content.decode()
    saved_at = re.search(r"You saved these same words at (\d\d:\d\d), so Reverie kept them once\.", page)
    assert saved_at is not None
    assert "Save them again as a new entry" in page
    # The first save's own page carries no such message.
    assert "kept them once" not in web.get(first["Location"]).content.decode()


def test_asking_to_save_again_makes_a_second_entry_once(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    first, again = _twice(web)
    page = web.get(again["Location"]).content.decode()
    action = re.search(r'<form method="post" action="([^"]+/again/)">', page)
    token = re.search(r'name="entry_id" value="([^"]+)"', page)
    assert action is not None and token is not None
    second = web.post(action.group(1), {"entry_id": token.group(1)})
    assert second.status_code == 302 and second["Location"] != first["Location"]
    assert Entry.objects.count() == 2
    bodies = [web.get(r["Location"]).content.decode() for r in (first, second)]
    assert all("anxiety 4" in b for b in bodies)
    # A double click on "save again" (the same token) still makes one copy.
    third = web.post(action.group(1), {"entry_id": token.group(1)})
    assert third["Location"] == second["Location"] and Entry.objects.count() == 2


def test_a_replay_of_the_same_form_still_makes_one_entry_and_no_message(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    token = str(uuid.uuid4())
    first = web.post("/write/", {**FIELDS, "entry_id": token})
    replay = web.post("/write/", {**FIELDS, "entry_id": token})
    assert replay["Location"] == first["Location"] and Entry.objects.count() == 1


def test_save_again_is_only_for_ones_own_entry(make_user: Any, web_as: Any) -> None:
    owner = web_as(make_user())
    first = owner.post("/write/", {**FIELDS, "entry_id": str(uuid.uuid4())})
    other = web_as(make_user())
    response = other.post(first["Location"] + "again/", {"entry_id": str(uuid.uuid4())})
    assert response.status_code == 404 and Entry.objects.count() == 1


def test_saving_again_copies_the_attachments_with_their_names_and_bytes(make_user: Any) -> None:
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import AttachmentDraft, EntryDraft

    user = make_user()
    picture = AttachmentDraft("drawing.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"x" * 40)
    first = journal.create_entry(user, EntryDraft(kind="art", body="the blue house"), [picture])
    copy = journal.save_again(user, first.id, uuid.uuid4())
    assert copy.id != first.id and Entry.objects.count() == 2
    (att,) = journal.get_entry(user, copy.id).attachments
    assert journal.attachment_data(user, att.id)[::2] == ("drawing.png", picture.data)
