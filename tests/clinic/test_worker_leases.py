"""Background work is never stuck: worker leases requeue a dead worker's tasks; risk work is taken first."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _running_task(worker_ids: list[str], started_ago: float) -> Any:
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from reverie.clinic.services.analysis import analyse_entry_task

    result = analyse_entry_task.enqueue("00000000-0000-0000-0000-000000000000", 1)
    DBTaskResult.objects.filter(id=result.id).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timedelta(seconds=started_ago),
        worker_ids=worker_ids,
    )
    return DBTaskResult.objects.get(id=result.id)


def test_worker_leases_requeue_only_tasks_of_workers_whose_lease_ran_out(leased_background: None) -> None:
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from reverie.clinic.services import worker

    worker.renew_lease("alive")
    long_task_of_live_worker = _running_task(["alive"], started_ago=600)
    dead_workers_task = _running_task(["gone"], started_ago=31)
    just_started = _running_task(["gone"], started_ago=5)  # may be a worker that has not beaten yet
    lost_three_times = _running_task(["a", "b", "c"], started_ago=600)

    assert worker.requeue_expired() == worker.Requeued(requeued=1, failed=1)

    def status(row: Any) -> str:
        return str(DBTaskResult.objects.get(id=row.id).status)

    assert status(long_task_of_live_worker) == TaskResultStatus.RUNNING
    assert status(dead_workers_task) == TaskResultStatus.READY
    assert status(just_started) == TaskResultStatus.RUNNING
    assert status(lost_three_times) == TaskResultStatus.FAILED
    requeued = DBTaskResult.objects.get(id=dead_workers_task.id)
    assert requeued.started_at is None and requeued.worker_ids == ["gone"]
    assert DBTaskResult.objects.ready().filter(id=dead_workers_task.id).exists()


def test_worker_leases_expire_without_renewal(leased_background: None) -> None:
    from reverie.clinic.services import worker

    worker.renew_lease("sleepy", now=timezone.now() - timedelta(seconds=31))
    task = _running_task(["sleepy"], started_ago=60)
    assert worker.requeue_expired().requeued == 1
    task.refresh_from_db()
    assert task.status == "READY"


def test_worker_priority_risk_work_is_taken_first(leased_background: None, make_user: Any) -> None:
    from django_tasks_db.models import DBTaskResult

    from reverie.clinic.models import EntryScreen
    from reverie.clinic.services import analysis, journal, worker
    from reverie.clinic.services.journal import EntryDraft

    client = make_user(role="client")
    views = [
        journal.create_entry(client, EntryDraft(kind="reflection", body=f"An ordinary day {i}."))
        for i in range(4)
    ]
    DBTaskResult.objects.all().delete()  # whatever the saves enqueued: this test enqueues by hand, in order
    risky = views[-1]
    for view in views:
        EntryScreen.objects.update_or_create(
            entry_id=view.id,
            revision=view.revision,
            defaults={
                "level": "ideation" if view is risky else "none",
                "payload": b"",
                "screened_at": timezone.now(),
            },
        )
        analysis.schedule(view.id, view.revision)  # the risky one last, behind a backlog
    assert worker.priority_for(risky.id, risky.revision) == worker.RISK_PRIORITY
    assert worker.priority_for(views[0].id, views[0].revision) == worker.ANALYSIS_PRIORITY
    first = DBTaskResult.objects.ready().get_locked()  # what a worker claims next
    assert first is not None and first.args_kwargs["args"][0] == str(risky.id)
    assert first.priority == worker.RISK_PRIORITY


def test_worker_priority_unscreened_entry_is_risk_work(leased_background: None) -> None:
    from reverie.clinic.services import worker

    assert worker.priority_for("00000000-0000-0000-0000-000000000000", 1) == worker.RISK_PRIORITY


def test_worker_claim_locks_the_row_and_skips_locked_ones(leased_background: None) -> None:
    """Several workers share one queue: django-tasks-db claims with SELECT … FOR UPDATE SKIP LOCKED (PostgreSQL;
    SQLite has one writer at a time and takes the claim in an exclusive transaction)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django_tasks_db.models import DBTaskResult
    from django_tasks_db.utils import exclusive_transaction

    _running_task(["gone"], started_ago=0)
    DBTaskResult.objects.update(status="READY")
    with CaptureQueriesContext(connection) as queries, exclusive_transaction():
        claimed = DBTaskResult.objects.ready().get_locked()
    assert claimed is not None
    [sql] = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    if connection.vendor == "postgresql":
        assert "FOR UPDATE SKIP LOCKED" in sql
    assert 'ORDER BY "django_tasks_database_dbtaskresult"."priority" DESC' in sql


