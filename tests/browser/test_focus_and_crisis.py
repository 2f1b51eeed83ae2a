"""Review r90 on h104: a refused form takes keyboard focus on its first refused box (``autofocus``). On the PHQ-9
page that box can sit below the words for someone who just answered question 9 above 0 and the crisis lines."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEEN = """() => {
  const said = [...document.querySelectorAll('[role=status]')].find(p => p.textContent.includes('better off dead'));
  const lines = document.getElementById('lines-heading');
  const banner = document.querySelector('#check-in .check-in-lines');
  const on = (el) => { if (!el) return null; const r = el.getBoundingClientRect();
                       return r.bottom > 0 && r.top < window.innerHeight; };
  return {said: !!said, said_on_screen: on(said), lines_on_screen: on(lines),
          banner_lines_on_screen: on(banner), scrolled: window.scrollY,
          focus: document.activeElement && document.activeElement.id};
}"""


def test_browser_a_refused_phq9_with_question_9_answered_keeps_the_crisis_words_in_view(
    phone: Any, dit: Any
) -> None:
    """2 a.m. on a phone: a client answers PHQ-9 question 9 ("thoughts that you would be better off dead")
    "nearly every day" but misses question 3, and presses Send. The page comes back with "You said you have had
    thoughts that you would be better off dead … you do not have to carry it alone", the safety plan and the crisis
    lines on top, then the form; but h104's autofocus on question 3 scrolls the phone past all of them, and a
    screen reader starts at question 3: the person sees a questionnaire, not the help. The page should open where
    the words about help and the crisis lines can be seen (focus on them, or on the refusal above them)."""
    client, _therapist, _course = dit
    page = phone
    sign_in(page, client.username)
    page.goto("/measures/fill/phq9/")
    for n in (1, 2, 4, 5, 6, 7, 8):
        page.evaluate(
            f"() => {{ document.querySelector('input[name=item{n}][value=\"0\"]').checked = true; }}"
        )
    page.evaluate("() => { document.querySelector('input[name=item9][value=\"3\"]').checked = true; }")
    page.evaluate("() => document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))")
    page.click("form:has(#item3) button[type=submit]")
    page.wait_for_selector("[role=alert]")
    state = page.evaluate(SEEN)
    assert state["said"], state  # the words for question 9 are on the page
    # h105: the same answer raises the check-in, whose full banner (its question and the crisis lines) is first in
    # <main>; the page opens there, at its top, no box taking focus, with crisis lines in view
    assert state["said_on_screen"] or state["lines_on_screen"] or state["banner_lines_on_screen"], state
    assert state["scrolled"] == 0 and state["focus"] != "item3", state
