"""Goals the pair agree on, the client's 0–10 ratings over time, and the evidence linked to a goal."""

from __future__ import annotations

import uuid

from django.db import models

from reverie.care.models.course import Course, CourseSession
from reverie.clinic.models import Entry, User


class Goal(models.Model):
    """A goal in the client's words (sealed). It counts as agreed once the other side of the pair agrees."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="goals")
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="goals")
    template_key = models.CharField(max_length=40, blank=True, default="")
    payload = models.BinaryField()
    proposed_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField()
    agreed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]


class GoalRating(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="ratings")
    rating = models.PositiveSmallIntegerField()
    on = models.DateField()
    rated_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["on", "created_at"]


class GoalEvidence(models.Model):
    """A journal entry the client chose, or a session, linked to a goal as evidence."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="evidence")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    session = models.ForeignKey(
        CourseSession, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    added_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["added_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(entry__isnull=False) | models.Q(session__isnull=False),
                name="evidence_names_entry_or_session",
            )
        ]
