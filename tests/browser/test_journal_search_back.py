"""Back after a journal search (a POST since h79). Real headless Chromium at 360 x 740."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import signed_in_to_write

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _write(page: Any, body: str) -> None:
    page.goto("/write/")
    page.fill("#id_body", body)
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")


def test_back_from_an_entry_found_by_a_search_shows_the_results_again(phone: Any, make_user: Any) -> None:
    """A client at 2 a.m. searches the journal for "staircase", opens one of the entries found, and presses Back.
    Now: the search page was the answer to a POST sent with ``Cache-Control: no-store``, so Chromium cannot show
    it again; Back lands on Chromium's own "Confirm Form Resubmission" error page (ERR_CACHE_MISS), the results
    gone. Before h79 (a GET ?q=) Back showed the results. They should see the results again on Back."""
    page = phone
    signed_in_to_write(page, make_user, "rue")
    _write(page, "The staircase dream, first night.")
    _write(page, "The staircase dream, second night.")
    _write(page, "Nothing about stairs.")
    page.goto("/journal/")
    page.fill("#q", "staircase")
    page.click("button:has-text('Filter')")
    page.wait_for_selector("ul.entries")
    assert page.locator("ul.entries > li").count() == 2
    page.locator("ul.entries a").first.click()
    page.wait_for_url("**/journal/*/")
    try:
        page.go_back()
    except Exception as exc:  # Playwright's own: the navigation ended on Chromium's error page
        pytest.fail(f"Back from the entry did not show the search results: {exc}".splitlines()[0])
    page.wait_for_load_state()
    text = page.inner_text("body")
    assert "ERR_CACHE_MISS" not in text and "Confirm Form Resubmission" not in text, text[:300]
    assert page.locator("ul.entries > li").count() == 2, text[:300]
