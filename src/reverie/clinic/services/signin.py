"""Signing in safely: attempt limits, TOTP second-factor codes (no replays) and one-time recovery codes.

Therapists must use a second factor; clients may. Each kind of attempt has its own counter (``services/throttle.py``):
passwords per account and per address; second-step codes per account (a correct password never resets that
counter) and per address. A TOTP code is accepted once: the newest time step used is stored per account and only a
later one is accepted. Recovery codes (10 of 80 random bits, shown once, stored as salted HMAC-SHA256 keyed with the
install's secret key, never in clear) each work once at the second step.

The authenticator's shared secret is stored sealed (``User.totp_secret`` holds ``sealed:`` and the base64 of a blob
sealed under the person's data key, bound to them and to ``account.totp_secret``; review r40): a copy of the
database or of a backup, without the key files, does not give the second factor. So is the candidate secret the
setup page keeps in the session between showing it and confirming it. A value without the marker is plain (only one
written before clinic 0014, whose data migration seals every such secret); it still works, and is sealed when it
is next replaced.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import secrets
import time
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from reverie.clinic.models import RecoveryCode, User
from reverie.clinic.services import audit, keys, people, throttle
from reverie.clinic.services.throttle import Limit
from reverie.errors import AuthenticationFailed, IntegrityError, InvalidInput

MAX_PER_ACCOUNT = 5  # wrong passwords per account and window
MAX_CODES_PER_ACCOUNT = 5  # wrong second-step codes per account and window, counted apart from passwords
MAX_PER_ADDRESS = 20  # wrong passwords and codes together, per client address and window
ISSUER = "Reverie"
STEP_SECONDS = 30
RECOVERY_CODES = 10
RECOVERY_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford's base32: 16 characters carry 80 bits
RECOVERY_LENGTH = 16
SELECTOR_LENGTH = 4
SEALED_MARK = (
    "sealed:"  # a sealed ``totp_secret`` (or session candidate) starts with it; a base32 secret never does
)
TOTP_PURPOSE = "account.totp_secret"
CANDIDATE_PURPOSE = "account.totp_candidate"


def password_limits(username: str, address: str) -> tuple[Limit, Limit]:
    return (
        Limit("password", username, MAX_PER_ACCOUNT),
        Limit("address", address[:64], MAX_PER_ADDRESS),
    )


def code_limits(user: User, address: str) -> tuple[Limit, Limit]:
    return (
        Limit("code", str(user.pk), MAX_CODES_PER_ACCOUNT),
        Limit("address", address[:64], MAX_PER_ADDRESS),
    )


def check_password(username: str, password: str, address: str) -> User:
    """Authenticate. Every attempt takes a place in the account's and the address's limits before the password
    is checked; a right password gives its places back, a wrong one keeps them for the window."""
    try:
        ticket = throttle.take(*password_limits(username, address))
        user = people.authenticate(username, password)  # a wrong password raises and keeps the places
    except AuthenticationFailed:
        audit.failed_sign_in(username, "password")
        raise
    ticket.succeeded()
    return user


def needs_second_factor(user: User) -> bool:
    return bool(user.totp_secret) or user.is_therapist


def new_secret() -> str:
    import pyotp

    return str(pyotp.random_base32())


def _record(user: Any) -> str:
    return f"user/{user.pk}"


def seal_secret(user: Any, secret: str, purpose: str = TOTP_PURPOSE) -> str:
    """``secret`` sealed under ``user``'s data key, as text (``sealed:`` + base64): what is stored, never the secret.
    ``user`` needs only ``pk`` and ``erased_at`` (the data migration passes its historical model)."""
    blob = keys.seal_for(user, _record(user), purpose, secret.encode("ascii"))
    return SEALED_MARK + base64.b64encode(blob).decode("ascii")


def open_secret(user: Any, stored: str, purpose: str = TOTP_PURPOSE) -> str:
    """The secret a :func:`seal_secret` value holds ("" for ""; a value without the marker is a plain one written
    before clinic 0014). One that does not open (its data key gone, altered) raises ``IntegrityError`` naming no
    secret; the operator clears it with ``reverie user reset-two-step``."""
    if not stored.startswith(SEALED_MARK):
        return stored
    try:
        blob = base64.b64decode(stored[len(SEALED_MARK) :], validate=True)
    except (binascii.Error, ValueError):
        raise IntegrityError("This account's authenticator secret is not a sealed value.") from None
    return keys.open_for(user, _record(user), purpose, blob).decode("ascii")


def totp_secret_of(user: User) -> str:
    """The person's authenticator secret, opened ("" when two-step sign-in is off)."""
    return open_secret(user, user.totp_secret)


def seal_candidate(user: User, secret: str) -> str:
    """The setup page's candidate secret as the session keeps it (session rows are not encrypted)."""
    return seal_secret(user, secret, CANDIDATE_PURPOSE)


