"""PHQ-9 and GAD-7 results as FHIR R4 QuestionnaireResponse resources with LOINC codes.

Structure is validated with ``fhir.resources`` 8.x. That release's top-level modules are FHIR R5; it ships
``fhir.resources.R4B`` (FHIR 4.3) and ``STU3`` but no plain R4 package. QuestionnaireResponse is unchanged
between R4 (4.0.1) and R4B, so the R4B model validates R4 resources. Code bindings (status, LOINC answers,
ordinal weights, the total) are checked here because the library does not check them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from reverie.errors import InvalidInput
from reverie.measures.questionnaires import LOINC_SYSTEM, Questionnaire, by_panel_loinc, get_questionnaire
from reverie.measures.scoring import score

ORDINAL_VALUE_URL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
QUESTIONNAIRE_CANONICAL = "http://loinc.org/q/{panel}"
FHIR_MODULE = "fhir.resources.R4B.questionnaireresponse"
COMPLETE_STATUSES = frozenset({"completed", "amended"})
STATUSES = frozenset({"in-progress", "completed", "amended", "entered-in-error", "stopped"})
_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")
_REFERENCE = re.compile(r"[A-Z][A-Za-z]+/[A-Za-z0-9\-.]{1,64}|urn:uuid:[0-9a-fA-F\-]{36}")


def to_questionnaire_response(
    questionnaire_id: str,
    answers: Sequence[int],
    *,
    authored: datetime,
    subject_ref: str,
    id: str,
    encounter_ref: str | None = None,
    encounter_display: str | None = None,
) -> dict[str, Any]:
    """Build a completed QuestionnaireResponse: one item per question plus the total score item.

    ``encounter_ref`` (with an optional ``encounter_display``) names the session the answers were given for.

    Item ``linkId``s are the LOINC question codes; each answer is a LOINC ``valueCoding`` (LA6568-5 …
    LA6571-9) carrying its weight 0..3 in the ``ordinalValue`` extension. The result passes ``validate``.
    """
    result = score(questionnaire_id, answers)
    questionnaire = get_questionnaire(questionnaire_id)
    _check_identifiers(authored, subject_ref, id)
    if encounter_ref is not None and not _REFERENCE.fullmatch(encounter_ref):
        raise InvalidInput("The encounter must be a FHIR reference such as 'Encounter/123' or a urn:uuid.")
    items = [_answer_item(questionnaire, number, value) for number, value in enumerate(result.items, start=1)]
    items.append(
        {
            "linkId": questionnaire.total_loinc,
            "text": questionnaire.total_text,
            "answer": [{"valueInteger": result.total}],
        }
    )
    resource: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "id": id,
        "questionnaire": QUESTIONNAIRE_CANONICAL.format(panel=questionnaire.panel_loinc),
        "status": "completed",
        "subject": {"reference": subject_ref},
        "authored": authored.isoformat(timespec="seconds"),
        "item": items,
    }
    if encounter_ref is not None:
        encounter = {"reference": encounter_ref}
        if encounter_display:
            encounter["display"] = encounter_display
        resource["encounter"] = encounter
    return resource


def _check_identifiers(authored: datetime, subject_ref: str, id: str) -> None:
    if authored.tzinfo is None or authored.utcoffset() is None:
        raise InvalidInput("The authored time of a questionnaire response must carry a time zone.")
    if not _ID.fullmatch(id):
        raise InvalidInput("A FHIR id must be 1–64 letters, digits, '-' or '.'.")
    if not _REFERENCE.fullmatch(subject_ref):
        raise InvalidInput("The subject must be a FHIR reference such as 'Patient/123' or a urn:uuid.")


def _answer_item(questionnaire: Questionnaire, number: int, value: int) -> dict[str, Any]:
    item, option = questionnaire.items[number - 1], questionnaire.option(value)
    coding = {
        "extension": [{"url": ORDINAL_VALUE_URL, "valueDecimal": option.value}],
        "system": LOINC_SYSTEM,
        "code": option.loinc,
        "display": option.label,
    }
    return {"linkId": item.loinc, "text": item.text, "answer": [{"valueCoding": coding}]}


def validate(resource: Mapping[str, Any]) -> None:
    """Raise InvalidInput unless ``resource`` is a valid QuestionnaireResponse.

    Checks the structure against the FHIR R4B model and the status code; for a completed (or amended) response
    whose ``questionnaire`` names the PHQ-9 or GAD-7 LOINC panel, also every LOINC answer code, its ordinal
    weight, that no question is missing, and the total score.
    """
    if not isinstance(resource, Mapping):
        raise InvalidInput("A FHIR resource must be a JSON object.")
    _validate_structure(resource)
    if resource.get("status") not in STATUSES:
        raise InvalidInput("The QuestionnaireResponse status is not a FHIR status code.")
    if resource["status"] in COMPLETE_STATUSES and _questionnaire_of(resource) is not None:
        _answers(resource)


def _validate_structure(resource: Mapping[str, Any]) -> None:
    from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
    from pydantic import ValidationError

    try:
        QuestionnaireResponse.model_validate(dict(resource))
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "resource"
        raise InvalidInput(f"Invalid FHIR QuestionnaireResponse at '{where}' ({first['type']}).") from None
    except (TypeError, ValueError):
        raise InvalidInput("Invalid FHIR QuestionnaireResponse.") from None


def _questionnaire_of(resource: Mapping[str, Any]) -> Questionnaire | None:
    canonical = str(resource.get("questionnaire", ""))
    prefix = QUESTIONNAIRE_CANONICAL.format(panel="")
    return by_panel_loinc(canonical.removeprefix(prefix)) if canonical.startswith(prefix) else None


def answers_from_response(resource: Mapping[str, Any]) -> tuple[str, list[int]]:
    """Read ``(questionnaire_id, answers)`` back from a PHQ-9/GAD-7 response built by this module.

    Raises InvalidInput when an answer code is not a LOINC answer, its ordinal weight disagrees with the code,
    a question is missing or repeated, or the total item disagrees with the answers. The structure is
    validated first, so untrusted imports can be passed in directly.
    """
    if not isinstance(resource, Mapping):
        raise InvalidInput("A FHIR resource must be a JSON object.")
    _validate_structure(resource)
    return _answers(resource)


def _answers(resource: Mapping[str, Any]) -> tuple[str, list[int]]:
    questionnaire = _questionnaire_of(resource)
    if questionnaire is None:
        raise InvalidInput("The QuestionnaireResponse is not a PHQ-9 or GAD-7 response.")
    by_link = _items_by_link(resource)
    answers = [_weight_of(questionnaire, by_link.get(item.loinc), item.loinc) for item in questionnaire.items]
    total_item = by_link.get(questionnaire.total_loinc)
    if total_item is not None and _total_of(total_item) != sum(answers):
        raise InvalidInput(f"The total score item '{questionnaire.total_loinc}' does not match the answers.")
    return questionnaire.id.value, answers


def _items_by_link(resource: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    by_link: dict[str, Mapping[str, Any]] = {}
    for item in resource.get("item", []):
        link = str(item.get("linkId", ""))
        if link in by_link:
            raise InvalidInput(f"Item '{link}' appears more than once.")
        by_link[link] = item
    return by_link


def _weight_of(questionnaire: Questionnaire, item: Mapping[str, Any] | None, link: str) -> int:
    answers = item.get("answer", []) if item is not None else []
    if len(answers) != 1 or "valueCoding" not in answers[0]:
        raise InvalidInput(f"Item '{link}' needs exactly one coded answer.")
    coding = answers[0]["valueCoding"]
    options = {option.loinc: option for option in questionnaire.options}
    option = options.get(coding.get("code")) if coding.get("system") == LOINC_SYSTEM else None
    if option is None:
        raise InvalidInput(
            f"Item '{link}' has an answer that is not a {questionnaire.short_title} LOINC answer."
        )
    ordinals = [
        e.get("valueDecimal") for e in coding.get("extension", []) if e.get("url") == ORDINAL_VALUE_URL
    ]
    if ordinals and ordinals != [option.value]:
        raise InvalidInput(f"Item '{link}' has an ordinal weight that does not match its LOINC answer.")
    return option.value


def _total_of(item: Mapping[str, Any]) -> object:
    answers = item.get("answer", [])
    return answers[0].get("valueInteger") if len(answers) == 1 else None
