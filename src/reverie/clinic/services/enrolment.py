"""Who gets which account. The public sign-up makes client accounts only; a therapist account exists only by the
operator's action: ``reverie user create NAME --role therapist``, or a therapist invitation code the operator
issues (``reverie user invite-therapist``) and the therapist redeems when signing up. The very first account of a
fresh install (the first-run page) is the operator's choice of role.

Invitation codes carry 100 bits, only their SHA-256 is stored, each works once, and tries are limited per claimed
user name and per address with the same atomic limits as sign-in (``services/throttle.py``).
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from reverie.clinic.models import AccountInvitation, Role, User
from reverie.clinic.services import audit, people, throttle
from reverie.clinic.services.throttle import Limit
from reverie.errors import InvalidInput, NotFound

INVITATION_DAYS = 14


def issue_account_invitation(role: str = Role.THERAPIST, days: int = INVITATION_DAYS) -> str:
    """The operator's invitation for one account of ``role`` (shown once)."""
    if role not in Role.values:
        raise InvalidInput("The role must be 'client' or 'therapist'.")
    if not 1 <= days <= 90:
        raise InvalidInput("An invitation lasts 1–90 days.")
    code = people.new_code()
    with transaction.atomic():
        row = AccountInvitation.objects.create(
            code_hash=people.code_hashes(code)[0],
            role=role,
            expires_at=timezone.now() + timedelta(days=days),
        )
        audit.record(None, "account_invitation.issue", "account_invitation", row.pk)
    return code


def first_account(username: str, password: str, role: str, *, time_zone: str = "") -> User:
    """The first-run page: the first account of a fresh install, with the role the operator picks."""
    if people.has_users():
        raise InvalidInput("This install already has accounts: sign up on the usual page.")
    return people.create_user(username, password, role, time_zone=time_zone)


MAX_SIGNUPS_PER_ADDRESS = (
    20  # sign-up attempts per client address and window (as sign-in's per-address limit)
)
TOO_MANY_SIGNUPS = "Too many sign-up attempts from here. Wait 15 minutes and try again."


def signup_limit(address: str) -> Limit:
    return Limit("signup-address", address[:64], MAX_SIGNUPS_PER_ADDRESS)


def sign_up(
    username: str, password: str, *, invitation: str = "", address: str = "", time_zone: str = ""
) -> User:
    """The public sign-up: a client account, or the role of a valid operator's invitation code.

    A sign-up page necessarily says whether a user name is free, so each attempt takes a place in its address's
    limit before the name is looked at (the sign-in's mechanism, ``services/throttle.py``); an account made gives
    its place back, a refused attempt (a taken name, a weak password) keeps it for the window. With an invitation
    code the invitation's own limits (per name and per address, taken before the code or the name is checked)
    count the attempt instead.
    """
    if invitation.strip():
        return _redeem(username, password, invitation, address, time_zone)
    ticket = throttle.take(signup_limit(address), message=TOO_MANY_SIGNUPS)
    user = people.create_user(username, password, Role.CLIENT, time_zone=time_zone)
    ticket.succeeded()
    return user


def _redeem(username: str, password: str, invitation: str, address: str, time_zone: str) -> User:
    """Sign up with a code: an operator's invitation gives its role; a therapist's linking code (the one /pair/ takes)
    makes a client account linked with that therapist. Either in one transaction: a refused link makes no account."""
    ticket = throttle.take(
        Limit("invitation-account", "signup:" + username, people.MAX_REDEEM_PER_ACCOUNT),
        Limit("invitation-address", address[:64], people.MAX_REDEEM_PER_ADDRESS),
        message=people.TOO_MANY_CODES,
    )
    with transaction.atomic():
        row = (
            AccountInvitation.objects.select_for_update()
            .filter(code_hash=people.code_hashes(invitation)[0], used_at__isnull=True)
            .filter(expires_at__gt=timezone.now())
            .first()
        )
        if row is None:
            user = _linked_client(username, password, invitation, time_zone)
        else:
            user = people.create_user(username, password, row.role, time_zone=time_zone)
            row.used_at, row.used_by = timezone.now(), user
            row.save(update_fields=["used_at", "used_by"])
            audit.record(user, "account_invitation.redeem", "account_invitation", row.pk, subject=user)
    ticket.succeeded()
    return user


def _linked_client(username: str, password: str, code: str, time_zone: str) -> User:
    """A client account linked with the therapist whose code ``code`` is, made in the caller's transaction: the
    account first, then the link exactly as /pair/ makes it (``people.link_by``). A code that is neither kind, used
    or expired is refused before anything is made; a client's own code links no new client (refused, rolled back)."""
    pairing = people.open_invitation(code)
    if pairing is None:
        raise NotFound(people.CODE_NOT_VALID)
    if pairing.issued_by.role != Role.THERAPIST:
        raise InvalidInput(
            "That code was made by a client, to link with a therapist: it cannot link a new account. "
            "Create your account without it.",
            field="invitation",
        )
    user = people.create_user(username, password, Role.CLIENT, time_zone=time_zone)
    people.link_by(user, pairing)
    return user
