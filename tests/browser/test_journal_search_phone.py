"""Real headless Chromium at 360 x 740: the journal's search is sent as a form (POST), so the words searched for are
never in the page's address in the clear, not after the search (a redirect to ``?s=``, the words sealed, r75) and
not after "Older entries", a link carrying the seal; every match is reached once, and the pager's links are
full-size touch targets (h79, r68)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from browser_phone import controls_at_least_16px, sign_in, targets_at_least_44px

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_browser_a_search_pages_on_a_phone_with_its_words_out_of_the_address(
    phone: Any, make_user: Any
) -> None:
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft

    client = make_user("nadia")
    start = datetime(2026, 2, 1, 8, 0, tzinfo=UTC)
    made = set()
    for day in range(30):  # 22 matches: two pages
        body = f"Rain at the window, day {day}." if day % 4 else f"A dry morning, day {day}."
        view = journal.create_entry(
            client, EntryDraft(kind="reflection", body=body, happened_at=start + timedelta(days=day))
        )
        if day % 4:
            made.add(str(view.id))
    page = phone
    sign_in(page, "nadia")
    page.goto("/journal/")
    page.fill("#q", "window")
    page.click("button:has-text('Filter')")
    page.wait_for_load_state()
    seen: set[str] = set()
    for _ in range(5):
        assert "window" not in page.url, page.url
        assert page.input_value("#q") == "window"
        hrefs = page.eval_on_selector_all("ul.entries a.entry-card", "els => els.map(e => e.pathname)")
        listed = {href.strip("/").split("/")[-1] for href in hrefs}
        assert not listed & seen, "an entry shown twice"
        seen |= listed
        assert page.evaluate(
            "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
        older = page.locator("nav.pager a, nav.pager button", has_text="Older entries")
        if not older.count():
            break
        targets_at_least_44px(page, "nav.pager button, nav.pager a")
        controls_at_least_16px(page)
        with page.expect_navigation():
            older.click()
    assert seen == made, f"{len(made - seen)} of {len(made)} matches never listed"
    assert len(made) > 20
