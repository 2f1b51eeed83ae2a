"""A questionnaire answered for a session stays with that session (its date) when earlier sessions are cancelled
and the numbers after them shift (QA qa33 point 2), and the check-in after a PHQ-9 item-9 answer is worded for a
questionnaire (point 15); the client's scores pages are in plain words (point 10). Courses here start in the
future, so cancelling their first sessions is ordinary."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from course_clock import LONDON
from reverie.care.models import MeasureResponse
from reverie.care.services import alerts, measures, notes, sessions
from reverie.care.services.course import CourseDraft, create_course
from reverie.care.services.export_record import record_for
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db
FIRST = datetime(
    2027, 3, 1, 10, 0
)  # a Monday; sessions weekly: 1 Mar, 8 Mar, 15 Mar (session 3), 22 Mar, 29 Mar
BEFORE = datetime(2027, 2, 20, 9, 0, tzinfo=LONDON)
BY_3 = datetime(2027, 3, 15, 9, 0, tzinfo=LONDON)  # session 3 is the next (answers are never for a later one)
LOW = [1] * 8 + [0]


@pytest.fixture
def later(paired: tuple[Any, Any]) -> tuple[Any, Any, Any]:
    client, therapist = paired
    course = create_course(
        therapist,
        CourseDraft(client=client.username, programme="dit", start=FIRST, timezone="Europe/London"),
    )
    return client, therapist, course


def _answered_by_3(course: Any) -> None:
    """The answers stored as given when ``now`` says (``submit`` takes ``now`` for its checks; the row stores the
    real moment): a reading is dated by the day it was answered, or its session's day if that came first (r133)."""
    MeasureResponse.objects.filter(course=course).update(submitted_at=BY_3)


def _phq9_row(course: Any) -> tuple[int | None, date, int, str]:
    chart = next(c for c in measures.history(course.client, course.id) if c.questionnaire.id.value == "phq9")
    (row,) = chart.rows
    return row


def test_score_for_session_3_keeps_its_date_when_sessions_1_and_2_are_cancelled(later: Any) -> None:
    client, therapist, course = later
    done = measures.submit(client, "phq9", LOW, course_id=course.id, session_number=3, now=BY_3)
    _answered_by_3(course)
    sessions.cancel_session(client, course.id, 1)
    sessions.cancel_session(therapist, course.id, 2)  # two make-ups at the end; session 3 is now number 1
    assert _phq9_row(course)[:2] == (1, date(2027, 3, 15))
    page = _as(client).get(f"/courses/{course.id}/measures/").content.decode()
    assert "Mon 15 Mar 2027 (session 1)" in page and "29 Mar 2027" not in page
    reply = _as(therapist).get(f"/courses/{course.id}/prep/")
    prep = reply.content.decode()
    assert reply.status_code == 200, (reply.status_code, reply.get("Location"))
    assert "session 1, 15 Mar" in prep and "session 3" not in prep
    assert [a.session for a in measures.progress(therapist, course.id).assessments] == [1]
    session_3 = course.sessions.get(slot=3)
    assert (
        measures.fhir_resource(client, done.response.id)["encounter"]["reference"]
        == f"Encounter/{session_3.id}"
    )
    (exported,) = record_for(client)["courses"][0]["measures"]
    assert exported["session"] == 1
    (kept,) = notes.course_record(therapist, course.id)["measures"]
    assert kept["session"] == 1 and kept["session_start"] == session_3.start.isoformat()


def test_cancelling_a_later_session_changes_nothing(later: Any) -> None:
    client, therapist, course = later
    measures.submit(client, "phq9", LOW, course_id=course.id, session_number=3, now=BY_3)
    _answered_by_3(course)
    sessions.cancel_session(therapist, course.id, 4)
    assert _phq9_row(course)[:2] == (3, date(2027, 3, 15))
    assert (
        "Mon 15 Mar 2027 (session 3)" in _as(client).get(f"/courses/{course.id}/measures/").content.decode()
    )


