"""r20 adversarial review: dates and session numbers on a goal's evidence. Only the clock is mocked."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from course_week import Clock
from reverie.care.services import goals, sessions
from reverie.care.services.course import CourseDraft, create_course

pytestmark = [pytest.mark.django_db, pytest.mark.db]
NEW_YORK = ZoneInfo("America/New_York")


def _new_york_course(paired: Any, monkeypatch: Any) -> tuple[Any, Any, Any, Any]:
    """Client and therapist in New York; a weekly DIT course on Mondays at 20:00 New York from 5 Jan 2026 (01:00 UTC
    on Tuesdays); a goal the therapist proposed."""
    client, therapist = paired
    for person in (client, therapist):
        person.time_zone = "America/New_York"
        person.save(update_fields=["time_zone"])
    Clock(monkeypatch, datetime(2026, 1, 2, 9, tzinfo=NEW_YORK))
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username,
            programme="dit",
            start=datetime(2026, 1, 5, 20),
            timezone="America/New_York",
        ),
    )
    goal = goals.propose(therapist, course.id, title="Say what I need at work")
    return client, therapist, course, goal


def test_goal_evidence_dates_a_session_on_its_own_day(paired: Any, monkeypatch: Any) -> None:
    """Session 1 (Monday 5 Jan 2026, 20:00 New York) linked to a goal is dated 5 Jan, not 6 Jan."""
    _client, therapist, course, goal = _new_york_course(paired, monkeypatch)
    goals.link_session(therapist, goal.id, 1)
    [view] = goals.goals_for(therapist, course.id)
    assert [e.on for e in view.evidence] == [date(2026, 1, 5)]


def test_goal_evidence_names_a_session_by_its_number_not_its_slot(
    paired: Any, monkeypatch: Any, web_as: Any
) -> None:
    """With session 2 cancelled, the session held on 19 Jan is session 2 on the course page and on the goals page."""
    client, therapist, course, goal = _new_york_course(paired, monkeypatch)
    sessions.cancel_session(client, course.id, 2)  # 12 Jan
    goals.link_session(therapist, goal.id, 3)  # 19 Jan, now the second session held
    page = web_as(therapist).get(f"/courses/{course.id}/goals/").content.decode()
    assert "session 2 (19 Jan 2026)" in page, [line for line in page.splitlines() if "Evidence" in line]


def test_goal_evidence_dates_a_journal_entry_on_the_clients_day(paired: Any, monkeypatch: Any) -> None:
    """A New York client's entry of Tuesday 13 Jan 2026, 21:00, linked to a goal, is dated 13 Jan, not 14 Jan."""
    from reverie.clinic.services import journal

    client, _therapist, course, goal = _new_york_course(paired, monkeypatch)
    Clock(monkeypatch, datetime(2026, 1, 14, 9, tzinfo=NEW_YORK))
    entry = journal.create_entry(
        client,
        journal.EntryDraft(
            kind="reflection",
            body="I asked for the day off.",
            happened_at=datetime(2026, 1, 13, 21, tzinfo=NEW_YORK),
        ),
    )
    goals.link_entry(client, goal.id, entry.id)
    [view] = goals.goals_for(client, course.id)
    assert [e.on for e in view.evidence] == [date(2026, 1, 13)]
