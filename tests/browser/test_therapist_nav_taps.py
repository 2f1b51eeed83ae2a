"""Real headless Chromium (x3's walk, decided): the therapist's navigation is tapped, not aimed at. At 360 and
1280 px every header link and every link row that moves between the therapist's pages (the course's Prepare /
Measures / Goals / ... row, the caseload's "prepare", the prep page's way on, the week's previous / next) is a
44-px target, nothing overflows at 360 px, and the header's menu opens without JavaScript."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from browser_phone import shot_if_asked
from test_check_in_390 import _sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOW = """(sel) => [...document.querySelectorAll(sel)].filter(e => e.offsetParent !== null)
    .map(e => [e.textContent.trim().slice(0, 30), Math.round(e.getBoundingClientRect().height)])
    .filter(([_, h]) => h < 43.5)"""
HEADER = "header a, header button, header summary"


def _links_low(page: Any, texts: tuple[str, ...]) -> list[tuple[str, float]]:
    low = []
    for text in texts:
        box = page.locator("main a", has_text=text).first.bounding_box()
        assert box is not None, text
        if box["height"] < 43.5:
            low.append((text, box["height"]))
    return low


def test_browser_therapist_navigation_is_44px_at_360_and_1280(
    chromium: Any, live_server: Any, paired: tuple[Any, Any]
) -> None:
    from django.utils import timezone

    from reverie.care.services.course import CourseDraft, create_course

    client, therapist = paired
    start = timezone.now() + timedelta(days=1)
    course = create_course(therapist, CourseDraft(client=client.username, programme="dit", start=start))
    base = f"/courses/{course.id}/"
    pages = {
        "/": ("prepare", client.username),
        "/courses/": ("My directory profile", "Make a referral link", "safety plan"),
        base: (
            "Prepare the next session",
            "Measures",
            "Goals",
            "Formulation",
            "Goodbye letter",
            "Add the sessions to your calendar",
            "Your week",
        ),
        base + "prep/": (
            "All measures",
            "The whole patterns view",
            "Open the formulation workspace",
            "The course",
        ),
        "/week/": ("Previous week", "Next week"),
    }
    for width in (360, 1280):
        context = chromium.new_context(viewport={"width": width, "height": 740}, base_url=live_server.url)
        page = context.new_page()
        _sign_in_as(page, therapist, live_server)
        for path, texts in pages.items():
            page.goto(path)
            if width == 360 and path == "/":
                page.click("details.menu > summary")  # the compact menu, opened
            assert page.evaluate(LOW, HEADER) == [], (width, path)
            assert _links_low(page, texts) == [], (width, path)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (width, path)
            if path == base:
                shot_if_asked(page, f"therapist-course-{width}")
        context.close()
    bare = chromium.new_context(
        viewport={"width": 1280, "height": 740}, base_url=live_server.url, java_script_enabled=False
    )
    page = bare.new_page()
    _sign_in_as(page, therapist, live_server)
    page.goto("/")
    page.click("details.menu > summary")  # no script: the menu is a plain <details>
    assert page.locator("header nav[aria-label=Main] a", has_text="Week").is_visible()
    assert page.evaluate(LOW, HEADER) == []
    bare.close()
