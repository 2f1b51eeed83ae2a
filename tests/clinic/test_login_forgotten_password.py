"""Review r132: a person who cannot remember their password is told what to do. Before, "Wrong user name or
password." and "Too many attempts. Wait 15 minutes and try again." were all the sign-in page said: nothing of the
one-time password whoever runs Reverie can give (``reverie user reset-password``), which keeps the journal and lifts
the wait."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

HINT = "Forgot your password?"


def test_a_wrong_password_says_what_to_do_if_it_is_forgotten(make_user: Any) -> None:
    make_user("nora")
    web = Client()
    assert HINT not in web.get("/login/").content.decode()  # the plain page stays short
    page = web.post("/login/", {"username": "nora", "password": "not my password"}).content.decode()
    assert "Wrong user name or password." in page
    assert HINT in page and "reverie user reset-password nora" in page
    assert "Your journal is kept" in page


def test_the_lockout_says_it_too(make_user: Any) -> None:
    make_user("nora")
    web = Client()
    page = ""
    for attempt in range(8):
        page = web.post("/login/", {"username": "nora", "password": f"guess {attempt}"}).content.decode()
    assert "Too many attempts" in page and HINT in page
