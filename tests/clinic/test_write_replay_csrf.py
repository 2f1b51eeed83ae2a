"""The browser's failure modes, through Django's test client (issue 11, item 12): a replayed form writes nothing new;
a form refused by the CSRF check gives the text back on a fresh form, escaped, not logged, not stored."""

from __future__ import annotations

import logging
import re
import uuid
from typing import Any

import pytest
from django.test import Client

from reverie.clinic.models import Entry

pytestmark = pytest.mark.django_db
SECRET_TEXT = "my father's <script>alert(1)</script> boat & the sea"


def test_replay_same_text_under_a_fresh_token_writes_nothing_new(make_user: Any, web_as: Any) -> None:
    """Back re-fetches the page (no-store): the browser restores the text, the page carries a new token."""
    web = web_as(make_user())
    fields = {"kind": "dream", "body": "the boat again", "feel_fear": "1", "int_fear": "4"}
    first = web.post("/write/", {**fields, "entry_id": str(uuid.uuid4())})
    again = web.post("/write/", {**fields, "entry_id": str(uuid.uuid4())})
    assert first.status_code == again.status_code == 302 and again["Location"].startswith(first["Location"])
    assert Entry.objects.count() == 1
    other = web.post("/write/", {**fields, "body": "a different night", "entry_id": str(uuid.uuid4())})
    assert other["Location"] != first["Location"] and Entry.objects.count() == 2


def test_replay_after_the_entry_went_to_the_trash_shows_the_trash(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    token = str(uuid.uuid4())
    first = web.post("/write/", {"kind": "reflection", "body": "soon gone", "entry_id": token})
    web.post(first["Location"] + "trash/")
    again = web.post("/write/", {"kind": "reflection", "body": "soon gone", "entry_id": token})
    assert again.status_code == 302 and again["Location"] == "/trash/" and Entry.objects.count() == 1


def _signed_in_without_csrf_cookie(user: Any) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def test_csrf_failure_gives_the_text_back_on_a_fresh_form(make_user: Any, caplog: Any) -> None:
    client = _signed_in_without_csrf_cookie(make_user())
    caplog.set_level(logging.DEBUG)
    token = str(uuid.uuid4())
    response = client.post(
        "/write/",
        {"kind": "dream", "body": SECRET_TEXT, "title": "Boat", "feel_fear": "1", "entry_id": token},
    )
    page = response.content.decode()
    assert response.status_code == 403
    assert "CSRF verification failed" not in page and "Not saved yet" in page
    assert "my father&#x27;s &lt;script&gt;alert(1)&lt;/script&gt; boat &amp; the sea</textarea>" in page
    assert "<script>alert(1)" not in page
    assert 'name="csrfmiddlewaretoken"' in page and response.cookies.get("csrftoken") is not None
    assert f'name="entry_id" value="{token}"' in page and 'name="feel_fear" value="1"' in page
    assert response["Cache-Control"] == "no-store"
    assert Entry.objects.count() == 0
    assert "boat" not in caplog.text and "father" not in caplog.text

    # The fresh form, sent with its new token, saves the entry (once: its token is the original one).
    new_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert new_token is not None
    again = {
        "csrfmiddlewaretoken": new_token.group(1),
        "kind": "dream",
        "body": SECRET_TEXT,
        "entry_id": token,
    }
    saved = client.post("/write/", again)
    assert saved.status_code == 302 and Entry.objects.count() == 1


def test_csrf_failure_never_echoes_passwords(make_user: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/login/", {"username": "dana", "password": "hunter2 is my password"})
    page = response.content.decode()
    assert response.status_code == 403 and "hunter2" not in page and 'value="dana"' in page


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://elsewhere.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_REFERER": "https://elsewhere.example/page"},
    ],
)
def test_csrf_failure_of_a_post_from_another_site_offers_no_button_to_send_it(
    make_user: Any, headers: Any
) -> None:
    """Another site's post (ending a link, emptying the trash) must not become one click on "Save again"."""
    client = _signed_in_without_csrf_cookie(make_user())
    response = client.post("/trash/empty/", {"confirm": "yes", "body": "words"}, **headers)
    page = response.content.decode()
    assert response.status_code == 403 and "another website" in page
    assert 'action="/trash/empty/"' not in page and "Save again" not in page
    assert 'name="confirm"' not in page and "words</textarea>" in page


def test_csrf_failure_of_a_post_from_this_site_still_offers_the_fresh_form(make_user: Any) -> None:
    client = _signed_in_without_csrf_cookie(make_user())
    response = client.post(
        "/write/",
        {"kind": "dream", "body": "the boat"},
        HTTP_ORIGIN="http://testserver",
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    page = response.content.decode()
    assert response.status_code == 403 and 'action="/write/"' in page and "Save again" in page


def test_csrf_failure_gives_back_every_value_of_a_repeated_field(make_user: Any) -> None:
    """The safety plan's contacts are rows of fields with one name each (name, phone): every row comes back."""
    client = _signed_in_without_csrf_cookie(make_user())
    response = client.post(
        "/safety/plan/", {"people_name": ["Ana", "Bo: my brother"], "people_phone": ["0711", "0722"]}
    )
    page = response.content.decode()
    assert all(v in page for v in ("Ana", "Bo: my brother", "0711", "0722"))
