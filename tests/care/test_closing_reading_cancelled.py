"""The closing reading of an ended course: the answers the client gave last, for a session never held.

The course is placed relative to the real clock; every step passes its own ``now`` (the day before each session,
09:00 London), so the course reads the same on any day.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from reverie.care.services import measures, sessions
from reverie.care.services.course import CourseDraft, create_course, end_course
from reverie.measures.change import Change

pytestmark = [pytest.mark.django_db, pytest.mark.db]
LONDON = ZoneInfo("Europe/London")
PHQ9_15 = [2, 2, 2, 2, 2, 2, 2, 1, 0]  # 15: moderately severe, a case (≥ 10)
PHQ9_4 = [1, 1, 1, 1, 0, 0, 0, 0, 0]  # 4: minimal
GAD7_12 = [2, 2, 2, 2, 2, 1, 1]  # 12: moderate, a case (≥ 8)
GAD7_3 = [1, 1, 1, 0, 0, 0, 0]  # 3: minimal
PHQ9_12 = [2, 2, 2, 2, 2, 1, 1, 0, 0]  # 12: moderate, a case
GAD7_10 = [2, 2, 2, 2, 1, 1, 0]  # 10: moderate, a case


def _weekly_dit(paired: tuple[Any, Any], weeks: int = 20, days: int = 0) -> tuple[Any, Any, Any, datetime]:
    """A weekly DIT course (every-session schedule) whose first session was ``weeks`` weeks and ``days`` days ago,
    10:00 London."""
    client, therapist = paired
    today = timezone.now().astimezone(LONDON).date()
    began = today - timedelta(weeks=weeks, days=days)
    first = datetime.combine(began, datetime.min.time()).replace(hour=10, tzinfo=LONDON)
    draft = CourseDraft(
        client=client.username, programme="dit", start=first.replace(tzinfo=None), timezone="Europe/London"
    )
    return client, therapist, create_course(therapist, draft), first


def _day_before(first: datetime, number: int) -> datetime:
    return first + timedelta(weeks=number - 1, days=-1, hours=-1)  # 09:00 the day before session ``number``


def test_answers_for_a_session_the_client_cancelled_stay_the_closing_reading_when_the_course_ends(
    paired: tuple[Any, Any],
) -> None:
    """A weekly DIT course: PHQ-9 15 and GAD-7 12 before each of sessions 1–5, nothing before session 6 (held). The
    day before session 7 the client fills both (PHQ-9 4, GAD-7 3), then cancels session 7 ("I'd like to stop here"); that afternoon the therapist
    ends the course with session 7's day as its last day. The answers are still listed on the scores page, but the
    therapist's Change and outcome read "PHQ-9: 15 → 15 · no reliable change … recovery: no": the last reading is
    dropped, because its session was cancelled by the client rather than by the ending, and no held session
    follows it. Had the therapist picked session 6's day as the last, the same answers would have counted for
    session 6 (docs/measures.md §12: the answers filled for the next session are an ended course's closing reading,
    counted for the last session held when it has no answer of its own; a response whose session was cancelled
    counts for the next session held). One day later on the end form, a different outcome from the same answers.
    Hand-computed: PHQ-9 15 → 4 (a drop of 11 ≥ 6: reliable improvement), GAD-7 12 → 3 (a drop of 9 ≥ 4),
    a case at the start (15 ≥ 10), none at the end (4 < 10, 3 < 8): recovery and reliable recovery."""
    client, therapist, course, first = _weekly_dit(paired)
    for number in range(1, 6):  # nothing filled before session 6
        measures.submit(client, "phq9", PHQ9_15, course_id=course.id, now=_day_before(first, number))
        measures.submit(client, "gad7", GAD7_12, course_id=course.id, now=_day_before(first, number))
    closing = _day_before(first, 7)
    assert measures.submit(client, "phq9", PHQ9_4, course_id=course.id, now=closing).score.total == 4
    assert measures.submit(client, "gad7", GAD7_3, course_id=course.id, now=closing).score.total == 3
    sessions.cancel_session(client, course.id, 7, now=closing)
    session_7 = first + timedelta(weeks=6)
    end_course(therapist, course.id, session_7.date(), now=session_7 + timedelta(hours=6))

    progress = measures.progress(therapist, course.id)
    changes = {c.questionnaire.short_title: (c.first, c.latest, c.change) for c in progress.changes}
    assert changes == {
        "PHQ-9": (15, 4, Change.IMPROVEMENT),
        "GAD-7": (12, 3, Change.IMPROVEMENT),
    }
    assert progress.outcome is not None
    assert progress.outcome.case_at_start is True
    assert progress.outcome.case_at_end is False
    assert progress.outcome.recovery is True
    assert progress.outcome.reliable_recovery is True


def test_the_closing_reading_is_the_last_score_even_when_the_last_held_session_has_its_own(
    paired: tuple[Any, Any],
) -> None:
    """NHS Talking Therapies pairs each measure's first and last score of a course. On the default every-session
    schedule the last session held has its own answers; before, an ended course's closing reading (answers filled
    for the next session, which the ending cancelled) then stayed out of the series, so the last answers a client
    gave never counted: here PHQ-9 15 → 12 and GAD-7 12 → 10, "no reliable change", a case at the end, no recovery.
    PHQ-9 15 and GAD-7 12 before sessions 1–5, PHQ-9 12 and GAD-7 10 before session 6 (held), then PHQ-9 4 and
    GAD-7 3 the day before session 7; the therapist ends the course that day, cancelling session 7.
    Hand-computed with the last reading: PHQ-9 15 → 4 (a drop of 11 ≥ 6), GAD-7 12 → 3 (a drop of 9 ≥ 4): reliable
    improvement on both; a case at the start (15 ≥ 10), none at the end (4 < 10, 3 < 8): recovery and reliable
    recovery. Session 6's own answers are still listed; the series' session 6 holds the last reading.
    Session 7 is tomorrow by the real clock, so today's ending may cancel it (answers for a session still to come
    do not hold it)."""
    client, therapist, course, first = _weekly_dit(paired, weeks=6, days=-1)
    for number in range(1, 6):
        measures.submit(client, "phq9", PHQ9_15, course_id=course.id, now=_day_before(first, number))
        measures.submit(client, "gad7", GAD7_12, course_id=course.id, now=_day_before(first, number))
    measures.submit(client, "phq9", PHQ9_12, course_id=course.id, now=_day_before(first, 6))
    measures.submit(client, "gad7", GAD7_10, course_id=course.id, now=_day_before(first, 6))
    closing = _day_before(first, 7)
    measures.submit(client, "phq9", PHQ9_4, course_id=course.id, now=closing)
    measures.submit(client, "gad7", GAD7_3, course_id=course.id, now=closing)
    end_course(therapist, course.id, closing.date(), now=closing + timedelta(hours=1), seen=True)

    assert len(measures.responses(therapist, course.id)) == 14  # every answer still listed
    progress = measures.progress(therapist, course.id)
    assert [(a.session, a.phq9, a.gad7) for a in progress.assessments][-2:] == [(5, 15, 12), (6, 4, 3)]
    changes = {c.questionnaire.short_title: (c.first, c.latest, c.change) for c in progress.changes}
    assert changes == {
        "PHQ-9": (15, 4, Change.IMPROVEMENT),
        "GAD-7": (12, 3, Change.IMPROVEMENT),
    }
    assert progress.outcome is not None
    assert progress.outcome.case_at_end is False
    assert progress.outcome.recovery is True
    assert progress.outcome.reliable_recovery is True
