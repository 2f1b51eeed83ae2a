"""Real headless Chromium (walk x5): a client finds a therapist on a phone. At 360 and 1280 px each listing's ways
to get in touch (book, e-mail, telephone, website) are 44-px targets with no separator left dangling, a long
e-mail address wraps instead of pushing the page sideways; the way to the fit check and the signed-in footer's
links are 44-px targets."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import shot_if_asked
from test_check_in_390 import _sign_in_as

from reverie.care.services import directory
from reverie.programmes.directory import COLUMNS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
HEADER = ",".join((*COLUMNS, "email", "phone", "website", "booking_url"))
ROW = (
    "t1,Dr Ada Example,psychoanalytic;DIT,dit,en,yes,yes,London,GB,80,120,GBP,open,"
    "ada.featherstonehaugh@a-very-long-practice-name.example.org,+44 20 7946 0000,https://ada.example.org,"
    "https://book.example.org/ada"
)
LOW = """(sel) => [...document.querySelectorAll(sel)].filter(e => e.offsetParent !== null)
    .map(e => [e.textContent.trim().slice(0, 30), Math.round(e.getBoundingClientRect().height)])
    .filter(([_, h]) => h < 43.5)"""


def test_browser_directory_contacts_and_footer_are_44px_at_360_and_1280(
    chromium: Any, live_server: Any, make_user: Any
) -> None:
    directory.import_csv(None, f"{HEADER}\n{ROW}\n".encode())
    client = make_user("dora")
    for width in (360, 1280):
        context = chromium.new_context(viewport={"width": width, "height": 740}, base_url=live_server.url)
        page = context.new_page()
        page.goto("/directory/")
        assert page.locator(".contact a").count() == 4
        assert page.evaluate(LOW, ".contact a") == [], width
        assert page.evaluate(LOW, "main a[href='/fit/']") == [], width  # "Not sure ...? Take the fit check."
        assert "·" not in page.inner_text(".contact"), width
        assert page.evaluate("document.documentElement.scrollWidth") <= width, width
        shot_if_asked(page, f"directory-{width}")
        _sign_in_as(page, client, live_server)
        page.goto("/directory/")
        assert page.locator("footer a").count() == 3
        assert page.evaluate(LOW, "footer a") == [], width
        assert page.evaluate("document.documentElement.scrollWidth") <= width, width
        context.close()


SMALL_TEXT = """(sel) => [...document.querySelectorAll(sel)].filter(e => e.offsetParent !== null)
    .filter(e => parseFloat(getComputedStyle(e).fontSize) < 12).map(e => e.textContent.trim().slice(0, 30))"""


def test_browser_search_asks_language_and_country_by_name_at_360(chromium: Any, live_server: Any) -> None:
    """Helper x6: at 360 px a client picks "German" and "United Kingdom" from 44-px selects (no codes to type); the
    Approach and Course hints are at least 12 px, the page never scrolls sideways, and the link holds the codes."""
    directory.import_csv(None, f"{HEADER}\n{ROW.replace(',en,', ',en;de,')}\n".encode())
    context = chromium.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    page.goto("/directory/")
    shot_if_asked(page, "directory-search-360")
    assert page.evaluate(LOW, "select#language, select#country, fieldset label.inline") == []
    assert page.evaluate(SMALL_TEXT, "fieldset p, fieldset label, label") == []
    page.select_option("#language", label="German")
    page.select_option("#country", label="United Kingdom")
    page.click("button[type=submit]")
    page.wait_for_url("**/directory/?*")
    assert "language=de" in page.url and "country=GB" in page.url
    assert page.locator("#language option:checked").inner_text() == "German"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot_if_asked(page, "directory-search-360-found")
    context.close()


def test_browser_the_fit_checks_scales_are_one_row_on_a_phone(chromium: Any, live_server: Any) -> None:
    """Walk x5: at 360 px each -3 ... 3 scale wrapped four and three, reading as two scales. Now each is one row of
    seven 44-px points, each number centred under its radio, and the page does not scroll sideways."""

    context = chromium.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    page.goto("/fit/")
    shot_if_asked(page, "fit-360")
    rows = page.evaluate(
        """() => [...document.querySelectorAll('fieldset')].map(f => [...f.querySelectorAll('input[type=radio]')])
            .filter(rs => rs.length === 7)
            .map(rs => new Set(rs.map(r => Math.round(r.getBoundingClientRect().top))).size)"""
    )
    assert rows and all(n == 1 for n in rows), rows
    assert page.evaluate(LOW, "fieldset label:has(> input[type=radio])") == []
    off = page.evaluate(
        """() => [...document.querySelectorAll('.scale label')].map(l => {
              const r = l.querySelector('input').getBoundingClientRect();
              const range = document.createRange();
              range.selectNodeContents(l);
              const t = [...range.getClientRects()].filter(x => x.width > 0 && x.top >= r.bottom - 2)[0];
              const centred = t && Math.abs((t.left + t.right) / 2 - (r.left + r.right) / 2) < 6;
              return centred ? null : l.textContent.trim();
            }).filter(x => x)"""
    )
    assert off == [], off
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


def test_browser_results_pages_and_the_fee_currency_at_360(chromium: Any, live_server: Any) -> None:
    """Brief h45: 45 listings were one endless page on a phone. At 360 px a page holds 20, "Page 1 of 3" is said,
    Next and Previous are 44-px targets that keep the search, and the fee's Currency select is a 44-px target."""
    rows = [ROW.replace("t1,Dr Ada Example", f"t{n},Therapist {n:02d}") for n in range(1, 46)]
    directory.import_csv(None, ("\n".join([HEADER, *rows]) + "\n").encode())
    context = chromium.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    page.goto("/directory/?language=en")
    assert page.locator("ul.entries > li").count() == 20 and "Page 1 of 3" in page.inner_text("main")
    assert page.evaluate(LOW, "nav.pages a, select#currency") == []
    page.click("nav.pages a[rel=next]")
    page.wait_for_url("**page=2*")
    assert "language=en" in page.url and page.locator("ul.entries > li").count() == 20
    assert page.evaluate(LOW, "nav.pages a") == [] and page.locator("nav.pages a").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot_if_asked(page, "directory-pages-360")
    context.close()
