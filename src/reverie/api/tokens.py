"""Personal access tokens: create (shown once), list, revoke, and find the person a presented token belongs to.

A token is ``rv_`` followed by 43 random URL-safe characters (256 bits). Only its SHA-256 is stored: a fast hash is
enough for a secret of that strength, and it lets a presented token be found with one indexed lookup.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from reverie.api.models import ApiToken
from reverie.clinic.models import User
from reverie.clinic.services import audit
from reverie.errors import Conflict, InvalidInput, NotFound
from reverie.text import not_utf8

TOKEN_PREFIX = "rv_"  # noqa: S105 -- the public marker of a token, not a secret
MAX_NAME_CHARS = 80
MAX_TOKENS_PER_PERSON = 50
MAX_TOKEN_ID = 2**63 - 1
LAST_USED_RESOLUTION = timedelta(minutes=1)  # at most one write per token per minute


@dataclass(frozen=True, slots=True)
class IssuedToken:
    token: ApiToken
    secret: str  # the full token: returned once, never stored


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "replace")).hexdigest()


def _clean_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean or len(clean) > MAX_NAME_CHARS or "\x00" in clean:
        raise InvalidInput(f"A token needs a name of 1–{MAX_NAME_CHARS} characters.")
    if not_utf8(clean):
        raise InvalidInput("The token name contains characters that are not valid text.")
    return clean


def issue(user: User, name: str) -> IssuedToken:
    """Create a named token for ``user``. The returned secret is the only copy there will ever be."""
    clean = _clean_name(name)
    with transaction.atomic():
        if ApiToken.objects.filter(user=user).count() >= MAX_TOKENS_PER_PERSON:
            raise Conflict(f"You already have {MAX_TOKENS_PER_PERSON} tokens; revoke one first.")
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = ApiToken.objects.create(
            user=user, name=clean, prefix=secret[: len(TOKEN_PREFIX) + 6], token_hash=_digest(secret)
        )
        audit.record(user, "token.create", "token", token.pk, subject=user)
    return IssuedToken(token, secret)


def owned(user: User) -> list[ApiToken]:
    return list(ApiToken.objects.filter(user=user))


def revoke(user: User, token_id: int) -> None:
    """Delete one of ``user``'s tokens. Someone else's token answers exactly like a missing one."""
    with transaction.atomic():
        token = (
            ApiToken.objects.filter(pk=token_id, user=user).first() if 0 < token_id <= MAX_TOKEN_ID else None
        )
        if token is None:
            raise NotFound("No such token.")
        audit.record(user, "token.revoke", "token", token.pk, subject=user)
        token.delete()


def user_for(secret: str) -> User | None:
    """The active person a presented token belongs to, or None. Records when the token was last used."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    token = ApiToken.objects.select_related("user").filter(token_hash=_digest(secret)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def revoke_all(user: User) -> int:
    """Delete every token of ``user`` (their password changed or was reset); returns how many there were."""
    with transaction.atomic():
        count, _ = ApiToken.objects.filter(user=user).delete()
        if count:
            audit.record(user, "token.revoke_all", "user", user.pk, subject=user)
    return int(count)
