"""Review r61: the day of a session as a client in another time zone reads it, on the questionnaire pages.

docs/course.md: "Times on every page are in the viewer's own zone ... no page overrides it with the course's
zone." The course page and the questionnaire's own session chooser show a session on the client's day, but the
thank-you page, the scores page and the answers page date the same session on the course's day
(``care.services.measures.session_day`` and ``Filled.day``: ``start.astimezone(course_zone).date()``), so one
session has two different dates a page apart."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from reverie.care.models import MeasureResponse
from reverie.care.services.course import CourseDraft, create_course
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db
PHQ9 = {f"item{n}": "1" for n in range(1, 9)} | {"item9": "0"}


@pytest.fixture
def evening_course(paired: tuple[Any, Any]) -> tuple[Any, Any]:
    """A weekly DIT course on Mondays at 20:00 London from 5 Jan 2026; the client lives in Auckland (UTC+13 in
    January), where each session is on Tuesday at 09:00."""
    client, therapist = paired
    client.time_zone = "Pacific/Auckland"
    client.save(update_fields=["time_zone"])
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username,
            programme="dit",
            start=datetime(2026, 1, 5, 20, 0),
            timezone="Europe/London",
        ),
    )
    return client, course


def test_the_thank_you_page_dates_the_session_on_the_clients_own_day(evening_course: tuple[Any, Any]) -> None:
    """The client's course page lists session 1 as "Tue 6 Jan 2026 09:00" and the form offers "Session 1, 6 Jan
    2026"; after sending, the thank-you page says the answers "were saved for the session on Mon 5 Jan 2026" — a
    day on which, for them, no session took place. It should say Tue 6 Jan 2026, as their course page does."""
    client, course = evening_course
    web = _as(client)
    course_page = web.get(f"/courses/{course.id}/").content.decode()
    assert "Tue 6 Jan 2026 09:00" in course_page  # the client's own day and hour, as documented
    form = web.get("/measures/fill/phq9/").content.decode()
    assert "Session 1, 6 Jan 2026" in form
    done = web.post("/measures/fill/phq9/", {**PHQ9, "session": "1"}).content.decode()
    assert "answers were saved for the session on" in done
    assert "Mon 5 Jan 2026" not in done and "Tue 6 Jan 2026" in done


def test_the_scores_and_answers_pages_date_the_session_on_the_clients_own_day(
    evening_course: tuple[Any, Any],
) -> None:
    """The scores page lists "PHQ-9 (mood), before the session on Mon 5 Jan 2026" and the answers page heads
    "before the session on Mon 5 Jan 2026", while the client's course page says session 1 was on Tue 6 Jan. Both
    should say Tue 6 Jan 2026."""
    client, course = evening_course
    web = _as(client)
    web.post("/measures/fill/phq9/", {**PHQ9, "session": "1"})
    (row,) = MeasureResponse.objects.filter(course=course)
    scores = web.get(f"/courses/{course.id}/measures/").content.decode()
    answers = web.get(f"/measures/{row.id}/").content.decode()
    for page in (scores, answers):
        assert "before the session on Tue 6 Jan 2026" in page and "Mon 5 Jan 2026" not in page
