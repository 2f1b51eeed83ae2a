"""Courses: the list, setting one up, the course page, sessions and notes, the calendar, the record export."""

from __future__ import annotations

import json
from datetime import datetime, time
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from reverie.care.models import NoteKind
from reverie.care.policy import is_course_therapist, linked_clients
from reverie.care.services import alerts, formulation, notes, records, sessions, week
from reverie.care.services import course as courses
from reverie.care.services.client_course import ClientCourse
from reverie.care.services.course import CourseDraft
from reverie.care.web.common import int_field, posted_base, user_of, with_error
from reverie.clinic.services import local_time
from reverie.clinic.services.policy import Action
from reverie.clinic.web.downloads import download
from reverie.clinic.web.drafts import keeps_text
from reverie.clinic.web.therapist_pages import therapist_page
from reverie.errors import InvalidInput, ReverieError, StaleEdit, about
from reverie.measures.schedule import MeasureSchedule
from reverie.programmes.formats import PROGRAMMES, required_artefacts
from reverie.programmes.sessions import WEEKDAY_NAMES
from reverie.words import words


@login_required
@require_GET
def course_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    # each course with its ending day in the viewer's own zone, as its own page gives it
    context: dict[str, Any] = {"courses": [(c, courses.ended_on(c, user)) for c in courses.courses_for(user)]}
    if user.is_therapist:
        context["clients"] = list(linked_clients(user))
    return render(request, "care/courses.html", context)


def _new_context(request: HttpRequest) -> dict[str, Any]:
    return {
        "programmes": PROGRAMMES,
        "schedules": [s.value for s in MeasureSchedule],
        "clients": list(linked_clients(user_of(request))),
        "weekday_rows": [
            (
                day,
                name,
                str(day) in request.POST.getlist("weekdays"),
                request.POST.get(f"time_{day}", ""),
                f"time_{day}",
            )
            for day, name in enumerate(WEEKDAY_NAMES)
        ],
        "values": request.POST
        if request.method == "POST"
        else {
            "timezone": local_time.zone_name(user_of(request)),
            "weekly": "1",
            "client": request.GET.get(
                "client", ""
            ),  # chosen from the caseload's linked client; only preselects
        },
    }


def _weekdays(post: Any) -> tuple[int, ...] | None:
    """The ticked weekdays (0 = Monday), or None: once a week on the first session's day, twice that day and
    three days later."""
    raw = post.getlist("weekdays") if hasattr(post, "getlist") else []
    with about("weekdays"):
        days = tuple(sorted({int_field(value, "weekday") for value in raw}))
    return days or None


def _day_times(post: Any) -> tuple[tuple[int, time], ...]:
    """A ticked weekday's own time ("time_3" = Thursday), when it differs from the first session's."""
    out = []
    for day in range(7):
        raw = str(post.get(f"time_{day}", "") or "").strip()
        if raw and str(day) in (post.getlist("weekdays") if hasattr(post, "getlist") else []):
            try:
                out.append((day, time.fromisoformat(raw)))
            except ValueError:
                raise InvalidInput(
                    f"The time for {WEEKDAY_NAMES[day]} must look like 18:30.", field=f"time_{day}"
                ) from None
    return tuple(out)


def _draft(post: Any) -> CourseDraft:
    try:
        start = datetime.fromisoformat(str(post.get("start", "")))
    except ValueError:
        raise InvalidInput("Give the first session's date and time.", field="start") from None
    total = str(post.get("total_sessions", "")).strip()
    with about("weekly"):
        weekly = int_field(post.get("weekly", "1"), "number of sessions a week")
    with about("total_sessions"):
        total_sessions = int_field(total, "number of sessions") if total else None
    return CourseDraft(
        client=str(post.get("client", "")),
        programme=str(post.get("programme", "")),
        start=start,
        timezone=str(post.get("timezone", "") or "UTC"),
        weekly=weekly,
        weekdays=_weekdays(post),
        day_times=_day_times(post),
        total_sessions=total_sessions,
        measure_schedule=str(post.get("measure_schedule", "every_session")),
        rrule=str(post.get("rrule", "")).strip() or None,
    )


# the set-up form's inputs that a refusal may name, each with its box (a radio group or the ticked days: the
# fieldset's legend)
_NEW_BOXES = {
    **{name: name for name in ("client", "programme", "total_sessions", "start", "timezone", "rrule")},
    **{name: name for name in ("measure_schedule", "weekly", "weekdays")},
    **{f"time_{day}": f"time_{day}" for day in range(7)},
}


