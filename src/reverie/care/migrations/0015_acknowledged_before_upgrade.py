"""An alert acknowledged before acknowledgements were per therapist stays closed for every therapist who could see it.

Before migration 0012, one therapist's acknowledgement closed an alert for every therapist linked to the client.
0012 kept each such acknowledgement for the therapist who made it alone (the row under the alert's own id), so on
upgrade every other therapist then linked saw old, long-handled alerts come back as open: a flood of stale alerts
burying the new ones. This migration gives each of them an acknowledgement of their own, at the same moment, marked
``origin="old"`` with ``closed_by`` naming who acknowledged it (shown as "closed before the upgrade by …"); the
sealed note stays with its writer's row and is never copied. The original row is marked ``own_old``.

"Could see it then" is the rule of that time: a pair active at the acknowledgement whose start is no later than
when the alert's source was written (or, the rule since 0012, the client answered "I need help now" while linked,
before the acknowledgement); never the therapist whose own note raised it. A therapist linked after the
acknowledgement gets nothing and follows the normal rules; anything after the upgrade re-opens the alert as usual
(``raised_at``, ``answered_at`` later than the acknowledgement). Idempotent (the rows it adds have ids derived from
the alert and the therapist; a rerun after a reverse only marks them again) and safe on a database that ran 0012
long ago; reversing it leaves the rows in place. The columns are added by 0014 (see there why apart).
"""

import uuid
from typing import Any

from django.db import migrations
from django.db.models import F, Q

OWN, OWN_BEFORE_UPGRADE, BEFORE_UPGRADE = "", "own_old", "old"
NAMESPACE = uuid.UUID("6f1d5a3e-4c0b-4e49-9d0a-0c8e3b1f0014")


def carried_id(alert_id: uuid.UUID, therapist_id: int) -> uuid.UUID:
    """The id of the acknowledgement this migration makes for one therapist of one alert (so a rerun finds it)."""
    return uuid.uuid5(NAMESPACE, f"{alert_id}:{therapist_id}")


def _could_see(alert: Any, started_at: Any, acknowledged_at: Any) -> bool:
    since = alert.written_at or alert.created_at
    if since >= started_at:
        return True
    answered = alert.answered_at
    return alert.answer == "need_help" and answered is not None and started_at <= answered <= acknowledged_at


def close_for_every_therapist_then(apps: Any, schema_editor: Any) -> None:
    Acknowledgement = apps.get_model("care", "AlertAcknowledgement")
    Pair = apps.get_model("clinic", "Pair")
    # 0012's rows: the one acknowledgement of the old rule, kept under the alert's own id
    old = Acknowledgement.objects.filter(id=F("alert_id")).select_related("alert")
    for first in old.iterator():
        if first.origin == OWN:
            Acknowledgement.objects.filter(pk=first.pk).update(
                origin=OWN_BEFORE_UPGRADE, closed_by_id=first.therapist_id
            )
        alert, at = first.alert, first.acknowledged_at
        pairs = Pair.objects.filter(client_id=alert.client_id, started_at__lte=at).filter(
            Q(ended_at__isnull=True) | Q(ended_at__gt=at)
        )
        for pair in pairs.order_by("started_at"):
            therapist_id = pair.therapist_id
            if therapist_id in (first.therapist_id, alert.raised_by_id):
                continue
            if not _could_see(alert, pair.started_at, at):
                continue
            row_id = carried_id(alert.id, therapist_id)
            kept = Acknowledgement.objects.filter(pk=row_id)
            if (
                kept.exists()
            ):  # made by an earlier run: only its marks are restored (a reverse drops the columns)
                kept.update(origin=BEFORE_UPGRADE, closed_by_id=first.therapist_id)
                continue
            Acknowledgement.objects.create(
                id=row_id,
                alert_id=alert.id,
                client_id=alert.client_id,
                therapist_id=therapist_id,
                acknowledged_at=at,
                level=first.level,
                urgency=first.urgency,
                note=None,
                origin=BEFORE_UPGRADE,
                closed_by_id=first.therapist_id,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("care", "0014_acknowledgement_origin"),
        ("clinic", "0001_initial"),
    ]

    operations = [migrations.RunPython(close_for_every_therapist_then, migrations.RunPython.noop)]
