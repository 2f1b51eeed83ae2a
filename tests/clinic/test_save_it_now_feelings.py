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
    assert "Saved as chosen" in page
    listed = page[page.find('<dl class="chosen">') :].split("</dl>")[0]
    assert "fear 4 of 5" in listed and "joy (no strength chosen: 3 of 5)" in listed, listed
    assert "grief" not in listed, listed
