"""Review r27: an entry's kind never changes after it is saved, so the edit page never offers to change it (moved
from tests/review_r27)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from reverie.clinic.models import Entry

pytestmark = pytest.mark.django_db


def test_the_edit_page_does_not_offer_a_kind_every_save_would_refuse(make_user: Any, web_as: Any) -> None:
    """Editing a dream shows its kind fixed (no select of other kinds that the save then refuses)."""
    web = web_as(make_user())
    assert web.post("/write/", {"kind": "dream", "body": "I was flying over the sea."}).status_code == 302
    entry = Entry.objects.get()
    html = web.get(f"/journal/{entry.id}/edit/").content.decode()
    select = re.search(r'<select name="kind"(?P<attrs>[^>]*)>(?P<options>.*?)</select>', html, re.S)
    if select is not None:  # a select may stay only when it cannot be changed
        offered = re.findall(r'<option value="([^"]+)"', select["options"])
        assert "disabled" in select["attrs"] or offered == ["dream"], offered
    # and what it offers is what a save does: choosing "daydream" there is refused
    refused = web.post(
        f"/journal/{entry.id}/edit/",
        {"kind": "daydream", "body": "I was flying over the sea.", "base_revision": entry.revision},
    )
    assert b"kind cannot change" in refused.content  # the rule itself holds (kept by design)


def test_the_edit_page_shows_the_kind_as_text_and_its_form_saves(make_user: Any, web_as: Any) -> None:
    """The kind is named on the page, and the form as shown (its hidden kind) saves an edit."""
    web = web_as(make_user())
    assert web.post("/write/", {"kind": "dream", "body": "I was flying over the sea."}).status_code == 302
    entry = Entry.objects.get()
    html = web.get(f"/journal/{entry.id}/edit/").content.decode()
    assert re.search(r"Kind of entry: <strong>Dream</strong>", html)
    hidden = re.search(r'<input type="hidden" name="kind" value="([^"]+)"', html)
    assert hidden is not None and hidden[1] == "dream"
    saved = web.post(
        f"/journal/{entry.id}/edit/",
        {"kind": hidden[1], "body": "I was flying over the harbour.", "base_revision": entry.revision},
    )
    assert saved.status_code == 302
