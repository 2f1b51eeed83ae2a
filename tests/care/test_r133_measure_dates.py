"""Review r133 fault 4: a PHQ-9 the client filled on 7 Dec for a session on 9 Dec was dated 9 Dec — a day still to
come — on the therapist's Scores page, its chart and the prep page (only the single-answer page said "answered 7 Dec
2026 16:54"), and the Scores page said "On track by the rule below." beside that one first score of 20 (severe, item
9 positive). A reading is dated by the day the client answered, with "before session N" where that came before the
session; with fewer than two scores of one questionnaire nothing is judged."""

from __future__ import annotations

import html
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from reverie.care.services import measures
from reverie.care.services.course import CourseDraft, create_course
from reverie.clinic.services import local_time

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
SEVERE_WITH_ITEM_9 = [3, 3, 3, 2, 2, 2, 2, 1, 2]  # 20, item 9 "more than half the days"


def _words(day: Any, year: bool = True) -> str:
    return f"{day.day} {day:%b %Y}" if year else f"{day.day} {day:%b}"


def test_a_reading_is_dated_when_the_client_answered_and_one_score_is_not_on_track(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    client, therapist = paired
    today = datetime.now(LONDON).date()
    start = today + timedelta(days=9 - today.weekday())  # the Wednesday of next week: days ahead
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username,
            programme="dit",
            start=datetime(start.year, start.month, start.day, 10, 0),
            timezone="Europe/London",
        ),
    )
    measures.submit(client, "phq9", SEVERE_WITH_ITEM_9, course_id=course.id)
    answered = local_time.local_date(timezone.now(), therapist)
    session = local_time.local_date(
        datetime(start.year, start.month, start.day, 10, 0, tzinfo=LONDON), therapist
    )
    assert answered < session
    web = web_as(therapist)
    scores = html.unescape(web.get(f"/courses/{course.id}/measures/").content.decode())
    row = scores.split("<tbody>", 1)[1].split("</tr>", 1)[0]
    assert f"<td>{_words(answered)}, before session 1</td>" in row, row
    assert _words(session) not in row
    assert f"One PHQ-9 score: 20 (severe) on {_words(answered)}." in scores  # the chart's description
    assert f"answered {_words(answered)}, before session 1" in scores  # the risk answer's line
    assert "On track" not in scores
    assert "Not enough scores yet to judge progress" in scores
    prep = html.unescape(web.get(f"/courses/{course.id}/prep/").content.decode())
    assert (
        f"Latest PHQ-9: <strong>20</strong> (Severe), answered {_words(answered, False)}, before session 1"
        in prep
    )
    assert f"session 1, {_words(session, False)}" not in prep
    # the client's own Scores page dates it alike
    mine = html.unescape(web_as(client).get(f"/courses/{course.id}/measures/").content.decode())
    assert f"{_words(answered)}, before session 1" in mine


def test_a_reading_entered_after_its_session_keeps_the_sessions_day(
    dit: tuple[Any, Any, Any], web_as: Any
) -> None:
    """A baseline given on paper and entered later for session 1 (5 Jan 2026) stays dated by its session, so the
    readings keep their sessions' order; two scores are judged ("On track" or not, never "not enough")."""
    client, therapist, course = dit
    measures.submit(client, "phq9", [1] * 9, course_id=course.id, session_number=1)
    measures.submit(client, "phq9", [1] * 8 + [0], course_id=course.id, session_number=2)
    scores = html.unescape(web_as(therapist).get(f"/courses/{course.id}/measures/").content.decode())
    assert "<td>5 Jan 2026</td>" in scores and "<td>12 Jan 2026</td>" in scores
    assert "before session" not in scores
    assert "Not enough scores yet" not in scores and "track" in scores
