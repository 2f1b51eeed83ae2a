"""Putting a SQLite connection into WAL mode, waiting out the moments when SQLite refuses without waiting.

A connection's busy timeout covers ordinary lock waits, but not these: two processes that open a database file not
yet in WAL mode and switch it together (two workers started at boot on a fresh database, a worker beside the first
``reverie serve``), a connection opened while the last one to close is checkpointing and removing the WAL, or while
another runs the WAL's recovery after a crash. There SQLite answers ``SQLITE_BUSY`` at once, whatever the timeout.
:func:`into_wal` retries for as long as the connection's own busy timeout would have waited; it imports no Django,
so a plain ``sqlite3`` connection can use it too."""

from __future__ import annotations

import sqlite3
import time

FIRST_PAUSE_S = 0.005
LONGEST_PAUSE_S = 0.1


def _busy(exc: sqlite3.OperationalError) -> bool:
    code = getattr(exc, "sqlite_errorname", "") or ""
    return code.startswith("SQLITE_BUSY") or str(exc).strip().lower().startswith("database is locked")


def into_wal(conn: sqlite3.Connection, wait_s: float) -> str:
    """Switch ``conn``'s database into WAL mode (a lasting setting of the file; a no-op once it is) and return the
    journal mode SQLite reports: ``"wal"``, or ``"memory"`` for an in-memory database, which has no WAL. A busy
    answer is retried, with growing pauses, until ``wait_s`` seconds have passed; then, or on any other error, the
    error is raised as SQLite gave it."""
    deadline = time.monotonic() + wait_s
    pause = FIRST_PAUSE_S
    while True:
        try:
            row = conn.execute("PRAGMA journal_mode=WAL").fetchone()
            return str(row[0]).lower() if row else ""
        except sqlite3.OperationalError as exc:
            if not _busy(exc) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, LONGEST_PAUSE_S)
