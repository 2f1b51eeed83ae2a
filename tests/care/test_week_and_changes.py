"""The therapist's week: weekdays chosen for twice a week, a week view across clients, moving and cancelling with a
confirmation and a note the client sees, words instead of identifiers, shared entries carrying the client's name."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reverie.care.models import CourseSession
from reverie.care.services.course import CourseDraft, create_course
from reverie.clinic.services import journal, local_time, people
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def _next_monday(weeks: int = 1) -> date:
    today = datetime.now(LONDON).date()
    return today + timedelta(days=7 * weeks - today.weekday())


def _course(therapist: Any, client: Any, hour: int = 10, weeks: int = 1) -> Any:
    monday = _next_monday(weeks)
    start = datetime(monday.year, monday.month, monday.day, hour, 0)
    return create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=start, timezone="Europe/London")
    )


def test_twice_a_week_on_the_days_the_therapist_picks(paired: Any, web_as: Any) -> None:
    client, therapist = paired
    web = web_as(therapist)
    form = web.get("/courses/new/").content.decode()
    assert 'name="weekdays" value="1"' in form and "before every session" in form
    assert ">every_session<" not in form
    monday = _next_monday()
    response = web.post(
        "/courses/new/",
        {
            "client": client.username,
            "programme": "medium_term",
            "start": f"{monday.isoformat()}T10:00",
            "timezone": "Europe/London",
            "weekly": "2",
            "weekdays": ["0", "1"],  # Monday and Tuesday, not Monday and Thursday
            "measure_schedule": "every_session",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    days = {row.start.astimezone(LONDON).weekday() for row in CourseSession.objects.all()}
    assert days == {0, 1}


def test_week_view_across_clients_in_the_therapists_zone(paired: Any, make_user: Any, web_as: Any) -> None:
    client, therapist = paired
    other = make_user()
    people.accept_invitation(therapist, people.issue_invitation(other))
    local_time.set_time_zone(therapist, "Europe/Berlin")
    _course(therapist, client, hour=10)
    _course(therapist, other, hour=12)
    monday = _next_monday()
    page = web_as(therapist).get(f"/week/?week={monday.isoformat()}").content.decode()
    assert client.username in page and other.username in page
    assert "11:00" in page and "13:00" in page  # London 10:00 and 12:00, seen from Berlin
    assert "2 sessions across your clients" in page
    assert web_as(client).get("/week/").status_code == 403


def test_cancel_asks_first_and_the_client_reads_the_note(paired: Any, web_as: Any) -> None:
    client, therapist = paired
    course = _course(therapist, client)
    web = web_as(therapist)
    url = f"/courses/{course.id}/sessions/1/cancel/"
    assert "Yes, cancel this session" in web.get(url).content.decode()
    unconfirmed = web.post(url, {"note": "x"})
    assert unconfirmed.status_code == 200 and not CourseSession.objects.get(course=course, slot=1).attendance
    done = web.post(url, {"confirm": "yes", "note": "I am ill this week; we meet at the end instead."})
    assert done.status_code == 200 and "is cancelled" in done.content.decode()
    row = CourseSession.objects.get(course=course, slot=1)
    assert row.attendance == "cancelled_by_therapist"
    assert b"I am ill" not in bytes(row.note_to_client)  # sealed with the client's key
    seen = web_as(client).get(f"/courses/{course.id}/").content.decode()
    assert "I am ill this week; we meet at the end instead." in seen and "cancelled by the therapist" in seen


def test_move_with_confirmation_and_a_note(paired: Any, web_as: Any) -> None:
    client, therapist = paired
    course = _course(therapist, client)
    old = CourseSession.objects.get(course=course, slot=2).start
    new_day = old.astimezone(LONDON).date() + timedelta(days=2)
    url = f"/courses/{course.id}/sessions/2/move/"
    assert web_as(client).get(url).status_code == 404  # only the therapist moves sessions
    web = web_as(therapist)
    assert "Move this session" in web.get(url).content.decode()
    local_time.set_time_zone(therapist, "Europe/London")
    moved = web.post(
        url, {"confirm": "yes", "start": f"{new_day.isoformat()}T15:30", "note": "A room change."}
    )
    assert moved.status_code == 302
    row = CourseSession.objects.get(course=course, slot=2)
    assert row.moved_from == old and row.start.astimezone(LONDON).strftime("%H:%M") == "15:30"
    seen = web_as(client).get(f"/courses/{course.id}/").content.decode()
    assert "moved from" in seen and "A room change." in seen


def test_shared_entries_on_the_caseload_carry_the_clients_name(paired: Any, web_as: Any) -> None:
    client, therapist = paired
    view = journal.create_entry(client, EntryDraft(kind="dream", body="A shared dream."))
    journal.set_shared(client, view.id, True)
    page = web_as(therapist).get("/").content.decode()
    assert f'<strong class="who">{client.username}</strong>' in page


def test_twice_a_week_with_a_time_of_its_own_for_the_second_day(paired: Any, web_as: Any) -> None:
    client, therapist = paired
    monday = _next_monday()
    web = web_as(therapist)
    form = {
        "client": client.username,
        "programme": "medium_term",
        "start": f"{monday.isoformat()}T10:00",
        "timezone": "Europe/London",
        "weekly": "2",
        "weekdays": ["0", "3"],
        "time_3": "18:30",  # Thursdays in the evening
        "measure_schedule": "every_session",
    }
    assert web.post("/courses/new/", form).status_code == 302
    starts = {row.start.astimezone(LONDON).strftime("%a %H:%M") for row in CourseSession.objects.all()}
    assert starts == {"Mon 10:00", "Thu 18:30"}
    course = CourseSession.objects.first().course
    ics = web.get(f"/courses/{course.id}/calendar.ics").content.decode()
    assert ics.count("BEGIN:VEVENT") == 2 and "DTSTART;TZID=Europe/London:" in ics and "T183000" in ics
    refused = web.post("/courses/new/", {**form, "time_3": "half six"})
    assert refused.status_code == 400 and "must look like 18:30" in refused.content.decode()
    assert 'value="half six"' in refused.content.decode()  # the values stay


def test_course_list_and_page_use_words_not_identifiers(paired: Any, web_as: Any) -> None:
    client, therapist = paired
    course = _course(therapist, client)
    listing = web_as(therapist).get("/courses/").content.decode()
    assert "Dynamic Interpersonal Therapy (DIT)" in listing and "· dit<" not in listing
    page = web_as(client).get(f"/courses/{course.id}/").content.decode()
    assert "Dynamic Interpersonal Therapy (DIT)" in page


def test_reverie_doctor_opens_the_sealed_note_to_the_client(paired: Any) -> None:
    from reverie.care.services import week
    from reverie.clinic.services import doctor

    client, therapist = paired
    course = _course(therapist, client)
    week.cancel_with_note(therapist, course.id, 1, "Ill this week.")
    assert ("care.coursesession", "note_to_client") in doctor.SEALED
    report = doctor.check()
    assert report.ok and "care.coursesession.note_to_client" not in report.header_only
