"""Ending a course, the faults review r12 found after merge d6bc26b (docs/course.md "Ending a course"). Each test
says what went wrong before. The clock is the only thing mocked."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from course_week import Clock
from reverie.care.models import Course, CourseSession
from reverie.care.services import course as courses
from reverie.care.services import measures, notes, sessions, week
from reverie.care.services.course import CourseDraft, create_course
from reverie.clinic.models import Pair
from reverie.clinic.services import people
from reverie.errors import Conflict, InvalidInput
from web_client import signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.db]
LONDON = ZoneInfo("Europe/London")
START = datetime(2026, 1, 5, 10, 0)  # Monday 5 January 2026, 10:00 London; weekly, 16 sessions


@pytest.fixture
def ending(paired: tuple[Any, Any], monkeypatch: Any) -> tuple[Any, Any, Course, Clock]:
    client, therapist = paired
    clock = Clock(monkeypatch, datetime(2026, 1, 2, 9, tzinfo=LONDON))
    course = create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=START, timezone="Europe/London")
    )
    return client, therapist, course, clock


def _state(course: Course, slot: int) -> str:
    return CourseSession.objects.get(course=course, slot=slot).attendance


def test_the_week_view_still_shows_the_sessions_held_before_a_course_ended(ending: Any) -> None:
    """Before, week.week_of left out every session of an ended course: past weeks and this week's held session
    disappeared from the therapist's week view. Now the sessions before the end stay."""
    _client, therapist, course, clock = ending
    clock.at = datetime(2026, 2, 10, 12, tzinfo=LONDON)  # sessions 1-6 (5 Jan - 9 Feb) are over
    _monday, days = week.week_of(therapist, date(2026, 1, 5))
    assert [s.row.slot for d in days for s in d.slots] == [1]  # while the course runs
    courses.end_course(therapist, course.id)
    _monday, days = week.week_of(therapist, date(2026, 1, 5))
    assert [s.row.slot for d in days for s in d.slots] == [1]  # session 1 was held that week
    _monday, days = week.week_of(therapist, date(2026, 2, 9))
    assert [s.row.slot for d in days for s in d.slots if not courses.as_session(s.row).cancelled] == [6]


def test_a_therapist_can_end_a_course_that_has_not_started_yet(ending: Any) -> None:
    """Before, ending_moment refused any end at or before the first session, so a course set up for a date to come
    (the client changed their mind, the wrong programme was chosen) could only end by ending the link."""
    _client, therapist, course, _clock = ending  # now Friday 2 January; the first session is Monday 5 January
    ended = courses.end_course(therapist, course.id)
    assert ended.cancelled == 16
    assert Course.objects.get(pk=course.pk).ended_at is not None


def test_ending_today_keeps_the_session_later_that_day_as_an_earlier_day_does(ending: Any) -> None:
    """Before, 'Last day of the course' = today ended it *now*, so the day's own session later on (the last
    session) was cancelled, while the same choice for any earlier day kept that day's sessions."""
    _client, therapist, course, clock = ending
    clock.at = datetime(2026, 2, 9, 8, tzinfo=LONDON)  # Monday 9 February, 08:00; session 6 is at 10:00
    ended = courses.end_course(therapist, course.id, date(2026, 2, 9))
    assert ended.day == date(2026, 2, 9)
    assert _state(course, 6) == ""  # the last day's session stays held
    with pytest.raises(Conflict, match="ended on 9 Feb 2026"):  # kept, but never moved past the end
        week.move_session(therapist, course.id, 6, datetime(2026, 2, 16, 10, tzinfo=LONDON))
    clock.at = datetime(2026, 2, 9, 11, tzinfo=LONDON)
    notes.write_progress_note(therapist, course.id, 6, "The last session.")  # and gets its note


def test_a_session_kept_on_the_last_day_can_be_cancelled_but_brings_no_make_up(ending: Any) -> None:
    _client, therapist, course, clock = ending
    clock.at = datetime(2026, 2, 9, 8, tzinfo=LONDON)
    courses.end_course(therapist, course.id, date(2026, 2, 9))
    assert sessions.cancel_session(therapist, course.id, 6).make_up is None
    assert CourseSession.objects.filter(course=course).count() == 16


def test_the_last_questionnaire_counts_in_the_outcome_after_the_course_ends(ending: Any) -> None:
    """A response whose session is cancelled counts for the next held session; an ended course has none, so before,
    the answers filled just before the ending (the closing reading) dropped out of reliable change and recovery.
    Now they count for the last held session, when it has no answer of its own."""
    client, therapist, course, clock = ending
    clock.at = datetime(2026, 1, 4, 12, tzinfo=LONDON)
    measures.submit(client, "phq9", [3] * 9, course_id=course.id)  # 27 before session 1
    clock.at = datetime(2026, 2, 14, 12, tzinfo=LONDON)  # Saturday: sessions 1-6 held, 7 is on Monday
    measures.submit(client, "phq9", [0] * 9, course_id=course.id)  # 0 before session 7
    assert [c.latest for c in measures.progress(therapist, course.id).changes] == [0]
    courses.end_course(therapist, course.id, seen=True)  # ended that Saturday: session 7 is cancelled
    assert [c.latest for c in measures.progress(therapist, course.id).changes] == [0]


