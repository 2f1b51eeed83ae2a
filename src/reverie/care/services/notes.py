"""Session notes. The progress note is part of the record. Process notes and (counter)transference observations
are kept apart: therapist-only, never in the client's export, in sharing or in analysis, unless the therapist
asks for them explicitly, with a reason, as an audited action."""

from __future__ import annotations

import uuid
from collections.abc import Callable
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
from reverie.errors import IntegrityError, InvalidInput, PermissionDenied, StaleEdit
from reverie.words import words

PROGRESS_PURPOSE = "note.progress"
# /3 (review r26): a note's ``session`` is the session's number today (as a measure's; null once it was cancelled),
# no longer its internal slot, and ``session_start`` is new. /2 gave the slot. /4 (review r129): a questionnaire's
# ``risk_answer`` is its risk question (PHQ-9 item 9) with the answer given, when above 0 (``measures.risk_words``),
# else null.
RECORD_SCHEMA = "reverie.course-record/4"
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


def not_notable(
    course: Course,
    session: Any,
    now: datetime | None = None,
    *,
    viewer: object,
    documents_cancellation: bool = False,
) -> str | None:
    """Why a session may not carry notes and risk flags now (the plain message), or None where it may: the session
    page offers those forms only where :func:`check_notable` would take them (``documents_cancellation``: the
    progress note's form, which a cancelled session keeps)."""
    try:
        check_notable(
            course,
            session,
            "notes and risk flags",
            now,
            viewer=viewer,
            documents_cancellation=documents_cancellation,
        )
    except InvalidInput as exc:  # the words alone: str() carries the code ("[E100]"), for logs and the CLI
        return exc.message
    return None


def check_notable(
    course: Course,
    session: Any,
    what: str,
    now: datetime | None = None,
    *,
    viewer: object,
    documents_cancellation: bool = False,
) -> None:
    """The one rule for everything bound to a session (progress note, process and transference notes, a risk
    flag), whatever path it comes by (web, API, CLI): the session was held — it has started and was not cancelled —
    and the course had not ended by its start. The one exception is the progress note (``documents_cancellation``):
    a cancelled session, held or not, may carry one documenting the cancellation. A risk flag or a process note is
    about what happened in a session, so a session cancelled (weeks ahead or not) takes none. Otherwise
    InvalidInput, nothing stored; an ended course's day is named in the zone of ``viewer``, the person refused."""
    courses.check_open(course, viewer, session.start)  # an ended course: nothing for a session after its end
    if courses.as_session(session).cancelled:
        if documents_cancellation:
            return
        raise InvalidInput(
            "This session was cancelled, so it was never held: process notes, observations and risk flags are for "
            "sessions held. Its progress note can say why it was cancelled."
        )
    if session.start > (now or timezone.now()):
        raise InvalidInput(
            f"This session has not been held yet: the {what} can be written once the session has started."
        )


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
    check_notable(course, session, "progress note", now, viewer=therapist, documents_cancellation=True)
    body = records.clean_text(text, "progress note", field="text")
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
        check_notable(course, session, str(NoteKind(kind).label).lower(), viewer=therapist)
    body = records.clean_text(text, "note", field="text")
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
        named = "; ".join(f"“{words(risky)}”" for risky in alerts.RISKY_LEVELS)
        raise InvalidInput(f"The risk level is one of: {named}.")
    session = courses.session_by_slot(course, slot)
    check_notable(course, session, "risk flag", viewer=therapist)
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


def progress_notes(
    actor: User, course_id: object, *, damaged: Callable[[ProgressNote], None] | None = None
) -> list[NoteView]:
    """Progress notes of a course, for its client and its therapist. With ``damaged`` (the export), a note that does
    not open is handed to it and left out instead of failing the list."""
    course = courses.get_course(actor, course_id)
    rows = (
        ProgressNote.objects.filter(course=course)
        .select_related("session")
        .order_by("session__start", "session_id")
    )
    views = []
    for row in rows:
        try:
            views.append(_progress_view(course, row))
        except IntegrityError:
            if damaged is None:
                raise
            damaged(row)
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
        raise InvalidInput(
            f"Give a reason (at least {MIN_REASON} characters) to include process notes.", field="reason"
        )
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
    rows = {r.slot: r for r in courses.planned(course)}
    numbers = courses.session_numbers(course)  # as the measures below are numbered (measures.filled)

    def note_json(note: NoteView) -> dict[str, Any]:
        row = rows.get(note.session_slot) if note.session_slot is not None else None
        return {
            "kind": note.kind,
            "session": numbers.get(row.pk) if row is not None else None,
            "session_start": row.start.isoformat() if row is not None else None,
            "at": note.written_at.isoformat(),
            "text": note.text,
        }

    record: dict[str, Any] = {
        "schema": RECORD_SCHEMA,
        "programme": course.programme,
        "total_sessions": courses.total_of(course),
        "sessions": [
            {"slot": r.slot, "start": r.start.isoformat(), "attendance": r.attendance or None}
            for r in courses.planned(course)
        ],
        "progress_notes": [note_json(n) for n in progress_notes(actor, course.id)],
        "measures": [
            {
                "questionnaire": m.response.questionnaire,
                "session": m.number,
                "session_start": m.response.session.start.isoformat(),
                "total": m.response.total,
                "band": m.response.band,
                "risk_answer": m.risk or None,
            }
            for m in measures.filled(course, actor)
        ],
    }
    if include_process_notes:
        record["process_notes"] = [note_json(n) for n in therapist_notes(actor, course.id)]
    audit.record(actor, "course.export", "course", course.id, subject=course.client)
    return record


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
