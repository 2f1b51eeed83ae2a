"""Both people of the pair, each on a phone: linking, a DIT course, a measure, the prep page, the risk flow."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pyotp
import pytest
from browser_waits import shown
from django.conf import settings

from reverie import settings as reverie_settings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a long phone password"


@pytest.fixture
def analysed_inline() -> Iterator[None]:
    original = settings.REVERIE
    settings.REVERIE = reverie_settings.Config({**original.values, "REVERIE_ANALYSIS": "inline"})
    yield
    settings.REVERIE = original


def _sign_up(page: Any, name: str, role: str, first: bool = False) -> None:
    page.goto("/setup/" if first else "/signup/")
    page.fill("#id_username", name)
    page.fill("#id_password", PASSWORD)
    if first:  # the first account's role is the operator's choice; the public sign-up makes clients only
        page.check(f"input[value={role}]")
    page.click("button:has-text('Create account')")


def test_browser_pair_journey(chromium: Any, live_server: Any, shot: Any, analysed_inline: None) -> None:
    contexts = [
        chromium.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
        for _ in range(2)
    ]
    therapist, client = (c.new_page() for c in contexts)
    for page in (therapist, client):
        page.set_default_timeout(30_000)

    # The therapist signs up and must set up two-step sign-in before anything else.
    _sign_up(therapist, "dr-ash", "therapist", first=True)
    therapist.goto("/journal/")
    therapist.wait_for_url("**/account/2fa/")
    secret = therapist.locator("strong.code").inner_text().strip()
    therapist.fill("#code", pyotp.TOTP(secret).now())
    therapist.fill("#password", PASSWORD)  # turning two-step sign-in on needs the password (review r31)
    therapist.click("button:has-text('Turn on')")
    therapist.goto("/pair/")
    therapist.click("button:has-text('Create an invitation code')")
    code = therapist.locator("strong.code").inner_text().strip()

    # The client signs up, links with the code, writes and shares an entry.
    _sign_up(client, "lee", "client")
    client.goto("/pair/")
    client.fill("#code", code)
    client.click("button:has-text('Link')")
    assert shown(client.locator("text=You are now linked"))
    client.goto("/write/")
    client.fill(
        "#id_body", "My partner got close last night and I pulled away again, the way I did with my father."
    )
    client.check("#feel_love")
    client.check("#feel_fear")
    client.click("button:has-text('Save')")
    client.wait_for_url("**/journal/*/")
    client.click("button:has-text('Share with my therapist')")

    # The therapist sets up a DIT course.
    therapist.goto("/courses/new/")
    therapist.select_option("select[name=client]", "lee")
    therapist.select_option("select[name=programme]", "dit")
    therapist.fill("input[name=start]", "2030-03-04T10:00")
    therapist.click("button[type=submit]:not(.link)")
    therapist.wait_for_url(re.compile(r".*/courses/[0-9a-f-]+/$"))
    assert shown(therapist.locator("h1:has-text('of 16')"))
    shot(therapist, "course")
    # a session row's actions ("notes · move · cancel") are text links, each a 44-px tap target on the phone
    for action in ("notes", "move", "cancel"):
        box = therapist.locator("td a.act", has_text=action).first.bounding_box()
        assert box is not None and box["height"] >= 44, (action, box)

    # The client fills the PHQ-9 before the first session.
    client.goto("/measures/fill/phq9/")
    for item in range(1, 10):
        client.check(f"input[name=item{item}][value='{2 if item < 9 else 0}']")
    client.click("button:has-text('Send')")
    assert shown(client.locator("text=16").first)
    shot(client, "measure")

    # The therapist prepares the next session.
    course_url = therapist.url
    therapist.goto(course_url + "prep/")
    assert shown(therapist.locator("text=Preparing for the next session"))
    assert shown(therapist.locator("text=PHQ-9").first)
    shot(therapist, "prep")

    # The risk flow: an entry with ideation → a calm check-in with the safety plan → the therapist's alert.
    client.goto("/write/")
    client.fill(
        "#id_body", "I don't see the point anymore. I keep thinking everyone would be better off without me."
    )
    client.click("button:has-text('Save')")
    client.wait_for_url("**/journal/*/")  # the save lands on the entry, with the calm check-in on top
    assert shown(client.locator("#check-in >> text=Are you safe?"))
    client.goto("/journal/")  # nothing is locked while the check-in waits
    assert shown(client.locator("#check-in")) and shown(client.locator("main"))
    shot(client, "check-in")
    client.locator("#check-in button[value=safe]").click()
    client.wait_for_url("**/check-in/")
    assert shown(client.locator("text=988").first)  # answering never hides the plan
    assert client.locator("a[href^='tel:']").count() >= 1
    therapist.goto("/")
    assert shown(therapist.locator("text=Alerts to acknowledge"))
    shot(therapist, "caseload")
    for context in contexts:
        context.close()
