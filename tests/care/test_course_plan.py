from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from django.urls import reverse

from course_clock import START, at
from reverie.care.models import Course, CourseSession
from reverie.care.services import course as courses
from reverie.care.services import formulation, sessions
from reverie.care.services.course import CourseDraft, create_course
from reverie.clinic.models import AuditEvent
from reverie.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from web_client import signed_in

pytestmark = pytest.mark.django_db


def test_course_dit_plans_sixteen_weekly_fifty_minute_sessions(dit: tuple[Any, Any, Any]) -> None:
    _, _, course = dit
    rows = courses.planned(course)
    assert len(rows) == 16 and course.total_sessions == 16
    assert {r.duration_minutes for r in rows} == {50}
    local = [r.start.astimezone(courses.course_zone(course)) for r in rows]
    assert all(t.weekday() == 0 and t.hour == 10 for t in local)
    assert AuditEvent.objects.filter(action="course.create", record_id=str(course.id)).exists()


def test_course_position_names_session_and_phase(dit: tuple[Any, Any, Any]) -> None:
    _, _therapist, course = dit
    assert courses.position(course, at(1)).text == "Session 1 of 16 · initial phase"
    seventh = courses.position(course, at(16, 2))  # after session 6 on 9 Feb, before session 7 on 16 Feb
    assert seventh.text == "Session 7 of 16 · middle phase"
    assert "relationships" in seventh.phase.purpose
    assert courses.position(course, at(1, 12)).text == "Session 16 of 16 · ending phase"


def test_course_only_for_a_linked_client_and_only_by_a_therapist(
    paired: tuple[Any, Any], make_user: Any
) -> None:
    client, therapist = paired
    stranger = make_user(role="client")
    draft = CourseDraft(client=stranger.username, programme="dit", start=START)
    with pytest.raises(NotFound):
        create_course(therapist, draft)
    with pytest.raises(NotFound):
        create_course(therapist, CourseDraft(client="nobody-at-all", programme="dit", start=START))
    with pytest.raises(PermissionDenied):
        create_course(client, CourseDraft(client=client.username, programme="dit", start=START))
    assert not Course.objects.exists()


def test_course_brief_takes_a_chosen_count_twice_weekly(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    draft = CourseDraft(
        client=client.username, programme="brief_psychodynamic", start=START, weekly=2, total_sessions=26
    )
    course = create_course(therapist, draft)
    rows = courses.planned(course)
    assert len(rows) == 26
    assert {r.start.astimezone(courses.course_zone(course)).weekday() for r in rows} == {0, 3}
    with pytest.raises(InvalidInput):
        create_course(therapist, CourseDraft(client=client.username, programme="dit", start=START, weekly=2))


def test_course_open_ended_plans_ahead_and_says_open(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    course = create_course(therapist, CourseDraft(client=client.username, programme="long_term", start=START))
    assert course.total_sessions is None and len(courses.planned(course)) == 12
    assert courses.position(course, at(1)).text == "Session 1 · long-term, open-ended"


def test_course_overlapping_session_is_refused_and_nothing_stored(
    dit: tuple[Any, Any, Any], make_user: Any
) -> None:
    from reverie.clinic.services import people

    _, therapist, _ = dit
    other = make_user(role="client")
    people.accept_invitation(therapist, people.issue_invitation(other))
    overlapping = datetime(2026, 2, 2, 10, 30)  # session 5 of the first course runs 10:00–10:50
    with pytest.raises(Conflict):
        create_course(
            therapist,
            CourseDraft(client=other.username, programme="dit", start=overlapping, timezone="Europe/London"),
        )
    assert Course.objects.count() == 1 and CourseSession.objects.count() == 16
    touching = datetime(2026, 1, 5, 10, 50)  # starts as the other ends: fine
    create_course(
        therapist,
        CourseDraft(client=other.username, programme="dit", start=touching, timezone="Europe/London"),
    )


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=WEEKLY;COUNT=abc",
        "FREQ=DAILY;COUNT=16",
        "FREQ=WEEKLY;BYDAY=XX;COUNT=16",
        "BYDAY=MO",
        "FREQ=WEEKLY;INTERVAL=2;COUNT=16",
    ],
)
def test_course_invalid_rrule_is_refused(paired: tuple[Any, Any], rule: str) -> None:
    client, therapist = paired
    with pytest.raises(InvalidInput):
        create_course(
            therapist, CourseDraft(client=client.username, programme="dit", start=START, rrule=rule)
        )
    assert not Course.objects.exists()


