"""Reliable change, caseness, recovery and the not-on-track flag, all worked by hand."""

from __future__ import annotations

import pytest

from reverie.errors import InvalidInput
from reverie.measures.change import (
    Assessment,
    Change,
    NotOnTrackRule,
    check_progress,
    classify_change,
    course_outcome,
    is_case,
    jacobson_truax_threshold,
    jt_reliable_change,
    paired_outcome,
    rule_for_course,
)
from reverie.measures.questionnaires import QuestionnaireId

PHQ, GAD = QuestionnaireId.PHQ9, QuestionnaireId.GAD7


def test_jt_threshold_hand_computed() -> None:
    # 1.96 · 6 · √2 · √0.11 = 5.5159… ; 1.96 · 5 · √2 · √0.08 = 3.9200
    assert jacobson_truax_threshold(6.0, 0.89) == pytest.approx(5.5159, abs=1e-4)
    assert jacobson_truax_threshold(5.0, 0.92) == pytest.approx(3.9200, abs=1e-4)
    assert jacobson_truax_threshold(10.0, 0.75) == pytest.approx(1.96 * 10 * 2**0.5 * 0.5)


@pytest.mark.parametrize(("sd", "r"), [(0.0, 0.8), (-1.0, 0.8), (5.0, 1.0), (5.0, -0.1)])
def test_jt_threshold_rejects_bad_constants(sd: float, r: float) -> None:
    with pytest.raises(InvalidInput):
        jacobson_truax_threshold(sd, r)


def test_jt_reliable_change_agrees_with_nhs_points_on_whole_scores() -> None:
    assert not jt_reliable_change("phq9", 15, 10)  # |Δ| 5 < 5.52
    assert jt_reliable_change("phq9", 15, 9)  # 6 > 5.52
    assert not jt_reliable_change("gad7", 12, 9)  # 3 < 3.92
    assert jt_reliable_change("gad7", 9, 13)  # 4 > 3.92


@pytest.mark.parametrize(
    ("qid", "first", "last", "expected"),
    [
        ("phq9", 15, 9, Change.IMPROVEMENT),
        ("phq9", 15, 10, Change.NONE),
        ("phq9", 9, 15, Change.DETERIORATION),
        ("phq9", 10, 15, Change.NONE),
        ("gad7", 12, 8, Change.IMPROVEMENT),
        ("gad7", 12, 9, Change.NONE),
        ("gad7", 3, 7, Change.DETERIORATION),
    ],
)
def test_classify_change_nhs_thresholds(qid: str, first: int, last: int, expected: Change) -> None:
    assert classify_change(qid, first, last) is expected


def test_classify_change_rejects_totals_out_of_range() -> None:
    with pytest.raises(InvalidInput):
        classify_change("gad7", 22, 3)


def test_is_case_cutoffs() -> None:
    assert (is_case("phq9", 9), is_case("phq9", 10), is_case("gad7", 7), is_case("gad7", 8)) == (
        False,
        True,
        False,
        True,
    )


def test_paired_outcome_reliable_recovery() -> None:
    outcome = paired_outcome(Assessment(1, phq9=16, gad7=12), Assessment(16, phq9=6, gad7=7))
    assert outcome.changes == {PHQ: Change.IMPROVEMENT, GAD: Change.IMPROVEMENT}
    assert (outcome.case_at_start, outcome.case_at_end) == (True, False)
    assert outcome.recovery and outcome.reliable_improvement and outcome.reliable_recovery
    assert not outcome.reliable_deterioration
    assert outcome.complete


def test_paired_outcome_recovery_without_reliable_change() -> None:
    outcome = paired_outcome(Assessment(1, phq9=11, gad7=9), Assessment(16, phq9=8, gad7=7))
    assert outcome.recovery
    assert not outcome.reliable_improvement
    assert not outcome.reliable_recovery


def test_paired_outcome_not_a_case_at_start_cannot_recover() -> None:
    outcome = paired_outcome(Assessment(1, phq9=9, gad7=7), Assessment(16, phq9=2, gad7=1))
    assert not outcome.case_at_start
    assert not outcome.recovery and not outcome.reliable_recovery
    assert outcome.reliable_improvement  # PHQ-9 dropped 7, GAD-7 dropped 6


def test_paired_outcome_mixed_change_is_deterioration() -> None:
    outcome = paired_outcome(Assessment(1, phq9=18, gad7=7), Assessment(16, phq9=9, gad7=12))
    assert outcome.changes == {PHQ: Change.IMPROVEMENT, GAD: Change.DETERIORATION}
    assert outcome.reliable_deterioration
    assert not outcome.reliable_improvement
    assert outcome.case_at_end and not outcome.recovery


def test_paired_outcome_gad7_at_cutoff_is_still_a_case() -> None:
    outcome = paired_outcome(Assessment(1, phq9=20, gad7=15), Assessment(16, phq9=9, gad7=8))
    assert outcome.case_at_end
    assert not outcome.recovery and not outcome.reliable_recovery
    assert outcome.reliable_improvement


