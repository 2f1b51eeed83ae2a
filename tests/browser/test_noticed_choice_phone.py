"""Real headless Chromium at 360 x 740 (r39): on a client's entry "What Reverie noticed" is closed until they open
it (a 44-px summary), the risk note and its safety link are outside it and visible, and the settings page offers
ask first / always / never as 44-px choices without a sideways scroll; "never" takes the panel away, not the note."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from browser_phone import PHONE, shot_if_asked, sign_in, targets_at_least_44px

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "clinic"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "insights"))


def test_browser_noticed_asks_first_and_never_hides_the_risk_note(phone: Any, make_user: Any) -> None:
    from test_observation_feedback import _analysed

    client = make_user("asks")
    view = _analysed(client)
    page = phone
    sign_in(page, "asks")
    page.goto(f"/journal/{view.id}/")
    summary = page.locator("details.noticed-panel > summary")
    assert summary.is_visible() and summary.inner_text().strip().startswith("Show what Reverie noticed (")
    targets_at_least_44px(page, "details.noticed-panel > summary")
    assert not page.locator("li.observation").first.is_visible()  # closed: nothing read out until asked
    note = page.locator("#risk-note")
    assert note.is_visible() and note.locator("a[href='/safety/']").is_visible()
    targets_at_least_44px(page, "#risk-note a")
    summary.click()
    assert page.locator("li.observation").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot_if_asked(page, "entry-noticed-asked")

    page.goto("/account/settings/")
    choices = page.locator("#noticed-choice label:has(input[type=radio])")
    assert choices.count() == 3
    targets_at_least_44px(page, "#noticed-choice label")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot_if_asked(page, "settings-noticed")
    page.locator("#noticed-choice input[value=never]").check()
    page.locator("#noticed-choice button[type=submit]").click()
    page.wait_for_load_state()
    assert "never show" in page.locator("main [role=status]").inner_text()

    page.goto(f"/journal/{view.id}/")
    assert page.locator("#noticed").count() == 0
    assert page.locator("#risk-note").is_visible()
    assert page.locator("#risk-note a[href='/safety/']").is_visible()
