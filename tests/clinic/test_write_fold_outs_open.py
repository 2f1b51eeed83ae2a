"""Review r132: the write page's fold-outs ("Mindful choice: the situation, the urge, the choice" and "Title, people,
tags, an image or a recording") open by themselves when they hold the entry's words or what its kind needs.

Before, editing a mindful choice showed an empty "Write whatever comes to mind" box with the situation, the urge and
the choice inside a closed fold-out (at night on a phone: "my words are gone"), and a refused new entry gave back the
parts, the title, the people and the tags typed inside closed fold-outs."""

from __future__ import annotations

import re
from typing import Any

import pytest

from reverie.clinic.models import Entry

pytestmark = pytest.mark.django_db

PARTS = {
    "situation": "My sister texted asking why I hadn't called Mum.",
    "urge": "To send an angry reply.",
    "choice": "I waited an hour and wrote back kindly.",
}


def _details(html: str, name: str) -> str:
    found = re.search(rf'<details class="{name}"[^>]*>', html)
    assert found is not None, f"no <details class={name}> on the page"
    return found.group(0)


def _is_open(tag: str) -> bool:
    return re.search(r"\sopen(?=[\s>])", tag) is not None


def test_editing_a_mindful_choice_shows_its_three_parts(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    assert web.post("/write/", {"kind": "mindful_choice", "body": "", **PARTS}).status_code == 302
    entry = Entry.objects.get()
    html = web.get(f"/journal/{entry.id}/edit/").content.decode()
    assert _is_open(_details(html, "mindful")), _details(html, "mindful")


def test_editing_another_kind_keeps_the_mindful_parts_folded(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    assert web.post("/write/", {"kind": "dream", "body": "I was flying over the sea."}).status_code == 302
    entry = Entry.objects.get()
    html = web.get(f"/journal/{entry.id}/edit/").content.decode()
    assert not _is_open(_details(html, "mindful"))


def test_a_refused_new_entry_opens_the_fold_outs_that_hold_what_was_typed(
    make_user: Any, web_as: Any
) -> None:
    web = web_as(make_user())
    refused = web.post(
        "/write/",
        {
            "kind": "mindful_choice",
            "body": "",
            **PARTS,
            "title": "Staying calm",
            "other_feelings": "dread 9",
        },
    )
    assert refused.status_code == 400, refused.status_code
    html = refused.content.decode()
    assert Entry.objects.count() == 0
    assert _is_open(_details(html, "mindful"))
    assert _is_open(_details(html, "more"))
    assert "Your text is still here." in html  # the three parts are the text of a mindful choice


def test_a_new_page_opens_what_its_kind_needs(make_user: Any, web_as: Any) -> None:
    """``/write/?kind=art`` (and music) opens the fold-out with the picture or recording box; a mindful choice its
    parts; a free association neither."""
    web = web_as(make_user())
    art = web.get("/write/?kind=art").content.decode()
    assert _is_open(_details(art, "more")) and not _is_open(_details(art, "mindful"))
    mindful = web.get("/write/?kind=mindful_choice").content.decode()
    assert _is_open(_details(mindful, "mindful")) and not _is_open(_details(mindful, "more"))
    plain = web.get("/write/").content.decode()
    assert not _is_open(_details(plain, "mindful")) and not _is_open(_details(plain, "more"))
