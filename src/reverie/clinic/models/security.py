"""Sign-in safety: attempt counters for throttling, recovery codes, and operator-issued account invitations."""

from __future__ import annotations

from django.db import models

from reverie.clinic.models.accounts import Role, User


class ThrottleCounter(models.Model):
    """Attempts counted in one window for one key (e.g. ``password-account:<hash>``), changed only by atomic
    conditional ``UPDATE``s so that concurrent attempts can never pass a limit (see ``services/throttle.py``)."""

    key = models.CharField(max_length=128, unique=True)
    count = models.PositiveIntegerField(default=0)
    window_start = models.DateTimeField()


class RecoveryCode(models.Model):
    """A one-time code for the second sign-in step when the authenticator is lost. Only a keyed hash is kept
    (``v1$salt$hmac``, see ``services/signin.py``); ``selector`` (4 of the 16 characters) picks the row to check."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    selector = models.CharField(max_length=8, db_index=True)
    code_hash = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)


class AccountInvitation(models.Model):
    """An operator-issued one-time code that lets someone sign up with a role the public sign-up does not give
    (a therapist). Only its hash is stored."""

    code_hash = models.CharField(max_length=64, unique=True)
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.THERAPIST)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
