"""The day of a course's last session, as the client is told it after the course (review r76)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from reverie.care.services import measures
from reverie.care.services.course import CourseDraft, create_course
from reverie.errors import InvalidInput
from web_client import signed_in

pytestmark = [pytest.mark.django_db]
LONDON = ZoneInfo("Europe/London")
TOKYO = ZoneInfo("Asia/Tokyo")


def test_the_refusal_after_the_last_session_names_the_same_day_as_the_measures_page(
    paired: tuple[Any, Any],
) -> None:
    """A client living in Tokyo has a weekly 16-session DIT course planned in London's zone at 20:00 (04:00 or
    05:00 the next morning in Tokyo); its session 16 was five weeks ago. Their Measures page says "The last session
    of your course was on <the Tokyo day>" (the viewer's own zone, as docs/course.md says of every page). Sending a
    PHQ-9 for "the next session" is refused with "The last session of this course was on <the London day>": one
    day earlier than the page they came from, for the same session. The refusal should name the day the client's
    pages name (their own zone)."""
    client, therapist = paired
    client.time_zone = "Asia/Tokyo"
    client.save(update_fields=["time_zone"])
    today = timezone.now().astimezone(LONDON).date()
    first = datetime.combine(today - timedelta(weeks=20), datetime.min.time()).replace(hour=20)
    course = create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=first, timezone="Europe/London")
    )
    last = (first + timedelta(weeks=15)).replace(tzinfo=LONDON)  # session 16, 20:00 London
    tokyo_day = last.astimezone(TOKYO).date()
    london_day = last.date()
    assert tokyo_day != london_day  # the next morning in Tokyo
    page = signed_in(client).get("/measures/").content.decode()
    said = f"{tokyo_day.day} {tokyo_day:%b %Y}"
    assert f"The last session of your course was on {said}." in page
    with pytest.raises(InvalidInput) as refused:
        measures.submit(client, "phq9", [1] * 9, course_id=course.id)
    assert f"was on {said}:" in str(refused.value), str(refused.value)
