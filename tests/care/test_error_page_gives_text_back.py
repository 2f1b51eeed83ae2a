"""An error on any form post gives the typed words back (review r11, left by f1: a database failure on a therapist's
note, formulation or safety plan showed the generic page without the text; authenticated pages are no-store, so Back
fetched an empty form and the note was gone). The error page itself now shows what was posted, escaped, for copying;
passwords are never echoed and nothing is logged."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest
from django.db import OperationalError

from reverie.care.models import ProgressNote
from reverie.care.services import notes
from web_client import signed_in

pytestmark = pytest.mark.django_db


def _mark(web: Any, path: str) -> str:
    """The page's writer mark, as a browser posts it (the error page shows a therapist's words to their writer)."""
    found = re.search(rb'name="writer" value="([^"]+)"', web.get(path).content)
    assert found is not None
    return found.group(1).decode()


NOTE = "She said <b>the house</b> felt like her father's again & she could not breathe"


def test_a_database_failure_on_a_progress_note_shows_the_note_back(
    dit: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    _, therapist, course = dit

    def locked(*args: Any, **kwargs: Any) -> Any:
        raise OperationalError("database is locked")

    monkeypatch.setattr(notes, "write_progress_note", locked)
    web = signed_in(therapist)
    path = f"/courses/{course.id}/sessions/1/"
    mark = _mark(web, path)
    with caplog.at_level(logging.DEBUG):
        response = web.post(
            path,
            {
                "action": "progress",
                "text": NOTE,
                "base_version": "0",
                "password": "hunter2 secret",
                "writer": mark,
            },
        )
    page = response.content.decode()
    assert response.status_code == 503 and "could not reach its database" in page
    assert (
        "She said &lt;b&gt;the house&lt;/b&gt; felt like her father&#x27;s again &amp; she could not breathe"
        in page
    )
    assert "hunter2" not in page and "the house" not in caplog.text
    assert response["Cache-Control"] == "no-store" and ProgressNote.objects.count() == 0


def test_an_unexpected_failure_on_a_form_still_shows_the_text_back(
    dit: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, therapist, course = dit

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(notes, "write_progress_note", broken)
    web = signed_in(therapist)
    path = f"/courses/{course.id}/sessions/1/"
    response = web.post(
        path, {"action": "progress", "text": NOTE, "base_version": "0", "writer": _mark(web, path)}
    )
    assert (
        response.status_code == 500
        and b"What you typed" in response.content
        and b"could not breathe" in response.content
    )


def test_a_get_or_a_signed_out_post_shows_nothing_back(client: Any) -> None:
    response = client.post("/login/", {"username": "nobody", "password": "x", "body": "words"})
    assert b"What you typed" not in response.content
