"""Risk alerts and check-ins: the risk flow.

A risk signal (PHQ-9 item 9 above 0, a journal entry screened as ideation, behaviour or attempt — or one the risk
screen could not read — or a therapist's note from a session) raises one content-free alert per source record for
the linked therapist(s). A journal signal also leaves a calm check-in for the client's next page view. Nothing is
sent anywhere automatically; the entry is saved regardless.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.db import IntegrityError as DbIntegrityError
from django.db import transaction
from django.utils import timezone

from reverie.care.models import CheckIn, RiskAlert
from reverie.care.services import records
from reverie.clinic.models import Entry, Pair, StoredAnalysis, User
from reverie.clinic.services import audit
from reverie.clinic.services.policy import Action
from reverie.errors import Conflict, InvalidInput

log = logging.getLogger("reverie.care.alerts")
SOURCES = ("phq9_item9", "journal", "session")
RISKY_LEVELS = ("ideation", "behavior", "attempt")
UNSCREENED = "unscreened"
NOT_RUN_NOTE = "risk analyzer could not run"
NOTE_PURPOSE = "alert.note"
ANSWERS = {
    "safe": "I'm safe for now",
    "need_help": "I need help now",
    "misunderstood": "You misunderstood",
}


def raise_alert(client: User, source: str, level: str, record_id: str) -> RiskAlert:
    """One alert per (client, source, record); raising it again returns the same alert. Audited."""
    if source not in SOURCES:
        raise InvalidInput(f"An alert's source is one of: {', '.join(SOURCES)}.")
    if not level or len(level) > 16 or not record_id or len(record_id) > 64:
        raise InvalidInput("An alert needs a short level and the id of its source record.")
    existing = RiskAlert.objects.filter(client=client, source=source, record_id=record_id).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            alert = RiskAlert.objects.create(
                client=client, source=source, level=level, record_id=record_id, created_at=timezone.now()
            )
            audit.record(None, f"risk.alert.{source}", "risk_alert", alert.id, subject=client)
    except DbIntegrityError:
        return RiskAlert.objects.get(client=client, source=source, record_id=record_id)
    return alert


def open_alerts(therapist: User) -> list[RiskAlert]:
    """Alerts not yet acknowledged about clients in an active pair with this therapist."""
    if not (therapist.is_active and therapist.is_therapist):
        return []
    clients = Pair.objects.filter(therapist=therapist, ended_at__isnull=True).values("client_id")
    rows = RiskAlert.objects.filter(client_id__in=clients, acknowledged_at__isnull=True).select_related(
        "client"
    )
    return list(rows)


def acknowledge(therapist: User, alert_id: object, note: str = "") -> RiskAlert:
    """The linked therapist acknowledges an alert; an optional note is sealed with the client's key. Audited."""
    alert = records.fetch(
        therapist, RiskAlert.objects.select_related("client"), alert_id, Action.WRITE, "alert"
    )
    text = records.clean_text(note, "note", limit=2000, required=False)
    with transaction.atomic():
        locked = RiskAlert.objects.select_for_update().get(pk=alert.pk)
        if locked.acknowledged_at is not None:
            raise Conflict("This alert was already acknowledged.")
        locked.acknowledged_at, locked.acknowledged_by = timezone.now(), therapist
        if text:
            locked.note = records.seal_json(alert.client, locked.id, NOTE_PURPOSE, {"text": text})
        locked.save(update_fields=["acknowledged_at", "acknowledged_by", "note"])
        audit.record(therapist, "risk.acknowledge", "risk_alert", locked.id, subject=alert.client)
    return locked


# --- check-ins ---------------------------------------------------------------------------------------------------


def request_check_in(client: User, alert: RiskAlert | None) -> CheckIn:
    """Leave a check-in for the client's next page view (one per alert)."""
    if alert is not None:
        existing = CheckIn.objects.filter(client=client, alert=alert).first()
        if existing is not None:
            return existing
    check_in = CheckIn.objects.create(id=uuid.uuid4(), client=client, alert=alert, created_at=timezone.now())
    audit.record(None, "check_in.request", "check_in", check_in.id, subject=client)
    return check_in


def pending_check_in(user: User | Any) -> CheckIn | None:
    if not isinstance(user, User) or not user.is_authenticated or not user.is_client:
        return None
    return CheckIn.objects.filter(client=user, answered_at__isnull=True).order_by("created_at").first()


def answer_check_in(client: User, check_in_id: object, answer: str, now: datetime | None = None) -> CheckIn:
    """Record one of the two explicit answers (or "you misunderstood"); each is audited."""
    if answer not in ANSWERS:
        raise InvalidInput("Choose one of the answers on the page.")
    check_in = records.fetch(client, CheckIn.objects.all(), check_in_id, Action.WRITE, "check-in")
    with transaction.atomic():
        check_in.answered_at = check_in.answered_at or now or timezone.now()
        check_in.answer = answer
        check_in.save(update_fields=["answered_at", "answer"])
        audit.record(client, f"check_in.{answer}", "check_in", check_in.id, subject=client)
    return check_in


# --- the journal risk flow: a hook the analysis service calls after each stored analysis -------------------------


def journal_signal(stored: StoredAnalysis, result: Mapping[str, Any]) -> str | None:
    """The alert level an analysis calls for: its risk level, ``unscreened`` if the screen could not run."""
    if stored.risk_level in RISKY_LEVELS:
        return str(stored.risk_level)
    notes = [str(n) for n in result.get("notes", []) or []]
    if any(NOT_RUN_NOTE in n for n in notes):
        return UNSCREENED
    return None


def on_analysis(entry: Entry, stored: StoredAnalysis, result: dict[str, Any]) -> None:
    """After-analysis hook: alert the linked therapist(s) and leave a check-in for the client."""
    level = journal_signal(stored, result)
    if level is None:
        return
    with transaction.atomic():
        alert = raise_alert(entry.client, "journal", level, str(entry.id))
        request_check_in(entry.client, alert)


def install() -> None:
    from reverie.clinic.services import analysis

    if on_analysis not in analysis.after_analysis_hooks:
        analysis.after_analysis_hooks.append(on_analysis)
