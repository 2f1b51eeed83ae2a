"""When a measure is due (every session, every other session, monthly); one submission per session."""

from __future__ import annotations

import calendar
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from reverie.errors import Conflict, InvalidInput
from reverie.measures.questionnaires import QuestionnaireId, get_questionnaire


class MeasureSchedule(StrEnum):
    """How often a measure is asked for, always *before* the session it belongs to."""

    EVERY_SESSION = "every_session"
    EVERY_OTHER_SESSION = "every_other_session"
    MONTHLY = "monthly"


def parse_schedule(value: str) -> MeasureSchedule:
    try:
        return MeasureSchedule(value)
    except ValueError:
        known = ", ".join(s.value for s in MeasureSchedule)
        raise InvalidInput(f"Unknown measure schedule; expected one of: {known}.") from None


def due_sessions(
    schedule: str, session_dates: Sequence[date], *, include_last: bool = True
) -> tuple[int, ...]:
    """The 1-based numbers of the sessions a measure is due before.

    ``session_dates`` are the planned dates of sessions 1..n in order. Session 1 is always due (the
    baseline). ``every_other_session`` gives 1, 3, 5, …; ``monthly`` gives session 1 and then the first
    session on or after the same day of the next calendar month counted from the last due session. With
    ``include_last`` (for a course of known length) the last session is due too, so every course ends with a
    closing score.
    """
    kind = parse_schedule(schedule)
    dates = _as_dates(session_dates)
    if not dates:
        return ()
    if kind is MeasureSchedule.EVERY_SESSION:
        due = list(range(1, len(dates) + 1))
    elif kind is MeasureSchedule.EVERY_OTHER_SESSION:
        due = list(range(1, len(dates) + 1, 2))
    else:
        due = _monthly(dates)
    if include_last and due[-1] != len(dates):
        due.append(len(dates))
    return tuple(due)


def is_due(
    schedule: str, session_number: int, session_dates: Sequence[date], *, include_last: bool = True
) -> bool:
    """Whether the measure is due before ``session_number`` (1-based)."""
    if not 1 <= session_number <= len(session_dates):
        raise InvalidInput(f"Session {session_number} is not in the planned course.")
    return session_number in due_sessions(schedule, session_dates, include_last=include_last)


def _as_dates(session_dates: Sequence[date]) -> list[date]:
    dates = [d.date() if isinstance(d, datetime) else d for d in session_dates]
    for number, (before, after) in enumerate(itertools.pairwise(dates), start=2):
        if after < before:
            raise InvalidInput(f"Session {number} is dated before session {number - 1}.")
    return dates


def _monthly(dates: Sequence[date]) -> list[int]:
    due = [1]
    next_due = add_months(dates[0], 1)
    for number, day in enumerate(dates[1:], start=2):
        if day >= next_due:
            due.append(number)
            next_due = add_months(day, 1)
    return due


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True, slots=True)
class Submission:
    """One completed measure, attached to the session it was taken before."""

    questionnaire_id: QuestionnaireId
    session: int

    def __post_init__(self) -> None:
        get_questionnaire(str(self.questionnaire_id))
        if isinstance(self.session, bool) or not isinstance(self.session, int) or self.session < 1:
            raise InvalidInput("A submission's session number must be a whole number from 1.")


def check_not_submitted(existing: Iterable[Submission], new: Submission) -> None:
    """Raise Conflict when the same measure was already submitted for the same session."""
    for earlier in existing:
        if earlier.questionnaire_id == new.questionnaire_id and earlier.session == new.session:
            title = get_questionnaire(str(new.questionnaire_id)).short_title
            raise Conflict(f"{title} was already submitted for session {new.session}.")
