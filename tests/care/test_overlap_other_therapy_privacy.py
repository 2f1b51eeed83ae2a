"""A therapist never learns the details of their client's therapy with another therapist (h9). When a session they
move, a make-up session they cause or a course they set up clashes with the client's session in a course with
another therapist, they read at most that the time clashes with another of this client's appointments: no session
number, course, date or hour of it. Their own sessions (with this client or another) they read in full. Only the
clock is mocked."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest

from reverie.care.services import sessions, week
from reverie.care.services.course import CLASH_WITH_OTHER_APPOINTMENT, CourseDraft, create_course
from reverie.clinic.services import people
from reverie.errors import Conflict

pytestmark = [pytest.mark.django_db, pytest.mark.db]


def _two_therapies(make_user: Any, monkeypatch: Any, other_start: datetime) -> tuple[Any, Any, Any]:
    """One client in two therapies: with ``other`` (a course from ``other_start``, 10:00 UTC weekly) and with
    ``mine`` (DIT, Mondays 10:00 UTC from 5 Jan 2026, 16 sessions, so its make-up falls on 27 Apr 10:00).
    Returns (mine, the course with mine, the client)."""
    monkeypatch.setattr("django.utils.timezone.now", lambda: datetime(2026, 1, 2, 9, tzinfo=UTC))
    client, mine, other = (make_user(role=r) for r in ("client", "therapist", "therapist"))
    for therapist in (mine, other):
        people.accept_invitation(therapist, people.issue_invitation(client))
    draft = CourseDraft(client=client.username, programme="dit", start=other_start, timezone="UTC")
    create_course(other, draft)
    draft = CourseDraft(
        client=client.username, programme="dit", start=datetime(2026, 1, 5, 10), timezone="UTC"
    )
    return mine, create_course(mine, draft), client


def _tells_nothing(message: str | None) -> None:
    assert message is not None
    assert message == CLASH_WITH_OTHER_APPOINTMENT
    assert not re.search(r"\d", message)  # no session number, no date, no hour


def test_a_moved_session_clashing_with_the_clients_other_therapy_names_nothing_of_it(
    make_user: Any, monkeypatch: Any
) -> None:
    """The other course starts on Wednesday 14 Jan 10:00; moving session 2 (12 Jan) there is refused, without
    naming the other course's session 1 or its time."""
    mine, course, _ = _two_therapies(make_user, monkeypatch, datetime(2026, 1, 14, 10))
    with pytest.raises(Conflict) as refused:
        week.move_session(mine, course.id, 2, datetime(2026, 1, 14, 10, 30, tzinfo=UTC))
    _tells_nothing(refused.value.message)


def test_a_moved_session_clashing_with_the_therapists_own_session_is_named_in_full(
    make_user: Any, monkeypatch: Any
) -> None:
    """Their own sessions they read in full: moving session 2 onto session 3 of the same course names it."""
    mine, course, _ = _two_therapies(make_user, monkeypatch, datetime(2026, 1, 14, 10))
    mine.time_zone = "UTC"
    mine.save(update_fields=["time_zone"])
    with pytest.raises(Conflict) as refused:
        week.move_session(mine, course.id, 2, datetime(2026, 1, 19, 9, 30, tzinfo=UTC))
    assert "session 3 on Mon 19 Jan 2026 10:00" in refused.value.message


def test_a_make_up_clashing_with_the_clients_other_therapy_names_nothing_of_it(
    make_user: Any, monkeypatch: Any
) -> None:
    """The other course starts on Monday 27 Apr 10:00, where the make-up of a cancelled session lands."""
    mine, course, _ = _two_therapies(make_user, monkeypatch, datetime(2026, 4, 27, 10))
    result = sessions.cancel_session(mine, course.id, 5)
    assert result.make_up is not None and result.make_up.start == datetime(2026, 4, 27, 10, tzinfo=UTC)
    _tells_nothing(result.make_up_overlap)


def test_a_course_clashing_with_the_clients_other_therapy_names_nothing_of_it(
    make_user: Any, monkeypatch: Any
) -> None:
    """A second course of the same therapist on Wednesdays 10:00 from 14 Jan lands on the other therapy's sessions."""
    mine, _, client = _two_therapies(make_user, monkeypatch, datetime(2026, 1, 14, 10))
    draft = CourseDraft(
        client=client.username, programme="dit", start=datetime(2026, 1, 21, 10), timezone="UTC"
    )
    with pytest.raises(Conflict) as refused:
        create_course(mine, draft)
    _tells_nothing(refused.value.message)
