"""Review r88: a therapist in London ends a course set in America/New_York (the client's zone). The ending form's
"today" and its limits are the course's day, not the therapist's, though no page names that zone (docs/course.md:
"Times on every page are in the viewer's own zone … no page overrides it with the course's zone")."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reverie.care.models import Course
from reverie.care.services.course import CourseDraft, create_course
from reverie.clinic.services import local_time

pytestmark = [pytest.mark.django_db, pytest.mark.db]
LONDON = ZoneInfo("Europe/London")


def _new_york_course(paired: Any, monkeypatch: Any) -> tuple[Any, Any, Any, list[datetime]]:
    """Weekly DIT on Mondays 21:00 New York from 2 Mar 2026 (02:00 on Tuesday in London; 01:00 in the weeks the
    two zones are four hours apart, 8-29 Mar)."""
    client, therapist = paired
    local_time.set_time_zone(therapist, "Europe/London")
    local_time.set_time_zone(client, "America/New_York")
    now = [datetime(2026, 2, 20, 12, tzinfo=UTC)]
    monkeypatch.setattr("django.utils.timezone.now", lambda: now[0])
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username,
            programme="dit",
            start=datetime(2026, 3, 2, 21, 0),
            timezone="America/New_York",
        ),
    )
    return client, therapist, course, now


def test_the_therapists_own_today_is_not_refused_as_the_future(
    paired: Any, web_as: Any, monkeypatch: Any
) -> None:
    """At 01:30 on Tuesday 10 Mar in London (21:30 Monday in New York) the therapist ends the course with today,
    10 Mar, as its last day: what they see is "A course cannot end in the future", and the form's "today" is
    9 Mar, yesterday for them, with no zone named. They should be able to give their own today (or be told the day
    is New York's); instead the day their own calendar, week view and session page call today is refused."""
    _client, therapist, course, now = _new_york_course(paired, monkeypatch)
    now[0] = datetime(2026, 3, 10, 1, 30, tzinfo=LONDON)
    page = web_as(therapist).get(f"/courses/{course.id}/end/")
    assert page.status_code == 200
    answer = web_as(therapist).post(f"/courses/{course.id}/end/", {"confirm": "yes", "on": "2026-03-10"})
    assert "cannot end in the future" not in answer.content.decode()
    assert answer.status_code == 302
    assert Course.objects.get(pk=course.pk).ended_at is not None


def test_the_forms_earliest_day_agrees_with_the_first_session_it_names(
    paired: Any, web_as: Any, monkeypatch: Any
) -> None:
    """The form says "not before the first session on 3 Mar 2026" (the therapist's day of session 1, Tuesday 02:00
    in London) yet its date box allows 2 Mar (the course's day) and ending on 2 Mar is accepted: the therapist
    reads a day before the first session as allowed by the box and refused by the words. Both should be one day."""
    _client, therapist, course, now = _new_york_course(paired, monkeypatch)
    now[0] = datetime(2026, 3, 12, 12, tzinfo=LONDON)
    html = web_as(therapist).get(f"/courses/{course.id}/end/").content.decode()
    named = re.search(r"not before the first session on (\d+ \w+ \d{4})", html)
    box_min = re.search(r'id="on"[^>]*min="([0-9-]+)"', html)
    assert named is not None and box_min is not None
    assert datetime.strptime(named.group(1), "%d %b %Y").date().isoformat() == box_min.group(1)


def test_the_api_and_the_service_the_cli_calls_read_the_day_in_the_therapists_zone(
    paired: Any, web_as: Any, monkeypatch: Any
) -> None:
    """One rule for every door: with no day given, the API ends the course on the therapist's today (10 Mar in
    London at 01:30, though New York is still on 9 Mar) and answers that day as `ended_on`; `end_course`, which
    `reverie course end` calls with the signed-in therapist, reads `--on` the same way and reports the same day."""
    import json
    from datetime import date

    from reverie.care.services.course import end_course

    client, therapist, course, now = _new_york_course(paired, monkeypatch)
    now[0] = datetime(2026, 3, 10, 1, 30, tzinfo=LONDON)
    answer = web_as(therapist).post(
        f"/api/v1/courses/{course.id}/end", json.dumps({}), content_type="application/json"
    )
    assert answer.status_code == 200
    assert answer.json()["ended_on"] == "2026-03-10"
    second = create_course(
        therapist,
        CourseDraft(
            client=client.username,
            programme="dit",
            start=datetime(2026, 3, 3, 21, 0),
            timezone="America/New_York",
        ),
    )
    assert end_course(therapist, second.id, date(2026, 3, 10), now=now[0]).day == date(2026, 3, 10)
