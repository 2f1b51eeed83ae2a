"""a worker stopped by a second signal mid-task must not lose its task."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from typing import Any

import pytest

pytestmark = pytest.mark.slow


def _query(cli: Any, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(cli.data_dir / "reverie.sqlite3", timeout=30) as conn:
        return [tuple(row) for row in conn.execute(sql).fetchall()]


def _statuses(cli: Any) -> list[str]:
    return [str(s) for (s,) in _query(cli, "SELECT status FROM django_tasks_database_dbtaskresult")]


def _worker(cli: Any) -> subprocess.Popen[bytes]:
    env = {**cli.env, "REVERIE_ANALYSIS": "background", "REVERIE_TASK_LEASE_SECONDS": "6"}
    return subprocess.Popen(
        [sys.executable, "-m", "reverie.cli.main", "worker", "--interval", "0.1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for(condition: Any, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_second_sigterm_mid_task_puts_the_task_back_and_the_entry_is_analysed(cli: Any) -> None:
    """A worker that gets SIGTERM twice while it analyses an entry (``reverie serve`` under systemd: systemd's stop
    sends SIGTERM to every process of the unit, and ``serve`` forwards its own SIGTERM to its worker child; or Ctrl+C
    pressed twice, as the worker's own log line invites: "press Ctrl+C again to force") exits with the task marked
    FAILED and no ``AnalysisFailure`` recorded. No worker ever queues it again (the upkeep sweep retries recorded
    failures and owed hooks only, never a failed task row), so the entry stays unanalysed for good: no findings, no
    model risk reading, ``reverie doctor`` calls it merely "waiting" for ever.

    What the clinic admin should see instead: the task cut short is put back in the queue (as ``stop_worker``'s
    SIGKILL does, ``requeue_stopped``) or recorded as a failed try that the upkeep retries, and the next worker
    analyses the entry."""
    cli("user", "create", "ines")
    cli(
        "journal",
        "write",
        "-u",
        "ines",
        input="My brother phoned about dad. I felt angry and could not sleep.",
        REVERIE_ANALYSIS="background",
    )
    assert _statuses(cli) == ["READY"]
    first = _worker(cli)
    try:
        assert _wait_for(lambda: _statuses(cli) == ["RUNNING"], 60), _statuses(cli)
        first.send_signal(signal.SIGTERM)  # graceful: finish the task, then stop
        time.sleep(0.3)
        first.send_signal(signal.SIGTERM)  # the second one (systemd + serve, or Ctrl+C twice)
        first.wait(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(timeout=10)
    [(status,)] = _query(cli, "SELECT status FROM django_tasks_database_dbtaskresult")
    analysed = _query(cli, "SELECT count(*) FROM clinic_storedanalysis")[0][0]
    failures = _query(cli, "SELECT count(*) FROM clinic_analysisfailure")[0][0]
    lost = status == "FAILED" and analysed == 0 and failures == 0
    assert not lost, "the task was marked failed, nothing recorded: no worker will ever analyse this entry"
    second = _worker(cli)
    try:
        done = _wait_for(lambda: _query(cli, "SELECT count(*) FROM clinic_storedanalysis")[0][0] == 1, 240)
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=60)
    assert done, _statuses(cli)
    _, out, _ = cli("journal", "list", "-u", "ines", "--json", "--analysis")
    [row] = json.loads(out)
    assert row["analysis"] is not None
