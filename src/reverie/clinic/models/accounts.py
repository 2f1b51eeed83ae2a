"""People: accounts with a role, and the therapeutic pair that links a client and a therapist."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    CLIENT = "client", "Client"
    THERAPIST = "therapist", "Therapist"


class User(AbstractUser):
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.CLIENT)
    totp_secret = models.CharField(max_length=64, blank=True, default="")
    erased_at = models.DateTimeField(null=True, blank=True)
    # IANA name (e.g. Europe/Berlin), taken from the browser at sign-up: pages, forms and schedules use it.
    time_zone = models.CharField(max_length=64, default="UTC", blank=True)
    # The newest TOTP time step already used: a code is accepted once, and never an older one (no replays).
    totp_last_step = models.BigIntegerField(default=0)
    # Set by the operator's password reset: the person picks their own password before anything else.
    must_change_password = models.BooleanField(default=False)

    @property
    def is_client(self) -> bool:
        return bool(self.role == Role.CLIENT)

    @property
    def is_therapist(self) -> bool:
        return bool(self.role == Role.THERAPIST)


class Pair(models.Model):
    """A client and a therapist working together. Either side can end it; ended pairs grant nothing."""

    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="pairs_as_client")
    therapist = models.ForeignKey(User, on_delete=models.CASCADE, related_name="pairs_as_therapist")
    started_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["client", "therapist"],
                condition=models.Q(ended_at__isnull=True),
                name="one_active_pair_per_couple",
            )
        ]


class Invitation(models.Model):
    """A one-time code that links the issuer with whoever of the other role redeems it. Only its hash is stored."""

    code_hash = models.CharField(max_length=64, unique=True)
    issued_by = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    pair = models.ForeignKey(Pair, on_delete=models.SET_NULL, null=True, blank=True)
