"""Review r73: accounts and sessions as a client on a phone and a clinic admin see them."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from reverie.clinic.models import Entry
from reverie.clinic.services import passwords
from web_client import form_fields

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"  # tests/conftest.py's make_user
WORDS = "Written at two in the morning, slowly, over a long while"


def _inputs(page: str) -> dict[str, str]:
    """Each named <input> of the page, by name: its whole tag."""
    tags = re.findall(r"<input\b[^>]*>", page)
    return {m.group(1): tag for tag in tags if (m := re.search(r'\bname="([^"]+)"', tag))}


def test_sign_in_fields_tell_the_password_manager_what_they_are(make_user: Any) -> None:
    """On the phone, the sign-in page's fields carry no ``autocomplete``: the password manager (and the browser's
    own) must guess which field is the user name and which the password, and on the sign-up page it is never told
    that a new password is wanted, so it offers no strong password and may fill the old one. The change-password
    page already says ``current-password``/``new-password``. They should say ``autocomplete="username"`` and
    ``autocomplete="current-password"`` (sign-in), ``username`` and ``new-password`` (sign-up)."""
    make_user("r73-someone")  # the public sign-up is open once an account exists
    login = _inputs(Client().get("/login/").content.decode())
    signup = _inputs(Client().get("/signup/").content.decode())
    assert 'autocomplete="username"' in login["username"], login["username"]
    assert 'autocomplete="current-password"' in login["password"], login["password"]
    assert 'autocomplete="username"' in signup["username"], signup["username"]
    assert 'autocomplete="new-password"' in signup["password"], signup["password"]


def test_words_kept_through_a_sign_in_after_an_operator_reset_are_saved_by_the_press(make_user: Any) -> None:
    """A client writes a long entry on /write/. Meanwhile the operator resets their password (they had asked for
    it: they could not sign in on their laptop), which ends this session too. They press Save: the sign-in page
    keeps the words; they sign in with the one-time password and get "Not saved yet — your text is here" with
    **Save it now**. They press it and land on "Change your password": the entry was never saved and the words
    are gone from every page. The press should save the words (or the words should come back after the
    password change), as docs/usage.md promises for anyone signed out while writing."""
    cleo = make_user("r73-cleo")
    web = Client()
    assert web.post("/login/", {"username": "r73-cleo", "password": PASSWORD}).status_code == 302
    form = form_fields(web.get("/write/").content.decode())
    one_time = passwords.reset_password("r73-cleo")  # the operator, from the command line

    form.update(kind="journal", body=WORDS)
    signed_out = web.post("/write/", form)
    # kept in the sign-in page, sealed for its writer (review r135 fault 5)
    assert signed_out.status_code == 401 and b'name="draft__sealed"' in signed_out.content
    carried = {**dict(signed_out.context["draft"]), "username": "r73-cleo", "password": one_time}
    back = web.post("/login/", carried)
    assert back.status_code == 200 and b"Save it now" in back.content
    pressed = web.post(
        back.context["action"], {**dict(back.context["hidden"]), "body": WORDS, "kind": "journal"}
    )
    saved = Entry.objects.filter(client=cleo).exists()
    assert saved or WORDS.encode() in pressed.content, (
        f"'Save it now' answered {pressed.status_code} to {pressed.get('Location')}: nothing saved, words gone"
    )
