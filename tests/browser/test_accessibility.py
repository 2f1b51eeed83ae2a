"""Basic WCAG checks in the real browser on the main pages: every control is labelled, images have text,
the page has a language, one h1, and nothing needs horizontal scrolling on a 360-px phone."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHECK = """() => {
  const problems = [];
  for (const el of document.querySelectorAll('input, select, textarea, button')) {
    if (el.type === 'hidden') continue;
    const named = (el.labels && el.labels.length) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')
      || (el.tagName === 'BUTTON' && el.textContent.trim());
    if (!named) problems.push('unlabelled ' + el.tagName + ' ' + (el.name || el.id));
  }
  for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) problems.push('img without alt');
  if (!document.documentElement.lang) problems.push('no lang');
  if (document.querySelectorAll('h1').length !== 1) problems.push('h1 count ' + document.querySelectorAll('h1').length);
  if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push('horizontal scroll');
  return problems;
}"""

PAGES = ["/", "/write/?kind=dream", "/journal/", "/insights/", "/safety/", "/export/", "/pair/", "/measures/",
         "/courses/", "/account/audit/", "/account/2fa/", "/fit/", "/directory/", "/safety/plan/", "/dreams/"]  # fmt: skip


def test_browser_main_pages_pass_basic_accessibility_checks(phone: Any) -> None:
    page = phone
    page.goto("/setup/")
    assert page.evaluate(CHECK) == []
    page.fill("#id_username", "ada")
    page.fill("#id_password", "a long phone password")
    page.click("button:has-text('Create account')")
    page.wait_for_selector("#id_body")
    failures = {}
    for path in PAGES:
        page.goto(path)
        problems = page.evaluate(CHECK)
        if problems:
            failures[path] = problems
    assert failures == {}


def test_browser_therapist_pages_pass_basic_accessibility_checks(phone: Any) -> None:
    import pyotp

    from reverie.care.services.course import CourseDraft, create_course
    from reverie.clinic.services import keys, people

    page = phone
    keys.ensure_key_file()
    client = people.create_user("bo", "a long phone password", "client")
    people.create_user("dr-kay", "a long phone password", "therapist")  # therapists: the operator's action
    page.goto("/login/")
    page.fill("#id_username", "dr-kay")
    page.fill("#id_password", "a long phone password")
    page.click("button[type=submit]")
    page.goto("/account/2fa/")
    assert page.evaluate(CHECK) == []
    secret = page.locator("strong.code").inner_text().strip()
    page.fill("#code", pyotp.TOTP(secret).now())
    page.click("button:has-text('Turn on')")
    therapist = people.authenticate("dr-kay", "a long phone password")
    people.accept_invitation(therapist, people.issue_invitation(client))
    from datetime import datetime

    course = create_course(
        therapist, CourseDraft(client="bo", programme="dit", start=datetime(2030, 3, 4, 10), timezone="UTC")
    )
    base = f"/courses/{course.id}/"
    failures = {}
    for path in ["/", "/courses/", base, base + "prep/", base + "formulation/", base + "measures/", base + "goals/",
                 base + "sessions/1/", "/alerts/", "/directory/profile/", "/courses/new/", f"/clients/{client.pk}/insights/"]:  # fmt: skip
        page.goto(path)
        problems = page.evaluate(CHECK)
        if problems:
            failures[path] = problems
    assert failures == {}
