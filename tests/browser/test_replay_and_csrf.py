"""Real headless Chromium (issue 11, item 12): Back then Save writes nothing new; clearing cookies mid-writing gives
the text back on a Reverie page, and it is saved by one press after signing in again."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import PASSWORD, signed_in_to_write

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_browser_back_then_save_writes_nothing_new(phone: Any, make_user: Any) -> None:
    from reverie.clinic.models import Entry

    page = phone
    signed_in_to_write(page, make_user, "bea")
    page.goto("/write/")
    first_token = page.input_value("input[name=entry_id]")
    page.fill("#id_body", "The staircase dream, once only.")
    page.check("#feel_fear")
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")
    saved_at = page.url
    page.go_back()  # the page comes again from the server (no-store): a new token, the text restored
    page.wait_for_selector("#id_body")
    assert page.input_value("#id_body") == "The staircase dream, once only."
    assert page.input_value("input[name=entry_id]") != first_token  # why a token alone did not stop it
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/?kept=1*")
    assert page.url.startswith(saved_at)  # shows the saved entry
    assert Entry.objects.count() == 1  # before: 2
    assert "so Reverie kept them once." in page.inner_text(".kept")  # said, never silent (brief u32)
    page.click("button:has-text('Save them again as a new entry')")  # the person did mean two entries
    page.wait_for_url("**/journal/*/")
    assert page.url != saved_at and Entry.objects.count() == 2


def test_browser_cookies_cleared_mid_writing_keeps_the_text(phone: Any, make_user: Any) -> None:
    from reverie.clinic.models import Entry

    page = phone
    signed_in_to_write(page, make_user, "cas")
    page.goto("/write/")
    text = "Written while the cookies went away <b>not bold</b> & kept."
    page.fill("#id_body", text)
    page.context.clear_cookies()
    page.click("button:has-text('Save')")
    page.wait_for_selector("text=Not saved yet")
    assert "CSRF verification failed" not in page.content()
    assert page.input_value("textarea[name=body]") == text  # given back, as text (escaped in the page)
    assert Entry.objects.count() == 0
    page.click("button:has-text('Save again')")  # a fresh token; the session is gone too: sign in, then saved
    page.wait_for_selector("text=Your session ended while you were writing")
    page.fill("#id_username", "cas")
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Log in and save my entry')")
    # The session was gone, so only the form's own mark says who wrote: given back, saved by one press (r13).
    page.wait_for_selector("text=Not saved yet")
    assert Entry.objects.count() == 0
    page.click("button:has-text('Save it now')")
    page.wait_for_url("**/journal/*/")
    assert Entry.objects.count() == 1
    assert page.locator("text=not bold").count() >= 1
