"""Reading an alert list that shows several clients is audited per client in one append to the chain (issue 16):
one lock and one update of the chain's head for the whole list, not a write transaction per client."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reverie.care.services import alerts
from reverie.clinic.models import AuditEvent
from reverie.clinic.services import audit, journal, people
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."


def test_three_clients_alerts_read_in_one_head_update(make_user: Any) -> None:
    therapist = make_user(role="therapist")
    clients = [make_user(role="client") for _ in range(3)]
    for client in clients:
        people.accept_invitation(therapist, people.issue_invitation(client))
        journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    rows = alerts.open_alerts(therapist)
    shown = list(dict.fromkeys(row.client_id for row in rows))
    assert sorted(shown) == sorted(c.pk for c in clients)
    before = AuditEvent.objects.count()
    with CaptureQueriesContext(connection) as queries:
        alerts.record_read(therapist, rows)
    head_updates = [q for q in queries.captured_queries if q["sql"].startswith('UPDATE "clinic_audithead"')]
    assert len(head_updates) == 1
    reads = list(AuditEvent.objects.filter(pk__gt=0).order_by("id")[before:])
    assert [(e.action, e.actor_id, e.subject_id, e.record_id) for e in reads] == [
        ("risk.alert.read", therapist.pk, client_id, str(client_id)) for client_id in shown
    ]
    assert audit.verify(check_anchor=True).ok
