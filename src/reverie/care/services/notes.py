"""Session notes. The progress note is part of the record. Process notes and (counter)transference observations
are kept apart: therapist-only, never in the client's export, in sharing or in analysis, unless the therapist
asks for them explicitly, with a reason, as an audited action."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from reverie.care.models import Course, NoteKind, ProgressNote, RiskAlert, TherapistNote
from reverie.care.policy import is_course_therapist
from reverie.care.services import alerts, measures, records
from reverie.care.services import course as courses
from reverie.clinic.models import User
from reverie.clinic.services import audit
from reverie.clinic.services.policy import Action
from reverie.errors import InvalidInput, PermissionDenied, StaleEdit

PROGRESS_PURPOSE = "note.progress"
MIN_REASON = 8


def purpose_of(kind: str) -> str:
    return f"note.{NoteKind(kind).value}"


@dataclass(frozen=True, slots=True)
class NoteView:
    id: uuid.UUID
    kind: str
    session_slot: int | None
    written_at: datetime
    text: str
    version: int = 1  # a progress note's: the base its edit form sends back

    @property
    def kind_label(self) -> str:
        return "Progress note" if self.kind == "progress" else str(NoteKind(self.kind).label)


def write_progress_note(
    therapist: User,
    course_id: object,
    slot: int,
    text: str,
    *,
    base_version: int | None = None,
    now: datetime | None = None,
) -> ProgressNote:
    """Write (or rewrite) the progress note of one session. ``base_version`` is the version the form was filled
    from (0: no note yet); a newer one saved meanwhile → :class:`StaleEdit`, nothing changes. Without it the note is
    rewritten whatever is stored, as before. A session that has not started yet has nothing to note (InvalidInput,
    as attendance); a cancelled one may carry a note documenting the cancellation."""
    course = courses.get_course(therapist, course_id, Action.WRITE)
    session = courses.session_by_slot(course, slot)
    courses.check_open(course, session.start)  # an ended course: no note for a session after its end
    body = records.clean_text(text, "progress note")
    if not courses.as_session(session).cancelled and session.start > (now or timezone.now()):
        raise InvalidInput("This session has not been held yet: write its progress note once it has started.")
    saved_at = timezone.now()  # when it is written; ``now`` is only the clock the session is judged by
    with transaction.atomic():
        records.hold(session)  # the note may not exist yet: two first notes wait in turn
        note = ProgressNote.objects.select_for_update().filter(session=session).first()
        stored = note.version if note else 0
        if StaleEdit.check(
            stored,
            base_version,
            "progress note",
            lambda: note is not None and _note_text(course, note) == body,
        ):
            assert note is not None  # resent: the same save sent again (a double tap), not a conflict
            return note
        if note is None:
            note = ProgressNote(
                id=uuid.uuid4(),
                course=course,
                session=session,
                author=therapist,
                created_at=saved_at,
                version=0,
            )
        note.version += 1
        note.payload = records.seal_json(course.client, note.id, PROGRESS_PURPOSE, {"text": body})
        note.updated_at = saved_at
        note.save()
        audit.record(therapist, "note.progress.write", "progress_note", note.id, subject=course.client)
        screen_session_text(course, session, body, author=therapist)
    return note


def add_therapist_note(
    therapist: User, course_id: object, kind: str, text: str, slot: int | None = None
) -> TherapistNote:
    """A process note, or a transference / countertransference observation (therapist-only)."""
    course = courses.get_course(therapist, course_id, Action.WRITE)
    if kind not in NoteKind.values:
        raise InvalidInput("The note kind is process, transference or countertransference.")
    session = courses.session_by_slot(course, slot) if slot is not None else None
    if session is not None:
        courses.check_open(course, session.start)
    body = records.clean_text(text, "note")
    with transaction.atomic():
        note = TherapistNote(id=uuid.uuid4(), course=course, session=session, kind=kind, author=therapist)
        note.payload = records.seal_json(course.client, note.id, purpose_of(kind), {"text": body})
        note.created_at = timezone.now()
        note.save()
        audit.record(therapist, f"note.{kind}.write", "therapist_note", note.id, subject=course.client)
    return note


def screen_session_text(
    course: Course, session: Any, text: str, author: User | None = None
) -> RiskAlert | None:
    """Session text is screened for risk when it is saved, like every entry: ideation or worse (or a screen that
    cannot run) raises a content-free alert through the same flow (:func:`alerts.screen_at_save`). The alert names
    its author: a therapist is never alerted about their own note (other therapists linked to the client are), and
    the client gets no check-in for words they did not write. Nothing is sent anywhere."""
    return alerts.screen_at_save(course.client, "session", str(session.id), text, author=author)


def flag_session_risk(therapist: User, course_id: object, slot: int, level: str) -> RiskAlert:
    """Record a risk noted in a session as a content-free alert (source ``session``) for the linked therapists.

    Unlike a note's own screen, an explicit flag is on the flagging therapist's list too (they asked for it)."""
    course = courses.get_course(therapist, course_id, Action.WRITE)
    if level not in alerts.RISKY_LEVELS:
        raise InvalidInput(f"The risk level is one of: {', '.join(alerts.RISKY_LEVELS)}.")
    session = courses.session_by_slot(course, slot)
    alert = alerts.signal(
        course.client, "session", level, str(session.id), written_at=timezone.now(), check_in=False
    )
    if (
        alert.raised_by_id is not None
    ):  # asked for explicitly: on every linked therapist's list, the author's too
        alert.raised_by = None
        alert.save(update_fields=["raised_by"])
    return alert


def _note_text(course: Course, note: ProgressNote) -> str:
    return str(records.open_json(course.client, note.id, PROGRESS_PURPOSE, note.payload)["text"])


def _progress_view(course: Course, note: ProgressNote) -> NoteView:
    return NoteView(
        note.id, "progress", note.session.slot, note.updated_at, _note_text(course, note), note.version
    )


def _therapist_view(course: Course, note: TherapistNote) -> NoteView:
    text = records.open_json(course.client, note.id, purpose_of(note.kind), note.payload)["text"]
    slot = note.session.slot if note.session else None
    return NoteView(note.id, note.kind, slot, note.created_at, str(text))


def progress_notes(actor: User, course_id: object) -> list[NoteView]:
    """Progress notes of a course, for its client and its therapist."""
    course = courses.get_course(actor, course_id)
    rows = ProgressNote.objects.filter(course=course).select_related("session").order_by("session__start")
    views = [_progress_view(course, n) for n in rows]
    audit.record(actor, "note.progress.list", "course", course.id, subject=course.client)
    return views


def therapist_notes(therapist: User, course_id: object) -> list[NoteView]:
    """Process and (counter)transference notes: the course's therapist only; anyone else gets NotFound."""
    course = courses.get_course(therapist, course_id, Action.WRITE)
    rows = TherapistNote.objects.filter(course=course).select_related("session")
    views = [_therapist_view(course, n) for n in rows]
    audit.record(therapist, "note.process.list", "course", course.id, subject=course.client)
    return views


