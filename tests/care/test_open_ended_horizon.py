"""An open-ended course (medium-term, long-term, art, music) keeps its sessions planned 12 weeks ahead of today
(docs/course.md "Course and sessions"). Before, it was planned 12 weeks ahead once, at set-up: after week 12 the page
stayed at "Session 12" and every questionnaire piled onto session 12 (then 409), so a long-term course of two years
or more could not run. The clock is the only thing mocked."""

from __future__ import annotations

import contextlib
import threading
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from course_week import Clock
from reverie.care.models import CourseSession
from reverie.care.services import caseload, measures, sessions
from reverie.care.services import course as courses
from reverie.care.services.course import CourseDraft, create_course
from web_client import signed_in as _as

pytestmark = [pytest.mark.django_db, pytest.mark.db]

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def long_term(paired: tuple[Any, Any], monkeypatch: Any) -> tuple[Any, Any, Any, Clock]:
    """A weekly long-term course from Monday 4 January 2027, 10:00 London, set up the Friday before; session 3
    cancelled by the client."""
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
    assert len(courses.planned(course)) == 12
    sessions.cancel_session(client, course.id, 3)
    return client, therapist, course, clock


def test_two_years_and_three_months_in_the_course_is_numbered_and_a_phq9_is_filed(long_term: Any) -> None:
    client, therapist, course, clock = long_term
    clock.at = datetime(2029, 4, 5, 12, tzinfo=LONDON)  # a Thursday, 2 years and 3 months in
    mondays_held = (date(2029, 4, 2) - date(2027, 1, 4)).days // 7 + 1  # every Monday up to this week's
    expected = mondays_held - 1 + 1  # less the cancelled session 3, plus the next one (Monday 9 April)
    page = _as(therapist).get(f"/courses/{course.id}/")
    assert page.status_code == 200
    assert f"Session {expected}".encode() in page.content and b"Session 12 " not in page.content
    assert courses.current_number(course) == expected
    rows = courses.planned(course)
    assert [r.slot for r in rows] == list(range(1, len(rows) + 1))  # no slot twice, none missing
    assert len({r.start for r in rows}) == len(rows)
    local = [r.start.astimezone(LONDON) for r in rows]
    assert all(
        (t.weekday(), t.hour, t.minute) == (0, 10, 0) for t in local
    )  # Mondays 10:00, summer and winter
    assert local[-1].date() > (clock.at + timedelta(weeks=11)).date()  # 12 weeks ahead of today
    assert local[-1] <= clock.at + timedelta(weeks=12)
    (row,) = caseload.caseload(therapist)
    assert row.next_session == datetime(2029, 4, 9, 10, tzinfo=LONDON)
    done = measures.submit(client, "phq9", [1] * 9, course_id=course.id)
    assert measures.number_of(done.response) == expected
    assert courses.session_dates(course)[expected - 1] == datetime(2029, 4, 9, 10, tzinfo=LONDON)


def test_planning_ahead_is_idempotent_and_cheap_once_met(
    long_term: Any, django_assert_num_queries: Any
) -> None:
    _, therapist, course, clock = long_term
    clock.at = datetime(2027, 6, 1, 9, tzinfo=LONDON)
    assert courses.plan_ahead(course) > 0
    before = list(CourseSession.objects.filter(course=course).values_list("slot", "start"))
    with django_assert_num_queries(1):  # one aggregate, no planning write
        assert courses.plan_ahead(course) == 0
    _as(therapist).get(f"/courses/{course.id}/")
    assert list(CourseSession.objects.filter(course=course).values_list("slot", "start")) == before