# The set-up form's boxes, in the words its page shows ("Save it now" after a sign-in, drafts); a day's own time
# (``time_N``) by its day's name
COURSE_NEW_LABELS = {
    "client": "Client",
    "programme": "Programme",
    "total_sessions": "Number of sessions",
    "start": "First session",
    "timezone": "Time zone",
    "weekly": "Sessions a week",
    "weekdays": "On which days",
    **{f"time_{day}": f"Time on {name}" for day, name in enumerate(WEEKDAY_NAMES)},
    "rrule": "Or a recurrence rule",
    "measure_schedule": "PHQ-9 and GAD-7 before",
}
SESSION_LABELS = {"attendance": "Attendance", "text": "Your note", "level": "Level"}
RECORD_LABELS = {"include_process_notes": "Include process notes", "reason": "Reason"}
# The one-time news that a progress note or a process note was just saved (r133: the page came back with the text
# in its box and nothing else, a save not told from a reload). As for an entry (clinic.web.views.SAVED_COOKIE):
# the save's redirect carries which note in a cookie sent only to that session's page, which reads it once and
# removes it; the page then says "Saved at 16:53." beside that note, the time the note itself was stored.
NOTE_SAVED_COOKIE = "reverie_note_saved"
NOTE_SAVED_SECONDS = 120
SAVED_NOTES = ("progress", "note")


@keeps_text(labels=COURSE_NEW_LABELS)
@login_required
@require_http_methods(["GET", "POST"])
@therapist_page
def course_new(request: HttpRequest) -> HttpResponse:
    context = _new_context(request)
    if request.method == "GET":
        return render(request, "care/course_new.html", context)
    try:
        draft = _draft(request.POST)
        existing = courses.already_set_up(user_of(request), draft)
        if existing is not None:  # sent twice (Back, a double press): nothing new, the one set up named
            return render(request, "care/course_new.html", {**context, "existing": existing}, status=409)
        # a first session weeks back, a time at night: asked once more after every other check, the values kept;
        # "Yes" sends back what it was asked about, so a value changed since is asked about again
        asked = _asked_about(draft)
        course = courses.create_course(
            user_of(request), draft, confirmed=request.POST.get("confirmed") == asked
        )
    except courses.AskFirst as ask:
        return render(request, "care/course_new.html", {**context, "asks": ask.asks, "asked": asked})
    except ReverieError as exc:  # every field comes back as it was typed; a refused one says so on its box
        return with_error(request, "care/course_new.html", context, exc, _NEW_BOXES)
    return redirect("care:course", course_id=course.id)


def _asked_about(draft: CourseDraft) -> str:
    """The values a set-up's second press confirms: the first session, its zone and each day's own time."""
    times = ",".join(f"{day}@{at:%H:%M}" for day, at in draft.day_times)
    return f"{draft.start:%Y-%m-%dT%H:%M} {draft.timezone} {times}".strip()


