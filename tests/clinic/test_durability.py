"""Canary and crash tests: plaintext never reaches the disk; a kill -9 loses no acknowledged entry."""

from __future__ import annotations

import json
import os
import secrets
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.db, pytest.mark.slow]

WRITER = r"""
import sys, threading
import reverie.cli.runtime
from reverie.clinic.services import journal, people
from reverie.clinic.services.journal import EntryDraft
from django.db import connection

user = people.authenticate("writer", "a long test password")
lock = threading.Lock()

def work(n):
    i = 0
    while True:
        i += 1
        view = journal.create_entry(user, EntryDraft(kind="free_association", body=f"burst {n}-{i} " + "x" * 2000))
        with lock:
            print(view.id, flush=True)

for n in range(4):
    threading.Thread(target=work, args=(n,), daemon=True).start()
threading.Event().wait()
"""


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_canary_marker_never_reaches_the_disk_but_is_in_the_export(cli: Any, tmp_path: Path) -> None:
    marker = f"CANARY{secrets.token_hex(8)}"
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {"TMPDIR": str(scratch)}
    logs: list[
        str
    ] = []  # what the commands print about themselves: stderr always, stdout unless it is the answer

    def run(*args: str, answer: bool = False, stdin: str | None = None) -> None:
        _, out, err = cli(*args, input=stdin, **env)
        logs.append(err)
        if not answer:
            logs.append(out)

    run("user", "create", "cara")
    for kind in ("dream", "free_association", "reflection"):
        run(
            "journal",
            "write",
            "-u",
            "cara",
            "--kind",
            kind,
            "--person",
            marker,
            "--tag",
            marker,
            stdin=f"{marker} text",
        )
    run("journal", "search", marker, "-u", "cara", "--json", answer=True)
    backup = tmp_path / "backup.gz"
    run("backup", str(backup))
    export = tmp_path / "export.json"
    cli("journal", "export", "-u", "cara", "-o", str(export), **env)
    assert marker in export.read_text()
    haystack = [*_files_under(cli.data_dir), *_files_under(scratch), backup]
    pg_dir = os.environ.get("REVERIE_TEST_PG_DIR")
    if pg_dir and "REVERIE_DATABASE_URL" in cli.env:
        haystack.extend(_files_under(Path(pg_dir)))
    assert any(p.name.endswith(("-wal", ".sqlite3")) for p in haystack) or pg_dir
    for path in haystack:
        try:
            content = path.read_bytes()
        except FileNotFoundError:  # a running server removed a temporary file of its own while we walked
            continue
        assert marker.encode() not in content, path
    assert all(marker not in text for text in logs)


@pytest.mark.parametrize("round_", [1, 2])
def test_crash_kill_9_during_concurrent_writes_loses_nothing_acknowledged(cli: Any, round_: int) -> None:
    cli("user", "create", "writer")
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER],
        env=cli.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    acknowledged: list[str] = []
    deadline = time.monotonic() + 60
    assert proc.stdout is not None
    while len(acknowledged) < 25 * round_ and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line:
            acknowledged.append(line.strip())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    acknowledged.extend(line.strip() for line in proc.stdout.read().splitlines() if line.strip())
    proc.stdout.close()
    assert len(acknowledged) >= 25 * round_
    if "REVERIE_DATABASE_URL" not in cli.env:
        db = sqlite3.connect(cli.data_dir / "reverie.sqlite3")
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.close()
    _, listed, _ = cli("journal", "list", "-u", "writer", "--json")
    stored = {row["id"]: row["body"] for row in json.loads(listed)}
    missing = [i for i in acknowledged if i not in stored]
    assert missing == []
    assert all(body.startswith("burst ") and body.endswith("x" * 2000) for body in stored.values())


def test_backup_under_load_holds_every_entry_acknowledged_before_it(cli: Any, tmp_path: Path) -> None:
    if "REVERIE_DATABASE_URL" in cli.env:
        pytest.skip("restoring needs a second empty database; the SQLite run covers it")
    cli("user", "create", "writer")
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER],
        env=cli.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    acknowledged: list[str] = []
    while len(acknowledged) < 15:
        line = proc.stdout.readline()
        if not line:
            break
        acknowledged.append(line.strip())
    backup = tmp_path / "under-load.gz"
    cli("backup", str(backup))  # the writer keeps writing meanwhile
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    for name in ("keys.json", "backup-keys.json"):
        (fresh / name).write_bytes((cli.data_dir / name).read_bytes())
        (fresh / name).chmod(0o600)
    restored = type(cli)({**cli.env, "REVERIE_DATA_DIR": str(fresh)})
    restored("restore", str(backup))
    db = sqlite3.connect(fresh / "reverie.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    _, listed, _ = restored("journal", "list", "-u", "writer", "--json")
    stored = {row["id"] for row in json.loads(listed)}
    assert [i for i in acknowledged if i not in stored] == []
