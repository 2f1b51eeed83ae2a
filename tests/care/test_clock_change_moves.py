"""Moving a session to a local time the clocks skip is refused plainly; the course keeps its sessions."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reverie.care.models import CourseSession
from reverie.care.services import week
from reverie.care.services.course import CourseDraft, create_course
from reverie.errors import InvalidInput

pytestmark = [pytest.mark.django_db, pytest.mark.db]
LONDON = ZoneInfo("Europe/London")


def test_a_session_moved_to_a_time_the_clocks_skip_is_refused_naming_the_zone(
    paired: Any, monkeypatch: Any
) -> None:
    """A London therapist moves session 2 to 29 Mar 2026 01:30 (no such time that night): refused, nothing moved."""
    client, therapist = paired
    therapist.time_zone = "Europe/London"
    therapist.save(update_fields=["time_zone"])
    monkeypatch.setattr("django.utils.timezone.now", lambda: datetime(2026, 3, 1, 9, tzinfo=UTC))
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username, programme="dit", start=datetime(2026, 3, 16, 10), timezone="Europe/London"
        ),
    )
    with pytest.raises(InvalidInput, match="does not exist in Europe/London: the clocks go forward"):
        week.move_session(therapist, course.id, 2, datetime(2026, 3, 29, 1, 30))
    row = CourseSession.objects.get(course=course, slot=2)
    assert row.moved_from is None and row.start == datetime(2026, 3, 23, 10, tzinfo=LONDON)


def test_the_move_form_refuses_a_time_the_clocks_skip_with_a_plain_message(
    paired: Any, web_as: Any, monkeypatch: Any
) -> None:
    """The same through the move form (which reads the typed time in the therapist's zone): a 400 page that says
    why, and the session stays where it was."""
    from reverie.clinic.services import local_time

    client, therapist = paired
    local_time.set_time_zone(therapist, "Europe/London")
    monkeypatch.setattr("django.utils.timezone.now", lambda: datetime(2026, 3, 1, 9, tzinfo=UTC))
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username, programme="dit", start=datetime(2026, 3, 16, 10), timezone="Europe/London"
        ),
    )
    answer = web_as(therapist).post(
        f"/courses/{course.id}/sessions/2/move/", {"confirm": "yes", "start": "2026-03-29T01:30", "note": ""}
    )
    assert answer.status_code == 400
    assert "does not exist in Europe/London" in answer.content.decode()
    assert CourseSession.objects.get(course=course, slot=2).moved_from is None