@login_required
@require_GET
def course_detail(request: HttpRequest, course_id: str) -> HttpResponse:
    user = user_of(request)
    course = courses.read_course(user, course_id)
    where = courses.position(course, viewer=user)
    artefacts = required_artefacts(course.programme)
    held = {row.pk: n for n, row in enumerate(courses.held_sessions(course), start=1)}
    # the viewer's own zone, the one the page names ("Times in …") and the one a template's date shows an aware time
    # in: the rows and the hint on days many take off are judged in it alike (h199: the hint was judged in the
    # course's zone while the rows showed the viewer's)
    zone = local_time.zone_of(user)
    rows = [
        (held.get(r.pk), r, r.start.astimezone(zone), week.note_of(r), sessions.has_started(r))
        for r in courses.planned(course)
    ]
    therapist = is_course_therapist(user, course)
    days_off = courses.days_many_take_off(
        [local for _, r, local, _, started in rows if not r.attendance and not started]
    )
    if therapist:
        letter = courses.read_letter(user, course.id)
    else:  # the client reads the course as their export holds it: one answer (ClientCourse)
        given = ClientCourse(user, course).letter
        letter = given.text if given is not None else None
    context = {
        "course": course,
        "where": where,
        "artefacts": [(phase, a) for phase, items in artefacts.items() for a in items],
        "rows": rows,
        "days_off": ""
        if courses.ended_on(course, user)
        else days_off,  # a hint, never a block (review r133 11d)
        "therapist": therapist,
        "purpose": where.phase.purpose_for(therapist=therapist),
        "letter": letter,
        "zone_name": local_time.zone_name(user),
        "ended_on": courses.ended_on(course, user),
        # the version "We agreed the IPAF today" agrees (its form sends it back: a newer one saved since is refused)
        "formulation_version": formulation.latest_version(course) if therapist else None,
    }
    return render(request, "care/course.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@therapist_page
def course_end(request: HttpRequest, course_id: str) -> HttpResponse:
    """Ending a course asks first, with the ending day (today unless another is chosen)."""
    user = user_of(request)
    course = courses.get_course(user, course_id, Action.WRITE, plan=False)
    # one zone for the day box, its limits and its words: the therapist's own, the zone end_course reads the day in
    zone = local_time.zone_of(user)
    today = local_time.day_in(timezone.now(), zone)
    first = courses.first_session_start(course).astimezone(zone)
    context: dict[str, Any] = {
        "course": course,
        "today": today,
        "first": first,
        "earliest": min(first.date(), today),
        "zone_name": local_time.zone_name(user),
        "values": request.POST or {"on": today.isoformat()},
        "ended_on": courses.ended_on(course, user),
    }
    if context["ended_on"] is None:
        context["open"] = _still_open(user, course, request.POST.get("on"))
    if context["ended_on"] is None and request.method == "POST" and request.POST.get("confirm") == "yes":
        try:  # the service refuses an ending that leaves open what this page had not shown (r129, h168)
            courses.end_course(
                user, course.id, courses.ending_day(request.POST.get("on")), seen=request.POST.get("seen", "")
            )
        except courses.EndLeavesOpen as refused:
            context["open"] = refused.still
            exc = InvalidInput(
                "Something is still open that this page had not shown: read it below, then end the course."
            )
            return with_error(request, "care/course_end.html", context, exc, {})
        except ReverieError as exc:
            return with_error(request, "care/course_end.html", context, exc, {"on": "on"})
        return redirect("care:course", course_id=course.id)
    return render(request, "care/course_end.html", context)


def _still_open(user: Any, course: Any, on: object) -> courses.StillOpen:
    """What ending on the typed day (today when empty or not a date) leaves open, for the end page to name."""
    try:
        return courses.still_open(user, course, courses.ending_day(on))
    except ReverieError:  # the day box's own error is given on confirming
        return courses.still_open(user, course)


@login_required
@require_GET
def course_calendar(request: HttpRequest, course_id: str) -> HttpResponse:
    data = sessions.course_ics(user_of(request), course_id)
    return download(data, "text/calendar; charset=utf-8", "reverie-course.ics")


@keeps_text(labels=SESSION_LABELS)
@login_required
@require_http_methods(["GET", "POST"])
def session_detail(request: HttpRequest, course_id: str, slot: int) -> HttpResponse:
    """The therapist's page for one session: attendance, the progress note, process and transference notes.

    The course's client gets a plain page saying so, with a link back to their course. A refused change comes
    back on the same page, with what was typed kept and the error on top."""
    user = user_of(request)
    course = courses.get_course(user, course_id)
    if not is_course_therapist(user, course):
        return render(request, "care/for_therapist.html", {"course": course}, status=403)
    course = courses.get_course(user, course_id, Action.WRITE)
    if request.method == "POST":
        try:
            _session_post(request, course.id, slot)
        except StaleEdit as exc:  # the typed note stays in the form; the one saved now is shown above it
            context = {
                **_session_context(request, course, slot),
                "progress_base": exc.current,
                "conflict": True,
            }
            return with_error(request, "care/session.html", context, exc)
        except ReverieError as exc:  # a note's refusal on its box: the progress note's or the process note's
            box = {"progress": "progress", "note": "note"}.get(str(request.POST.get("action", "")))
            boxes = {"text": box} if box else None
            return with_error(
                request, "care/session.html", _session_context(request, course, slot), exc, boxes
            )
        answer: HttpResponse = redirect("care:session", course_id=course.id, slot=slot)
        saved = str(request.POST.get("action", ""))
        if saved in SAVED_NOTES:
            answer.set_cookie(
                NOTE_SAVED_COOKIE,
                saved,
                max_age=NOTE_SAVED_SECONDS,
                path=request.path,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return answer
    context = _session_context(request, course, slot)
    saved = request.COOKIES.get(NOTE_SAVED_COOKIE, "")
    if saved == "progress" and context["progress"] is not None:
        context["saved_progress_at"] = context["progress"].written_at
    elif saved == "note" and context["private"]:
        context["saved_note_at"] = max(n.written_at for n in context["private"])
    answer = render(request, "care/session.html", context)
    if NOTE_SAVED_COOKIE in request.COOKIES:
        answer.delete_cookie(NOTE_SAVED_COOKIE, path=request.path, samesite="Lax")
    return answer


def _session_context(request: HttpRequest, course: Any, slot: int) -> dict[str, Any]:
    user = user_of(request)
    row = courses.session_by_slot(course, slot)
    progress = [n for n in notes.progress_notes(user, course.id) if n.session_slot == slot]
    private = [n for n in notes.therapist_notes(user, course.id) if n.session_slot == slot]
    posted = request.POST if request.method == "POST" else {}
    return {
        "course": course,
        "row": row,
        "number": courses.session_number(course, row),
        "start": row.start,
        "started": sessions.has_started(row),
        "cancelled": courses.as_session(row).cancelled,
        # the note and flag forms only where the service would take them; otherwise its plain reason (the
        # progress note's form stays on a cancelled session, to document the cancellation; the others need it held)
        "not_notable": notes.not_notable(course, row, viewer=user, documents_cancellation=True),
        "not_held": notes.not_notable(course, row, viewer=user),
        "progress": progress[0] if progress else None,
        # the version the progress form was filled from: the posted one while its text is shown again
        "progress_base": posted.get("base_version", "")
        if posted.get("action") == "progress"
        else (progress[0].version if progress else 0),
        "private": private,
        "kinds": NoteKind.choices,
        "zone_name": local_time.zone_name(user),
        "action": posted.get("action", ""),
        "values": posted,
        "text_limit": records.MAX_TEXT,
        # the levels a session may flag, in the alert list's words (reverie.words, the one table)
        "risk_levels": [(level, words(level)) for level in alerts.RISKY_LEVELS],
    }


def _session_post(request: HttpRequest, course_id: object, slot: int) -> None:
    user, post = user_of(request), request.POST
    action = post.get("action")
    if action == "attendance":
        sessions.record_attendance(user, course_id, slot, str(post.get("attendance", "")))
    elif action == "progress":
        notes.write_progress_note(
            user, course_id, slot, str(post.get("text", "")), base_version=posted_base(post)
        )
    elif action == "note":
        notes.add_therapist_note(user, course_id, str(post.get("kind", "")), str(post.get("text", "")), slot)
    elif action == "risk":
        notes.flag_session_risk(user, course_id, slot, str(post.get("level", "")))
    else:
        raise InvalidInput("Unknown action.")


@keeps_text(labels=RECORD_LABELS)
@login_required
@require_http_methods(["GET", "POST"])
def course_record(request: HttpRequest, course_id: str) -> HttpResponse:
    """Download the course record; process notes only when the therapist asks, with a reason (audited)."""
    user = user_of(request)
    course = courses.get_course(user, course_id)
    context = {
        "course": course,
        "therapist": is_course_therapist(user, course),
        # what the client may read, on the page: dated by its session (number and day), written secondary
        "progress": _dated_by_session(course, notes.progress_notes(user, course.id)),
        "min_reason": notes.MIN_REASON,
        "values": request.POST,
    }
    if request.method == "GET":
        return render(request, "care/record.html", context)
    include = request.POST.get("include_process_notes") == "1"
    try:
        record = notes.course_record(
            user, course.id, include_process_notes=include, reason=request.POST.get("reason", "")
        )
    except InvalidInput as exc:  # the same form again, the refusal beside the reason, all ticked kept (r129)
        return with_error(request, "care/record.html", context, exc, {"reason": "reason"})
    body = json.dumps(record, ensure_ascii=False, indent=2)
    return download(body, "application/json", "reverie-course-record.json")


def _dated_by_session(course: Any, found: list[Any]) -> list[tuple[Any, int | None, datetime | None]]:
    """Each progress note with its session's number (cancelled sessions are not counted) and start."""
    rows = {r.slot: r for r in courses.planned(course)}
    held = courses.session_numbers(course)
    out: list[tuple[Any, int | None, datetime | None]] = []
    for note in found:
        row = rows.get(note.session_slot)
        out.append((note, held.get(row.pk) if row else None, row.start if row is not None else None))
    return out
