"""h91: a client removes a picture or a recording of their entry on the web, as the API's DELETE does.

Before, only the API could (``DELETE /api/v1/attachments/{id}``): the entry page showed the file with no way to take
it off. Now each of the writer's files has a "Remove this picture" (or recording) button, a POST with CSRF that asks
first on a page of its own (no JavaScript); the confirmed POST goes through the API's own service
(``attachments.delete_attachment``: the one policy, the audit line, the file's row gone). A therapist the entry is
shared with sees no button, and their POST answers exactly like one for a file that does not exist.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from django.urls import reverse

from reverie.clinic.models import Attachment, AuditEvent
from reverie.clinic.services import attachments, journal
from reverie.clinic.services.journal import AttachmentDraft, EntryDraft

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"h91-picture-bytes"
OGG = b"OggS\x00" + bytes(40)


def _art(client: Any, *files: tuple[str, bytes]) -> tuple[str, list[str]]:
    view = journal.create_entry(client, EntryDraft(kind="art", body="A harbour at dusk, drawn in pencil."))
    ids = [
        str(attachments.add_attachment(client, view.id, AttachmentDraft(name, "", data)).id)
        for name, data in files
    ]
    return str(view.id), ids


def _remove_form(page: str, attachment_id: str) -> str:
    """The form on ``page`` that posts to the file's removal, or '' when there is none."""
    action = reverse("attachment_remove", args=[attachment_id])
    found = re.search(rf'<form method="post" action="{re.escape(action)}".*?</form>', page, re.S)
    return found.group(0) if found else ""


def _without_token(page: bytes) -> bytes:
    """A page without its CSRF token (the sign-out form's, new on each page)."""
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", page)


def test_the_writer_removes_a_picture_after_confirming_it(make_user: Any, web_as: Any) -> None:
    client = make_user(role="client")
    entry_id, (picture, other) = _art(client, ("drawing.png", PNG), ("sketch.png", PNG))
    web = web_as(client)

    page = web.get(reverse("entry", args=[entry_id])).content.decode()
    form = _remove_form(page, picture)
    assert form, "the entry page has no way to remove the picture"
    assert "csrfmiddlewaretoken" in form and "Remove this picture" in form
    music = journal.create_entry(client, EntryDraft(kind="music", body="The tune I hummed all week."))
    recording = str(attachments.add_attachment(client, music.id, AttachmentDraft("tune.ogg", "", OGG)).id)
    assert "Remove this recording" in _remove_form(
        web.get(reverse("entry", args=[music.id])).content.decode(), recording
    )

    asked = web.post(reverse("attachment_remove", args=[picture]))  # the button: a question, nothing removed
    assert asked.status_code == 200
    assert Attachment.objects.filter(pk=picture).exists()
    question = asked.content.decode()
    assert 'name="confirm" value="yes"' in question and "csrfmiddlewaretoken" in question
    assert reverse("entry", args=[entry_id]) in question  # "No, keep it" goes back to the entry

    done = web.post(reverse("attachment_remove", args=[picture]), {"confirm": "yes"})
    assert done.status_code == 302 and done["Location"] == reverse("entry", args=[entry_id])
    assert not Attachment.objects.filter(pk=picture).exists()
    assert Attachment.objects.filter(pk=other).exists()
    assert AuditEvent.objects.filter(actor_id=client.pk, action="attachment.delete").count() == 1
    after = web.get(done["Location"]).content.decode()
    assert reverse("attachment", args=[picture]) not in after
    assert web.get(reverse("attachment", args=[picture])).status_code == 404
    assert journal.get_entry(client, entry_id).revision == 4  # a new revision, as the API's removal makes


def test_a_therapist_cannot_remove_a_shared_entrys_picture(paired: tuple[Any, Any], web_as: Any) -> None:
    client, therapist = paired
    entry_id, (picture,) = _art(client, ("drawing.png", PNG))
    journal.set_shared(client, entry_id, True)
    web = web_as(therapist)

    page = web.get(reverse("entry", args=[entry_id]))
    assert page.status_code == 200 and reverse("attachment", args=[picture]) in page.content.decode()
    assert not _remove_form(page.content.decode(), picture)
    missing = str(uuid.uuid4())
    for data in ({}, {"confirm": "yes"}):
        theirs = web.post(reverse("attachment_remove", args=[picture]), data)
        none = web.post(reverse("attachment_remove", args=[missing]), data)
        assert theirs.status_code == none.status_code
        assert _without_token(theirs.content) == _without_token(none.content)
        assert theirs.status_code == 404
    assert Attachment.objects.filter(pk=picture).exists()
    assert not AuditEvent.objects.filter(action="attachment.delete").exists()


def test_the_only_thing_an_entry_holds_is_kept_with_the_reason(make_user: Any, web_as: Any) -> None:
    client = make_user(role="client")
    view = journal.create_entry(
        client, EntryDraft(kind="art", body=""), [AttachmentDraft("drawing.png", "", PNG)]
    )
    (picture,) = [str(a.id) for a in journal.get_entry(client, view.id).attachments]
    refused = web_as(client).post(reverse("attachment_remove", args=[picture]), {"confirm": "yes"})
    assert refused.status_code == 400
    assert "move the entry to the trash instead" in refused.content.decode()
    assert Attachment.objects.filter(pk=picture).exists()
