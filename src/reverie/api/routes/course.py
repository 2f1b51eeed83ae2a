"""The course of therapy over HTTP: courses, where the pair is, outcome measures and their FHIR form.

The same care services the web pages use; a course answers only to its client and to its therapist while linked.
"""

from __future__ import annotations

import functools
import json
import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema, Status
from ninja.decorators import decorate_view
from pydantic import StrictInt, field_validator
from pydantic.json_schema import SkipJsonSchema

from reverie.api.auth import actor
from reverie.api.handlers import failed_after_answer
from reverie.api.routes.check_in import CheckInOut, check_in_out
from reverie.api.schemas import Input
from reverie.api.spec import ERRORS
from reverie.care.models import Course, MeasureResponse
from reverie.care.policy import is_course_therapist
from reverie.care.services import alerts, measures
from reverie.care.services import course as courses
from reverie.clinic.models import User
from reverie.measures.questionnaires import whole_number

router = Router(tags=["course"])


class CourseOut(Schema):
    id: uuid.UUID
    client: str
    therapist: str
    programme: str
    total_sessions: int | None
    position: str
    phase: str
    phase_purpose: str = Field(
        description="What the phase is for: clinical words for the course's therapist, plain words for the client."
    )
    ended_on: date | None = Field(
        None,
        description="The course's last day, in your own time zone (the day its therapist chose, in theirs); null while it runs.",
    )


class CourseEndIn(Input):
    # Typed without null: ``{"on": null}`` is refused (422), never read as "today" (ending cannot be undone).
    on: date | SkipJsonSchema[None] = Field(
        None,
        description="The last day; its sessions stay (left out: today; never in the future, never before the first"
        " session's day; null is refused, 422).",
    )
    acknowledge_open: bool = Field(
        False,
        description="true: you have seen what the ending leaves open for the client (risk alerts you have not "
        "acknowledged, questionnaires answered for a session the ending cancels) and end the course anyway. "
        "Without it, an ending that leaves any open is refused with 409, the error counting and dating them "
        "(open_alerts, answered_ahead); nothing is ended.",
    )

    @field_validator("on")
    @classmethod
    def _on_not_null(cls, value: date | None) -> date:
        if value is None:
            raise ValueError("cannot be null; leave it out to end the course today")
        return value


class MeasureIn(Input):
    questionnaire: Literal["phq9", "gad7"]
    # JSON integers only: true, "1" or 1.0 is a client's bug (422), never read as an answer (as a revision)
    answers: list[StrictInt]
    course_id: uuid.UUID | None = None
    session_number: StrictInt | None = None


class MeasureOut(Schema):
    id: uuid.UUID
    course_id: uuid.UUID
    questionnaire: str
    session_number: int | None = Field(
        description="Today's number of the session it was filled for (null once that session was cancelled)."
    )
    session_start: datetime = Field(
        description="When the session it was filled for is (or was) planned to start."
    )
    total: int
    band: str
    risk_item_positive: bool
    submitted_at: datetime


def _course_out(course: Course, reader: Any) -> CourseOut:
    """The course as ``reader`` sees it: the phase's purpose in clinical words only for the course's therapist."""
    where = courses.position(course, viewer=reader)
    return CourseOut(
        id=course.id,
        client=course.client.username,
        therapist=course.therapist.username,
        programme=course.programme,
        total_sessions=courses.total_of(course),
        position=where.text,
        phase=where.phase.name,
        phase_purpose=where.phase.purpose_for(therapist=is_course_therapist(reader, course)),
        ended_on=courses.ended_on(course, reader),
    )


def _measure_out(row: MeasureResponse, number: int | None) -> MeasureOut:
    return MeasureOut(
        id=row.id,
        course_id=row.course_id,
        questionnaire=row.questionnaire,
        session_number=number,
        session_start=row.session.start,
        total=row.total,
        band=row.band,
        risk_item_positive=row.risk_item_positive,
        submitted_at=row.submitted_at,
    )


@router.get("/courses", response={200: list[CourseOut], **ERRORS}, url_name="courses_list")
def courses_list(request: HttpRequest) -> list[CourseOut]:
    """Your courses: as a client, your own; as a therapist, those of clients you are linked with."""
    person = actor(request)
    return [_course_out(c, person) for c in courses.courses_for(person)]


@router.get("/courses/{course_id}", response={200: CourseOut, **ERRORS}, url_name="course_get")
def course_get(request: HttpRequest, course_id: uuid.UUID) -> CourseOut:
    """Where the pair is: "Session 7 of 16 · middle phase", and what the phase is for."""
    person = actor(request)
    return _course_out(courses.read_course(person, course_id), person)


