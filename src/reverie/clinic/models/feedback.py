"""Answers to "does this fit?" about the observations on an entry page.

What the observation was and when it was answered are sealed with the client's data key (``payload``). The plain
columns are only what counting needs: whose answer (``client``), on which entry (so it goes when the entry goes, and
a therapist's figure can be limited to shared entries), which analyzer made the observation, and the answer itself.
"""

from __future__ import annotations

import uuid

from django.db import models

from reverie.clinic.models.accounts import User
from reverie.clinic.models.journal import Entry


class FitAnswer(models.TextChoices):
    FITS = "fits", "Fits"
    DOES_NOT_FIT = "does_not_fit", "Doesn't fit"
    NOT_SURE = "not_sure", "Not sure"


class ObservationFeedback(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="observation_feedback")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="feedback")
    analyzer = models.CharField(max_length=32)
    answer = models.CharField(max_length=16, choices=FitAnswer.choices)
    payload = models.BinaryField()  # sealed reverie.fit/1: {"key", "revision", "answered_at"}

    class Meta:
        indexes = [models.Index(fields=["client", "analyzer"], name="feedback_client_analyzer")]
