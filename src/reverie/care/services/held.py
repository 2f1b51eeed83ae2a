"""What a client's privacy log leaves out for now: events about a record their therapist holds until showing it.

One rule (review r80): an event about a record the client cannot read is not in the client's log while they cannot
read it. The records a therapist holds so are a formulation version (until the formulation is shared with it:
``Formulation.shared_at`` with ``Course.formulation_shared``), the formulation as a whole (its opens are recorded on
the course: until some version is shared) and the goodbye letter (until given: ``GoodbyeLetter.given_at``). Once
the client can read the record, the events that made it (its writing, its giving) appear in their log, whenever
they happened: the log then tells the truth about a record they read. An open made before that moment was an open of
the therapist's draft and stays the therapist's. Stopping sharing the formulation hides its events again, as it
hides its versions. Nothing is deleted: the events stay in the chain and in every view but the client's own log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from reverie.care.models import Course, Formulation, GoodbyeLetter
from reverie.clinic.models import User

# Events that make the record the client then reads: shown once it is shown, whenever they happened.
MAKING = frozenset({"formulation.write", "letter.write", "letter.give"})


@dataclass(frozen=True, slots=True)
class Held:
    """A record the therapist holds: ``about`` selects the events about it; ``shown_at`` is when its client could
    first read it (None: they cannot read it now)."""

    about: Q
    shown_at: datetime | None

    def hidden(self) -> Q:
        """The events about it that the client's log leaves out now."""
        if self.shown_at is None:
            return self.about
        return self.about & Q(at__lt=self.shown_at) & ~Q(action__in=MAKING)


def held_records(client: User) -> list[Held]:
    """Every record of ``client``'s courses that their therapist holds until showing it (shown ones too)."""
    out: list[Held] = []
    shared = dict(Course.objects.filter(client=client).values_list("id", "formulation_shared"))
    first_shown: dict[object, datetime] = {}
    for row_id, course_id, shared_at in Formulation.objects.filter(course__client=client).values_list(
        "id", "course_id", "shared_at"
    ):
        shown = shared_at if shared.get(course_id) else None
        out.append(Held(Q(record_type="formulation", record_id=str(row_id)), shown))
        if shown is not None and (course_id not in first_shown or shown < first_shown[course_id]):
            first_shown[course_id] = shown
    for course_id in shared:  # the formulation as a whole: its opens are recorded on the course
        about = Q(record_type="course", record_id=str(course_id), action="formulation.read")
        out.append(Held(about, first_shown.get(course_id)))
    for letter_id, given_at in GoodbyeLetter.objects.filter(course__client=client).values_list(
        "id", "given_at"
    ):
        out.append(Held(Q(record_type="letter", record_id=str(letter_id)), given_at))
    return out


def hidden_from_client(client: User) -> Q | None:
    """The events about ``client`` that their own privacy log leaves out now (None: none); ``audit.events_about``
    asks it through ``audit.client_hidden_hooks``."""
    hidden: Q | None = None
    for held in held_records(client):
        part = held.hidden()
        hidden = part if hidden is None else hidden | part
    return hidden


def install() -> None:
    """Subscribe to the client's view of the audit log; called once from ``CareConfig.ready``."""
    from reverie.clinic.services import audit

    if hidden_from_client not in audit.client_hidden_hooks:
        audit.client_hidden_hooks.append(hidden_from_client)
