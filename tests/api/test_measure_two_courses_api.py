"""``POST /measures`` for a client in two courses at once (review r125, fault 1): ``course_id`` names the course;
left out, the answers are refused with both courses listed, never stored in the newest one."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from api_client import as_token
from django.utils import timezone

from reverie.care.models import MeasureResponse
from reverie.care.services.course import CourseDraft, create_course
from reverie.clinic.services import people

pytestmark = pytest.mark.django_db


def _start_in(days_ahead: int, hour: int) -> datetime:
    day = (timezone.now().astimezone(ZoneInfo("Europe/London")) + timedelta(days=days_ahead)).date()
    return datetime(day.year, day.month, day.day, hour, 0)


def test_the_api_takes_course_id_and_refuses_to_guess(make_user: Any) -> None:
    client = make_user(role="client")
    theo, rosa = make_user("theo", role="therapist"), make_user("rosa", role="therapist")
    people.accept_invitation(theo, people.issue_invitation(client))
    people.accept_invitation(rosa, people.issue_invitation(client))
    first = create_course(
        theo,
        CourseDraft(
            client=client.username, programme="dit", start=_start_in(2, 10), timezone="Europe/London"
        ),
    )
    create_course(
        rosa,
        CourseDraft(
            client=client.username, programme="dit", start=_start_in(3, 14), timezone="Europe/London"
        ),
    )
    api = as_token(client)
    refused = api.post("measures", {"questionnaire": "gad7", "answers": [0] * 7})
    said = refused.json()["error"]["message"]
    assert refused.status_code == 400 and "with theo" in said and "with rosa" in said, said
    assert not MeasureResponse.objects.exists()
    stored = api.post("measures", {"questionnaire": "gad7", "answers": [0] * 7, "course_id": str(first.id)})
    assert stored.status_code == 201 and stored.json()["course_id"] == str(first.id)
