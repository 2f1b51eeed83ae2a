"""Treatment programmes (pure core): formats and phases, session plans, calendars, goals, safety plans,
the fit self-check and the therapist directory. No web framework, no database; see docs/measures.md.
"""

from reverie.programmes.formats import (
    PROGRAMMES,
    CoursePosition,
    Phase,
    Programme,
    ProgrammeId,
    get_programme,
    required_artefacts,
    where,
)
from reverie.programmes.sessions import Attendance, Session, cancel, check_no_overlap, plan_sessions

__all__ = [
    "PROGRAMMES",
    "Attendance",
    "CoursePosition",
    "Phase",
    "Programme",
    "ProgrammeId",
    "Session",
    "cancel",
    "check_no_overlap",
    "get_programme",
    "plan_sessions",
    "required_artefacts",
    "where",
]
