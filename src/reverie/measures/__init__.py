"""Outcome measures (pure core): PHQ-9 and GAD-7 scoring, reliable change, schedules, FHIR and charts.

Nothing here imports a web framework or touches a database; see docs/measures.md.
"""

from reverie.measures.change import (
    Assessment,
    Change,
    NotOnTrackRule,
    Outcome,
    ProgressCheck,
    check_progress,
    classify_change,
    course_outcome,
    is_case,
    jacobson_truax_threshold,
    jt_reliable_change,
    paired_outcome,
    rule_for_course,
)
from reverie.measures.questionnaires import GAD7, PHQ9, QUESTIONNAIRES, Questionnaire, QuestionnaireId
from reverie.measures.schedule import MeasureSchedule, Submission, check_not_submitted, due_sessions, is_due
from reverie.measures.scoring import Score, score

__all__ = [
    "GAD7",
    "PHQ9",
    "QUESTIONNAIRES",
    "Assessment",
    "Change",
    "MeasureSchedule",
    "NotOnTrackRule",
    "Outcome",
    "ProgressCheck",
    "Questionnaire",
    "QuestionnaireId",
    "Score",
    "Submission",
    "check_not_submitted",
    "check_progress",
    "classify_change",
    "course_outcome",
    "due_sessions",
    "is_case",
    "is_due",
    "jacobson_truax_threshold",
    "jt_reliable_change",
    "paired_outcome",
    "rule_for_course",
    "score",
]
