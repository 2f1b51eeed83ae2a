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


def test_the_new_questions_and_lines_fit_a_phone(
    chromium: Any, live_server: Any, paired: tuple[Any, Any]
) -> None:
    """r133 faults 6 and 10 on a 360-px phone: the set-up's "Is this right?" with its "Yes" button (a course typed as
    starting in 2020) and the session page's "Saved at" line each fit 360 px with no target under 24 px, the typed
    values stay in their boxes, and "Yes, set it up as typed" sets the course up."""
    from reverie.care.models import Course

    client, therapist = paired
    context = chromium.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    _sign_in_as(page, therapist, live_server)
    page.goto("/courses/new/")
    page.select_option("#client", client.username)
    page.select_option("#programme", "dit")
    page.fill("#total_sessions", "16")
    page.fill("#start", "2020-01-06T10:00")
    page.fill("#timezone", "Europe/London")
    page.click("form#course-new button[type=submit]")
    page.wait_for_selector("#asks-title")
    faults = _faults("/courses/new/ (asked)", measure(page))
    assert page.input_value("#start") == "2020-01-06T10:00"
    page.click("button:has-text('Yes, set it up as typed')")
    page.wait_for_url(lambda url: "/new/" not in url)
    course = Course.objects.get()
    base = f"/courses/{course.id}/"
    page.goto(base + "sessions/16/")
    page.fill("#progress", "We talked about the ending.")
    page.click("button:has-text('Save the progress note')")
    page.wait_for_selector("p.saved")
    faults += _faults(base + "sessions/16/ (saved)", measure(page))
    context.close()
    assert not faults, "\n".join(faults)


def _faults(path: str, found: dict[str, Any]) -> list[str]:
    out = [f"{path}: {s} under 24x24" for s in found["small"]]
    if found["scrollWidth"] > 360:
        out.append(f"{path}: {found['scrollWidth']} px wide (widest {found['widest']})")
    return out
