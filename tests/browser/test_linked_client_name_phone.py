"""A linked client's name on the therapist's home opens somewhere, on a 360x740 phone in real Chromium (review r133
fault 3, second half): without a course it opens "Set up a course" with that client chosen. Each page: nothing
sideways at 360 px, no tap target under 24x24 px, text >= 12 px."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from phone_measure import measure
from test_check_in_390 import _sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits(page: Any, where: str) -> None:
    found = measure(page)
    assert found["scrollWidth"] <= 360, (where, found["widest"])
    assert not found["small"], (where, found["small"])
    assert found["font"] >= 12, (where, found["fontText"])


def test_browser_a_linked_client_without_a_course_opens_set_up_a_course_on_a_phone(
    phone: Any, live_server: Any, paired: tuple[Any, Any], tmp_path: Path
) -> None:
    client, therapist = paired
    _sign_in_as(phone, therapist, live_server)
    phone.goto("/")
    _fits(phone, "home")
    phone.screenshot(path=str(tmp_path / "home-linked-client-360.png"), full_page=True)
    phone.click(f"a:has-text('{client.username}')")
    phone.wait_for_url(f"**/courses/new/?client={client.username}")
    assert phone.locator("select#client").input_value() == client.username
    _fits(phone, "set up a course")
    phone.screenshot(path=str(tmp_path / "set-up-a-course-chosen-360.png"), full_page=True)
