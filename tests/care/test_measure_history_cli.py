"""``reverie measure history`` names, on each table row, the response that row shows."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest

from cancelled_sessions import FIRST, answer_phq9, two_cancelled_sessions
from course_clock import LONDON

pytestmark = pytest.mark.django_db
AT = datetime(2027, 2, 20, 9, 0, tzinfo=LONDON)


def test_two_cancelled_sessions_on_one_day_each_row_names_its_own_response(
    paired: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two answers whose sessions were cancelled and fall on one day: each printed row carries its own id."""
    from reverie.cli import care_cmds

    client, _ = paired
    course = two_cancelled_sessions(paired, timedelta(hours=3))  # the same day, session 2 later
    low, high = uuid.UUID(int=1), uuid.UUID(int=2)
    answer_phq9(course, 1, low, 3, AT)
    answer_phq9(course, 2, high, 24, AT)
    monkeypatch.setattr(care_cmds, "sign_in", lambda user: client)
    monkeypatch.setattr(care_cmds, "_ready", lambda: None)
    care_cmds.measure_history(course_id=str(course.id), user=None, client=None)
    lines = [line.split() for line in capsys.readouterr().out.splitlines() if line.startswith("  session")]
    printed = {(int(words[3]), words[-1]) for words in lines}
    assert printed == {(3, str(low)), (24, str(high))}  # before: both rows named the first response's id


def test_the_therapists_history_says_the_change_in_the_scores_pages_words(
    paired: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """r133 / h188 left it: the pages say "PHQ-9 fell from 24 to 3 — a reliable improvement …", while `reverie
    measure history` still printed "24 → 3, reliable improvement, reliable (Jacobson–Truax)", the method's name
    for the therapist to decode. It prints the pages' one sentence; the index is named only where it reads
    otherwise (on whole scores it never does)."""
    from reverie.care.services.course import CourseDraft, create_course
    from reverie.cli import care_cmds

    client, therapist = paired
    draft = CourseDraft(client=client.username, programme="dit", start=FIRST, timezone="Europe/London")
    course = create_course(therapist, draft)
    answer_phq9(course, 1, uuid.UUID(int=3), 24, FIRST.replace(tzinfo=LONDON))
    answer_phq9(course, 2, uuid.UUID(int=4), 3, FIRST.replace(tzinfo=LONDON) + timedelta(days=7))
    monkeypatch.setattr(care_cmds, "sign_in", lambda user: therapist)
    monkeypatch.setattr(care_cmds, "_ready", lambda: None)
    care_cmds.measure_history(course_id=str(course.id), user=None, client=None)
    out = capsys.readouterr().out
    assert "PHQ-9 fell from 24 to 3 — a reliable improvement (a fall of 6 or more)" in out
    assert "Jacobson" not in out
