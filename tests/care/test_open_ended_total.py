"""Review r102 of h114: a course of an open-ended format stored with a count before review r100 "still reads
open-ended" (docs/course.md, ``formats.course_total``) on its course page, but the therapist's "Scores over time"
page still takes the stored count as the course's length (real SQLite; the clock, a process edge, frozen)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reverie.care.models import Course
from reverie.care.services.course import CourseDraft, create_course
from web_client import signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.db]
LONDON = ZoneInfo("Europe/London")


def test_scores_page_of_an_old_open_ended_course_does_not_read_of_its_stored_count(
    paired: tuple[Any, Any], monkeypatch: Any
) -> None:
    """A long-term course set up before r100 with ``COUNT=26`` (the row keeps total_sessions 26). Its course page
    reads "Session 15 · long-term, open-ended", yet the therapist's "Scores over time" page states the not-on-track
    rule as "taken at session 10 of 26 or later" (``measures.progress`` passes the raw stored count to
    ``change.rule_for_course``): a course length the product says this course does not have, and a review point
    (⌈3/8 · 26⌉ = 10) other than the open-ended one (session 12). The therapist should read the open-ended rule:
    "taken at session 12 or later", no "of 26"."""
    client, therapist = paired
    at = datetime(2026, 1, 2, 9, tzinfo=LONDON)
    monkeypatch.setattr("django.utils.timezone.now", lambda: at.astimezone(UTC))
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username,
            programme="long_term",
            start=datetime(2026, 1, 5, 18, 0),
            timezone="Europe/London",
            rrule="FREQ=WEEKLY;BYDAY=MO,TH",
        ),
    )
    Course.objects.filter(pk=course.pk).update(total_sessions=26)  # a row set up before the count was refused
    page = signed_in(therapist).get(f"/courses/{course.id}/measures/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Not on track when any of these holds" in html  # the rule is on the page
    assert "of 26" not in html, html[html.find("taken at session") :][:80]
    assert "taken at session 12 or later" in html


def test_the_api_gives_an_old_open_ended_course_no_total(paired: tuple[Any, Any]) -> None:
    """h122: the API's course answer reads the course's length as its position does (``formats.course_total``):
    ``total_sessions`` is null for such a row, not the 26 typed at set-up, and the position reads open-ended."""
    from django.test import Client

    from reverie.api import tokens

    client, therapist = paired
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username,
            programme="long_term",
            start=datetime(2026, 1, 5, 18, 0),
            timezone="Europe/London",
            rrule="FREQ=WEEKLY;BYDAY=MO,TH",
        ),
    )
    Course.objects.filter(pk=course.pk).update(total_sessions=26)
    api = Client(headers={"Authorization": f"Bearer {tokens.issue(client, 'tests').secret}"})
    answer = api.get(f"/api/v1/courses/{course.id}")
    assert answer.status_code == 200, answer.content
    assert answer.json()["total_sessions"] is None
    assert "of 26" not in answer.json()["position"]
