"""A questionnaire response names its planned session, not the session's number.

Old rows stored ``session_number``: the place of the session among the sessions not cancelled *when the response
was stored*. Later cancellations shift every number after them, so today's session with that number may be another
one. The mapping rebuilds the list as it stood at ``submitted_at``: every planned session in slot order, less those
whose cancellation was recorded (``recorded_at``) at or before ``submitted_at``; the response goes to the session
with its number in that list. What cannot be known afterwards is when a make-up session was added (make-ups go at
the end, so this only matters for a number past the end of that list); such a row, or one whose session is already
taken by the same questionnaire, goes to the planned session nearest in time to ``submitted_at`` that does not hold
that questionnaire yet. Going back fills ``session_number`` with today's number (best effort).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

import django.db.models.deletion
from django.db import migrations, models

CANCELLATIONS = ("cancelled_by_client", "cancelled_by_therapist")


class _Session(Protocol):
    pk: Any
    slot: int
    start: datetime
    attendance: str
    recorded_at: datetime | None


def sessions_then(planned: Sequence[_Session], moment: datetime) -> list[_Session]:
    """The course's sessions not cancelled at ``moment``, in slot order: their places were the numbers then."""
    return [
        s
        for s in sorted(planned, key=lambda s: s.slot)
        if not (s.attendance in CANCELLATIONS and s.recorded_at is not None and s.recorded_at <= moment)
    ]


def session_for(
    planned: Sequence[_Session], number: int, submitted_at: datetime, taken: set[Any]
) -> _Session | None:
    """The session a response stored as ``number`` at ``submitted_at`` was for (``taken``: sessions that already
    hold this questionnaire)."""
    then = sessions_then(planned, submitted_at)
    if 1 <= number <= len(then) and then[number - 1].pk not in taken:
        return then[number - 1]
    free = [s for s in planned if s.pk not in taken]
    return min(free, key=lambda s: (abs((s.start - submitted_at).total_seconds()), s.slot), default=None)


def forward(apps: Any, schema_editor: Any) -> None:
    Response = apps.get_model("care", "MeasureResponse")
    Session = apps.get_model("care", "CourseSession")
    rows = list(Response.objects.order_by("course_id", "submitted_at", "id"))
    planned: dict[Any, list[Any]] = {}
    taken: dict[tuple[Any, str], set[Any]] = {}
    for row in rows:
        if row.course_id not in planned:
            planned[row.course_id] = list(Session.objects.filter(course_id=row.course_id))
        mine = taken.setdefault((row.course_id, row.questionnaire), set())
        session = session_for(planned[row.course_id], row.session_number, row.submitted_at, mine)
        if (
            session is None
        ):  # more responses than planned sessions: the old unique number makes this impossible
            raise RuntimeError(f"Measure response {row.id} has no session to go to.")
        mine.add(session.pk)
        row.session_id = session.pk
        row.save(update_fields=["session"])


def backward(apps: Any, schema_editor: Any) -> None:
    Response = apps.get_model("care", "MeasureResponse")
    Session = apps.get_model("care", "CourseSession")
    for row in Response.objects.all():
        planned = sorted(Session.objects.filter(course_id=row.course_id), key=lambda s: s.slot)
        held = [s for s in planned if s.attendance not in CANCELLATIONS]
        mine = next(s for s in planned if s.pk == row.session_id)
        row.session_number = 1 + sum(1 for s in held if s.slot < mine.slot)
        row.save(update_fields=["session_number"])


class Migration(migrations.Migration):
    dependencies = [
        ("care", "0006_course_day_times"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="measureresponse", name="one_measure_per_session"),
        migrations.AddField(
            model_name="measureresponse",
            name="session",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="measures",
                to="care.coursesession",
            ),
        ),
        migrations.AlterField(
            model_name="measureresponse", name="session_number", field=models.PositiveIntegerField(null=True)
        ),
        migrations.RunPython(forward, backward),
        migrations.RemoveField(model_name="measureresponse", name="session_number"),
        migrations.AlterField(
            model_name="measureresponse",
            name="session",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="measures", to="care.coursesession"
            ),
        ),
        migrations.AlterModelOptions(
            name="measureresponse", options={"ordering": ["session__start", "questionnaire"]}
        ),
        migrations.AddConstraint(
            model_name="measureresponse",
            constraint=models.UniqueConstraint(
                fields=("session", "questionnaire"), name="one_measure_per_planned_session"
            ),
        ),
    ]
