"""Review r24: the same export imported twice at the same moment (a double-submitted import form, the web and the
CLI together) on PostgreSQL. The first batch of each is serialised by the audit event it records first; a later
batch (an import of more than ``IMPORT_BATCH`` entries) records none, so both imports check which of its entries are
here, then store: the slower one then hits the primary key the faster one committed and fails with a raw database
error. SQLite's IMMEDIATE transactions serialise the two batches, so
this runs on PostgreSQL only (REVERIE_DATABASE_URL)."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from django.db import connection

from postgres_only import postgres_only
from reverie.clinic.models import Entry
from reverie.clinic.services import portability
from reverie.errors import ReverieError
from reverie.journal.interchange import SCHEMA, PortableEntry, PortableJournal, dump_reverie_json, load

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.db]
WHEN = datetime(2025, 3, 4, 5, 6, 7, 123456, tzinfo=UTC)


def _file(count: int) -> bytes:
    entries = tuple(
        PortableEntry(
            id=str(uuid.uuid4()),
            kind="reflection",
            body=f"A quiet walk, day {n}.",
            happened_at=WHEN,
            written_at=WHEN,
        )
        for n in range(count)
    )
    return dump_reverie_json(PortableJournal(SCHEMA, WHEN, entries))


@postgres_only("a race between two transactions (SQLite serialises write transactions)")
def test_the_same_file_imported_twice_at_once_stores_each_entry_once_and_neither_fails(
    make_user: Any, monkeypatch: Any
) -> None:
    """Two imports of one file at once: each entry stored once, and neither import ends in a database error; what
    the slower one finds stored by the other is reported as already here (skipped)."""
    monkeypatch.setattr(portability, "IMPORT_BATCH", 2)  # four entries, two batches (as 201 entries would be)
    client = make_user(role="client")
    data = _file(4)
    both = threading.Barrier(2)
    original = portability._store_imported
    first = threading.local()
    second_batch = {e.id for e in load(data).entries[2:]}  # in the order the import takes them

    def store(actor: Any, entry: Any, draft: Any, entry_id: Any) -> Any:
        if entry.id in second_batch and not getattr(first, "done", False):
            first.done = True  # both imports looked for what is here in the second batch; neither stored yet
            both.wait(20)
        return original(actor, entry, draft, entry_id)

    monkeypatch.setattr(portability, "_store_imported", store)
    out: list[object] = [None, None]

    def run(i: int) -> None:
        try:
            out[i] = portability.import_journal(client, data)
        except Exception as exc:
            out[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert Entry.objects.filter(client=client).count() == 4, out
    errors = [o for o in out if isinstance(o, Exception) and not isinstance(o, ReverieError)]
    assert errors == [], errors
    reports = [o for o in out if isinstance(o, portability.ImportReport)]
    assert len(reports) == 2, out
    assert (sum(r.created for r in reports), sum(r.skipped for r in reports)) == (4, 4), reports
    assert all(r.differ == 0 for r in reports), reports


def test_an_entry_another_import_stored_meanwhile_is_already_here(make_user: Any, monkeypatch: Any) -> None:
    """An entry another import committed after this batch looked for it (on SQLite too: "the other import" stores
    it here, right after the look) is counted as already here when its insert meets the stored one, never a
    database error; the rest of the batch is stored."""
    client = make_user(role="client")
    data = _file(3)
    raced = load(data).entries[1]
    raced_id = uuid.uuid5(uuid.NAMESPACE_URL, f"reverie-import:{client.pk}:{raced.id}")
    original = portability._stored_fingerprints

    def looked(actor: Any, *args: Any, **kwargs: Any) -> Any:
        found = original(actor, *args, **kwargs)  # the batch looked (by id and by content): not here
        portability._store_imported(actor, raced, portability._draft(raced), raced_id)  # the other import
        return found

    monkeypatch.setattr(portability, "_stored_fingerprints", looked)
    report = portability.import_journal(client, data)
    assert (report.created, report.skipped, report.differ) == (2, 1, 0), report
    assert Entry.objects.filter(client=client).count() == 3
