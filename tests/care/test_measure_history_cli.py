"""``reverie measure history`` names, on each table row, the response that row shows."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest

from course_clock import LONDON
from reverie.care.models import MeasureResponse
from reverie.care.services import sessions
from reverie.care.services.course import CourseDraft, create_course

pytestmark = pytest.mark.django_db
FIRST = datetime(2027, 3, 1, 10, 0)
AT = datetime(2027, 2, 20, 9, 0, tzinfo=LONDON)


def _answer(course: Any, slot: int, row_id: uuid.UUID, total: int, at: datetime) -> None:
    MeasureResponse.objects.create(
        id=row_id,
        course=course,
        client=course.client,
        session=course.sessions.get(slot=slot),
        questionnaire="phq9",
        total=total,
        band="x",
        answers=b"",
        submitted_at=at,
    )


def test_two_cancelled_sessions_on_one_day_each_row_names_its_own_response(
    paired: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two answers whose sessions were cancelled and fall on one day: each printed row carries its own id."""
    from reverie.cli import care_cmds

    client, therapist = paired
    course = create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=FIRST, timezone="Europe/London")
    )
    sessions.cancel_session(client, course.id, 1)
    sessions.cancel_session(therapist, course.id, 2)
    one = course.sessions.get(slot=1)
    course.sessions.filter(slot=2).update(start=one.start + timedelta(hours=3))  # the same day, later
    low, high = uuid.UUID(int=1), uuid.UUID(int=2)
    _answer(course, 1, low, 3, AT)
    _answer(course, 2, high, 24, AT)
    monkeypatch.setattr(care_cmds, "sign_in", lambda user: client)
    monkeypatch.setattr(care_cmds, "_ready", lambda: None)
    care_cmds.measure_history(course_id=str(course.id), user=None, client=None)
    lines = [line.split() for line in capsys.readouterr().out.splitlines() if line.startswith("  session")]
    printed = {(int(words[3]), words[-1]) for words in lines}
    assert printed == {(3, str(low)), (24, str(high))}  # before: both rows named the first response's id
