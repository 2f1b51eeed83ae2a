"""Review r98 (issue 12 §1, "every saved text"): the name a person gives a picture or a recording is their own
words — the entry page reads it out as the picture's alt text (``kinds.picture_alt``) and lists it by name — yet it
was never screened. An art entry is often only a picture and its name.

h113: ``journal.persons_words`` reads every file's name (its extension taken off, as the alt text shows it), and
every path that adds or removes a file screens the new revision through the save's one hook, as a text edit does.
There is no way to rename a file (neither the web nor the API offers one), so no rename path to test."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from reverie.care.models import CheckIn, RiskAlert
from reverie.clinic.models import EntryScreen
from reverie.clinic.services import attachments, journal, portability
from reverie.clinic.services.journal import AttachmentDraft, EntryDraft

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
NAME = "I am going to kill myself tonight.png"
HARMLESS = "harbour at night.png"


def test_a_picture_named_with_an_explicit_plan_is_screened_at_save(paired: tuple[Any, Any]) -> None:
    """A client saves an art entry, no words in the body, with a picture they named "I am going to kill myself
    tonight". Now: no alert for the linked therapist and no check-in — the name is shown back on the entry page as
    the picture's description but never read by the screen. Should: the name is screened like a title (an explicit
    plan with a time is a floor anywhere), raising the alert and the check-in before the save returns."""
    client, _therapist = paired
    view = journal.create_entry(
        client, EntryDraft(kind="art", body=""), [AttachmentDraft(NAME, "image/png", PNG)]
    )
    assert RiskAlert.objects.filter(client=client).exists(), "the picture's name was never screened"
    assert CheckIn.objects.filter(client=client, answered_at__isnull=True).exists()
    assert view.id


def test_a_file_added_through_the_api_is_screened_by_its_name(paired: tuple[Any, Any]) -> None:
    """A client adds a recording named "I am going to kill myself tonight" to a quiet entry through the API's
    attachment route. Now: nothing is screened, no alert, no check-in. Should: the file's name is read by the same
    screen at the moment of saving."""
    from reverie.api import tokens

    client, _therapist = paired
    view = journal.create_entry(client, EntryDraft(kind="art", body="Drawing after tea with my sister."))
    api = Client(headers={"Authorization": f"Bearer {tokens.issue(client, 'tests').secret}"})
    response = api.post(f"/api/v1/entries/{view.id}/attachments", {"file": _upload()}, format="multipart")
    assert response.status_code in (200, 201), response.content
    assert RiskAlert.objects.filter(client=client).exists(), "the file's name was never screened"


def _upload() -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(NAME, PNG, content_type="image/png")


def _level(entry_id: Any, revision: int) -> str:
    return str(EntryScreen.objects.get(entry_id=entry_id, revision=revision).level)


def test_a_picture_named_with_a_plan_on_the_web_write_page_raises_the_check_in(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    """The web's write page: an art entry with no words, one picture with the name. The check-in and the alert are
    there when the save's redirect comes back, and the check-in shows the name back as what Reverie read."""
    from configured import configured

    client, _therapist = paired
    with configured(REVERIE_ANALYSIS="off"):  # no worker, no analysis: the save-time screen alone
        saved = web_as(client).post("/write/", {"kind": "art", "body": "", "attachment": _upload()})
    assert saved.status_code == 302, saved.content[:400]
    assert RiskAlert.objects.filter(client=client).exists(), "the picture's name was never screened"
    check_in = CheckIn.objects.get(client=client, answered_at__isnull=True)
    (entry,) = journal.list_entries(client)
    assert _level(entry.id, entry.revision) not in ("none", "indicator", "unscreened")
    shown = journal.flagged_words(client, entry.id, entry.revision)
    assert any("kill myself tonight" in words for words in shown), (shown, check_in.pk)
    assert not any(".png" in words for words in shown)  # the name as the alt text shows it


def test_a_harmless_picture_name_raises_nothing(paired: tuple[Any, Any]) -> None:
    """A picture named "harbour at night", saved with an entry and then added through the API's service: each
    revision is screened (a stored screen), none reads any risk, no alert, no check-in."""
    client, _therapist = paired
    read = journal.persons_words(EntryDraft(kind="art", body=""), [HARMLESS])
    assert read == (("file", "harbour at night"),)  # the name is read, as the alt text shows it
    view = journal.create_entry(
        client, EntryDraft(kind="art", body=""), [AttachmentDraft(HARMLESS, "image/png", PNG)]
    )
    attachments.add_attachment(client, view.id, AttachmentDraft("the pier.png", "image/png", PNG))
    assert [_level(view.id, n) for n in (1, 2)] == ["none", "none"]
    assert not RiskAlert.objects.filter(client=client).exists()
    assert not CheckIn.objects.filter(client=client).exists()


def test_a_name_already_read_is_not_alerted_twice_when_other_files_change(paired: tuple[Any, Any]) -> None:
    """The picture with the plan alerts once. Adding a harmless picture and then removing it (the web's removal
    goes through the same service) make two new revisions, each screened; the unchanged name raises no second
    alert and no second check-in, and the new revisions keep the first one's words (``words_revision``)."""
    client, _therapist = paired
    view = journal.create_entry(
        client, EntryDraft(kind="art", body=""), [AttachmentDraft(NAME, "image/png", PNG)]
    )
    assert RiskAlert.objects.filter(client=client).count() == 1
    added = attachments.add_attachment(client, view.id, AttachmentDraft(HARMLESS, "image/png", PNG))
    attachments.delete_attachment(client, added.id)
    rows = EntryScreen.objects.filter(entry_id=view.id).order_by("revision")
    assert [(r.revision, r.words_revision) for r in rows] == [(1, None), (2, 1), (3, 1)]
    assert RiskAlert.objects.filter(client=client).count() == 1
    assert CheckIn.objects.filter(client=client).count() == 1


def test_removing_the_picture_with_the_plan_raises_nothing_new(paired: tuple[Any, Any]) -> None:
    """Removing a file is a new revision screened with the names left: it reads lower, so it keeps the words it
    had and raises nothing; the next revision's screen no longer reads the removed name."""
    client, _therapist = paired
    view = journal.create_entry(
        client,
        EntryDraft(kind="art", body=""),
        [AttachmentDraft(NAME, "image/png", PNG), AttachmentDraft(HARMLESS, "image/png", PNG)],
    )
    risky = next(a for a in journal.get_entry(client, view.id).attachments if a.filename == NAME)
    attachments.delete_attachment(client, risky.id)
    assert _level(view.id, 2) == "none"
    assert RiskAlert.objects.filter(client=client).count() == 1


def test_an_imported_entry_is_screened_with_its_files_names(make_user: Any, paired: tuple[Any, Any]) -> None:
    """A Reverie export holding an art entry with only the picture, imported by another person: the import
    screens each entry with its files' names, as a save does."""
    from reverie.journal.interchange import dump_reverie_json

    client, _therapist = paired
    other = make_user("r98-import-source", role="client")
    journal.create_entry(other, EntryDraft(kind="art", body=""), [AttachmentDraft(NAME, "image/png", PNG)])
    portability.import_journal(client, dump_reverie_json(portability.export_journal(other)))
    (entry,) = journal.list_entries(client)
    assert _level(entry.id, entry.revision) not in ("none", "indicator", "unscreened")
    assert CheckIn.objects.filter(client=client, answered_at__isnull=True).exists()
