"""Review r133 fault 3 (second half): under "Linked clients" on the therapist's home the names were plain text, so a
linked client without a course led nowhere. Each name now opens that client's course, or, without one, "Set up a
course" with the client chosen."""

from __future__ import annotations

import html
from typing import Any

import pytest

from web_client import signed_in

pytestmark = pytest.mark.django_db


def _home(therapist: Any) -> str:
    page = signed_in(therapist).get("/")
    assert page.status_code == 200
    return html.unescape(page.content.decode())


def test_a_linked_client_without_a_course_leads_to_set_up_a_course_for_them(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    page = _home(therapist)
    linked = page[page.index("<h2>Linked clients</h2>") :]
    assert f'href="/courses/new/?client={client.username}"' in linked
    assert "no course yet: set one up" in linked
    web = signed_in(therapist)
    form = web.get(f"/courses/new/?client={client.username}").content.decode()
    assert f'<option value="{client.username}" selected>' in form


def test_a_linked_client_with_a_course_leads_to_it(dit: tuple[Any, Any, Any]) -> None:
    _, therapist, course = dit
    linked = _home(therapist).split("<h2>Linked clients</h2>")[1].split("<h2>")[0]
    assert f'href="/courses/{course.id}/"' in linked and "/courses/new/" not in linked


def test_the_set_up_form_chooses_only_among_linked_clients(paired: tuple[Any, Any], make_user: Any) -> None:
    _, therapist = paired
    stranger = make_user(role="client")
    web = signed_in(therapist)
    form = web.get(f"/courses/new/?client={stranger.username}").content.decode()
    assert stranger.username not in form  # a name not linked is neither offered nor echoed
