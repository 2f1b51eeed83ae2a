"""Completed outcome measures (PHQ-9, GAD-7), one per measure and session; item answers sealed."""

from __future__ import annotations

import uuid

from django.db import models

from reverie.care.models.course import Course
from reverie.clinic.models import User


class MeasureResponse(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="measures")
    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="measure_responses")
    questionnaire = models.CharField(max_length=8)
    session_number = models.PositiveIntegerField()
    total = models.PositiveSmallIntegerField()
    band = models.CharField(max_length=24)
    risk_item_positive = models.BooleanField(default=False)
    answers = models.BinaryField()
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["session_number", "questionnaire"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "questionnaire", "session_number"], name="one_measure_per_session"
            )
        ]
