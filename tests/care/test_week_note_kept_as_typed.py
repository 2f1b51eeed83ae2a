"""h78 item 5: the note with a cancelled or moved session (``week.clean_note``) was stripped, unlike every other
text a person writes (``reverie.text.is_blank``: only white space is no text; anything else is kept exactly as typed,
indentation and trailing spaces too, as entries and the course's records keep it)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reverie.care.models import CourseSession
from reverie.care.services import week
from reverie.care.services.course import CourseDraft, create_course

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
TYPED = "  Ill this week:\n    - fever\n    - no voice\nSee you next Monday.  \n"


def _course(therapist: Any, client: Any) -> Any:
    today = datetime.now(LONDON).date()
    monday: date = today + timedelta(days=7 - today.weekday())
    start = datetime(monday.year, monday.month, monday.day, 10, 0)
    return create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=start, timezone="Europe/London")
    )


def test_a_cancellation_note_is_kept_exactly_as_typed(paired: Any) -> None:
    client, therapist = paired
    course = _course(therapist, client)
    week.cancel_with_note(therapist, course.id, 1, TYPED)
    row = CourseSession.objects.get(course=course, slot=1)
    assert week.note_of(row) == TYPED
    week.cancel_with_note(client, course.id, 2, "\n\t\u00a0\u2003 \n")  # white space alone: still no note
    assert CourseSession.objects.get(course=course, slot=2).note_to_client is None


def test_clean_note_keeps_the_text_and_empties_white_space() -> None:
    assert week.clean_note(TYPED) == TYPED
    assert week.clean_note(" \n\t ") == ""
