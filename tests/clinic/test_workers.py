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