def test_paired_outcome_single_measure_is_incomplete() -> None:
    outcome = paired_outcome(Assessment(1, phq9=14), Assessment(8, phq9=7, gad7=3))
    assert outcome.measures == (PHQ,)
    assert not outcome.complete
    assert outcome.reliable_improvement
    # r125: recovery needs both measures at the start and the end, never decided on PHQ-9 alone (it said yes)
    assert outcome.recovery is None and outcome.reliable_recovery is None
    assert outcome.undecided_reason == "Recovery is not decided: GAD-7 has only one score (session 8)."
    # a case at the end is no recovery, whatever is missing: GAD-7 12 at the end counts (it was left out before)
    worse = paired_outcome(Assessment(1, phq9=14), Assessment(8, phq9=7, gad7=12))
    assert worse.case_at_end is True and worse.recovery is False


def test_paired_outcome_no_shared_measure_rejected() -> None:
    with pytest.raises(InvalidInput, match="share no measure"):
        paired_outcome(Assessment(1, phq9=14), Assessment(8, gad7=3))


def test_course_outcome_uses_first_and_last_in_session_order() -> None:
    series = [
        Assessment(16, phq9=5, gad7=4),
        Assessment(1, phq9=15, gad7=10),
        Assessment(8, phq9=25, gad7=20),
    ]
    outcome = course_outcome(series)
    assert outcome.reliable_recovery


def test_course_outcome_rejects_duplicates_and_short_series() -> None:
    with pytest.raises(InvalidInput, match="session 3"):
        course_outcome([Assessment(3, phq9=5), Assessment(3, phq9=6)])
    with pytest.raises(InvalidInput, match="at least two"):
        course_outcome([Assessment(1, phq9=5)])


@pytest.mark.parametrize(
    "kwargs",
    [{"session": 0, "phq9": 3}, {"session": 1}, {"session": 1, "phq9": 28}, {"session": 1, "gad7": -1}],
)
def test_assessment_rejects_bad_values(kwargs: dict[str, int]) -> None:
    with pytest.raises(InvalidInput):
        Assessment(**kwargs)


def test_check_progress_no_improvement_by_session_6_flags() -> None:
    check = check_progress([Assessment(1, phq9=16, gad7=12), Assessment(6, phq9=14, gad7=11)])
    assert check.not_on_track
    assert check.reasons == ("No reliable improvement by session 6.",)


def test_check_progress_improvement_by_session_6_is_on_track() -> None:
    check = check_progress([Assessment(1, phq9=16, gad7=12), Assessment(6, phq9=10, gad7=12)])
    assert not check.not_on_track
    assert check.reasons == ()


def test_check_progress_before_review_session_does_not_flag_lack_of_change() -> None:
    check = check_progress([Assessment(1, phq9=16, gad7=12), Assessment(5, phq9=16, gad7=12)])
    assert not check.not_on_track


def test_check_progress_deterioration_flags_at_any_session() -> None:
    check = check_progress([Assessment(1, phq9=12, gad7=10), Assessment(3, phq9=12, gad7=14)])
    assert check.not_on_track
    assert check.reasons == ("Reliable deterioration on GAD-7 at session 3.",)


def test_check_progress_compares_a_measure_that_started_later_with_its_own_first_score() -> None:
    # GAD-7 first given at session 2: its rise 5 -> 15 is a reliable deterioration (before: "on track")
    worse = check_progress([Assessment(1, phq9=15), Assessment(2, gad7=5), Assessment(8, phq9=8, gad7=15)])
    assert worse.reasons == ("Reliable deterioration on GAD-7 at session 8.",)
    # its drop 15 -> 5 is a reliable improvement (before: "No reliable improvement by session 8.")
    better = check_progress([Assessment(1, phq9=15), Assessment(2, gad7=15), Assessment(8, phq9=14, gad7=5)])
    assert not better.not_on_track
    assert "that measure's first score" in better.rule_text


def test_check_progress_severe_twice_in_a_row_flags() -> None:
    check = check_progress([Assessment(1, phq9=21), Assessment(2, phq9=22)])
    assert check.reasons == ("PHQ-9 in the severe band twice in a row (up to session 2).",)


def test_check_progress_severe_not_consecutive_does_not_flag() -> None:
    check = check_progress([Assessment(1, phq9=21), Assessment(2, phq9=19), Assessment(3, phq9=20)])
    assert not check.not_on_track


def test_check_progress_rule_text_states_the_rule() -> None:
    check = check_progress([Assessment(1, phq9=3)])
    assert "session 6 of 16" in check.rule_text
    assert "severe band" in check.rule_text and "deterioration" in check.rule_text


def test_rule_for_course_scales_review_session() -> None:
    assert rule_for_course(16).review_session == 6
    assert rule_for_course(28).review_session == 11
    assert rule_for_course(None).review_session == 12
    assert "session 12 or later" in rule_for_course(None).rule_text
    with pytest.raises(InvalidInput):
        NotOnTrackRule(review_session=20, course_length=16)


def test_check_progress_custom_rule_applies_its_review_session() -> None:
    series = [Assessment(1, phq9=16), Assessment(4, phq9=15)]
    assert not check_progress(series).not_on_track
    assert check_progress(series, NotOnTrackRule(review_session=4, course_length=8)).not_on_track
