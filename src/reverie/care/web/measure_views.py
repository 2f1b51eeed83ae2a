"""Measures: the client's due measures and form, the item view, the history chart, progress and FHIR export."""

from __future__ import annotations

import contextlib
import json
import re
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from reverie.care.policy import is_course_therapist
from reverie.care.services import alerts, measures, safety
from reverie.care.services import course as courses
from reverie.care.web.common import user_of, with_error
from reverie.clinic.models import User
from reverie.clinic.web import drafts
from reverie.clinic.web.downloads import download
from reverie.errors import InvalidInput, ReverieError
from reverie.measures.questionnaires import get_questionnaire


@login_required
@require_GET
def my_measures(request: HttpRequest) -> HttpResponse:
    """Each open course's questionnaires due before its next session, each course named by its therapist (a client
    may see two at once: r125), its links carrying the course they are for; else the last ended course."""
    user = user_of(request)
    if user.is_therapist:
        return redirect("care:courses")
    open_now = courses.open_courses(user)
    if not open_now:
        # no current course: say so, or that the last one ended, with its scores (they stay readable)
        ended = courses.latest_ended(user)
        context: dict[str, Any] = {
            "open_courses": [],
            "ended": ended,
            "ended_on": courses.ended_on(ended, user) if ended else None,
        }
        return render(request, "care/measures.html", context)
    shown = []
    for course in open_now:
        last = courses.last_held(course)
        over = courses.next_number(course) is None and last is not None  # its last session has ended
        shown.append(
            {
                "course": course,
                "due": measures.due_now(user, course.id),
                "where": courses.position(course, plan=False, viewer=user),
                "last_day": measures.session_day(last, user) if over and last is not None else None,
            }
        )
    return render(request, "care/measures.html", {"open_courses": shown})


# A form's whole number: ASCII digits, a minus sign at most, short enough that int() never refuses it ("²", "--5" and
# a 5,000-digit number each once ended in a server error instead of the form's own message).
_INTEGER = re.compile(r"-?[0-9]{1,9}")


def _integer(raw: str) -> int | None:
    return int(raw) if _INTEGER.fullmatch(raw) else None


def _answers(post: Any, count: int) -> list[int | None]:
    """Each question's answer as sent, None where it is missing or no whole number (the service refuses the form
    then, "Answer question N.", after screening the risk question: ``measures.submit``)."""
    return [_integer(str(post.get(f"item{number}", "")).strip()) for number in range(1, count + 1)]


def _session_number(post: Any) -> int | None:
    """The session chosen on the form, or ``None`` (the next one) when the form offered no choice."""
    raw = str(post.get("session", "")).strip()
    if not raw:
        return None
    number = _integer(raw)
    if number is None or number < 1:
        raise InvalidInput("Choose the session these answers are for.", field="session")
    return number


def _course_id(request: HttpRequest, post: Any) -> str | None:
    """The course a form is for, as its link (``?course=``) or its hidden field (``course``) carries it; None when
    it names none (an old bookmark: the client's only open course, refused with the list when there are several,
    ``measures.submit``)."""
    raw = str(post.get("course", "") or request.GET.get("course", "")).strip()
    return raw or None


def _fill_context(request: HttpRequest, questionnaire_id: str, values: Any) -> dict[str, Any]:
    try:
        questionnaire = get_questionnaire(questionnaire_id)
    except InvalidInput:  # an old bookmark, a mistyped address: the plain "We could not find that page"
        raise Http404 from None
    return {
        "q": questionnaire,
        "name": measures.plain_name(questionnaire),
        "values": values,
        "chosen": str(values.get("session", "")),
        "course_id": _course_id(request, values),
    }


def _with_course(context: dict[str, Any], user: User) -> dict[str, Any]:
    """The form's course, named on the page and carried in its hidden field: the one its link named (a course of
    this client, by the policy: else the plain "not found"), else their only open one; none when they have no
    course (the page offers no session) or several (the answers are refused with the list, never guessed)."""
    course = None
    if context["course_id"] is not None:
        course = courses.get_course(user, context["course_id"])
    elif user.is_client:
        found = courses.open_courses(user)
        course = found[0] if len(found) == 1 else None
    if course is not None and course.client_id == user.pk:
        context["course"] = course
        context["course_id"] = str(course.id)
    return context


def _asks_help(post: Any, questionnaire_id: str) -> bool:
    """Answers sent signed out whose risk question reads above 0: the sign-in page shows the crisis lines."""
    try:
        count = len(get_questionnaire(questionnaire_id).items)
    except InvalidInput:
        return False
    return bool(measures.risk_answer(questionnaire_id, _answers(post, count)))


def _answers_back(request: HttpRequest, user: User, post: Any, questionnaire_id: str) -> HttpResponse:
    """Answers sent after the session ended, back once their owner signed in again: the risk question screened
    now, as it is sent (``measures.follow_up``: the therapist's alert, the check-in), whatever the person does
    next; the form shown again with every answer ticked, to send by one press (nothing is stored without it)."""
    context = _fill_context(request, questionnaire_id, post)
    questionnaire = context["q"]
    answers = _answers(post, len(questionnaire.items))
    try:
        chosen = _session_number(post)
    except InvalidInput:
        chosen = None
    course_id = context["course_id"]
    measures.follow_up(user, questionnaire.id.value, answers, course_id=course_id, session_number=chosen)
    with contextlib.suppress(ReverieError):  # a course it cannot name: the send says so, answers kept
        _with_course(context, user)
    context["sessions"] = measures.open_sessions(user, questionnaire.id.value, course_id)
    context["resumed"] = drafts.SIGNED_IN_AGAIN_ANSWERS
    if measures.risk_answer(questionnaire.id.value, answers):
        context.update(
            safety.plan_and_lines(user),
            risk_answered=True,
            seen=alerts.risk_answer_seen(user),
        )
    page = render(request, "care/measure_fill.html", context)
    page["Cache-Control"] = "no-store"
    return page


