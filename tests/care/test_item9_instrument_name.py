"""Review r66: PHQ-9 item 9 of a form the API's schema refuses (422) is screened however the form names PHQ-9.

h74 reads a refused form's questionnaire leniently ("PHQ9", " phq9 ") so question 9 as sent still reaches the
therapist (docs/measures.md §1, docs/api.md POST /measures). The instrument's own printed name, "PHQ-9", is not
read at all.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from reverie.care.models import RiskAlert
from reverie.care.services import alerts
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["PHQ-9", "phq-9"])
def test_api_form_naming_the_instrument_phq_dash_9_is_screened(dit: tuple[Any, Any, Any], name: str) -> None:
    """A phone app sends the questionnaire as the instrument is printed, "PHQ-9", with question 9 answered
    "nearly every day" (3). The API answers 422 (only "phq9" is the schema's literal) and nothing else happens: no
    alert for the therapist, no check-in for the client, although "PHQ9" in the same form is screened. Question 9
    of the PHQ-9 as sent should reach the therapist and leave the client's check-in, then the same 422."""
    client, therapist, _ = dit
    body = {"questionnaire": name, "answers": [1] * 8 + [3]}
    reply = _as(client).post("/api/v1/measures", json.dumps(body), content_type="application/json")
    assert reply.status_code == 422
    assert RiskAlert.objects.filter(client=client, source="phq9_item9").exists(), (
        f"item 9 answered 3 on a {name!r} form the API refused (422): no alert is raised"
    )
    assert alerts.open_alerts(therapist) != [], "the therapist is never alerted"
    assert alerts.pending_check_in(client) is not None, "and the client is left no check-in"


@pytest.mark.parametrize("name", ["PHQ-9", "phq 9", "Phq_9", " PHQ9 ", "phq.9"])
def test_every_spelling_of_the_instruments_name_reads_as_phq9(name: str) -> None:
    """The one lenient reading of a form's questionnaire name ignores case, spaces, hyphens and other
    punctuation, so question 9 is read on each spelling; another instrument's name stays another."""
    from reverie.measures.questionnaires import risk_answer, risk_questionnaire

    q = risk_questionnaire(name)
    assert q is not None and q.id.value == "phq9", name
    assert risk_answer(name, [0] * 8 + [2]) == 2
    assert risk_questionnaire("GAD-7") is not None and risk_questionnaire("GAD-7").id.value == "gad7"  # type: ignore[union-attr]
    assert risk_questionnaire("PHQ-99") is None
