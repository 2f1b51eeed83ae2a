"""Days and hours on the course pages are the person's own (r20, part 2): a goal's rating day, the session chooser,
the make-up overlap warning. Only the clock is mocked."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reverie.care.services import goals, sessions
from reverie.care.services.course import CourseDraft, create_course

pytestmark = [pytest.mark.django_db, pytest.mark.db]
NEW_YORK = ZoneInfo("America/New_York")


def _at(monkeypatch: Any, moment: datetime) -> None:
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment.astimezone(UTC))


def _in(zone: str, *people: Any) -> None:
    for person in people:
        person.time_zone = zone
        person.save(update_fields=["time_zone"])


def _dit(therapist: Any, client: Any, start: datetime, zone: str = "America/New_York") -> Any:
    draft = CourseDraft(client=client.username, programme="dit", start=start, timezone=zone)
    return create_course(therapist, draft)


def test_a_rating_without_a_date_is_dated_on_the_clients_today(paired: Any, monkeypatch: Any) -> None:
    """A New York client rating a goal at 21:00 on Tuesday 13 Jan 2026 (Wednesday in UTC) rates it on 13 Jan."""
    client, therapist = paired
    _in("America/New_York", client, therapist)
    _at(monkeypatch, datetime(2026, 1, 2, 9, tzinfo=NEW_YORK))
    course = _dit(therapist, client, datetime(2026, 1, 5, 20))
    goal = goals.propose(therapist, course.id, title="Say what I need at work")
    _at(monkeypatch, datetime(2026, 1, 13, 21, tzinfo=NEW_YORK))
    assert goals.rate(client, goal.id, 6).on == date(2026, 1, 13)


def test_the_session_chooser_names_sessions_by_number_and_day(
    paired: Any, monkeypatch: Any, web_as: Any
) -> None:
    """With session 2 cancelled, the goals page offers slot 3 as "session 2 (19 Jan 2026)", and no cancelled one."""
    client, therapist = paired
    _in("America/New_York", client, therapist)
    _at(monkeypatch, datetime(2026, 1, 2, 9, tzinfo=NEW_YORK))
    course = _dit(therapist, client, datetime(2026, 1, 5, 20))
    goals.propose(therapist, course.id, title="Say what I need at work")
    sessions.cancel_session(client, course.id, 2)
    page = web_as(therapist).get(f"/courses/{course.id}/goals/").content.decode()
    assert '<option value="3">session 2 (19 Jan 2026)</option>' in page
    assert '<option value="1">session 1 (5 Jan 2026)</option>' in page
    assert '<option value="2">' not in page


def test_the_make_up_overlap_warning_names_the_clash_at_the_therapists_hour_and_zone(
    paired: Any, make_user: Any, monkeypatch: Any
) -> None:
    """A London therapist's New York course: the make-up lands on another client's session; the therapist cancels
    and reads it named at 15:00 London with the zone (the course's zone is New York's), not 14:00 unnamed (UTC). (The
    client who cancels reads no detail of another client's session: test_make_up_clash_privacy.py.)"""
    from reverie.clinic.services import people

    client, therapist = paired
    _in("Europe/London", therapist)
    other = make_user(role="client")
    people.accept_invitation(therapist, people.issue_invitation(other))
    _at(monkeypatch, datetime(2026, 2, 1, 12, tzinfo=UTC))
    _dit(therapist, other, datetime(2026, 6, 22, 14, 0), "UTC")  # 10:00 New York, 15:00 London
    _dit(therapist, client, datetime(2026, 3, 2, 10, 0))  # 16 Mondays, 2 Mar to 15 Jun, 10:00 New York
    result = sessions.cancel_session(therapist, course_id=_course_of(client).id, slot=2)
    assert result.make_up is not None and result.make_up.start == datetime(2026, 6, 22, 14, tzinfo=UTC)
    assert result.make_up_overlap is not None
    assert "on Mon 22 Jun 2026 15:00 (Europe/London)" in result.make_up_overlap, result.make_up_overlap


def _course_of(client: Any) -> Any:
    from reverie.care.models import Course

    return Course.objects.get(client=client)
