"""People: accounts with a role, and the therapeutic pair that links a client and a therapist."""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac

# The session auth hash once ``session_epoch`` has moved on from 0 (v1: HMAC-SHA256 of "epoch$password hash").
SESSION_HASH_SALT = "reverie.clinic.User.session_auth_hash/v1"


class Role(models.TextChoices):
    CLIENT = "client", "Client"
    THERAPIST = "therapist", "Therapist"


class NoticedOnEntries(models.TextChoices):
    """The client's choice for "What Reverie noticed" on their entry pages (the risk note is shown whatever it is)."""

    ASK = "ask", "Ask first"
    ALWAYS = "always", "Always show"
    NEVER = "never", "Never show"


class User(AbstractUser):
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.CLIENT)
    # Sealed under the person's data key ("sealed:" + base64; signin.seal_secret), never the secret itself.
    totp_secret = models.CharField(max_length=255, blank=True, default="")
    erased_at = models.DateTimeField(null=True, blank=True)
    # IANA name (e.g. Europe/Berlin), taken from the browser at sign-up: pages, forms and schedules use it.
    time_zone = models.CharField(max_length=64, default="UTC", blank=True)
    # "What Reverie noticed" on the client's own entry pages: a closed panel (ask), open (always) or none (never).
    noticed_on_entries = models.CharField(
        max_length=8, choices=NoticedOnEntries.choices, default=NoticedOnEntries.ASK
    )
    # The newest TOTP time step already used: a code is accepted once, and never an older one (no replays).
    totp_last_step = models.BigIntegerField(default=0)
    # Set by the operator's password reset: the person picks their own password before anything else.
    must_change_password = models.BooleanField(default=False)
    # Part of the session auth hash (with the password hash, as Django does): raising it signs the person out
    # everywhere at once, each session refused at its next request, without reading anyone's session rows. Raised
    # when the second factor is turned off or cleared by the operator (``signin.sign_out_everywhere``).
    session_epoch = models.PositiveIntegerField(default=0)

    def _epoch_hash(self, secret: str | None) -> str:
        value = f"{self.session_epoch}${self.password}"
        return salted_hmac(SESSION_HASH_SALT, value, secret=secret, algorithm="sha256").hexdigest()

    def get_session_auth_hash(self) -> str:
        """Django's hash of the password while ``session_epoch`` is 0 (so sessions made before this field stay
        valid), then one that also covers the epoch; ``django.contrib.auth.get_user`` compares it at every
        request and ends a session whose stored hash differs."""
        if not self.session_epoch:
            return super().get_session_auth_hash()
        return self._epoch_hash(None)

    def get_session_auth_fallback_hash(self) -> Iterator[str]:
        """The same under each of ``SECRET_KEY_FALLBACKS`` (Django's key rotation), at the current epoch only."""
        if not self.session_epoch:
            yield from super().get_session_auth_fallback_hash()
            return
        for secret in settings.SECRET_KEY_FALLBACKS:
            yield self._epoch_hash(secret)

    @property
    def is_client(self) -> bool:
        return bool(self.role == Role.CLIENT)

    @property
    def is_therapist(self) -> bool:
        return bool(self.role == Role.THERAPIST)


class PairQuerySet(models.QuerySet["Pair"]):
    def open(self) -> PairQuerySet:
        """The links open now: not ended, and both accounts active (review r97). The one answer to "who is linked"
        (shares, the link lists, risk alerts, the reading rules): an account turned off by any means (``reverie
        user deactivate``, the database) links no one, though its rows stay; ``reverie user deactivate``, and any
        save of the account with ``is_active`` off (Django's admin: ``people.end_links_of_inactive``), also ends its
        links for good, so no later change of ``is_active`` re-opens them."""
        return self.filter(ended_at__isnull=True, client__is_active=True, therapist__is_active=True)


class Pair(models.Model):
    """A client and a therapist working together. Either side can end it; ended pairs grant nothing. An open link
    is :meth:`PairQuerySet.open` (``Pair.objects.open()``): one to an account turned off grants nothing either."""

    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="pairs_as_client")
    therapist = models.ForeignKey(User, on_delete=models.CASCADE, related_name="pairs_as_therapist")
    started_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = PairQuerySet.as_manager()

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
