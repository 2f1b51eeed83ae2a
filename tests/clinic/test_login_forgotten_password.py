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
    assert "A reset changes only the password, never what an account holds" in page


def test_the_lockout_says_it_too(make_user: Any) -> None:
    make_user("nora")
    web = Client()
    page = ""
    for attempt in range(8):
        page = web.post("/login/", {"username": "nora", "password": f"guess {attempt}"}).content.decode()
    assert "Too many attempts" in page and HINT in page


def _help(page: str) -> str:
    return page.split(HINT, 1)[1].split("</p>", 1)[0]


def test_after_an_erase_the_help_never_says_a_journal_is_kept_nor_whether_the_name_exists(
    make_user: Any,
) -> None:
    """r134 fault 4: after erasing the account, a failed sign-in said "Your journal is kept" and suggested a reset
    that cannot work. The help is now true whether the account exists, was erased or never was, and the same words
    for each (the name typed aside), so it tells nobody which."""
    from reverie.clinic.models import User
    from reverie.clinic.services import portability

    gone, kept = make_user("lena"), make_user("nora")
    portability.erase_client(User.objects.get(pk=gone.pk), "lena", "a long test password")
    assert kept.pk
    pages = {
        name: Client().post("/login/", {"username": name, "password": "not the password"}).content.decode()
        for name in ("lena", "nora", "nobody-ever")
    }
    for name, page in pages.items():
        assert "Wrong user name or password." in page, name
        assert "journal is kept" not in page and "it and its journal are gone" in page
    helps = {_help(page).replace(name, "NAME") for name, page in pages.items()}
    assert len(helps) == 1, helps
