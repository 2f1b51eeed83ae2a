"""Issue 12 §4 on a 360-px phone: after saving a risky entry, the check-in's buttons are in the first viewport of the
page the save lands on, nothing is locked (the journal still opens), and the crisis lines can be tapped."""

from __future__ import annotations

from typing import Any

import pytest
from browser_waits import shown
from test_accessibility import CHECK

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a long test password"
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."
ANSWERS = ("I'm safe for now", "I need help now", "You misunderstood")


def test_browser_check_in_right_after_saving_on_a_phone(phone: Any, shot: Any, make_user: Any) -> None:
    page = phone
    client = make_user("sam")
    page.goto("/login/")
    page.fill("#id_username", client.username)
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Log in')")
    page.goto("/write/")
    page.fill("#id_body", RISKY)
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")  # the save's own redirect: the entry, with the check-in on top

    height = page.viewport_size["height"]
    assert page.evaluate("window.scrollY") == 0
    for label in ANSWERS:
        button = page.locator("#check-in button", has_text=label)
        assert shown(button), label
        box = button.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height, (label, box, height)
    assert shown(page.locator("a.safety").first)  # the safety link stays in view
    assert page.evaluate(CHECK) == []  # labelled, one h1, no horizontal scrolling with the check-in on top
    assert (
        page.locator("text=" + RISKY[:30]).count() >= 1
    )  # the entry itself is shown, not hidden behind a gate
    shot(page, "check-in-after-save")

    # u5: the check-in page itself (the banner's "What Reverie read") asks first: the three answers in the top part
    # of the first screen, right under the question, and what Reverie read under them (they sat at 527-685 px,
    # under the words, and a longer read-back pushed them off the screen)
    page.goto("/check-in/")
    for label in ANSWERS:
        box = page.locator("main form button", has_text=label).bounding_box()
        assert box is not None and box["y"] + box["height"] <= height * 0.6, (label, box, height)
    read = page.locator("#read-back-heading").bounding_box()
    assert read is not None and box is not None and read["y"] > box["y"] + box["height"]

    page.goto("/journal/")  # nothing is locked while the check-in waits
    page.wait_for_url("**/journal/")
    assert shown(page.locator("#check-in")) and shown(page.locator("main"))
    assert page.locator("main a[href^='/journal/']").count() >= 1

    page.locator("#check-in button", has_text="I'm safe for now").click()
    page.wait_for_url("**/check-in/")
    assert page.locator("a[href^='tel:']").count() >= 1  # crisis lines can be tapped to call
    page.goto("/journal/")
    assert page.locator("#check-in").count() == 0  # answered: the banner is gone
