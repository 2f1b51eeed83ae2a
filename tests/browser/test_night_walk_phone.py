"""Real headless Chromium at 360 x 740 (x7's walk): each fold-out ("Title, people, tags", the patterns' details)
shows a triangle that turns when it opens, and the export's formats sit beside their radios."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import checks, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _marker(page: Any, selector: str) -> str:
    return str(page.eval_on_selector(selector, "s => getComputedStyle(s, '::before').content"))


def test_fold_outs_show_that_they_open_and_export_radios_sit_by_their_words(
    phone: Any, make_user: Any
) -> None:
    make_user("owl")
    sign_in(phone, "owl")
    summary = "details.more > summary"
    closed = _marker(phone, summary)
    assert closed not in ("none", "normal", ""), closed
    phone.click(summary)
    assert _marker(phone, summary) not in (closed, "none", "normal", "")
    assert _marker(phone, "details.menu > summary") == '"☰"'  # the menu keeps its own sign

    phone.goto("/export/")
    checks.radios_beside_labels(phone)


def test_fit_questions_sit_inside_their_boxes(phone: Any) -> None:
    phone.goto("/fit/")
    outside = phone.evaluate(
        """() => [...document.querySelectorAll('main fieldset > legend')].filter(l => l.offsetParent !== null)
            .map(l => [l.textContent.trim().slice(0, 30), l.getBoundingClientRect().top - l.parentElement.getBoundingClientRect().top])
            .filter(([_, gap]) => gap < 1)"""
    )
    count = phone.locator("main fieldset > legend").count()
    assert count > 10 and not outside, f"questions across their box's top edge: {outside[:5]}"
    beside = phone.evaluate(
        """() => [...document.querySelectorAll('main fieldset input')].filter(i => i.offsetParent !== null)
            .filter(i => i.getBoundingClientRect().top < i.closest('fieldset').querySelector('legend').getBoundingClientRect().bottom)
            .map(i => i.name)"""
    )
    assert not beside, f"answers beside their question instead of under it: {beside[:5]}"


def test_the_open_menu_is_a_full_width_row_under_the_header(phone: Any, make_user: Any) -> None:
    make_user("lark")
    sign_in(phone, "lark")
    phone.click("details.menu > summary")
    menu = phone.locator("details.menu").bounding_box()
    brand = phone.locator("header.top .brand").bounding_box()
    assert menu is not None and brand is not None
    assert menu["width"] >= 320 and menu["y"] >= brand["y"] + brand["height"] - 1, (menu, brand)
