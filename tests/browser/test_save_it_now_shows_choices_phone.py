"""h110: "Save it now" (the page that keeps a person's words when a save could not finish: their session ended while
they wrote) carried a journal entry's kind and feelings as hidden fields only. They were saved right, but the person
could not see them, so could not tell what one press would save. The page now shows them in the write page's own
labels ("Kind of entry", "Feelings"), in plain words. Real headless Chromium on a 360-px phone, real SQLite."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import PASSWORD, signed_in_to_write

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_save_it_now_shows_the_kind_and_the_feelings_it_will_save(phone: Any, make_user: Any) -> None:
    from reverie.clinic.models import Entry
    from reverie.clinic.services import journal

    page = phone
    signed_in_to_write(page, make_user, "ines")
    page.select_option("#id_kind", "dream")
    page.fill("#id_body", "The house with one more room than it has.")
    page.check("#feel_fear")
    page.select_option("#int_fear", "4")
    page.check("#feel_joy")
    page.context.clear_cookies()  # the session ends while writing: refused, the words given back
    page.click("form:has(#id_body) button:has-text('Save')")
    page.click("button:has-text('Save again')")
    page.fill("#id_username", "ines")
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Log in and save my entry')")
    page.wait_for_selector("button:has-text('Save it now')")
    seen = page.locator("main").inner_text()
    assert "Kind of entry" in seen and "Dream" in seen, seen
    assert "Feelings" in seen and "fear 4 of 5" in seen and "joy" in seen, seen
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= 360
    assert Entry.objects.count() == 0
    page.click("button:has-text('Save it now')")
    page.wait_for_url("**/journal/*/")
    user = Entry.objects.get().client
    saved = journal.get_entry(user, journal.list_entries(user, limit=1, offset=0)[0].id)
    assert saved.kind == "dream"  # what was shown is what was saved
