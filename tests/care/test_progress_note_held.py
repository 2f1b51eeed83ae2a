"""A progress note is for a session that has been held (or has started); one for a session still ahead is refused
with a plain message and nothing is stored, as attendance is (docs/course.md "Notes and formulation"). Before, a
therapist could file a note "for" next month's session and the client's record showed it as a session that took
place. A cancelled session may still carry a note documenting the cancellation, and says so where shown."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from reverie.care.models import ProgressNote
from reverie.care.services import notes, sessions
from reverie.care.services.course import CourseDraft, create_course
from reverie.errors import InvalidInput
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db


@pytest.fixture
def ahead(paired: tuple[Any, Any]) -> tuple[Any, Any, Any]:
    client, therapist = paired
    course = create_course(
        therapist,
        CourseDraft(client=client.username, programme="dit", start=datetime(2030, 3, 4, 10), timezone="UTC"),
    )
    return client, therapist, course


def test_a_note_for_a_session_still_ahead_is_refused_and_nothing_stored(ahead: Any) -> None:
    _, therapist, course = ahead
    with pytest.raises(InvalidInput, match="has not been held yet"):
        notes.write_progress_note(therapist, course.id, 1, "Went well.")
    web = _as(therapist)
    path = f"/courses/{course.id}/sessions/1/"
    page = web.get(path)
    assert (
        b"can be written once the session has started" in page.content
        and b'value="progress"' not in page.content
    )
    refused = web.post(path, {"action": "progress", "text": "Typed ahead", "base_version": "0"})
    assert refused.status_code == 400 and b"has not been held yet" in refused.content
    assert ProgressNote.objects.count() == 0
    held = notes.write_progress_note(
        therapist, course.id, 1, "Went well.", now=datetime(2030, 3, 4, 10, 5).astimezone()
    )
    assert held.version == 1


def test_a_cancelled_session_may_carry_a_note_that_says_so(ahead: Any) -> None:
    client, therapist, course = ahead
    sessions.cancel_session(client, course.id, 2)
    notes.write_progress_note(therapist, course.id, 2, "Client cancelled: a family matter.")
    page = _as(therapist).get(f"/courses/{course.id}/sessions/2/")
    assert b"This session was cancelled: a note here is about the cancellation." in page.content
    record = _as(client).get(f"/courses/{course.id}/record/")
    assert b"About a cancelled session" in record.content and b"a family matter" in record.content
