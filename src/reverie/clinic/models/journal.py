"""The journal. Bodies, titles, feelings, people, tags and attachments are sealed with the client's data key."""

from __future__ import annotations

import uuid

from django.db import models

from reverie.clinic.models.accounts import User
from reverie.journal.kinds import KIND_WORDS


class EntryKind(models.TextChoices):
    """The kinds, with the words a person reads for each from the one table, ``reverie.journal.kinds``."""

    FREE_ASSOCIATION = "free_association", KIND_WORDS["free_association"]
    DREAM = "dream", KIND_WORDS["dream"]
    DAYDREAM = "daydream", KIND_WORDS["daydream"]
    REFLECTION = "reflection", KIND_WORDS["reflection"]
    MINDFUL_CHOICE = "mindful_choice", KIND_WORDS["mindful_choice"]
    ART = "art", KIND_WORDS["art"]
    MUSIC = "music", KIND_WORDS["music"]


class ClientKey(models.Model):
    """A client's data key, wrapped by the master key. Deleting it makes every sealed record unreadable.

    One row per client (``client`` is unique in the database). ``kid`` is the data key's id, the one every blob
    sealed under it names in its header; empty only on rows written before it was stored (filled on first use).
    """

    client = models.OneToOneField(User, on_delete=models.CASCADE, related_name="data_key")
    kid = models.CharField(max_length=64, blank=True, default="")
    wrapped = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
    rewrapped_at = models.DateTimeField(null=True, blank=True)


class Entry(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(max_length=32, choices=EntryKind.choices)
    happened_at = models.DateTimeField()
    written_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    revision = models.PositiveIntegerField(default=1)
    payload = models.BinaryField()
    shared = models.BooleanField(default=False)
    shared_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-happened_at", "-written_at"]
        indexes = [models.Index(fields=["client", "deleted_at", "happened_at"])]


class EntryRevision(models.Model):
    """An earlier version of an entry, kept when the entry is edited."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    payload = models.BinaryField()
    saved_at = models.DateTimeField()

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["entry", "number"], name="one_revision_number")]


class Attachment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="attachments")
    media_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    name_sealed = models.BinaryField()
    payload = models.BinaryField()
    added_at = models.DateTimeField(auto_now_add=True)


class StoredAnalysis(models.Model):
    """Findings for one entry revision, sealed, with the analyzer versions that made them."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="analyses")
    revision = models.PositiveIntegerField()
    analyzers = models.JSONField(default=dict)
    risk_level = models.CharField(max_length=16, default="none")
    payload = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "revision"], name="one_analysis_per_revision")
        ]
