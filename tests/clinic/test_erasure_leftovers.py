"""After erasing an account, nothing that opens the person's words is left in the SQLite files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from reverie.clinic.models import ClientKey
from reverie.clinic.services import journal, portability
from reverie.clinic.services.journal import EntryDraft

PASSWORD = "a long test password"


@pytest.mark.django_db(transaction=True)
def test_erased_clients_wrapped_data_key_does_not_survive_in_the_sqlite_files(make_user: Any) -> None:
    """Erasure is crypto-shredding: deleting the ClientKey row is what makes the sealed entries unreadable. SQLite
    runs without ``secure_delete`` and nothing checkpoints or vacuums after an erasure, so the deleted row's wrapped
    data key stays byte for byte in the database file / its WAL. The master key sits beside it (key file), so anyone
    who later reads the data folder unwraps the key and opens every "erased" entry still lying in free pages."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite file layout")
    alice = make_user("t-erase")
    journal.create_entry(alice, EntryDraft(kind="dream", body="words that were meant to be erased"))
    wrapped = bytes(ClientKey.objects.get(client=alice).wrapped)
    assert len(wrapped) > 40
    portability.erase_client(alice, "t-erase", PASSWORD)
    assert not ClientKey.objects.filter(client_id=alice.pk).exists()
    with (
        connection.cursor() as cursor
    ):  # what SQLite does by itself every 1,000 pages: the WAL is not emptied
        cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
    # The server keeps running (its connection open): what is on disk now is what a copy of the folder holds.
    name = Path(str(connection.settings_dict["NAME"]))
    found = [p.name for p in (name, Path(f"{name}-wal")) if p.exists() and wrapped in p.read_bytes()]
    assert found == [], f"the erased person's wrapped data key is still in {found}"