def _labels(questionnaire_id: str) -> dict[str, str]:
    """The questionnaire's questions, as its form shows them (``itemN``: "N. the question"), and its session choice:
    what "Save it now" names each answer by after a sign-in (drafts)."""
    try:
        items = get_questionnaire(questionnaire_id).items
    except InvalidInput:
        items = ()
    return {f"item{i.number}": f"{i.number}. {i.text}" for i in items} | {
        "session": "Which session are these answers for?"
    }


@drafts.keeps_text(urgent=_asks_help, resume=_answers_back, labels=_labels)
@login_required
@require_http_methods(["GET", "POST"])
def measure_fill(request: HttpRequest, questionnaire_id: str) -> HttpResponse:
    user = user_of(request)
    context = _fill_context(request, questionnaire_id, request.POST)
    questionnaire = context["q"]
    course_id = context["course_id"]
    if request.method == "GET":
        if course_id is None and user.is_client and len(courses.open_courses(user)) > 1:
            return redirect("care:measures")  # two courses at once: each one's links are there, never a guess
        _with_course(context, user)
        context["sessions"] = measures.open_sessions(user, questionnaire.id.value, context["course_id"])
        if "course" in context:  # an ended course: said before anything is filled in (sent, it is refused so)
            context["error"] = measures.refused_now(user, context["course"])
            # and no questions to fill in and send only to be refused (h161: the nine were all offered)
            context["closed"] = context["error"] is not None
        return render(request, "care/measure_fill.html", context)
    answers = _answers(request.POST, len(questionnaire.items))
    try:
        try:
            chosen = _session_number(request.POST)
        except InvalidInput:  # refused before the service: its risk question is screened as sent all the same
            measures.follow_up(user, questionnaire.id.value, answers, course_id=course_id)
            raise
        done = measures.submit(
            user, questionnaire.id.value, answers, course_id=course_id, session_number=chosen
        )
    except ReverieError as exc:  # the form again, its choice of session read only when it is shown
        with contextlib.suppress(ReverieError):  # a course it cannot name: the refusal says so
            _with_course(context, user)
        context["sessions"] = measures.open_sessions(user, questionnaire.id.value, course_id)
        if measures.risk_answer(questionnaire.id.value, answers):  # screened as sent (measures.follow_up)
            context.update(
                safety.plan_and_lines(user),
                risk_answered=True,
                seen=alerts.risk_answer_seen(user),
            )
        # a missing or refused answer on its question (``itemN``), a refused session on its choice
        boxes = {f"item{n}": f"item{n}" for n in range(1, len(questionnaire.items) + 1)} | {
            "session": "session"
        }
        return with_error(request, "care/measure_fill.html", context, exc, boxes)
    result = {
        "done": done,
        "q": questionnaire,
        "name": measures.plain_name(questionnaire),
        "course": done.response.course,
        "day": measures.session_day(done.response.session, user),
    }
    if done.score.risk_item_positive:
        result.update(safety.plan_and_lines(user), seen=alerts.risk_answer_seen(user))
    return render(request, "care/measure_done.html", result)


# The readings a course's Scores page shows open, per measure and of its sets of answers: the latest ones; every
# earlier one is one tap away under "Earlier readings" (h110: a whole course's PHQ-9 and GAD-7 made the page 6,667 px
# tall on a 360-px phone, the goal is 6,000)
LATEST_SHOWN = 4


def _latest(items: list[Any]) -> tuple[list[Any], list[Any]]:
    """(the earlier ones, the latest :data:`LATEST_SHOWN`), both in their own order."""
    cut = max(0, len(items) - LATEST_SHOWN)
    return items[:cut], items[cut:]


@login_required
@require_GET
def course_measures(request: HttpRequest, course_id: str) -> HttpResponse:
    user = user_of(request)
    course = courses.get_course(user, course_id)
    therapist = is_course_therapist(user, course)
    responses = measures.responses(user, course.id)
    earlier_answers, latest_answers = _latest(list(responses))
    context: dict[str, Any] = {
        "course": course,
        "charts": [(c, *_latest(c.rows)) for c in measures.history(user, course.id)],
        "responses": responses,
        "earlier_answers": earlier_answers,
        "latest_answers": latest_answers,
        "risk_readings": [f for f in responses if f.risk],  # item 9 above 0, acknowledged or not (r129)
        "therapist_view": therapist,
    }
    if therapist:
        context["progress"] = measures.progress(user, course.id)
    return render(request, "care/course_measures.html", context)


@login_required
@require_GET
def measure_detail(request: HttpRequest, response_id: str) -> HttpResponse:
    user = user_of(request)
    view = measures.response_view(user, response_id)
    therapist = is_course_therapist(user, view.response.course)
    return render(request, "care/measure.html", {"view": view, "therapist_view": therapist})


@login_required
@require_GET
def measure_fhir(request: HttpRequest, response_id: str) -> HttpResponse:
    resource = measures.fhir_resource(user_of(request), response_id)
    name = f"questionnaire-response-{resource['id']}.json"
    return download(json.dumps(resource, indent=2), "application/fhir+json", name)