def test_course_rrule_sets_weekdays_and_count(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    draft = CourseDraft(
        client=client.username,
        programme="brief_psychodynamic",
        start=START,
        rrule="FREQ=WEEKLY;BYDAY=MO,TH;COUNT=25",
    )
    course = create_course(therapist, draft)
    assert course.total_sessions == 25 and course.weekly == 2 and course.weekdays == [0, 3]


def test_course_cancellation_adds_a_make_up_and_calendar_keeps_sixteen(dit: tuple[Any, Any, Any]) -> None:
    import recurring_ical_events
    from icalendar import Calendar

    client, therapist, course = dit
    result = sessions.cancel_session(client, course.id, 3, now=at(6))  # before it started
    assert result.session.attendance == "cancelled_by_client" and result.make_up is not None
    assert result.make_up_overlap is None
    with pytest.raises(Conflict):
        sessions.cancel_session(therapist, course.id, 3, now=at(6))
    assert len(courses.held_sessions(course)) == 16
    ics = sessions.course_ics(therapist, course.id)
    assert b"Session \xc2\xb7 " in ics  # minimal title: initials only
    assert client.username.encode() not in ics
    events = recurring_ical_events.of(Calendar.from_ical(ics)).between(
        datetime(2026, 1, 1), datetime(2027, 1, 1)
    )
    starts = sorted(e["DTSTART"].dt for e in events)
    assert starts == [s.start for s in courses.held_sessions(course)]


def test_course_attendance_only_by_the_therapist(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, course = dit
    row = sessions.record_attendance(therapist, course.id, 1, "attended")
    assert row.attendance == "attended"
    with pytest.raises(NotFound):
        sessions.record_attendance(client, course.id, 2, "attended")
    with pytest.raises(InvalidInput):
        sessions.record_attendance(therapist, course.id, 2, "cancelled_by_client")


def test_course_goodbye_letter_belongs_to_the_ending_phase(dit: tuple[Any, Any, Any]) -> None:
    """Drafted at any time (r133: DIT therapists draft it a session or two ahead), given only in the ending phase."""
    client, therapist, course = dit
    courses.write_letter(therapist, course.id, "Dear D, ...", now=at(1, 2))  # a draft in the middle phase
    with pytest.raises(InvalidInput, match="can be given from session 13, the ending phase"):
        courses.give_letter(therapist, course.id, now=at(1, 2))
    assert courses.read_letter(client, course.id) is None
    courses.write_letter(therapist, course.id, "Dear D, what we understood together.", now=at(6, 4))
    assert courses.read_letter(client, course.id) is None  # not given yet
    courses.give_letter(therapist, course.id, now=at(6, 4))
    assert courses.read_letter(client, course.id) == "Dear D, what we understood together."


def test_course_ipaf_is_agreed_from_the_formulation(dit: tuple[Any, Any, Any]) -> None:
    _, therapist, course = dit
    with pytest.raises(InvalidInput):
        formulation.agree_ipaf(therapist, course.id, now=at(19, 1))
    formulation.save_formulation(
        therapist, course.id, {"ipaf_self": "not good enough", "ipaf_other": "critical"}
    )
    agreed = formulation.agree_ipaf(therapist, course.id, now=at(19, 1))
    assert agreed.ipaf_agreed_version == 1 and agreed.ipaf_agreed_session == 3


def test_the_ipaf_is_agreed_at_the_session_held_that_day_not_the_next(dit: tuple[Any, Any, Any]) -> None:
    """Review r55: "We agreed the IPAF today" is pressed when the therapist writes the session up. It belonged to
    the session held that day (session 3, Monday 19 Jan 10:00), or the last one held: never the next session
    (``current_number``), which has not been held. On session 4's day it is session 4's, even before it starts.
    (The first agreement is kept, so each moment is tried on a course not agreed yet.)"""
    _, therapist, course = dit
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "not good enough"})

    def agreed_at(moment: datetime) -> int | None:
        Course.objects.filter(pk=course.pk).update(ipaf_agreed_at=None)
        return formulation.agree_ipaf(therapist, course.id, now=moment).ipaf_agreed_session

    assert agreed_at(at(19, 1, hour=18)) == 3
    assert agreed_at(at(24, 1)) == 3  # the Saturday
    assert agreed_at(at(26, 1, hour=8)) == 4
    assert agreed_at(at(2, 1)) == 1  # before session 1


def test_the_ipaf_agreed_after_a_cancelled_session_is_the_last_one_held(dit: tuple[Any, Any, Any]) -> None:
    """Session 3 (19 Jan) cancelled: agreed that evening, the IPAF belongs to session 2, the last one held."""
    _, therapist, course = dit
    sessions.cancel_session(therapist, course.id, 3, now=at(12, 1, hour=12))
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "not good enough"})
    assert formulation.agree_ipaf(therapist, course.id, now=at(19, 1, hour=18)).ipaf_agreed_session == 2


def test_the_ipaf_agreed_in_session_3_and_recorded_after_it_is_agreed_at_session_3(
    paired: tuple[Any, Any], monkeypatch: Any
) -> None:
    """Review r55, through the course page: a DIT course on Mondays 10:00 UTC from 5 Jan 2026 (session 3 on 19 Jan,
    10:00–10:50). The pair agree the IPAF in session 3; at 11:05 that day the therapist presses "We agreed the IPAF
    today". The chip reads "agreed at session 3", today's session (before, "agreed at session 4": a session a week
    ahead, not held). Only the clock is mocked."""
    client, therapist = paired

    def clock(moment: datetime) -> None:
        monkeypatch.setattr("django.utils.timezone.now", lambda: moment)

    clock(datetime(2026, 1, 2, 9, tzinfo=UTC))
    course = create_course(
        therapist,
        CourseDraft(client=client.username, programme="dit", start=datetime(2026, 1, 5, 10), timezone="UTC"),
    )
    clock(datetime(2026, 1, 19, 10, 55, tzinfo=UTC))
    formulation.save_formulation(
        therapist,
        course.id,
        {"ipaf_self": "Not good enough", "ipaf_other": "Critical", "ipaf_affect": "Shame"},
        base_version=0,
    )
    clock(datetime(2026, 1, 19, 11, 5, tzinfo=UTC))
    browser = signed_in(therapist)
    browser.post(reverse("care:ipaf_agree", args=[course.id]))
    stored = Course.objects.get(pk=course.pk)
    assert stored.ipaf_agreed_at is not None
    page = browser.get(reverse("care:course", args=[course.id])).content.decode()
    assert "agreed at session 3" in page, "the chip names the session that was held today"
    assert stored.ipaf_agreed_session == 3
