"""Completed outcome measures (PHQ-9, GAD-7), one per measure and session; item answers sealed.

A response names the planned session it was filled before (the row itself, not its number): numbers shift when an
earlier session is cancelled, the session does not (migration 0007 moved the old ``session_number`` rows over).
"""

from __future__ import annotations

import uuid

from django.db import models

from reverie.care.models.course import Course, CourseSession
from reverie.clinic.models import User


class MeasureResponse(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="measures")
    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="measure_responses")
    questionnaire = models.CharField(max_length=8)
    session = models.ForeignKey(CourseSession, on_delete=models.CASCADE, related_name="measures")
    total = models.PositiveSmallIntegerField()
    band = models.CharField(max_length=24)
    risk_item_positive = models.BooleanField(default=False)
    answers = models.BinaryField()
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["session__start", "questionnaire"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "questionnaire"], name="one_measure_per_planned_session"
            )
        ]
