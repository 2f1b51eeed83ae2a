"""The pages anyone reaches without an account (the crisis page, the sign-in), tried as a person in trouble (review
r95, h108). The crisis page opens whatever the database does (``clinic/web/no_database.py``); a two-step sign-in
lands where the password step was going. Real Django test client, real database made unreachable for real (no
mocks)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pyotp
import pytest
from django.db import connections
from django.test import Client

from database_down import take_down
from reverie.clinic.services import signin
from web_client import signed_in

PASSWORD = "a long test password"


@pytest.mark.db
def test_crisis_page_opens_with_the_database_down_for_a_signed_in_browser(
    database_down: None,
) -> None:
    """A client who has signed in before (their browser still holds its session cookie) taps "Safety plan & crisis
    lines" at 2 a.m. while the clinic's database is down. They see a 500 "Something went wrong" page whose only help
    is a link back to the same /safety/ address, which fails again. They should see the crisis lines, as a browser
    without the cookie does: the crisis lines come from no database (the page says they are always one tap away).
    """
    stranger = Client(raise_request_exception=False)
    # without a cookie the page works: the crisis lines need no database
    assert stranger.get("/safety/").status_code == 200
    returning = Client(raise_request_exception=False)
    returning.cookies["sessionid"] = "a0b1c2d3e4f5g6h7i8j9k0l1m2n3o4p5"  # any session cookie a browser keeps
    page = returning.get("/safety/")
    assert page.status_code == 200, page.status_code
    assert b"<h1>If you are not safe right now</h1>" in page.content


@pytest.mark.django_db
def test_two_step_sign_in_keeps_where_the_person_was_going(make_user: Any) -> None:
    """A person with two-step sign-in follows a link to /journal/ while signed out: Reverie sends them to
    /login/?next=/journal/. They type their password, then their 6-digit code, and land on the home page instead of
    their journal. Without a second step the same sign-in lands on /journal/; with one it should too (the code form
    drops ?next=, and /login/code/ reads it from its own address)."""
    person = make_user("nina")
    secret = pyotp.random_base32()
    person.totp_secret = signin.seal_secret(person, secret)
    person.save()
    web = Client()
    code_page = web.post("/login/?next=/journal/", {"username": "nina", "password": PASSWORD})
    assert code_page.status_code == 200 and b'action="/login/code/' in code_page.content
    signed_in = web.post("/login/code/", {"code": pyotp.TOTP(secret).now()})
    assert signed_in.status_code == 302
    assert signed_in["Location"] == "/journal/", signed_in["Location"]


UNAVAILABLE = b"Your own safety plan cannot be shown just now"


@pytest.mark.django_db(transaction=True)
def test_a_signed_in_client_whose_database_goes_down_still_gets_the_crisis_lines(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Signed in for real while the database worked, then it goes down: every configured middleware and context
    processor runs on /safety/ (GET and HEAD). The crisis lines open, the page says the person's own plan cannot be
    shown, and the browser keeps its session cookie for when the database is back."""
    web = signed_in(make_user("kai"))
    assert web.get("/safety/").status_code == 200
    with monkeypatch.context() as down:
        take_down(down, tmp_path)
        web.raise_request_exception = False
        page = web.get("/safety/")
        head = web.head("/safety/")
    for conn in connections.all():
        conn.close()
    assert page.status_code == 200, page.status_code
    assert b"<h1>If you are not safe right now</h1>" in page.content and UNAVAILABLE in page.content
    assert b'href="tel:' in page.content  # the lines themselves, dialable
    assert "sessionid" not in page.cookies  # not deleted: the person is still signed in once it is back
    assert head.status_code == 200 and head.content == b""
    assert UNAVAILABLE not in web.get("/safety/").content  # back up: the person's own page again


@pytest.mark.db
def test_every_page_marked_as_needing_no_database_opens_without_it(database_down: None) -> None:
    """Each route marked ``needs_no_database`` answers 200 with the database down, to a browser holding a session
    cookie, through the whole configured middleware stack. The crisis page is one of them."""
    from django.urls import URLPattern, URLResolver, get_resolver

    from reverie.clinic.web.no_database import is_marked

    def walk(patterns: list[Any], prefix: str) -> Iterator[str]:
        for item in patterns:
            if isinstance(item, URLResolver):
                yield from walk(item.url_patterns, prefix + str(item.pattern))
            elif isinstance(item, URLPattern) and is_marked(item.callback) and not item.pattern.converters:
                yield "/" + prefix + str(item.pattern)

    marked = list(walk(get_resolver().url_patterns, ""))
    assert "/safety/" in marked
    browser = Client(raise_request_exception=False)
    browser.cookies["sessionid"] = "a0b1c2d3e4f5g6h7i8j9k0l1m2n3o4p5"
    for path in marked:
        assert browser.get(path).status_code == 200, path


@pytest.mark.parametrize("target", ["/\\evil.example/", "//evil.example/", "https://evil.example/"])
@pytest.mark.django_db
def test_both_sign_in_steps_refuse_another_site_as_next(make_user: Any, target: str) -> None:
    """The one check of ``next`` for both steps: a path on this site only (``/\\host`` is another site to a
    browser)."""
    plain, two_step = make_user(), make_user()
    secret = pyotp.random_base32()
    two_step.totp_secret = signin.seal_secret(two_step, secret)
    two_step.save()
    query = "?" + urlencode({"next": target})
    direct = Client().post("/login/" + query, {"username": plain.username, "password": PASSWORD})
    assert direct.status_code == 302 and direct["Location"] == "/", direct["Location"]
    web = Client()
    web.post("/login/" + query, {"username": two_step.username, "password": PASSWORD})
    coded = web.post("/login/code/", {"code": pyotp.TOTP(secret).now()})
    assert coded.status_code == 302 and coded["Location"] == "/", coded["Location"]