def open_candidate(user: User, stored: object) -> str | None:
    """The candidate secret a session holds, or None when there is none or it no longer opens (a plain one from
    before, a restored or replaced key): the page then offers a new one."""
    if not isinstance(stored, str) or not stored.startswith(SEALED_MARK):
        return None
    try:
        return open_secret(user, stored, CANDIDATE_PURPOSE)
    except (IntegrityError, UnicodeDecodeError):
        return None


def provisioning_uri(user: User, secret: str) -> str:
    import pyotp

    return str(pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name=ISSUER))


def qr_svg(uri: str) -> str:
    """The enrolment QR code as inline SVG, drawn here (no request leaves the machine, nothing for the CSP)."""
    import segno

    qr = segno.make(uri, error="m")
    return str(
        qr.svg_inline(
            scale=5, border=2, dark="#000", light="#fff", title="QR code for your authenticator app"
        )
    )


def _digits(code: str) -> str:
    return "".join(c for c in code if not c.isspace())


def _matching_step(secret: str, code: str, now: float | None = None) -> int | None:
    """The time step (previous, current or next) whose code this is, or None."""
    import pyotp

    digits = _digits(code)
    if len(digits) != 6 or not digits.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    current = int((time.time() if now is None else now) // STEP_SECONDS)
    found = None
    for step in (current - 1, current, current + 1):
        if hmac.compare_digest(totp.at(step * STEP_SECONDS), digits):
            found = step
    return found


def _claim_step(user: User, step: int) -> bool:
    """Record ``step`` as used, only if it is newer than every step used before (atomic: one winner)."""
    claimed = User.objects.filter(pk=user.pk, totp_last_step__lt=step).update(totp_last_step=step) == 1
    if claimed:
        user.totp_last_step = step
    return claimed


def _normal_recovery(code: str) -> str:
    return "".join(c for c in code.lower() if c.isalnum())


RECOVERY_HASH_VERSION = "v1"


def _recovery_digest(code: str, salt: str, secret: str) -> str:
    return salted_hmac(f"reverie.recovery-code/{salt}", code, secret=secret, algorithm="sha256").hexdigest()


def _hash_recovery(code: str) -> str:
    salt = secrets.token_hex(8)
    return f"{RECOVERY_HASH_VERSION}${salt}${_recovery_digest(code, salt, settings.SECRET_KEY)}"


def _recovery_matches(code: str, stored: str) -> bool:
    version, salt, digest = ([*stored.split("$"), "", "", ""])[:3]
    if version != RECOVERY_HASH_VERSION:
        return False
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return any(hmac.compare_digest(_recovery_digest(code, salt, key), digest) for key in keys)


def _use_recovery_code(user: User, code: str) -> bool:
    given = _normal_recovery(code)
    if len(given) != RECOVERY_LENGTH:
        return False
    rows = RecoveryCode.objects.filter(user=user, selector=given[:SELECTOR_LENGTH], used_at__isnull=True)
    for row in rows:
        if _recovery_matches(given, row.code_hash):
            return (
                RecoveryCode.objects.filter(pk=row.pk, used_at__isnull=True).update(used_at=timezone.now())
                == 1
            )
    return False


def check_second_factor(user: User, code: str, address: str) -> str:
    """Check a 6-digit TOTP code or a recovery code; return which ("totp" or "recovery").

    Counted per account on its own limit (and per address) before anything is checked; a code already used, or
    older than the newest used, is refused like a wrong one.
    """
    ticket = throttle.take(*code_limits(user, address))
    kind = ""
    if user.totp_secret:
        step = _matching_step(totp_secret_of(user), code)
        if step is not None and _claim_step(user, step):
            kind = "totp"
    if not kind and _use_recovery_code(user, code):
        kind = "recovery"
        audit.record(user, "recovery_code.use", "user", user.pk, subject=user)
    if not kind:
        audit.failed_sign_in(user.username, "code")
        raise AuthenticationFailed("That code is not right (or it was already used).")
    ticket.succeeded()
    return kind


def check_totp(user: User, code: str, address: str) -> None:
    """The second sign-in step (kept for callers that do not care which kind of code was used)."""
    check_second_factor(user, code, address)


def _new_recovery_code() -> str:
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, RECOVERY_LENGTH, 4))


def _replace_recovery_codes(user: User) -> list[str]:
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODES)]
    RecoveryCode.objects.filter(user=user).delete()
    RecoveryCode.objects.bulk_create(
        [
            RecoveryCode(
                user=user,
                selector=_normal_recovery(c)[:SELECTOR_LENGTH],
                code_hash=_hash_recovery(_normal_recovery(c)),
            )
            for c in codes
        ]
    )
    return codes


