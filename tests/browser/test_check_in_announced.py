"""r65 review: after a risky entry is saved with the keyboard on a 360-px phone, the check-in must reach a screen
reader user: focus moved into it, or it is a live region (role=alert/status) that is read out when the page opens."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."

ANNOUNCED = """() => {
  const box = document.querySelector('#check-in');
  if (!box) return 'no check-in';
  const focused = box.contains(document.activeElement);
  const live = box.closest('[role=alert],[role=status],[aria-live=assertive],[aria-live=polite]')
    || box.querySelector('[role=alert],[role=status],[aria-live=assertive],[aria-live=polite]');
  return focused || live ? 'announced' : 'silent: focus on ' + document.activeElement.tagName;
}"""


def test_browser_check_in_after_a_risky_save_is_announced(phone: Any, make_user: Any) -> None:
    """A client using a screen reader writes "I want to kill myself", tabs to Save and presses Enter. The entry page
    opens with the "Are you safe?" check-in drawn above the header, but focus sits on the page body and the check-in
    is no live region, so nothing is read out; their habitual "Skip to content" or jump to the h1 goes straight past it
    to the entry. They should hear the check-in: focus moved to it (its question) or it announced as role=alert."""
    page = phone
    make_user("sam")
    sign_in(page, "sam")
    page.focus("#id_body")
    page.keyboard.type(RISKY)
    for _ in range(150):  # keyboard only: Tab to the Save button
        page.keyboard.press("Tab")
        if page.evaluate(
            "document.activeElement.tagName === 'BUTTON' && document.activeElement.textContent.trim() === 'Save'"
        ):
            break
    else:
        pytest.fail("Save cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/journal/*/")
    page.wait_for_selector("#check-in")
    assert page.evaluate(ANNOUNCED) == "announced"
