"""The therapist's week across clients; moving and cancelling a session with a confirmation and a note."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from reverie.care.services import course as courses
from reverie.care.services import sessions, week
from reverie.care.web.common import user_of, with_error
from reverie.clinic.services import local_time
from reverie.clinic.services.policy import Action
from reverie.clinic.web.drafts import keeps_text
from reverie.clinic.web.therapist_pages import therapist_page
from reverie.errors import Conflict, InvalidInput, ReverieError


@login_required
@require_GET
@therapist_page
def week_page(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    try:
        day = date.fromisoformat(request.GET.get("week", "")) if request.GET.get("week") else None
    except ValueError:
        day = None
    monday, days = week.week_of(user, day)
    context = {
        "monday": monday,
        "days": days,
        "previous": (monday - timedelta(days=7)).isoformat(),
        "next": (monday + timedelta(days=7)).isoformat(),
        "zone": local_time.zone_name(user),
        "count": sum(len(d.slots) for d in days),
    }
    return render(request, "care/week.html", context)


def _local(raw: str, user: object) -> datetime:
    try:
        moment = datetime.fromisoformat(raw.strip())
    except ValueError:
        raise InvalidInput("Give the new date and time.", field="start") from None
    return moment.replace(tzinfo=local_time.zone_of(user)) if moment.tzinfo is None else moment


# The move and cancel forms' boxes, in the words their pages show ("Save it now" after a sign-in, drafts)
MOVE_LABELS = {"start": "New date and time", "note": "A note to the client (optional)"}
CANCEL_LABELS = {"note": "Your note (optional)"}


@keeps_text(labels=MOVE_LABELS)
@login_required
@require_http_methods(["GET", "POST"])
def session_move(request: HttpRequest, course_id: str, slot: int) -> HttpResponse:
    user = user_of(request)
    course, row = week.session_for_change(user, course_id, slot, Action.WRITE)
    context: dict[str, Any] = {
        "course": course,
        "row": row,
        "values": request.POST or {},
        "zone": local_time.zone_name(user),
        "note_limit": week.MAX_NOTE_CHARS,
        "note_limit_words": f"{week.MAX_NOTE_CHARS:,}",
    }
    if row.attendance or sessions.has_started(row):  # held, cancelled or under way: no form to move it
        refused = Conflict(
            "This session was already held or cancelled; it cannot be moved."
            if row.attendance
            else "This session has started or is over: record its attendance instead of moving it."
        )
        return with_error(request, "care/session_move.html", {**context, "blocked": True}, refused)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        # a time at night is asked about once more, after every other check (r133: a session moved to 03:00 went
        # through silently); "Yes" sends back the time it was asked about
        typed = str(request.POST.get("start", "")).strip()
        try:
            new_start = _local(request.POST.get("start", ""), user)
            week.move_session(
                user,
                course.id,
                slot,
                new_start,
                request.POST.get("note", ""),
                night_ok=request.POST.get("night") == typed,
            )
        except week.AskFirst as ask:
            return render(request, "care/session_move.html", {**context, "ask": str(ask), "asked": typed})
        except ReverieError as exc:
            return with_error(
                request, "care/session_move.html", context, exc, {"start": "start", "note": "note"}
            )
        return redirect("care:course", course_id=course.id)
    return render(request, "care/session_move.html", context)


@keeps_text(labels=CANCEL_LABELS)
@login_required
@require_http_methods(["GET", "POST"])
def session_cancel_confirm(request: HttpRequest, course_id: str, slot: int) -> HttpResponse:
    """Cancelling asks first, and takes a note for the other side."""
    user = user_of(request)
    course, row = week.session_for_change(user, course_id, slot, Action.DELETE)
    context: dict[str, Any] = {
        "course": course,
        "row": row,
        "values": request.POST or {},
        "note_limit": week.MAX_NOTE_CHARS,
        "make_up": course.ended_at is None and not courses.plans_ahead(course),
        "linked": courses.linked(course),
    }
    try:
        sessions.check_cancellable(user, course, row)
    except ReverieError as exc:  # started, over, already cancelled: say so, offer no form
        return with_error(request, "care/session_cancel.html", {**context, "blocked": True}, exc)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            result = week.cancel_with_note(user, course.id, slot, request.POST.get("note", ""))
        except ReverieError as exc:
            return with_error(request, "care/session_cancel.html", context, exc, {"note": "note"})
        return render(request, "care/cancelled.html", {"course": course, "result": result})
    return render(request, "care/session_cancel.html", context)
