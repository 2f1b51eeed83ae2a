"""Optimistic concurrency: an edit made from an old copy of an entry never silently replaces a newer save."""

from __future__ import annotations

import html
import re
import threading
from typing import Any

import pytest
from django.db import connection

from reverie.clinic.models import Entry, EntryRevision
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import Conflict, StaleEdit

pytestmark = pytest.mark.django_db


def _dream(body: str) -> EntryDraft:
    return EntryDraft(kind="dream", body=body)


def test_journal_update_from_a_stale_revision_is_refused_and_nothing_changes(make_user: Any) -> None:
    alice = make_user()
    view = journal.create_entry(alice, _dream("first telling"))
    journal.update_entry(alice, view.id, _dream("saved in tab A"), base_revision=1)
    before = Entry.objects.get(pk=view.id)
    with pytest.raises(StaleEdit) as info:
        journal.update_entry(alice, view.id, _dream("typed in tab B SECRET"), base_revision=1)
    assert isinstance(info.value, Conflict) and info.value.code == "E409" and info.value.current == 2
    assert "SECRET" not in str(info.value) and "tab A" not in str(info.value)
    assert "changed somewhere else" in info.value.message
    after = Entry.objects.get(pk=view.id)
    assert (after.revision, bytes(after.payload), after.updated_at) == (
        2,
        bytes(before.payload),
        before.updated_at,
    )
    assert journal.get_entry(alice, view.id).body == "saved in tab A"
    assert EntryRevision.objects.filter(entry_id=view.id).count() == 1


def test_journal_update_from_the_stored_revision_saves(make_user: Any) -> None:
    alice = make_user()
    view = journal.create_entry(alice, _dream("first telling"))
    saved = journal.update_entry(alice, view.id, _dream("second telling"), base_revision=1)
    again = journal.update_entry(alice, view.id, _dream("third telling"), base_revision=saved.revision)
    assert (again.revision, again.body) == (3, "third telling")


def test_journal_update_without_a_base_applies_to_what_is_stored(make_user: Any) -> None:
    alice = make_user()
    view = journal.create_entry(alice, _dream("first telling"))
    journal.update_entry(alice, view.id, _dream("second telling"))
    assert journal.update_entry(alice, view.id, _dream("third telling")).revision == 3


