"""What the client may read of one course of therapy: the one answer for their pages and their export.

The course page, the goals and the formulation a client opens, and the course record in their journal export
(``reverie.export/10``'s ``record``) all read a course through :class:`ClientCourse`, so what the export holds is
what the client reads, by construction (r57: a goal's description, the given goodbye letter and the shared
formulation were on the pages but not in the file). Each part asks the service that holds its read rule (the one
policy): the letter once given, the formulation's versions shared with the client while it is shared, the
progress notes the client may read (never process notes), the questionnaires with the answers they gave. Parts are read on first use, so a page that shows one
part audits and opens that part only. The export (``damaged`` given) audits none of them: its own event,
"journal.export", is the privacy log's line for everything it read (r134: never "You opened your formulation" in the
minute of a download).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from reverie.care.models import Course, GoodbyeLetter, MeasureResponse
from reverie.care.services import course as courses
from reverie.care.services import formulation as formulations
from reverie.care.services import goals as goal_service
from reverie.care.services import measures as measure_service
from reverie.care.services import notes as note_service
from reverie.clinic.models import User
from reverie.errors import IntegrityError

# A part of the course that does not open, by when it is from and what it is (the export leaves it out and names it).
Damaged = Callable[[datetime, str], None]


@dataclass(frozen=True, slots=True)
class GivenLetter:
    text: str
    given_at: datetime


@dataclass(frozen=True, slots=True)
class Answered:
    """One questionnaire the client filled in, with the answers they gave (item order, the option values); None
    where the sealed answers do not open (the export keeps the plain total, band and session, h144)."""

    response: MeasureResponse
    answers: list[int] | None


class ClientCourse:
    """One course as its client may read it. ``damaged`` (the export): a part that does not open is handed to it
    and left out; without it, it fails as any damaged record read alone does."""

    def __init__(self, client: User, course: Course, *, damaged: Damaged | None = None) -> None:
        self.client = client
        self.course = course
        self._damaged = damaged

    def _left_out(self, when: datetime, what: str) -> None:
        if self._damaged is None:
            raise IntegrityError(f"A record does not open: {what}.")
        self._damaged(when, what)

    @cached_property
    def goals(self) -> list[goal_service.GoalView]:
        """Every goal of the course with its title, the description in the words it was proposed in, and ratings."""
        damaged = None if self._damaged is None else (lambda g: self._left_out(g.created_at, "Goal"))
        return goal_service.goals_for(
            self.client, self.course.id, damaged=damaged, record=self._damaged is None
        )

    @cached_property
    def notes(self) -> list[note_service.NoteView]:
        """The progress notes the client may read (process notes never)."""
        damaged = (
            None if self._damaged is None else (lambda n: self._left_out(n.session.start, "Progress note"))
        )
        return note_service.progress_notes(
            self.client, self.course.id, damaged=damaged, record=self._damaged is None
        )

    @cached_property
    def letter(self) -> GivenLetter | None:
        """The goodbye letter, once the therapist gave it (the policy's rule: before that, the client reads none)."""
        given_at = GoodbyeLetter.objects.filter(course=self.course).values_list("given_at", flat=True).first()
        try:
            text = courses.read_letter(self.client, self.course.id, record=self._damaged is None)
        except IntegrityError:
            self._left_out(given_at or self.course.first_start, "Goodbye letter")
            return None
        if text is None or given_at is None:
            return None
        return GivenLetter(text, given_at)

    @cached_property
    def formulation(self) -> list[formulations.FormulationVersion]:
        """The versions of the formulation shared with the client, while it is shared (none otherwise)."""
        if not self.course.formulation_shared:
            return []
        try:
            return formulations.versions(self.client, self.course.id, record=self._damaged is None)
        except IntegrityError:
            self._left_out(self.course.first_start, "Formulation")
            return []

    @cached_property
    def measures(self) -> list[Answered]:
        """The questionnaires the client filled in for the course, in the order they were sent, each with the
        answers they gave, item by item (their own words of how the last two weeks were). Answers that do not
        open are left out alone: the questionnaire stays with its plain total, band and session (h144).

        Those sent at the same moment are in the order of their names ("gad7" before "phq9"), then of their ids: an
        order of the data alone, so the same record is listed (and exported) alike every time, never by the ids'
        chance (random UUIDs; h148)."""
        out = []
        for row in self.course.measures.order_by("submitted_at", "questionnaire", "id"):
            answers: list[int] | None
            try:
                answers = measure_service.answers_of(row)
            except IntegrityError:
                self._left_out(row.submitted_at, "Questionnaire answers")
                answers = None
            out.append(Answered(row, answers))
        return out