# --- real processes: kill -9 a worker in the middle of a task; another worker finishes it ------------------------


def _query(cli: Any, sql: str) -> list[tuple[Any, ...]]:
    url = cli.env.get("REVERIE_DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        with psycopg.connect(url) as conn:
            return [tuple(row) for row in conn.execute(sql).fetchall()]
    with sqlite3.connect(cli.data_dir / "reverie.sqlite3", timeout=30) as conn:
        return [tuple(row) for row in conn.execute(sql).fetchall()]


def _tasks(cli: Any) -> list[tuple[str, list[str]]]:
    rows = _query(cli, "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult")
    return [(str(s), list(w if isinstance(w, list) else json.loads(w))) for s, w in rows]


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


@pytest.mark.slow
def test_worker_killed_mid_task_its_task_finishes_elsewhere(cli: Any) -> None:
    """Before: the task of a worker killed with SIGKILL stayed "running" for ever and the entry was never analysed."""
    cli("user", "create", "ines")
    cli(
        "journal",
        "write",
        "-u",
        "ines",
        input="My brother phoned about dad. I felt angry.",
        REVERIE_ANALYSIS="background",
    )
    assert [status for status, _ in _tasks(cli)] == ["READY"]
    first = _worker(cli)
    try:
        assert _wait_for(lambda: [s for s, _ in _tasks(cli)] == ["RUNNING"], 60), _tasks(cli)
        os.kill(first.pid, signal.SIGKILL)  # mid-task: the analysis models are still loading
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    assert [s for s, _ in _tasks(cli)] == [
        "RUNNING"
    ]  # stuck, as before, until a live worker sees the lease ran out
    second = _worker(cli)
    try:
        assert _wait_for(lambda: [s for s, _ in _tasks(cli)] == ["SUCCESSFUL"], 150), _tasks(cli)
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=30)
    [(_, worker_ids)] = _tasks(cli)
    assert (
        len(worker_ids) == 2 and worker_ids[0] != worker_ids[1]
    )  # claimed by the dead one, finished by another
    _, out, _ = cli("journal", "list", "-u", "ines", "--json", "--analysis")
    [row] = json.loads(out)
    assert row["analysis"] is not None and row["analysis"]["revision"] == 1


ENQUEUE = (
    "import uuid, reverie.cli.runtime\n"
    "from reverie.clinic.services.analysis import analyse_entry_task\n"
    "for i in range(60):\n"
    "    analyse_entry_task.enqueue(str(uuid.UUID(int=i + 1)), 1)\n"  # no such entries: each task returns at once
)


@pytest.mark.slow
def test_worker_three_workers_share_one_queue_and_run_no_task_twice(cli: Any) -> None:
    cli("user", "create", "ada")  # creates and migrates the database
    workers = [_worker(cli) for _ in range(3)]
    try:
        # Enqueue once all three hold a lease (are polling): they compete for every task.
        assert _wait_for(lambda: _query(cli, "SELECT count(*) FROM workers_workerlease") == [(3,)], 120)
        subprocess.run(
            [sys.executable, "-c", ENQUEUE], env=cli.env, check=True, timeout=120, capture_output=True
        )
        assert _wait_for(lambda: [s for s, _ in _tasks(cli)].count("SUCCESSFUL") == 60, 120), _tasks(cli)
    finally:
        for process in workers:
            process.send_signal(signal.SIGTERM)
        for process in workers:
            process.wait(timeout=30)
    rows = _tasks(cli)
    assert len(rows) == 60 and all(len(ids) == 1 for _, ids in rows)  # each claimed by exactly one worker


@pytest.mark.slow
def test_worker_bench_runs_and_reports_no_double_runs(tmp_path: Any) -> None:
    """``bench/worker_bench.py`` (PostgreSQL only): a small queue-only run, JSON last, the bench's own checks pass."""
    url = os.environ.get("REVERIE_DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("the worker benchmark runs on PostgreSQL")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REVERIE_", "DJANGO_"))}
    env.update(PYTHONWARNINGS="ignore", REVERIE_DATA_DIR=str(tmp_path / "data"))
    bench = Path(__file__).resolve().parents[2] / "bench" / "worker_bench.py"
    result = subprocess.run(
        [
            sys.executable,
            str(bench),
            "--database-url",
            url,
            "--queue-only",
            "--entries",
            "20",
            "--workers",
            "1,2",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["ok"] and report["mode"] == "queue-only"
    assert [(r["workers"], r["killed_one"]) for r in report["runs"]][:2] == [(1, False), (2, False)]
    assert all(r["run_twice"] == 0 and r["lost"] == 0 and r["successful"] == 20 for r in report["runs"])
