"""The risk screen made while an entry is saved: one row per entry revision, its reading sealed."""

from __future__ import annotations

from django.db import models

from reverie.clinic.models.journal import Entry


class EntryScreen(models.Model):
    """The risk screen of one entry revision, made inside the save (before it returned), independent of the worker.

    ``level`` is the C-SSRS-aligned level (or ``unscreened`` when the screen could not run); ``payload`` is the
    sealed ``reverie.screen/2`` document (the screen's data: score, triggers as spans, never the entry's words; the
    names of the files it read, which the spans point into; ``/1`` stored none).
    """

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="screens")
    revision = models.PositiveIntegerField()
    level = models.CharField(max_length=16)
    payload = models.BinaryField()
    screened_at = models.DateTimeField()
    # The revision whose save first held this revision's screened words (an edit that changed no words, a tag
    # added, keeps the earlier one); null: this one. The risk flow raises one alert per words, not per revision.
    words_revision = models.PositiveIntegerField(null=True, blank=True)
    # The entry those words belong to when it is another one: "save again" copies an entry's words into a new entry
    # (null: this entry). With ``words_revision`` it names the revision whose alert these words reach.
    words_entry = models.UUIDField(null=True, blank=True)
    # Made on the lexicon alone: the sentence model or the encoder was not installed (``reverie doctor`` says so).
    rules_only = models.BooleanField(default=False)
    # The subscribers (the care app's alert and check-in) were told. False while a subscriber failed at save: the
    # words and the screen are kept and the alert is owed, retried by the worker's upkeep thread, the client's next
    # save and ``reverie doctor`` (:func:`reverie.clinic.services.risk_screen.settle_owed`).
    signalled = models.BooleanField(default=True, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "revision"], name="one_screen_per_revision")]
