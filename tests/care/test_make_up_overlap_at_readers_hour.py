"""r22: the warning that a make-up session clashes with another session was named at the *therapist's* hour
(``sessions._overlap_warning`` passed the therapist's zone) even when the client cancelled and read it: a New York
client of a London therapist read "Mon 27 Apr 2026 05:00" for the make-up and "overlaps session 1 on 2026-04-27
10:00" for the same hour, with no zone named. Overlap messages are at the reader's hour; and a client reads the
details of a clash only with a session of their own (never another client's: test_make_up_clash_privacy.py). Only
the clock is mocked."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reverie.care.services.course import CourseDraft, create_course
from reverie.care.services.sessions import CLASH_FOR_CLIENT
from reverie.clinic.services import people

pytestmark = [pytest.mark.django_db, pytest.mark.db]
LONDON = ZoneInfo("Europe/London")


def _zones(client: Any, therapist: Any, monkeypatch: Any) -> None:
    therapist.time_zone = "Europe/London"
    therapist.save(update_fields=["time_zone"])
    client.time_zone = "America/New_York"
    client.save(update_fields=["time_zone"])
    now = datetime(2026, 1, 2, 9, tzinfo=LONDON).astimezone(UTC)
    monkeypatch.setattr("django.utils.timezone.now", lambda: now)


def _dit(therapist: Any, client: Any, start: datetime) -> Any:
    draft = CourseDraft(client=client.username, programme="dit", start=start, timezone="Europe/London")
    return create_course(therapist, draft)


def test_a_client_reads_the_make_up_clash_at_their_own_hour(
    paired: Any, make_user: Any, web_as: Any, monkeypatch: Any
) -> None:
    """DIT Mondays 10:00 London from 5 Jan 2026; another client's course starts Mon 27 Apr 10:00; the New York client
    cancels session 5: the page names the make-up at 05:00 (their hour) and the clash without its hour (it is
    another client's session), never at 10:00."""
    client, therapist = paired
    _zones(client, therapist, monkeypatch)
    course = _dit(therapist, client, datetime(2026, 1, 5, 10))
    other = make_user(role="client")
    people.accept_invitation(therapist, people.issue_invitation(other))
    _dit(therapist, other, datetime(2026, 4, 27, 10))
    page = (
        web_as(client)
        .post(f"/courses/{course.id}/sessions/5/cancel/", {"confirm": "yes", "note": ""})
        .content.decode()
    )
    assert "Mon 27 Apr 2026 05:00" in page  # the make-up, at the client's hour
    assert CLASH_FOR_CLIENT.replace("'", "&#x27;") in page
    assert "2026-04-27 10:00" not in page


def test_a_client_reads_a_clash_with_their_own_session_at_their_own_hour(
    paired: Any, make_user: Any, monkeypatch: Any
) -> None:
    """The same, where the clash is with the client's own session with a second therapist (London, 10:00): the
    New York client reads "overlaps session 1 on Mon 27 Apr 2026 05:00 (America/New_York)"."""
    from reverie.care.services import sessions

    client, therapist = paired
    _zones(client, therapist, monkeypatch)
    course = _dit(therapist, client, datetime(2026, 1, 5, 10))
    second = make_user(role="therapist")
    second.time_zone = "Europe/London"
    second.save(update_fields=["time_zone"])
    people.accept_invitation(second, people.issue_invitation(client))
    _dit(second, client, datetime(2026, 4, 27, 10))
    result = sessions.cancel_session(client, course.id, 5)
    assert result.make_up_overlap is not None
    assert "overlaps session 1 on Mon 27 Apr 2026 05:00 (America/New_York)" in result.make_up_overlap
