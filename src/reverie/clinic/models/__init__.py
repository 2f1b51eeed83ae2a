"""Storage types. Free text never lives in a plain column: ``payload`` columns hold sealed vault envelopes."""

from reverie.clinic.models.accounts import Invitation, NoticedOnEntries, Pair, Role, User
from reverie.clinic.models.audit import AuditCheckpoint, AuditEvent, AuditHead
from reverie.clinic.models.feedback import FitAnswer, ObservationFeedback
from reverie.clinic.models.integrity import QuarantinedRecord
from reverie.clinic.models.journal import (
    AnalysisFailure,
    Attachment,
    ClientKey,
    DeletedForGood,
    Entry,
    EntryKind,
    EntryRevision,
    StoredAnalysis,
)
from reverie.clinic.models.risk import EntryScreen
from reverie.clinic.models.security import AccountInvitation, RecoveryCode, ThrottleCounter

__all__ = [
    "AccountInvitation",
    "AnalysisFailure",
    "Attachment",
    "AuditCheckpoint",
    "AuditEvent",
    "AuditHead",
    "ClientKey",
    "DeletedForGood",
    "Entry",
    "EntryKind",
    "EntryRevision",
    "EntryScreen",
    "FitAnswer",
    "Invitation",
    "NoticedOnEntries",
    "ObservationFeedback",
    "Pair",
    "QuarantinedRecord",
    "RecoveryCode",
    "Role",
    "StoredAnalysis",
    "ThrottleCounter",
    "User",
]
