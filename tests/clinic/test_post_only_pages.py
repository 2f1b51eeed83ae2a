"""Opening a button's target from the address bar gives a plain page or a redirect, never an empty 405 (qa34 point 9)."""

from __future__ import annotations

from typing import Any

from django.test import Client


def test_post_only_logout_opened_directly_offers_the_button_and_keeps_you_signed_in(
    make_user: Any, web_as: Any
) -> None:
    web = web_as(make_user())
    page = web.get("/logout/")
    assert page.status_code == 200 and "Log out of Reverie?" in page.content.decode()
    assert web.get("/journal/").status_code == 200  # still signed in
    assert web.post("/logout/").status_code == 302 and web.get("/journal/").status_code == 302


def test_post_only_logout_and_code_when_signed_out_go_to_the_sign_in(db: Any) -> None:
    for path in ("/logout/", "/login/code/"):
        answer = Client().get(path)
        assert answer.status_code == 302 and answer["Location"] == "/login/"


def test_post_only_code_page_halfway_through_sign_in_shows_the_code_form(db: Any) -> None:
    web = Client()
    session = web.session
    session["pending_user"] = 1
    session.save()
    page = web.get("/login/code/")
    assert page.status_code == 200 and 'name="code"' in page.content.decode()


def test_post_only_other_buttons_opened_directly_say_so_in_words(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    answer = web.get("/journal/00000000-0000-0000-0000-000000000000/trash/")
    assert answer.status_code == 405 and "cannot be opened directly" in answer.content.decode()
    assert answer["Allow"] == "POST"


def test_post_only_api_keeps_its_own_answer(make_user: Any) -> None:
    answer = Client().get("/api/v1/")
    assert "cannot be opened directly" not in answer.content.decode()