def recovery_codes_left(user: User) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def _prove_identity(user: User, password: str, code: str, address: str) -> None:
    """Re-enrolment and new recovery codes need the password and a current code (or a recovery code)."""
    check_password(user.username, password, address)
    check_second_factor(user, code, address)


def enable_totp(
    user: User, secret: str, code: str, *, password: str = "", current_code: str = "", address: str = ""
) -> list[str]:
    """Turn on (or replace) the authenticator; return fresh recovery codes, shown once.

    Turning it on needs the password; replacing an authenticator already set up needs the password and a code
    from the current one (or a recovery code): a session left open is not enough to bind or take over the second
    factor (review r31). Replacing one signs the person out everywhere (API tokens stay, as when turning it off);
    the web page keeps the session it was done in with ``update_session_auth_hash``. The secret is stored sealed.
    """
    if user.totp_secret:
        _prove_identity(user, password, current_code, address)
    else:
        check_password(user.username, password, address)
    step = _matching_step(secret, code)
    if step is None:
        raise InvalidInput("That code does not match. Check the time on your device and try again.")
    replacing = bool(user.totp_secret)
    with transaction.atomic():
        user.totp_secret = seal_secret(user, secret)
        user.totp_last_step = step  # the code just shown cannot be used again to sign in
        user.save(update_fields=["totp_secret", "totp_last_step"])
        codes = _replace_recovery_codes(user)
        if replacing:  # a session that passed the old authenticator (someone else's, maybe) must not go on
            sign_out_everywhere(user)
        audit.record(user, "totp.enable", "user", user.pk, subject=user)
    return codes


def new_recovery_codes(user: User, password: str, code: str, address: str = "") -> list[str]:
    """Replace the recovery codes (the old ones stop working); needs the password and a current code."""
    if not user.totp_secret:
        raise InvalidInput("Set up two-step sign-in first; recovery codes come with it.")
    _prove_identity(user, password, code, address)
    with transaction.atomic():
        codes = _replace_recovery_codes(user)
        audit.record(user, "recovery_code.renew", "user", user.pk, subject=user)
    return codes


THERAPISTS_KEEP_IT = (
    "Therapists must keep two-step sign-in. To use another device, replace the authenticator instead."
)


def sign_out_everywhere(user: User) -> None:
    """End every web session of ``user`` at once: raise their ``session_epoch``, part of the session auth hash, so
    each of their sessions is refused (and flushed) at its next request, as after a password change. No session
    row is read, the person's or anyone else's. The caller keeps the session the person acted in with
    ``update_session_auth_hash(request, user)``; ``user`` carries the new epoch for it."""
    User.objects.filter(pk=user.pk).update(session_epoch=F("session_epoch") + 1)
    user.refresh_from_db(fields=["session_epoch"])


def _clear_second_factor(user: User) -> None:
    user.totp_secret = ""
    user.save(update_fields=["totp_secret"])  # totp_last_step stays: an old code never signs in again
    RecoveryCode.objects.filter(user=user).delete()
    sign_out_everywhere(user)  # a session that passed the factor now cleared must not go on with it


def disable_totp(user: User, password: str, code: str, address: str = "") -> None:
    """Turn two-step sign-in off: needs the password and a current code (or a recovery code). Therapists must
    keep it (they may replace the authenticator). Signs the person out everywhere; the web page keeps the session
    it was done in with ``update_session_auth_hash``."""
    if not user.totp_secret:
        raise InvalidInput("Two-step sign-in is not on.")
    if user.is_therapist:
        raise InvalidInput(THERAPISTS_KEEP_IT)
    _prove_identity(user, password, code, address)
    with transaction.atomic():
        _clear_second_factor(user)
        audit.record(user, "totp.disable", "user", user.pk, subject=user)


def reset_second_factor(username: str) -> bool:
    """The operator's reset (``reverie user reset-two-step``): clear the authenticator and the recovery codes of
    an account that lost them (or had one bound by someone else), and sign that person out everywhere and revoke
    every API token of theirs (as a password reset does: neither a session that passed the cleared factor nor a token minted
    under it goes on). Audited. A therapist sets a new one up at their next sign-in. Returns whether there was one
    to clear."""
    from reverie.api.tokens import revoke_all
    from reverie.errors import NotFound

    user = User.objects.filter(username=username.strip().lower(), is_active=True).first()
    if user is None:
        raise NotFound("No such account.")
    had = bool(user.totp_secret) or RecoveryCode.objects.filter(user=user).exists()
    with transaction.atomic():
        _clear_second_factor(user)
        revoke_all(
            user
        )  # r36 fault 4: a token minted while the cleared factor was in force stopped working too
        audit.record(None, "totp.reset", "user", user.pk, subject=user)
    throttle.clear(code_limits(user, "")[0])  # the locked-out person can try their new codes at once
    return had
