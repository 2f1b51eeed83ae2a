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


def test_browser_the_refused_forms_alert_line_says_a_saved_phq9_followed_on_a_phone(
    phone: Any, live_server: Any, paired: tuple[Any, Any], tmp_path: Path
) -> None:
    """h187 left: the refused PHQ-9's alert line says that a saved PHQ-9 followed, and still fits 360 px."""
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    from reverie.care.services import measures
    from reverie.care.services.course import CourseDraft, create_course
    from reverie.errors import InvalidInput

    client, therapist = paired
    first = (timezone.now().astimezone(ZoneInfo("Europe/London")) + timedelta(days=2)).replace(
        hour=10, minute=0, second=0, microsecond=0, tzinfo=None
    )
    create_course(therapist, CourseDraft(client.username, "dit", first, "Europe/London"))
    with pytest.raises(InvalidInput):
        measures.submit(client, "phq9", [7] + [1] * 7 + [1], session_number=1)
    measures.submit(client, "phq9", [1] * 8 + [2], session_number=1)
    _sign_in_as(phone, therapist, live_server)
    phone.goto("/alerts/")
    text = phone.locator("main").inner_text()
    assert "the form was not saved" in text and "a saved PHQ-9 followed on" in text
    _fits(phone, "alerts")
    phone.screenshot(path=str(tmp_path / "alerts-saved-followed-360.png"), full_page=True)


def test_browser_the_days_off_hint_on_the_course_page_on_a_phone(
    phone: Any, live_server: Any, paired: tuple[Any, Any], tmp_path: Path
) -> None:
    """Review r133 11(d): sessions on 24 and 31 Dec give the course page one plain hint, and it still fits 360 px."""
    from datetime import datetime

    from reverie.care.services.course import CourseDraft, create_course

    client, therapist = paired
    course = create_course(
        therapist, CourseDraft(client.username, "dit", datetime(2030, 12, 17, 10), "Europe/London")
    )
    _sign_in_as(phone, therapist, live_server)
    phone.goto(f"/courses/{course.id}/")
    assert (
        "Some sessions fall on days many people take off: 24 Dec, 31 Dec."
        in phone.locator("main").inner_text()
    )
    _fits(phone, "course page")
    phone.screenshot(path=str(tmp_path / "course-days-off-hint-360.png"), full_page=True)
