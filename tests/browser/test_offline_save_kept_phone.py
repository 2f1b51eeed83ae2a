"""Save pressed with no connection, on a 360-px phone in real headless Chromium (review r135 fault 1): the browser's
own error page replaced the write page, and Back lost the words for good. The write form is now sent by its script
(send_kept.js): a failed connection leaves the page and the words as they were, with one plain line at the top; the
next Save sends them once. Leaving a page with words typed and not sent asks first; leaving after a save does not."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import shot_if_asked, signed_in_to_write

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NOT_SENT = "Not sent: Reverie could not be reached. Your words are still here. Press Save again when you are back online."


def _entries(name: str) -> int:
    from reverie.clinic.models import Entry

    return Entry.objects.filter(client__username=name, deleted_at__isnull=True).count()


def test_offline_save_keeps_the_words_and_the_next_save_sends_them_once(phone: Any, make_user: Any) -> None:
    page = phone
    signed_in_to_write(page, make_user, "offline")
    words = "OFFLINE-1 the dream of the flooded house, " * 12
    page.fill("#id_body", words)
    page.context.set_offline(True)
    page.click("form.write button[type=submit]")
    line = page.locator("#not-sent", has_text="Not sent")
    line.wait_for()
    assert line.inner_text() == NOT_SENT
    assert line.get_attribute("role") == "alert"
    assert "/journal/" not in page.url
    assert page.input_value("#id_body") == words  # the words are still in the box
    assert _entries("offline") == 0
    shot_if_asked(page, "offline-save")

    page.click("form.write button[type=submit]")  # still offline: said again, still nothing lost
    page.locator("#not-sent", has_text="Not sent").wait_for()
    assert page.locator("#not-sent").inner_text() == NOT_SENT
    assert page.input_value("#id_body") == words

    page.context.set_offline(False)
    page.click("form.write button[type=submit]")
    page.wait_for_url("**/journal/*/")
    assert _entries("offline") == 1
    assert page.locator("text=OFFLINE-1 the dream").count() >= 1


def test_server_refusing_connections_keeps_the_words(phone: Any, make_user: Any) -> None:
    """The server stopped (the connection refused): the same line, the same words, then one entry."""
    page = phone
    signed_in_to_write(page, make_user, "stopped")
    page.fill("#id_body", "SERVER-DOWN words typed at two in the morning")
    page.route("**/write/", lambda route: route.abort("connectionrefused"))
    page.click("form.write button[type=submit]")
    page.locator("#not-sent", has_text="Not sent").wait_for()
    assert page.input_value("#id_body") == "SERVER-DOWN words typed at two in the morning"
    page.unroute("**/write/")
    page.evaluate(
        "() => { const f = document.querySelector('form.write'); f.requestSubmit(); f.requestSubmit(); }"
    )  # a double tap: sent once
    page.wait_for_url("**/journal/*/")
    assert _entries("stopped") == 1


def test_a_page_shown_after_the_send_works_like_the_browser_s_own(phone: Any, make_user: Any) -> None:
    """A refusal answered with a page (the date out of range) is shown, its scripts running, the words in it."""
    page = phone
    signed_in_to_write(page, make_user, "refused")
    page.fill("#id_body", "words kept on a refusal")
    page.evaluate("() => { document.querySelector('#id_happened_at').type = 'text'; }")
    page.fill("#id_happened_at", "not a date")
    page.click("form.write button[type=submit]")
    page.locator(".error, .errorlist").first.wait_for()
    assert page.input_value("#id_body") == "words kept on a refusal"
    assert _entries("refused") == 0
    page.fill("#id_happened_at", "")
    page.click("form.write button[type=submit]")  # the shown page's own form is sent by its script too
    page.wait_for_url("**/journal/*/")
    assert _entries("refused") == 1


def test_leaving_typed_words_asks_first_and_never_after_a_save(phone: Any, make_user: Any) -> None:
    page = phone
    signed_in_to_write(page, make_user, "leaving")
    asked: list[str] = []

    def answer(dialog: Any) -> None:
        asked.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", answer)
    page.locator("#id_body").click()
    page.keyboard.type("words not yet sent")
    page.evaluate("() => { window.location.href = '/journal/'; }")
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    assert "/journal/" not in page.url and page.input_value("#id_body") == "words not yet sent"

    page.click("form.write button[type=submit]")
    page.wait_for_url("**/journal/*/")
    page.goto("/journal/")
    assert asked == ["beforeunload"]  # nothing asked after the save
    assert _entries("leaving") == 1
