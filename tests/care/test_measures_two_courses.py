"""A client in two courses at once, with two therapists (review r125, fault 1): every door names the course a
questionnaire is for, and none guesses it. Before, the newest open course was taken (``course.active_course``) by
the Measures page, the fill form, the API and ``reverie measure fill``, so the first therapist's questionnaires could
never be answered."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from reverie.care.models import MeasureResponse, RiskAlert
from reverie.care.services import measures
from reverie.care.services.course import CourseDraft, create_course
from reverie.clinic.services import people
from reverie.errors import InvalidInput
from web_client import signed_in

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
PASSWORD = "a long test password"  # make_user's (tests/conftest.py)


def _start_in(days_ahead: int, hour: int) -> datetime:
    day = (timezone.now().astimezone(LONDON) + timedelta(days=days_ahead)).date()
    return datetime(day.year, day.month, day.day, hour, 0)


@pytest.fixture
def two(make_user: Any) -> tuple[Any, Any, Any]:
    """(client, Theo's course, Rosa's course): Theo's set up first, its first session in two days; Rosa's after
    it, in three days."""
    client = make_user("cleo", role="client")
    theo, rosa = make_user("theo", role="therapist"), make_user("rosa", role="therapist")
    people.accept_invitation(theo, people.issue_invitation(client))
    people.accept_invitation(rosa, people.issue_invitation(client))
    first = create_course(
        theo,
        CourseDraft(
            client=client.username, programme="dit", start=_start_in(2, 10), timezone="Europe/London"
        ),
    )
    second = create_course(
        rosa,
        CourseDraft(
            client=client.username, programme="dit", start=_start_in(3, 14), timezone="Europe/London"
        ),
    )
    return client, first, second


def test_the_measures_page_names_each_course_by_its_therapist_and_its_links_carry_it(
    two: tuple[Any, Any, Any],
) -> None:
    client, first, second = two
    page = signed_in(client).get("/measures/").content.decode()
    assert "Your course with theo" in page and "Your course with rosa" in page
    assert (
        f"/measures/fill/phq9/?course={first.id}" in page
        and f"/measures/fill/phq9/?course={second.id}" in page
    )
    form = signed_in(client).get(f"/measures/fill/phq9/?course={first.id}").content.decode()
    assert "For your course with theo" in form and f'name="course" value="{first.id}"' in form
    # an old bookmark naming no course: sent back to the page that lists both, never one of them guessed
    assert signed_in(client).get("/measures/fill/phq9/")["Location"] == "/measures/"


def test_answers_naming_no_course_are_refused_with_both_courses_listed_and_still_screened(
    two: tuple[Any, Any, Any],
) -> None:
    client, first, second = two
    with pytest.raises(InvalidInput) as refused:
        measures.submit(client, "phq9", [0, 0, 0, 0, 0, 0, 0, 0, 1])
    said = refused.value.message
    assert "2 courses open" in said and "with theo" in said and "with rosa" in said
    assert str(first.id)[:8] in said and str(second.id)[:8] in said
    assert not MeasureResponse.objects.exists()
    # question 9 screened all the same
    assert RiskAlert.objects.filter(client=client, source="phq9_item9").exists()
    measures.submit(client, "phq9", [0] * 9, course_id=first.id)
    assert list(MeasureResponse.objects.values_list("course_id", flat=True)) == [first.id]


def test_the_command_line_takes_course_and_refuses_to_guess(
    two: tuple[Any, Any, Any], monkeypatch: Any
) -> None:
    from reverie.cli import care_cmds

    client, first, _ = two
    monkeypatch.setenv("REVERIE_PASSWORD", PASSWORD)
    with pytest.raises(InvalidInput) as refused:
        care_cmds.measure_fill("phq9", "0,0,0,0,0,0,0,0,0", user=client.username, session=None, course=None)
    assert "with theo" in refused.value.message and "--course ID" in refused.value.message
    assert not MeasureResponse.objects.exists()
    care_cmds.measure_fill(
        "phq9", "0,0,0,0,0,0,0,0,0", user=client.username, session=None, course=str(first.id)[:8]
    )
    assert list(MeasureResponse.objects.values_list("course_id", flat=True)) == [first.id]
