"""The issue's done-when, end to end through the web and the services.

A therapist sets up a DIT course for a client; the client fills PHQ-9/GAD-7 before sessions and sees their own
chart; the therapist sees reliable change and a risk alert (item 9 > 0); the course exports to an .ics that
recurring_ical_events reads back with the right 16 dates; a measure exports as a FHIR resource that validates;
someone new takes the fit check and finds a matching therapist.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from django.test import Client
from icalendar import Calendar

from reverie.care.models import Course
from reverie.care.services import measures
from reverie.measures import fhir
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
SEED = (
    "understand_self",
    "repeating_patterns",
    "relationships_hard",
    "feeling_emotions",
    "unhelpful_decisions",
)
PREFS = ("d1", "d2", "d3", "e1", "e2", "e3", "p1", "p2", "p3", "c1", "c2", "c3")


def _answers(total: int, items: int, item9: int = 0) -> dict[str, str]:
    values = [0] * items
    for i in range(total - item9):
        values[i % (items - 1 if items == 9 else items)] += 1
    if items == 9:
        values[8] = item9
    return {f"item{n}": str(v) for n, v in enumerate(values, start=1)}


def _before(session: int) -> datetime:
    """The day before ``session`` of the course below (weekly from Monday 4 March 2030, 10:00 London)."""
    return datetime(2030, 3, 3, 10, tzinfo=ZoneInfo("Europe/London")) + timedelta(weeks=session - 1)


def test_done_when_course_measures_calendar_fhir_and_fit(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    therapist_web, client_web = _as(therapist), _as(client)

    # 1. The therapist sets up a DIT course: 16 weekly sessions from Monday 4 March 2030, 10:00 London.
    form = {"client": client.username, "programme": "dit", "start": "2030-03-04T10:00",
            "timezone": "Europe/London", "weekly": "1", "measure_schedule": "every_session"}  # fmt: skip
    assert therapist_web.post("/courses/new/", form).status_code == 302
    course = Course.objects.get()
    assert b"Session 1 of 16 \xc2\xb7 initial phase" in client_web.get(f"/courses/{course.id}/").content

    # 2. The client fills PHQ-9 and GAD-7 before sessions: session 1 on the web (the next session), then more.
    assert client_web.post("/measures/fill/phq9/", _answers(17, 9)).status_code == 200
    assert client_web.post("/measures/fill/gad7/", _answers(13, 7)).status_code == 200
    for session, (phq, gad) in enumerate([(14, 11), (11, 8)], start=2):
        now = _before(session)  # each the day before its session: never for a session further ahead
        measures.submit(
            client, "phq9", [int(v) for v in _answers(phq, 9).values()], session_number=session, now=now
        )
        measures.submit(
            client, "gad7", [int(v) for v in _answers(gad, 7).values()], session_number=session, now=now
        )
    last = measures.submit(
        client, "phq9", [int(v) for v in _answers(7, 9, item9=1).values()], session_number=4, now=_before(4)
    )
    assert last.alert is not None
    chart = client_web.get(f"/courses/{course.id}/measures/")
    assert (
        chart.status_code == 200 and b"<svg" in chart.content and b"PHQ-9 scores over time" in chart.content
    )
    assert b"Jacobson" not in chart.content  # reliable change is the therapist's view

    # 3. The therapist sees reliable change and the risk alert.
    progress = therapist_web.get(f"/courses/{course.id}/measures/").content.decode()
    assert "PHQ-9 fell from 17 to 7 — a reliable improvement (a fall of 6 or more)" in html.unescape(progress)
    assert "the Jacobson–Truax index gives the same thresholds" in html.unescape(progress)
    assert "PHQ-9 item 9 above 0" in therapist_web.get("/alerts/").content.decode()

    # 4. The calendar: recurring_ical_events reads back the 16 planned dates.
    ics = client_web.get(f"/courses/{course.id}/calendar.ics").content
    events = recurring_ical_events.of(Calendar.from_ical(ics)).between(
        datetime(2030, 1, 1), datetime(2031, 1, 1)
    )
    expected = [datetime(2030, 3, 4, 10, 0, tzinfo=LONDON) + timedelta(weeks=w) for w in range(16)]
    assert sorted(e["DTSTART"].dt for e in events) == expected
    assert all(
        e["DTSTART"].dt.hour == 10 for e in events
    )  # the wall clock holds across the change to summer time

    # 5. A measure as a FHIR QuestionnaireResponse that validates.
    resource = json.loads(client_web.get(f"/measures/{last.response.id}/fhir.json").content)
    fhir.validate(resource)
    assert fhir.answers_from_response(resource)[0] == "phq9"

    # 6. Someone new: the public fit check, then the directory finds the therapist's published profile.
    profile = {"name": "Dr Rowan Ash", "modalities": "psychodynamic; DIT", "formats": "dit; brief_psychodynamic",
               "languages": "en", "in_person": "no", "online": "yes", "location": "", "country": "GB",
               "fee_min": "60", "fee_max": "80", "currency": "GBP", "availability": "open"}  # fmt: skip
    assert b"Published" in therapist_web.post("/directory/profile/", profile).content
    newcomer = Client()
    answers = {
        **{f"seed_{k}": "yes" for k in SEED},
        "structure": "structured",
        **{f"pref_{k}": "0" for k in PREFS},
    }
    result = newcomer.post("/fit/", answers)
    assert result.status_code == 200 and b"psychodynamic approach may fit you now" in result.content
    link = re.search(r'href="(/directory/\?[^"]+)"', result.content.decode())
    assert link is not None
    found = newcomer.get(html.unescape(link.group(1)))
    assert b"Dr Rowan Ash" in found.content
