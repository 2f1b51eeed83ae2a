"""Append-only, hash-chained audit trail: who did what to which record, when, and the outcome. Never content.

``digest_version`` 1 is the original unkeyed SHA-256 chain ("legacy"); 2 is keyed: an HMAC-SHA256 under a key
derived from the master key named in ``key_id``. ``AuditHead`` is the one row every append locks, so appends are
serialised on every database; ``AuditCheckpoint`` records how far the chain was verified, so a page view checks
only what is new.
"""

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
    digest_version = models.PositiveSmallIntegerField(default=1)
    key_id = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        ordering = ["id"]


class AuditHead(models.Model):
    """The chain's head: a single row (id 1) locked by every append; how many events, the last one's hash."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    count = models.BigIntegerField(default=0)
    last_id = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64)


class AuditCheckpoint(models.Model):
    """The chain was verified up to ``event_id`` (``count`` events, last hash ``hash``); ``mac`` is keyed."""

    event_id = models.BigIntegerField()
    count = models.BigIntegerField()
    hash = models.CharField(max_length=64)
    key_id = models.CharField(max_length=64)
    mac = models.CharField(max_length=64)
    verified_at = models.DateTimeField()

    class Meta:
        ordering = ["-event_id"]
