"""Ending a course (docs/course.md "Ending a course"). Before, nothing ever set ``Course.ended_at``: a therapist
could not finish a long-term course, and ending the link left the course open, so the client still saw it as their
current course and its calendar still listed sessions that would never happen. The clock is the only thing mocked."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from course_clock import START
from course_week import Clock
from reverie.care.models import Course, CourseSession
from reverie.care.services import course as courses
from reverie.care.services import measures, notes, sessions
from reverie.care.services.course import CourseDraft, create_course
from reverie.clinic.models import AuditEvent, Pair
from reverie.clinic.services import people
from reverie.errors import Conflict, InvalidInput, NotFound
from web_client import signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.db]
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def running(paired: tuple[Any, Any], monkeypatch: Any) -> tuple[Any, Any, Course, Clock]:
    """A 16-session weekly DIT course from Monday 5 January 2026, 10:00 London; now Tuesday 10 February, noon
    (sessions 1–6 are over)."""
    client, therapist = paired
    clock = Clock(monkeypatch, datetime(2026, 1, 2, 9, tzinfo=LONDON))
    course = create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=START, timezone="Europe/London")
    )
    clock.at = datetime(2026, 2, 10, 12, tzinfo=LONDON)
    return client, therapist, course, clock


def _states(course: Course) -> list[str]:
    return [row.attendance for row in CourseSession.objects.filter(course=course).order_by("slot")]


def test_the_therapist_ends_a_course_today_and_the_sessions_after_it_are_cancelled_not_deleted(
    running: Any,
) -> None:
    _client, therapist, course, clock = running
    ended = courses.end_course(therapist, course.id)
    assert ended == courses.Ended(date(2026, 2, 10), 10)
    course.refresh_from_db()
    assert course.ended_at == datetime.combine(clock.at.date(), time.max, LONDON)  # today is its last day
    assert _states(course) == [""] * 6 + ["cancelled_by_therapist"] * 10  # all 16 kept
    assert AuditEvent.objects.filter(action="course.end", record_id=str(course.id)).count() == 1
    with pytest.raises(Conflict, match="already ended on 10 Feb 2026"):
        courses.end_course(therapist, course.id)
    assert AuditEvent.objects.filter(action="course.end").count() == 1


def test_an_earlier_ending_day_keeps_that_days_sessions_and_the_day_is_checked(running: Any) -> None:
    client, therapist, course, _clock = running
    with pytest.raises(InvalidInput, match="future"):
        courses.end_course(therapist, course.id, date(2026, 2, 11))
    with pytest.raises(InvalidInput, match="before its first session"):
        courses.end_course(therapist, course.id, date(2026, 1, 4))
    with pytest.raises(NotFound):
        courses.end_course(client, course.id)  # only the course's therapist, as for any write
    sessions.record_attendance(therapist, course.id, 6, "attended")  # Monday 9 February
    with pytest.raises(InvalidInput, match="attendance recorded"):
        courses.end_course(therapist, course.id, date(2026, 2, 2))
    assert Course.objects.get(pk=course.pk).ended_at is None  # a refused ending changes nothing
    assert courses.end_course(therapist, course.id, date(2026, 2, 9)).cancelled == 10
    assert courses.ended_on(Course.objects.get(pk=course.pk)) == date(2026, 2, 9)


def test_an_ended_course_keeps_its_notes_readable_and_refuses_new_ones_after_the_end(running: Any) -> None:
    client, therapist, course, _clock = running
    notes.write_progress_note(therapist, course.id, 2, "Talked about the move.")
    courses.end_course(therapist, course.id, date(2026, 1, 31))
    assert [n.text for n in notes.progress_notes(client, course.id)] == ["Talked about the move."]
    notes.write_progress_note(therapist, course.id, 3, "Before the end: still allowed.")
    with pytest.raises(InvalidInput, match="ended on 31 Jan 2026"):
        notes.write_progress_note(therapist, course.id, 5, "After the end.")
    with pytest.raises(InvalidInput, match="ended on 31 Jan 2026"):
        notes.add_therapist_note(therapist, course.id, "process", "After the end.", slot=5)
    with pytest.raises(InvalidInput, match="ended on 31 Jan 2026"):
        measures.submit(client, "phq9", [0] * 9, course_id=course.id)
    assert measures.due_now(client, course.id) == []


def test_ending_the_link_ends_the_course_so_the_client_has_no_current_course(running: Any) -> None:
    client, therapist, course, clock = running
    assert courses.active_course(client) == course
    pair = Pair.objects.get(client=client, therapist=therapist)
    people.end_pair(client, pair.pk)
    course.refresh_from_db()
    assert course.ended_at == clock.at  # ending the link ends the course now
    assert _states(course).count("cancelled_by_client") == 10  # the client ended it
    with pytest.raises(NotFound):
        courses.active_course(client)
    page = signed_in(client).get(f"/courses/{course.id}/").content.decode()
    assert "Ended on 10 Feb 2026" in page and "of 16" not in page
    listing = signed_in(client).get("/courses/").content.decode()
    assert "ended on 10 Feb 2026" in listing


def test_an_ended_open_ended_course_plans_nothing_more_and_its_calendar_has_no_cancelled_session(
    paired: tuple[Any, Any], monkeypatch: Any
) -> None:
    import recurring_ical_events
    from icalendar import Calendar

    client, therapist = paired
    clock = Clock(monkeypatch, datetime(2027, 1, 1, 9, tzinfo=LONDON))
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username,
            programme="long_term",
            start=datetime(2027, 1, 4, 10),
            timezone="Europe/London",
        ),
    )
    clock.at = datetime(2027, 2, 2, 12, tzinfo=LONDON)  # Tuesday: Mondays 4 Jan to 1 Feb were held
    courses.get_course(therapist, course.id)  # planned 12 weeks ahead of today
    courses.end_course(therapist, course.id)
    planned = len(courses.planned(course))
    clock.at = datetime(2027, 6, 1, 12, tzinfo=LONDON)
    assert courses.plan_ahead(course) == 0 and len(courses.planned(course)) == planned
    cal = Calendar.from_ical(sessions.course_ics(client, course.id))
    starts = [
        e["DTSTART"].dt
        for e in recurring_ical_events.of(cal).between(datetime(2027, 1, 1), datetime(2028, 1, 1))
    ]
    assert len(starts) == 5 and max(starts).date() == date(2027, 2, 1)


def test_a_fixed_course_ended_early_is_not_stretched_back_to_its_agreed_number_in_the_calendar(
    running: Any,
) -> None:
    import recurring_ical_events
    from icalendar import Calendar

    _client, therapist, course, _clock = running
    courses.end_course(therapist, course.id)
    cal = Calendar.from_ical(sessions.course_ics(therapist, course.id))
    starts = [
        e["DTSTART"].dt
        for e in recurring_ical_events.of(cal).between(datetime(2026, 1, 1), datetime(2027, 1, 1))
    ]
    assert len(starts) == 6 and max(starts).date() == date(2026, 2, 9)


def test_the_course_page_ends_a_course_after_a_confirmation(running: Any) -> None:
    client, therapist, course, _clock = running
    web = signed_in(therapist)
    assert f"/courses/{course.id}/end/" in web.get(f"/courses/{course.id}/").content.decode()
    asked = web.get(f"/courses/{course.id}/end/").content.decode()
    assert 'value="2026-02-10"' in asked and "Yes, end this course" in asked
    web.post(f"/courses/{course.id}/end/", {"on": "2026-02-10"})  # without confirm: only the question again
    assert Course.objects.get(pk=course.pk).ended_at is None
    refused = web.post(f"/courses/{course.id}/end/", {"on": "2026-03-01", "confirm": "yes"})
    assert refused.status_code == 400 and "future" in refused.content.decode()
    done = web.post(f"/courses/{course.id}/end/", {"on": "2026-02-09", "confirm": "yes"})
    assert done.status_code == 302
    page = web.get(f"/courses/{course.id}/").content.decode()
    assert "Ended on 9 Feb 2026" in page and f"/courses/{course.id}/end/" not in page
    assert "ended on 9 Feb 2026" in web.get(f"/courses/{course.id}/end/").content.decode()
    # the course's own client: the therapist-only page answers "This page is for your therapist" (r25)
    assert signed_in(client).get(f"/courses/{course.id}/end/").status_code == 403


def test_the_cli_ends_a_course(cli: Any, tmp_path: Path) -> None:
    import subprocess
    import sys

    cli("user", "create", "theo", "--role", "therapist")
    cli("user", "create", "cara")
    script = (
        "from reverie.cli.runtime import django_ready; django_ready()\n"
        "from reverie.clinic.models import User\nfrom reverie.clinic.services import people\n"
        "c = User.objects.get(username='cara'); t = User.objects.get(username='theo')\n"
        "people.accept_invitation(t, people.issue_invitation(c))\n"
    )
    subprocess.run([sys.executable, "-c", script], env=cli.env, check=True, capture_output=True, timeout=180)
    cli("course", "create", "-u", "theo", "--client", "cara", "--programme", "long term",
        "--start", "2026-01-05T10:00", "--tz", "Europe/London")  # fmt: skip
    code, _, err = cli("course", "end", "-u", "theo", "--client", "cara", "--on", "2026-01-01", check=False)
    assert code == 2 and "before its first session" in err
    _, out, _ = cli("course", "end", "-u", "theo", "--client", "cara", "--on", "2026-01-19")
    assert "ended on 19 Jan 2026" in out
    assert cli("course", "show", "-u", "theo", "--client", "cara")[1].startswith("Ended on 19 Jan 2026\n")
    code, _, err = cli("course", "end", "-u", "theo", "--client", "cara", check=False)
    assert code != 0 and "already ended on 19 Jan 2026" in err


def test_a_link_ended_before_the_first_session_cancels_every_session_and_the_calendar_says_so(
    paired: tuple[Any, Any], monkeypatch: Any
) -> None:
    client, therapist = paired
    Clock(monkeypatch, datetime(2026, 1, 2, 9, tzinfo=LONDON))
    course = create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=START, timezone="Europe/London")
    )
    people.end_pair(therapist, Pair.objects.get(client=client, therapist=therapist).pk)
    assert _states(course) == ["cancelled_by_therapist"] * 16
    with pytest.raises(InvalidInput, match="no sessions to add to a calendar"):
        sessions.course_ics(client, course.id)


def test_a_course_ended_today_still_asks_for_the_questionnaires_of_the_session_left_today(
    running: Any,
) -> None:
    """Ended this morning, its 10:00 session still to come today: the client is asked for that session's
    questionnaires and may answer them, as on any course; once that session is over, nothing more is due."""
    client, therapist, course, clock = running
    clock.at = datetime(2026, 2, 9, 8, tzinfo=LONDON)  # Monday: session 6 at 10:00 is still ahead
    courses.end_course(therapist, course.id)
    course.refresh_from_db()
    due = measures.due_now(client, course.id)
    assert {d.session_number for d in due} == {6}
    measures.submit(
        client, due[0].questionnaire.id.value, [0] * len(due[0].questionnaire.items), course_id=course.id
    )
    clock.at = datetime(2026, 2, 9, 18, tzinfo=LONDON)  # the session is over: the course has no next session
    assert measures.due_now(client, course.id) == []
    with pytest.raises(InvalidInput, match="ended on 9 Feb 2026"):
        measures.submit(client, "phq9", [0] * 9, course_id=course.id)
