"""h99: the "Save it now" page (words carried through a sign-out, shown back after the sign-in) named many fields by
their raw names (``item9``, ``ipaf_self``, ``note``…): drafts kept a second map of labels that lacked them. It now
names each field by the label its own form shows, declared once by the kept view (``keeps_text(labels=...)``)."""

from __future__ import annotations

import html
from typing import Any

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from reverie.clinic.web import drafts

pytestmark = pytest.mark.django_db


def _shown(user: Any, path: str, fields: list[tuple[str, str]]) -> str:
    request = RequestFactory().get("/")
    request.user = user
    request.session = SessionStore()
    draft = drafts.Carried(path, user.pk, False, False, fields)
    page = drafts.shown_back(request, draft, message=drafts.UNKNOWN, can_save=True)
    return html.unescape(page.content.decode())


@pytest.mark.parametrize(
    ("path", "fields", "label"),
    [
        (
            "/measures/fill/phq9/",
            [("item9", "2"), ("session", "1")],
            "9. Thoughts that you would be better off",
        ),
        ("/measures/fill/gad7/", [("item1", "1")], "1. Feeling nervous, anxious"),
        ("/alerts/7/acknowledge/", [("shown", "x"), ("note", "Seen, will call")], "Note (optional, kept"),
        ("/courses/1/formulation/", [("ipaf_self", "Harsh with herself")], "How the person sees themselves"),
        ("/safety/plan/", [("trusted_contacts_name", "Sam")], "People I can ask for help: name"),
        ("/courses/new/", [("rrule", "FREQ=WEEKLY"), ("time_3", "18:30")], "Time on Thursday"),
        ("/directory/profile/", [("fee_min", "60")], "Lowest fee per session"),
    ],
    ids=[
        "phq9-item",
        "gad7-item",
        "alert-note",
        "formulation",
        "safety-contact",
        "course-day-time",
        "profile",
    ],
)
def test_save_it_now_names_each_field_as_its_form_does(
    make_user: Any, path: str, fields: list[tuple[str, str]], label: str
) -> None:
    page = _shown(make_user(), path, fields)
    assert label in page, page
    shown = [name for name, value in fields if not drafts.HIDDEN.match(name)]
    for name in shown:
        assert f">{name}<" not in page and f">{name.replace('_', ' ')}<" not in page, name
