"""Passwords Reverie makes up itself (the demo accounts): checked with the very validators a person's password
meets, so a generated password is never refused by chance (e.g. "too similar to the user name")."""

from __future__ import annotations

import secrets
from collections.abc import Callable

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from reverie.errors import ConfigurationError

ATTEMPTS = 64


def _candidate() -> str:
    return "demo-" + secrets.token_urlsafe(12)


def generate_password(*usernames: str, candidate: Callable[[], str] = _candidate) -> str:
    """A password the configured validators accept for every one of ``usernames``.

    Candidates are drawn until one passes; one in about seventy random candidates is refused for similarity, so
    64 refusals in a row means the validators can never be met (a configuration error), not bad luck.
    """
    from reverie.clinic.models import User

    for _ in range(ATTEMPTS):
        password = candidate()
        try:
            for name in usernames:
                validate_password(password, User(username=name))
        except ValidationError:
            continue
        return password
    raise ConfigurationError("Could not make up a password the password validators accept.")
