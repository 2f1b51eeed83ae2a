"""Goals the pair agree on (from the seed's templates or in the client's own words), the client's 0–10 ratings
over time, and evidence: the client's own journal entries they choose, or sessions. Rules: programmes.goals."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from reverie.care.models import Course, Goal, GoalEvidence, GoalRating
from reverie.care.policy import is_course_client
from reverie.care.services import alerts, records
from reverie.care.services import course as courses
from reverie.clinic.models import Entry, User
from reverie.clinic.services import audit
from reverie.clinic.services.local_time import day_in, local_date, today
from reverie.clinic.services.policy import Action
from reverie.errors import Conflict, IntegrityError, InvalidInput, NotFound, PermissionDenied
from reverie.programmes import goals as rules

PURPOSE = "goal"
DESCRIPTION_MAX = 500


@dataclass(frozen=True, slots=True)
class Evidence:
    kind: str  # "entry" or "session"
    target_id: str  # the entry's id, or the session's slot
    on: date  # the client's day (an entry), the course's day (a session)
    number: int | None = None  # a session's number as the course page counts them (None: it was cancelled)


@dataclass(frozen=True, slots=True)
class GoalView:
    id: uuid.UUID
    title: str
    description: str
    agreed: bool
    proposed_by_client: bool
    ratings: list[tuple[date, int]]
    evidence: list[Evidence]

    @property
    def latest(self) -> int | None:
        return self.ratings[-1][1] if self.ratings else None


def propose(
    actor: User, course_id: object, *, template: str = "", title: str = "", description: str = ""
) -> Goal:
    """Either side proposes a goal; a template gives the starting wording. The other side then agrees."""
    course = courses.get_course(actor, course_id, Action.READ)
    chosen = rules.get_template(template) if template else None
    clean_title = rules.check_title(title or (chosen.title if chosen else ""))
    text = records.clean_text(
        description or (chosen.description if chosen else ""),
        "description",
        limit=DESCRIPTION_MAX,
        required=False,
        field="description",
    )
    with transaction.atomic():
        goal = Goal(id=uuid.uuid4(), client=course.client, course=course, proposed_by=actor)
        goal.template_key = chosen.key if chosen else ""
        goal.payload = records.seal_json(
            course.client, goal.id, PURPOSE, {"title": clean_title, "description": text}
        )
        goal.created_at = timezone.now()
        goal.save()
        audit.record(actor, "goal.propose", "goal", goal.id, subject=course.client)
        own = rules.own_words(clean_title, text)  # the title and the description, each unless a template's
        if own:
            alerts.screen_at_save(course.client, "goal", str(goal.id), "\n\n".join(own), author=actor)
    return goal


def _goal(actor: User, goal_id: object) -> Goal:
    rows = Goal.objects.select_related("course", "client")
    return records.fetch(actor, rows, goal_id, Action.WRITE, "goal")


def course_of(actor: User, goal_id: object) -> object:
    """The id of the course a goal belongs to, for a page that shows a refusal of an action on it; refused as the
    action is (``NotFound``) when the goal is not there for ``actor``."""
    return _goal(actor, goal_id).course_id


def agree(actor: User, goal_id: object) -> Goal:
    """The side that did not propose the goal agrees to it."""
    goal = _goal(actor, goal_id)
    if goal.agreed_at is not None:
        raise Conflict("This goal is already agreed.")
    if goal.proposed_by_id == actor.pk:
        raise InvalidInput("The other person agrees to a goal you proposed.")
    goal.agreed_at = timezone.now()
    goal.save(update_fields=["agreed_at"])
    audit.record(actor, "goal.agree", "goal", goal.id, subject=goal.client)
    return goal


def rate(client: User, goal_id: object, rating: object, on: date | None = None) -> GoalRating:
    """The client rates how close they feel to a goal, 0–10 (outside the scale: InvalidInput)."""
    goal = _goal(client, goal_id)
    if not is_course_client(client, goal.course):
        raise PermissionDenied("A goal rating is the client's own.")
    day = on or today(client)  # the client's own today, not the server's
    if day > today(client):
        raise InvalidInput("A rating cannot be dated in the future.")
    checked = rules.rate(_title(goal), rules.check_rating(_as_int(rating)), day)
    row = GoalRating.objects.create(
        goal=goal, rating=checked.rating, on=day, rated_by=client, created_at=timezone.now()
    )
    audit.record(client, "goal.rate", "goal", goal.id, subject=goal.client)
    return row


def _as_int(raw: object) -> object:
    if isinstance(raw, str):
        try:
            return int(raw.strip())
        except ValueError:
            raise InvalidInput("A goal rating must be a whole number from 0 to 10.") from None
    return raw


def link_entry(client: User, goal_id: object, entry_id: object) -> GoalEvidence:
    """Link one of the client's own journal entries (their choice) to a goal."""
    goal = _goal(client, goal_id)
    if not is_course_client(client, goal.course):
        raise PermissionDenied("Only the client links their journal entries.")
    entry = Entry.objects.filter(
        pk=records.parse_id(entry_id, "entry"), client=client, deleted_at__isnull=True
    ).first()
    if entry is None:
        raise NotFound("No such entry.")
    return _add_evidence(client, goal, entry=entry)


