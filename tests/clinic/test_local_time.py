"""Each person's time zone: taken at sign-up, changeable, used for writing, display and the caseload."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from reverie.clinic.models import Entry, User
from reverie.clinic.services import journal, keys, local_time

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def _signup(zone: str) -> User:
    keys.ensure_key_file()
    web = Client()
    form = {"username": f"tz{uuid.uuid4().hex[:6]}", "password": "a long test password", "role": "client"}
    response = web.post("/signup/", {**form, "time_zone": zone})
    assert response.status_code == 302
    return User.objects.get(username=form["username"])


def test_signup_keeps_the_browser_zone_and_refuses_nonsense_quietly(make_user: Any) -> None:
    make_user()  # not the first run
    assert _signup("Europe/Berlin").time_zone == "Europe/Berlin"
    assert _signup("../../etc/passwd").time_zone == "UTC"
    assert _signup("").time_zone == "UTC"


def test_signup_page_loads_the_zone_script_from_the_same_origin(make_user: Any) -> None:
    make_user()
    text = Client().get("/signup/").content.decode()
    assert 'type="hidden" name="time_zone"' in text and '<script src="/static/reverie/timezone.js">' in text


def test_berlin_writes_half_past_midnight_and_reads_the_same_day(make_user: Any, web_as: Any) -> None:
    user = make_user()
    local_time.set_time_zone(user, "Europe/Berlin")
    web = web_as(user)
    response = web.post(
        "/write/", {"kind": "dream", "body": "a night dream", "happened_at": "2026-03-10T00:30"}
    )
    assert response.status_code == 302
    stored = Entry.objects.get(client=user)
    assert stored.happened_at == datetime(2026, 3, 9, 23, 30, tzinfo=UTC)  # storage stays UTC
    page = web.get(response["Location"]).content.decode()
    assert "10 Mar 2026, 00:30" in page
    listing = web.get("/journal/").content.decode()
    assert "10 Mar 2026, 00:30" in listing
    edit = web.get(f"/journal/{stored.id}/edit/").content.decode()
    assert 'value="2026-03-10T00:30"' in edit


def test_utc_person_sees_utc(make_user: Any, web_as: Any) -> None:
    user = make_user()
    view = journal.create_entry(
        user,
        journal.EntryDraft(kind="dream", body="x", happened_at=datetime(2026, 3, 9, 23, 30, tzinfo=UTC)),
    )
    assert "9 Mar 2026, 23:30" in web_as(user).get(f"/journal/{view.id}/").content.decode()


def test_settings_page_changes_the_zone(make_user: Any, web_as: Any) -> None:
    user = make_user()
    web = web_as(user)
    page = web.get("/account/settings/")
    assert page.status_code == 200 and '<option value="Europe/Berlin">' in page.content.decode()
    saved = web.post("/account/settings/", {"time_zone": "America/New_York"})
    assert saved.status_code == 200 and "America/New_York" in saved.content.decode()
    user.refresh_from_db()
    assert user.time_zone == "America/New_York"
    refused = web.post("/account/settings/", {"time_zone": "Mars/Olympus"})
    assert refused.status_code == 400 and "Unknown time zone" in refused.content.decode()
    user.refresh_from_db()
    assert user.time_zone == "America/New_York"


def test_caseload_shows_the_session_at_the_therapists_local_hour(paired: Any, web_as: Any) -> None:
    from reverie.care.services.course import CourseDraft, create_course

    client, therapist = paired
    local_time.set_time_zone(therapist, "Europe/Berlin")
    day = (datetime.now(BERLIN) + timedelta(days=3)).date()
    start = datetime(day.year, day.month, day.day, 9, 0)
    create_course(
        therapist,
        CourseDraft(client=client.username, programme="dit", start=start, timezone="Europe/Berlin"),
    )
    page = web_as(therapist).get("/").content.decode()
    assert f"{day.day} {start.strftime('%b')} 09:00" in page


def test_new_course_form_offers_the_therapists_zone(paired: Any, web_as: Any) -> None:
    _, therapist = paired
    local_time.set_time_zone(therapist, "Europe/Berlin")
    page = web_as(therapist).get("/courses/new/").content.decode()
    assert 'value="Europe/Berlin"' in page
