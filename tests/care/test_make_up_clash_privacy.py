"""A make-up session that clashes with another client's session (h8): the client who cancelled is told that the
make-up time clashes with something in their therapist's calendar, never that session's number or time (a client
never learns anything about another client); the therapist who cancels reads the details, at their own hour. Only
the clock is mocked."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest

from reverie.care.services import sessions
from reverie.care.services.course import CourseDraft, create_course
from reverie.clinic.services import people

pytestmark = [pytest.mark.django_db, pytest.mark.db]


def _clash(paired: Any, make_user: Any, monkeypatch: Any) -> tuple[Any, Any, Any]:
    """A London client's DIT course (Mondays 10:00 UTC from 5 Jan 2026) whose make-up lands on 27 Apr 10:00, where the
    therapist's other client's course starts."""
    client, therapist = paired
    for person in (client, therapist):
        person.time_zone = "Europe/London"
        person.save(update_fields=["time_zone"])
    monkeypatch.setattr("django.utils.timezone.now", lambda: datetime(2026, 1, 2, 9, tzinfo=UTC))
    draft = CourseDraft(
        client=client.username, programme="dit", start=datetime(2026, 1, 5, 10), timezone="UTC"
    )
    course = create_course(therapist, draft)
    other = make_user(role="client")
    people.accept_invitation(therapist, people.issue_invitation(other))
    draft = CourseDraft(
        client=other.username, programme="dit", start=datetime(2026, 4, 27, 10), timezone="UTC"
    )
    create_course(therapist, draft)
    return client, therapist, course


def test_a_client_is_not_told_the_number_or_time_of_another_clients_session(
    paired: Any, make_user: Any, monkeypatch: Any
) -> None:
    """The client cancels session 5: the warning says only that the make-up clashes with the therapist's calendar."""
    client, _therapist, course = _clash(paired, make_user, monkeypatch)
    result = sessions.cancel_session(client, course.id, 5)
    assert result.make_up is not None and result.make_up.start == datetime(2026, 4, 27, 10, tzinfo=UTC)
    assert result.make_up_overlap == sessions.CLASH_FOR_CLIENT
    assert not re.search(r"\d", result.make_up_overlap)  # no number, no date, no hour


def test_the_therapist_reads_the_clash_with_their_other_clients_session_in_full(
    paired: Any, make_user: Any, monkeypatch: Any
) -> None:
    """The therapist cancels session 5: the warning names session 1 of the other course at 11:00 London (10:00 UTC)."""
    _client, therapist, course = _clash(paired, make_user, monkeypatch)
    result = sessions.cancel_session(therapist, course.id, 5)
    assert result.make_up_overlap is not None
    assert "session 1 on Mon 27 Apr 2026 11:00 (Europe/London)" in result.make_up_overlap
