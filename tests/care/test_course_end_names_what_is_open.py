"""Review r129 (fault 2): the page ending a course names what is still open for the client before the therapist
confirms (their unacknowledged risk alerts, questionnaires already answered for a session the ending cancels), with
links; ending stays possible, but a confirmation from a page that had not shown them is asked again. The answers
filled ahead are kept: they stay on the scores page and in the course record."""

from __future__ import annotations

import re
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from reverie.care.models import Course, MeasureResponse
from reverie.care.services import notes
from web_client import signed_in

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def test_the_end_page_names_the_open_alert_and_the_answers_and_asks_again_without_them(
    answered_ahead: Any,
) -> None:
    _client, therapist, course, response = answered_ahead
    web = signed_in(therapist)
    page = web.get(f"/courses/{course.id}/end/").content.decode()
    assert "Still open for" in page, page
    assert "more than half the days" in page and "/alerts/" in page
    day = f"{response.session.start.astimezone(timezone.get_current_timezone()):%a %-d %b %Y}"
    assert f"/measures/{response.id}/" in page and f"PHQ-9, answered for the session on {day}" in page
    assert "The answers are kept" in page
    again = web.post(f"/courses/{course.id}/end/", {"confirm": "yes"})
    assert again.status_code == 400 and "Still open for" in again.content.decode()
    assert Course.objects.get(pk=course.pk).ended_at is None
    seen = re.search(r'name="seen" value="([0-9a-f]+)"', page)
    assert seen is not None
    done = web.post(f"/courses/{course.id}/end/", {"confirm": "yes", "seen": seen.group(1)})
    assert done.status_code == 302 and Course.objects.get(pk=course.pk).ended_at is not None


def test_answers_filled_ahead_of_a_session_the_ending_cancels_are_kept_and_shown(answered_ahead: Any) -> None:
    _client, therapist, course, response = answered_ahead
    web = signed_in(therapist)
    seen = re.search(
        r'name="seen" value="([0-9a-f]+)"', web.get(f"/courses/{course.id}/end/").content.decode()
    )
    assert seen is not None
    web.post(f"/courses/{course.id}/end/", {"confirm": "yes", "seen": seen.group(1)})
    assert MeasureResponse.objects.filter(pk=response.pk).exists()
    [kept] = [
        m for m in notes.course_record(therapist, course.id)["measures"] if m["questionnaire"] == "phq9"
    ]
    assert kept["session"] is None and kept["session_start"] == response.session.start.isoformat()
    assert kept["total"] == 10
    scores = web.get(f"/courses/{course.id}/measures/").content.decode()
    assert "(that session was cancelled)" in scores and f"/measures/{response.id}/" in scores
