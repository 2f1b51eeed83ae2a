"""r20 adversarial review: sessions on daylight-saving-change nights (Europe/London). Only the clock is mocked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from course_week import Clock
from reverie.care.models import Course, CourseSession
from reverie.care.services import course as courses
from reverie.care.services import sessions
from reverie.care.services.course import CourseDraft, create_course

pytestmark = [pytest.mark.django_db, pytest.mark.db]
LONDON = ZoneInfo("Europe/London")


def _course(
    paired: Any, monkeypatch: Any, start: datetime, programme: str = "dit"
) -> tuple[Any, Any, Course]:
    client, therapist = paired
    Clock(monkeypatch, start - timedelta(days=3))
    course = create_course(
        therapist,
        CourseDraft(client=client.username, programme=programme, start=start, timezone="Europe/London"),
    )
    course.refresh_from_db()  # as every later request reads it
    return client, therapist, course


def _local(course: Course) -> list[str]:
    rows = CourseSession.objects.filter(course=course).order_by("start")
    return [f"{r.start.astimezone(LONDON):%Y-%m-%d %H:%M}" for r in rows]


def test_make_up_for_a_cancellation_is_not_added_on_top_of_the_clock_change_night_session(
    paired: Any, monkeypatch: Any
) -> None:
    """A make-up session goes after the last session, never at the same hour as the 25 Oct 2026 01:30 session."""
    # a weekly DIT course on Sundays at 01:30 London from 6 Sep 2026: session 8 is 25 Oct, the night clocks go back
    client, _therapist, course = _course(paired, monkeypatch, datetime(2026, 9, 6, 1, 30))
    assert "2026-10-25 01:30" in _local(course)
    result = sessions.cancel_session(client, course.id, 2)  # 13 Sep, cancelled by the client
    assert result.make_up is not None
    starts = [r.start for r in CourseSession.objects.filter(course=course)]
    assert len(starts) == len(set(starts)), "two sessions of the course at the same moment"
    last = max(r.start for r in CourseSession.objects.filter(course=course).exclude(pk=result.make_up.pk))
    assert result.make_up.start > last


def test_cancelling_the_session_on_the_spring_forward_night_succeeds(paired: Any, monkeypatch: Any) -> None:
    """A client cancels the 29 Mar 2026 session of a Sunday 01:30 London course: it is cancelled, a make-up added."""
    client, _therapist, course = _course(paired, monkeypatch, datetime(2026, 3, 22, 1, 30))
    result = sessions.cancel_session(client, course.id, 2)  # 29 Mar 2026: 01:30 does not exist in London
    assert result.session.attendance == "cancelled_by_client"
    assert result.make_up is not None


def test_calendar_of_a_course_first_held_on_the_spring_forward_night_matches_its_sessions(
    paired: Any, monkeypatch: Any
) -> None:
    """A course typed as 29 Mar 2026 01:30 London (a time that does not exist) is refused, naming the zone; one
    from 22 Mar, whose second session falls that night, has a calendar at its stored times (that one at 02:30)."""
    from reverie.errors import InvalidInput
    from reverie.programmes.calendar import occurrences

    with pytest.raises(InvalidInput, match="does not exist in Europe/London"):
        _course(paired, monkeypatch, datetime(2026, 3, 29, 1, 30))
    _client, _therapist, course = _course(paired, monkeypatch, datetime(2026, 3, 22, 1, 30))
    stored = sorted(r.start for r in CourseSession.objects.filter(course=course))
    assert [at.astimezone(UTC) for at in occurrences(sessions.calendar_of(course))] == stored
    assert _local(course)[:3] == ["2026-03-22 01:30", "2026-03-29 02:30", "2026-04-05 01:30"]


def test_open_ended_course_first_held_on_the_spring_forward_night_keeps_its_hour_past_the_horizon(
    paired: Any, monkeypatch: Any
) -> None:
    """A long-term Sunday 01:30 London course (typed for 29 Mar 2026: refused; from 22 Mar instead): the sessions
    the rolling horizon adds keep 01:30; only the one on the night the clocks skip 01:30 is at 02:30."""
    from reverie.errors import InvalidInput

    with pytest.raises(InvalidInput, match="clocks go forward"):
        _course(paired, monkeypatch, datetime(2026, 3, 29, 1, 30), "long_term")
    _client, _therapist, course = _course(paired, monkeypatch, datetime(2026, 3, 22, 1, 30), "long_term")
    assert courses.plan_ahead(course, datetime(2026, 5, 1, 12, tzinfo=UTC)) > 0
    local = _local(course)
    assert "2026-03-29 02:30" in local
    hours = {at[-5:] for at in local if not at.startswith("2026-03-29")}
    assert hours == {"01:30"}, local


def test_questionnaires_still_open_after_a_cancellation_in_a_course_crossing_the_fall_back_night(
    paired: Any, monkeypatch: Any
) -> None:
    """After a client cancels a session of a Sunday 01:30 London course that crosses 25 Oct 2026, measures still open."""
    from reverie.care.services import measures

    client, _therapist, course = _course(paired, monkeypatch, datetime(2026, 9, 6, 1, 30))
    sessions.cancel_session(client, course.id, 2)
    assert measures.due_now(client, course.id) is not None  # no "Session 17 is dated before session 16"


def test_a_course_typed_to_start_at_a_time_that_does_not_exist_is_refused_or_kept_at_one_hour(
    paired: Any, monkeypatch: Any
) -> None:
    """`--start "2026-03-29 01:30"` in London: refused plainly, or every session at the same local hour (not 02:30 then 01:30)."""
    from reverie.errors import InvalidInput

    try:
        _client, _therapist, course = _course(paired, monkeypatch, datetime(2026, 3, 29, 1, 30))
    except InvalidInput:
        return  # a plain refusal is fine
    hours = [at[-5:] for at in _local(course)]
    assert len(set(hours)) == 1, hours[:3]


def test_a_session_in_the_repeated_hour_lasts_fifty_minutes_for_the_overlap_check(
    paired: Any, make_user: Any, monkeypatch: Any
) -> None:
    """A London 01:30 session on 25 Oct 2026 (00:30–01:20 UTC) does not clash with another client's at 01:30 UTC."""
    from reverie.clinic.services import people

    client, therapist = paired
    other = make_user(role="client")
    people.accept_invitation(therapist, people.issue_invitation(other))
    Clock(monkeypatch, datetime(2026, 7, 1, 9, tzinfo=UTC))
    create_course(
        therapist,
        CourseDraft(
            client=other.username, programme="dit", start=datetime(2026, 10, 25, 1, 30), timezone="UTC"
        ),
    )
    create_course(  # 16 Sundays at 01:30 London, 12 Jul to 25 Oct: the last one at the first 01:30 (BST), an hour before the other
        therapist,
        CourseDraft(
            client=client.username,
            programme="dit",
            start=datetime(2026, 7, 12, 1, 30),
            timezone="Europe/London",
        ),
    )
