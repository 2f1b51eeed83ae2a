"""r128 fault 6: on the fit self-check (/fit/) at 360 px each −3 … 3 choice is a tap target at least 44 px wide and
44 px tall. Each point was 26 px wide, 16 px apart: the radio's label kept the margin every radio's label has (a
more specific rule than the scale's), so neighbouring values were easy to mis-tap. Still one row of seven, the number
under its radio (test_directory_phone.py), text at least 12 px and no sideways scroll. h171: at 320 px too (a small
phone), where main's padding and the box's left 278 px, 40 px a point, until the scale's box reached into main's
padding."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from browser_phone import shot_if_asked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TARGETS = """() => [...document.querySelectorAll('.scale label')].map(l => {
    const r = l.getBoundingClientRect();
    return {w: r.width, h: r.height, left: r.left, right: r.right, top: Math.round(r.top),
            px: parseFloat(getComputedStyle(l).fontSize)};
})"""


@pytest.mark.parametrize("width", [320, 360, 412])
def test_browser_each_fit_scale_point_is_a_44px_target(chromium: Any, live_server: Any, width: int) -> None:
    context = chromium.new_context(viewport={"width": width, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    page.goto("/fit/")
    shot_if_asked(page, f"fit-scale-{width}")
    points = page.evaluate(TARGETS)
    assert len(points) == 12 * 7, len(points)
    small = [(round(p["w"]), round(p["h"])) for p in points if p["w"] < 44 or p["h"] < 44]
    assert small == [], f"scale points under 44x44 px at {width}: {small[:7]}"
    assert all(p["px"] >= 12 for p in points)
    for row in range(0, len(points), 7):  # seven targets side by side, none overlapping the next
        seven = points[row : row + 7]
        assert len({p["top"] for p in seven}) == 1, seven
        assert all(a["right"] <= b["left"] + 0.5 for a, b in pairwise(seven)), seven
    assert all(p["left"] >= 0 and p["right"] <= width for p in points)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
