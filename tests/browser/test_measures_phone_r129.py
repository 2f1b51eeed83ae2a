"""Review r129 (faults 3, 7 and 9), in real headless Chromium on a 360x740 phone: the scores page's table caption ("The
latest 4 of 6 readings") read one letter per line once phone.js made the table cards (``table.cards`` is
``display:block``, the caption kept ``table-caption`` and shrank to a 10-px column); the "FHIR" links beside each
set of answers were 37 px wide, under the 44-px tap target; the prep page's two charts had no title, told apart
only by their axis maximum."""

from __future__ import annotations

from typing import Any

import pytest
from test_check_in_390 import _sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_scores_caption_reads_across_and_the_fhir_links_are_44px(
    chromium: Any, live_server: Any, dit: tuple[Any, Any, Any]
) -> None:
    from reverie.care.services import measures

    client, therapist, course = dit
    for number in range(1, 7):
        measures.submit(client, "phq9", [1] * 9 if number == 1 else [1] * 8 + [0], session_number=number)
    context = chromium.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    _sign_in_as(page, therapist, live_server)
    response = page.goto(f"/courses/{course.id}/measures/")
    assert response is not None and response.status == 200
    page.wait_for_selector("table.cards")
    caption = page.evaluate(
        """() => { const c = document.querySelector('table.cards caption'); const r = c.getBoundingClientRect();
                   return {text: c.textContent, width: r.width, height: r.height}; }"""
    )
    assert "latest 4 of 6 readings" in caption["text"]
    assert caption["width"] > 200 and caption["height"] < 60, caption
    small = page.evaluate(
        """() => [...document.querySelectorAll('main a[href$="fhir.json"]')].map(a => a.getBoundingClientRect())
                 .filter(r => r.width < 44 || r.height < 44).map(r => [r.width, r.height])"""
    )
    assert page.locator('main a[href$="fhir.json"]').count() >= 4
    assert not small, f"FHIR links under 44x44 px: {small}"
    context.close()


def test_the_prep_pages_charts_have_titles_and_accessible_names(
    chromium: Any, live_server: Any, dit: tuple[Any, Any, Any]
) -> None:
    from reverie.care.services import measures

    client, therapist, course = dit
    for number in (1, 2):
        measures.submit(client, "phq9", [1] * 8 + [0], session_number=number)
        measures.submit(client, "gad7", [1] * 7, session_number=number)
    context = chromium.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    _sign_in_as(page, therapist, live_server)
    response = page.goto(f"/courses/{course.id}/prep/")
    assert response is not None and response.status == 200
    for name in ("PHQ-9 (mood) scores", "GAD-7 (worry) scores"):
        figure = page.get_by_role("figure", name=name)
        assert figure.count() == 1, name
        assert figure.locator("figcaption").is_visible()
        assert figure.get_by_role("img").count() == 1
    context.close()
