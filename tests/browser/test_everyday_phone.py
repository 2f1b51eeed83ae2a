"""Everyday use on a 360-px phone in Berlin, in real headless Chromium: local time from the browser, a form that
never drops a feeling, 16-px controls and 44-px touch targets, radios beside their words, a compact menu with the
safety link always visible, tables as cards."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import PHONE, checks
from browser_waits import shown

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def berlin_phone(chromium: Any, live_server: Any) -> Any:
    context = chromium.new_context(viewport=PHONE, base_url=live_server.url, timezone_id="Europe/Berlin")
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def test_browser_everyday_phone_in_berlin(berlin_phone: Any, shot: Any) -> None:
    from reverie.clinic.models import Entry, User

    page = berlin_phone
    page.goto("/")
    page.wait_for_url("**/setup/")
    assert page.input_value("input[name=time_zone]") == "Europe/Berlin"  # filled by the same-origin script
    page.fill("#id_username", "mila")
    page.fill("#id_password", "a long phone password")
    page.check("input[value=client]")
    page.click("button:has-text('Create account')")
    page.wait_for_selector("#id_body")
    assert User.objects.get(username="mila").time_zone == "Europe/Berlin"

    # The compact header: one short band, the safety link visible, the rest behind "Menu".
    header = page.locator("header.top").bounding_box()
    assert header is not None and header["height"] <= 64, header
    assert shown(page.locator("nav a.safety"))
    assert not page.locator("nav[aria-label=Main] a:has-text('Journal')").is_visible()
    page.click("details.menu > summary")
    assert shown(page.locator("nav[aria-label=Main] a:has-text('Journal')"))
    assert shown(page.locator("nav a.safety"))
    page.click("details.menu > summary")

    checks.controls_at_least_16px(page)
    checks.targets_at_least_44px(
        page, "#id_kind, #id_happened_at, .feeling label, .feeling select, button[type=submit]"
    )

    # An error keeps every value: ticks, intensities, an intensity chosen without its tick.
    page.fill("#id_happened_at", "2026-03-10T00:30")
    page.fill("#id_body", "Woke from a dream of the old flat.")
    page.check("#feel_anger")
    page.select_option("#int_anger", "5")
    page.select_option("#int_fear", "2")  # no tick
    page.click("summary:has-text('Title, people, tags')")
    page.fill("#id_title", "Night")
    page.fill("#id_other_feelings", "awe 9")
    page.click("button:has-text('Save')")
    page.wait_for_selector("p.error")
    assert page.is_checked("#feel_anger") and page.input_value("#int_anger") == "5"
    assert page.is_checked("#feel_fear") and page.input_value("#int_fear") == "2"
    assert page.input_value("#id_title") == "Night"
    assert page.input_value("#id_happened_at") == "2026-03-10T00:30"
    page.fill("#id_other_feelings", "awe 3")
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")
    assert shown(page.locator("text=10 Mar 2026, 00:30").first)  # the Berlin night, not UTC's 9 March
    assert shown(page.locator("text=anger 5/5")) and shown(page.locator("text=fear 2/5"))
    shot(page, "entry-local-time")

    # A feeling-only check-in.
    page.goto("/write/")
    page.check("#feel_relief")
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")
    assert Entry.objects.count() == 2

    # The edit form shows feelings as boxes, and saving it unchanged works.
    page.goto("/journal/")
    page.click(".entry-row a >> nth=1")
    page.click("a:has-text('Edit')")
    assert page.is_checked("#feel_anger") and page.input_value("#int_anger") == "5"
    assert page.input_value("#id_other_feelings") == "awe 3"
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")

    # Radios beside their words (PHQ-9 and the fit check).
    page.goto("/measures/fill/phq9/")
    checks.radios_beside_labels(page)
    checks.controls_at_least_16px(page)
    shot(page, "phq9-phone")
    page.goto("/fit/")
    checks.radios_beside_labels(page)

    # Tables become cards under 600 px, and no word breaks in the middle.
    page.goto("/account/audit/")
    assert page.locator("ol.audit-log li").count() >= 1  # one plain sentence per event (brief u32)
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    shot(page, "audit-phone")


def test_browser_demo_on_a_phone_shows_progress_and_reloads(
    berlin_phone: Any, shot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reverie.clinic.services import demo

    monkeypatch.setattr(demo, "DEMO_ENTRIES", 4)  # the size of the demo, not its behaviour
    page = berlin_phone
    page.goto("/")
    page.wait_for_url("**/setup/")
    page.click("button:has-text('Explore with demo data')")
    page.wait_for_selector("text=Demo data loaded", timeout=120_000)
    assert page.locator("ol.demo-progress progress").count() >= 4
    assert shown(page.locator("ol.demo-progress li:last-child"))
    shot(page, "demo-loaded")
    page.goto("/demo/")  # a reload or a bookmark: never 405
    page.wait_for_url("**/")
    assert "405" not in page.title()
    page.goto("/journal/")
    assert page.locator(".entry-row").count() == 4
