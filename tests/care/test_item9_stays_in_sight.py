"""Review r129 (faults 1 and 11): PHQ-9 question 9 answered above 0 stays in sight wherever the therapist reads
measures (the scores page's rows, the prep page's "Latest PHQ-9", the course record), acknowledged or not, in the
question's own words with the exact answer; the alert line names the exact answer too, never "more than half the
days or nearly every day" merged."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.template.loader import render_to_string

from course_clock import at
from reverie.care.models import MeasureResponse, RiskAlert
from reverie.care.services import alerts, measures, notes
from reverie.errors import InvalidInput
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db
QUESTION = "Thoughts that you would be better off dead or of hurting yourself in some way"


def _acknowledge_all(therapist: Any) -> None:
    for alert in alerts.open_alerts(therapist):
        alerts.acknowledge(therapist, alert.id)
    assert alerts.open_alerts(therapist) == []


def test_an_acknowledged_item9_answer_stays_on_the_measures_and_prep_pages(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, course = dit
    measures.submit(client, "phq9", [2, 2, 2, 1, 1, 2, 2, 1, 0], session_number=1)
    measures.submit(client, "phq9", [1, 1, 1, 1, 0, 1, 0, 0, 2], session_number=2)
    _acknowledge_all(therapist)
    page = _as(therapist).get(f"/courses/{course.id}/measures/").content.decode()
    assert QUESTION in page and "more than half the days" in page.lower(), page
    prep = _as(therapist).get(f"/courses/{course.id}/prep/").content.decode()
    latest = prep[prep.index("Latest PHQ-9") :]
    latest = latest[: latest.index("</p>")]
    assert QUESTION in latest and "more than half the days" in latest.lower(), latest


def test_prep_names_an_earlier_item9_answer_when_the_latest_was_0(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, course = dit
    measures.submit(client, "phq9", [1] * 8 + [3], session_number=1)
    measures.submit(client, "phq9", [0] * 9, session_number=2)
    _acknowledge_all(therapist)
    prep = _as(therapist).get(f"/courses/{course.id}/prep/").content.decode()
    assert QUESTION in prep and "nearly every day" in prep.lower(), prep


def test_the_course_record_lists_the_item9_answer(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, course = dit
    measures.submit(client, "phq9", [0] * 8 + [1], session_number=1)
    measures.submit(client, "gad7", [1] * 7, session_number=1)
    record = notes.course_record(therapist, course.id)
    assert record["schema"] == "reverie.course-record/4"
    by_form = {m["questionnaire"]: m["risk_answer"] for m in record["measures"]}
    assert by_form["gad7"] is None
    assert QUESTION in by_form["phq9"] and by_form["phq9"].endswith(": several days"), by_form
    reply = _as(therapist).post(f"/courses/{course.id}/record/", {})
    downloaded = {m["questionnaire"]: m["risk_answer"] for m in json.loads(reply.content)["measures"]}
    assert downloaded == by_form


@pytest.mark.parametrize(
    ("answer", "said", "other"),
    [(2, "more than half the days", "nearly every day"), (3, "nearly every day", "more than half the days")],
)
def test_the_alert_line_names_the_exact_answer(
    dit: tuple[Any, Any, Any], answer: int, said: str, other: str
) -> None:
    client, therapist, _ = dit
    measures.submit(client, "phq9", [0] * 8 + [answer], session_number=1, now=at(5))
    [alert] = alerts.open_alerts(therapist)
    line = render_to_string("care/_alert_line.html", {"a": alert})
    assert said in line and other not in line, line
    page = _as(therapist).get("/alerts/").content.decode()
    assert said in page and other not in page


@pytest.mark.parametrize(
    ("answer", "said", "other"),
    [(2, "more than half the days", "nearly every day"), (3, "nearly every day", "more than half the days")],
)
def test_a_refused_forms_alert_names_the_exact_answer_and_says_the_form_was_not_saved(
    dit: tuple[Any, Any, Any], answer: int, said: str, other: str
) -> None:
    """h168: the answer is kept with the alert as it is raised (``RiskAlert.item_answer``), so a form refused and
    never stored still names it (before: "more than half the days or nearly every day", the level's words)."""
    client, therapist, _ = dit
    with pytest.raises(InvalidInput, match="Answer question 1"):  # refused: nothing stored
        measures.submit(client, "phq9", [None] + [0] * 7 + [answer], session_number=1, now=at(5))
    alert = RiskAlert.objects.get(client=client, source="phq9_item9")
    assert alert.item_answer == answer and not MeasureResponse.objects.exists()
    line = render_to_string("care/_alert_line.html", {"a": alert})
    assert f"{said} (the form was not saved)" in line and other not in line, line
    page = _as(therapist).get("/alerts/").content.decode()
    assert f"{said} (the form was not saved)" in page and other not in page


def test_the_alert_keeps_the_most_serious_answer_it_was_raised_on(dit: tuple[Any, Any, Any]) -> None:
    """Two forms for one session at the same level raise one alert: it names the more serious answer, whichever
    came first, and once a form is stored it no longer says the form was not saved."""
    client, _, _ = dit
    measures.follow_up(client, "phq9", [0] * 8 + [3], session_number=1, now=at(5))
    measures.submit(client, "phq9", [0] * 8 + [2], session_number=1, now=at(5))
    alert = RiskAlert.objects.get(client=client, source="phq9_item9")
    assert alert.item_answer == 3
    line = render_to_string("care/_alert_line.html", {"a": alert})
    assert "nearly every day" in line and "not saved" not in line, line
