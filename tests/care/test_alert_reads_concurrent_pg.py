"""Review r123 (kept as a regression test): ``audit.record_many`` (issue 16) under concurrency on PostgreSQL. Two therapists, each with three
clients holding open risk alerts, load their home pages at the same time, several times, while one of the clients
writes entries. Afterwards the chain verifies, there is one ``risk.alert.read`` event per client per page load,
each naming the right therapist and client, and each client's Privacy log shows every read."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from postgres_only import postgres_only
from reverie.care.services import alerts
from reverie.clinic.models import AuditEvent
from reverie.clinic.services import audit, journal, people
from web_client import signed_in

pytestmark = [
    pytest.mark.django_db(transaction=True),
    *postgres_only("concurrent appends to the audit chain"),
]

LOADS = 4


def test_concurrent_home_pages_audit_each_alert_read_once_per_load(make_user: Any) -> None:
    """Two therapists load their home pages 4 times each at once while a client writes: the audit chain verifies,
    each therapist has exactly 4 reads per client of theirs (never of another's client), and each client's Privacy
    log counts 4 reads of their alert by their therapist (a lost, doubled or misattributed read would be wrong)."""
    therapists = [make_user(f"t{i}", role="therapist") for i in range(2)]
    clients: dict[int, list[Any]] = {}
    for t_index, therapist in enumerate(therapists):
        clients[therapist.pk] = []
        for c_index in range(3):
            client = make_user(f"c{t_index}{c_index}")
            people.accept_invitation(therapist, people.issue_invitation(client))
            alerts.signal(client, "journal", "ideation", f"e{t_index}{c_index}#r1", written_at=timezone.now())
            clients[therapist.pk].append(client)
    writer = clients[therapists[0].pk][0]
    start_id = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
    go = threading.Barrier(len(therapists) + 1)
    problems: list[object] = []

    def load(therapist: Any) -> None:
        try:
            web = signed_in(therapist)
            go.wait(timeout=20)
            for _ in range(LOADS):
                response = web.get("/")
                if response.status_code != 200:
                    problems.append((therapist.username, response.status_code))
        except Exception as exc:
            problems.append(exc)
        finally:
            connection.close()

    def write() -> None:
        try:
            go.wait(timeout=20)
            for n in range(LOADS):
                journal.create_entry(
                    writer, journal.EntryDraft(kind="reflection", body=f"an ordinary day {n}")
                )
        except Exception as exc:
            problems.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=load, args=(t,)) for t in therapists] + [
        threading.Thread(target=write)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not problems, problems

    check = audit.verify()
    assert check.ok, check
    reads = AuditEvent.objects.filter(id__gt=start_id, action="risk.alert.read")
    for therapist in therapists:
        mine = reads.filter(actor_id=therapist.pk)
        expected = {c.pk: LOADS for c in clients[therapist.pk]}
        got: dict[int, int] = {}
        for event in mine:
            assert event.record_id == str(event.subject_id)
            got[event.subject_id] = got.get(event.subject_id, 0) + 1
        assert got == expected, (therapist.username, got, expected)
    for therapist in therapists:
        for client in clients[therapist.pk]:
            lines, _ = audit.log_lines_about(client, limit=100)
            shown = sum(
                line.count
                for line in lines
                if line.newest.action == "risk.alert.read" and line.newest.actor_id == therapist.pk
            )
            assert shown == LOADS, (client.username, shown)
