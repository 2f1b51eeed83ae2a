"""Storage types of the course of therapy. Free text lives only in sealed ``payload`` columns."""

from reverie.care.models.course import Course, CourseSession, Formulation, GoodbyeLetter
from reverie.care.models.directory import DirectoryProfile
from reverie.care.models.goals import Goal, GoalEvidence, GoalRating
from reverie.care.models.measures import MeasureResponse
from reverie.care.models.notes import NoteKind, ProgressNote, TherapistNote
from reverie.care.models.notices import ErasureNotice
from reverie.care.models.safety import AlertAcknowledgement, CheckIn, OwedAlert, RiskAlert, SafetyPlanRecord

__all__ = [
    "AlertAcknowledgement",
    "CheckIn",
    "Course",
    "CourseSession",
    "DirectoryProfile",
    "ErasureNotice",
    "Formulation",
    "Goal",
    "GoalEvidence",
    "GoalRating",
    "GoodbyeLetter",
    "MeasureResponse",
    "NoteKind",
    "OwedAlert",
    "ProgressNote",
    "RiskAlert",
    "SafetyPlanRecord",
    "TherapistNote",
]
