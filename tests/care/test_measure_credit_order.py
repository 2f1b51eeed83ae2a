"""Two answers to one questionnaire whose sessions were both cancelled count for the same held session: which one is
credited (and so which is the baseline of reliable change) follows one rule, never the database's order (review r46,
docs/measures.md §12): the later in ``measures.RESPONSE_ORDER`` — its session's start, then ``submitted_at``, then
id. The tie is forced (both cancelled sessions at one start, the same ``submitted_at``) and the rows are inserted
in both orders, so the test fails wherever the database order decides, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest

from cancelled_sessions import answer_phq9, two_cancelled_sessions
from course_clock import LONDON
from reverie.care.services import measures, notes

pytestmark = pytest.mark.django_db
AT = datetime(2027, 2, 20, 9, 0, tzinfo=LONDON)
LOW_ID, HIGH_ID = uuid.UUID(int=1), uuid.UUID(int=2)


@pytest.fixture
def tied(paired: tuple[Any, Any]) -> tuple[Any, Any, Any]:
    """A course whose sessions 1 and 2 are cancelled and moved to one start (the tie); the old session 4 (now
    number 2) holds a PHQ-9 of 10, so reliable change has a baseline and a latest score."""
    client, therapist = paired
    course = two_cancelled_sessions(paired, timedelta(0))
    answer_phq9(course, 4, uuid.uuid4(), 10, AT + timedelta(days=30))
    return client, therapist, course


def _phq9_numbers_and_totals(client: Any, course: Any) -> list[tuple[int | None, int]]:
    chart = next(c for c in measures.history(client, course.id) if c.questionnaire.id.value == "phq9")
    return [(row[0], row[2]) for row in chart.rows]


@pytest.mark.parametrize("high_on_slot", [1, 2])
@pytest.mark.parametrize("high_first", [True, False])
def test_same_start_and_time_the_greater_id_is_credited(
    tied: Any, high_on_slot: int, high_first: bool
) -> None:
    client, therapist, course = tied
    rows = [(high_on_slot, HIGH_ID, 24), (3 - high_on_slot, LOW_ID, 3)]
    for slot, row_id, total in rows if high_first else reversed(rows):
        answer_phq9(course, slot, row_id, total, AT)
    progress = measures.progress(therapist, course.id)
    assert [(a.session, a.phq9) for a in progress.assessments] == [(1, 24), (2, 10)]
    (phq9,) = progress.changes
    assert (phq9.first, phq9.latest) == (24, 10)  # the baseline is the credited answer
    # every reader lists them in the same order: session start, then submitted_at, then id
    assert _phq9_numbers_and_totals(client, course) == [(None, 3), (None, 24), (2, 10)]
    assert [(f.number, f.response.total) for f in measures.responses(therapist, course.id)] == [
        (None, 3),
        (None, 24),
        (2, 10),
    ]
    assert [(m["session"], m["total"]) for m in notes.course_record(therapist, course.id)["measures"]] == [
        (None, 3),
        (None, 24),
        (2, 10),
    ]


@pytest.mark.parametrize("late_first", [True, False])
def test_same_start_the_later_submitted_is_credited_whatever_its_id(tied: Any, late_first: bool) -> None:
    client, therapist, course = tied
    rows = [(1, LOW_ID, 24, AT + timedelta(hours=1)), (2, HIGH_ID, 3, AT)]
    for slot, row_id, total, at in rows if late_first else reversed(rows):
        answer_phq9(course, slot, row_id, total, at)
    assert [(a.session, a.phq9) for a in measures.progress(therapist, course.id).assessments] == [
        (1, 24),
        (2, 10),
    ]
    assert _phq9_numbers_and_totals(client, course) == [(None, 3), (None, 24), (2, 10)]


def test_different_starts_the_later_session_is_credited(tied: Any) -> None:
    client, therapist, course = tied
    course.sessions.filter(slot=2).update(start=course.sessions.get(slot=1).start + timedelta(days=7))
    answer_phq9(course, 2, LOW_ID, 24, AT)  # the later session, inserted first, submitted first, lower id
    answer_phq9(course, 1, HIGH_ID, 3, AT + timedelta(hours=1))
    assert [(a.session, a.phq9) for a in measures.progress(therapist, course.id).assessments] == [
        (1, 24),
        (2, 10),
    ]
    assert _phq9_numbers_and_totals(client, course) == [(None, 3), (None, 24), (2, 10)]
