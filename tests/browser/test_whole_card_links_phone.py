"""Real headless Chromium at 360 x 740 (x3's walk, decided): each entry on the client's journal is one card that is
one link. The whole card is the tap target (>= 44 px), the link's name is the title or a plain fallback
(its kind and day, "Reflection, 3 May"), nothing interactive sits inside it, and keyboard focus on it is visible."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from browser_phone import shot_if_asked, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NESTED = "a a, a button, a input, a select, a textarea, a [tabindex], a summary"


def test_browser_journal_entries_are_whole_card_links(phone: Any, make_user: Any) -> None:
    from django.utils import timezone

    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft, Feeling

    client = make_user("card")
    when = timezone.make_aware(datetime(2026, 5, 3, 9, 30))
    journal.create_entry(
        client,
        EntryDraft(kind="dream", body="A house with many rooms.", title="The house", happened_at=when),
    )
    journal.create_entry(
        client,
        EntryDraft(
            kind="reflection",
            body="Talked to my sister.",
            happened_at=when,
            feelings=(Feeling("relief", 3),),
        ),
    )
    page = phone
    sign_in(page, "card")
    page.goto("/journal/")
    shot_if_asked(page, "journal-cards")
    rows = page.locator("li.entry-row")
    assert rows.count() == 2
    for i in range(2):
        row = rows.nth(i)
        assert row.locator("a").count() == 1
        link, card = row.locator("a").bounding_box(), row.bounding_box()
        assert link is not None and card is not None
        assert link["height"] >= 44 and link["height"] >= card["height"] - 2  # the card is the link
        assert row.locator(".excerpt").evaluate("e => !!e.closest('a')")
    assert page.locator(f"main {NESTED}").count() == 0
    titled = page.get_by_role("link", name="The house", exact=True)
    untitled = page.get_by_role("link", name="Reflection, 3 May", exact=True)
    assert titled.count() == 1 and untitled.count() == 1
    page.focus("#q")
    for _ in range(6):  # the keyboard reaches the first card past the filters
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('li.entry-row')"):
            break
    ring = page.evaluate(
        "(e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth)(document.activeElement)"
    )
    assert ring.startswith("solid") and not ring.endswith(" 0px"), ring
    untitled.click()
    page.wait_for_url("**/journal/*/")
    assert "Talked to my sister." in page.locator("main").inner_text()


def test_browser_the_clients_course_is_a_whole_card_link(phone: Any, paired: tuple[Any, Any]) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from reverie.care.services.course import CourseDraft, create_course

    client, therapist = paired
    start = timezone.now() + timedelta(days=7)
    create_course(therapist, CourseDraft(client=client.username, programme="dit", start=start))
    page = phone
    sign_in(page, client.username)
    page.goto("/courses/")
    shot_if_asked(page, "courses-card")
    row = page.locator("main li.entry-row")
    assert row.count() == 1 and row.locator("a").count() == 1
    link, card = row.locator("a").bounding_box(), row.bounding_box()
    assert link is not None and card is not None
    assert link["height"] >= 44 and link["height"] >= card["height"] - 2
    assert "from " in row.locator("a").inner_text()  # the start date is part of the card's link


def test_browser_the_footer_and_settings_links_are_44px_targets(phone: Any, make_user: Any) -> None:
    """The footer's Settings / Privacy log / Two-step sign-in and the settings page's links stand alone in a row: each
    is a 44-px target on a phone, not a 19-px line of text joined by dots."""
    from browser_phone import signed_in_to_write, targets_at_least_44px

    page = phone
    signed_in_to_write(page, make_user, "footer")
    targets_at_least_44px(page, "footer a")
    assert "·" not in page.locator("footer p").first.inner_text()
    page.goto("/account/settings/")
    shot_if_asked(page, "settings-links")
    targets_at_least_44px(page, "main p.links a")
    assert page.locator("main p.links a").count() == 3


def test_browser_a_caseload_client_is_a_whole_card_link_with_prepare_beside_it(
    phone: Any, live_server: Any, paired: tuple[Any, Any]
) -> None:
    """u2: each client on the caseload had two small links (the name, "prepare") in a card that was itself no
    target. Now the card is one link to the course (>= 44 px, the card's height, the alert and next-session lines
    inside it), and Prepare is its own 44-px target beside it, named with the client for a screen reader."""
    from datetime import timedelta

    from django.utils import timezone
    from test_check_in_390 import _sign_in_as

    from reverie.care.services.course import CourseDraft, create_course

    client, therapist = paired
    start = timezone.now() + timedelta(days=1)
    course = create_course(therapist, CourseDraft(client=client.username, programme="dit", start=start))
    page = phone
    _sign_in_as(page, therapist, live_server)
    page.goto("/")
    shot_if_asked(page, "caseload-cards")
    row = page.locator("main li.case-row")
    assert row.count() == 1
    card = row.locator("a.entry-card")
    assert (
        card.count() == 1
        and card.locator("a, button, input, select, textarea, [tabindex], summary").count() == 0
    )
    link, box = card.bounding_box(), row.bounding_box()
    assert link is not None and box is not None
    assert link["height"] >= 44 and link["height"] >= box["height"] - 2  # the card is the link
    assert client.username in card.inner_text() and "next " in card.inner_text()
    prepare = page.get_by_role("link", name=f"Prepare: {client.username}", exact=True)
    assert prepare.count() == 1
    target = prepare.bounding_box()
    assert target is not None and target["height"] >= 44 and target["width"] >= 44
    lines = "e => { const r = document.createRange(); r.selectNodeContents(e); return r.getClientRects().length; }"
    assert prepare.evaluate(lines) == 1  # "Prepare" on one line, never broken inside the word
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    card.click(position={"x": 10, "y": link["height"] - 6})  # a tap low on the card, away from the name
    page.wait_for_url(f"**/courses/{course.id}/")
    page.go_back()
    prepare.click()
    page.wait_for_url(f"**/courses/{course.id}/prep/")
