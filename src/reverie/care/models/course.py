"""A course of therapy: the programme the pair chose, its planned sessions, the formulation and the letter."""

from __future__ import annotations

import uuid

from django.db import models

from reverie.clinic.models import User


class Course(models.Model):
    """One client's course with one therapist. ``total_sessions`` None means an open-ended course."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="courses_as_client")
    therapist = models.ForeignKey(User, on_delete=models.CASCADE, related_name="courses_as_therapist")
    programme = models.CharField(max_length=32)
    total_sessions = models.PositiveIntegerField(null=True, blank=True)
    weekly = models.PositiveSmallIntegerField(default=1)
    weekdays = models.JSONField(default=list)
    day_times = models.JSONField(
        default=dict
    )  # {"3": "18:30"}: weekdays whose sessions start at another time
    first_start = models.DateTimeField()
    timezone = models.CharField(max_length=64, default="UTC")
    duration_minutes = models.PositiveSmallIntegerField(default=50)
    measure_schedule = models.CharField(max_length=24, default="every_session")
    formulation_shared = models.BooleanField(default=False)
    ipaf_agreed_at = models.DateTimeField(null=True, blank=True)
    ipaf_agreed_version = models.PositiveIntegerField(null=True, blank=True)
    ipaf_agreed_session = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]


class CourseSession(models.Model):
    """One planned session. ``slot`` is its place in the plan; ``attendance`` is empty until recorded."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="sessions")
    slot = models.PositiveIntegerField()
    start = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField(default=50)
    attendance = models.CharField(max_length=32, blank=True, default="")
    recorded_at = models.DateTimeField(null=True, blank=True)
    # A move or cancellation the therapist confirmed: where it was, and a note to the client (sealed with the
    # client's key, like every free text; the client sees it next to the session).
    moved_from = models.DateTimeField(null=True, blank=True)
    note_to_client = models.BinaryField(null=True, blank=True)
    note_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["start"]
        constraints = [models.UniqueConstraint(fields=["course", "slot"], name="one_session_per_slot")]
        indexes = [models.Index(fields=["start"])]


class Formulation(models.Model):
    """One dated version of the formulation (IPAF, CCRT, Malan's triangles), sealed; versions are kept."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="formulations")
    version = models.PositiveIntegerField()
    author = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField()
    payload = models.BinaryField()
    # When the client could first read this version: the version current when the therapist shared the
    # formulation, and each version saved while it is shared. None: the therapist's draft only.
    shared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["version"]
        constraints = [models.UniqueConstraint(fields=["course", "version"], name="one_formulation_version")]


class GoodbyeLetter(models.Model):
    """The therapist's goodbye letter (DIT ending phase), sealed; the client reads it once it is given."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    course = models.OneToOneField(Course, on_delete=models.CASCADE, related_name="goodbye_letter")
    payload = models.BinaryField()
    written_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    given_at = models.DateTimeField(null=True, blank=True)
    # counts its saves, so a save made from an older copy (a second tab) is refused instead of replacing a newer one
    version = models.PositiveIntegerField(default=1)
