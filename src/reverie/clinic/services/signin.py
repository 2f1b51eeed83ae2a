"""Signing in safely: throttling per account and per address, and TOTP two-factor codes.

Therapists must use two-factor codes; clients may. Secrets are generated here and checked with a one-step window.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from reverie.clinic.models import LoginFailure, User
from reverie.clinic.services import audit, people
from reverie.errors import AuthenticationFailed, InvalidInput

WINDOW = timedelta(minutes=15)
MAX_PER_ACCOUNT = 5
MAX_PER_ADDRESS = 20
ISSUER = "Reverie"


def _account(username: str) -> str:
    return hashlib.sha256(username.strip().lower().encode()).hexdigest()


def _throttled(account: str, address: str) -> bool:
    since = timezone.now() - WINDOW
    recent = LoginFailure.objects.filter(at__gte=since)
    return (
        recent.filter(account=account).count() >= MAX_PER_ACCOUNT
        or recent.filter(address=address).count() >= MAX_PER_ADDRESS
    )


def check_password(username: str, password: str, address: str) -> User:
    """Authenticate, refusing while too many recent failures came for this account or from this address."""
    account = _account(username)
    if _throttled(account, address):
        raise AuthenticationFailed("Too many attempts. Wait 15 minutes and try again.")
    try:
        user = people.authenticate(username, password)
    except AuthenticationFailed:
        LoginFailure.objects.create(account=account, address=address[:64], at=timezone.now())
        raise
    LoginFailure.objects.filter(account=account).delete()
    return user


def needs_second_factor(user: User) -> bool:
    return bool(user.totp_secret) or user.is_therapist


def new_secret() -> str:
    import pyotp

    return str(pyotp.random_base32())


def provisioning_uri(user: User, secret: str) -> str:
    import pyotp

    return str(pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name=ISSUER))


def _valid(secret: str, code: str) -> bool:
    import pyotp

    digits = "".join(c for c in code if c.isdigit())
    return len(digits) == 6 and bool(pyotp.TOTP(secret).verify(digits, valid_window=1))


def enable_totp(user: User, secret: str, code: str) -> None:
    if not _valid(secret, code):
        raise InvalidInput("That code does not match. Check the time on your device and try again.")
    with transaction.atomic():
        user.totp_secret = secret
        user.save(update_fields=["totp_secret"])
        audit.record(user, "totp.enable", "user", user.pk, subject=user)


def check_totp(user: User, code: str, address: str) -> None:
    account = _account(user.username)
    if _throttled(account, address):
        raise AuthenticationFailed("Too many attempts. Wait 15 minutes and try again.")
    if not user.totp_secret or not _valid(user.totp_secret, code):
        LoginFailure.objects.create(account=account, address=address[:64], at=timezone.now())
        raise AuthenticationFailed("That code is not right.")
