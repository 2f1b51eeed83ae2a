"""Review r89: pages added or changed on 6 Dec 2026 that the phone survey (test_phone_survey.py) does not visit, on a
360x740 phone in real Chromium, held to the survey's goals (text >= 12 px, tap targets, no sideways overflow, a
client reads no raw code), and two of them walked with a keyboard only (Tab, Enter, Space)."""

from __future__ import annotations

from typing import Any

import pytest
from phone_measure import measure
from test_check_in_390 import _sign_in_as
from test_phone_survey import faults

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


def _row(page: Any, path: str, who: str, status: int) -> dict[str, Any]:
    found = measure(page)
    found.update(who=who, path=path, status=status, url=page.url)
    if who == "therapist":
        found["jargon"] = []
    return found


def _tab_to(page: Any, text: str, most: int = 80) -> None:
    """Press Tab until the focused control's text holds ``text`` (fails if it never does: not reachable by keyboard)."""
    for _ in range(most):
        page.keyboard.press("Tab")
        said = page.evaluate("() => (document.activeElement && document.activeElement.innerText) || ''")
        if text in said:
            return
    raise AssertionError(f"'{text}' was never reached with Tab")


def test_browser_r89_a_client_removes_a_picture_and_cancels_with_a_keyboard_at_360px(
    chromium: Any, live_server: Any, make_user: Any
) -> None:
    """A client on a phone (keyboard only) opens 'Remove this picture', sees the confirmation page, presses 'No, keep
    it' and the picture stays; then removes it for good. Each page meets the phone goals. A person should never see
    the confirmation page cramped, overflowing or with a raw code, and the picture should stay when they cancel."""
    from reverie.clinic.models import Attachment
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import AttachmentDraft, EntryDraft

    client = make_user("lina")
    art = journal.create_entry(
        client,
        EntryDraft(kind="art", body="A drawing of the sea"),
        [AttachmentDraft("d.png", "image/png", PNG)],
    )
    context = chromium.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    _sign_in_as(page, client, live_server)
    page.goto(f"/journal/{art.id}/")
    _tab_to(page, "Remove this picture")
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Remove this picture?')")
    problems = faults(_row(page, page.url, "client", 200))
    _tab_to(page, "No, keep it")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/journal/{art.id}/")
    assert Attachment.objects.filter(entry_id=art.id).count() == 1  # cancelled: kept
    _tab_to(page, "Remove this picture")
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Remove this picture?')")
    _tab_to(page, "Yes, remove it")
    page.keyboard.press("Space")
    page.wait_for_url(f"**/journal/{art.id}/")
    assert Attachment.objects.filter(entry_id=art.id).count() == 0
    problems += faults(_row(page, page.url, "client", 200))
    context.close()
    assert problems == [], problems


def test_browser_r89_the_refused_removal_of_an_entrys_only_file_meets_the_phone_goals(
    chromium: Any, live_server: Any, make_user: Any
) -> None:
    """A picture that is all its entry holds cannot be removed: the page says so (400) with a way back. On a 360-px
    phone it should read as plain words, fit the screen and have tappable links."""
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import AttachmentDraft, EntryDraft

    client = make_user("noor")
    art = journal.create_entry(
        client, EntryDraft(kind="art", body=""), [AttachmentDraft("d.png", "image/png", PNG)]
    )
    context = chromium.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    _sign_in_as(page, client, live_server)
    page.goto(f"/journal/{art.id}/")
    page.click("button:has-text('Remove this picture')")
    page.click("button:has-text('Yes, remove it')")
    page.wait_for_selector("[role=alert]")
    problems = faults(_row(page, "/attachments/<id>/remove/ (refused)", "client", 200))
    context.close()
    assert problems == [], problems


def test_browser_r89_a_therapist_ends_a_course_corrects_a_refused_day_with_a_keyboard_at_360px(
    chromium: Any, live_server: Any, dit: Any
) -> None:
    """A therapist on a phone, keyboard only, sends an ending day before the course's first session (a stale page:
    the box's min is gone). The page comes back with the refusal on the day's box: it should be marked
    (aria-invalid, aria-describedby naming the message), keyboard focus should land on that box (not the page top,
    so a keyboard or screen-reader user is not left to hunt for it), and the page should meet the phone goals. They
    then type today's day and end the course."""
    from reverie.care.services import course as courses

    _client, therapist, course = dit
    context = chromium.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    _sign_in_as(page, therapist, live_server)
    path = f"/courses/{course.id}/end/"
    page.goto(path)
    page.evaluate(
        "() => { const b = document.querySelector('#on'); b.removeAttribute('min'); b.value = '2001-01-01'; }"
    )
    _tab_to(page, "Yes, end this course")
    page.keyboard.press("Enter")
    page.wait_for_selector("#on-error")
    problems = faults(_row(page, path + " (refused day)", "therapist", 200))
    state = page.evaluate(
        "() => { const b = document.querySelector('#on'); return {invalid: b.getAttribute('aria-invalid'),"
        " described: b.getAttribute('aria-describedby'), focused: document.activeElement === b,"
        " said: (document.getElementById(b.getAttribute('aria-describedby') || '') || {}).textContent || ''}; }"
    )
    assert state["invalid"] == "true" and state["described"] == "on-error" and state["said"], state
    today = page.evaluate("() => document.querySelector('#on').max")
    page.evaluate("(d) => { document.querySelector('#on').value = d; }", today)
    _tab_to(page, "Yes, end this course")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/courses/{course.id}/")
    assert courses.ended_on(courses.get_course(therapist, course.id)) is not None
    context.close()
    assert problems == [], problems
    assert state["focused"], (
        "after the refusal, keyboard focus is at the top of the page, not on the refused day"
    )


@pytest.mark.parametrize(
    "query", ["modality=zzz", "mode=bus", "country=Narnia", "currency=pounds", "include_full=x"]
)
def test_browser_r89_a_client_directory_search_with_a_bad_filter_meets_the_phone_goals(
    chromium: Any, live_server: Any, make_user: Any, query: str
) -> None:
    """A client follows an old directory link with a filter value the directory refuses: the page says which filter,
    in plain words. At 360 px it should fit, show no raw code and have tappable controls."""
    client = make_user("sami")
    context = chromium.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    _sign_in_as(page, client, live_server)
    response = page.goto(f"/directory/?{query}")
    page.wait_for_selector(".error")
    problems = faults(_row(page, f"/directory/?{query}", "client", 200))
    status = response.status if response else 0
    context.close()
    assert status in (200, 400) and problems == [], (status, problems)
