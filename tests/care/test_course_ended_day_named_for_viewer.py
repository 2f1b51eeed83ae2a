"""Review r90 on h102: a course's ending day is the therapist's own day, and docs/course.md promises that no page or
message uses the course's zone. The "course ended on …" refusal (courses.check_open) still reads the day in the
course's zone."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reverie.care.services import formulation
from reverie.care.services.course import CourseDraft, create_course, end_course, position
from reverie.clinic.services import local_time
from reverie.errors import InvalidInput

pytestmark = [pytest.mark.django_db, pytest.mark.db]
NEW_YORK = ZoneInfo("America/New_York")


def test_the_course_ended_refusal_names_the_day_the_therapist_chose(paired: Any, monkeypatch: Any) -> None:
    """A therapist in New York runs a course set in Asia/Tokyo (the client's zone) and ends it on Tuesday 10 Mar
    2026, their own today. The course page says "Ended on 10 Mar 2026". A later try to save a formulation version
    is refused with "This course ended on 11 Mar 2026" (the end, 23:59 in New York, is 11 Mar in Tokyo): two
    different ending days for one course, to one therapist, and a day they never chose. The refusal should name
    the day the therapist reads everywhere else, 10 Mar 2026."""
    client, therapist = paired
    local_time.set_time_zone(therapist, "America/New_York")
    local_time.set_time_zone(client, "Asia/Tokyo")
    now = [datetime(2026, 2, 20, 12, tzinfo=UTC)]
    monkeypatch.setattr("django.utils.timezone.now", lambda: now[0])
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username, programme="dit", start=datetime(2026, 3, 2, 10, 0), timezone="Asia/Tokyo"
        ),
    )
    now[0] = datetime(2026, 3, 10, 20, 0, tzinfo=NEW_YORK)
    ended = end_course(therapist, course.id)
    assert ended.day.isoformat() == "2026-03-10"
    course.refresh_from_db()
    assert "10 Mar 2026" in position(course, viewer=therapist).text

    with pytest.raises(InvalidInput) as refused:
        formulation.save_formulation(therapist, course.id, {"ipaf_self": "A new thought after the end."})

    assert "ended on 10 Mar 2026" in str(refused.value), str(refused.value)
