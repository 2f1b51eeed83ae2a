"""Review r132 (fault 12, h182): after saving a new entry nothing said it was saved.

Reverie flashes no message (docs/ARCHITECTURE.md: nothing waits in the session for the next page), so the save's
redirect carries the news itself, in a two-minute cookie sent only to that entry's page (``views.saved_redirect``):
the page it lands on says plainly "Saved." at its top, right after the save and only then: not when it is opened
again (reloaded, or from the journal), not after an edit, not on another entry's page."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from reverie.clinic.models import Entry

pytestmark = pytest.mark.django_db

SAVED = "Saved. It is in your journal."


def test_the_page_a_new_entry_lands_on_says_it_was_saved(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    answer = web.post("/write/", {"kind": "free_association", "body": "A walk by the canal."}, follow=True)
    page = answer.content.decode()
    assert SAVED in page
    assert page.index(SAVED) < page.index("A walk by the canal.")  # at the top, before the words
    again = web.get(answer.redirect_chain[-1][0]).content.decode()  # reloaded: said once
    assert SAVED not in again and "A walk by the canal." in again


def test_another_entry_opened_right_after_says_nothing_of_saving(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    web.post("/write/", {"kind": "free_association", "body": "An older entry."})
    older = Entry.objects.get()
    web.get(f"/journal/{older.id}/")
    web.post("/write/", {"kind": "free_association", "body": "A walk by the canal."})  # not followed
    assert SAVED not in web.get(f"/journal/{older.id}/").content.decode()


def test_a_double_tap_lands_on_the_saved_entry_with_the_line(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    form = {"kind": "free_association", "body": "Twice tapped.", "entry_id": str(uuid.uuid4())}
    web.post("/write/", form)
    again = web.post("/write/", form, follow=True)
    assert Entry.objects.count() == 1
    assert SAVED in again.content.decode()


def test_an_edit_gets_no_saved_line(make_user: Any, web_as: Any) -> None:
    client = make_user()
    web = web_as(client)
    web.post("/write/", {"kind": "free_association", "body": "First words."})
    entry = Entry.objects.get()
    form = {"kind": "free_association", "base_revision": "1", "body": "Second words."}
    edited = web.post(f"/journal/{entry.id}/edit/", form, follow=True)
    assert edited.redirect_chain and "Second words." in edited.content.decode()
    assert SAVED not in edited.content.decode()
    assert SAVED not in web.get(f"/journal/{entry.id}/").content.decode()
