"""Scoring PHQ-9 and GAD-7: total, severity band and the PHQ-9 item 9 risk signal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reverie.errors import InvalidInput
from reverie.measures.questionnaires import Band, Questionnaire, QuestionnaireId, get_questionnaire


@dataclass(frozen=True, slots=True)
class Score:
    """The scored result of one completed questionnaire.

    ``risk_item_positive`` is True when PHQ-9 item 9 (thoughts of being better off dead or of self-harm) is
    above 0: it needs follow-up whatever the total is. It is always False for GAD-7.
    """

    questionnaire_id: QuestionnaireId
    total: int
    band: Band
    items: tuple[int, ...]
    risk_item_positive: bool


def validate_answers(questionnaire: Questionnaire, answers: Sequence[int]) -> tuple[int, ...]:
    """Check count, type and range of every answer; errors name the item number, never the value."""
    if isinstance(answers, str | bytes) or not isinstance(answers, Sequence):
        raise InvalidInput(f"{questionnaire.short_title} answers must be a list of numbers.")
    expected = len(questionnaire.items)
    if len(answers) != expected:
        raise InvalidInput(
            f"{questionnaire.short_title} needs exactly {expected} answers; {len(answers)} were given."
        )
    for number, answer in enumerate(answers, start=1):
        _check_answer(questionnaire, number, answer)
    return tuple(answers)


def _check_answer(questionnaire: Questionnaire, number: int, answer: object) -> None:
    where, field = f"{questionnaire.short_title} item {number}", f"item{number}"  # field: InvalidInput.field
    if isinstance(answer, bool) or not isinstance(answer, int):
        raise InvalidInput(
            f"{where}: the answer must be a whole number 0–{questionnaire.max_answer}.", field=field
        )
    if not 0 <= answer <= questionnaire.max_answer:
        raise InvalidInput(
            f"{where}: the answer must be between 0 and {questionnaire.max_answer}.", field=field
        )


def score(questionnaire_id: str, answers: Sequence[int]) -> Score:
    """Score one completed questionnaire.

    ``answers`` are the ordinal weights 0..3 in item order. Raises InvalidInput for an unknown questionnaire,
    the wrong number of answers, a non-integer answer or one outside 0..3 (the message names the item).
    """
    questionnaire = get_questionnaire(questionnaire_id)
    items = validate_answers(questionnaire, answers)
    total = sum(items)
    risk = questionnaire.risk_item is not None and items[questionnaire.risk_item - 1] > 0
    return Score(
        questionnaire_id=questionnaire.id,
        total=total,
        band=questionnaire.band_for(total),
        items=items,
        risk_item_positive=risk,
    )


def band_of_total(questionnaire_id: str, total: int) -> Band:
    """The severity band of a total score already computed elsewhere (validated 0..max)."""
    questionnaire = get_questionnaire(questionnaire_id)
    check_total(questionnaire, total)
    return questionnaire.band_for(total)


def check_total(questionnaire: Questionnaire, total: object) -> int:
    """Validate a stored total score: an int within 0..max_total."""
    if isinstance(total, bool) or not isinstance(total, int):
        raise InvalidInput(f"A {questionnaire.short_title} total must be a whole number.")
    if not 0 <= total <= questionnaire.max_total:
        limit = questionnaire.max_total
        raise InvalidInput(f"A {questionnaire.short_title} total must be between 0 and {limit}.")
    return total
