"""Review r63: PHQ-9 item 9 screened on every form the client sends (h72: ``measures.follow_up``).

docs/api.md (POST /measures): "a refused form whose item 9 is above 0 raises them all the same"; docs/measures.md
§1: the risk question is screened at the moment the form is sent, whatever its validation and storage."""

from __future__ import annotations

import json
from typing import Any

import pytest

from reverie.care.models import RiskAlert
from reverie.care.services import alerts
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db


def _phq9(item9: int) -> dict[str, str]:
    answers = {f"item{n}": "1" for n in range(1, 9)}
    answers["item9"] = str(item9)
    return answers


def test_api_form_refused_by_the_schema_with_item_9_above_0_alerts_the_therapist(
    dit: tuple[Any, Any, Any],
) -> None:
    """A phone app sends PHQ-9 with question 9 answered "nearly every day" (3) and ``session_number`` as the
    string "16" (or one other answer as 1.0). The API answers 422 and nothing else happens: no alert for the
    therapist, no check-in, no crisis lines for the client. docs/api.md promises that a refused form whose item 9
    is above 0 raises the alert and the check-in all the same; the schema's refusal should too."""
    client, therapist, _ = dit
    body = {"questionnaire": "phq9", "answers": [1] * 8 + [3], "session_number": "16"}
    reply = _as(client).post("/api/v1/measures", json.dumps(body), content_type="application/json")
    assert reply.status_code == 422
    assert RiskAlert.objects.filter(client=client, source="phq9_item9").exists(), (
        "item 9 answered 3 on a form the API refused (422): no alert is raised"
    )
    assert alerts.open_alerts(therapist) != [], "the therapist is never alerted"
    assert alerts.pending_check_in(client) is not None, "and the client is left no check-in"


def test_the_same_answer_sent_again_after_the_therapist_acknowledged_it_tells_the_therapist_again(
    dit: tuple[Any, Any, Any],
) -> None:
    """Monday: the client sends PHQ-9 for session 16, question 9 "more than half the days"; the therapist gets an
    alert, calls, and acknowledges it. Days later the client, still before the next session, opens the form again
    and again answers question 9 "more than half the days" (refused: already sent for this session). The
    de-duplication key (``phq9:<session>:<level>``) finds Monday's acknowledged alert and returns it: the therapist's
    list stays empty and the client gets no new check-in, so the second, later report of the same thoughts is
    never seen. It is a new answer sent after the therapist closed the first one: it should reach the therapist
    (a new or re-opened alert), as a new journal entry with the same words would."""
    client, therapist, _ = dit
    web = _as(client)
    assert web.post("/measures/fill/phq9/", {**_phq9(2), "session": "16"}).status_code == 200
    (alert,) = alerts.open_alerts(therapist)
    alerts.acknowledge(therapist, alert.id, "Called her, safe for now.")
    assert alerts.open_alerts(therapist) == []

    again = web.post("/measures/fill/phq9/", {**_phq9(2), "session": "16"})
    assert again.status_code == 409 and 'id="lines-heading"' in again.content.decode()
    assert alerts.open_alerts(therapist) != [], (
        "item 9 answered again after the therapist acknowledged the first: nothing reaches the therapist"
    )


def test_api_form_with_the_questionnaire_in_capitals_and_float_answers_is_screened(
    dit: tuple[Any, Any, Any],
) -> None:
    """The schema refuses "PHQ9" (not the literal "phq9") and answers written 1.0, 2.0 (422, as before); question 9
    as sent is still 2, "more than half the days", and reaches the therapist and the client's check-in."""
    client, therapist, _ = dit
    body = {"questionnaire": "PHQ9", "answers": [1.0] * 8 + [2.0]}
    reply = _as(client).post("/api/v1/measures", json.dumps(body), content_type="application/json")
    assert reply.status_code == 422
    (alert,) = alerts.open_alerts(therapist)
    assert alert.level == alerts.IDEATION_OFTEN
    assert alerts.pending_check_in(client) is not None


def test_the_check_in_of_an_answer_sent_again_after_an_acknowledgement_shows_its_question(
    dit: tuple[Any, Any, Any],
) -> None:
    """The second alert for the same answer (key ``phq9:<session>:<level>:2``) leaves the client a check-in whose
    page names the question and the answer, as the first one's does, rather than failing on a key of four parts."""
    client, therapist, _ = dit
    web = _as(client)
    assert web.post("/measures/fill/phq9/", {**_phq9(2), "session": "16"}).status_code == 200
    (alert,) = alerts.open_alerts(therapist)
    alerts.acknowledge(therapist, alert.id, "Called her, safe for now.")
    assert web.post("/measures/fill/phq9/", {**_phq9(2), "session": "16"}).status_code == 409
    check_in = alerts.pending_check_in(client)
    assert check_in is not None and check_in.alert is not None
    assert check_in.alert.record_id.endswith(":2"), check_in.alert.record_id
    (words,) = alerts.check_in_words(client, check_in)
    assert words.startswith("Question 9:") and "More than half the days" in words, words
