"""Caseness and recovery read each measure's own first and last score (docs/measures.md "Recovery"), as the
not-on-track rule does. Before, the course outcome paired the first and the last assessment and kept only the
measures present at both: with GAD-7 alone at session 1 and both at session 8 (PHQ-9 14, GAD-7 5) it said
"recovery" although PHQ-9 14 is a case at the end; a measure given only once is now said to be, not decided on."""

from __future__ import annotations

from reverie.measures.change import NOT_APPLICABLE, Assessment, Change, course_outcome, paired_outcome
from reverie.measures.questionnaires import QuestionnaireId

PHQ, GAD = QuestionnaireId.PHQ9, QuestionnaireId.GAD7


def test_phq9_alone_at_session_1_then_both_at_session_8() -> None:
    outcome = course_outcome([Assessment(1, phq9=16), Assessment(8, phq9=14, gad7=5)])
    assert outcome.measures == (PHQ,) and outcome.single == {GAD: 8}
    assert (outcome.case_at_start, outcome.case_at_end) == (True, True)
    # PHQ-9 14 at the end is a case whatever GAD-7 did: no recovery, decided (r8; it said "not decided")
    assert outcome.recovery is False and outcome.reliable_recovery is False and not outcome.undecided_reason
    undecided = course_outcome([Assessment(1, phq9=16), Assessment(8, phq9=4, gad7=5)])
    assert undecided.recovery is None and undecided.reliable_recovery is None
    assert undecided.undecided_reason == "Recovery is not decided: GAD-7 has only one score (session 8)."
    assert (undecided.case_at_start, undecided.case_at_end) == (True, False)


def test_the_mirror_gad7_alone_at_session_1_is_not_called_recovery() -> None:
    outcome = course_outcome([Assessment(1, gad7=12), Assessment(8, phq9=14, gad7=5)])
    assert outcome.measures == (GAD,) and outcome.single == {PHQ: 8}
    # before: recovery (PHQ-9 14 ignored); then "case now: no, recovery not decided" (r8): PHQ-9 14 at the last
    # session is a case now, so it is no recovery
    assert (outcome.case_at_start, outcome.case_at_end) == (True, True)
    assert outcome.recovery is False and outcome.reliable_recovery is False
    gad_only_twice = course_outcome([Assessment(1, gad7=12), Assessment(4, phq9=6), Assessment(8, gad7=5)])
    assert gad_only_twice.recovery is None  # PHQ-9 given once, in the middle: not decided
    assert "PHQ-9 has only one score (session 4)" in gad_only_twice.undecided_reason


def test_a_measure_that_started_later_is_read_from_its_own_first_score() -> None:
    series = [Assessment(1, phq9=16), Assessment(2, phq9=15, gad7=12), Assessment(8, phq9=5, gad7=10)]
    outcome = course_outcome(series)
    assert outcome.complete and outcome.spans == {PHQ: (1, 8), GAD: (2, 8)}
    assert outcome.case_at_end and outcome.recovery is False  # GAD-7 10 is a case at the end
    recovered = course_outcome([*series[:2], Assessment(8, phq9=5, gad7=4)])
    assert recovered.changes == {PHQ: Change.IMPROVEMENT, GAD: Change.IMPROVEMENT}
    assert (
        recovered.recovery is True and recovered.reliable_recovery is True and not recovered.undecided_reason
    )


def test_a_measure_left_out_at_the_end_keeps_its_own_last_score() -> None:
    outcome = course_outcome([Assessment(1, phq9=16, gad7=12), Assessment(4, gad7=9), Assessment(8, phq9=6)])
    assert outcome.spans == {PHQ: (1, 8), GAD: (1, 4)}
    assert outcome.case_at_end is True and outcome.recovery is False  # GAD-7's last score, 9, is a case


def test_no_measure_given_twice_decides_nothing() -> None:
    outcome = course_outcome([Assessment(1, phq9=16), Assessment(8, gad7=5)])
    assert outcome.measures == () and outcome.recovery is None
    assert (outcome.case_at_start, outcome.case_at_end) == (True, False)  # r8: it said "not known" for both
    assert course_outcome([Assessment(1, phq9=4), Assessment(8, gad7=12)]).recovery is False  # a case now
    middle = course_outcome([Assessment(1, phq9=16), Assessment(4, gad7=5), Assessment(8, phq9=3)])
    assert middle.recovery is None  # GAD-7 once, in the middle: not decided


def test_a_measure_never_given_leaves_recovery_undecided_as_one_given_once_does() -> None:
    """r125: PHQ-9 14 → 6 and GAD-7 never given read "recovery: yes · reliable recovery: yes", while one GAD-7 of 2
    more (more information, all of it low) read "not decided". Recovery needs both measures at the start and the
    end: with GAD-7 never given it is not decided either, and says why."""
    never = course_outcome([Assessment(1, phq9=14), Assessment(8, phq9=6)])
    once = course_outcome([Assessment(1, phq9=14), Assessment(4, gad7=2), Assessment(8, phq9=6)])
    for outcome in (never, once):
        assert outcome.recovery is None and outcome.reliable_recovery is None
        assert outcome.case_at_start is True and outcome.reliable_improvement
    assert (
        never.missing == (GAD,)
        and never.undecided_reason == "Recovery is not decided: GAD-7 was never given."
    )
    assert once.undecided_reason == "Recovery is not decided: GAD-7 has only one score (session 4)."
    # a case at the end is no recovery, whatever was never given
    assert course_outcome([Assessment(1, phq9=14), Assessment(8, phq9=12)]).recovery is False


def test_recovery_does_not_apply_to_a_client_who_was_never_a_case() -> None:
    """h149 (r125's "left for you"): PHQ-9 6 and GAD-7 5 at the start, below both cut-offs, read "recovery: no";
    NHS Talking Therapies counts recovery only for those who were a case at the start: "not applicable"."""
    lows = [Assessment(1, phq9=6, gad7=5), Assessment(8, phq9=3, gad7=2)]
    for outcome in (course_outcome(lows), paired_outcome(*lows)):
        assert outcome.case_at_start is False and outcome.recovery_not_applicable
        assert outcome.recovery is None and outcome.reliable_recovery is None
        assert (
            outcome.recovery_words
            == NOT_APPLICABLE
            == "not applicable (below the clinical cut-off at the start)"
        )
        assert outcome.reliable_recovery_words == "not applicable" and outcome.undecided_reason == ""
    # a case at the end, never one at the start: still not applicable (the deterioration says what happened)
    worse = course_outcome([Assessment(1, phq9=6, gad7=5), Assessment(8, phq9=16, gad7=5)])
    assert worse.recovery_not_applicable and worse.reliable_deterioration
    # one measure below at the start and the other not known: not decided, never "not applicable"
    unknown = course_outcome([Assessment(1, phq9=6), Assessment(8, phq9=3, gad7=2)])
    assert not unknown.recovery_not_applicable and unknown.recovery_words == "not decided"
    # a case on one measure at the start: recovery applies and is decided
    recovered = course_outcome([Assessment(1, phq9=6, gad7=9), Assessment(8, phq9=3, gad7=2)])
    assert recovered.recovery is True and recovered.recovery_words == "yes"
