"""A session moved by less than its length off a time another session also holds (review r55).

docs/course.md: "A plan that overlaps any session (not cancelled) of the therapist or the client in another course
is refused with `Conflict` (E409) and nothing is stored; so is a moved session." The move's overlap check left out
the session being moved by comparing start times (``skip=lambda s: instant(s.start) == row.start`` in
``care.services.week.move_session``), so it also left out every *other* session that starts at the same instant:
a make-up that landed on another client's session (allowed, with a warning) made both blind to each other, and a
move of either by 20 minutes was stored although the two still overlap. The moved row is now left out by identity.
Only the clock is mocked."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from reverie.care.models import CourseSession
from reverie.care.services import sessions, week
from reverie.care.services.course import CourseDraft, create_course
from reverie.clinic.services import people
from reverie.errors import Conflict

pytestmark = [pytest.mark.django_db, pytest.mark.db]


def _double_booked(paired: Any, make_user: Any, monkeypatch: Any) -> tuple[Any, Any, Any]:
    """Client A's DIT course (Mondays 10:00 UTC from 5 Jan 2026); client B's starts 27 Apr 10:00 UTC; the therapist
    cancels A's session 5, so A's make-up (session 17) lands on 27 Apr 10:00 too (added, with the clash named)."""
    client, therapist = paired
    monkeypatch.setattr("django.utils.timezone.now", lambda: datetime(2026, 1, 2, 9, tzinfo=UTC))
    first = create_course(
        therapist,
        CourseDraft(client=client.username, programme="dit", start=datetime(2026, 1, 5, 10), timezone="UTC"),
    )
    other = make_user(role="client")
    people.accept_invitation(therapist, people.issue_invitation(other))
    second = create_course(
        therapist,
        CourseDraft(client=other.username, programme="dit", start=datetime(2026, 4, 27, 10), timezone="UTC"),
    )
    result = sessions.cancel_session(therapist, first.id, 5)
    assert result.make_up is not None and result.make_up.start == datetime(2026, 4, 27, 10, tzinfo=UTC)
    assert result.make_up_overlap is not None  # the clash is known and named
    return therapist, first, second


def test_moving_the_other_clients_session_20_minutes_still_on_the_make_up_is_refused(
    paired: Any, make_user: Any, monkeypatch: Any
) -> None:
    """The therapist moves client B's session 1 from 10:00 to 10:20 on 27 Apr. 10:20–11:10 still overlaps client A's
    make-up at 10:00–10:50: they see the move refused (409), naming the
    make-up, as any other move onto a session is, with session 1 left at 10:00."""
    therapist, _first, second = _double_booked(paired, make_user, monkeypatch)
    with pytest.raises(Conflict):
        week.move_session(therapist, second.id, 1, datetime(2026, 4, 27, 10, 20, tzinfo=UTC))
    row = CourseSession.objects.get(course=second, slot=1)
    assert row.start == datetime(2026, 4, 27, 10, tzinfo=UTC)


def test_moving_the_make_up_20_minutes_still_on_the_other_clients_session_is_refused(
    paired: Any, make_user: Any, monkeypatch: Any
) -> None:
    """The same from the other side: client A's make-up moved from 10:00 to 10:20 while client B's
    session 1 holds 10:00–10:50 is refused (409), and the make-up stays where it was."""
    therapist, first, _second = _double_booked(paired, make_user, monkeypatch)
    make_up = CourseSession.objects.filter(course=first).order_by("-slot").first()
    assert make_up is not None
    with pytest.raises(Conflict):
        week.move_session(therapist, first.id, make_up.slot, datetime(2026, 4, 27, 10, 20, tzinfo=UTC))
    make_up.refresh_from_db()
    assert make_up.start == datetime(2026, 4, 27, 10, tzinfo=UTC)


def test_control_the_same_move_without_the_make_up_is_refused(
    paired: Any, make_user: Any, monkeypatch: Any
) -> None:
    """Control: client B's session 1 moved to 20 Apr 10:20, over client A's session 16 (20 Apr
    10:00–10:50), which starts at another time than session 1, is refused."""
    therapist, _first, second = _double_booked(paired, make_user, monkeypatch)
    with pytest.raises(Conflict):
        week.move_session(therapist, second.id, 1, datetime(2026, 4, 20, 10, 20, tzinfo=UTC))
