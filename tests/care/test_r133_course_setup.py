"""Review r133 faults 6 and 11(a): setting up a course. A first session typed as 6 Jan 2020 was set up at once as
"Session 16 of 16 · ending phase" with 15 past sessions, and a session time of 03:00 went through silently; the form
now asks once more, with the date spelled out, every value kept. Sending the same set-up twice (Back, then "Set up
the course" again) said "This session overlaps maya's session 1 …" where "already set up" was meant."""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reverie.care.models import Course

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def _next_week(hour: int, minute: int = 0) -> str:
    today = datetime.now(LONDON).date()
    day = today + timedelta(days=7 - today.weekday())  # next Monday
    return f"{day:%Y-%m-%d}T{hour:02d}:{minute:02d}"


def _form(client: Any, start: str, **more: str) -> dict[str, str]:
    return {
        "client": client.username,
        "programme": "dit",
        "total_sessions": "16",
        "start": start,
        "timezone": "Europe/London",
        "weekly": "1",
        "measure_schedule": "every_session",
        **more,
    }


def _asked(page: str) -> str:
    found = re.search(r'name="confirmed" value="([^"]*)"', page)
    assert found is not None, "no second press offered"
    return html.unescape(found.group(1))


def test_a_first_session_years_back_is_asked_about_with_its_date_and_the_values_kept(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    client, therapist = paired
    web = web_as(therapist)
    page = web.post("/courses/new/", _form(client, "2020-01-06T10:00"))
    said = html.unescape(page.content.decode())
    assert page.status_code == 200 and not Course.objects.exists()
    assert "Is this right?" in said
    assert re.search(r"The first session is Mon 6 Jan 2020 10:00, over \d+ years ago", said)
    assert 'value="2020-01-06T10:00"' in said and f'value="{client.username}" selected' in said
    assert 'value="16"' in said and 'value="Europe/London"' in said
    # the second press sets it up as typed
    done = web.post("/courses/new/", {**_form(client, "2020-01-06T10:00"), "confirmed": _asked(said)})
    assert done.status_code == 302 and Course.objects.count() == 1


def test_a_session_at_night_is_asked_about_and_a_changed_value_is_asked_again(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    client, therapist = paired
    web = web_as(therapist)
    night = _next_week(3)
    said = html.unescape(web.post("/courses/new/", _form(client, night)).content.decode())
    assert "Sessions start at 03:00, at night (before 06:00 or after 22:00)." in said
    assert not Course.objects.exists() and f'value="{night}"' in said
    asked = _asked(said)
    # "Yes" pressed after changing the time to 23:30: that one is asked about in turn
    later = web.post("/courses/new/", {**_form(client, _next_week(23, 30)), "confirmed": asked})
    assert "Sessions start at 23:30, at night" in html.unescape(later.content.decode())
    assert not Course.objects.exists()
    assert web.post("/courses/new/", {**_form(client, night), "confirmed": asked}).status_code == 302
    assert Course.objects.count() == 1


def test_a_daytime_course_next_week_asks_nothing(paired: tuple[Any, Any], web_as: Any) -> None:
    client, therapist = paired
    for hour, minute in ((6, 0), (22, 0)):  # the edges are day: before 06:00 or after 22:00 is night
        Course.objects.all().delete()
        answer = web_as(therapist).post("/courses/new/", _form(client, _next_week(hour, minute)))
        assert answer.status_code == 302, html.unescape(answer.content.decode())[:3000]


def test_a_session_moved_to_the_night_is_asked_about_once_more(paired: tuple[Any, Any], web_as: Any) -> None:
    """r133: "a session moved to 03:00 was accepted silently"."""
    client, therapist = paired
    web = web_as(therapist)
    assert web.post("/courses/new/", _form(client, _next_week(10))).status_code == 302
    course = Course.objects.get()
    url = f"/courses/{course.id}/sessions/2/move/"
    row = course.sessions.get(slot=2)
    night = f"{row.start.astimezone(LONDON) + timedelta(days=1):%Y-%m-%d}T03:00"
    page = web.post(url, {"confirm": "yes", "start": night, "note": "Only time I have."})
    said = html.unescape(page.content.decode())
    assert page.status_code == 200
    assert "The new time is 03:00, at night (before 06:00 or after 22:00)." in said
    assert "Yes, move it to 03:00" in said and "Only time I have." in said and f'value="{night}"' in said
    assert course.sessions.get(slot=2).start == row.start  # nothing moved yet
    sent = re.search(r'name="night" value="([^"]*)"', said)
    assert sent is not None
    moved = web.post(
        url, {"confirm": "yes", "start": night, "note": "Only time I have.", "night": sent.group(1)}
    )
    assert moved.status_code == 302 and course.sessions.get(slot=2).start != row.start


def test_the_same_course_sent_twice_says_it_is_already_set_up_with_a_link(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    """r133 11(a): Back after "Set up the course" and the same form sent again said "This session overlaps maya's
    session 1 on Wed 9 Dec 2026 10:00." — true, but what happened is that the course was already set up."""
    client, therapist = paired
    web = web_as(therapist)
    form = _form(client, _next_week(10))
    assert web.post("/courses/new/", form).status_code == 302
    course = Course.objects.get()
    again = web.post("/courses/new/", form)
    said = html.unescape(again.content.decode())
    assert again.status_code == 409 and Course.objects.count() == 1
    assert "This course is already set up" in said and "Nothing new was set up." in said
    assert f'<a href="/courses/{course.id}/">Open the course</a>' in said
    assert "overlaps" not in said


def test_a_draft_refused_anyway_is_refused_before_anything_is_asked(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    """The questions come after every other check: a course the service would refuse (brief therapy of 16
    sessions) starting in 2020 gets the refusal, not "Is this right?" followed by the refusal."""
    client, therapist = paired
    page = web_as(therapist).post(
        "/courses/new/", _form(client, "2020-01-06T10:00", programme="brief_psychodynamic")
    )
    said = html.unescape(page.content.decode())
    assert page.status_code == 400 and "25–30 sessions" in said
    assert "Is this right?" not in said and not Course.objects.exists()