def test_the_course_list_and_the_course_page_give_the_same_ending_day(ending: Any) -> None:
    """The course page gives ``ended_on`` (the course's zone); before, the course list rendered ``ended_at`` in the
    viewer's zone. An earlier day ends at 23:59:59.999999 in the course's zone, so anyone east of it saw the next
    day."""
    _client, therapist, course, clock = ending
    therapist.time_zone = "Asia/Tokyo"
    therapist.save(update_fields=["time_zone"])
    clock.at = datetime(2026, 2, 10, 12, tzinfo=LONDON)
    courses.end_course(therapist, course.id, date(2026, 2, 9))
    web = signed_in(therapist)
    assert "ended on 10 Feb 2026" not in web.get("/courses/").content.decode()
    assert "Ended on 9 Feb 2026" in web.get(f"/courses/{course.id}/").content.decode()
    assert "ended on 9 Feb 2026" in web.get("/courses/").content.decode()


def test_an_earlier_ending_day_is_refused_when_a_later_session_already_has_its_progress_note(
    ending: Any,
) -> None:
    """Before, _close refused a day before a session with recorded attendance, but not before one that already had
    its progress note (a note does not need attendance): the held, documented session was silently cancelled."""
    _client, therapist, course, clock = ending
    clock.at = datetime(2026, 2, 10, 12, tzinfo=LONDON)
    notes.write_progress_note(therapist, course.id, 6, "We worked on the ending.")  # Monday 9 February
    with pytest.raises(InvalidInput, match="choose a later day"):
        courses.end_course(therapist, course.id, date(2026, 2, 2))
    assert _state(course, 6) == ""


def test_a_dit_course_ended_early_can_still_have_its_goodbye_letter_written(ending: Any) -> None:
    """write_letter checks the *position* for the ending phase; an ended course's position is frozen at its last
    held session (here 6 of 16, the middle phase), so before, a DIT course ended early never got its goodbye letter.
    An ended course now counts as in its ending phase."""
    _client, therapist, course, clock = ending
    clock.at = datetime(2026, 2, 10, 12, tzinfo=LONDON)
    courses.end_course(therapist, course.id)
    courses.write_letter(therapist, course.id, "Thank you for the work we did together.")
    assert courses.read_letter(therapist, course.id) == "Thank you for the work we did together."


def test_questionnaire_answers_of_a_held_session_refuse_an_earlier_ending_day_naming_the_session(
    ending: Any,
) -> None:
    client, therapist, course, clock = ending
    """Answers filled ahead for a session still to come do not hold it (they count for the last session held);
    once that session has been held, they do, as its attendance or progress note does."""
    clock.at = datetime(2026, 2, 8, 12, tzinfo=LONDON)
    measures.submit(client, "phq9", [1] * 9, course_id=course.id)  # for session 6, Monday 9 February
    clock.at = datetime(2026, 2, 10, 12, tzinfo=LONDON)
    with pytest.raises(InvalidInput, match="session on 9 Feb 2026 already has questionnaire answers"):
        courses.end_course(therapist, course.id, date(2026, 2, 2))
    assert courses.end_course(therapist, course.id, date(2026, 2, 9)).cancelled == 10


def test_the_end_page_of_a_course_not_started_yet_offers_today_only(ending: Any) -> None:
    """Before, the date field had min = the first session's day (5 January) and max = today (2 January)."""
    _client, therapist, course, _clock = ending
    page = signed_in(therapist).get(f"/courses/{course.id}/end/").content.decode()
    assert 'max="2026-01-02" min="2026-01-02"' in page and "has not started yet" in page


def test_when_the_client_ends_the_link_the_sessions_to_come_are_cancelled_by_the_client(ending: Any) -> None:
    """Before, every session after the link's end was marked cancelled by the therapist, whoever ended it. Ending
    the link ends the course now: the session later that day is cancelled too (no therapist link any more)."""
    client, therapist, course, clock = ending
    clock.at = datetime(2026, 2, 9, 8, tzinfo=LONDON)  # Monday 9 February, 08:00; session 6 is at 10:00
    people.end_pair(client, Pair.objects.get(client=client, therapist=therapist).pk)
    states = [r.attendance for r in CourseSession.objects.filter(course=course).order_by("slot")]
    assert states == [""] * 5 + ["cancelled_by_client"] * 11
    assert Course.objects.get(pk=course.pk).ended_at == clock.at.astimezone(UTC)


def test_the_week_view_names_no_client_whose_link_has_ended(ending: Any) -> None:
    """After the link ends, the former therapist's course pages answer 404 (the policy); the week view must not
    keep listing that client's sessions with links to them."""
    client, therapist, _course, clock = ending
    clock.at = datetime(2026, 2, 10, 12, tzinfo=LONDON)
    people.end_pair(therapist, Pair.objects.get(client=client, therapist=therapist, ended_at__isnull=True).pk)
    _monday, days = week.week_of(therapist, date(2026, 1, 5))
    assert [s for d in days for s in d.slots] == []
