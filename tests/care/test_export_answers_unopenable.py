"""Review r120: a questionnaire whose sealed answers are damaged in the client's export (reverie.export/8, h135)."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care.models import MeasureResponse
from reverie.care.services import measures
from reverie.clinic.services import portability

pytestmark = [pytest.mark.django_db, pytest.mark.db]


def test_damaged_answers_do_not_take_the_questionnaires_total_out_of_the_export(running: Any) -> None:
    """A client's PHQ-9 answers blob is damaged (a flipped bit); its total and band are plain and still open (the
    client's course page shows them). Up to reverie.export/7 the file held that total; since /8 the whole
    questionnaire is dropped, so the client who exports before erasing loses their score too. The export should
    keep the questionnaire's total and band and leave out only the answers that do not open."""
    client, _therapist, course, _clock = running
    measures.submit(client, "phq9", [3, 0, 2, 1, 3, 0, 2, 1, 0], course_id=course.id)
    damaged = MeasureResponse.objects.get(questionnaire="phq9")
    blob = bytearray(bytes(damaged.answers))
    blob[-3] ^= 0x01
    MeasureResponse.objects.filter(pk=damaged.pk).update(answers=bytes(blob))
    exported = portability.export_with_report(client)
    (mine,) = exported.journal.record["courses"]
    assert [(m["questionnaire"], m["total"]) for m in mine["measures"]] == [("phq9", 12)]
