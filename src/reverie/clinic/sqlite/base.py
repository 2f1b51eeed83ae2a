"""Django's SQLite backend, with :func:`reverie.clinic.sqlite.wal.into_wal` run on every new connection before
anything else reads the database (the settings' ``init_command`` holds only per-connection pragmas)."""

from __future__ import annotations

from typing import Any

from django.db.backends.sqlite3 import base

from reverie.clinic.sqlite.wal import into_wal

# The busy timeout when the settings give none (Python's sqlite3 default).
DEFAULT_TIMEOUT_S = 5.0


class DatabaseWrapper(base.DatabaseWrapper):
    # How a transaction begins ("IMMEDIATE" as configured; Django's own attribute, set from the settings' OPTIONS at
    # each new connection and read at each BEGIN): ``clinic.snapshot.read_snapshot`` begins one DEFERRED.
    transaction_mode: str | None

    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        conn = super().get_new_connection(conn_params)
        into_wal(conn, float(conn_params.get("timeout", DEFAULT_TIMEOUT_S)))
        return conn
