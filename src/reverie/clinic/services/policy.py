"""Authorization as one default-deny policy: who may do what to which record.

Every view, API route and CLI command asks here. A rule that is not listed denies. A record the actor may not see
answers exactly like a record that does not exist (:class:`reverie.errors.NotFound`).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

from django.db.models import QuerySet

from reverie.clinic.models import Attachment, Entry, ObservationFeedback, Pair, User
from reverie.errors import NotFound


class Action(StrEnum):
    READ = "read"
    WRITE = "write"
    DELETE = "delete"
    RESTORE = "restore"
    PURGE = "purge"
    SHARE = "share"
    END = "end"


def active_pair(client: User, therapist: User) -> bool:
    return Pair.objects.filter(client=client, therapist=therapist, ended_at__isnull=True).exists()


def _owns_entry(actor: User, entry: Entry) -> bool:
    return bool(actor.is_active and entry.client_id == actor.pk)


def _reads_entry(actor: User, entry: Entry) -> bool:
    if _owns_entry(actor, entry):
        return entry.deleted_at is None
    return bool(
        actor.is_active
        and actor.is_therapist
        and entry.shared
        and entry.deleted_at is None
        and active_pair(entry.client, actor)
    )


def _owns_trashed(actor: User, entry: Entry) -> bool:
    return _owns_entry(actor, entry) and entry.deleted_at is not None


def _owns_live(actor: User, entry: Entry) -> bool:
    return _owns_entry(actor, entry) and entry.deleted_at is None


def _in_pair(actor: User, pair: Pair) -> bool:
    return bool(actor.is_active and pair.ended_at is None and actor.pk in (pair.client_id, pair.therapist_id))


def _owns_feedback(actor: User, row: ObservationFeedback) -> bool:
    """A "does this fit?" answer: only the entry's own client, on a live entry."""
    return row.client_id == row.entry.client_id and _owns_live(actor, row.entry)


def _reads_feedback(actor: User, row: ObservationFeedback) -> bool:
    """The client, or the linked therapist while the entry is shared (they see counts, never the answer's key)."""
    return row.client_id == row.entry.client_id and _reads_entry(actor, row.entry)


Rule = Callable[[User, Any], bool]

RULES: dict[tuple[type, Action], Rule] = {
    (Entry, Action.READ): _reads_entry,
    (Entry, Action.WRITE): _owns_live,
    (Entry, Action.DELETE): _owns_live,
    (Entry, Action.SHARE): _owns_live,
    (Entry, Action.RESTORE): _owns_trashed,
    (Entry, Action.PURGE): _owns_trashed,
    (Attachment, Action.READ): lambda actor, att: _reads_entry(actor, att.entry),
    (ObservationFeedback, Action.READ): _reads_feedback,
    (ObservationFeedback, Action.WRITE): _owns_feedback,
    (Pair, Action.READ): _in_pair,
    (Pair, Action.END): _in_pair,
}


def register(record_type: type, action: Action, rule: Rule) -> None:
    """Other modules (course, notes, measures) add their rules here; nothing is allowed by default."""
    RULES[(record_type, action)] = rule


def allows(actor: User | None, action: Action, record: object) -> bool:
    if actor is None or not actor.is_authenticated:
        return False
    rule = RULES.get((type(record), action))
    return bool(rule is not None and rule(actor, record))


def require(actor: User | None, action: Action, record: object, what: str = "record") -> None:
    if not allows(actor, action, record):
        # The refusal is audited (who, action, kind, id; no content).
        from reverie.clinic.services import audit

        audit.refused(actor, str(action), what, getattr(record, "pk", None) or "")
        raise NotFound(f"No such {what}.")


def visible_entries(actor: User) -> QuerySet[Entry]:
    """The list query that matches ``Action.READ`` on entries exactly."""
    if not actor.is_active:
        return Entry.objects.none()
    if actor.is_client:
        return Entry.objects.filter(client=actor, deleted_at__isnull=True)
    clients = Pair.objects.filter(therapist=actor, ended_at__isnull=True).values("client_id")
    return Entry.objects.filter(client_id__in=clients, shared=True, deleted_at__isnull=True)


def trashed_entries(actor: User) -> QuerySet[Entry]:
    return Entry.objects.filter(client=actor, deleted_at__isnull=False)
