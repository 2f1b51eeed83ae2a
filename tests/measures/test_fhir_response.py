"""FHIR R4 QuestionnaireResponse building and validation (fhir.resources R4B model + LOINC checks)."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from reverie.errors import InvalidInput
from reverie.measures.fhir import (
    ORDINAL_VALUE_URL,
    answers_from_response,
    to_questionnaire_response,
    validate,
)

AUTHORED = datetime(2025, 3, 3, 9, 30, tzinfo=timezone(timedelta(hours=1)))
PHQ_ANSWERS = [1, 2, 0, 3, 1, 0, 2, 1, 1]


def phq9_response() -> dict[str, Any]:
    return to_questionnaire_response(
        "phq9", PHQ_ANSWERS, authored=AUTHORED, subject_ref="Patient/p-17", id="qr-1"
    )


def test_to_questionnaire_response_phq9_shape() -> None:
    resource = phq9_response()
    assert resource["resourceType"] == "QuestionnaireResponse"
    assert resource["questionnaire"] == "http://loinc.org/q/44249-1"
    assert resource["status"] == "completed"
    assert resource["authored"] == "2025-03-03T09:30:00+01:00"
    assert resource["subject"] == {"reference": "Patient/p-17"}
    links = [item["linkId"] for item in resource["item"]]
    assert links[0] == "44250-9" and links[8] == "44260-8" and links[-1] == "44261-6"
    assert resource["item"][-1]["answer"] == [{"valueInteger": 11}]


def test_to_questionnaire_response_codes_and_ordinals_follow_the_answers() -> None:
    codes = {0: "LA6568-5", 1: "LA6569-3", 2: "LA6570-1", 3: "LA6571-9"}
    for item, answer in zip(phq9_response()["item"][:9], PHQ_ANSWERS, strict=True):
        coding = item["answer"][0]["valueCoding"]
        assert coding["system"] == "http://loinc.org"
        assert coding["code"] == codes[answer]
        assert coding["extension"] == [{"url": ORDINAL_VALUE_URL, "valueDecimal": answer}]


def test_validate_accepts_built_responses_and_json_round_trip() -> None:
    validate(phq9_response())
    gad = to_questionnaire_response("gad7", [3] * 7, authored=datetime(2025, 1, 1, tzinfo=UTC),
                                    subject_ref="Patient/x", id="g1")  # fmt: skip
    validate(json.loads(json.dumps(gad)))
    assert answers_from_response(gad) == ("gad7", [3] * 7)
    assert gad["item"][-1] == {
        "linkId": "70274-6",
        "text": "Generalized anxiety disorder 7 item (GAD-7) total score",
        "answer": [{"valueInteger": 21}],
    }


def test_answers_from_response_round_trip() -> None:
    assert answers_from_response(phq9_response()) == ("phq9", PHQ_ANSWERS)


def test_to_questionnaire_response_rejects_naive_time_and_bad_ids() -> None:
    with pytest.raises(InvalidInput, match="time zone"):
        to_questionnaire_response(
            "phq9", PHQ_ANSWERS, authored=datetime(2025, 1, 1), subject_ref="Patient/1", id="a"
        )
    with pytest.raises(InvalidInput, match="FHIR id"):
        to_questionnaire_response("phq9", PHQ_ANSWERS, authored=AUTHORED, subject_ref="Patient/1", id="a b")
    with pytest.raises(InvalidInput, match="reference"):
        to_questionnaire_response("phq9", PHQ_ANSWERS, authored=AUTHORED, subject_ref="Anna Berg", id="a")
    with pytest.raises(InvalidInput, match="item 2"):
        to_questionnaire_response(
            "gad7", [0, 5, 0, 0, 0, 0, 0], authored=AUTHORED, subject_ref="Patient/1", id="a"
        )


def tampered(change: str) -> dict[str, Any]:
    resource = copy.deepcopy(phq9_response())
    coding = resource["item"][2]["answer"][0]["valueCoding"]
    if change == "status":
        resource["status"] = "finished"
    elif change == "authored":
        resource["authored"] = "yesterday"
    elif change == "extra":
        resource["mood"] = "fine"
    elif change == "linkid":
        del resource["item"][0]["linkId"]
    elif change == "ordinal":
        coding["extension"][0]["valueDecimal"] = 3
    elif change == "code":
        coding["code"] = "LA9999-9"
    elif change == "total":
        resource["item"][-1]["answer"][0]["valueInteger"] = 27
    elif change == "missing":
        del resource["item"][4]
    elif change == "duplicate":
        resource["item"].append(copy.deepcopy(resource["item"][1]))
    elif change == "type":
        resource["resourceType"] = "Patient"
    return resource


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("status", "status"),
        ("authored", "'authored'"),
        ("extra", "'mood'"),
        ("linkid", "item.0.linkId"),
        ("ordinal", "ordinal weight"),
        ("code", "not a PHQ-9 LOINC answer"),
        ("total", "total score"),
        ("missing", "'44251-7' needs exactly one coded answer"),
        ("duplicate", "more than once"),
        ("type", "Invalid FHIR QuestionnaireResponse"),
    ],
)
def test_validate_rejects_tampered_resources(change: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        validate(tampered(change))


def test_validate_error_never_echoes_values() -> None:
    resource = phq9_response()
    resource["authored"] = "secret-text-here"
    with pytest.raises(InvalidInput) as caught:
        validate(resource)
    assert "secret-text-here" not in str(caught.value)


def test_validate_in_progress_response_may_be_partial() -> None:
    resource = tampered("missing")
    resource["status"] = "in-progress"
    del resource["item"][-1]
    validate(resource)


def test_validate_rejects_non_objects() -> None:
    with pytest.raises(InvalidInput, match="JSON object"):
        validate([])  # type: ignore[arg-type]


def test_answers_from_response_checks_structure_of_untrusted_input() -> None:
    resource = phq9_response()
    resource["item"][0] = "not an item"
    with pytest.raises(InvalidInput, match=r"item\.0"):
        answers_from_response(resource)
    with pytest.raises(InvalidInput, match="not a PHQ-9 or GAD-7"):
        answers_from_response({**phq9_response(), "questionnaire": "http://example.org/q/other"})
