"""/write/ and import answer alike for another person's entry id and for a missing one (issue 11, item 9): the id a
form or a file proposes is never used as an entry id as it is."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

import pytest

from reverie.clinic.models import Entry
from reverie.clinic.services import journal, portability
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db


def _outcome(web: Any, token: str, body: str) -> tuple[int, str]:
    response = web.post("/write/", {"kind": "reflection", "body": body, "entry_id": token})
    created = Entry.objects.filter(client__username=web.session_user).order_by("-written_at").first()
    location = re.sub(r"[0-9a-f-]{36}", "ID", response["Location"])
    return response.status_code, location + (
        "|same-id" if created and str(created.id) == token else "|other-id"
    )


def test_no_existence_oracle_write_answers_alike(make_user: Any, web_as: Any) -> None:
    alice, bob = make_user(), make_user()
    theirs = journal.create_entry(alice, EntryDraft(kind="dream", body="alice's dream"))
    web = web_as(bob)
    web.session_user = bob.username
    with_theirs = _outcome(web, str(theirs.id), "first")
    with_missing = _outcome(web, str(uuid.uuid4()), "second")
    assert with_theirs == with_missing == (302, "/journal/ID/|other-id")  # before: "same-id" for a free id
    assert Entry.objects.filter(client=alice).count() == 1 and Entry.objects.filter(client=bob).count() == 2


def test_no_existence_oracle_write_replay_finds_the_entry_it_made(make_user: Any, web_as: Any) -> None:
    bob = make_user()
    web = web_as(bob)
    token = str(uuid.uuid4())
    first = web.post("/write/", {"kind": "reflection", "body": "once", "entry_id": token})
    again = web.post(
        "/write/", {"kind": "reflection", "body": "once, edited before the replay", "entry_id": token}
    )
    assert first.status_code == again.status_code == 302 and first["Location"] == again["Location"]
    assert Entry.objects.filter(client=bob).count() == 1


def test_no_existence_oracle_submission_ids_are_per_person(make_user: Any) -> None:
    alice, bob = make_user(), make_user()
    token = uuid.uuid4()
    assert journal.submission_id(alice, token) != journal.submission_id(bob, token) != token
    assert journal.submission_id(alice, token) == journal.submission_id(alice, token)


def _doc(entry_id: str) -> bytes:
    entry = {
        "id": entry_id,
        "kind": "dream",
        "body": f"imported {entry_id}",  # each its own words: equal words are skipped as already here (r7)
        "happened_at": "2026-01-01T00:00:00+00:00",
        "written_at": "2026-01-01T08:00:00+00:00",
    }
    return json.dumps(
        {"schema": "reverie.export/1", "exported_at": "2026-01-02T00:00:00+00:00", "entries": [entry]}
    ).encode()


def test_no_existence_oracle_import_answers_alike(make_user: Any) -> None:
    alice, bob = make_user(), make_user()
    theirs = journal.create_entry(alice, EntryDraft(kind="dream", body="alice's dream"))
    missing = str(uuid.uuid4())
    for raw in (str(theirs.id), missing):
        first = portability.import_journal(bob, _doc(raw))
        again = portability.import_journal(bob, _doc(raw))
        assert (first.created, first.skipped, again.created, again.skipped) == (1, 0, 0, 1)
    ids = {str(e.id) for e in Entry.objects.filter(client=bob)}
    assert str(theirs.id) not in ids and missing not in ids  # before: the missing id was taken over as it is
    assert Entry.objects.get(pk=theirs.id).client_id == alice.pk


def test_no_existence_oracle_import_skips_own_entries_even_in_the_trash(make_user: Any) -> None:
    bob = make_user()
    portability.import_journal(bob, _doc("a"))
    [entry] = Entry.objects.filter(client=bob)
    journal.trash_entry(bob, entry.id)
    report = portability.import_journal(bob, _doc("a"))
    assert (report.created, report.skipped) == (0, 1)
    own = journal.create_entry(bob, EntryDraft(kind="dream", body="mine"))
    report = portability.import_journal(bob, _doc(str(own.id)))
    assert (report.created, report.skipped) == (0, 1)
