"""h151 (review r126): an entry's earlier versions keep everything the person wrote, not only the main text.

Each edit keeps the version it replaces whole (title, text, kind, feelings with their strengths, people, tags,
mindful-choice and context fields, the date it gave), sealed with the client's key in a versioned document
(``journal.REVISION_FORMAT`` 2); earlier versions stored before still read (the replaced payload without its date;
an old export's import, the text alone, said so). The export carries them whole (``reverie.export/9``), an import
stores them back, ``reverie doctor`` opens them and erasure takes them with the account."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone

from reverie.clinic.models import ClientKey, EntryRevision
from reverie.clinic.services import doctor, journal, keys, portability
from reverie.clinic.services.journal import EntryDraft, Feeling
from reverie.errors import IntegrityError
from reverie.journal.interchange import (
    SCHEMA,
    PortableEntry,
    PortableFeeling,
    PortableJournal,
    PortableRevision,
    dump_reverie_json,
)

pytestmark = [pytest.mark.django_db, pytest.mark.db]

WHEN = datetime(2026, 3, 2, 23, 0, tzinfo=UTC)


def _call(**changes: Any) -> EntryDraft:
    draft = EntryDraft(
        kind="mindful_choice",
        body="Mum rang at midnight.",
        happened_at=WHEN,
        title="The call",
        feelings=(Feeling("anger", 5), Feeling("love", 4)),
        people=("Mum",),
        tags=("family",),
        extra={
            "situation": "Mum rang about the money.",
            "urge": "Hang up and block her.",
            "choice": "I told her I would call back tomorrow.",
        },
    )
    return replace(draft, **changes)


def _edited(client: Any) -> Any:
    view = journal.create_entry(client, _call())
    later = _call(
        title="The call, later",
        happened_at=WHEN + timedelta(hours=1),
        feelings=(Feeling("anger", 2),),
        people=("Mum", "Dad"),
        tags=(),
        extra={"situation": "Mum rang about the money.", "choice": "I hung up."},
    )
    return journal.update_entry(client, view.id, later, base_revision=1)


def test_an_edit_keeps_the_whole_earlier_version_sealed(make_user: Any) -> None:
    nora = make_user()
    edited = _edited(nora)
    (version,) = journal.revisions(nora, edited.id)
    assert (version.number, version.kind, version.only_text) == (1, "mindful_choice", False)
    assert (version.title, version.body) == ("The call", "Mum rang at midnight.")
    assert version.feelings == (Feeling("anger", 5), Feeling("love", 4))
    assert (version.people, version.tags, version.happened_at) == (("Mum",), ("family",), WHEN)
    assert dict(version.extra) == {
        "situation": "Mum rang about the money.",
        "urge": "Hang up and block her.",
        "choice": "I told her I would call back tomorrow.",
    }
    row = EntryRevision.objects.get(entry_id=edited.id)
    stored = bytes(row.payload)
    assert b"The call" not in stored and b"tomorrow" not in stored  # sealed at rest
    document = json.loads(keys.open_for(nora, f"{edited.id}#r1", "entry.revision", stored))
    assert (document["v"], document["only_text"], document["kind"]) == (2, False, "mindful_choice")
    assert document["happened_at"] == WHEN.isoformat()
    with pytest.raises(IntegrityError):  # bound to its record: it does not open as another revision
        keys.open_for(nora, f"{edited.id}#r2", "entry.revision", stored)


def _stored_revision(client: Any, entry_id: Any, document: dict[str, Any]) -> None:
    EntryRevision.objects.create(
        entry_id=entry_id,
        number=1,
        payload=keys.seal_for(client, f"{entry_id}#r1", "entry.revision", json.dumps(document).encode()),
        saved_at=timezone.now(),
    )


def test_earlier_versions_stored_before_still_read_and_say_what_was_kept(make_user: Any) -> None:
    """Format 1: an edit's replaced payload (whole, no date) and an old export's import (the text alone)."""
    nora = make_user()
    edited = journal.create_entry(nora, _call())
    EntryRevision.objects.all().delete()
    payload = {
        "v": 1,
        "title": "Old title",
        "body": "old words",
        "feelings": [["fear", 3]],
        "people": ["Ann"],
        "tags": ["t"],
        "extra": {"choice": "waited"},
    }
    _stored_revision(nora, edited.id, payload)
    (whole,) = journal.revisions(nora, edited.id)
    assert (whole.only_text, whole.title, whole.feelings, whole.happened_at) == (
        False,
        "Old title",
        (Feeling("fear", 3),),
        None,  # the date it gave was not kept then
    )
    assert (whole.people, whole.tags, dict(whole.extra)) == (("Ann",), ("t",), {"choice": "waited"})

    EntryRevision.objects.all().delete()
    _stored_revision(nora, edited.id, {"v": 1, "body": "only these words"})
    (text,) = journal.revisions(nora, edited.id)
    assert (text.only_text, text.body, text.title, text.feelings, text.extra) == (
        True,
        "only these words",
        "",
        (),
        {},
    )

    EntryRevision.objects.all().delete()
    _stored_revision(nora, edited.id, {"v": 3, "body": "from a newer Reverie"})
    with pytest.raises(IntegrityError, match="form this Reverie does not read"):
        journal.revisions(nora, edited.id)


def test_a_file_added_keeps_the_version_before_it_whole(make_user: Any) -> None:
    """Files are not part of a version (a file removed is deleted for good); the words and date around it are."""
    from reverie.clinic.services import attachments
    from reverie.clinic.services.journal import AttachmentDraft

    nora = make_user()
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    view = journal.create_entry(nora, EntryDraft(kind="art", body="", title="Harbour", happened_at=WHEN))
    attachments.add_attachment(nora, view.id, AttachmentDraft("harbour.png", "image/png", png))
    (version,) = journal.revisions(nora, view.id)
    assert (version.title, version.happened_at, version.only_text) == ("Harbour", WHEN, False)


def test_export_and_import_carry_the_whole_earlier_versions(make_user: Any) -> None:
    nora, other = make_user(), make_user()
    edited = _edited(nora)
    exported = dump_reverie_json(portability.export_journal(nora))
    (entry,) = json.loads(exported)["entries"]
    (revision,) = entry["revisions"]
    assert revision["only_text"] is False and revision["title"] == "The call"
    assert revision["feelings"] == [{"intensity": 5, "name": "anger"}, {"intensity": 4, "name": "love"}]
    assert revision["extra"]["choice"] == "I told her I would call back tomorrow."
    assert revision["happened_at"] == WHEN.isoformat()

    report = portability.import_journal(other, exported)
    assert report.created == 1
    (moved,) = journal.list_entries(other)
    assert journal.revisions(other, moved.id) == journal.revisions(nora, edited.id)
    again = json.loads(dump_reverie_json(portability.export_journal(other)))
    assert again["entries"][0]["revisions"] == entry["revisions"]


def _version_row(entry_id: Any) -> bytes:
    return bytes(EntryRevision.objects.get(entry_id=entry_id).payload)


def _file_with(revision: PortableRevision) -> bytes:
    entry = PortableEntry(
        id="e1",
        kind="dream",
        body="now",
        happened_at=WHEN,
        written_at=WHEN,
        revisions=(revision,),
    )
    return dump_reverie_json(PortableJournal(SCHEMA, WHEN, (entry,)))


def test_an_older_files_earlier_versions_import_as_only_text(make_user: Any, web_as: Any) -> None:
    nora = make_user()
    old = json.loads(_file_with(PortableRevision("the first telling", WHEN - timedelta(hours=1))))
    old["schema"] = "reverie.export/8"
    del old["entries"][0]["revisions"][0]["only_text"]
    assert portability.import_journal(nora, json.dumps(old).encode()).created == 1
    (entry,) = journal.list_entries(nora)
    (version,) = journal.revisions(nora, entry.id)
    assert (version.only_text, version.body) == (True, "the first telling")
    document = json.loads(keys.open_for(nora, f"{entry.id}#r1", "entry.revision", _version_row(entry.id)))
    assert (document["v"], document["only_text"]) == (2, True)
    page = web_as(nora).get(f"/journal/{entry.id}/history/").content.decode()
    assert "Only the text of this version was kept." in page and "the first telling" in page


def test_an_imported_earlier_version_is_checked_as_an_entry_is(make_user: Any) -> None:
    nora = make_user()
    too_long = PortableRevision("old", WHEN, only_text=False, title="t" * 201)
    report = portability.import_journal(nora, _file_with(too_long))
    assert report.created == 0
    assert list(report.problems) == [
        "entries[0]: its earlier version 1: The title may be at most 200 characters. Left out."
    ]
    labelled = PortableRevision(
        "old", WHEN, only_text=False, tags=("#Sea, waves",), feelings=(PortableFeeling("Fear", 2),)
    )
    assert portability.import_journal(nora, _file_with(labelled)).created == 1
    (entry,) = journal.list_entries(nora)
    (version,) = journal.revisions(nora, entry.id)
    assert (version.tags, version.feelings) == (("Sea; waves",), (Feeling("fear", 2),))


def test_doctor_opens_imported_whole_versions_and_erasure_takes_them(make_user: Any) -> None:
    nora = make_user()
    whole = PortableRevision("old", WHEN, only_text=False, title="kept", happened_at=WHEN - timedelta(days=1))
    assert portability.import_journal(nora, _file_with(whole)).created == 1
    report = doctor.check()
    assert report.ok and report.per_person[nora.pk]["clinic.entryrevision.payload"] == 1
    row = EntryRevision.objects.get()
    damaged = bytearray(row.payload)
    damaged[-1] ^= 1
    EntryRevision.objects.filter(pk=row.pk).update(payload=bytes(damaged))
    found = doctor.check()
    assert [(f.column, f.reason) for f in found.failures] == [("clinic.entryrevision.payload", "altered")]

    EntryRevision.objects.filter(pk=row.pk).update(payload=row.payload)
    assert portability.erase_client(nora, nora.username, "a long test password") == 1
    assert not EntryRevision.objects.exists() and not ClientKey.objects.filter(client_id=nora.pk).exists()


def test_the_history_page_shows_each_version_whole_in_words_and_what_changed(
    make_user: Any, web_as: Any
) -> None:
    nora = make_user()
    edited = _edited(nora)
    page = web_as(nora).get(f"/journal/{edited.id}/history/").content.decode()
    version = page.split("<section", 1)[1].split("</section>", 1)[0]
    for words in (
        "The call",
        "anger 5/5, love 4/5",
        "I told her I would call back tomorrow.",
        "Hang up and block her.",
        "Mum",
        "family",
        "The situation",
        "The reflexive urge",
        "The choice I made",
    ):
        assert words in version, words
    assert (
        "Changed in version 2, the current one: title, when it happened, feelings, the reflexive urge, "
        "the choice I made, people and tags." in version
    )
    assert version.count(">changed</span>") == 7  # the situation and the text stayed as they were
    for key in ("<dt>situation", "<dt>urge", "<dt>choice", "happened_at", "extra", "only_text", "time_zone"):
        assert key not in version, key
