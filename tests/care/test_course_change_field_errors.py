"""h92: ending a course, moving and cancelling a session showed a refusal only at the top of the page. Each is now on
its box too (``with_error``'s field error, the service naming the input it refuses): ``aria-invalid``, described by
its message, the typed value kept; the summary at the top still says it. Nothing changes."""

from __future__ import annotations

import html as html_lib
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from field_errors import field_error
from reverie.care.models import Course, CourseSession
from reverie.care.services.course import CourseDraft, create_course
from reverie.clinic.services import local_time
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
LONG_NOTE = "A room change. " * 140  # over the 2,000 characters a note may have


def _course(paired: tuple[Any, Any]) -> Any:
    client, therapist = paired
    today = datetime.now(LONDON).date()
    monday = today + timedelta(days=7 - today.weekday())
    local_time.set_time_zone(therapist, "Europe/London")
    start = datetime(monday.year, monday.month, monday.day, 10, 0)
    return create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=start, timezone="Europe/London")
    )


def _said(page: Any, box: str, words: str) -> str:
    assert page.status_code == 400
    html = page.content.decode()
    invalid, described = field_error(html, box)
    assert invalid and words in described, (box, invalid, described)
    assert 'role="alert"' in html  # the summary at the top still says it
    return html_lib.unescape(html)


@pytest.mark.parametrize(
    ("start", "words"),
    [
        ("soon", "Give the new date and time"),
        ("2001-01-01T10:00", "has not passed yet"),
        ("2230-01-01T10:00", "between the years"),
    ],
    ids=["unreadable", "past", "year"],
)
def test_a_refused_move_is_said_on_the_new_time(paired: tuple[Any, Any], start: str, words: str) -> None:
    course = _course(paired)
    before = CourseSession.objects.get(course=course, slot=2).start
    page = _as(paired[1]).post(
        f"/courses/{course.id}/sessions/2/move/", {"confirm": "yes", "start": start, "note": "A room change."}
    )
    shown = _said(page, "start", words)
    assert f'value="{start}"' in shown and "A room change." in shown
    assert CourseSession.objects.get(course=course, slot=2).start == before


def test_a_long_note_is_said_on_the_note_of_a_move_and_of_a_cancellation(paired: tuple[Any, Any]) -> None:
    course = _course(paired)
    therapist = _as(paired[1])
    new_day = CourseSession.objects.get(course=course, slot=2).start.astimezone(LONDON).date() + timedelta(
        days=2
    )
    start = f"{new_day.isoformat()}T15:30"
    moved = therapist.post(
        f"/courses/{course.id}/sessions/2/move/", {"confirm": "yes", "start": start, "note": LONG_NOTE}
    )
    assert LONG_NOTE in _said(moved, "note", "at most 2,000 characters")
    cancelled = therapist.post(
        f"/courses/{course.id}/sessions/1/cancel/", {"confirm": "yes", "note": LONG_NOTE}
    )
    assert LONG_NOTE in _said(cancelled, "note", "at most 2,000 characters")
    assert not CourseSession.objects.filter(course=course).exclude(attendance="").exists()


@pytest.mark.parametrize(
    ("on", "words"),
    [("the 2nd", "like 2026-03-02"), ((date.today() + timedelta(days=30)).isoformat(), "in the future")],
    ids=["unreadable", "future"],
)
def test_a_refused_ending_day_is_said_on_its_box(paired: tuple[Any, Any], on: str, words: str) -> None:
    course = _course(paired)
    page = _as(paired[1]).post(f"/courses/{course.id}/end/", {"confirm": "yes", "on": on})
    assert f'value="{on}"' in _said(page, "on", words)
    assert Course.objects.get(pk=course.pk).ended_at is None
