"""Review r132 (h182): on a 360 × 740 phone in real headless Chromium, choosing "Mindful choice" brings its first box
into view.

Since r132 choosing the kind opens the fold-out with the situation, the urge and the choice, but it sat below the
14-row "Write whatever comes to mind" box, its summary at the bottom edge of the screen and the three boxes under it:
nothing on screen changed, and a person wrote the mindful choice into the big box. Now the fold-out is scrolled to
the top of the screen, with the situation's label and box in view."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import signed_in_to_write

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _in_view(page: Any, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 740


def test_browser_choosing_mindful_choice_shows_its_first_box(phone: Any, make_user: Any) -> None:
    page = phone
    signed_in_to_write(page, make_user, "ines")
    assert not _in_view(page, "details.mindful summary") or not page.locator("#id_situation").is_visible()
    page.select_option("#id_kind", "mindful_choice")
    page.wait_for_function(
        "() => { const r = document.querySelector('#id_situation').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= innerHeight; }",
        timeout=5_000,
    )
    assert _in_view(page, "#id_situation"), "the situation's box is not on screen"
    assert _in_view(page, "label[for=id_situation]"), "the situation's label is not on screen"
    assert _in_view(page, "details.mindful summary"), "the fold-out's heading is not on screen"


def test_browser_choosing_another_kind_does_not_move_the_page(phone: Any, make_user: Any) -> None:
    page = phone
    signed_in_to_write(page, make_user, "ines")
    page.select_option("#id_kind", "dream")
    assert page.evaluate("() => window.scrollY") == 0