@router.post("/courses/{course_id}/end", response={200: CourseOut, **ERRORS}, url_name="course_end")
def course_end(request: HttpRequest, course_id: uuid.UUID, payload: CourseEndIn | None = None) -> CourseOut:
    """End a course (its therapist, while linked): sessions after the last day are cancelled, none are planned
    again. Ending an ended course answers 409. An ending that leaves open risk alerts the therapist has not
    acknowledged, or questionnaires answered for a session it cancels, answers 409 (``error.open_alerts``,
    ``error.answered_ahead``: counts; the message dates each, never a word the client wrote) unless the body says
    ``"acknowledge_open": true`` (``courses.still_open``, the end page's and the CLI's one answer)."""
    person = actor(request)
    try:
        courses.end_course(
            person,
            course_id,
            payload.on if payload else None,
            seen=True if payload is not None and payload.acknowledge_open else None,
        )
    except courses.EndLeavesOpen as refused:
        raise courses.EndLeavesOpen(
            f'{refused.message} Nothing was ended: review them, or send "acknowledge_open": true to end the '
            "course anyway.",
            still=refused.still,
        ) from None
    return _course_out(courses.get_course(person, course_id, plan=False), person)


@router.get(
    "/courses/{course_id}/measures", response={200: list[MeasureOut], **ERRORS}, url_name="course_measures"
)
def course_measures(request: HttpRequest, course_id: uuid.UUID) -> list[MeasureOut]:
    """Every completed PHQ-9 and GAD-7 of the course, scored."""
    return [_measure_out(f.response, f.number) for f in measures.responses(actor(request), course_id)]


class MeasureSubmittedOut(MeasureOut):
    check_in: CheckInOut | None = Field(
        None,
        description="PHQ-9 item 9 above 0: the check-in it raised (answer it with POST /check-in), with the "
        "crisis lines and the safety plan; otherwise null.",
    )


def _screen_refused_form(request: HttpRequest) -> None:
    """PHQ-9 item 9 of a form the schema refused (``MeasureIn``: ``"16"`` for a session, ``1.0`` for an answer, a
    field too many, ``"PHQ9"``), screened as any other (docs/measures.md §1): the raw body read permissively for
    the questionnaire, the answers and the session, and handed to ``measures.follow_up``, whose
    ``risk_answer`` alone decides what question 9 says. Nothing readable (not JSON, no answers list, no
    questionnaire with a risk question): nothing to screen."""
    user = getattr(request, "auth", None)
    if not isinstance(user, User):
        return
    try:
        body = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return
    if not isinstance(body, dict) or not isinstance(body.get("answers"), list):
        return
    course_id: uuid.UUID | None = None
    if isinstance(body.get("course_id"), str):
        try:
            course_id = uuid.UUID(body["course_id"])
        except ValueError:
            course_id = None
    measures.follow_up(
        user,
        body.get("questionnaire"),
        body["answers"],
        course_id=course_id,
        session_number=whole_number(body.get("session_number"), digits=6),
    )


def _screened_when_refused(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap the operation (schema check, then the view): a form it refuses with 422 at the schema, before the view
    and ``measures.submit`` run, is still screened for item 9 (:func:`_screen_refused_form`) before the same 422
    goes back. A form the view reaches was screened there. The screen runs outside ninja's exception handling: a
    failure of it (a stored answer that no longer opens, a busy database) goes through the API's one handler
    (``handlers.failed_after_answer``: classified and logged, type and code only) and the 422 goes back as it was,
    never a 500 page."""

    @functools.wraps(run)
    def screened(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = run(request, *args, **kwargs)
        if response.status_code == 422:
            try:
                _screen_refused_form(request)
            except Exception as exc:  # runs after the API's handler: through it, the 422 and its body kept
                failed_after_answer(request, exc, "the item-9 screen of a refused form")
        return response

    return screened


@router.post("/measures", response={201: MeasureSubmittedOut, **ERRORS}, url_name="measure_submit")
@decorate_view(_screened_when_refused)
def measure_submit(request: HttpRequest, payload: MeasureIn) -> Status[MeasureSubmittedOut]:
    """A client fills a measure before a session (the next one unless ``session_number`` says which).
    PHQ-9 item 9 above 0 raises a risk alert for the therapist whatever the total, and a check-in for the client
    (``check_in``); a form refused here (422) is screened all the same."""
    user = actor(request)
    submitted = measures.submit(
        user,
        payload.questionnaire,
        payload.answers,
        course_id=payload.course_id,
        session_number=payload.session_number,
    )
    raised = alerts.check_in_raised_by(user, submitted.alert)
    shown = alerts.show_check_in(user, raised, full=True) if raised is not None else None
    check_in = check_in_out(request, user, shown.check_in) if shown is not None else None
    out = MeasureSubmittedOut(
        **_measure_out(submitted.response, measures.number_of(submitted.response)).model_dump(),
        check_in=check_in,
    )
    return Status(201, out)


@router.get("/measures/{response_id}/fhir", response={200: dict[str, Any], **ERRORS}, url_name="measure_fhir")
def measure_fhir(request: HttpRequest, response_id: uuid.UUID) -> dict[str, Any]:
    """The measure as a FHIR R4 QuestionnaireResponse with LOINC codes (validated before it is sent)."""
    return measures.fhir_resource(actor(request), response_id)
