"""A client can add a questionnaire answered for an earlier session on the web (qa33 point 15, second half): the
form offers the sessions that are due on the schedule and not yet answered, the next one first and chosen; the
answers are stored for the session chosen; a bad choice is a clear error and stores nothing. A course whose first
session is still ahead offers no choice and the form works as before."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from course_clock import at
from reverie.care.models import MeasureResponse
from reverie.care.services import measures
from reverie.care.services.course import CourseDraft, create_course
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db
GAD7 = {f"item{n}": "1" for n in range(1, 8)}


def test_the_form_offers_every_open_session_the_next_one_first_and_chosen(
    dit: tuple[Any, Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, _, _ = dit  # a weekly 16-session course from 5 January 2026
    monkeypatch.setattr("django.utils.timezone.now", lambda: at(19, 4).astimezone(UTC))  # session 16 tomorrow
    page = _as(client).get("/measures/fill/gad7/").content.decode()
    assert "Which session are these answers for?" in page
    assert '<option value="16" selected>Session 16, 20 Apr 2026 (next)</option>' in page
    assert '<option value="1">Session 1, 5 Jan 2026</option>' in page  # short enough for a 360-px select


def test_after_the_last_session_the_form_chooses_no_session_for_the_client(dit: tuple[Any, Any, Any]) -> None:
    """Every session of the course is past (5 January to 20 April 2026): there is no next session, so the form
    pre-chooses none; before (r70), it chose session 16 and stored the answers as its closing reading."""
    client, _, _ = dit
    page = _as(client).get("/measures/fill/gad7/").content.decode()
    assert '<option value="" selected disabled>Choose…</option>' in page
    assert '<option value="16">Session 16, 20 Apr 2026</option>' in page
    refused = _as(client).post("/measures/fill/gad7/", GAD7)
    assert refused.status_code == 400 and b"there is no next session" in refused.content


def test_answers_are_stored_for_the_session_chosen_and_that_session_leaves_the_list(
    dit: tuple[Any, Any, Any],
) -> None:
    client, _, course = dit
    web = _as(client)
    reply = web.post("/measures/fill/gad7/", {**GAD7, "session": "1"})
    assert reply.status_code == 200 and b"answers were saved" in reply.content
    (row,) = MeasureResponse.objects.filter(course=course)
    assert measures.number_of(row) == 1 and row.questionnaire == "gad7"
    numbers = [s.number for s in measures.open_sessions(client, "gad7")]
    assert 1 not in numbers and numbers[0] == 16
    assert 1 in [
        s.number for s in measures.open_sessions(client, "phq9")
    ]  # another questionnaire: still open
    again = web.post("/measures/fill/gad7/", {**GAD7, "session": "1"})
    assert again.status_code == 409 and b"already submitted for session 1" in again.content
    assert MeasureResponse.objects.count() == 1


@pytest.mark.parametrize(
    ("choice", "words"),
    [
        ("first", b"Choose the session these answers are for."),
        ("99", b"Session 99 is not in the planned course."),
        ("\u00b2", b"Choose the session these answers are for."),  # a digit to str.isdigit, not to int()
        ("9" * 5000, b"Choose the session these answers are for."),  # past int()'s 4,300-digit limit
        ("-1", b"Choose the session these answers are for."),
    ],
)
def test_a_bad_choice_is_a_clear_error_and_stores_nothing(
    dit: tuple[Any, Any, Any], choice: str, words: bytes
) -> None:
    client, _, _ = dit
    reply = _as(client).post("/measures/fill/gad7/", {**GAD7, "session": choice})
    assert reply.status_code == 400 and words in reply.content
    assert b'name="item1" value="1" checked' in reply.content  # the answers are kept on the page
    assert MeasureResponse.objects.count() == 0


def test_a_course_not_yet_started_offers_no_choice_and_saves_for_the_next_session(
    paired: tuple[Any, Any],
) -> None:
    client, therapist = paired
    create_course(
        therapist,
        CourseDraft(
            client=client.username, programme="dit", start=datetime(2031, 3, 3, 10), timezone="Europe/London"
        ),
    )
    web = _as(client)
    page = web.get("/measures/fill/gad7/").content
    assert b"Which session are these answers for?" not in page
    assert [s.is_next for s in measures.open_sessions(client, "gad7")] == [True]
    assert web.post("/measures/fill/gad7/", GAD7).status_code == 200
    (row,) = MeasureResponse.objects.all()
    assert measures.number_of(row) == 1


def test_a_therapist_is_offered_no_sessions(dit: tuple[Any, Any, Any]) -> None:
    _, therapist, _ = dit
    assert measures.open_sessions(therapist, "gad7") == []


def test_after_the_last_session_none_is_called_the_next_one(dit: tuple[Any, Any, Any]) -> None:
    client, _, _ = dit
    assert not any(s.is_next for s in measures.open_sessions(client, "gad7"))
    assert b"(next)" not in _as(client).get("/measures/fill/gad7/").content


@pytest.mark.parametrize("answer", ["\u00b2", "--1", "9" * 5000])
def test_a_malformed_answer_is_the_forms_own_message_not_a_server_error(
    dit: tuple[Any, Any, Any], answer: str
) -> None:
    client, _, _ = dit
    reply = _as(client).post("/measures/fill/gad7/", {**GAD7, "item3": answer, "session": "1"})
    assert reply.status_code == 400 and b"Answer question 3." in reply.content
    assert MeasureResponse.objects.count() == 0


def test_filling_the_same_questionnaire_again_the_same_day_does_not_file_it_under_an_earlier_session(
    running: Any, web_as: Any
) -> None:
    """Once the next session's PHQ-9 is in, the form does not pre-choose an earlier session: filling it again the
    same day is not silently stored as the answers of a session already held (review r26); it is the 409
    conflict, and nothing is backdated."""
    import re

    client, _therapist, _course, _clock = running
    web = web_as(client)
    assert web.post("/measures/fill/phq9/", {f"item{i}": "2" for i in range(1, 10)}).status_code == 200
    html = web.get("/measures/fill/phq9/").content.decode()
    chosen = re.findall(r'<option value="(\d+)" selected>', html)
    sent = {f"item{i}": "2" for i in range(1, 10)}
    if chosen:
        sent["session"] = chosen[0]
    again = web.post("/measures/fill/phq9/", sent)  # the same form again, as the page offers it
    assert again.status_code == 409 and b"already submitted for session 7" in again.content
    assert [r.session.slot for r in MeasureResponse.objects.all()] == [7]