def session_choices(course: Course) -> list[tuple[int, str]]:
    """(slot, "session 2 (19 Jan 2026)") for each session held or to come, numbered as the course page numbers
    them (a cancelled session has no number and is not offered)."""
    zone = courses.course_zone(course)
    return [
        (row.slot, f"session {n} ({day_in(row.start, zone):%-d %b %Y})")
        for n, row in enumerate(courses.held_sessions(course), start=1)
    ]


def link_session(actor: User, goal_id: object, slot: int) -> GoalEvidence:
    goal = _goal(actor, goal_id)
    session = courses.session_by_slot(goal.course, slot)
    return _add_evidence(actor, goal, session=session)


def _add_evidence(actor: User, goal: Goal, **target: object) -> GoalEvidence:
    if GoalEvidence.objects.filter(goal=goal, **target).exists():
        raise Conflict("This is already linked to the goal.")
    row = GoalEvidence.objects.create(goal=goal, added_by=actor, added_at=timezone.now(), **target)
    audit.record(actor, "goal.evidence", "goal", goal.id, subject=goal.client)
    return row


def _title(goal: Goal) -> str:
    return str(records.open_json(goal.client, goal.id, PURPOSE, goal.payload)["title"])


def _view(goal: Goal, course: Course) -> GoalView:
    doc = records.open_json(goal.client, goal.id, PURPOSE, goal.payload)
    evidence = []
    zone = courses.course_zone(course)
    numbers = {row.pk: n for n, row in enumerate(courses.held_sessions(course), start=1)}
    for ev in goal.evidence.select_related("entry", "entry__client", "session"):
        if ev.entry is not None and ev.entry.deleted_at is None:  # the client's own day
            evidence.append(
                Evidence("entry", str(ev.entry_id), local_date(ev.entry.happened_at, ev.entry.client))
            )
        elif ev.session is not None:  # its day where the course is held; its number as the course page counts
            evidence.append(
                Evidence(
                    "session",
                    str(ev.session.slot),
                    day_in(ev.session.start, zone),
                    numbers.get(ev.session.pk),
                )
            )
    return GoalView(
        id=goal.id,
        title=str(doc["title"]),
        description=str(doc.get("description", "")),
        agreed=goal.agreed_at is not None,
        proposed_by_client=goal.proposed_by_id == course.client_id,
        ratings=[(r.on, r.rating) for r in goal.ratings.all()],
        evidence=evidence,
    )


def goals_for(
    actor: User, course_id: object, *, damaged: Callable[[Goal], None] | None = None, record: bool = True
) -> list[GoalView]:
    """A course's goals. With ``damaged`` (the export), a goal that does not open is handed to it and left out.
    ``record`` False: read as part of an export, whose own event ("journal.export") is the privacy log's line, never
    "You looked at your goals" (r134)."""
    course = courses.get_course(actor, course_id)
    views = []
    for goal in Goal.objects.filter(course=course).select_related("client"):
        try:
            views.append(_view(goal, course))
        except IntegrityError:
            if damaged is None:
                raise
            damaged(goal)
    if record:
        audit.record(actor, "goal.list", "course", course.id, subject=course.client)
    return views
