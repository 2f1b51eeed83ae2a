"""What a therapist is told when a client erases their account: content-free, kept until the therapist reads it."""

from __future__ import annotations

from django.db import models

from reverie.clinic.models import User

NOTICE_FORMAT = 1  # version of the ``removed`` counts document


class ErasureNotice(models.Model):
    """A client erased their account; the therapist's records of that client were removed with it.

    Holds the client's user name, when, and how many of each record went (``removed``: ``{"v": 1, "sessions": …}``);
    never anything anyone wrote.
    """

    therapist = models.ForeignKey(User, on_delete=models.CASCADE, related_name="erasure_notices")
    client_username = models.CharField(max_length=150)
    erased_at = models.DateTimeField()
    removed = models.JSONField(default=dict)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "care"
        ordering = ("-erased_at",)
