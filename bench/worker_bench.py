"""Several ``reverie worker`` processes on one PostgreSQL queue: throughput, and no task run twice or lost.

Run (a throw-away server: ``read -r pgdir pgurl < <(scripts/postgres)``):

    .venv/bin/python bench/worker_bench.py --database-url "$pgurl" [--entries 40] [--workers 1,2,4] [--light]
    scripts/postgres stop "$pgdir"

It makes a fresh database on that server, writes N invented entries once (analysis off), then for each worker
count: empties the queue and the stored analyses, enqueues one analysis task per entry, starts that many
``reverie worker`` processes and waits until every task has finished. A last run with two workers kills one of
them (SIGKILL) once it has finished a few tasks: the tasks it held must be requeued by the leases and finished by
the other worker. Checks, for every run: every task SUCCESSFUL, one stored analysis per entry, and every task
claimed by exactly one worker (claimed twice only when the first claimant was the killed worker).

Figures: entries/s over the wall time from the workers' start (includes each worker loading the models), over
the busy span (first task started to last task finished) and in the steady state (from the moment every worker has
finished its first task, i.e. loaded the models, to the last finish; the speed-up is computed on this one).
``--light`` analyses one-sentence entries (the queue's share of the work grows); ``--queue-only`` enqueues tasks
for entries that do not exist, so each task returns at once and the figure is the queue's own cost (claim, run,
mark done) and its contention; the default analyses ~80-word entries with the full pipeline. Prints one line per
run and, last, one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from typing import Any

BODY = (
    "My sister called about mum again and I went quiet, the way I always do when she raises her voice. "
    "Later I felt angry with myself for not saying what I wanted, then guilty for being angry. "
    "In the evening I wrote to my therapist's question about what I expect from people close to me: "
    "that they will leave if I ask for something."
)
LIGHT_BODY = "A quiet day at home."


def _admin_url(url: str) -> str:
    return url.rsplit("/", 1)[0] + "/postgres"


def _create_database(url: str) -> tuple[str, str]:
    import psycopg

    name = f"worker_bench_{os.getpid()}"
    with psycopg.connect(_admin_url(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + f"/{name}", name


def _drop_database(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(_admin_url(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _start_workers(count: int, env: dict[str, str]) -> list[subprocess.Popen[bytes]]:
    return [
        subprocess.Popen(
            [sys.executable, "-m", "reverie.cli.main", "worker", "--interval", "0.1"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(count)
    ]


def _stop(workers: list[subprocess.Popen[bytes]]) -> None:
    for process in workers:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in workers:
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()


def _run(
    entry_ids: list[str], workers: int, env: dict[str, str], *, kill_one: bool, timeout: float
) -> dict[str, Any]:
    from django_tasks_db.models import DBTaskResult

    from reverie.clinic.models import Entry, StoredAnalysis
    from reverie.clinic.services.analysis import analyse_entry_task

    DBTaskResult.objects.all().delete()
    StoredAnalysis.objects.all().delete()
    revisions = {str(k): v for k, v in Entry.objects.filter(id__in=entry_ids).values_list("id", "revision")}
    for entry_id in entry_ids:  # queue-only: ids of no entry, so each task returns at once
        analyse_entry_task.enqueue(entry_id, revisions.get(entry_id, 1))
    start = time.perf_counter()
    processes = _start_workers(workers, env)
    killed_pid = None
    try:
        deadline = start + timeout
        while time.perf_counter() < deadline:
            done = DBTaskResult.objects.filter(status__in=["SUCCESSFUL", "FAILED"]).count()
            if kill_one and killed_pid is None and done >= max(2, len(entry_ids) // 5):
                victim = processes[0]
                held = DBTaskResult.objects.filter(status="RUNNING").values_list("worker_ids", flat=True)
                if any(ids and ids[-1].split("-")[-2] == str(victim.pid) for ids in held):
                    victim.kill()  # mid-task: its lease must hand that task to the other worker
                    killed_pid = victim.pid
            if done == len(entry_ids):
                break
            time.sleep(0.1)
        wall = time.perf_counter() - start
    finally:
        _stop(processes)
    rows = list(DBTaskResult.objects.values("status", "worker_ids", "started_at", "finished_at"))
    statuses: dict[str, int] = {}
    for row in rows:
        statuses[row["status"]] = statuses.get(row["status"], 0) + 1
    claimed_twice = [r["worker_ids"] for r in rows if len(r["worker_ids"]) != 1]
    run_twice = [
        ids
        for ids in claimed_twice
        if killed_pid is None or len(ids) != 2 or ids[0].split("-")[-2] != str(killed_pid)
    ]
    finished = [r for r in rows if r["finished_at"] is not None]
    started = [r["started_at"] for r in rows if r["started_at"] is not None]
    busy = (
        (max(r["finished_at"] for r in finished) - min(started)).total_seconds()
        if finished and started
        else 0.0
    )
    # Steady state: from the moment every worker has finished its first task (models loaded) to the last finish.
    first_finish: dict[str, Any] = {}
    for row in finished:
        owner = row["worker_ids"][-1]
        if owner not in first_finish or row["finished_at"] < first_finish[owner]:
            first_finish[owner] = row["finished_at"]
    warm = max(first_finish.values()) if first_finish else None
    after_warm = [r for r in finished if warm is not None and r["finished_at"] > warm]
    steady_span = (
        (max(r["finished_at"] for r in after_warm) - warm).total_seconds() if after_warm and warm else 0.0
    )
    stored = StoredAnalysis.objects.count()
    per_worker: dict[str, int] = {}
    for row in rows:
        if row["status"] == "SUCCESSFUL":
            per_worker[row["worker_ids"][-1]] = per_worker.get(row["worker_ids"][-1], 0) + 1
    return {
        "workers": workers,
        "killed_one": killed_pid is not None,
        "entries": len(entry_ids),
        "successful": statuses.get("SUCCESSFUL", 0),
        "failed": statuses.get("FAILED", 0),
        "not_finished": len(entry_ids) - len(finished),
        "stored_analyses": stored,
        "requeued_after_kill": len(claimed_twice) if killed_pid is not None else 0,
        "run_twice": len(run_twice),
        "lost": len(entry_ids) - statuses.get("SUCCESSFUL", 0),
        "tasks_per_worker": sorted(per_worker.values(), reverse=True),
        "wall_s": round(wall, 2),
        "busy_s": round(busy, 2),
        "entries_per_s_wall": round(len(finished) / wall, 2) if wall else 0.0,
        "entries_per_s_busy": round(len(finished) / busy, 2) if busy else 0.0,
        "steady_entries": len(after_warm),
        "entries_per_s_steady": round(len(after_warm) / steady_span, 2) if steady_span else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("REVERIE_DATABASE_URL", ""))
    parser.add_argument("--entries", type=int, default=40)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--light", action="store_true", help="one-sentence entries: measure the queue itself")
    parser.add_argument(
        "--queue-only", action="store_true", help="tasks for entries that do not exist: the queue's own cost"
    )
    parser.add_argument("--no-kill", action="store_true", help="skip the run that kills a worker")
    parser.add_argument("--lease", type=int, default=6, help="REVERIE_TASK_LEASE_SECONDS for the workers")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        sys.exit("worker_bench needs a PostgreSQL URL: --database-url postgresql://… (see scripts/postgres)")

    url, name = _create_database(args.database_url)
    data_dir = tempfile.mkdtemp(prefix="reverie-worker-bench-")
    os.environ.update(REVERIE_DATABASE_URL=url, REVERIE_DATA_DIR=data_dir, REVERIE_ANALYSIS="off")
    for key in ("REVERIE_MODE", "REVERIE_MASTER_KEY", "REVERIE_KEY_FILE", "REVERIE_SECRET_KEY"):
        os.environ.pop(key, None)
    env = {**os.environ, "REVERIE_TASK_LEASE_SECONDS": str(args.lease), "PYTHONWARNINGS": "ignore"}
    try:
        import reverie.cli.runtime  # noqa: F401  (sets Django up and migrates the fresh database)
        from reverie.clinic.services import journal, keys, people
        from reverie.clinic.services.journal import EntryDraft

        keys.ensure_key_file()
        user = people.create_user("bench-writer", "a long bench password")
        body = LIGHT_BODY if args.light else BODY
        mode = "queue-only" if args.queue_only else "light" if args.light else "analysis"
        if args.queue_only:
            entry_ids = [str(uuid.UUID(int=i + 1)) for i in range(args.entries)]
        else:
            entry_ids = [
                str(journal.create_entry(user, EntryDraft(kind="reflection", body=f"{body} (day {i})")).id)
                for i in range(args.entries)
            ]
        runs = []
        plan = [(int(w), False) for w in args.workers.split(",")]
        if not args.no_kill:
            plan.append((2, True))
        for workers, kill in plan:
            run = _run(entry_ids, workers, env, kill_one=kill, timeout=args.timeout)
            run["expected_analyses"] = 0 if args.queue_only else len(entry_ids)
            runs.append(run)
            print(
                f"{workers} worker(s){' (one killed)' if run['killed_one'] else ''}: "
                f"{run['entries_per_s_steady']:6.2f} entries/s steady, {run['entries_per_s_busy']:6.2f} busy, "
                f"{run['entries_per_s_wall']:6.2f} wall "
                f"({run['wall_s']} s incl. start-up); successful {run['successful']}/{run['entries']}, "
                f"run twice {run['run_twice']}, lost {run['lost']}, requeued after kill {run['requeued_after_kill']}, "
                f"per worker {run['tasks_per_worker']}",
                file=sys.stderr,
            )
        base = next(
            (r["entries_per_s_steady"] for r in runs if r["workers"] == 1 and not r["killed_one"]), 0.0
        )
        report = {
            "bench": "workers",
            "mode": mode,
            "entries": args.entries,
            "cpus": os.cpu_count(),
            "lease_s": args.lease,
            "runs": runs,
            "speedup_vs_1": {
                str(r["workers"]) + ("-killed" if r["killed_one"] else ""): round(
                    r["entries_per_s_steady"] / base, 2
                )
                for r in runs
                if base
            },
            "ok": all(
                r["run_twice"] == 0 and r["lost"] == 0 and r["stored_analyses"] == r["expected_analyses"]
                for r in runs
            ),
        }
        print(json.dumps(report))
        if not report["ok"]:
            sys.exit(1)
    finally:
        from django.db import connections

        connections.close_all()
        _drop_database(args.database_url, name)


if __name__ == "__main__":
    main()
