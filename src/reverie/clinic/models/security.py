"""Sign-in safety: failed attempts, counted per account and per address, for throttling."""

from __future__ import annotations

from django.db import models


class LoginFailure(models.Model):
    account = models.CharField(max_length=64, db_index=True)  # sha256 of the lower-cased user name
    address = models.CharField(max_length=64, db_index=True)  # client IP as seen by the server
    at = models.DateTimeField(db_index=True)
