"""Review r25: client pages on a 360-px phone in real headless Chromium, as a person in a hard moment reads them."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import shot_if_asked, signed_in_to_write

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARABIC = "لا أستطيع النوم منذ أيام. أشعر بالخوف."
HEBREW = "אני לא ישנה כבר כמה לילות. אני מפחדת."


@pytest.mark.parametrize("words", [ARABIC, HEBREW], ids=["arabic", "hebrew"])
def test_r25_an_entry_written_right_to_left_reads_right_to_left_on_a_phone(
    phone: Any, make_user: Any, words: str
) -> None:
    """Arabic or Hebrew is typed and read right to left (dir="auto"): the full stop ends the sentence, on the left."""
    page = phone
    signed_in_to_write(page, make_user, "noor")
    page.fill("#id_body", words)
    typing = page.evaluate("() => getComputedStyle(document.querySelector('#id_body')).direction")
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")
    body = page.locator("div.body")
    assert body.inner_text().strip() == words  # the words are kept, exactly
    shot_if_asked(page, "r25-rtl-entry")
    reading = page.evaluate("() => getComputedStyle(document.querySelector('div.body p')).direction")
    assert (typing, reading) == ("rtl", "rtl"), f"written {typing}, read {reading}"