def _explicit_process_request(actor: User, course: Course, reason: str, purpose: str) -> None:
    if not is_course_therapist(actor, course):
        raise PermissionDenied("Only the therapist can include process notes.")
    if not isinstance(reason, str) or len(reason.strip()) < MIN_REASON:
        raise InvalidInput(f"Give a reason (at least {MIN_REASON} characters) to include process notes.")
    audit.record(actor, f"process_notes.include.{purpose}", "course", course.id, subject=course.client)


def course_record(
    actor: User, course_id: object, *, include_process_notes: bool = False, reason: str = ""
) -> dict[str, Any]:
    """The course record as JSON-ready data (the client's export and the therapist's record).

    Process and (counter)transference notes are left out unless the course's therapist asks for them with a
    reason; that request is audited (``process_notes.include.export``).
    """
    course = courses.read_course(actor, course_id)
    if include_process_notes:
        _explicit_process_request(actor, course, reason, "export")
    record: dict[str, Any] = {
        "schema": "reverie.course-record/2",
        "programme": course.programme,
        "total_sessions": course.total_sessions,
        "sessions": [
            {"slot": r.slot, "start": r.start.isoformat(), "attendance": r.attendance or None}
            for r in courses.planned(course)
        ],
        "progress_notes": [_note_json(n) for n in progress_notes(actor, course.id)],
        "measures": [
            {
                "questionnaire": m.response.questionnaire,
                "session": m.number,
                "session_start": m.response.session.start.isoformat(),
                "total": m.response.total,
                "band": m.response.band,
            }
            for m in measures.filled(course)
        ],
    }
    if include_process_notes:
        record["process_notes"] = [_note_json(n) for n in therapist_notes(actor, course.id)]
    audit.record(actor, "course.export", "course", course.id, subject=course.client)
    return record


def _note_json(note: NoteView) -> dict[str, Any]:
    return {
        "kind": note.kind,
        "session": note.session_slot,
        "at": note.written_at.isoformat(),
        "text": note.text,
    }


def texts_for_analysis(
    therapist: User, course_id: object, *, include_process_notes: bool = False, reason: str = ""
) -> list[str]:
    """What an analysis of the course may read: progress notes only, unless process notes are asked for."""
    course = courses.get_course(therapist, course_id, Action.WRITE)
    texts = [n.text for n in progress_notes(therapist, course.id)]
    if include_process_notes:
        _explicit_process_request(therapist, course, reason, "analysis")
        texts += [n.text for n in therapist_notes(therapist, course.id)]
    return texts
