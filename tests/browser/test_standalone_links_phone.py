"""Real headless Chromium at 360 x 740 (qa34 point 11): the three standalone links ("Continue" after the recovery
codes, "Back to the start" after erasure, "Safety plan & crisis lines" on /safety/plan/) are 44-px tap targets, as
the crisis links are; links without the class keep their size."""

from __future__ import annotations

from typing import Any

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a long test password"


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
    page.goto("/login/")
    page.fill("#id_username", "lin")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#id_body")
    page.goto("/safety/plan/")
    assert _height(page, "Safety plan & crisis lines") >= 44
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
    assert _height(page, "Erase my account") < 44
