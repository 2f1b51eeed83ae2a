"""Attempt limits that hold under concurrency: sign-in passwords, second-factor codes, invitation codes.

An attempt is counted *before* it is checked, by one conditional ``UPDATE`` on a counter row::

    UPDATE counter SET count = count + 1 (or 1 in a new window) WHERE key = … AND (count < limit OR window over)

The database applies that statement atomically (PostgreSQL re-checks the ``WHERE`` on the row it locked; SQLite has
one writer at a time), so ``limit`` concurrent attempts take the ``limit`` places and every other one is refused
before anything is checked. An attempt that turns out right gives its place back (:meth:`Ticket.succeeded`);
a wrong one keeps it for the rest of the window. Windows are fixed: they start at the first attempt counted and
last ``window``. Keys never hold a user name or address in clear (a SHA-256 of it).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Case, DateTimeField, F, IntegerField, Q, Value, When
from django.utils import timezone

from reverie.clinic.models import ThrottleCounter
from reverie.errors import AuthenticationFailed

WINDOW = timedelta(minutes=15)
TOO_MANY = "Too many attempts. Wait 15 minutes and try again."
PRUNE_AFTER = timedelta(
    days=1
)  # a counter whose window began this long ago is over (every window is shorter)
PRUNE_EVERY = 500  # attempts per process between two prunings

_since_prune = 0


@dataclass(frozen=True, slots=True)
class Limit:
    """At most ``limit`` attempts per ``window`` for one ``scope`` (what is tried) and ``subject`` (who or where)."""

    scope: str
    subject: str
    limit: int
    window: timedelta = WINDOW

    @property
    def key(self) -> str:
        digest = hashlib.sha256(self.subject.strip().lower().encode("utf-8", "replace")).hexdigest()
        return f"{self.scope}:{digest}"


@dataclass(slots=True)
class Ticket:
    """The places an attempt holds; give them back when the attempt was right."""

    limits: list[Limit] = field(default_factory=list)

    def succeeded(self) -> None:
        for limit in self.limits:
            _give_back(limit)
        self.limits = []


def take(*limits: Limit, message: str = TOO_MANY) -> Ticket:
    """Count one attempt against every limit, or refuse (and count nothing) if any of them is used up."""
    global _since_prune
    _since_prune += 1
    if _since_prune >= PRUNE_EVERY:
        _since_prune = 0
        prune()
    taken: list[Limit] = []
    for limit in limits:
        if not _take_one(limit):
            for held in taken:
                _give_back(held)
            raise AuthenticationFailed(message)
        taken.append(limit)
    return Ticket(taken)


def _take_one(limit: Limit) -> bool:
    now = timezone.now()
    key = limit.key
    ThrottleCounter.objects.bulk_create(
        [ThrottleCounter(key=key, count=0, window_start=now)], ignore_conflicts=True
    )
    new_window = Q(window_start__lte=now - limit.window)
    changed = ThrottleCounter.objects.filter(Q(key=key) & (new_window | Q(count__lt=limit.limit))).update(
        count=Case(When(new_window, then=Value(1)), default=F("count") + 1, output_field=IntegerField()),
        window_start=Case(
            When(new_window, then=Value(now)), default=F("window_start"), output_field=DateTimeField()
        ),
    )
    return changed == 1


def _give_back(limit: Limit) -> None:
    ThrottleCounter.objects.filter(key=limit.key, count__gt=0).update(count=F("count") - 1)


def remaining(limit: Limit) -> int:
    """How many attempts are left in the current window (for messages and tests)."""
    row = ThrottleCounter.objects.filter(key=limit.key).first()
    if row is None or row.window_start <= timezone.now() - limit.window:
        return limit.limit
    return max(limit.limit - row.count, 0)


def clear(limit: Limit) -> None:
    """Forget the attempts counted for one limit (the operator reset a password)."""
    ThrottleCounter.objects.filter(key=limit.key).delete()


def prune(now: datetime | None = None) -> int:
    """Delete counters whose window is long over (the table never grows with every name and address ever tried)."""
    cutoff = (now or timezone.now()) - PRUNE_AFTER
    deleted, _ = ThrottleCounter.objects.filter(window_start__lt=cutoff).delete()
    return int(deleted)
