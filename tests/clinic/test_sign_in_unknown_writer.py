"""The sign-in page after a signed-out POST whose writer no one knows (h194's leftover): no idle timeout signed anyone
out on it and the form carried no writer mark. Before, it said "Your session ended while you were writing. Your
text is safe in this page: sign in and it will be saved" whatever was true: of a form sent with nothing typed in
it, and of words that, after signing in, are shown back as "typed on this device" to whoever signs in, never
saved by themselves. Now it says what is true: the text is in the page, not saved, and whose it is no one knows;
or nothing typed came with it and nothing was saved."""

from __future__ import annotations

import html
from typing import Any

import pytest
from django.test import Client

from reverie.clinic.web import drafts

pytestmark = pytest.mark.django_db
PROMISE = "Your text is safe in this page"


def _page(response: Any) -> str:
    return html.unescape(response.content.decode())


def test_words_of_an_unknown_writer_are_said_to_be_here_unsaved_not_safe() -> None:
    response = Client().post("/write/", {"kind": "dream", "body": "UNKNOWN-7 the harbour at night"})
    page = _page(response)
    assert response.status_code == 401
    assert PROMISE not in page and "Your session ended" not in page
    assert drafts.KEPT_UNKNOWN_WRITER in page
    assert 'name="draft_body" value="UNKNOWN-7 the harbour at night"' in page  # really kept, in this page


def test_a_form_sent_with_nothing_typed_is_not_said_to_keep_text() -> None:
    response = Client().post("/write/", {"kind": "dream", "body": "", "title": "  "})
    page = _page(response)
    assert response.status_code == 401
    assert PROMISE not in page and "Your text" not in page
    assert drafts.NOTHING_TYPED in page
    assert ">Log in</button>" in page  # not "Log in and save my entry": there is nothing to save


def test_words_sealed_for_no_known_writer_are_not_promised_back() -> None:
    """A therapist's form (its words always sealed) sent signed out with no mark: sealed for no account, so no one
    can open them after signing in; the page says so instead of "sign in and it will be saved"."""
    draft = [(drafts.PATH, "/courses/1/notes/"), (drafts.SEALED, drafts.seal([("note", "w")], None, "/x/"))]
    said = drafts.login_context(draft)["kept_says"]
    assert said == drafts.SEALED_FOR_NO_ONE and "safe" not in said


def test_words_sealed_for_their_writer_keep_their_sentence(make_user: Any) -> None:
    from web_client import signed_in

    writer = make_user("known-writer")
    web = signed_in(writer)
    mark = drafts.sign_writer(writer.pk)
    web.logout()
    response = web.post("/write/", {"kind": "dream", "body": "words", drafts.WRITER: mark})
    page = _page(response)
    assert response.status_code == 401 and 'name="draft__sealed"' in page
    assert drafts.KEPT_SEALED in page


def test_after_signing_in_words_sealed_for_no_one_are_not_said_to_await_their_writer(make_user: Any) -> None:
    """The page after the sign-in says what the sign-in page said: no account can open them (before, "The person
    who wrote it must sign in to get it back", and a "Sign out so they can sign in" page, for a writer no one knows)."""
    from web_client import signed_in

    reader = make_user("after-sign-in")
    web = signed_in(reader)
    sealed = drafts.seal([("note", "w")], None, "/x/")
    draft = [(drafts.PATH, "/write/"), (drafts.SEALED, sealed)]
    carried = drafts.unpack(draft, reader.pk)
    assert carried.sealed and carried.owner is None
    from django.test import RequestFactory

    from reverie.clinic.web.views import _carry_on

    request = RequestFactory().get("/")
    request.user = reader
    request.session = web.session
    page = _page(_carry_on(request, reader, carried))
    assert drafts.SEALED_FOR_NO_WRITER in page
    assert drafts.WRITER_MUST_SIGN_IN not in page and "Sign out so they can sign in" not in page
