"""Records moved aside by ``reverie doctor --quarantine``: sealed under a data key that no row holds any more."""

from __future__ import annotations

from django.db import models


class QuarantinedRecord(models.Model):
    """One stored row taken out of service, kept whole (``row``: Django's JSON serialisation, blobs in base64).

    ``format`` versions the document (``reverie.quarantine/1``). ``kid`` is the data key id the blob names;
    ``reason`` is content-free (``key_lost`` …). Nothing here is ever shown as text: it cannot be opened.
    """

    format = models.CharField(max_length=32, default="reverie.quarantine/1")
    model = models.CharField(max_length=64)
    record_pk = models.CharField(max_length=64)
    client_id = models.BigIntegerField(null=True, db_index=True)
    kid = models.CharField(max_length=64, blank=True, default="")
    reason = models.CharField(max_length=32)
    row = models.TextField()
    quarantined_at = models.DateTimeField()

    class Meta:
        ordering = ["quarantined_at", "id"]
