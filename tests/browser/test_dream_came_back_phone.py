"""A dream that came back, on a 360x740 phone in real Chromium (review r134 fault 8): the dream series counts the
dreams the person tagged "recurring" or said came back, links each, and the dream's page says so. Each page: nothing
sideways at 360 px, no tap target under 24x24 px, text >= 12 px, no raw code."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from phone_measure import measure
from test_check_in_390 import _sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
UTC = ZoneInfo("UTC")


def _fits(page: Any, where: str) -> None:
    found = measure(page)
    assert found["scrollWidth"] <= 360, (where, found["widest"])
    assert not found["small"], (where, found["small"])
    assert found["font"] >= 12, (where, found["fontText"])


def test_browser_a_dream_that_came_back_on_a_phone(
    phone: Any, live_server: Any, make_user: Any, tmp_path: Path
) -> None:
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft

    alice = make_user()
    for day, body, tags in (
        (datetime(2026, 3, 14, 6, tzinfo=UTC), "A lift fell and fell.", ("Recurring",)),
        (datetime(2026, 6, 2, 6, tzinfo=UTC), "The same dream again: the lift fell.", ()),
        (datetime(2026, 11, 20, 6, tzinfo=UTC), "Had that dream again. The lift.", ()),
    ):
        journal.create_entry(alice, EntryDraft(kind="dream", body=body, happened_at=day, tags=tags))
    _sign_in_as(phone, alice, live_server)
    phone.goto("/dreams/")
    text = phone.locator("main").inner_text()
    assert "Dreams that came back: 3 since March." in text
    _fits(phone, "dream series")
    phone.screenshot(path=str(tmp_path / "dreams-came-back-360.png"), full_page=True)
    phone.click("nav[aria-label='The dreams that came back'] a >> text=14 Mar 2026")
    phone.wait_for_url("**/journal/*/")
    assert "A dream that came back: you tagged it “recurring”." in phone.locator("main").inner_text()
    _fits(phone, "the dream's page")
    phone.screenshot(path=str(tmp_path / "dream-entry-came-back-360.png"), full_page=True)
