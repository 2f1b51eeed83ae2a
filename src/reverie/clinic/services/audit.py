"""Record content-free audit events in an append-only hash chain, and verify the chain."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from reverie.clinic.models import AuditEvent, User

GENESIS = "0" * 64


def _digest(prev: str, *fields: str) -> str:
    h = hashlib.sha256(prev.encode())
    for field in fields:
        h.update(b"\x1f" + field.encode())
    return h.hexdigest()


def _fields(event: AuditEvent) -> tuple[str, ...]:
    return (
        event.at.isoformat(),
        str(event.actor_id),
        str(event.subject_id),
        event.action,
        event.record_type,
        event.record_id,
        event.outcome,
    )


def record(
    actor: User | None,
    action: str,
    record_type: str,
    record_id: object,
    *,
    subject: User | None = None,
    outcome: str = "ok",
) -> AuditEvent:
    """Append one event. Runs in its own atomic block so the chain never forks."""
    with transaction.atomic():
        last = AuditEvent.objects.select_for_update().order_by("-id").first()
        prev = last.hash if last else GENESIS
        event = AuditEvent(
            at=timezone.now(),
            actor_id=actor.pk if actor else None,
            subject_id=subject.pk if subject else None,
            action=action,
            record_type=record_type,
            record_id=str(record_id),
            outcome=outcome,
            prev_hash=prev,
        )
        event.hash = _digest(prev, *_fields(event))
        event.save()
        return event


@dataclass(frozen=True, slots=True)
class ChainCheck:
    ok: bool
    events: int
    first_bad_id: int | None = None


def verify() -> ChainCheck:
    prev = GENESIS
    count = 0
    for event in AuditEvent.objects.order_by("id").iterator():
        count += 1
        if event.prev_hash != prev or event.hash != _digest(prev, *_fields(event)):
            return ChainCheck(False, count, event.pk)
        prev = event.hash
    return ChainCheck(True, count)


def events_about(subject: User) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(subject_id=subject.pk).order_by("-id")[:500])
