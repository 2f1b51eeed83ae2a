"""A check-in counts as shown only where a page showed it in full: a check-in page that fails shows it on its error
page (the banner's first showing carries the question and the crisis lines), and is marked then, not before."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_a_check_in_page_that_fails_shows_the_check_in_on_its_error_page(
    dit: tuple[Any, Any, Any], web_as: Any
) -> None:
    """The check-in page failing before it renders (an answer that no longer opens) still shows the question, its
    answers and the crisis lines on the error page (review r44's case, settled by the full banner). Since h116 no
    answer of 500 or more records a showing (``clinic/web/shown.py``): the check-in stays unseen, so the next good
    page shows it in full again, never marked by a page that failed."""
    from reverie.care.models import MeasureResponse
    from reverie.care.services import alerts, measures

    client, _therapist, course = dit
    measures.submit(client, "phq9", [1, 1, 1, 1, 1, 1, 1, 1, 2], course_id=course.id, session_number=16)
    assert alerts.unseen_check_ins(client)
    row = MeasureResponse.objects.get(client=client)
    MeasureResponse.objects.filter(pk=row.pk).update(answers=bytes(row.answers)[:-4] + b"XXXX")
    browser = web_as(client)
    browser.raise_request_exception = False
    page = browser.get("/check-in/")
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.content.decode()))
    assert page.status_code == 500
    assert "Are you safe?" in words and "I need help now" in words and "Call 988" in words
    assert alerts.unseen_check_ins(client)  # before h116: marked shown by a failed answer


def test_the_check_in_page_marks_only_after_it_rendered(
    dit: tuple[Any, Any, Any], web_as: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page's own full showing is recorded after its template rendered, so a render that fails records nothing
    from the page itself (the error page's banner then shows it; since h116 no failed answer records it)."""
    from reverie.care.services import alerts, measures
    from reverie.care.web import safety_views

    client, _therapist, course = dit
    measures.submit(client, "phq9", [1, 1, 1, 1, 1, 1, 1, 1, 2], course_id=course.id, session_number=16)
    order: list[str] = []
    real_render, real_show = safety_views.render, alerts.show_check_in
    monkeypatch.setattr(
        safety_views, "render", lambda *a, **k: order.append("render") or real_render(*a, **k)
    )
    monkeypatch.setattr(
        alerts,
        "show_check_in",
        lambda *a, **k: order.append("show" if k.get("full") else "banner") or real_show(*a, **k),
    )
    assert web_as(client).get("/check-in/").status_code == 200
    assert order.index("render") < order.index("show")
