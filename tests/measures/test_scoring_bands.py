"""Hand-computed PHQ-9 and GAD-7 scores: every band edge, the item 9 signal and every bad input."""

from __future__ import annotations

import pytest

from reverie.errors import InvalidInput
from reverie.measures.questionnaires import GAD7, PHQ9, get_questionnaire
from reverie.measures.scoring import band_of_total, score


def answers_summing_to(total: int, count: int, *, last_zero: bool = False) -> list[int]:
    """Fill items with 3s from the front until the total is reached (item 9 stays 0 when asked)."""
    answers = [0] * count
    slots = range(count - 1) if last_zero else range(count)
    for index in slots:
        answers[index] = min(3, total - sum(answers))
    assert sum(answers) == total
    return answers


PHQ9_EDGES = [
    (0, "minimal"),
    (4, "minimal"),
    (5, "mild"),
    (9, "mild"),
    (10, "moderate"),
    (14, "moderate"),
    (15, "moderately_severe"),
    (19, "moderately_severe"),
    (20, "severe"),
    (24, "severe"),
]
GAD7_EDGES = [
    (0, "minimal"),
    (4, "minimal"),
    (5, "mild"),
    (9, "mild"),
    (10, "moderate"),
    (14, "moderate"),
    (15, "severe"),
    (21, "severe"),
]


@pytest.mark.parametrize(("total", "band"), PHQ9_EDGES)
def test_score_phq9_band_edges(total: int, band: str) -> None:
    result = score("phq9", answers_summing_to(total, 9, last_zero=True))
    assert result.total == total
    assert result.band.key == band
    assert result.risk_item_positive is False


def test_score_phq9_maximum_is_severe_and_risk_positive() -> None:
    result = score("phq9", [3] * 9)
    assert (result.total, result.band.key, result.risk_item_positive) == (27, "severe", True)


@pytest.mark.parametrize(("total", "band"), GAD7_EDGES)
def test_score_gad7_band_edges(total: int, band: str) -> None:
    result = score("gad7", answers_summing_to(total, 7))
    assert (result.total, result.band.key) == (total, band)
    assert result.risk_item_positive is False


def test_score_phq9_item9_positive_whatever_the_total() -> None:
    result = score("phq9", [0, 0, 0, 0, 0, 0, 0, 0, 1])
    assert result.total == 1
    assert result.band.key == "minimal"
    assert result.risk_item_positive is True


def test_score_mixed_answers_hand_computed() -> None:
    result = score("phq9", [1, 2, 0, 3, 1, 0, 2, 1, 0])
    assert result.total == 10
    assert result.band.label == "Moderate"
    assert result.items == (1, 2, 0, 3, 1, 0, 2, 1, 0)


def test_score_gad7_item7_never_sets_risk() -> None:
    assert score("gad7", [0, 0, 0, 0, 0, 0, 3]).risk_item_positive is False


@pytest.mark.parametrize("count", [0, 8, 10])
def test_score_wrong_count_rejected(count: int) -> None:
    with pytest.raises(InvalidInput, match=f"exactly 9 answers; {count} were given"):
        score("phq9", [0] * count)


@pytest.mark.parametrize("bad", [-1, 4, 10])
def test_score_out_of_range_names_the_item(bad: int) -> None:
    answers = [0] * 7
    answers[4] = bad
    with pytest.raises(InvalidInput, match="GAD-7 item 5"):
        score("gad7", answers)


@pytest.mark.parametrize("bad", [1.0, "1", None, True])
def test_score_non_integer_names_the_item(bad: object) -> None:
    answers: list[object] = [0] * 9
    answers[2] = bad
    with pytest.raises(InvalidInput, match="PHQ-9 item 3: the answer must be a whole number"):
        score("phq9", answers)  # type: ignore[arg-type]


def test_score_rejects_a_string_as_answers() -> None:
    with pytest.raises(InvalidInput, match="list of numbers"):
        score("gad7", "0000000")  # type: ignore[arg-type]


def test_score_unknown_questionnaire_rejected() -> None:
    with pytest.raises(InvalidInput, match="Unknown questionnaire"):
        score("beck", [0] * 9)


def test_band_of_total_range_checked() -> None:
    assert band_of_total("gad7", 21).key == "severe"
    with pytest.raises(InvalidInput):
        band_of_total("gad7", 22)


def test_questionnaires_carry_the_loinc_codes() -> None:
    assert [item.loinc for item in PHQ9.items] == [
        "44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8",
    ]  # fmt: skip
    assert [item.loinc for item in GAD7.items] == [
        "69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7",
    ]  # fmt: skip
    assert (PHQ9.panel_loinc, PHQ9.total_loinc, GAD7.panel_loinc, GAD7.total_loinc) == (
        "44249-1", "44261-6", "69737-5", "70274-6",
    )  # fmt: skip
    assert [(o.value, o.loinc) for o in get_questionnaire("phq9").options] == [
        (0, "LA6568-5"), (1, "LA6569-3"), (2, "LA6570-1"), (3, "LA6571-9"),
    ]  # fmt: skip


def test_questionnaires_bands_cover_every_total_once() -> None:
    for questionnaire in (PHQ9, GAD7):
        for total in range(questionnaire.max_total + 1):
            assert sum(band.contains(total) for band in questionnaire.bands) == 1
