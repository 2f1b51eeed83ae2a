"""Entries are analysed in the background by worker processes that share the database (django-tasks)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from typing import Any

import pytest

pytestmark = [pytest.mark.db, pytest.mark.slow]


def test_workers_two_workers_analyse_every_entry_once(cli: Any) -> None:
    env = {**cli.env, "REVERIE_ANALYSIS": "background"}
    cli("user", "create", "wren")
    texts = [f"My sister called about mum on day {i}. I felt angry and then guilty." for i in range(6)]
    for text in texts:
        cli("journal", "write", "-u", "wren", input=text, REVERIE_ANALYSIS="background")
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "reverie.cli.main", "worker", "--interval", "0.2"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(2)
    ]
    try:
        deadline = time.monotonic() + 150
        analysed: list[Any] = []
        while time.monotonic() < deadline:
            _, out, _ = cli("journal", "list", "-u", "wren", "--json", "--analysis")
            analysed = [row for row in json.loads(out) if row.get("analysis")]
            if len(analysed) == len(texts):
                break
            time.sleep(1)
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)
    assert len(analysed) == len(texts)
    for row in analysed:
        assert (row["analysis"]["status"], row["analysis"]["revision"]) == ("ready", 1)
        # the writer's plain panel (observations.seen_by, as the API and the entry page): no raw codes
        assert row["analysis"]["schema"] == "reverie.noticed/1"


@pytest.mark.fresh_database
def test_workers_two_started_together_on_a_fresh_database_both_start(cli: Any) -> None:
    """r56: two worker units started at boot (docs/deploy.md: "one unit per worker"), or a worker beside the first
    `reverie serve`, on a database not yet migrated: both migrated at once and one died with an incident (table
    "clinic_auditevent" already exists). The check and the migration are made under a lock now (SQLite: a file
    lock in the data folder; PostgreSQL: an advisory lock): the second waits, finds the work done, and runs."""
    assert not (cli.data_dir / "reverie.sqlite3").exists()  # fresh_database: nothing made before the workers
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "reverie.cli.main", "worker", "--batch"],
            env=cli.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [proc.communicate(timeout=300) for proc in procs]
    said = [err for _, err in results]
    assert [proc.returncode for proc in procs] == [0, 0], said
    assert not any("unexpected" in err for err in said), said
