"""r14 (moved from tests/review_r14): the erasure's WAL checkpoint (keys._empty_the_wal) with a reader open."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from reverie.clinic.services import erasure_owed, journal, portability
from reverie.clinic.services.journal import EntryDraft

PASSWORD = "a long test password"


@pytest.mark.django_db(transaction=True)
def test_erasure_does_not_hang_on_the_checkpoint_while_a_reader_is_open(make_user: Any) -> None:
    """``PRAGMA wal_checkpoint(TRUNCATE)`` waits (busy handler) until every reader has left its snapshot, and holds
    the write lock while it waits. Another request reading (a page of a long list, an export, the worker) makes the
    person's erasure - already committed - hang for the whole busy timeout (30 s as configured; 2 s here) before
    the page comes back, and every other writer waits with it. The checkpoint should not wait for readers (PASSIVE
    first; TRUNCATE only without a busy handler, or off the request path)."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite WAL")
    alice = make_user("r14-erase-busy")
    journal.create_entry(alice, EntryDraft(kind="dream", body="words to erase"))
    name = Path(str(connection.settings_dict["NAME"]))
    reader = sqlite3.connect(name, isolation_level=None, check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a read snapshot held, as a long page is
    with connection.cursor() as cursor:
        cursor.execute(
            "PRAGMA busy_timeout=20000"
        )  # 30 s configured; 20 s here, far above any erasure's own time
    other_writer: list[float] = []

    def write_meanwhile() -> None:
        time.sleep(0.3)
        w = sqlite3.connect(name, isolation_level=None, timeout=10)
        started = time.monotonic()
        w.execute("BEGIN IMMEDIATE")
        other_writer.append(time.monotonic() - started)
        w.execute("ROLLBACK")
        w.close()

    thread = threading.Thread(target=write_meanwhile)
    try:
        started = time.monotonic()
        thread.start()
        portability.erase_client(alice, "r14-erase-busy", PASSWORD)
        took = time.monotonic() - started
    finally:
        thread.join()
        reader.execute("ROLLBACK")
        reader.close()
    assert took < 10.0, f"the erasure took {took:.1f} s: it waited for the reader (busy timeout, 20 s)"
    assert other_writer and other_writer[0] < 5.0, (
        f"another writer waited {other_writer} s for the checkpoint"
    )


@pytest.mark.django_db(transaction=True)
def test_a_busy_checkpoint_is_not_left_to_a_next_one_that_never_empties_the_wal(make_user: Any) -> None:
    """When the erasure's checkpoint finds a reader, ``_empty_the_wal`` logs "left to the next checkpoint" and
    stops. Nothing ever truncates the WAL again: SQLite's own checkpoints (every 1,000 pages, or at the last
    connection's close, which a running server never reaches) are PASSIVE and leave the WAL file's old frames in
    place. The erased person's wrapped data key stays in ``-wal`` beside the key file until someone erases again
    with no reader open. The erasure should retry TRUNCATE later (the worker) or record that it is owed."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite WAL")
    alice = make_user("r14-erase-left")
    bob = make_user("r14-erase-bob")
    journal.create_entry(alice, EntryDraft(kind="dream", body="words to erase"))
    from reverie.clinic.models import ClientKey

    wrapped = bytes(ClientKey.objects.get(client=alice).wrapped)
    name = Path(str(connection.settings_dict["NAME"]))
    reader = sqlite3.connect(name, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout=20000")
    try:
        started = time.monotonic()
        portability.erase_client(alice, "r14-erase-left", PASSWORD)
        assert time.monotonic() - started < 10.0, "the erasure waited for the reader (busy timeout, 20 s)"
        assert erasure_owed.current().wal_truncation, (
            "the truncation that could not run is not recorded as owed"
        )
    finally:
        reader.execute("ROLLBACK")
        reader.close()
    assert not erasure_owed.settle(), "the retry (worker, next erasure, doctor) did not truncate the WAL"
    assert not erasure_owed.path().exists()
    for n in range(3):  # the server goes on: others write, SQLite checkpoints as it does by itself
        journal.create_entry(bob, EntryDraft(kind="reflection", body=f"an ordinary day {n}"))
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
    found = [p.name for p in (name, Path(f"{name}-wal")) if p.exists() and wrapped in p.read_bytes()]
    assert found == [], f"the erased person's wrapped data key is still in {found}"


@pytest.mark.django_db(transaction=True)
def test_the_workers_heartbeat_retries_an_owed_truncation(make_user: Any) -> None:
    """f4: what an erasure owes is retried by the worker's heartbeat too (not only the next erasure and doctor)."""
    from reverie.clinic.services import worker

    make_user("f4-heartbeat")
    erasure_owed.path().write_text('{"format": "reverie.erasure-owed/1", "wal_truncation": true}')
    worker._settle_erasures()
    assert not erasure_owed.path().exists()
