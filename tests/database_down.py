"""The database out of reach for real, for the tests of what still answers without it (no mock: SQLite opens a file
in a missing folder, PostgreSQL a closed port)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connections


def take_down(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every connection closed and pointed where no database is, until ``monkeypatch`` undoes it."""
    for conn in connections.all():
        conn.close()
        if conn.vendor == "sqlite":
            monkeypatch.setitem(conn.settings_dict, "NAME", str(tmp_path / "absent" / "reverie.sqlite3"))
        else:
            monkeypatch.setitem(conn.settings_dict, "HOST", "127.0.0.1")
            monkeypatch.setitem(conn.settings_dict, "PORT", "1")
