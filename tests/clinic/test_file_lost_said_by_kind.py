"""Every page that gives back a write form without its file says the one sentence the write page says, chosen by
the entry's kind (``drafts.file_lost``): "attach it again" for an art or music entry, what to do instead for a kind
that takes no file (a dream, where attaching it again would be refused again). The sign-in page after the session
ended, the words shown back after it, and the refused-form (CSRF) page (h156)."""

from __future__ import annotations

import html
import uuid
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from reverie.clinic.models import Entry
from reverie.clinic.web import drafts

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"
WORDS = "Words typed over a long while, kept whatever happens"
PNG = b"\x89PNG\r\n\x1a\n" + b"a drawing"
DREAM_WORDS = drafts.file_lost("dream")


def _picture() -> SimpleUploadedFile:
    return SimpleUploadedFile("sea.png", PNG, content_type="image/png")


def _page(response: Any) -> str:
    return html.unescape(response.content.decode())


def _expired_post(make_user: Any, name: str, kind: str) -> tuple[Client, Any]:
    make_user(name)
    web = Client()
    web.post("/login/", {"username": name, "password": PASSWORD})
    session = web.session
    session["last_seen"] = 0
    session.save()
    sent = {"kind": kind, "body": WORDS, "entry_id": str(uuid.uuid4()), "attachment": _picture()}
    return web, web.post("/write/", sent)


def test_the_sentence_for_a_dream_is_not_attach_it_again() -> None:
    assert DREAM_WORDS != drafts.FILE_LOST and "not a dream" in DREAM_WORDS
    assert drafts.file_lost("art") == drafts.FILE_LOST


@pytest.mark.parametrize(("kind", "said"), [("dream", DREAM_WORDS), ("art", drafts.FILE_LOST)])
def test_the_sign_in_page_and_the_words_shown_back_say_the_kinds_sentence(
    make_user: Any, kind: str, said: str
) -> None:
    web, expired = _expired_post(make_user, f"lost-{kind}", kind)
    page = _page(expired)
    # the writer is known (the session ran out on them): the words travel sealed for them (h194, r135 fault 5)
    assert WORDS not in page and said in page
    assert "attach it again after signing in" not in page  # the old fixed sentence, whatever the kind
    back = web.post(
        "/login/", {"username": f"lost-{kind}", "password": PASSWORD, **dict(expired.context["draft"])}
    )
    shown = _page(back)
    assert back.status_code == 200 and WORDS in shown and said in shown
    if kind == "dream":
        assert drafts.FILE_LOST not in page and drafts.FILE_LOST not in shown
    assert not Entry.objects.exists()


@pytest.mark.parametrize(("kind", "said"), [("dream", DREAM_WORDS), ("art", drafts.FILE_LOST)])
def test_the_refused_form_page_says_the_kinds_sentence(make_user: Any, kind: str, said: str) -> None:
    web = Client(enforce_csrf_checks=True)
    web.force_login(make_user())
    refused = web.post(
        "/write/", {"kind": kind, "body": WORDS, "entry_id": str(uuid.uuid4()), "attachment": _picture()}
    )
    page = _page(refused)
    assert refused.status_code == 403 and WORDS in page and said in page
    assert "An attached file cannot be carried over" not in page
    if kind == "dream":
        assert drafts.FILE_LOST not in page
    without = _page(web.post("/write/", {"kind": kind, "body": WORDS, "entry_id": str(uuid.uuid4())}))
    assert said not in without  # no file sent: none spoken of
