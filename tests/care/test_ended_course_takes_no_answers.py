"""An ended course takes no new questionnaire answers, by any door (h155). Before, `reverie measure fill --course ID
--session N` (and the web form's session choice, the API's ``session_number``) stored answers for an earlier session
of a course the therapist had ended: its closing reading and outcome changed after it was closed. The one rule is
``measures.takes_answers`` (in ``measures.submit``); the refusal names the day it ended and what to do. Only the
clock is mocked."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from course_clock import START
from course_week import Clock
from reverie.care.models import Course, MeasureResponse, RiskAlert
from reverie.care.services import course as courses
from reverie.care.services import measures
from reverie.care.services.course import CourseDraft, create_course
from reverie.errors import InvalidInput
from web_client import signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.db]
LONDON = ZoneInfo("Europe/London")
ENDED = "This course ended on 31 Jan 2026: it takes no new answers."


@pytest.fixture
def ended(paired: tuple[Any, Any], monkeypatch: Any) -> tuple[Any, Course]:
    """A weekly DIT course from Monday 5 January 2026, 10:00 London, ended by its therapist on Saturday 31 January
    (sessions 1–4 held, 5–16 cancelled); now Tuesday 10 February, noon. Nothing answered yet."""
    client, therapist = paired
    clock = Clock(monkeypatch, datetime(2026, 1, 2, 9, tzinfo=LONDON))
    course = create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=START, timezone="Europe/London")
    )
    clock.at = datetime(2026, 2, 10, 12, tzinfo=LONDON)
    courses.end_course(therapist, course.id, date(2026, 1, 31))
    course.refresh_from_db()
    return client, course


def test_answers_for_an_earlier_session_of_an_ended_course_are_refused_and_nothing_is_stored(
    ended: tuple[Any, Course],
) -> None:
    client, course = ended
    with pytest.raises(InvalidInput) as refused:
        measures.submit(client, "phq9", [0] * 9, course_id=course.id, session_number=3)
    words = refused.value.message
    assert words.startswith(ENDED)
    assert "stay readable" in words and "your therapist sets up a new course" in words  # what to do
    with pytest.raises(InvalidInput, match="ended on 31 Jan 2026"):  # nor for a session the ending cancelled
        measures.submit(client, "phq9", [0] * 9, course_id=course.id, session_number=5)
    assert not MeasureResponse.objects.exists()
    assert measures.open_sessions(client, "phq9", course.id) == []  # no session offered to choose


def test_question_9_of_answers_refused_for_an_ended_course_is_still_screened(
    ended: tuple[Any, Course],
) -> None:
    client, course = ended
    with pytest.raises(InvalidInput, match="ended on 31 Jan 2026"):
        measures.submit(client, "phq9", [0] * 8 + [2], course_id=course.id, session_number=3)
    assert RiskAlert.objects.filter(client=client, source="phq9_item9").exists()
    assert not MeasureResponse.objects.exists()


def test_the_command_line_refuses_an_ended_course_named_by_course(
    ended: tuple[Any, Course], monkeypatch: Any
) -> None:
    """``reverie measure fill phq9 --answers … --course ID --session 3`` (the course picked by its first characters)."""
    from reverie.cli import care_cmds

    client, course = ended
    monkeypatch.setenv("REVERIE_PASSWORD", "a long test password")
    with pytest.raises(InvalidInput) as refused:
        care_cmds.measure_fill(
            "phq9", "0 0 0 0 0 0 0 0 0", user=client.username, session="3", course=str(course.id)[:8]
        )
    assert refused.value.message.startswith(ENDED)
    assert not MeasureResponse.objects.exists()


def test_the_web_form_says_the_course_ended_and_refuses_its_answers(ended: tuple[Any, Course]) -> None:
    client, course = ended
    web = signed_in(client)
    page = web.get(f"/measures/fill/phq9/?course={course.id}").content.decode()
    assert ENDED in page
    assert 'name="session"' not in page  # no earlier session offered
    answers = {f"item{n}": "0" for n in range(1, 10)}
    sent = web.post("/measures/fill/phq9/", {**answers, "course": str(course.id), "session": "3"})
    assert sent.status_code == 400 and ENDED in sent.content.decode()
    assert not MeasureResponse.objects.exists()
