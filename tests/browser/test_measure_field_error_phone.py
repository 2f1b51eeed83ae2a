"""h86: on a phone (360 px), a PHQ-9 sent with a question left unanswered (a browser or screen reader that does not
enforce ``required``) came back with "Answer question 2." at the top only; question 2 carried no ``aria-invalid`` and
no ``aria-describedby``. The question is now marked and described by the message, the other answers kept."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LINKED = """(sel) => {
  const field = document.querySelector(sel);
  const ids = (field.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
  const said = ids.map(id => (document.getElementById(id) || {textContent: ''}).textContent.trim()).join(' ');
  const r = field.getBoundingClientRect();
  return {invalid: field.getAttribute('aria-invalid'), described: said, right: r.right,
          width: document.scrollingElement.scrollWidth};
}"""


def test_browser_a_missing_answer_is_said_on_its_question_at_360px(
    phone: Any, dit: tuple[Any, Any, Any]
) -> None:
    client, _, _ = dit
    page = phone
    sign_in(page, client.username)
    page.goto("/measures/fill/phq9/")
    for number in (1, *range(3, 10)):
        page.check(f"input[name=item{number}][value='1']")
    if page.locator("#session").count():
        page.select_option("#session", "16")
    page.evaluate("() => { document.querySelector('main form.stack').noValidate = true; }")
    page.click("button:has-text('Send')")
    page.wait_for_selector(".error")
    linked = page.evaluate(LINKED, "#item2")
    assert linked["invalid"] == "true" and "Answer question 2." in linked["described"], linked
    assert linked["right"] <= 360 and linked["width"] <= 360, linked  # the message fits the phone
    assert page.is_checked("input[name=item5][value='1']")  # the answers given are kept
