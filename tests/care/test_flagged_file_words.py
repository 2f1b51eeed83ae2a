"""Review r102 of h113: the check-in rebuilds the screened text of an older revision with TODAY's file names
(``journal.flagged_words``: "files are not kept per revision"), so the stored evidence offsets land on another
file's name. (The body and other fields come from the revision itself and precede the file names, so only file
names can be misquoted; the therapist's ``observations.screen_read`` reads the current revision's own screen and
quoted right in the reviewer's check.)"""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care.models import CheckIn, RiskAlert
from reverie.clinic.services import attachments, journal
from reverie.clinic.services.journal import AttachmentDraft, EntryDraft

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
NAME = "I am going to kill myself tonight.png"
HARMLESS = "harbour at night.png"  # sorts after NAME ("I" < "h")


def test_check_in_quotes_another_files_name_after_the_flagged_picture_is_removed(
    paired: tuple[Any, Any],
) -> None:
    """A client saves an art entry with two pictures, one named "I am going to kill myself tonight", the other
    "harbour at night". The check-in opens; then the client removes the picture with the plan. The check-in (still
    about revision 1) now shows "harbour at night" as the words Reverie read — the wrong words, another picture's
    name. They should see the words that raised it, or nothing, never another file's name."""
    client, _therapist = paired
    view = journal.create_entry(
        client,
        EntryDraft(kind="art", body=""),
        [AttachmentDraft(NAME, "image/png", PNG), AttachmentDraft(HARMLESS, "image/png", PNG)],
    )
    assert RiskAlert.objects.filter(client=client).count() == 1
    assert CheckIn.objects.filter(client=client, answered_at__isnull=True).exists()
    before = journal.flagged_words(client, view.id, 1)
    assert any("kill myself tonight" in w for w in before), before
    risky = next(a for a in journal.get_entry(client, view.id).attachments if a.filename == NAME)
    attachments.delete_attachment(client, risky.id)
    after = journal.flagged_words(client, view.id, 1)
    assert not any("harbour" in w for w in after), after


def test_check_in_quotes_a_newly_added_files_name(paired: tuple[Any, Any]) -> None:
    """The client saves the picture with the plan; the check-in opens; they then add a picture named "A picnic"
    (it sorts before the first). The check-in for revision 1 now quotes "A picnic" as what Reverie read. It should
    quote the name that raised it."""
    client, _therapist = paired
    view = journal.create_entry(
        client, EntryDraft(kind="art", body=""), [AttachmentDraft(NAME, "image/png", PNG)]
    )
    attachments.add_attachment(client, view.id, AttachmentDraft("A picnic.png", "image/png", PNG))
    after = journal.flagged_words(client, view.id, 1)
    assert not any("picnic" in w for w in after), after
