"""The client's safety plan (sealed), risk alerts for the therapist (content-free) and pending check-ins."""

from __future__ import annotations

import uuid

from django.db import models

from reverie.clinic.models import User


class SafetyPlanRecord(models.Model):
    client = models.OneToOneField(User, on_delete=models.CASCADE, related_name="safety_plan")
    payload = models.BinaryField()
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField()
    updated_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")


class RiskAlert(models.Model):
    """A signal that a client may be at risk. It names its source record, never its content."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="risk_alerts")
    source = models.CharField(max_length=16)
    level = models.CharField(max_length=16)
    record_id = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.BinaryField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["client", "source", "record_id"], name="one_alert_per_record")
        ]


class CheckIn(models.Model):
    """A calm "are you safe?" page the client sees on their next page view, until they answer it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="check_ins")
    alert = models.ForeignKey(RiskAlert, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    answer = models.CharField(max_length=16, blank=True, default="")

    class Meta:
        ordering = ["created_at"]
