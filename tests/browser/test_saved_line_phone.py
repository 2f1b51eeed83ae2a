"""Review r132 (h182): on a 360 × 740 phone in real headless Chromium, the page a new entry lands on says plainly
that it was saved, at its top, in text of at least 12 px, and says it once: reloading the page does not repeat it."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import signed_in_to_write
from phone_measure import measure

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_browser_a_new_entry_lands_on_a_page_that_says_saved(phone: Any, make_user: Any) -> None:
    page = phone
    signed_in_to_write(page, make_user, "mira")
    page.fill("#id_body", "Couldn't sleep, wrote this at 3 am.")
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")
    line = page.locator("p.saved")
    assert line.is_visible(), "no line says the entry was saved"
    assert line.inner_text().strip() == "Saved. It is in your journal."
    box = line.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 740, f"not in view: {box}"
    size = float(line.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    assert size >= 12, f"text of {size} px"
    found = measure(page)
    assert found["scrollWidth"] <= 360 and found["font"] >= 12, found
    page.reload()
    assert page.locator("p.saved").count() == 0, "said again on reload"
    assert "Couldn't sleep" in page.inner_text("main")
