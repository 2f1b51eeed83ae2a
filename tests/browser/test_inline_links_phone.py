"""u5, real headless Chromium at 360 x 740: a link inside a sentence ("Erase my account and everything I wrote…",
"Edit my safety plan") was a 19-px line of text to hit with a thumb. On every client page (home, journal, an entry,
the check-in, the safety plan, the export) each visible link in main is now at least 44 px tall, and giving the
inline ones that height moved no line: every paragraph and list keeps its height and place."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import sign_in, targets_at_least_44px

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."
# the text blocks' boxes, to compare with the links' extra height switched off
BLOCKS = """() => [...document.querySelectorAll('main p, main li, main dd, main dt, main td, main h1, main h2, main form, #check-in p, #check-in form')]
  .filter(e => e.offsetParent !== null)
  .map(e => { const r = e.getBoundingClientRect(); return [Math.round(r.top * 10), Math.round(r.height * 10)]; })"""
# each line of a link wrapped over two lines is a 44-px tall piece (Chromium takes a tap on an inline box's padding)
LINE_PIECES = """() => [...document.querySelectorAll('main a, #check-in a')].filter(a => a.offsetParent !== null)
  .flatMap(a => [...a.getClientRects()].map(r => [a.textContent.trim().slice(0, 20), r.height]))
  .filter(([_, h]) => h < 43.5)"""
# a control keeps every tap on it: no enlarged link reaches over a button, a field or a select
COVERED = """() => [...document.querySelectorAll('main button, main input, main select, main textarea, #check-in button')]
  .filter(c => c.checkVisibility() && c.type !== 'hidden')
  .flatMap(c => { c.scrollIntoView({block: 'center'}); const r = c.getBoundingClientRect();
    return [[r.left + 3, r.top + 2], [r.right - 3, r.top + 2], [r.left + 3, r.bottom - 2], [r.right - 3, r.bottom - 2]]
      .map(([x, y]) => document.elementFromPoint(x, y)).filter(h => h && h.closest('a') && !c.contains(h))
      .map(h => [c.name || c.id || c.textContent.trim().slice(0, 20), h.textContent.trim().slice(0, 20)]); })"""
NO_TAP_AREA = """() => [...document.querySelectorAll('main a, #check-in a')].filter(a => getComputedStyle(a).display === 'inline').forEach(a => {
  a.style.setProperty('padding-top', '0', 'important'); a.style.setProperty('padding-bottom', '0', 'important'); })"""


def test_browser_links_in_sentences_are_44px_tall_and_move_no_line(phone: Any, make_user: Any) -> None:
    from reverie.care.services import safety

    page = phone
    client = make_user("ines")
    safety.save_plan(
        client,
        {"coping_steps": ["a long walk"], "trusted_contacts": [{"name": "Ana", "phone": "07700 900123"}]},
    )
    sign_in(page, client.username)
    page.fill("#id_body", RISKY)
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")
    entry = page.url  # the entry, with the check-in banner on top (its links in a sentence too)
    for path in ["/", "/journal/", entry, "/check-in/", "/safety/plan/", "/export/"]:
        page.goto(path)
        targets_at_least_44px(page, "main a")
        low = page.evaluate(LINE_PIECES)
        assert not low, (path, low)
        covered = page.evaluate(COVERED)
        assert not covered, (path, covered)
        page.evaluate("window.scrollTo(0, 0)")
        with_area = page.evaluate(BLOCKS)
        page.evaluate(NO_TAP_AREA)  # (the pages' CSP allows no style element)
        assert page.evaluate(BLOCKS) == with_area, path  # the tap area moved no line
    assert (
        "Erase my account" in page.locator("main p a").last.inner_text()
    )  # the export's inline link was seen
