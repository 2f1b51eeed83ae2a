"""Review r102 of h110: "Save it now" lists the feelings it will save from the ticked boxes only, but the save counts
a strength chosen without ticking the box as ticked (``forms.feelings_from_post``: "choosing how strong a feeling is
says it is there"), so a feeling the press will save is missing from the list the page says it saves."""

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


def test_save_it_now_lists_a_feeling_given_a_strength_without_its_box_ticked(make_user: Any) -> None:
    """On the write page a client picks "4" beside "fear" without ticking the box (the page's own rule: choosing a
    strength says the feeling is there) and ticks "joy"; their session ends; after signing in "Save it now" shows
    "Feelings: joy (no strength chosen: 3 of 5)" and "Saved as chosen" — but the press saves fear 4 as well. They
    should see "fear 4 of 5" in the list of what will be saved."""
    fields = [
        ("kind", "dream"),
        ("body", "The house with one more room."),
        ("int_fear", "4"),
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
    assert "Saved as chosen" in page
    assert "fear 4 of 5" in page, page[page.find('<dl class="chosen">') :][:300]
