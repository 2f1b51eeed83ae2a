"""h148: questionnaires submitted at the same moment keep one order in the export (``reverie.export/8``): by name.

The export listed a course's questionnaires by when they were submitted, then by their id, a random UUID: stable
within one file, but the same data stored again (a restore, a re-keyed row, another database) could come out in
another order. The tie is broken by the questionnaire's name, then the id."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest

from reverie.care.models import MeasureResponse
from reverie.care.services import measures, records
from reverie.clinic.services import portability
from reverie.journal.interchange import dump_reverie_json

pytestmark = [pytest.mark.django_db, pytest.mark.db]

PHQ9, GAD7 = [3, 0, 2, 1, 3, 0, 2, 1, 0], [1, 2, 1, 0, 1, 2, 1]


def _rekeyed(client: Any, ids: dict[str, uuid.UUID]) -> None:
    """Each questionnaire's row under the id given, its answers sealed again under it (they are bound to the id);
    through a spare id first, so two rows can swap theirs."""
    for spare in (False, True):
        for row in MeasureResponse.objects.filter(client=client):
            new = uuid.uuid5(ids[row.questionnaire], "spare") if spare else ids[row.questionnaire]
            sealed = records.seal_json(client, new, measures.ANSWERS_PURPOSE, measures.answers_of(row))
            MeasureResponse.objects.filter(pk=row.pk).update(id=new, answers=sealed)


def _exported(client: Any) -> list[tuple[str, list[int]]]:
    record = json.loads(dump_reverie_json(portability.export_journal(client)).decode("utf-8"))["record"]
    (course,) = record["courses"]
    return [(m["questionnaire"], m["answers"]) for m in course["measures"]]


def test_questionnaires_submitted_at_one_moment_export_in_the_order_of_their_names(running: Any) -> None:
    """The PHQ-9 and the GAD-7 submitted at one moment, stored under ids in either order: the export listed
    whichever id was smaller first, so the same answers gave two different files. Both ways it should list the
    GAD-7 before the PHQ-9 (by name), each with its answers."""
    client, _therapist, course, _clock = running
    measures.submit(client, "phq9", PHQ9, course_id=course.id)
    measures.submit(client, "gad7", GAD7, course_id=course.id)
    (moment,) = set(MeasureResponse.objects.filter(client=client).values_list("submitted_at", flat=True))
    assert moment is not None  # one moment for both: the tie this is about
    low, high = uuid.UUID(int=1), uuid.UUID(int=2**128 - 1)
    orders = []
    for ids in ({"phq9": low, "gad7": high}, {"phq9": high, "gad7": low}):
        _rekeyed(client, ids)
        orders.append(_exported(client))
    assert orders == [[("gad7", GAD7), ("phq9", PHQ9)]] * 2, orders