def test_a_moved_session_is_not_planned_again_and_an_ended_course_not_at_all(long_term: Any) -> None:
    _, therapist, course, clock = long_term
    from reverie.care.services import week

    last = courses.planned(course)[-1]  # Monday 22 March 2027
    week.move_session(therapist, course.id, last.slot, datetime(2027, 3, 24, 10, tzinfo=LONDON))
    clock.at = datetime(2027, 1, 20, 9, tzinfo=LONDON)
    assert courses.plan_ahead(course) == 3  # 29 March, 5 and 12 April 2027; not 22 March again
    starts = [r.start.astimezone(LONDON).date() for r in courses.planned(course)]
    assert date(2027, 3, 22) not in starts and starts[-4:] == [
        date(2027, 3, 24),
        date(2027, 3, 29),
        date(2027, 4, 5),
        date(2027, 4, 12),
    ]
    course.ended_at = clock.at
    course.save(update_fields=["ended_at"])
    clock.at = datetime(2028, 1, 1, 9, tzinfo=LONDON)
    assert courses.plan_ahead(course) == 0 and courses.plan_ahead_all() == (0, 0)
    assert len(courses.planned(course)) == 15


def test_twice_weekly_with_own_times_across_the_clock_change(
    paired: tuple[Any, Any], monkeypatch: Any
) -> None:
    client, therapist = paired
    from datetime import time

    clock = Clock(monkeypatch, datetime(2027, 1, 1, 9, tzinfo=NEW_YORK))
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username,
            programme="long_term",
            start=datetime(2027, 1, 4, 10),
            timezone="America/New_York",
            weekly=2,
            weekdays=(0, 3),
            day_times=((3, time(18, 30)),),
        ),
    )
    clock.at = datetime(2027, 5, 1, 9, tzinfo=NEW_YORK)  # past the March clock change
    extended, added = courses.plan_ahead_all()
    assert extended == 1 and added > 0 and courses.plan_ahead_all() == (0, 0)
    local = [r.start.astimezone(NEW_YORK) for r in courses.planned(course)]
    assert all((t.weekday(), t.hour, t.minute) in {(0, 10, 0), (3, 18, 30)} for t in local)
    assert local == sorted(local) and len(local) == len(set(local))
    assert local[-1].date() >= date(2027, 7, 20)


def test_a_fixed_length_course_is_unchanged(dit: tuple[Any, Any, Any], monkeypatch: Any) -> None:
    _, therapist, course = dit
    Clock(monkeypatch, datetime(2029, 1, 1, 9, tzinfo=LONDON))
    assert courses.plan_ahead(course) == 0
    assert _as(therapist).get(f"/courses/{course.id}/").status_code == 200
    assert len(courses.planned(course)) == 16


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_once_plan_each_session_once(long_term: Any, monkeypatch: Any) -> None:
    # both requests read the frontier before either writes (gates after each read); without the lock inside
    # plan_ahead both then plan the same sessions and the second hits the unique (course, slot) constraint
    from reverie.care.models import Course

    _, _, course, clock = long_term
    clock.at = datetime(2028, 1, 1, 9, tzinfo=LONDON)
    real, gates, seen = (
        courses._pending_starts,
        [threading.Barrier(2), threading.Barrier(2)],
        threading.local(),
    )

    def gated(row: Any, until: datetime) -> Any:
        found = real(row, until)
        calls = getattr(seen, "calls", 0)
        seen.calls = calls + 1
        if calls < len(gates):  # with the lock the other request waits on it: the gate times out
            with contextlib.suppress(threading.BrokenBarrierError):
                gates[calls].wait(timeout=2)
        return found

    monkeypatch.setattr(courses, "_pending_starts", gated)
    outcomes: list[str] = []

    def one() -> None:
        try:
            outcomes.append(str(courses.plan_ahead(Course.objects.get(pk=course.pk), clock.at)))
        except Exception as exc:  # the point: no IntegrityError, no duplicate
            outcomes.append(type(exc).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes, key=len)[0] == "0" and all(o.isdigit() for o in outcomes), outcomes
    rows = courses.planned(course)
    assert [r.slot for r in rows] == list(range(1, len(rows) + 1))
    assert len({r.start for r in rows}) == len(rows)
    assert rows[-1].start > clock.at + timedelta(weeks=11)
