"""Real headless Chromium at 360 x 740 (qa34 point 11): the three standalone links ("Continue" after the recovery
codes, "Back to the start" after erasure, "Safety plan & crisis lines" on /safety/plan/) are 44-px tap targets, as
the crisis links are; links without the class keep their size."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import sign_in
from django.template.loader import render_to_string
from django.test import RequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _height(page: Any, text: str) -> float:
    box = page.locator("main a", has_text=text).first.bounding_box()
    assert box is not None, text
    return float(box["height"])


def _rendered(page: Any, name: str, user: Any, **context: Any) -> None:
    """Show a page reached only at the end of a flow, with the real stylesheets of the live server."""
    request = RequestFactory().get("/")
    request.user = user
    page.set_content(render_to_string(name, context, request=request))
    page.wait_for_load_state("load")


def test_browser_standalone_links_are_44px_on_a_phone(phone: Any, make_user: Any) -> None:
    page = phone
    user = make_user("lin")
    sign_in(page, "lin")
    page.goto("/safety/plan/")
    assert _height(page, "Safety plan & crisis lines") >= 44
    brand = page.locator("header.top a.brand").bounding_box()  # the way home, on every page
    assert brand is not None and brand["height"] >= 44
    _rendered(page, "reverie/totp_setup.html", user, codes=["abcd-efgh"], enrolled=True)
    assert _height(page, "Continue") >= 44
    _rendered(page, "reverie/erased.html", user, count=3)
    assert _height(page, "Back to the start") >= 44
    assert _height(page, "Back to the start") < 80


def test_browser_a_link_without_the_tap_class_stays_text_sized(phone: Any, make_user: Any) -> None:
    page = phone
    user = make_user("mo")
    page.goto("/login/")
    _rendered(page, "reverie/export.html", user)
    # u5: a link in a sentence now takes taps 44 px tall (tests/browser/test_inline_links_phone.py), but it stays
    # text: not a box, and its paragraph is no taller than its lines of words
    link = page.locator("main a", has_text="Erase my account")
    assert link.evaluate("a => [getComputedStyle(a).display, getComputedStyle(a).borderTopWidth]") == [
        "inline",
        "0px",
    ]
    lines = link.evaluate(
        "a => a.parentElement.getBoundingClientRect().height / parseFloat(getComputedStyle(a.parentElement).lineHeight)"
    )
    assert round(lines, 3) == round(lines) and lines <= 2, lines


def test_browser_links_that_act_alone_are_44px_on_a_phone(phone: Any, paired: tuple[Any, Any]) -> None:
    """Walk x3: the check-in's "Edit my safety plan" and "Continue to Reverie", and the cancel page's "No, keep it"
    stand alone on their line, so each is a 44-px tap target too."""
    from datetime import timedelta

    from django.utils import timezone

    from reverie.care.services import safety
    from reverie.care.services.course import CourseDraft, create_course

    client, therapist = paired
    course = create_course(
        therapist,
        CourseDraft(client=client.username, programme="dit", start=timezone.now() + timedelta(days=7)),
    )
    safety.save_plan(client, {"coping_steps": ["a long walk"]})
    page = phone
    sign_in(page, client.username)
    page.goto("/check-in/")
    assert _height(page, "Edit my safety plan") >= 44
    assert _height(page, "Continue to Reverie") >= 44
    page.goto(f"/courses/{course.id}/sessions/1/cancel/")
    assert _height(page, "No, keep it") >= 44
