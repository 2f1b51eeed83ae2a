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
        # Total (the primary key last): the journal pages by OFFSET, and PostgreSQL may order ties differently
        # from one page to the next, skipping or repeating entries saved at the same moment (review r49).
        ordering = ["-happened_at", "-written_at", "-id"]
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
    # Whether the sealed bytes (and ``size``) are the file as today's ``picture_metadata.strip`` stores it. Rows stored
    # before 0017: False until the worker's upkeep re-strips them once (``journal.restrip_pictures``); meanwhile every
    # opening strips them and their size is the opened bytes' (``journal.served_size``).
    stripped = models.BooleanField(default=True)
    # When the upkeep last failed to open a row still ``stripped`` False (its key gone, the file damaged): such a row
    # is tried again only after ``journal.RESTRIP_RETRY`` and after every row never tried, so rows that never open
    # cannot fill the re-strip batch (review r79). None: never failed.
    restrip_failed_at = models.DateTimeField(null=True, blank=True)


class DeletedForGood(models.Model):
    """The id of an entry deleted for good or a file removed for good, with its owner and the moment: a tombstone.

    A save whose id the client chose (an API ``Idempotency-Key``, a form's token: ``journal.keyed_id``,
    ``journal.submission_id``) derives the same id when it is sent again; a retry arriving after the record was
    deleted for good is refused by that id (``journal.refuse_deleted_for_good``), never stored again. Only a random
    UUID, never content; erasing the account erases its rows."""

    id = models.UUIDField(primary_key=True, editable=False)
    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    deleted_at = models.DateTimeField()


class StoredAnalysis(models.Model):
    """Findings for one entry revision, sealed, with the analyzer versions that made them."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="analyses")
    revision = models.PositiveIntegerField()
    analyzers = models.JSONField(default=dict)
    risk_level = models.CharField(max_length=16, default="none")
    payload = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
    # Whether the after-analysis hooks (the risk flow) ran and committed for it: set in the same transaction as
    # their effect, so a worker that died (or a hook that failed) after the store leaves it False and the next run
    # of the task runs them again (they are idempotent). Rows made before this field: True.
    hooks_done = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "revision"], name="one_analysis_per_revision")
        ]


class AnalysisFailure(models.Model):
    """One entry revision whose analysis (``task="analyse"``) or re-analysis (``task="reanalyse"``, for the
    analyzer ``versions`` of the time) failed: how many tries, the last error's type (never its message, which may
    quote the text), when. The worker retries a bounded number of times with a growing wait; ``reverie doctor``
    reports the rest. Removed when the task succeeds."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="analysis_failures")
    revision = models.PositiveIntegerField()
    task = models.CharField(max_length=16)
    versions = models.JSONField(default=dict)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=100)
    failed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "revision", "task"], name="one_failure_per_task")
        ]
