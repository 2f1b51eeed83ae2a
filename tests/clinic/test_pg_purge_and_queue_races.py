"""Review r94 (fixed by h107), on PostgreSQL: clinic mode's newest mechanisms (tombstones, the re-analysis batch) under two sessions
at once, each on its own database connection (as two requests, or two workers' upkeep threads, are)."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from django.db import connection, connections

from reverie.clinic.models import DeletedForGood, Entry
from reverie.clinic.services import analysis, journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = [pytest.mark.db, pytest.mark.django_db(transaction=True)]


def test_a_keyed_retry_in_flight_while_its_entry_is_deleted_for_good_does_not_bring_it_back(
    make_user: Any,
) -> None:
    """A phone saves with an Idempotency-Key and, its answer slow, sends the same save again; the retry checks the
    key (``journal.already_saved``: nothing stored yet, the first save has not committed) and goes on to store. The
    first save commits, and the person, on the web, moves the entry to the trash and deletes it for good (its
    tombstone is written). The retry's insert then comes: the person sees the entry they just deleted for good back
    in their journal. They should see it stay gone: the retry refused as deleted for good (409), as it is when it
    arrives a moment later (tests/api/test_pg_deleted_for_good.py). This is the order of the API's entry_create and
    the web's write views: the tombstone is read before, and outside, the transaction that inserts."""
    if connection.vendor != "postgresql":
        pytest.skip("the race is PostgreSQL's")
    user = make_user()
    draft = EntryDraft(kind="reflection", body="A page I will regret writing.")
    entry_id = journal.keyed_id(user, "phone-save-1")

    assert journal.already_saved(user, entry_id) is None  # the retry's check, before the first save commits
    journal.create_entry(user, draft, entry_id=entry_id)  # the first save commits
    journal.trash_entry(user, entry_id)
    journal.purge_entry(user, entry_id)  # deleted for good: the tombstone is there
    assert DeletedForGood.objects.filter(pk=entry_id).exists()

    outcome = "stored"
    try:
        journal.create_entry(user, draft, entry_id=entry_id)  # the retry's insert
    except Exception as exc:
        outcome = type(exc).__name__
    assert outcome == "DeletedForGood"
    assert not Entry.objects.filter(pk=entry_id).exists()


def test_two_workers_topping_up_the_reanalysis_batch_at_once_queue_each_entry_once(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, background: None
) -> None:
    """After an upgrade, two workers' upkeep threads top up the re-analysis batch at the same moment
    (``analysis.queue_outdated``). Each reads what is queued, finds nothing, and queues the same outdated entries: a
    clinic admin sees twice the promised batch in the queue and every entry re-analysed twice (docs/deploy.md and
    the worker's upkeep promise "never an entry twice"). Each outdated entry should be queued once. The reading and
    the queueing are not serialised between workers (no lock, no unique key); here a third session holding a SHARE
    lock on the task table (as any long statement may) holds both inserts until both have read the queue. Fixed: the
    read and the insert are under one advisory lock, so the second worker waits there (counted as waiting too)."""
    if connection.vendor != "postgresql":
        pytest.skip("the race is PostgreSQL's")
    from django_tasks_db.models import DBTaskResult

    import reverie.analysis.pipeline as pipeline

    class _Result:
        def __init__(self, version: str) -> None:
            self.analyzers = {"people": version}

        def to_json(self) -> dict[str, Any]:
            return {"findings": [], "analyzers": dict(self.analyzers), "notes": []}

    alice = make_user()
    entries = [
        journal.create_entry(
            alice, EntryDraft(kind="reflection", body=f"A quiet walk by the river, day {n}.")
        )
        for n in range(3)
    ]
    monkeypatch.setattr(pipeline, "analyse", lambda *a, **k: _Result("1.0:old"))
    for entry in entries:
        analysis.analyse_stored_entry(entry.id, 1)
    DBTaskResult.objects.all().delete()
    monkeypatch.setattr(pipeline, "analyse", lambda *a, **k: _Result("2.0:new"))
    monkeypatch.setattr(analysis, "_versions", {})

    table = DBTaskResult._meta.db_table
    holder = connections.create_connection("default")
    holder.set_autocommit(False)
    outcomes: list[str] = []

    def worker() -> None:
        try:
            analysis.queue_outdated(batch=10)
            outcomes.append("queued")
        except Exception as exc:
            outcomes.append(type(exc).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    try:
        with holder.cursor() as cur:
            cur.execute(f'LOCK TABLE "{table}" IN SHARE MODE')
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with connection.cursor() as cur:
                cur.execute(
                    "SELECT count(*) FROM pg_locks l LEFT JOIN pg_class c ON c.oid = l.relation"
                    " WHERE NOT l.granted AND (c.relname = %s OR l.locktype = 'advisory')",
                    [table],
                )
                (waiting,) = cur.fetchone()
            if waiting >= 2 or not any(t.is_alive() for t in threads):
                break
            time.sleep(0.05)
    finally:
        holder.rollback()
        holder.close()
        for thread in threads:
            thread.join(30)
    assert outcomes == ["queued", "queued"]
    queued = [str(row["args"][0]) for row in DBTaskResult.objects.values_list("args_kwargs", flat=True)]
    assert sorted(queued) == sorted(str(e.id) for e in entries)
