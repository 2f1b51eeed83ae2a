"""The phone survey's finder of numbers that cannot be tapped, in real headless Chromium: digits inside a word (a
one-time-password key such as the one /account/2fa/ shows, random on every run) are no phone number, while a crisis
number written as plain text still is (CI on stop 50 failed by chance on a key holding '73767')."""

from __future__ import annotations

from typing import Any

import pytest
from phone_measure import measure

pytestmark = [pytest.mark.browser]

PAGE = """<html><body><main>
<p>Your key: <strong>{key}</strong></p>
<p>{plain}</p>
<p>Call <a href="tel:116123">116 123</a> any time.</p>
</main></body></html>"""


@pytest.mark.parametrize(
    "key", ["LYVSEGQO2FO4UTMH73767AB7P2633RSE", "ABCD911EFGH", "98812345QRST", "QRST0800123456"]
)
def test_digits_inside_a_key_are_no_phone_number(chromium: Any, key: str) -> None:
    page = chromium.new_page()
    page.set_content(PAGE.format(key=key, plain="Nothing else here."))
    assert measure(page)["phones"] == []
    page.close()


@pytest.mark.parametrize(
    "plain", ["Ring 0800 123 4567 tonight.", "Call 988.", "Samaritans: 116 123", "+44 20 7946 0958"]
)
def test_a_number_written_as_plain_text_is_still_found(chromium: Any, plain: str) -> None:
    page = chromium.new_page()
    page.set_content(PAGE.format(key="ABCDEFGH", plain=plain))
    assert len(measure(page)["phones"]) == 1, plain
    page.close()
