"""h92: the new-course form showed a refusal only at the top of the page: a wrong time zone, a recurrence rule or a
session count said what was wrong, never where. Each refusal is now on its box too (``errors.about`` names the
input a shared check read, ``with_error`` puts it on that box): ``aria-invalid``, described by its message, the typed
values kept; the summary at the top still says it. Nothing is stored."""

from __future__ import annotations

import html as html_lib
from typing import Any

import pytest

from field_errors import field_error
from reverie.care.models import Course
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db


def _form(client: Any, **change: str) -> dict[str, Any]:
    form = {
        "client": client.username,
        "programme": "dit",
        "start": "2030-03-04T10:00",
        "timezone": "Europe/London",
        "weekly": "1",
        "measure_schedule": "every_session",
    }
    return {**form, **change}


@pytest.mark.parametrize(
    ("change", "box", "words"),
    [
        ({"timezone": "Mars/Olympus"}, "timezone", "Unknown time zone"),
        ({"start": "2230-03-04T10:00"}, "start", "between the years"),
        ({"start": "next Monday"}, "start", "first session's date and time"),
        ({"rrule": "FREQ=WEEKLY;COUNT=zz"}, "rrule", "COUNT part"),
        ({"total_sessions": "lots"}, "total_sessions", "whole number"),
        ({"total_sessions": "3"}, "total_sessions", "16"),
        ({"measure_schedule": "hourly"}, "measure_schedule", ""),
        ({"weekdays": "0", "time_0": "half past six"}, "time_0", "must look like 18:30"),
        ({"weekly": "5"}, "weekly", "meets once a week"),
    ],
    ids=[
        "zone",
        "year",
        "start-unreadable",
        "rrule",
        "count-not-a-number",
        "count-out-of-range",
        "schedule",
        "day-time",
        "per-week",
    ],
)
def test_a_refused_course_is_said_on_its_box(
    paired: tuple[Any, Any], change: dict[str, str], box: str, words: str
) -> None:
    client, therapist = paired
    page = _as(therapist).post("/courses/new/", _form(client, **change))
    assert page.status_code == 400
    html = page.content.decode()
    invalid, described = field_error(html, box)
    assert invalid and words in described, (box, invalid, described)
    assert 'role="alert"' in html  # the summary at the top still says it
    shown = html_lib.unescape(html)
    for key, typed in change.items():  # what was typed comes back (a select offers only known choices)
        assert key in ("measure_schedule", "weekly", "weekdays") or f'value="{typed}"' in shown, key
    assert not Course.objects.exists()
