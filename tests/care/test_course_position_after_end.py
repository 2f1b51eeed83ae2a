"""Where a course stands, as the client's measures page and the API tell it.

Each course is placed relative to the real clock (``timezone.now()``), so the tests read the same on any day.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from reverie.care.services import measures
from reverie.care.services.course import CourseDraft, create_course, end_course
from reverie.errors import InvalidInput
from web_client import signed_in

sys.path.insert(0, str(Path(__file__).parents[1] / "api"))
from api_client import as_token

pytestmark = [pytest.mark.django_db, pytest.mark.db]
LONDON = ZoneInfo("Europe/London")


def _dit_started_weeks_ago(paired: tuple[Any, Any], weeks: int) -> tuple[Any, Any, Any, datetime]:
    """A weekly 16-session DIT course whose first session was ``weeks`` weeks ago at 10:00 London."""
    client, therapist = paired
    today = timezone.now().astimezone(LONDON).date()
    first = datetime.combine(today - timedelta(weeks=weeks), datetime.min.time()).replace(hour=10)
    course = create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=first, timezone="Europe/London")
    )
    return client, therapist, course, first


def test_after_the_last_session_the_measures_page_asks_for_no_questionnaire(paired: tuple[Any, Any]) -> None:
    """A client whose 16-session DIT course finished five weeks ago (session 16 held, the therapist never pressed
    "End the course", which docs/course.md asks only of a course that stops early or has no last session) opens
    Measures and reads "Next: Session 16 of 16 · ending phase. Before this session, please fill in: PHQ-9 (mood),
    GAD-7 (worry)" — for a session held five weeks ago. What they fill in then is stored as the reading taken before
    session 16, the closing score recovery is judged on, though it describes the weeks after the course.
    They should see no next session and nothing to fill in before it (as for an ended course: "no measure is due")."""
    client, _, course, first = _dit_started_weeks_ago(paired, 20)
    last = first + timedelta(weeks=15)  # session 16, five weeks ago
    assert last.replace(tzinfo=LONDON) < timezone.now() - timedelta(weeks=4)
    assert measures.due_now(client, course.id) == []
    page = signed_in(client).get("/measures/").content.decode()
    assert "Before this session, please fill in" not in page
    assert "Next: Session 16 of 16" not in page
    day = f"{last.day} {last:%b %Y}"
    assert (
        f"The last session of your course was on {day}. There is no next session, so no questionnaire" in page
    )
    with pytest.raises(
        InvalidInput, match="no next session"
    ):  # nor are answers stored for "the next session"
        measures.submit(client, "phq9", [1] * 9, course_id=course.id)


def test_the_api_does_not_place_a_dit_course_ended_early_in_its_middle_phase(paired: tuple[Any, Any]) -> None:
    """A DIT course ended on the day of its session 6: the course page and `reverie course show` say "Ended on …"
    instead of the session and phase, and docs/course.md says a DIT course ended early counts as in its ending
    phase. `GET /api/v1/courses/{id}` still answers `"position": "Session 6 of 16 · middle phase"`, `"phase":
    "middle"` and the middle phase's purpose ("Track the pattern …"), so an app reading the API tells the pair the
    course is mid-way when it is over. It should not place the ended course in its middle phase: `phase` is the
    ending phase, as the docs say, and `position` does not say middle."""
    client, therapist, course, first = _dit_started_weeks_ago(paired, 20)
    end_course(therapist, course.id, (first + timedelta(weeks=5)).date())  # session 6's day
    for reader in (therapist, client):
        body = as_token(reader).call("GET", f"courses/{course.id}").json()
        assert body["ended_on"] == (first + timedelta(weeks=5)).date().isoformat()
        assert body["phase"] == "ending", body
        assert "middle" not in body["position"], body


def test_the_measures_page_of_a_client_whose_course_ended_does_not_say_none_was_set_up(
    paired: tuple[Any, Any],
) -> None:
    """A client whose DIT course was ended (on the day of session 6, with PHQ-9 scores before sessions 1 and 2)
    opens Measures from the menu and reads "No course is set up for you yet.", with no way from there to the
    scores they gave: as if they never had a course. docs/course.md: an ended course stays readable to its client,
    measures included. They should not be told no course was set up, and the page should link to that course's
    scores ("My scores over time")."""
    client, therapist, course, first = _dit_started_weeks_ago(paired, 20)
    for number in (1, 2):
        measures.submit(client, "phq9", [1] * 9, course_id=course.id, session_number=number)
    end_course(therapist, course.id, (first + timedelta(weeks=5)).date(), seen=True)  # what is open, seen
    web = signed_in(client)
    scores = f"/courses/{course.id}/measures/"
    assert web.get(scores).status_code == 200  # the scores are there to read
    page = web.get("/measures/").content.decode()
    assert "No course is set up for you yet" not in page
    ended = first + timedelta(weeks=5)
    assert f"ended on {ended.day} {ended:%b %Y}, so no questionnaire is due" in page
    assert scores in page
