"""The check-in over HTTP: what a client using the API sees after saving a risky text, and how they answer it.

The same service as the web's banner and ``/check-in/`` page (``care.services.alerts``): reading the pending
check-in, and answering it with one of the same three choices, which reaches the therapist's alert with its urgency.
Only the client themselves may read or answer their check-in (the one policy: someone else's answers like a missing
one). Every answer is audited, content-free. The crisis lines and the safety plan's contacts carry ``tel:``/``sms:``
links, so an app can dial them.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Router, Schema

from reverie.api.auth import actor
from reverie.api.schemas import CountryLinesOut, CrisisLine, Input, LinkOut
from reverie.api.spec import ERRORS
from reverie.care.models import CheckIn
from reverie.care.services import alerts, safety
from reverie.clinic.models import User
from reverie.clinic.services.safety import Line

router = Router(tags=["safety"])

Answer = Literal["safe", "need_help", "misunderstood"]


class PlanItemOut(Schema):
    text: str
    links: list[LinkOut] = Field(description="For a contact: tel: and sms: links to call or text them.")


class PlanSectionOut(Schema):
    title: str
    items: list[PlanItemOut]


class ChoiceOut(Schema):
    answer: Answer
    label: str


class CheckInOut(Schema):
    """A check-in: "Are you safe?", with the three answers, the client's safety plan and the crisis lines."""

    id: uuid.UUID
    created_at: datetime
    answered_at: datetime | None
    answer: Answer | None
    question: str
    choices: list[ChoiceOut]
    answer_with: str = Field(description='POST here with {"id": …, "answer": …}.')
    crisis_lines: list[CountryLinesOut] = Field(
        description="Every country's lines, the client's first: their safety plan's country, then their time "
        "zone's, then the others in a fixed order."
    )
    safety_plan: list[PlanSectionOut] = Field(description="The client's own plan (empty if none is written).")
    safety_plan_url: str = Field(description="The web page where the safety plan is written and changed.")
    safety_url: str = Field(
        description="The web page with the plan and the crisis lines, reachable signed out."
    )
    read: list[str] = Field(
        default_factory=list,
        description="While it waits, what raised it: the sentences of the client's own entry that its save-time "
        "screen flagged, or the questionnaire's risk question with their answer (empty for an entry since trashed, "
        "or once answered).",
    )
    told: str = Field(
        description="What became of what raised it and what a linked therapist sees of it, in the client's words"
        " (the web's banner says the same)."
    )


class CheckInStateOut(Schema):
    """The newest unanswered check-in, or null: nothing is locked while one waits."""

    pending: CheckInOut | None


class CheckInAnswerIn(Input):
    id: uuid.UUID = Field(description="The check-in's id (from GET /check-in or from the save's answer).")
    answer: Answer = Field(description='"need_help" ranks first for the therapist; "misunderstood" lowest.')


def _links(links: tuple[tuple[str, str], ...]) -> list[LinkOut]:
    return [LinkOut(label=label, href=href) for label, href in links]


def _line(line: Line) -> CrisisLine:
    return CrisisLine(name=line.name, instruction=line.instruction, links=_links(line.links))


def check_in_out(request: HttpRequest, user: User, row: CheckIn) -> CheckInOut:
    """The check-in as the API sends it, with the client's own plan (read once, audited as a plan read)."""
    # the one choice of lines (and of their order) for a person, the plan shown with them
    crisis = safety.lines_for_person(user, with_plan=True)
    page, countries = crisis.plan, crisis.countries
    sections = [
        PlanSectionOut(
            title=title, items=[PlanItemOut(text=item.text, links=_links(item.links)) for item in items]
        )
        for title, items in page.get("sections", [])
    ]
    return CheckInOut(
        id=row.id,
        created_at=row.created_at,
        answered_at=row.answered_at,
        answer=row.answer or None,  # type: ignore[arg-type]
        question=row.question,
        choices=[ChoiceOut(answer=key, label=label) for key, label in alerts.ANSWERS.items()],  # type: ignore[arg-type]
        answer_with=reverse("api:check_in_answer"),
        crisis_lines=[
            CountryLinesOut(country=c.country, lines=[_line(x) for x in c.lines]) for c in countries
        ],
        safety_plan=sections,
        safety_plan_url=request.build_absolute_uri(reverse("care:my_plan")),
        safety_url=request.build_absolute_uri(reverse("safety")),
        read=list(alerts.check_in_words(user, row)) if row.answered_at is None else [],
        told=str(alerts.check_in_told(row)),
    )


@router.get("/check-in", response={200: CheckInStateOut, **ERRORS}, url_name="check_in")
def check_in_get(request: HttpRequest) -> CheckInStateOut:
    """The client's newest unanswered check-in, one on explicit words before one on the sentence model alone (null
    when none waits; always null for a therapist)."""
    user = actor(request)
    shown = alerts.show_check_in(user, full=True)  # the answer carries the crisis lines: the full showing
    return CheckInStateOut(pending=check_in_out(request, user, shown.check_in) if shown else None)


@router.post("/check-in", response={200: CheckInOut, **ERRORS}, url_name="check_in_answer")
def check_in_answer(request: HttpRequest, payload: CheckInAnswerIn) -> CheckInOut:
    """Answer a check-in, as on the web: "I'm safe for now" and "I need help now" answer every pending one."""
    user = actor(request)
    answered = alerts.answer_check_in(user, payload.id, payload.answer)
    return check_in_out(request, user, answered)
