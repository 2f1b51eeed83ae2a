"""Authorization as one default-deny policy: who may do what to which record.

Every view, API route and CLI command asks here. A rule that is not listed denies. A record the actor may not see
answers exactly like a record that does not exist (:class:`reverie.errors.NotFound`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

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
    return Pair.objects.open().filter(client=client, therapist=therapist).exists()


def _owns_entry(actor: User, entry: Entry) -> bool:
    return bool(actor.is_active and entry.client_id == actor.pk)


def share_start(client: User, therapist: User) -> datetime | None:
    """When the active link between the two began (``None`` when there is none): a share made before it does not
    reach the therapist (see :func:`_reads_entry`)."""
    pair = Pair.objects.open().filter(client=client, therapist=therapist).first()
    return None if pair is None else pair.started_at


def shared_within(entry: Entry, since: datetime | None) -> bool:
    """Whether the entry is shared by a share made within a link that began at ``since``."""
    return bool(
        entry.shared and entry.shared_at is not None and since is not None and entry.shared_at >= since
    )


def _reads_entry(actor: User, entry: Entry) -> bool:
    """The writer reads their live entries. A therapist reads a live entry only while linked to its writer and only
    when the client shared it during that same link: a share is made to the therapists linked at that moment. It
    never reaches a therapist linked later, nor the same therapist again after the link ended and was made anew
    (the client shares again, choosing afresh)."""
    if _owns_entry(actor, entry):
        return entry.deleted_at is None
    return bool(
        actor.is_active
        and actor.is_therapist
        and entry.deleted_at is None
        and shared_within(entry, share_start(entry.client, actor))
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


@dataclass(frozen=True, slots=True)
class TherapistPage:
    """A page of the therapist's side (the alerts, the week, a client's safety plan or patterns as their
    therapist sees them): asked for with ``Action.READ`` before the page does anything else. The rule is one line,
    in the same table as every record's, so a new therapist page is closed to clients unless the table says so."""

    name: str


def _is_therapist(actor: User, page: TherapistPage) -> bool:
    return bool(actor.is_active and actor.is_therapist)


Rule = Callable[[User, Any], bool]

RULES: dict[tuple[type, Action], Rule] = {
    (Entry, Action.READ): _reads_entry,
    (Entry, Action.WRITE): _owns_live,
    (Entry, Action.DELETE): _owns_live,
    (Entry, Action.SHARE): _owns_live,
    (Entry, Action.RESTORE): _owns_trashed,
    (Entry, Action.PURGE): _owns_trashed,
    (Attachment, Action.READ): lambda actor, att: _reads_entry(actor, att.entry),
    (Attachment, Action.DELETE): lambda actor, att: _owns_live(actor, att.entry),
    (ObservationFeedback, Action.READ): _reads_feedback,
    (ObservationFeedback, Action.WRITE): _owns_feedback,
    (Pair, Action.READ): _in_pair,
    (Pair, Action.END): _in_pair,
    (TherapistPage, Action.READ): _is_therapist,
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
    return placed_entries(actor).filter(deleted_at__isnull=True)


def placed_entries(actor: User) -> QuerySet[Entry]:
    """The entries whose place in the list the actor may name as a paging cursor (``after``): those they may read
    (:func:`visible_entries`) and those of them moved to the trash since, for the client and for the therapist alike.
    Only a place (date, time written, id) is ever read through it, never content."""
    if not actor.is_active:
        return Entry.objects.none()
    if actor.is_client:
        return Entry.objects.filter(client=actor)
    shared_in_link = Pair.objects.open().filter(
        therapist=actor,
        client_id=OuterRef("client_id"),
        started_at__lte=OuterRef("shared_at"),
    )
    return Entry.objects.filter(Exists(shared_in_link), shared=True)


def trashed_entries(actor: User) -> QuerySet[Entry]:
    return Entry.objects.filter(client=actor, deleted_at__isnull=False)
