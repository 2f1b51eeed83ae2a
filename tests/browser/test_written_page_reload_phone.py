"""Reload on a page the script wrote, on a 360-px phone in real headless Chromium (h194's leftover).

send_kept.js shows a refused page (400, 401 sign-in, 403, 409) by writing it into the document, and the page keeps the
form's own address. Reload there GETs that address: an empty write form, or the sign-in page without the words it
carried. Before, nothing asked, and the words shown were lost. Now a written page that carries typed words asks before
it is left (beforeunload); signing in on it, or sending its own form, never asks. Nothing is kept on the device."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import PASSWORD, sign_in, signed_in_to_write

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WORDS = "RELOAD-1 the dream of the staircase that went on past the roof"


def _entries(name: str) -> int:
    from reverie.clinic.models import Entry

    return Entry.objects.filter(client__username=name, deleted_at__isnull=True).count()


def _asked(page: Any) -> list[str]:
    asked: list[str] = []

    def answer(dialog: Any) -> None:
        asked.append(dialog.type)
        dialog.dismiss()  # "Stay on this page"

    page.on("dialog", answer)
    return asked


def test_reload_on_a_refused_page_asks_first_and_the_words_stay(phone: Any, make_user: Any) -> None:
    page = phone
    signed_in_to_write(page, make_user, "reloader")
    asked = _asked(page)
    page.fill("#id_body", WORDS)
    page.evaluate("() => { document.querySelector('#id_happened_at').type = 'text'; }")
    page.fill("#id_happened_at", "not a date")
    page.click("form.write button[type=submit]")
    page.locator(".error, .errorlist").first.wait_for()  # the refusal, written into this page by the script
    assert page.input_value("#id_body") == WORDS
    assert page.url.endswith("/write/")  # the form's own address: a Reload there would GET an empty form

    page.evaluate("() => { window.location.reload(); }")
    page.wait_for_timeout(800)
    assert asked == ["beforeunload"]  # asked before the words are lost
    assert page.input_value("#id_body") == WORDS  # stayed: the words are still here
    assert _entries("reloader") == 0

    page.fill("#id_happened_at", "")
    page.click("form.write button[type=submit]")  # the written page's own form: sent, never asked
    page.wait_for_url("**/journal/*/")
    assert asked == ["beforeunload"]
    assert _entries("reloader") == 1


def test_reload_on_the_written_sign_in_page_asks_and_signing_in_there_does_not(
    phone: Any, make_user: Any
) -> None:
    """The session ended while writing: the sign-in page (401) carries the words sealed, at /write/'s address. A
    Reload there would GET /write/ and lose them: asked first. Signing in on it is a form sent: nothing asked."""
    from reverie.clinic.services import journal

    page = phone
    writer = make_user("reload-sign-in")
    sign_in(page, "reload-sign-in")
    asked = _asked(page)
    page.fill("#id_body", WORDS)
    page.context.clear_cookies(name="sessionid")
    page.click("form.write button[type=submit]")
    page.wait_for_selector("#id_username")
    assert page.url.endswith("/write/")

    page.evaluate("() => { window.location.reload(); }")
    page.wait_for_timeout(800)
    assert asked == ["beforeunload"]
    assert page.locator("#id_username").count() == 1  # still the sign-in page carrying the words

    page.fill("#id_username", "reload-sign-in")
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.locator("button", has_text="Save it now").wait_for()
    assert asked == ["beforeunload"]  # signing in is not leaving the words
    assert page.input_value("textarea[name=body]") == WORDS
    page.click("button:has-text('Save it now')")
    page.wait_for_url("**/journal/*/")
    assert [v.body for v in journal.list_entries(writer)] == [WORDS]


def test_a_written_page_without_typed_words_never_asks(phone: Any, make_user: Any) -> None:
    """A refusal of a form sent with nothing typed in it: nothing to lose, so Reload goes without a question."""
    page = phone
    signed_in_to_write(page, make_user, "reload-empty")
    asked = _asked(page)
    page.evaluate("() => { document.querySelector('#id_body').removeAttribute('required'); }")
    page.click("form.write button[type=submit]")
    page.locator(".error, .errorlist").first.wait_for()
    assert page.input_value("#id_body") == ""
    page.evaluate("() => { window.location.reload(); }")
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert asked == []
