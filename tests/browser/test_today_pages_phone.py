"""Review r110 (found no fault; kept as coverage): pages changed on 6 Dec 2026 (h112, h114, h109/h116) on a 360x740 phone in real Chromium, held to
the phone survey's goals (text >= 12 px, tap targets, no sideways overflow, no raw code on a client's page) and the
refused-form focus rule (the first refused box takes focus)."""

from __future__ import annotations

from typing import Any

import pytest
from phone_measure import measure
from test_check_in_390 import _sign_in_as
from test_phone_survey import faults

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _page(chromium: Any, live_server: Any) -> Any:
    context = chromium.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    return page


def _row(page: Any, who: str, status: int, expected: int = 200) -> dict[str, Any]:
    found = measure(page)
    found.update(who=who, path=page.url, status=status, url=page.url, expected=expected)
    if who == "therapist":
        found["jargon"] = []
    return found


def test_browser_r110_departed_therapist_notice_on_pair_at_360px(
    chromium: Any, live_server: Any, paired: tuple[Any, Any]
) -> None:
    """A client whose only therapist's account was closed opens "My therapist" on a phone: they should read the
    plain notice that what they share reaches no one, on a page that meets the phone goals."""
    from reverie.clinic.services import people

    client, therapist = paired
    people.deactivate_user(therapist.username)
    page = _page(chromium, live_server)
    _sign_in_as(page, client, live_server)
    answer = page.goto("/pair/")
    status = answer.status if answer else 0
    assert "account at this clinic has been closed" in page.inner_text("main")
    problems = faults(_row(page, "client", status))
    page.context.close()
    assert problems == [], problems


def test_browser_r110_open_ended_course_refuses_a_number_of_sessions_focus_on_the_box_at_360px(
    chromium: Any, live_server: Any, paired: tuple[Any, Any]
) -> None:
    """A therapist on a phone sets up a long-term (open-ended) course and types 20 sessions: the page should refuse
    it in plain words, mark the "Number of sessions" box and put the focus there, and meet the phone goals."""
    _, therapist = paired
    page = _page(chromium, live_server)
    _sign_in_as(page, therapist, live_server)
    page.goto("/courses/new/")
    page.select_option("#programme", "long_term")
    page.fill("#total_sessions", "20")
    page.fill("#start", "2030-03-04T10:00")
    with page.expect_navigation() as nav:
        page.click("form:has(#total_sessions) button[type=submit]")
    status = nav.value.status if nav.value else 0
    page.wait_for_selector("[role=alert]")
    assert "no set number of sessions" in page.inner_text("main")
    assert page.get_attribute("#total_sessions", "aria-invalid") == "true"
    focused = page.evaluate("() => document.activeElement && document.activeElement.id")
    assert focused == "total_sessions", focused
    problems = faults(_row(page, "therapist", status, 400))
    page.context.close()
    assert problems == [], problems


def test_browser_r110_open_ended_course_refuses_a_count_in_the_rule_focus_on_the_rule_at_360px(
    chromium: Any, live_server: Any, paired: tuple[Any, Any]
) -> None:
    """The same with COUNT in the recurrence rule: the rule's box should be marked and take the focus."""
    _, therapist = paired
    page = _page(chromium, live_server)
    _sign_in_as(page, therapist, live_server)
    page.goto("/courses/new/")
    page.select_option("#programme", "long_term")
    page.fill("#start", "2030-03-04T10:00")
    page.fill("#rrule", "FREQ=WEEKLY;BYDAY=MO;COUNT=20")
    with page.expect_navigation() as nav:
        page.click("form:has(#rrule) button[type=submit]")
    status = nav.value.status if nav.value else 0
    page.wait_for_selector("[role=alert]")
    assert "no set number of sessions" in page.inner_text("main")
    assert page.get_attribute("#rrule", "aria-invalid") == "true"
    focused = page.evaluate("() => document.activeElement && document.activeElement.id")
    assert focused == "rrule", focused
    problems = faults(_row(page, "therapist", status, 400))
    page.context.close()
    assert problems == [], problems


def test_browser_r110_safety_page_lines_first_at_360px(
    chromium: Any, live_server: Any, make_user: Any
) -> None:
    """A client at 2 a.m. opens the safety page on a phone: the first thing under the heading should be a line to
    call (a tel: link in the first screen), every number tappable, and the page should meet the phone goals."""
    client = make_user("nora")
    page = _page(chromium, live_server)
    _sign_in_as(page, client, live_server)
    answer = page.goto("/safety/")
    status = answer.status if answer else 0
    top = page.evaluate(
        "() => { const a = document.querySelector('main a[href^=\"tel:\"]'); return a ? a.getBoundingClientRect().top : 9999; }"
    )
    assert top < 740, f"the first line to call is {top} px down"
    problems = faults(_row(page, "client", status))
    page.context.close()
    assert problems == [], problems


RISKY = "I keep thinking I want to kill myself. Nobody would miss me."


def test_browser_r110_check_in_with_no_open_link_promises_no_therapist_at_360px(
    chromium: Any, live_server: Any, paired: tuple[Any, Any]
) -> None:
    """A client whose only therapist's account was closed writes a risky entry on a phone: the check-in banner, the
    check-in page and the answer to "I need help now" should never promise that a therapist sees it (no one does),
    should put a line to call on the first screen, and should meet the phone goals."""
    from reverie.clinic.services import people

    client, therapist = paired
    people.deactivate_user(therapist.username)
    page = _page(chromium, live_server)
    _sign_in_as(page, client, live_server)
    page.goto("/write/")
    page.fill("#id_body", RISKY)
    page.click("form:has(#id_body) button:has-text('Save')")
    page.wait_for_url("**/journal/*/")
    said = [page.inner_text("body")]
    problems = faults(_row(page, "client", 200))
    answer = page.goto("/check-in/")
    said.append(page.inner_text("body"))
    problems += faults(_row(page, "client", answer.status if answer else 0))
    with page.expect_navigation() as nav:
        page.locator("main form button", has_text="I need help now").click()
    status = nav.value.status if nav.value else 0
    top = page.evaluate(
        "() => { const a = document.querySelector('main a[href^=\"tel:\"]'); return a ? a.getBoundingClientRect().top : 9999; }"
    )
    said.append(page.inner_text("body"))
    problems += faults(_row(page, "client", status))
    page.context.close()
    promised = [s for text in said for s in text.split(".") if "your therapist" in s.lower()]
    assert problems == [], problems
    assert top < 740, f"the first line to call is {top} px down after 'I need help now'"
    assert promised == [], promised
