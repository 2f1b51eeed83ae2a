"""Review r133 (the therapist preparing the next session), its layout faults on a 360x740 phone in real headless
Chromium: a note to the client with a long address or word inside the course's sessions table."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from phone_measure import measure
from test_check_in_390 import _sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ADDRESS = "New room, see https://clinic.example.org/rooms/building-b/second-floor/room-214?directions=from-main-entrance"


def test_a_long_note_to_the_client_wraps_on_both_sides_course_pages(
    chromium: Any, live_server: Any, paired: tuple[Any, Any]
) -> None:
    """r133 fault 5: the note beside a moved session sits in a table cell, and phone.css's ``th, td {
    overflow-wrap:normal }`` (words never break in a table) overrode main's ``overflow-wrap:anywhere``: a web
    address ran past 360 px and a note of one 2,000-character word (the most the move form takes) made the client's
    and the therapist's course pages thousands of pixels wide. The note wraps; the other cells keep their words."""
    from django.utils import timezone

    from reverie.care.services import week
    from reverie.care.services.course import CourseDraft, create_course

    client, therapist = paired
    start = (timezone.localtime(timezone.now()) + timedelta(days=7)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username,
            programme="dit",
            start=start.replace(tzinfo=None),
            timezone="Europe/London",
        ),
    )
    week.move_session(therapist, course.id, 1, start + timedelta(hours=2), ADDRESS)
    week.move_session(therapist, course.id, 2, start + timedelta(days=7, hours=2), "z" * week.MAX_NOTE_CHARS)
    context = chromium.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    widths = {}
    for who in (therapist, client):
        _sign_in_as(page, who, live_server)
        response = page.goto(f"/courses/{course.id}/")
        assert response is not None and response.status == 200
        found = measure(page)
        widths[who.username] = (found["scrollWidth"], found["widest"])
        # the cells around it keep whole words: "Session", "Attendance" never split
        header = page.locator("main thead th").first
        assert header.evaluate("e => getComputedStyle(e).overflowWrap") == "normal"
    context.close()
    assert all(w <= 360 for w, _ in widths.values()), widths
