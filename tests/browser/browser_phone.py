"""Checks of a page's layout on a phone, measured in the real browser (a module of its own, imported by name)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

PHONE = {"width": 360, "height": 740}
PASSWORD = "a long test password"  # make_user's default (tests/conftest.py)


def sign_in(page: Any, username: str) -> None:
    """A client made by ``make_user`` (its default password) signed in through the login page, on the Write page."""
    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#id_body")
    # the page's scripts (entry_kind.js, feelings.js, send_kept.js) run after #id_body is parsed: a control used before
    # they run changes nothing they listen for (a mindful choice chosen on a loaded machine opened no fold-out)
    page.wait_for_load_state("load")


def signed_in_to_write(page: Any, make_user: Any, name: str) -> None:
    """A new client ``name`` signed in through the login page, on the Write page."""
    make_user(name)
    sign_in(page, name)


def shot_if_asked(page: Any, name: str) -> None:
    """A screenshot for a reviewer to look at, only when REVERIE_REVIEW_SHOTS names a folder (never by default)."""
    folder = os.environ.get("REVERIE_REVIEW_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def controls_at_least_16px(page: Any) -> None:
    small = page.evaluate(
        """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
            .filter(e => e.offsetParent !== null)
            .filter(e => parseFloat(getComputedStyle(e).fontSize) < 16)
            .map(e => (e.id || e.name || e.tagName) + ':' + getComputedStyle(e).fontSize)"""
    )
    assert not small, f"controls under 16 px: {small}"


def targets_at_least_44px(page: Any, selector: str) -> None:
    low = page.evaluate(
        """(sel) => [...document.querySelectorAll(sel)].filter(e => e.offsetParent !== null)
            .map(e => [e.id || e.getAttribute('for') || e.textContent.trim().slice(0, 20), e.getBoundingClientRect().height])
            .filter(([_, h]) => h < 43.5)""",
        selector,
    )
    assert not low, f"touch targets under 44 px: {low}"


def radios_beside_labels(page: Any) -> None:
    """Each radio and the first line of its words share a line: same vertical band, radio just left of the text.
    A scale's points (``.scale``: a number under each radio) are checked by their own test."""
    apart = page.evaluate(
        """() => [...document.querySelectorAll('label input[type=radio]')].filter(r => r.offsetParent !== null)
            .filter(r => !r.closest('.scale'))
            .map(r => {
              const label = r.closest('label');
              const box = r.getBoundingClientRect();
              const range = document.createRange();
              range.selectNodeContents(label);
              const rects = [...range.getClientRects()].filter(x => x.width > 0 && x.left > box.right - 1);
              const text = rects[0];
              if (!text) return [label.textContent.trim(), 'no text'];
              const sameLine = Math.abs((text.top + text.bottom) / 2 - (box.top + box.bottom) / 2) < 12;
              const near = text.left - box.right < 24;
              return sameLine && near ? null : [label.textContent.trim(), box.top, text.top, box.right, text.left];
            }).filter(x => x)"""
    )
    count = page.locator("label input[type=radio]").count()
    assert count > 0 and not apart, f"radios apart from their words: {apart[:5]}"


def tables_as_cards(page: Any) -> None:
    state = page.evaluate(
        """() => [...document.querySelectorAll('main table')].map(t => ({
              cards: t.classList.contains('cards'),
              row: t.tBodies[0] && t.tBodies[0].rows[0] ? getComputedStyle(t.tBodies[0].rows[0]).display : 'none',
              labels: [...t.querySelectorAll('td')].every(td => td.hasAttribute('data-label') || td.colSpan > 1),
              wrap: [...t.querySelectorAll('td, th')].every(c => getComputedStyle(c).overflowWrap === 'normal'),
              wide: t.getBoundingClientRect().width <= document.documentElement.clientWidth,
            }))"""
    )
    assert state, "no table on the page"
    for table in state:
        assert table == {"cards": True, "row": "block", "labels": True, "wrap": True, "wide": True}, table


checks = SimpleNamespace(
    controls_at_least_16px=controls_at_least_16px,
    targets_at_least_44px=targets_at_least_44px,
    radios_beside_labels=radios_beside_labels,
    tables_as_cards=tables_as_cards,
)


def wait_until_true(page: Any, expression: str, timeout_s: float = 15.0) -> None:
    """Poll a JavaScript expression through ``page.evaluate`` until it is true. Reverie's pages forbid
    ``unsafe-eval`` in their Content-Security-Policy, and Playwright's ``wait_for_function`` builds its predicate
    with ``new Function`` inside the page, which that policy refuses on some Chromium builds; ``evaluate`` runs
    through the DevTools protocol, which the policy does not govern."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"{expression!r} was still false after {timeout_s} s")
        page.wait_for_timeout(50)
