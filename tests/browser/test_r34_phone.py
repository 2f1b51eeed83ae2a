"""Review r34 (its tests, moved here): the safety path on a 360x740 phone in real headless Chromium: a flagged
right-to-left sentence read back right to left, a safety-plan phone typed in Arabic digits tappable, no 404 for the
page icon."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import sign_in
from browser_waits import shown

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MIXED_HEBREW = "אמא לא מבינה את זה, I want to kill myself כל לילה."


def _save(page: Any, words: str) -> None:
    page.goto("/write/")
    page.fill("#id_body", words)
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")


def test_r34_read_back_of_a_right_to_left_sentence_reads_right_to_left(phone: Any, make_user: Any) -> None:
    """The check-in's "What Reverie read" shows a flagged Hebrew sentence right to left (dir="auto"), as the entry does."""
    page = phone
    client = make_user("dana")
    sign_in(page, client.username)
    _save(page, MIXED_HEBREW)
    entry = page.evaluate("() => getComputedStyle(document.querySelector('div.body p')).direction")
    page.goto("/check-in/")
    quote = page.locator("blockquote.quote").first
    assert shown(quote) and "I want to kill myself" in quote.inner_text()
    read = page.evaluate("() => getComputedStyle(document.querySelector('blockquote.quote')).direction")
    assert (entry, read) == ("rtl", "rtl"), f"entry {entry}, read back {read}"


def test_r34_a_safety_plan_phone_typed_in_arabic_digits_is_a_tappable_contact(
    phone: Any, make_user: Any
) -> None:
    """A contact's number typed with an Arabic phone keyboard's digits (٠-٩) is kept and called through tel:/sms:."""
    page = phone
    client = make_user("noor")
    sign_in(page, client.username)
    page.goto("/safety/plan/")
    page.fill("#trusted_contacts_name_1", "أمي")
    page.fill("#trusted_contacts_phone_1", "٠٧٧٠٠ ٩٠٠١٢٣")
    page.click("button:has-text('Save')")
    # the plan is sent by send_kept.js and its answer written in place: leaving before it comes aborts the save
    page.get_by_text("Saved.", exact=True).wait_for()
    page.goto("/safety/")
    assert page.locator("a[href='tel:07700900123']").count() == 1, page.inner_text("main")[:400]
    assert page.locator("a[href='sms:07700900123']").count() == 1


def test_r34_no_page_load_asks_for_a_missing_favicon(phone: Any) -> None:
    """Every page names its icon (an inline SVG in base.html), so Chromium never asks /favicon.ico and gets a 404."""
    page = phone
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    page.goto("/safety/")
    page.goto("/login/")
    page.wait_for_load_state("networkidle")
    icon = page.evaluate("() => document.querySelector('link[rel=icon]')?.href ?? ''")
    assert icon.startswith("data:image/svg+xml"), icon
    assert not missing, missing
