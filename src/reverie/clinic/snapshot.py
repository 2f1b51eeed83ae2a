"""One transaction that reads, without taking a write lock at its start (review r124).

Reverie's SQLite connections begin every transaction ``IMMEDIATE`` (``clinic/settings.py``): a save takes the one
write lock at its start, so two saves wait in turn instead of failing half-way. A transaction that only reads (a
backup) or whose writes are all rolled back (a HEAD answered as a GET) needs no such lock, and holding it would
stop every save for as long as it reads: a save waiting past the 30-s busy wait fails (E540). :func:`read_snapshot`
begins such a transaction ``DEFERRED`` instead: its first read takes a WAL snapshot, every later read in it sees
that same moment, and other processes save meanwhile (WAL readers never block writers). A write made inside it
takes the write lock only then (waiting as any save does) and is refused as busy (``SQLITE_BUSY_SNAPSHOT``) when
another process saved since its snapshot began: it is meant for reading.

On PostgreSQL a transaction never takes a table lock to read; ``repeatable`` asks for one snapshot for the whole
transaction (``REPEATABLE READ``, ``READ ONLY``), as a backup needs.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import cast

from django.db import DEFAULT_DB_ALIAS, connections, transaction

from reverie.clinic.sqlite.base import DatabaseWrapper as SQLiteWrapper


@contextlib.contextmanager
def read_snapshot(using: str = DEFAULT_DB_ALIAS, *, repeatable: bool = False) -> Iterator[None]:
    """A transaction on ``using`` that reads one consistent moment and takes no write lock at its start.

    SQLite: ``BEGIN DEFERRED`` (the snapshot is taken at its first read). PostgreSQL: with ``repeatable``,
    ``REPEATABLE READ READ ONLY`` (the snapshot taken at its first statement after this), else the server's
    default. Inside a transaction already open it is a savepoint of that transaction, which decides."""
    connection = connections[using]
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        outermost = not connection.in_atomic_block
        with transaction.atomic(using=using):
            if repeatable and outermost and connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
        return
    sqlite = cast(SQLiteWrapper, connection)
    sqlite.ensure_connection()  # a new connection reads its mode from the settings: set ours after that
    mode = sqlite.transaction_mode
    sqlite.transaction_mode = "DEFERRED"
    try:
        with transaction.atomic(using=using):
            sqlite.transaction_mode = mode  # only the outermost BEGIN is ours; nothing else begins one here
            yield
    finally:
        sqlite.transaction_mode = mode
