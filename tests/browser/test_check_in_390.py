"""Issue 12 §4 on a 390×844 phone (the size of a common phone): right after saving a risky entry the check-in's three
buttons lie within the first screen of the page the save lands on; while it waits the journal, patterns, export and
erase pages all open with their own content; the crisis lines and the plan's contacts are tel:/sms: links; and the
therapist's alert list draws "I need help now" above, and unlike, "You misunderstood"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser_waits import shown

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE_390 = {"width": 390, "height": 844}
PASSWORD = "a long test password"
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."
ANSWERS = ("I'm safe for now", "I need help now", "You misunderstood")


@pytest.fixture
def phone_390(chromium: Any, live_server: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport=PHONE_390, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def _sign_in_as(page: Any, user: Any, live_server: Any) -> None:
    """A signed-in session past the two-step sign-in, handed to the browser as its cookie."""
    from django.conf import settings
    from django.test import Client

    web = Client()
    web.force_login(user)
    session = web.session
    session["otp"] = True
    session.save()
    cookie = web.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def _in_first_screen(page: Any, locator: Any) -> None:
    box = locator.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE_390["height"], box


def test_browser_check_in_on_a_390_phone_then_the_therapist_sees_its_urgency(
    phone_390: Any, live_server: Any, make_user: Any
) -> None:
    from reverie.care.services import alerts, safety
    from reverie.clinic.services import journal, people
    from reverie.clinic.services.journal import EntryDraft

    page = phone_390
    therapist, asking, correcting = make_user(role="therapist"), make_user("asking"), make_user("correcting")
    for client in (correcting, asking):
        people.accept_invitation(therapist, people.issue_invitation(client))
    safety.save_plan(
        asking, {"trusted_contacts": [{"name": "Ana", "phone": "+44 7700 900123"}], "crisis_country": "GB"}
    )
    journal.create_entry(correcting, EntryDraft(kind="reflection", body=RISKY))
    pending = alerts.pending_check_in(correcting)
    assert pending is not None
    alerts.answer_check_in(correcting, pending.id, "misunderstood")

    page.goto("/login/")
    page.fill("#id_username", asking.username)
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Log in')")
    page.goto("/write/")
    page.fill("#id_body", RISKY)
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")  # the save's own redirect shows the check-in: no second page load
    assert page.evaluate("window.scrollY") == 0
    for label in ANSWERS:
        button = page.locator("#check-in button", has_text=label)
        assert shown(button), label
        _in_first_screen(page, button)
    _in_first_screen(page, page.locator("#check-in a[href='/safety/']"))

    for path, own in (
        ("/journal/", "main a[href^='/journal/']"),
        ("/insights/", "main h1"),
        ("/export/", "main button"),
        ("/account/erase/", "main input[name=password]"),
    ):
        page.goto(path)  # nothing is locked while the check-in waits
        assert page.url.endswith(path) and shown(page.locator("#check-in")), path
        assert shown(page.locator(own).first), path

    page.goto("/safety/")
    hrefs = page.eval_on_selector_all(
        "main a[href^='tel:'], main a[href^='sms:']", "els => els.map(e => e.href)"
    )
    assert "tel:+447700900123" in hrefs and "sms:+447700900123" in hrefs and "tel:988" in hrefs

    page.goto("/journal/")
    page.locator("#check-in button", has_text="I need help now").click()
    page.wait_for_url("**/check-in/")
    assert shown(page.locator("[role=alert]").first) and page.locator("a[href^='tel:']").count() >= 1

    _sign_in_as(page, therapist, live_server)
    page.goto("/alerts/")
    rows = page.locator("li.alert-row")
    assert rows.count() == 2
    assert asking.username in rows.nth(0).inner_text() and correcting.username in rows.nth(1).inner_text()
    style = """el => { const s = getComputedStyle(el); return [s.backgroundColor, s.color, s.fontWeight]; }"""
    urgent = rows.nth(0).locator(".urgency").evaluate(style)
    low = rows.nth(1).locator(".urgency").evaluate(style)
    assert urgent != low and urgent[0] != low[0]  # drawn differently, not only worded differently
    row_style = "el => getComputedStyle(el).borderLeftColor"
    assert rows.nth(0).evaluate(row_style) != rows.nth(1).evaluate(row_style)
    assert RISKY[:20] not in page.content()
