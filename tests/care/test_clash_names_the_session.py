"""Review r129 (fault 4): a move onto another session is refused naming that session as the course page and the
week view number it (today's number, not its slot: a cancelled session before it no longer counts), whose session it
is (the client's name, as the week view shows it) and its day and hour in words ("Mon 19 Jan 2026 10:00"), not ISO.
Only the clock is mocked."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from reverie.care.services import sessions, week
from reverie.care.services.course import CourseDraft, create_course
from reverie.clinic.services import people
from reverie.errors import Conflict
from web_client import signed_in

pytestmark = pytest.mark.django_db


def _two_courses(paired: Any, make_user: Any, monkeypatch: Any) -> tuple[Any, Any, Any, Any]:
    """Client A (Mondays 10:00 UTC from 5 Jan 2026, session 2 cancelled: A's 19 Jan session is slot 3 and session
    2) and client B (Mondays 14:00 UTC from 5 Jan), one therapist; now 2 Jan."""
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
        CourseDraft(client=other.username, programme="dit", start=datetime(2026, 1, 5, 14), timezone="UTC"),
    )
    sessions.cancel_session(therapist, first.id, 2)
    return client, therapist, first, second


def test_the_clash_names_the_clients_session_by_its_number_today_and_its_day_in_words(
    paired: Any, make_user: Any, monkeypatch: Any
) -> None:
    client, therapist, _first, second = _two_courses(paired, make_user, monkeypatch)
    with pytest.raises(Conflict) as refused:
        week.move_session(therapist, second.id, 3, datetime(2026, 1, 19, 10, 20, tzinfo=UTC))
    said = refused.value.message
    assert f"overlaps {client.username}'s session 2 on Mon 19 Jan 2026 10:00." in said, said
    assert "2026-01-19" not in said and "session 3" not in said


def test_the_move_page_says_it_the_same_way(paired: Any, make_user: Any, monkeypatch: Any) -> None:
    client, therapist, _first, second = _two_courses(paired, make_user, monkeypatch)
    page = signed_in(therapist).post(
        f"/courses/{second.id}/sessions/3/move/", {"start": "2026-01-19T10:20", "confirm": "yes"}
    )
    text = page.content.decode()
    assert f"{client.username}&#x27;s session 2 on Mon 19 Jan 2026 10:00" in text, text[:3000]
