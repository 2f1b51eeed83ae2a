"""Review r136 finding 2, the part left: a signed-in person pressed Save while the database was out of reach (the
session is read from it before any view runs, so who is signed in cannot be read). They got the busy 503 "not
saved", but their words were gone: signed-in pages are ``no-store``, so Back gives an empty form. The 503 page now
carries the words sealed for the form's own writer mark (checked with SECRET_KEY alone, no database), never
readable in the page, and "Try again" posts them to the sign-in once the database answers: their writer gets them
back to save by one press; another account on the same browser (a shared phone) gets "kept for someone else".

Real Django test client with the CSRF check on, the database made unreachable for real (no mocks), as
``test_public_pages_resilience.py`` does; on SQLite and (``db`` marker, ``scripts/test``) PostgreSQL."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from django.db import connections
from django.test import Client

from database_down import take_down
from web_client import form_fields

WORDS = "CANARY-H201-DOWN the dream of the flooded kitchen"


def _browser(user: Any) -> Client:
    """A browser signed in for real, the CSRF check on as in a browser (the cookie and the form's token)."""
    web = Client(enforce_csrf_checks=True, raise_request_exception=False)
    web.force_login(user)
    session = web.session
    session["otp"] = True
    session.save()
    return web


def _back_up() -> None:
    for conn in connections.all():
        conn.close()


def _saved_while_down(
    web: Client, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, **changes: str
) -> tuple[Any, dict[str, str]]:
    """The write page opened while the database works, then Save pressed while it is out of reach: the answer,
    and the fields the browser sent."""
    fields = form_fields(web.get("/write/").content.decode())
    fields.update(kind="dream", body=WORDS, title="CANARY-H201-TITLE", **changes)
    with monkeypatch.context() as down:
        take_down(down, tmp_path)
        page = web.post("/write/", fields)
    _back_up()
    return page, fields


def _try_again(web: Client, page: Any) -> Any:
    """The 503 page's one form ("Try again"), posted as a browser would."""
    text = page.content.decode()
    assert 'action="/login/"' in text
    return web.post("/login/", form_fields(text))


@pytest.mark.django_db(transaction=True)
def test_words_saved_while_the_database_is_down_come_back_to_their_writer(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    web = _browser(make_user("dana"))
    page, _ = _saved_while_down(web, monkeypatch, tmp_path)
    text = page.content.decode()
    assert page.status_code == 503, page.status_code
    assert page["Retry-After"] and page["Cache-Control"] == "no-store"
    assert "not saved" in text and "kept sealed in this page" in text and 'name="draft__sealed"' in text
    assert "CANARY-H201" not in text  # sealed: nothing of the words readable in the page
    assert "CANARY-H201" not in caplog.text
    # the database answers again: the same browser, still signed in, presses Try again
    back = _try_again(web, page)
    shown = back.content.decode()
    assert back.status_code == 200, back.status_code
    assert WORDS in shown and "Save it now" in shown
    assert "Reverie answers again" in shown and "signed in again" not in shown  # they never signed out
    saved = web.post("/write/", form_fields(shown))  # one press
    assert saved.status_code == 302, saved.status_code
    assert WORDS in web.get(saved["Location"]).content.decode()


@pytest.mark.django_db(transaction=True)
def test_after_the_session_ended_the_writer_signs_in_and_gets_them(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    make_user("dana")
    web = _browser(make_user("eli"))
    page, _ = _saved_while_down(web, monkeypatch, tmp_path)
    assert page.status_code == 503
    web.cookies.pop("sessionid")  # the session ended while the database was down
    sign_in = _try_again(web, page)
    text = sign_in.content.decode()
    assert sign_in.status_code == 401 and 'name="draft__sealed"' in text and "CANARY-H201" not in text
    fields = form_fields(text)
    fields.update(username="eli", password="a long test password")
    back = web.post("/login/", fields)
    assert back.status_code == 200, back.status_code
    assert WORDS in back.content.decode()


@pytest.mark.django_db(transaction=True)
def test_another_account_on_the_same_browser_gets_kept_for_someone_else(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    web = _browser(make_user("dana"))
    page, _ = _saved_while_down(web, monkeypatch, tmp_path)
    assert page.status_code == 503
    web.force_login(make_user("fox"))  # a shared phone: someone else signs in once the database is back
    other = _try_again(web, page)
    text = other.content.decode()
    assert other.status_code == 409, other.status_code
    assert "kept for them" in text and "CANARY-H201" not in text


@pytest.mark.django_db(transaction=True)
def test_without_a_writer_mark_the_page_says_they_could_not_be_kept(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    web = _browser(make_user("dana"))
    page, _ = _saved_while_down(web, monkeypatch, tmp_path, writer="")
    text = page.content.decode()
    assert page.status_code == 503 and page["Retry-After"]
    assert "could not be kept" in text and "draft__" not in text and "CANARY-H201" not in text


@pytest.mark.django_db(transaction=True)
def test_a_post_from_another_site_is_not_kept(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    web = _browser(make_user("dana"))
    page, _ = _saved_while_down(web, monkeypatch, tmp_path, csrfmiddlewaretoken="x" * 64)
    text = page.content.decode()
    assert page.status_code == 503
    assert "could not be kept" in text and "draft__" not in text and "CANARY-H201" not in text


@pytest.mark.django_db(transaction=True)
def test_a_therapists_letter_comes_back_to_them_only(
    dit: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    client, therapist, course = dit
    letter = f"/courses/{course.id}/letter/"
    web = _browser(therapist)
    fields = form_fields(web.get(letter).content.decode())
    fields.update(text=WORDS, action="write")  # the button pressed: "Save the letter"
    with monkeypatch.context() as down:
        take_down(down, tmp_path)
        page = web.post(letter, fields)
    _back_up()
    assert page.status_code == 503 and "CANARY-H201" not in page.content.decode()
    stranger = _browser(client)  # the client, on the therapist's computer: nothing of the letter
    stranger.cookies["csrftoken"] = web.cookies["csrftoken"].value
    refused = _try_again(stranger, page)
    assert refused.status_code == 409 and "CANARY-H201" not in refused.content.decode()
    back = _try_again(web, page)
    shown = back.content.decode()
    assert back.status_code == 200 and WORDS in shown and "Save it now" in shown
    saved = web.post(letter, form_fields(shown))
    assert saved.status_code in (200, 302), saved.status_code
    assert WORDS in web.get(letter).content.decode()


@pytest.mark.django_db(transaction=True)
def test_try_again_pressed_while_still_down_keeps_them_sealed(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    web = _browser(make_user("dana"))
    page, _ = _saved_while_down(web, monkeypatch, tmp_path)
    with monkeypatch.context() as down:
        take_down(down, tmp_path)
        again = _try_again(web, page)  # pressed too soon
        forged = form_fields(page.content.decode())
        forged["draft_body"] = "CANARY-H201-FORGED"  # words in the clear beside the seal: nothing echoed
        echoed = web.post("/login/", forged)
    _back_up()
    text = again.content.decode()
    assert again.status_code == 503 and again["Retry-After"]
    assert 'name="draft__sealed"' in text and "CANARY-H201" not in text
    assert echoed.status_code == 503 and "CANARY-H201" not in echoed.content.decode()
    assert "draft__sealed" not in echoed.content.decode()
    back = _try_again(web, again)
    assert back.status_code == 200 and WORDS in back.content.decode()


@pytest.mark.django_db(transaction=True)
def test_an_answer_asking_for_help_gets_the_crisis_lines_with_the_503(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    web = _browser(make_user("dana"))
    fields = form_fields(web.get("/write/").content.decode())
    sent = {"csrfmiddlewaretoken": fields["csrfmiddlewaretoken"], "writer": fields["writer"]}
    with monkeypatch.context() as down:
        take_down(down, tmp_path)
        page = web.post("/check-in/", {**sent, "answer": "need_help"})
    _back_up()
    text = page.content.decode()
    assert page.status_code == 503 and 'name="draft__sealed"' in text and 'name="draft__urgent"' in text
    assert "Crisis lines" in text and 'href="tel:' in text


@pytest.mark.django_db(transaction=True)
def test_the_sign_in_page_carrying_them_pressed_while_down_keeps_them(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The session ended while writing (the sign-in page carries the words sealed), then the database is down at
    the sign-in's press: the view fails, and the 503 carries them on instead of losing them."""
    web = _browser(make_user("gus"))
    fields = form_fields(web.get("/write/").content.decode())
    web.cookies.pop("sessionid")
    sign_in = web.post("/write/", {**fields, "kind": "dream", "body": WORDS})
    assert sign_in.status_code == 401 and 'name="draft__sealed"' in sign_in.content.decode()
    fields = {**form_fields(sign_in.content.decode()), "username": "gus", "password": "a long test password"}
    with monkeypatch.context() as down:
        take_down(down, tmp_path)
        page = web.post("/login/", fields)
    _back_up()
    text = page.content.decode()
    assert page.status_code == 503 and 'name="draft__sealed"' in text and "CANARY-H201" not in text
    again = _try_again(web, page)
    assert again.status_code == 401 and 'name="draft__sealed"' in again.content.decode()
    back = web.post(
        "/login/",
        {**form_fields(again.content.decode()), "username": "gus", "password": "a long test password"},
    )
    assert back.status_code == 200 and WORDS in back.content.decode()
