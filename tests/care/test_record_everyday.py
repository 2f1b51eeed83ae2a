"""The client's record: progress notes on a page, and the journal export (reverie.export/8) carrying the course,
its sessions, goals, measures, progress notes and the safety plan — never process notes. A questionnaire keeps its
session's start in the export when that session is later cancelled (version 4); each progress note names its
session (version 6)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest

from course_clock import LONDON
from reverie.care.services import goals, measures, notes, safety, sessions
from reverie.care.services.course import CourseDraft, create_course
from reverie.clinic.services import portability
from reverie.journal.interchange import dump_reverie_json

pytestmark = pytest.mark.django_db
LATER = datetime(2027, 3, 1, 10, 0)  # a Monday: sessions weekly on 1, 8, 15, 22 March 2027, ...
BY_3 = datetime(2027, 3, 15, 9, 0, tzinfo=LONDON)  # session 3 is the next: 2 and 3 may be answered


@pytest.fixture
def later(paired: tuple[Any, Any]) -> tuple[Any, Any, Any]:
    """(client, therapist, course): a DIT course that starts in the future, so its sessions can be cancelled."""
    client, therapist = paired
    draft = CourseDraft(client=client.username, programme="dit", start=LATER, timezone="Europe/London")
    return client, therapist, create_course(therapist, draft)


def _exported_course(client: Any) -> tuple[dict[str, Any], bytes]:
    data = dump_reverie_json(portability.export_journal(client))
    from record_schema_check import problems

    document = json.loads(data)
    assert document["schema"] == "reverie.export/10" and problems(document) == []
    (course,) = document["record"]["courses"]
    return course, data


def test_a_questionnaire_whose_session_is_cancelled_keeps_that_sessions_start(later: Any) -> None:
    client, therapist, course = later
    measures.submit(client, "phq9", [1] * 8 + [0], course_id=course.id, session_number=2, now=BY_3)
    sessions.cancel_session(therapist, course.id, 2)
    exported, data = _exported_course(client)
    (measure,) = exported["measures"]
    start = course.sessions.get(slot=2).start.isoformat()
    assert "session" not in measure and measure["session_start"] == start
    (session,) = [s for s in exported["sessions"] if s["start"] == start]  # a reader joins on the start
    assert session["cancelled"] is True and "number" not in session
    assert portability.import_journal(client, data).problems == ()


def test_a_questionnaire_for_a_held_session_has_its_number_and_its_start(later: Any) -> None:
    client, _, course = later
    measures.submit(client, "gad7", [1] * 7, course_id=course.id, session_number=3, now=BY_3)
    sessions.cancel_session(client, course.id, 1)  # session 3 (15 March) is now number 2
    exported, _ = _exported_course(client)
    (measure,) = exported["measures"]
    start = course.sessions.get(slot=3).start.isoformat()
    assert (measure["session"], measure["session_start"]) == (2, start)
    (session,) = [s for s in exported["sessions"] if s["start"] == start]
    assert session["number"] == 2


def test_progress_notes_are_shown_on_a_page(dit: tuple[Any, Any, Any], web_as: Any) -> None:
    client, therapist, course = dit
    notes.write_progress_note(therapist, course.id, 1, "We named the pattern of pulling away.")
    notes.add_therapist_note(therapist, course.id, "process", "My private countertransference.", slot=1)
    page = web_as(client).get(f"/courses/{course.id}/record/").content.decode()
    assert "We named the pattern of pulling away." in page and "countertransference" not in page
    assert "Progress notes" in web_as(client).get(f"/courses/{course.id}/").content.decode()


def test_the_export_carries_the_course_record(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, course = dit
    notes.write_progress_note(therapist, course.id, 1, "A readable note.")
    notes.add_therapist_note(therapist, course.id, "process", "Never exported.", slot=1)
    measures.submit(client, "phq9", [1, 1, 1, 1, 1, 1, 1, 1, 0], session_number=1)
    goal = goals.propose(client, course.id, title="Say no at work")
    goals.rate(client, goal.id, 4)
    safety.save_plan(client, {"warning_signs": ["Not sleeping"], "coping_steps": ["A walk"]})
    data = dump_reverie_json(portability.export_journal(client))
    document = json.loads(data)
    assert document["schema"] == "reverie.export/10"
    assert b"Never exported." not in data and "process_notes" not in document["record"]
    (exported,) = document["record"]["courses"]
    assert exported["programme"] == "dit" and exported["therapist"] == therapist.username
    assert len(exported["sessions"]) == 16 and exported["sessions"][0]["number"] == 1
    assert exported["measures"][0]["questionnaire"] == "phq9" and exported["measures"][0]["total"] == 8
    assert (
        exported["goals"][0]["title"] == "Say no at work" and exported["goals"][0]["ratings"][0]["value"] == 4
    )
    assert exported["notes"] == [
        {
            "written_at": exported["notes"][0]["written_at"],
            "text": "A readable note.",
            "session": 1,
            "session_start": exported["sessions"][0]["start"],
            "format": "dit",
        }
    ]
    assert document["record"]["safety_plan"]["sections"][0] == {
        "title": "Warning signs",
        "items": ["Not sleeping"],
    }
    assert "Never exported" not in data.decode()
    from record_schema_check import problems

    assert problems(document) == []
    assert (
        portability.import_journal(client, data).skipped == 0
    )  # the record is kept for reading, not imported


def test_the_export_carries_the_check_in_answers_oldest_first(make_user: Any) -> None:
    from datetime import UTC, datetime

    from reverie.care.models import CheckIn, RiskAlert
    from reverie.care.models.safety import ANSWER_LABELS, CHECK_IN_QUESTION, UNSURE_QUESTION
    from reverie.journal.interchange import CHECK_IN_ANSWERS, load

    client, other = make_user(), make_user()
    assert "check_ins" not in portability.export_journal(client).record  # none asked: no list
    asked = [datetime(2026, 2, day, 9, 0, tzinfo=UTC) for day in (3, 1, 2)]
    CheckIn.objects.create(client=client, created_at=asked[0])  # not answered yet
    unsure = RiskAlert.objects.create(
        client=client, source="entry", level="high", record_id="r1", created_at=asked[1], model_alone=True
    )  # resting on the sentence model alone: the gentler question was asked
    CheckIn.objects.create(
        client=client,
        alert=unsure,
        created_at=asked[1],
        answered_at=asked[1],
        answer="need_help",
        question_kind="unsure",
    )
    CheckIn.objects.create(client=client, created_at=asked[2], answered_at=asked[2], answer="safe")
    CheckIn.objects.create(client=other, created_at=asked[2], answered_at=asked[2], answer="misunderstood")
    exported = portability.export_journal(client)
    assert exported.record["check_ins"] == [
        {
            "asked_at": "2026-02-01T09:00:00+00:00",
            "question": UNSURE_QUESTION,  # version 5: the question as it was asked (before: the answer alone)
            "answered_at": "2026-02-01T09:00:00+00:00",
            "answer": "need_help",
        },
        {
            "asked_at": "2026-02-02T09:00:00+00:00",
            "question": CHECK_IN_QUESTION,
            "answered_at": "2026-02-02T09:00:00+00:00",
            "answer": "safe",
        },
        {"asked_at": "2026-02-03T09:00:00+00:00", "question": CHECK_IN_QUESTION},
    ]
    data = dump_reverie_json(exported)
    from record_schema_check import problems

    assert problems(json.loads(data)) == [] and load(data) == exported
    assert tuple(ANSWER_LABELS) == CHECK_IN_ANSWERS
    report = portability.import_journal(other, data)  # the record, check-ins with it, is not imported
    assert report.problems == () and CheckIn.objects.filter(client=other).count() == 1


def test_the_course_record_numbers_a_progress_note_as_it_numbers_the_questionnaire_of_the_same_session(
    running: Any, web_as: Any
) -> None:
    """In the course record, a progress note's `session` is the session's number as the questionnaire's `session`
    gives it (today's number), not its internal slot: after session 2 was cancelled, the 19 Jan session is 2 in
    both (review r26; `reverie.course-record/3`), and the note carries its `session_start` as the measure does."""
    client, therapist, course, clock = running
    clock.at = datetime(2026, 1, 2, 9, tzinfo=LONDON)
    sessions.cancel_session(therapist, course.id, 2)  # 12 Jan; a make-up goes at the end
    clock.at = datetime(2026, 2, 10, 12, tzinfo=LONDON)
    notes.write_progress_note(therapist, course.id, 3, "Talked about the week.")  # 19 Jan, now session 2
    measures.submit(client, "phq9", [1] * 9, session_number=2)
    page = web_as(therapist).post(f"/courses/{course.id}/record/")
    record = json.loads(b"".join(page.streaming_content) if page.streaming else page.content)
    assert record["schema"] == "reverie.course-record/4"
    (measure,) = record["measures"]
    (note,) = record["progress_notes"]
    assert measure["session"] == 2
    assert note["session"] == measure["session"]
    assert note["session_start"] == measure["session_start"]


def test_each_progress_note_names_its_session_held_or_cancelled(later: Any) -> None:
    """h30: a progress note says which session it belongs to (its start, its number while held, the format), so the
    exported record reads as a course; a note documenting a cancelled session has its start and no number. Process
    notes stay out."""
    client, therapist, course = later
    sessions.cancel_session(therapist, course.id, 2)
    notes.write_progress_note(therapist, course.id, 2, "Cancelled: the client was unwell.")
    notes.write_progress_note(therapist, course.id, 1, "We named the pattern.", now=BY_3)
    notes.add_therapist_note(therapist, course.id, "process", "Private to the therapist.")
    exported, data = _exported_course(client)
    by_text = {n["text"]: n for n in exported["notes"]}
    first, second = (course.sessions.get(slot=s).start.isoformat() for s in (1, 2))
    held = by_text["We named the pattern."]
    assert (held["session"], held["session_start"], held["format"]) == (1, first, "dit")
    cancelled = by_text["Cancelled: the client was unwell."]
    assert (
        "session" not in cancelled and cancelled["session_start"] == second and cancelled["format"] == "dit"
    )
    assert b"Private to the therapist." not in data
