"""Real headless Chromium at 360 x 740 (brief u32 point 3): every crisis-line link on /safety/ and /check-in/ and the
authenticator link is a 44-px tap target, apart from its neighbours, that never splits its number; no sideways
scroll."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a long test password"
TAPS = 'a[href^="tel:"], a[href^="sms:"]'


def _signed_in(page: Any, make_user: Any, name: str) -> Any:
    user = make_user(name)
    page.goto("/login/")
    page.fill("#id_username", name)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#id_body")
    return user


def _tap_targets(page: Any, selector: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = page.evaluate(
        """(sel) => [...document.querySelectorAll(sel)].filter(e => e.offsetParent !== null).map(e => {
              const r = e.getBoundingClientRect();
              const lines = new Set([...e.getClientRects()].map(x => Math.round(x.top))).size;
              return {text: e.textContent.trim(), height: r.height, top: r.top, left: r.left, right: r.right,
                      bottom: r.bottom, lines: lines, nowrap: getComputedStyle(e).whiteSpace === 'nowrap'};
            })""",
        selector,
    )
    return out


def _check_taps(page: Any, selector: str) -> int:
    # every country's lines, folded ones too, are measured open
    page.evaluate(
        "(sel) => document.querySelectorAll(sel).forEach(a => { const d = a.closest('details'); if (d) d.open = true; })",
        selector,
    )
    taps = _tap_targets(page, selector)
    low = [(t["text"], t["height"]) for t in taps if t["height"] < 44]
    assert not low, f"tap targets under 44 px: {low[:6]}"
    assert all(t["nowrap"] and t["lines"] == 1 for t in taps), [t["text"] for t in taps if not t["nowrap"]]
    for a, b in itertools.pairwise(taps):  # neighbours never touch
        overlap_v = a["top"] < b["bottom"] and b["top"] < a["bottom"]
        if overlap_v:
            assert b["left"] - a["right"] >= 4 or a["left"] - b["right"] >= 4, (a, b)
        else:
            assert b["top"] - a["bottom"] >= 4 or a["top"] - b["bottom"] >= 4, (a["text"], b["text"])
    wide = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert wide <= 0, f"horizontal scroll of {wide} px"
    return len(taps)


def test_browser_crisis_links_are_44px_tap_targets(phone: Any, make_user: Any) -> None:
    from reverie.care.services import alerts
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft

    page = phone
    user = _signed_in(page, make_user, "cai")
    page.goto("/safety/")
    assert _check_taps(page, TAPS) >= 15
    journal.create_entry(
        user, EntryDraft(kind="reflection", body="I want to kill myself. Nobody would miss me.")
    )
    assert alerts.pending_check_in(user) is not None
    page.goto("/check-in/")
    page.click("button:has-text('I need help now')")
    page.wait_for_selector("text=Please reach out now")
    assert "United Kingdom" in page.inner_text("main")
    assert _check_taps(page, TAPS) >= 9
    page.goto("/account/2fa/")
    assert _check_taps(page, 'a[href^="otpauth:"]') == 1
