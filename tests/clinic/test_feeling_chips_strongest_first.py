"""r134 fault 9: feelings ticked fear 4, longing 3, anger 2 were shown "longing 3/5 anger 2/5 fear 4/5", in neither the
order ticked (which a form does not tell the server) nor by strength. They are shown strongest first, on the entry
page and in the journal list; equal strengths keep the order they were saved in."""

from __future__ import annotations

import re
from typing import Any

import pytest

from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft, Feeling

pytestmark = pytest.mark.django_db


def _chips(html: str) -> list[str]:
    return re.findall(r'<span class="chip">([^<]+)</span>', html)


def test_feelings_are_shown_strongest_first(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    feelings = (Feeling("longing", 3), Feeling("anger", 2), Feeling("fear", 4), Feeling("joy", 3))
    view = journal.create_entry(alice, EntryDraft(kind="dream", body="The boat again.", feelings=feelings))
    web = web_as(alice)
    assert _chips(web.get(f"/journal/{view.id}/").content.decode()) == [
        "fear 4/5",
        "longing 3/5",
        "joy 3/5",
        "anger 2/5",
    ]
    assert _chips(web.get("/journal/").content.decode()) == ["fear 4", "longing 3", "joy 3", "anger 2"]
