"""Append-only, hash-chained audit trail: who did what to which record, when, and the outcome. Never content."""

from __future__ import annotations

from django.db import models


class AuditEvent(models.Model):
    at = models.DateTimeField()
    actor_id = models.BigIntegerField(null=True)
    subject_id = models.BigIntegerField(null=True)  # whose clinical data it concerns
    action = models.CharField(max_length=64)
    record_type = models.CharField(max_length=32)
    record_id = models.CharField(max_length=64)
    outcome = models.CharField(max_length=16)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["id"]
