"""Accounts and the therapeutic pair: create users, check passwords, invite, link and unlink."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.contrib.auth import authenticate as django_authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db import IntegrityError as DbIntegrityError
from django.db.models import Q
from django.utils import timezone

from reverie.clinic.models import Invitation, Pair, Role, User
from reverie.clinic.services import audit
from reverie.clinic.services.policy import Action, require
from reverie.errors import (
    ACCOUNT_ERASED_MESSAGE,
    AccountErased,
    AuthenticationFailed,
    Conflict,
    InvalidInput,
    NotFound,
    ReverieError,
)

INVITATION_DAYS = 14
INVITATION_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base32: no I, L, O, U
INVITATION_CHARS = 20  # 100 bits, shown as four groups of five
MAX_REDEEM_PER_ACCOUNT = 5  # wrong invitation codes per person and window
MAX_REDEEM_PER_ADDRESS = 20  # wrong invitation codes per client address and window
TOO_MANY_CODES = "Too many invitation codes tried. Wait 15 minutes and try again."
USERNAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-@+")
# Called with (actor, pair) inside end_pair's transaction: care ends that pair's open courses there. The actor is
# ``None`` when the clinic ends the link (an operator's ``reverie user deactivate``, an account turned off): what the
# hooks record is then the clinic's doing, never the departing person's.
pair_end_hooks: list[Callable[[User | None, Pair], None]] = []
# Lock, without writing, what ``pair_end_hooks`` will change (care: the pair's open courses), so that ending a link
# takes its locks in the one documented order: link, courses, entries, audit head (review r32).
pair_lock_hooks: list[Callable[[Pair], None]] = []


def create_user(
    username: str, password: str, role: str = Role.CLIENT, *, email: str = "", time_zone: str = ""
) -> User:
    name = username.strip().lower()
    if not name or len(name) > 150 or not set(name) <= USERNAME_CHARS:
        raise InvalidInput("A user name uses 1–150 letters, digits and . _ - @ + only.")
    if role not in Role.values:
        raise InvalidInput("The role must be 'client' or 'therapist'.")
    validate_new_password(password, User(username=name))
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                username=name, password=password, email=email, role=role, time_zone=_zone(time_zone)
            )
            audit.record(user, "user.create", "user", user.pk, subject=user)
    except DbIntegrityError:
        raise Conflict("That user name is taken.") from None
    return user


def _zone(name: str) -> str:
    from reverie.clinic.services.local_time import DEFAULT, known_zone

    return known_zone(name) or DEFAULT  # a browser's odd answer never blocks signing up


ONLY_SPACES = "A password cannot be only spaces: choose one with letters, digits or signs in it."


def validate_new_password(password: str, user: User) -> None:
    """The one rule for a new password (sign-up, change, operator reset): taken exactly as typed, spaces at
    either end included (sign-in never trims either), never only spaces, and the usual validators."""
    if not password.strip():
        raise InvalidInput(ONLY_SPACES, field="password")
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise InvalidInput(" ".join(str(m) for m in exc.messages), field="password") from None


def authenticate(username: str, password: str) -> User:
    """The password exactly as typed. Before sign-up and sign-in stopped trimming, the sign-up form stored a
    password without its spaces at either end and sign-in trimmed what was typed: such an account still signs in
    with what its person types, so a password given with spaces at either end is also tried trimmed."""
    name = username.strip().lower()
    user = django_authenticate(username=name, password=password)
    trimmed = password.strip()
    if user is None and trimmed and trimmed != password:
        user = django_authenticate(username=name, password=trimmed)
    if not isinstance(user, User) or not user.is_active:
        raise AuthenticationFailed("Wrong user name or password.")
    return user


def has_users() -> bool:
    return User.objects.exists()


def normal_code(code: str) -> str:
    """A code as typed (any case, with or without dashes and spaces) in its one stored form."""
    return "".join(c for c in code.upper() if c.isalnum())[:64]


def code_hashes(code: str) -> list[str]:
    """The hash of a code, and the hash that codes issued before 100-bit codes were stored under."""
    legacy = hashlib.sha256(code.strip().upper().encode()).hexdigest()
    return [hashlib.sha256(normal_code(code).encode()).hexdigest(), legacy]


def _hash_code(code: str) -> str:
    return code_hashes(code)[0]


def new_code() -> str:
    raw = "".join(secrets.choice(INVITATION_ALPHABET) for _ in range(INVITATION_CHARS))
    return "-".join(raw[i : i + 5] for i in range(0, INVITATION_CHARS, 5))


def issue_invitation(actor: User) -> str:
    """Return a fresh code (shown once); the other side redeems it to form the pair."""
    code = new_code()
    Invitation.objects.create(
        code_hash=_hash_code(code),
        issued_by=actor,
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    audit.record(actor, "invitation.issue", "user", actor.pk, subject=actor)
    return code


def accept_invitation(actor: User, code: str, address: str = "") -> Pair:
    """Redeem a code. Every try is counted per person and per address first (an atomic limit, see
    ``services/throttle.py``), so codes cannot be guessed; a right code gives its place back."""
    return accept_invitation_once(actor, code, address)[0]


def _redeemed_by(actor: User, hashes: list[str]) -> Pair | None:
    """The link a used code made for ``actor`` when they redeemed it (and it is still open): the same code sent
    again by its redeemer (a retry after a lost answer) names it. Anyone else, the issuer too, gets None."""
    used = (
        Invitation.objects.select_related("pair")
        .filter(code_hash__in=hashes, used_at__isnull=False, pair__isnull=False, pair__ended_at__isnull=True)
        .exclude(issued_by=actor)
        .first()
    )
    if used is None or used.pair is None or actor.pk not in (used.pair.client_id, used.pair.therapist_id):
        return None
    return used.pair


CODE_NOT_VALID = "That invitation code is not valid (it may be used or expired)."


def open_invitation(code: str) -> Invitation | None:
    """The linking invitation ``code`` names, still to be used and locked for this transaction, or None: used,
    expired, unknown, or its issuer's account deactivated since (it then links no one and answers as an unknown code
    does). The one reading of a typed linking code: /pair/, the API, the command line and the sign-up page."""
    return (
        Invitation.objects.select_for_update()
        .select_related("issued_by")
        .filter(
            code_hash__in=code_hashes(code),
            used_at__isnull=True,
            expires_at__gt=timezone.now(),
            issued_by__is_active=True,
        )
        .first()
    )


def link_by(actor: User, invitation: Invitation) -> Pair:
    """Link ``actor`` with the issuer of ``invitation`` (held by :func:`open_invitation`, in the caller's
    transaction) and use it up: the one way a code makes a link (:func:`accept_invitation_once`, and the sign-up
    page's new client account, ``enrolment.sign_up``, in the transaction that makes the account)."""
    issuer = invitation.issued_by
    if issuer.role == actor.role:
        raise InvalidInput(
            "An invitation links a client with a therapist; this code was issued by the same role."
        )
    client, therapist = (actor, issuer) if actor.is_client else (issuer, actor)
    if Pair.objects.filter(client=client, therapist=therapist, ended_at__isnull=True).exists():
        raise Conflict("You are already linked.")
    pair = Pair.objects.create(client=client, therapist=therapist)
    invitation.used_at = timezone.now()
    invitation.pair = pair
    invitation.save(update_fields=["used_at", "pair"])
    # a share stored with no link open (possible before shares needed one, r23) reaches no one: taken back, so
    # the entry does not say "shared" to a client whose new therapist cannot read it; the entries' rows before
    # the audit chain's head, as every entry writer locks them (review r32)
    unshared = _unshare_what_reaches_no_one(client)
    audit.record(actor, "pair.start", "pair", pair.pk, subject=client)
    for entry_id in unshared:
        audit.record(None, "entry.unshare", "entry", entry_id, subject=client)
    return pair


def accept_invitation_once(actor: User, code: str, address: str = "") -> tuple[Pair, bool]:
    """:func:`accept_invitation`, with whether the link was made now: False when ``actor`` already redeemed this
    code and the link it made is open (the same code sent again after a lost answer, review r64), which is not a
    failure; anyone else's try with a used code, or a code whose issuer's account was deactivated since (the web's
    and the command line's redeeming too: they call this), answers as an unknown code does (404)."""
    from reverie.clinic.services import throttle
    from reverie.clinic.services.throttle import Limit

    ticket = throttle.take(
        Limit("invitation-account", str(actor.pk), MAX_REDEEM_PER_ACCOUNT),
        Limit("invitation-address", address[:64], MAX_REDEEM_PER_ADDRESS),
        message=TOO_MANY_CODES,
    )
    with transaction.atomic():
        invitation = open_invitation(code)
        if invitation is None:
            made = _redeemed_by(actor, code_hashes(code))
            if made is None:
                raise NotFound(CODE_NOT_VALID)
            ticket.succeeded()
            return made, False
        pair = link_by(actor, invitation)
    ticket.succeeded()
    return pair, True


def end_pair(actor: User, pair_id: int) -> None:
    """End a link (either side). In the same transaction ``pair_end_hooks`` end the pair's open courses, so the
    client's current course is none and no session after today stays planned."""
    with transaction.atomic():
        pair = Pair.objects.select_for_update().filter(pk=pair_id).first()
        if pair is None:
            raise NotFound("No such link.")
        require(actor, Action.END, pair, "link")
        _end_links([pair], by=actor)


def pair_to_end(actor: User, pair_id: int) -> Pair:
    """The link ``actor`` asks to end, not ended: the same lookup and the same policy as :func:`end_pair`, so a
    link that is not theirs answers exactly like a missing one (``NotFound``). The API reads it to say what the end
    closes before it is confirmed."""
    pair = Pair.objects.select_related("client", "therapist").filter(pk=pair_id).first()
    if pair is None:
        raise NotFound("No such link.")
    require(actor, Action.END, pair, "link")
    return pair


def _end_links(pairs: list[Pair], *, by: User | None) -> None:
    """End these links (each already locked, in id order): what :func:`end_pair` does for one, and
    :func:`deactivate_user` for every open link of an account. ``by``: the person who ends them, whom the audit
    names and as whose the courses' hooks cancel sessions; ``None``: the clinic, an operator (h132: the departing
    account is never named as having ended its own courses or cancelled its sessions).

    The lock order of every writer here (link, courses, entries, audit head): the pairs' open courses are locked
    first (``pair_lock_hooks``), then the shares this end takes back (the entries' rows, taken back with no audit
    write yet), and only then do the courses end (``pair_end_hooks``: "course.end", the audit chain's head) and the
    links' own events follow. Before (review r32) the courses ended, locking the head, before the entries were
    taken back: a client's unshare or edit (entry, then head) deadlocked with it. Several links end in phases, all
    links' courses and entries before any audit write, so the order holds across them too."""
    moment = timezone.now()
    for pair in pairs:
        pair.ended_at = moment
        pair.save(update_fields=["ended_at"])
    for pair in pairs:
        for lock in pair_lock_hooks:
            lock(pair)
    unshared = {pair.pk: _unshare_what_reaches_no_one(pair.client) for pair in pairs}
    for pair in pairs:
        for hook in pair_end_hooks:
            hook(by, pair)
        audit.record(by, "pair.end", "pair", pair.pk, subject=pair.client)
        for entry_id in unshared[pair.pk]:  # Reverie's doing, not the person who ended the link
            audit.record(None, "entry.unshare", "entry", entry_id, subject=pair.client)


def _open_links_locked(user: User) -> list[Pair]:
    """Every link of this account not ended yet, its rows locked (the links' rows, not their people's), in id order:
    what :func:`deactivate_user` and :func:`end_links_of_inactive` end."""
    return list(
        Pair.objects.select_for_update(of=("self",))
        .select_related("client", "therapist")
        .filter(Q(client=user) | Q(therapist=user), ended_at__isnull=True)
        .order_by("pk")
    )


def deactivate_user(username: str) -> int:
    """The operator's ``reverie user deactivate``: turn an account off (a therapist who leaves the clinic; the rows
    stay for the records). In one transaction every open link of the account ends, by the clinic (:func:`_end_links`
    with no actor: courses end and their sessions to come are cancelled by the clinic, shares that now reach no one
    are taken back; every audit event names no person, the operator's CLI as every CLI command), its unused pairing
    codes are deleted, ``is_active`` goes off, every session ends and every API token is revoked; audited as
    ``user.deactivate``, content-free. Returns how many links ended. An account already off (the database, Django's
    admin) is finished the same way: its links still open end now. Turning ``is_active`` back on later re-opens
    nothing: the links stay ended, and linking again takes a new code."""
    from reverie.api.tokens import revoke_all
    from reverie.clinic.services.signin import sign_out_everywhere

    name = username.strip().lower()
    with transaction.atomic():
        user = User.objects.select_for_update().filter(username=name).first()
        if user is None:
            raise NotFound("No such account.")
        pairs = _open_links_locked(user)
        _end_links(pairs, by=None)
        Invitation.objects.filter(issued_by=user, used_at__isnull=True).delete()
        user.is_active = False
        user.save(update_fields=["is_active"])
        sign_out_everywhere(user)
        revoke_all(user)
        audit.record(None, "user.deactivate", "user", user.pk, subject=user)
    return len(pairs)


def end_links_of_inactive(user: User) -> int:
    """An account saved with ``is_active`` off by any other path than ``reverie user deactivate`` (Django's admin, a
    script saving the row): its links still open end now, by the clinic, as the command ends them (h132), so every
    share that reaches no one is taken back and no entry says "shared" to a client whose therapist has left. One
    truth: the stored share and the open link agree. Returns how many links ended (0 for an active account, or one
    with none open, the usual case: one query). Called on the account's save (:func:`install`), inside its
    transaction; the lock order is the command's (account, links, courses, entries, audit head)."""
    if user.is_active or user.pk is None:
        return 0
    with transaction.atomic():
        pairs = _open_links_locked(user)
        if pairs:
            _end_links(pairs, by=None)
    return len(pairs)


def _account_saved(
    sender: type[User], instance: User, update_fields: frozenset[str] | None, **_: object
) -> None:
    if update_fields is not None and "is_active" not in update_fields:
        return  # a sign-in's last_login, a password change: is_active untouched
    end_links_of_inactive(instance)


def install() -> None:
    """Subscribe :func:`end_links_of_inactive` to every save of an account; called once from ``ClinicConfig.ready``."""
    from django.db.models.signals import post_save

    post_save.connect(_account_saved, sender=User, dispatch_uid="reverie.people.end_links_of_inactive")


DEPARTED_THERAPIST = (
    "Your therapist's account at this clinic has been closed; what you share now reaches no one until you link"
    " with another therapist."
)


def departed_notice(actor: User) -> str:
    """To a client with no link open (:meth:`PairQuerySet.open`) whose latest link was with an account since turned
    off (``reverie user deactivate``, or otherwise): :data:`DEPARTED_THERAPIST`, shown with their links (web
    ``/pair/``, ``reverie pair list``) and when a share is refused (``journal.set_shared``); otherwise ``""``."""
    return DEPARTED_THERAPIST if departed_link(actor) is not None else ""


def departed_link(actor: User) -> Pair | None:
    """The link :func:`departed_notice` speaks of (a client with no link open whose latest link was with an account
    since turned off, and that link either still unended or ended by the clinic when that account was turned off),
    else None: the API's ``GET /pairs`` lists it, ended, with the notice (h132). A link the client or therapist
    ended themselves is not "departed", even if the therapist left later (review r118)."""
    if not actor.is_client or Pair.objects.open().filter(client=actor).exists():
        return None
    latest = (
        Pair.objects.filter(client=actor)
        .select_related("client", "therapist")
        .order_by("-started_at", "-pk")
        .first()
    )
    if latest is None or latest.therapist.is_active:
        return None
    return latest if latest.ended_at is None or _ended_by_clinic(latest) else None


def _ended_by_clinic(pair: Pair) -> bool:
    """Whether this ended link was ended by the clinic (its "pair.end" event names no person: an account turned off,
    :func:`_end_links` with ``by=None``), not by the client or the therapist themselves (review r118: a link the
    client ended, whose therapist left months later, did not end with the therapist's account)."""
    from reverie.clinic.models import AuditEvent

    actors = AuditEvent.objects.filter(action="pair.end", record_type="pair", record_id=str(pair.pk))
    return list(actors.order_by("-pk").values_list("actor_id", flat=True)[:1]) == [None]


def lock_links_of(client: User) -> None:
    """Lock, without writing, every link of a client (ended or not, in id order) and, through ``pair_lock_hooks``,
    each link's open courses: the first steps of the one documented lock order (link, courses, entries, audit head)
    for a writer that will delete them with the client (``portability.erase_client``), taken as :func:`end_pair`
    takes them, so the two wait for each other instead of deadlocking (review r35)."""
    pairs = list(Pair.objects.select_for_update().filter(client=client).order_by("pk"))
    for pair in pairs:
        for lock in pair_lock_hooks:
            lock(pair)


def _unshare_what_reaches_no_one(client: User) -> list[uuid.UUID]:
    """After a link ends: the client's shares that reach no link still open (a share reaches the links open when it
    was made, ``policy.shared_within``) are taken back, so the entry no longer says "shared" when no therapist
    reads it. A share made while another link was open too stays for that link."""
    from reverie.clinic.models import Entry

    starts = Pair.objects.open().filter(client=client).values_list("started_at", flat=True)
    earliest = min(starts, default=None)
    rows = Entry.objects.filter(client=client, shared=True)
    if earliest is not None:
        rows = rows.filter(Q(shared_at__isnull=True) | Q(shared_at__lt=earliest))
    ids = list(
        rows.select_for_update().values_list("id", flat=True)
    )  # the entries' rows, before the audit head
    Entry.objects.filter(id__in=ids).update(shared=False, shared_at=None)
    return ids


def last_ended_link(actor: User) -> Pair | None:
    """A client's latest link, when it has ended and no link is open (what their *My therapist* page names: "Your
    link with … ended on …", review r133); None otherwise, and for a link the clinic ended with a departed therapist's
    account (:func:`departed_notice` speaks of that one)."""
    if not actor.is_client or Pair.objects.open().filter(client=actor).exists():
        return None
    latest = (
        Pair.objects.filter(client=actor, ended_at__isnull=False)
        .select_related("therapist")
        .order_by("-ended_at", "-pk")
        .first()
    )
    if latest is None or departed_link(actor) is not None:
        return None
    return latest


def active_pairs(actor: User) -> list[Pair]:
    rows = Pair.objects.open().select_related("client", "therapist")
    if actor.is_client:
        return list(rows.filter(client=actor))
    return list(rows.filter(therapist=actor))


# --- an account erased while its person was writing (review r124) ----------------------------------------------


def account_erased(person: User) -> bool:
    """Whether ``person``'s account is gone since this object was read: erased (its row deleted with everything of
    theirs) while they were writing. The one answer every door asks (the command line's ``journal write``, its
    recovery copy, the web's forms, the API's saves), so an erasure is never followed by their words kept anywhere
    and the writer is told plainly why. Matched by id and the moment the account was made, never by id alone."""
    return not User.objects.filter(pk=person.pk, date_joined=person.date_joined).exists()


def account_id_erased(person_id: int) -> bool:
    """The same for an account known only by its id (a web form's writer mark, signed when the form was loaded)."""
    return not User.objects.filter(pk=person_id).exists()


def refuse_if_erased(person: User) -> None:
    """:class:`AccountErased` when ``person``'s account is gone (:func:`account_erased`)."""
    if account_erased(person):
        raise AccountErased(ACCOUNT_ERASED_MESSAGE)


@contextmanager
def unless_erased(person: User) -> Iterator[None]:
    """A save of ``person``'s that fails because their account was erased meanwhile (the rows it names are gone: a
    refused constraint at the commit, a data key that cannot be made for a person no longer there, an entry not
    found) is said as that, :class:`AccountErased`, never as a clash or a missing record. The database refuses
    the save itself (its foreign keys): this only decides what the person is told. Any other failure, or one met
    while the check cannot be made, goes up as it came."""
    try:
        yield
    except (ReverieError, DatabaseError) as failed:
        if isinstance(failed, AccountErased):
            raise
        try:
            erased = account_erased(person)
        except DatabaseError:
            raise failed from None
        if erased:
            raise AccountErased(ACCOUNT_ERASED_MESSAGE) from None
        raise
