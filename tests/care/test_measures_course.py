from __future__ import annotations

from typing import Any

import pytest

from course_clock import at
from reverie.care.models import MeasureResponse, RiskAlert
from reverie.care.services import alerts, measures
from reverie.care.services.course import CourseDraft, create_course
from reverie.errors import Conflict, InvalidInput, NotFound, PermissionDenied

pytestmark = pytest.mark.django_db
LOW = [0] * 9


def test_measures_due_before_the_next_session_and_auto_scored(dit: tuple[Any, Any, Any]) -> None:
    client, _, _course = dit
    due = measures.due_now(client, now=at(1))
    assert [(d.questionnaire.id.value, d.session_number) for d in due] == [("phq9", 1), ("gad7", 1)]
    done = measures.submit(client, "phq9", [2, 2, 1, 1, 1, 1, 1, 1, 0], now=at(1))
    assert done.score.total == 10 and done.response.band == "moderate" and done.alert is None
    assert [d.questionnaire.id.value for d in measures.due_now(client, now=at(1))] == ["gad7"]


def test_measures_second_submission_for_a_session_is_a_conflict(dit: tuple[Any, Any, Any]) -> None:
    client, _, _course = dit
    measures.submit(client, "gad7", [1] * 7, session_number=2)
    with pytest.raises(Conflict):
        measures.submit(client, "gad7", [0] * 7, session_number=2)
    assert MeasureResponse.objects.count() == 1


@pytest.mark.parametrize("answers", [[0] * 8, [0] * 8 + [4], [0] * 8 + [-1], [0] * 10])
def test_measures_out_of_range_answers_are_refused(dit: tuple[Any, Any, Any], answers: list[int]) -> None:
    client, _, _ = dit
    with pytest.raises(InvalidInput):
        measures.submit(client, "phq9", answers, session_number=1)
    assert not MeasureResponse.objects.exists()


def test_measures_only_on_the_schedule(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    create_course(
        therapist,
        CourseDraft(
            client=client.username,
            programme="dit",
            start=at(5).replace(tzinfo=None),
            measure_schedule="every_other_session",
        ),
    )
    measures.submit(client, "phq9", LOW, session_number=3)
    with pytest.raises(InvalidInput):
        measures.submit(client, "phq9", LOW, session_number=2)
    measures.submit(client, "phq9", LOW, session_number=16)  # the closing score


def test_measures_therapist_cannot_fill_for_the_client(dit: tuple[Any, Any, Any]) -> None:
    _, therapist, course = dit
    with pytest.raises(PermissionDenied):
        measures.submit(therapist, "phq9", LOW, course_id=course.id, session_number=1)


def test_measures_item_nine_raises_one_alert_for_the_therapist(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, _ = dit
    done = measures.submit(client, "phq9", [0] * 8 + [1], session_number=1)
    assert done.alert is not None and done.score.risk_item_positive
    assert [a.id for a in alerts.open_alerts(therapist)] == [done.alert.id]
    key = measures.follow_up_key(
        "phq9", done.response.session_id, "ideation"
    )  # the form's key, as it was sent
    assert alerts.raise_alert(client, "phq9_item9", "ideation", key).id == done.alert.id
    assert RiskAlert.objects.count() == 1


def test_measures_reliable_change_and_not_on_track_for_the_therapist(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, course = dit
    for session, (phq, gad) in enumerate([(18, 14), (16, 12), (10, 8), (8, 6)], start=1):
        measures.submit(client, "phq9", _phq(phq), session_number=session)
        measures.submit(client, "gad7", _gad(gad), session_number=session)
    view = measures.progress(therapist, course.id)
    by = {c.questionnaire.id.value: c for c in view.changes}
    assert by["phq9"].change.value == "reliable_improvement" and by["phq9"].jt_reliable
    assert by["gad7"].first == 14 and by["gad7"].latest == 6
    assert view.outcome is not None and view.outcome.reliable_recovery
    assert not view.check.not_on_track and "Not on track when" in view.check.rule_text
    with pytest.raises(NotFound):
        measures.progress(client, course.id)


def test_measures_history_chart_for_client_and_therapist_and_fhir(
    dit: tuple[Any, Any, Any], make_user: Any
) -> None:
    from reverie.measures import fhir

    client, therapist, course = dit
    first = measures.submit(client, "phq9", _phq(12), session_number=1)
    measures.submit(client, "phq9", _phq(9), session_number=2)
    for who in (client, therapist):
        charts = measures.history(who, course.id)
        assert "<svg" in charts[0].svg and [r[2] for r in charts[0].rows] == [12, 9]
    resource = measures.fhir_resource(client, first.response.id)
    fhir.validate(resource)
    assert fhir.answers_from_response(resource) == ("phq9", _phq(12))
    view = measures.response_view(therapist, first.response.id)
    assert len(view.items) == 9 and view.items[0].label
    stranger = make_user(role="therapist")
    with pytest.raises(NotFound):
        measures.fhir_resource(stranger, first.response.id)


def _phq(total: int) -> list[int]:
    answers = [0] * 9
    for i in range(total):
        answers[i % 8] += 1  # item 9 stays 0
    return answers


def _gad(total: int) -> list[int]:
    answers = [0] * 7
    for i in range(total):
        answers[i % 7] += 1
    return answers
