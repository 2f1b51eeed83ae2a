"""The client's course of therapy in their journal export (``reverie.export/10``'s ``record``).

What the client may read, and only that, read through :class:`ClientCourse` (the one answer their pages use too): sessions (with notes to them), goals and ratings, questionnaire totals,
progress notes, the safety plan and their own answers to the "Are you safe?" check-ins (version 3), each with the
question it asked (version 5). Each progress note names the session it belongs to (version 6: its
``session_start``, its ``session`` number while that session is held, and the course's treatment ``format``). Each
questionnaire names its session by ``session_start`` (version 4: the session's ``start``, cancelled or not) and,
while that session is held, by its ``session`` number. Version 7 adds what the client reads on their course
pages and the file had left out: each goal's ``description`` (their own words), the goodbye ``letter`` once
given, and the ``formulation`` versions shared with them. Version 8 adds each questionnaire's ``answers``: what
the client answered, item by item (the option values in item order), so erasing the account no longer loses them;
a questionnaire whose answers do not open is left out and named, like any damaged part. Version 10 writes the
safety plan whole (:func:`plan_record`): its ``crisis_country`` (null when none was chosen) and the trusted
contacts and professionals as two sections (before, one "People I can call", read back as trusted contacts alone).
Process notes never leave. Registered into the export by ``install``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from reverie.care.models import CheckIn, SafetyPlanRecord
from reverie.care.services import course as courses
from reverie.care.services import formulation, notes, safety, week
from reverie.care.services.client_course import ClientCourse
from reverie.clinic.models import User
from reverie.errors import IntegrityError
from reverie.programmes import formats

if TYPE_CHECKING:  # portability is imported when an export runs, not when Django starts (``install``)
    from reverie.clinic.services.portability import LeftOut

log = logging.getLogger(__name__)

LeaveOut = Callable[["LeftOut"], None]

SECTIONS = (
    ("warning_signs", "Warning signs"),
    ("coping_steps", "Things I can do on my own"),
    ("reasons_for_living", "Reasons for living"),
    ("people_and_places", "People and places that help"),
)
# Version 10: each list of contacts its own section, each item "name: phone" (programmes.safety.SECTION_TITLES).
CONTACT_TITLES = (
    ("trusted_contacts", "People I can ask for help"),
    ("professionals", "Professionals I can contact"),
)


def plan_record(plan: Any) -> dict[str, Any]:
    """The safety plan as the export writes it (version 10): its sections in order, each contact "name: phone" in
    its own list, and the country of its crisis lines (null when none was chosen), so an import gives it back
    whole."""
    sections = [
        {"title": title, "items": list(getattr(plan, key))} for key, title in SECTIONS if getattr(plan, key)
    ]
    sections += [
        {"title": title, "items": [f"{c.name}: {c.phone}" for c in getattr(plan, key)]}
        for key, title in CONTACT_TITLES
        if getattr(plan, key)
    ]
    return {"sections": sections, "crisis_country": plan.crisis_country}


def _damaged(leave_out: LeaveOut, when: datetime, what: str) -> None:
    """Name a part of the record that does not open (by what it is and a date; it has no title to give) and leave
    it out: like an entry, it never blocks the export (r18). The log names the kind only."""
    from reverie.clinic.services.portability import ALTERED, LeftOut

    log.warning("export left out one record part: %s", what)
    leave_out(LeftOut(when, what, "", ALTERED, is_entry=False))


def _course(client: User, course: Any, leave_out: LeaveOut) -> dict[str, Any]:
    readable = ClientCourse(client, course, damaged=lambda when, what: _damaged(leave_out, when, what))
    held = {row.pk: n for n, row in enumerate(courses.held_sessions(course), start=1)}
    rows = courses.planned(course)
    by_slot = {row.slot: row for row in rows}
    starts = {row.pk: row.start.isoformat() for row in rows}
    sessions = []
    for row in rows:
        item: dict[str, Any] = {"start": starts[row.pk]}
        if row.pk in held:
            item["number"] = held[row.pk]
        if row.attendance:
            item["attendance"] = row.attendance
        if courses.as_session(row).cancelled:
            item["cancelled"] = True
        try:
            note = week.note_of(row)
        except IntegrityError:
            note = ""
            _damaged(leave_out, row.start, "Note to you")
        if note:
            item["note_to_client"] = note
        sessions.append(item)
    out: dict[str, Any] = {
        "programme": course.programme,
        "programme_name": formats.get_programme(course.programme).name,
        "therapist": course.therapist.username,
        "time_zone": course.timezone,
        "started_at": course.first_start.isoformat(),
        "sessions": sessions,
        "goals": [
            {
                "title": g.title,
                **({"description": g.description} if g.description else {}),
                "status": "agreed" if g.agreed else "proposed",
                "ratings": [{"on": day.isoformat(), "value": value} for day, value in g.ratings],
            }
            for g in readable.goals
        ],
        "measures": [
            {
                "questionnaire": m.questionnaire,
                "submitted_at": m.submitted_at.isoformat(),
                "total": m.total,
                "band": m.band,
                **({"answers": a.answers} if a.answers is not None else {}),
                **({"session": held[m.session_id]} if m.session_id in held else {}),
                **({"session_start": starts[m.session_id]} if m.session_id in starts else {}),
            }
            for a in readable.measures
            for m in (a.response,)
        ],
        "notes": [_note(n, by_slot, held, course.programme) for n in readable.notes],
    }
    if readable.letter is not None:
        out["letter"] = {"given_at": readable.letter.given_at.isoformat(), "text": readable.letter.text}
    if readable.formulation:
        out["formulation"] = [
            {
                "version": v.version,
                "saved_at": v.created_at.isoformat(),
                "fields": [
                    {"label": formulation.client_label(label), "text": text} for label, text in v.rows
                ],
            }
            for v in readable.formulation
        ]
    if course.ended_at:
        out["ended_at"] = course.ended_at.isoformat()
    return out


def _note(
    note: notes.NoteView, by_slot: dict[int, Any], held: dict[Any, int], programme: str
) -> dict[str, Any]:
    """One progress note with the session it belongs to (version 6), so that the record reads as a course: the
    session's start (as in ``sessions``), its number while it is held (a note documenting a cancelled session has
    none) and the treatment format of its course."""
    item: dict[str, Any] = {"written_at": note.written_at.isoformat(), "text": note.text}
    row = by_slot.get(note.session_slot) if note.session_slot is not None else None
    if row is not None:
        item["session_start"] = row.start.isoformat()
        if row.pk in held:
            item["session"] = held[row.pk]
    item["format"] = programme
    return item


def record_for(client: User, leave_out: LeaveOut | None = None) -> dict[str, Any]:
    """The client's own record; empty for someone with no course, no safety plan and no check-in. A part that does
    not open (the safety plan, a progress note, a goal, a note to the client) is left out and handed to
    ``leave_out``; without it, it fails as any damaged record read alone does."""
    record: dict[str, Any] = {}
    mine = [c for c in courses.courses_for(client) if c.client_id == client.pk]
    if mine:
        record["courses"] = [_course(client, c, leave_out or _refuse) for c in mine]
    try:
        plan = safety.get_plan(client)
    except IntegrityError:
        if leave_out is None:
            raise
        saved = SafetyPlanRecord.objects.filter(client=client).values_list("updated_at", flat=True).first()
        _damaged(leave_out, saved or client.date_joined, "Safety plan")
        plan = None
    if plan is not None:
        record["safety_plan"] = plan_record(plan)
    check_ins = [
        _check_in(row)
        for row in CheckIn.objects.filter(client=client).select_related("alert").order_by("created_at", "id")
    ]
    if check_ins:
        record["check_ins"] = check_ins
    return record


def _refuse(item: LeftOut) -> None:
    raise IntegrityError(f"A record does not open: {item.kind}.")


def _check_in(row: CheckIn) -> dict[str, Any]:
    """One "Are you safe?" check-in: when it was asked, the question it asked (version 5) and the answer once given
    (``ANSWER_LABELS`` keys)."""
    item: dict[str, Any] = {"asked_at": row.created_at.isoformat(), "question": row.question}
    if row.answered_at:
        item["answered_at"] = row.answered_at.isoformat()
    if row.answer:
        item["answer"] = row.answer
    return item


def install() -> None:
    from reverie.clinic.services import portability_hooks

    if record_for not in portability_hooks.export_record_hooks:
        portability_hooks.export_record_hooks.append(record_for)
