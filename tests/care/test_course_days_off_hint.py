"""Review r133 11(d): a course whose sessions still to come fall on 24-26 Dec, 31 Dec or 1 Jan gets one plain hint on
the course page ("Some sessions fall on days many people take off: 24 Dec, 31 Dec. Move them if either of you will be
away."), never a block: the course is set up as asked."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

import pytest

from reverie.care.services.course import CourseDraft, create_course, days_many_take_off
from web_client import signed_in

pytestmark = pytest.mark.django_db
HINT = "Some sessions fall on days many people take off: 24 Dec, 31 Dec. Move them if either of you will be away."


def _page(user: Any, course: Any) -> str:
    return html.unescape(signed_in(user).get(f"/courses/{course.id}/").content.decode())


def test_sessions_on_24_and_31_december_get_one_hint_never_a_block(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    draft = CourseDraft(client.username, "dit", datetime(2030, 12, 17, 10, 0), "Europe/London")  # Tuesdays
    course = create_course(therapist, draft)  # set up as asked: no question, no refusal
    assert _page(therapist, course).count(HINT) == 1
    told = _page(client, course)
    assert "Some sessions fall on days many people take off: 24 Dec, 31 Dec. Tell your therapist" in told


def test_no_hint_without_such_a_day(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    course = create_course(therapist, CourseDraft(client.username, "dit", datetime(2030, 3, 4, 10, 0), "UTC"))
    assert "many people take off" not in _page(therapist, course)


def test_the_days_in_words() -> None:
    assert days_many_take_off([datetime(2030, 12, 26, 9), datetime(2030, 12, 27, 9)]) == "26 Dec"
    assert days_many_take_off([datetime(2031, 1, 1, 9), datetime(2030, 12, 31, 9)]) == "31 Dec, 1 Jan"
    assert (
        days_many_take_off([datetime(2030, 12, 24, 9), datetime(2031, 12, 24, 9)])
        == "24 Dec 2030, 24 Dec 2031"
    )
    assert days_many_take_off([datetime(2030, 12, 23, 9)]) == ""
