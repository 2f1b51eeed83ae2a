"""`reverie backup` reads one snapshot without holding SQLite's write lock (review r124): a save made while a long
backup reads is saved, as beside any other reader. Real processes on a real data folder."""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import subprocess
import time
from pathlib import Path

import pytest
from sqlite_folder import connect, copy_of, env, folder_in_use, reverie, run

pytestmark = pytest.mark.slow


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return folder_in_use(tmp_path / "data")


def _blocked_on(lock_file: Path, pid: int) -> bool:
    """Whether process ``pid`` waits for a flock on ``lock_file`` (/proc/locks lists a waiter after "->")."""
    inode = os.stat(lock_file).st_ino
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if "->" in fields and str(pid) in fields and any(f.endswith(f":{inode}") for f in fields):
            return True
    return False


def _entries(backup: Path) -> int:
    doc = json.loads(gzip.decompress(backup.read_bytes()))
    return sum(1 for o in doc["objects"] if o["model"] == "clinic.entry")


def test_a_journal_write_during_a_backup_is_saved(data: Path, tmp_path: Path) -> None:
    """`reverie backup` read the whole database inside ``transaction.atomic()``, which on SQLite begins IMMEDIATE:
    it held the one write lock for as long as the backup took, though a WAL read snapshot needs none. A backup of a
    journal with its pictures and recordings that took longer than the 30-second busy wait made every save then fail:
    "Not saved: the database is busy … [E540]". Here the backup is held inside its snapshot by waiting for
    backup-keys.json, whose lock another backup or an erasure holds (its keys are read there, under that lock, as
    its first read, so its snapshot begins once that lock is free). The save made meanwhile is saved; the backup
    holds it (its snapshot began after it) and restores into a new data folder with both entries."""
    lock_file = data / "backup-keys.lock"
    backup_file = tmp_path / "backup.json.gz"
    backup = None
    with open(lock_file, "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # another backup's or an erasure's hold on backup-keys.json
        try:
            backup = subprocess.Popen(
                reverie("backup", str(backup_file)),
                env=env(data),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            deadline = time.monotonic() + 45
            while (
                time.monotonic() < deadline
                and backup.poll() is None
                and not _blocked_on(lock_file, backup.pid)
            ):
                time.sleep(0.1)
            assert backup.poll() is None, "the backup ended before it reached backup-keys.json"
            saved = run(data, "journal", "write", "-u", "wren", text="Written while the backup ran.")
        finally:
            fcntl.flock(held, fcntl.LOCK_UN)
            backup_said = "".join(backup.communicate(timeout=90)) if backup is not None else ""
    assert backup is not None and backup.returncode == 0, backup_said
    assert saved.returncode == 0, saved.stderr
    assert "Saved" in saved.stdout
    assert _entries(backup_file) == 2
    restored_into = copy_of(data, tmp_path / "restored")
    for name in ("reverie.sqlite3", "reverie.sqlite3-wal", "reverie.sqlite3-shm"):
        (restored_into / name).unlink(missing_ok=True)
    restored = run(restored_into, "restore", str(backup_file))
    assert restored.returncode == 0, restored.stderr
    database = connect(restored_into)
    try:
        assert database.execute("SELECT count(*) FROM clinic_entry").fetchone()[0] == 2
    finally:
        database.close()
