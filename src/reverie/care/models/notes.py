"""Session notes. Progress notes are part of the record; process and transference notes are kept apart."""

from __future__ import annotations

import uuid

from django.db import models

from reverie.care.models.course import Course, CourseSession
from reverie.clinic.models import User


class ProgressNote(models.Model):
    """The progress note of one session: part of the clinical record (the client may read it)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="progress_notes")
    session = models.OneToOneField(CourseSession, on_delete=models.CASCADE, related_name="progress_note")
    author = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    payload = models.BinaryField()
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)  # each rewrite +1: an edit from an older one is refused


class NoteKind(models.TextChoices):
    PROCESS = "process", "Process note"
    TRANSFERENCE = "transference", "Transference observation"
    COUNTERTRANSFERENCE = "countertransference", "Countertransference observation"


class TherapistNote(models.Model):
    """A process note or a (counter)transference observation: therapist-only, in its own table, never
    exported, shared or analysed unless the therapist asks for it explicitly (an audited request)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="therapist_notes")
    session = models.ForeignKey(
        CourseSession, on_delete=models.CASCADE, null=True, blank=True, related_name="therapist_notes"
    )
    kind = models.CharField(max_length=24, choices=NoteKind.choices)
    author = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    payload = models.BinaryField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at"]