def test_score_whose_own_session_is_cancelled_keeps_that_date_and_counts_for_the_next_session(
    later: Any,
) -> None:
    client, therapist, course = later
    measures.submit(client, "phq9", [3] * 8 + [0], course_id=course.id, session_number=1, now=BY_3)
    measures.submit(client, "phq9", LOW, course_id=course.id, session_number=3, now=BY_3)
    _answered_by_3(course)
    sessions.cancel_session(client, course.id, 1)
    chart = next(c for c in measures.history(client, course.id) if c.questionnaire.id.value == "phq9")
    assert [row[:2] for row in chart.rows] == [(None, date(2027, 3, 1)), (2, date(2027, 3, 15))]
    assert [(a.session, a.phq9) for a in measures.progress(therapist, course.id).assessments] == [
        (1, 24),
        (2, 8),
    ]
    page = _as(client).get(f"/courses/{course.id}/measures/").content.decode()
    assert "Mon 1 Mar 2027 (that session was cancelled)" in page


def test_the_same_questionnaire_for_the_renumbered_session_is_not_a_conflict(later: Any) -> None:
    client, _, course = later
    measures.submit(client, "gad7", [1] * 7, course_id=course.id, session_number=1, now=BEFORE)
    sessions.cancel_session(client, course.id, 1)  # the old session 2 is now number 1 and has no GAD-7 yet
    due = measures.due_now(client, course.id, now=BEFORE)
    assert [d.questionnaire.id.value for d in due] == ["phq9", "gad7"]
    measures.submit(client, "gad7", [0] * 7, course_id=course.id, session_number=1, now=BEFORE)
    assert sorted(r.session.slot for r in MeasureResponse.objects.all()) == [1, 2]


@pytest.mark.parametrize(
    "path", ["/measures/", "/check-in/"]
)  # the banner on any page, and the check-in page
def test_check_in_after_phq9_item_9_names_the_questionnaire(later: Any, path: str) -> None:
    client, _, course = later
    measures.submit(client, "phq9", [0] * 8 + [1], course_id=course.id, session_number=1, now=BEFORE)
    page = _as(client).get(path).content.decode()
    assert "Are you safe?" in page
    assert "your answer to the questionnaire's question 9" in page.replace("&#x27;", "'")
    assert "Your entry was saved" not in page


@pytest.mark.parametrize("path", ["/measures/", "/check-in/"])
def test_check_in_after_an_entry_still_says_the_entry_was_saved(later: Any, path: str) -> None:
    """The check-in page says it; the banner on another page keeps its check-in without it (review r135 fault 4:
    only the entry's own page right after the save says "Your entry was saved.")."""
    client, _, _ = later
    alerts.signal(client, "journal", "ideation", "entry-1", written_at=BEFORE)
    page = _as(client).get(path).content.decode()
    assert ("Your entry was saved" in page) == (path == "/check-in/") and "questionnaire answers" not in page
    assert "Are you safe?" in page


def test_client_scores_pages_are_in_plain_words_and_the_therapist_keeps_fhir(later: Any) -> None:
    client, therapist, course = later
    done = measures.submit(client, "gad7", [1] * 7, course_id=course.id, session_number=1, now=BEFORE)
    for path in (f"/courses/{course.id}/measures/", f"/measures/{done.response.id}/"):
        mine = _as(client).get(path).content.decode()
        assert "FHIR" not in mine and "GAD7" not in mine and "Download for another health record" in mine
        assert "GAD-7 (worry)" in mine
        assert "FHIR" in _as(therapist).get(path).content.decode()
    assert _as(client).get(f"/measures/{done.response.id}/fhir.json").status_code == 200


def test_measures_page_and_thank_you_name_what_each_questionnaire_asks_about(later: Any) -> None:
    client, _, _ = later
    web = _as(client)
    due = web.get("/measures/").content.decode()
    assert "PHQ-9 (mood)" in due and "GAD-7 (worry)" in due
    assert "<h1>GAD-7 (worry)</h1>" in web.get("/measures/fill/gad7/").content.decode()
    answers = {f"item{n}": "1" for n in range(1, 8)}
    done = web.post("/measures/fill/gad7/", answers).content.decode()
    assert "Your GAD-7 (worry) answers were saved for the session on" in done
