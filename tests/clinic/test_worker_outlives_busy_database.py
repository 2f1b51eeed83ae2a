"""A worker outlives a database that stays busy past its wait (review r124). Real processes on a real data folder;
the only stand-in is a plain SQLite connection that holds the write lock, as any long writer of another program
does (a restore, an all-or-nothing import, an upgrade's migration)."""

from __future__ import annotations

import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_folder import connect, env, folder_in_use, reverie, run, stop, wait_for_lease

pytestmark = pytest.mark.slow

HELD_S = 34  # longer than the 30-second busy wait (clinic/settings.py), with room for a loaded machine


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return folder_in_use(tmp_path / "data")


@pytest.fixture
def database(data: Path) -> Iterator[sqlite3.Connection]:
    conn = connect(data)
    try:
        yield conn
    finally:
        conn.close()


def test_a_worker_keeps_running_after_the_database_was_busy_past_its_wait(
    data: Path, database: sqlite3.Connection
) -> None:
    """Another program holds SQLite's write lock for longer than 30 s. Before: the worker's next poll
    (django-tasks-db's ``exclusive_transaction``: its BEGIN is outside the ``try`` that is meant to "ignore locked
    databases and keep trying") raised, and `reverie worker` died: "error: Not saved: the database is busy …
    [E540]", exit 13; no entry was analysed, no owed risk alert retried until someone restarted it. The worker
    waits, says so in its log (no entry text), and works on once the lock is free: it takes the analysis of an
    entry saved then."""
    worker = subprocess.Popen(
        reverie("worker", "--interval", "0.2"),
        env=env(data, REVERIE_ANALYSIS="background"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_lease(database)
        database.execute("BEGIN IMMEDIATE")
        time.sleep(HELD_S)
        database.execute("ROLLBACK")
        # a worker that gave up is gone by then (its threads joined, its lease released)
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline and worker.poll() is None:
            time.sleep(0.2)
        code = worker.poll()
        assert code is None, f"the worker ended (exit {code})"
        saved = run(
            data, "journal", "write", "-u", "wren", text="After the long lock.", REVERIE_ANALYSIS="background"
        )
        assert saved.returncode == 0, saved.stderr
        deadline = time.monotonic() + 60
        taken = 0
        while time.monotonic() < deadline and not taken:  # the worker polls again: it claims the new task
            taken = database.execute(
                "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status != 'READY'"
            ).fetchone()[0]
            time.sleep(0.5)
    finally:
        said = stop(worker)
    assert taken, f"the task saved after the lock was never taken: {said[-600:]}"
    assert "E540" not in said
    assert "the database is busy (OperationalError): waiting" in said
    assert "the database answers again" in said
    assert "After the long lock" not in said and "quiet afternoon" not in said


def test_a_batch_run_waits_out_a_busy_database_within_its_bound(
    data: Path, database: sqlite3.Connection
) -> None:
    """`reverie worker --batch` started while another program holds the write lock past the 30-s wait: before, its
    first lease renewal (unguarded, before any poll) ended it, E540, exit 13. It waits out an outage of up to 2
    minutes (``BATCH_OUTAGE_S``; past that it ends with the plain E540, docs/deploy.md), so it runs what is queued
    and ends well."""
    database.execute("BEGIN IMMEDIATE")
    try:
        batch = subprocess.Popen(
            reverie("worker", "--batch"),
            env=env(data, REVERIE_ANALYSIS="background"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # the lock is held until the worker says it waits (its start-up takes long on a loaded machine: a fixed
        # hold could end before its first write, and then nothing would be tested)
        seen = _stderr_until(batch, "the database is busy (OperationalError): waiting", deadline_s=150)
    finally:
        database.execute("ROLLBACK")
    try:
        _, rest = batch.communicate(timeout=120)
    finally:
        if batch.poll() is None:
            stop(batch)
    err = seen + rest
    assert batch.returncode == 0, err[-600:]
    assert "the database is busy (OperationalError): waiting" in err


def _stderr_until(proc: subprocess.Popen[str], words: str, *, deadline_s: float) -> str:
    """What ``proc`` wrote to its standard error up to the line holding ``words`` (or its end, or the deadline)."""
    import select

    assert proc.stderr is not None
    said = ""
    deadline = time.monotonic() + deadline_s
    while words not in said and time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stderr], [], [], 1.0)
        if ready:
            line = proc.stderr.readline()
            if not line:
                break
            said += line
    return said
