"""h104: after a refused form the page came back with keyboard focus at its top: a keyboard or screen-reader user had
to Tab through the page to find the box to fix. The first box the refusal names now takes focus on load
(``autofocus``, rendered by the server: ``reverie/_invalid.html`` for the hand-written boxes, the form renderer's
``RefusalFocus`` for Django's forms), and the summary on top links to it. Checked in real Chromium on a 360-px phone,
on a care form (goals, h86), the settings page, the Write page (a Django form whose body box otherwise takes focus)
and a question of the PHQ-9 (a fieldset); ending a course is test_new_pages_phone.py's."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUS = """(id) => {
  const box = document.getElementById(id);
  const link = document.querySelector('[role=alert] a[href="#' + id + '"]');
  return {focused: document.activeElement === box, on: document.activeElement && document.activeElement.id,
          linked: !!link, autofocus: document.querySelectorAll('[autofocus]').length};
}"""


def _focus_on(page: Any, box: str) -> None:
    page.wait_for_selector("[role=alert]")
    state = page.evaluate(FOCUS, box)
    assert state == {"focused": True, "on": box, "linked": True, "autofocus": 1}, state


def test_browser_a_refused_goal_puts_focus_on_its_box(phone: Any, dit: Any) -> None:
    client, _therapist, course = dit
    page = phone
    sign_in(page, client.username)
    page.goto(f"/courses/{course.id}/goals/")
    page.evaluate("() => { document.querySelector('#title').value = ''; }")
    page.click("form:has(#title) button[type=submit]")
    _focus_on(page, "title")


def test_browser_a_refused_time_zone_puts_focus_on_its_box(phone: Any, make_user: Any) -> None:
    page = phone
    sign_in(page, make_user("ada").username)
    page.goto("/account/settings/")
    page.evaluate(
        "() => { const s = document.querySelector('#id_time_zone'); s.add(new Option('Mars', 'Mars/Olympus'));"
        " s.value = 'Mars/Olympus'; }"
    )
    page.click("form:has(#id_time_zone) button:has-text('Save')")
    _focus_on(page, "id_time_zone")


def test_browser_a_refused_date_on_the_write_page_takes_focus_from_the_body(
    phone: Any, make_user: Any
) -> None:
    page = phone
    sign_in(page, make_user("sam").username)
    page.goto("/write/")
    page.fill("#id_body", "A quiet dream about a boat.")
    page.fill("#id_happened_at", "2099-12-31T10:00")
    page.click("button:has-text('Save')")
    _focus_on(page, "id_happened_at")


def test_browser_a_missing_answer_puts_focus_on_its_question(phone: Any, dit: Any) -> None:
    client, _therapist, _course = dit
    page = phone
    sign_in(page, client.username)
    page.goto("/measures/fill/phq9/")
    for n in (1, 2, 4, 5, 6, 7, 8, 9):
        page.evaluate(
            f"() => {{ document.querySelector('input[name=item{n}][value=\"0\"]').checked = true; }}"
        )
    page.evaluate("() => document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))")
    page.click("form:has(#item3) button[type=submit]")
    _focus_on(page, "item3")
