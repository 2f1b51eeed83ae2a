"""Passwords: a person changes their own (with the current one); the operator resets one from the CLI.

Both end every other way in: Django's sessions carry a hash of the password, so every session signed in before
the change stops working at its next request (the web page that changes it keeps its own session), and every
personal API token of the person is revoked. New passwords pass the same validators as at sign-up. A reset sets
``must_change_password``: until the person picks their own, the web, the API and the CLI let them do only that.
"""

from __future__ import annotations

import secrets

from django.db import transaction

from reverie.clinic.models import User
from reverie.clinic.services import audit, people, signin, throttle
from reverie.errors import AuthenticationFailed, InvalidInput, NotFound

GENERATED_CHARS = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud or typed from a note
GENERATED_LENGTH = 20  # about 99 bits


def _validated(user: User, password: str) -> None:
    people.validate_new_password(password, user)


def _revoke_tokens(user: User) -> int:
    from reverie.api.tokens import revoke_all

    return revoke_all(user)


def change_password(user: User, current: str, new: str, *, address: str = "") -> int:
    """Change ``user``'s password after checking the current one (throttled like a sign-in).

    Returns how many API tokens were revoked. The caller keeps its own web session with
    ``update_session_auth_hash``; every other session ends.
    """
    try:
        signin.check_password(user.username, current, address)
    except AuthenticationFailed as exc:
        if exc.message == throttle.TOO_MANY:
            raise
        raise AuthenticationFailed("The current password is not right.") from None
    if new == current:
        raise InvalidInput("Choose a new password, not the current one.", field="password")
    _validated(user, new)
    with transaction.atomic():
        user.set_password(new)
        user.must_change_password = False
        user.save(update_fields=["password", "must_change_password"])
        revoked = _revoke_tokens(user)
        audit.record(user, "password.change", "user", user.pk, subject=user)
    return revoked


def generate_password(user: User) -> str:
    """A random one-time password that the validators accept (never refused by chance)."""
    for _ in range(100):
        candidate = "".join(secrets.choice(GENERATED_CHARS) for _ in range(GENERATED_LENGTH))
        try:
            _validated(user, candidate)
        except InvalidInput:
            continue
        return candidate
    raise InvalidInput("Could not make a password the validators accept; give one on standard input.")


def reset_password(username: str, new: str | None = None) -> str:
    """The operator's reset: set a one-time password (``new``, or a generated one, returned), end every session
    and API token, and make the person choose their own password at their next sign-in."""
    user = User.objects.filter(username=username.strip().lower(), is_active=True).first()
    if user is None:
        raise NotFound("No such account.")
    password = new if new else generate_password(user)
    _validated(user, password)
    with transaction.atomic():
        user.set_password(password)
        user.must_change_password = True
        user.save(update_fields=["password", "must_change_password"])
        _revoke_tokens(user)
        audit.record(None, "password.reset", "user", user.pk, subject=user)
    throttle.clear(signin.password_limits(user.username, "")[0])  # the locked-out person can sign in now
    return password
