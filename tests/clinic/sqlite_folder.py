"""Reverie's real processes on one SQLite data folder (review r124): their environment, a command run to its end,
a data folder in use (migrated, one client, wren, with one entry), a worker's lease waited for and a process
stopped. Plain functions: each test module makes its own fixtures from them."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

PASSWORD = "a long test password"


def env(data: Path, **extra: str) -> dict[str, str]:
    """The environment of a Reverie process on ``data``, nothing of the test run's own Reverie settings."""
    found = {k: v for k, v in os.environ.items() if not k.startswith(("REVERIE_", "DJANGO_"))}
    found.update(
        REVERIE_DATA_DIR=str(data),
        REVERIE_PASSWORD=PASSWORD,
        REVERIE_ANALYSIS="off",
        PYTHONWARNINGS="ignore",
        # the test settings (production's, quick password hashing; tests/settings_module, on PYTHONPATH from conftest)
        DJANGO_SETTINGS_MODULE="reverie_test_settings",
    )
    found.update(extra)
    return found


def reverie(*args: str) -> list[str]:
    return [sys.executable, "-m", "reverie.cli.main", *args]


def run(data: Path, *args: str, text: str | None = None, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        reverie(*args), input=text, capture_output=True, text=True, env=env(data, **extra), timeout=120
    )


def folder_in_use(data: Path) -> Path:
    """A data folder in use: migrated, one client (wren) with one entry, so with a data key."""
    made = run(data, "user", "create", "wren")
    assert made.returncode == 0, made.stderr
    saved = run(data, "journal", "write", "-u", "wren", text="A quiet afternoon by the lake.")
    assert saved.returncode == 0, saved.stderr
    return data


def copy_of(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


def connect(data: Path) -> sqlite3.Connection:
    """A plain connection to the data folder's database (reads, and the write lock held in some tests)."""
    return sqlite3.connect(data / "reverie.sqlite3", isolation_level=None, timeout=60)


def wait_for_lease(database: sqlite3.Connection, seconds: float = 45) -> int:
    """The pid of the first worker that holds a lease (it is up and polling), waited for at most ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        row = database.execute("SELECT pid FROM workers_workerlease ORDER BY started_at").fetchone()
        if row:
            return int(row[0])
        time.sleep(0.2)
    raise AssertionError("no worker took a lease")


def stop(process: subprocess.Popen[str]) -> str:
    """Stop ``process`` (SIGTERM, then SIGKILL after 40 s); everything it said."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        out, err = process.communicate(timeout=40)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate(timeout=20)
    return (out or "") + (err or "")
