"""Which sessions a measure is due before, and measures submitted twice."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from reverie.errors import Conflict, InvalidInput
from reverie.measures.questionnaires import QuestionnaireId
from reverie.measures.schedule import Submission, add_months, check_not_submitted, due_sessions, is_due

WEEKLY_16 = [date(2025, 1, 6) + timedelta(weeks=week) for week in range(16)]


def test_due_sessions_every_session() -> None:
    assert due_sessions("every_session", WEEKLY_16) == tuple(range(1, 17))


def test_due_sessions_every_other_session_closes_with_last() -> None:
    assert due_sessions("every_other_session", WEEKLY_16) == (1, 3, 5, 7, 9, 11, 13, 15, 16)
    assert due_sessions("every_other_session", WEEKLY_16, include_last=False) == (1, 3, 5, 7, 9, 11, 13, 15)


def test_due_sessions_monthly_hand_computed() -> None:
    # Jan 6 (1) → due again on/after Feb 6: Feb 10 (6) → Mar 10 (10) → Apr 10: Apr 14 (15); last is 16.
    assert due_sessions("monthly", WEEKLY_16) == (1, 6, 10, 15, 16)
    assert due_sessions("monthly", WEEKLY_16, include_last=False) == (1, 6, 10, 15)


def test_due_sessions_twice_weekly_monthly() -> None:
    dates = []
    for week in range(8):
        monday = date(2025, 3, 3) + timedelta(weeks=week)
        dates += [monday, monday + timedelta(days=3)]
    # Mar 3 (1) → Apr 3 is a Thursday: session 10 (Apr 3)
    assert due_sessions("monthly", dates, include_last=False) == (1, 10)


def test_due_sessions_empty_course() -> None:
    assert due_sessions("monthly", []) == ()


def test_is_due_checks_session_number() -> None:
    assert is_due("every_other_session", 3, WEEKLY_16)
    assert not is_due("every_other_session", 4, WEEKLY_16)
    with pytest.raises(InvalidInput, match="Session 17"):
        is_due("every_session", 17, WEEKLY_16)


def test_due_sessions_rejects_unknown_schedule_and_unordered_dates() -> None:
    with pytest.raises(InvalidInput, match="Unknown measure schedule"):
        due_sessions("weekly-ish", WEEKLY_16)
    with pytest.raises(InvalidInput, match="Session 2 is dated before session 1"):
        due_sessions("every_session", [date(2025, 1, 8), date(2025, 1, 1)])


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2025, 12, 15), 1) == date(2026, 1, 15)


def test_check_not_submitted_same_measure_same_session_conflicts() -> None:
    existing = [Submission(QuestionnaireId.PHQ9, 3), Submission(QuestionnaireId.GAD7, 3)]
    with pytest.raises(Conflict, match="PHQ-9 was already submitted for session 3"):
        check_not_submitted(existing, Submission(QuestionnaireId.PHQ9, 3))


def test_check_not_submitted_other_session_or_measure_is_fine() -> None:
    existing = [Submission(QuestionnaireId.PHQ9, 3)]
    check_not_submitted(existing, Submission(QuestionnaireId.PHQ9, 4))
    check_not_submitted(existing, Submission(QuestionnaireId.GAD7, 3))


def test_submission_rejects_bad_session() -> None:
    with pytest.raises(InvalidInput):
        Submission(QuestionnaireId.GAD7, 0)