@pytest.mark.django_db(transaction=True)
def test_journal_two_concurrent_saves_from_one_base_cannot_both_win(make_user: Any) -> None:
    alice = make_user()
    view = journal.create_entry(alice, _dream("first telling"))
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def save(body: str) -> None:
        try:
            start.wait()
            journal.update_entry(alice, view.id, _dream(body), base_revision=1)
            outcomes.append("saved")
        except StaleEdit:
            outcomes.append("refused")
        finally:
            connection.close()  # this thread's own connection: the test database can be dropped after

    threads = [threading.Thread(target=save, args=(b,)) for b in ("from tab A", "from tab B")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["refused", "saved"]
    assert Entry.objects.get(pk=view.id).revision == 2


def _edit_form(client: Any, entry_id: object) -> dict[str, str]:
    page = client.get(f"/journal/{entry_id}/edit/").content.decode()
    base = re.search(r'name="base_revision" value="(\d+)"', page)
    assert base is not None, "the edit form carries the revision it was filled from"
    return {"kind": "dream", "base_revision": base.group(1)}


def test_web_edit_from_a_second_tab_shows_the_conflict_with_the_typed_text_kept(
    make_user: Any, web_as: Any
) -> None:
    alice = make_user()
    view = journal.create_entry(alice, _dream("first telling"))
    client = web_as(alice)
    tab_a, tab_b = _edit_form(client, view.id), _edit_form(client, view.id)
    saved = client.post(f"/journal/{view.id}/edit/", {**tab_a, "body": "words saved in tab A"})
    assert saved.status_code == 302
    typed = "words typed in tab B, & kept"
    refused = client.post(f"/journal/{view.id}/edit/", {**tab_b, "body": typed})
    page = refused.content.decode()
    assert refused.status_code == 409
    assert "changed somewhere else" in page
    assert html.escape(typed) in page  # the person's text, still in the form
    assert "words saved in tab A" in page  # the version saved now, shown beside it
    assert 'name="base_revision" value="2"' in page  # saving again is now deliberate
    assert journal.get_entry(alice, view.id).body == "words saved in tab A"
    again = client.post(f"/journal/{view.id}/edit/", {**tab_b, "base_revision": "2", "body": typed})
    assert again.status_code == 302
    assert journal.get_entry(alice, view.id).body == typed
    assert [v.body for v in journal.revisions(alice, view.id)] == ["first telling", "words saved in tab A"]


def test_web_edit_without_a_base_revision_saves_as_before(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    view = journal.create_entry(alice, _dream("first telling"))
    client = web_as(alice)
    journal.update_entry(alice, view.id, _dream("second telling"))
    posted = client.post(f"/journal/{view.id}/edit/", {"kind": "dream", "body": "an old form's words"})
    assert posted.status_code == 302
    assert journal.get_entry(alice, view.id).body == "an old form's words"


@pytest.mark.parametrize(
    # "1.0" and "١" (another script's 1) are revision 1 to int(); a version number is 1-9 ASCII digits only
    "forged",
    ["abc", "-1", "0", "1.5", "99999999999999999999", "1.0", "١", "+1", "1000000000"],
)
def test_web_edit_with_a_damaged_base_revision_says_so_and_keeps_the_text(
    make_user: Any, web_as: Any, forged: str
) -> None:
    alice = make_user()
    view = journal.create_entry(alice, _dream("first telling"))
    typed = "words typed & kept"
    refused = web_as(alice).post(
        f"/journal/{view.id}/edit/", {"kind": "dream", "base_revision": forged, "body": typed}
    )
    page = refused.content.decode()
    assert refused.status_code == 400
    # one plain sentence, as on the care forms; not Django's "Enter a whole number." about a field nobody sees
    assert "The form is damaged (its version is not a number); open it again." in page
    assert "whole number" not in page and "2147483647" not in page and "greater than" not in page
    assert html.escape(typed) in page
    stored = Entry.objects.get(pk=view.id)
    assert stored.revision == 1 and journal.get_entry(alice, view.id).body == "first telling"


def test_web_conflict_page_shows_every_saved_field_the_second_save_would_replace(
    make_user: Any, web_as: Any
) -> None:
    # a mindful choice keeps its words in the situation / urge / choice, and any entry has people and tags: the
    # conflict page said "the version saved now is shown here" but showed only the title and body, so saving again
    # replaced saved words the person was never shown
    from datetime import datetime

    from django.utils import timezone

    from reverie.clinic.services.journal import Feeling

    alice = make_user()
    view = journal.create_entry(
        alice, EntryDraft(kind="mindful_choice", body="a choice", extra={"situation": "first"})
    )
    saved_when = timezone.make_aware(datetime(2026, 3, 9, 7, 15))
    client = web_as(alice)
    tab_b = _edit_form(client, view.id)
    journal.update_entry(
        alice,
        view.id,
        EntryDraft(
            kind="mindful_choice",
            body="a choice",
            feelings=(Feeling("longing", 4),),
            people=("Saved-Sam",),
            tags=("saved-sea",),
            extra={"situation": "SAVED situation", "urge": "SAVED urge", "choice": "SAVED choice"},
            happened_at=saved_when,
        ),
    )
    refused = client.post(
        f"/journal/{view.id}/edit/",
        {
            **tab_b,
            "kind": "mindful_choice",
            "body": "a choice",
            "situation": "typed situation",
            "people": "Typed-Tom",
        },
    )
    assert refused.status_code == 409
    shown = re.search(r'<section class="conflict".*?</section>', refused.content.decode(), re.S)
    assert shown is not None
    saved_fields = ("SAVED situation", "SAVED urge", "SAVED choice", "Saved-Sam", "saved-sea", "longing 4/5")
    for saved in (
        *saved_fields,
        "9 Mar 2026, 07:15",
    ):  # the day it happened, which a second save also replaces
        assert saved in shown.group(0), saved
    assert "Typed-Tom" not in shown.group(0)


def test_web_edit_sent_twice_a_double_tap_is_not_a_conflict(make_user: Any, web_as: Any) -> None:
    # a double tap on Save (or a browser's resend) posts the same form twice from the same base: the second found
    # the first's save and answered 409 "changed somewhere else", showing the person their own words as someone
    # else's. An edit identical to what is stored now is that save again: it answers as the first did.
    alice = make_user()
    view = journal.create_entry(alice, _dream("first telling"))
    client = web_as(alice)
    form = {**_edit_form(client, view.id), "body": "second telling", "title": "Sea"}
    assert client.post(f"/journal/{view.id}/edit/", form).status_code == 302
    again = client.post(f"/journal/{view.id}/edit/", form)
    assert again.status_code == 302, again.content.decode()[:300]
    stored = Entry.objects.get(pk=view.id)
    assert stored.revision == 2  # no second, identical revision either
    assert journal.get_entry(alice, view.id).body == "second telling"
    different = client.post(f"/journal/{view.id}/edit/", {**form, "body": "a third telling"})
    assert different.status_code == 409  # anything else from the old base is still refused


def test_journal_stale_edit_identical_to_the_stored_version_is_that_save(make_user: Any) -> None:
    # the API's retry after a lost answer is the same case: 200 with the stored version, not 409
    alice = make_user()
    view = journal.create_entry(alice, _dream("first telling"))
    first = journal.update_entry(alice, view.id, _dream("second telling"), base_revision=1)
    again = journal.update_entry(alice, view.id, _dream("second telling"), base_revision=1)
    assert (again.revision, again.body, again.updated_at) == (2, "second telling", first.updated_at)
    with pytest.raises(StaleEdit):
        journal.update_entry(alice, view.id, _dream("second telling, changed"), base_revision=1)
