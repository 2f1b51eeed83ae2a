"""Real headless Chromium at 360 x 740 (brief u32 point 4): a feeling's name on Write and Edit never breaks inside
a word ("tendern|ess" before)."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import signed_in_to_write

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


WORDS_INSIDE = """() => [...document.querySelectorAll('.feeling label:not(.sr-only)')].filter(l => l.offsetParent !== null)
    .map(l => {
      const range = document.createRange();
      range.selectNodeContents(l);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      const words = l.textContent.trim().split(/\\s+/).length;
      return [l.textContent.trim(), tops.size, words];
    }).filter(([_, lines, words]) => lines > words)"""


def test_browser_feeling_names_never_break_inside_a_word(phone: Any, make_user: Any) -> None:
    page = phone
    signed_in_to_write(page, make_user, "dee")
    page.goto("/write/")
    assert page.locator(".feeling label:not(.sr-only)").count() >= 10
    assert page.evaluate(WORDS_INSIDE) == []
    page.fill("#id_body", "A quiet evening.")
    page.check("#feel_tenderness")
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")
    page.goto(page.url + "edit/")
    page.wait_for_selector(".feeling")
    assert page.evaluate(WORDS_INSIDE) == []
    wide = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert wide <= 0
