"""Review r102 of h110: "Save it now" lists the feelings it will save as the save reads them
(``forms.feelings_from_post``). Since review r126 the tick box alone says a feeling is there: a strength chosen
without its box ticked is neither saved nor listed."""

from __future__ import annotations

import html
from typing import Any

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.http import QueryDict
from django.test import RequestFactory

from reverie.clinic.web import drafts
from reverie.clinic.web.forms import feelings_from_post

pytestmark = pytest.mark.django_db


def test_save_it_now_lists_the_feelings_the_press_saves(make_user: Any) -> None:
    """On the write page a client ticks "fear" at 4 and "joy" with no strength, and leaves a "4" beside "grief"
    whose box they left unticked (a browser without JavaScript); their session ends; after signing in "Save it
    now" lists what one press saves: fear 4 and joy 3, not grief."""
    fields = [
        ("kind", "dream"),
        ("body", "The house with one more room."),
        ("feel_fear", "1"),
        ("int_fear", "4"),
        ("int_grief", "4"),
        ("feel_joy", "1"),
    ]
    post = QueryDict(mutable=True)
    for name, value in fields:
        post[name] = value
    saved = {f.name: f.intensity for f in feelings_from_post(post, "")}
    assert saved == {"fear": 4, "joy": 3}  # what one press of "Save it now" saves
    request = RequestFactory().get("/")
    request.user = make_user()
    request.session = SessionStore()
    draft = drafts.Carried("/write/", request.user.pk, False, False, fields)
    page = html.unescape(
        drafts.shown_back(request, draft, message=drafts.UNKNOWN, can_save=True).content.decode()
    )
    assert drafts.SAVED_AS_CHOSEN in page
    listed = page[page.find('<dl class="chosen">') :].split("</dl>")[0]
    assert "fear 4 of 5" in listed and "joy (no strength chosen: 3 of 5)" in listed, listed
    assert "grief" not in listed, listed


def test_save_it_now_for_an_edit_does_not_say_to_edit_it_once_saved(make_user: Any) -> None:
    """Review r132 (h182): the session ended while the person was editing an entry already saved. "Save it now" said
    under its kind "Saved as chosen; to change them, edit the entry once it is saved." — wrong for an entry that is
    saved and whose kind can never change. For an edit it says the kind stays as it was saved; a new entry keeps the
    sentence (above)."""
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft

    user = make_user()
    view = journal.create_entry(user, EntryDraft(kind="dream", body="The house with one more room."))
    fields = [("kind", "dream"), ("base_revision", "1"), ("body", "The house had two more rooms.")]
    fields += [("feel_fear", "1"), ("int_fear", "4")]
    request = RequestFactory().get("/")
    request.user = user
    request.session = SessionStore()
    draft = drafts.Carried(f"/journal/{view.id}/edit/", user.pk, False, False, fields)
    page = html.unescape(
        drafts.shown_back(request, draft, message=drafts.UNKNOWN, can_save=True).content.decode()
    )
    listed = page[page.find('<dl class="chosen">') :].split("</dl>")[0]
    assert "fear 4 of 5" in listed, listed
    assert drafts.SAVED_AS_CHOSEN not in page and "edit the entry once it is saved" not in page
    assert "An entry keeps the kind it was first saved as." in page


def test_a_refused_edit_form_does_not_say_to_edit_it_once_saved(make_user: Any) -> None:
    """The same for the refused form's "Save again" (``csrf_failed.html``, which shares the line, h132): an edit
    says the kind stays; a new entry keeps "Saved as chosen …"."""
    from django.test import Client

    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft

    user = make_user()
    view = journal.create_entry(user, EntryDraft(kind="dream", body="The house with one more room."))
    web = Client(enforce_csrf_checks=True)
    web.force_login(user)
    form = {
        "kind": "dream",
        "base_revision": "1",
        "body": "Two more rooms.",
        "feel_fear": "1",
        "int_fear": "4",
    }
    edit = html.unescape(web.post(f"/journal/{view.id}/edit/", form).content.decode())
    assert "fear 4 of 5" in edit
    assert drafts.SAVED_AS_CHOSEN not in edit and "An entry keeps the kind it was first saved as." in edit
    new = html.unescape(web.post("/write/", {**form, "base_revision": ""}).content.decode())
    assert drafts.SAVED_AS_CHOSEN in new


def test_the_refused_form_page_names_another_tab_s_sign_in_and_never_says_saved(make_user: Any) -> None:
    """Review r135 fault 7: the refused-form page (headed "Not saved yet") gave no reason matching a sign-out and
    sign-in in another tab, the usual cause, and said "Saved as chosen" under the kind. It names that reason, and
    says what will be saved when the button is pressed."""
    from django.test import Client

    user = make_user()
    web = Client(enforce_csrf_checks=True)
    web.force_login(user)
    page = html.unescape(
        web.post("/write/", {"kind": "dream", "body": "Two more rooms.", "feel_fear": "1"}).content.decode()
    )
    assert "Not saved yet" in page
    assert "signed out and in again in another tab" in " ".join(page.split())
    assert "Saved as chosen" not in page
    assert "These are saved with your words when you press the button" in page
