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


def _in_zone(user: Any, zone: str) -> None:
    user.time_zone = zone
    user.save(update_fields=["time_zone"])


def test_a_viewer_in_another_zone_gets_the_rows_the_heading_and_the_hint_in_their_own(
    paired: tuple[Any, Any],
) -> None:
    """h199: the rows were drawn in the viewer's zone (the page says "Times in <viewer's zone>"), but the hint judged
    the days in the course's: a London therapist of an Auckland course read "24 Dec, 31 Dec" above rows dated 23
    and 30 Dec. Now the heading, the rows and the hint are all the viewer's."""
    client, therapist = paired
    _in_zone(therapist, "Europe/London")
    _in_zone(client, "Pacific/Auckland")
    # Tuesdays 10:00 in Auckland: 24 and 31 Dec there, Monday 23 and 30 Dec at 21:00 in London
    draft = CourseDraft(client.username, "dit", datetime(2030, 12, 17, 10, 0), "Pacific/Auckland")
    course = create_course(therapist, draft)

    london = _page(therapist, course)
    assert "Times in Europe/London." in london
    assert "Mon 23 Dec 2030 21:00" in london and "Mon 30 Dec 2030 21:00" in london
    assert "Tue 24 Dec 2030" not in london
    assert "many people take off" not in london  # 23 and 30 Dec: not such days where this viewer is

    auckland = _page(client, course)
    assert "Times in Pacific/Auckland." in auckland
    assert "Tue 24 Dec 2030 10:00" in auckland and "Tue 31 Dec 2030 10:00" in auckland
    assert "Some sessions fall on days many people take off: 24 Dec, 31 Dec. Tell your therapist" in auckland


def test_the_hint_names_the_day_the_viewer_s_rows_show(paired: tuple[Any, Any]) -> None:
    """The other way round: a London course at 12:00 on Mondays 23 and 30 Dec is the 24th and the 31st at 01:00 in
    Auckland: the Auckland viewer's rows say so, and so does the hint."""
    client, therapist = paired
    _in_zone(therapist, "Pacific/Auckland")
    draft = CourseDraft(client.username, "dit", datetime(2030, 12, 16, 12, 0), "Europe/London")  # Mondays
    course = create_course(therapist, draft)
    page = _page(therapist, course)
    assert "Times in Pacific/Auckland." in page
    assert "Tue 24 Dec 2030 01:00" in page and "Tue 31 Dec 2030 01:00" in page
    assert "Some sessions fall on days many people take off: 24 Dec, 31 Dec. Move them" in page
