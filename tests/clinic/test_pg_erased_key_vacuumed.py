"""Review r136, on a real PostgreSQL: a client erased their account; 14 minutes later (autovacuum idle: it waits for
50 dead rows) the deleted row of `clinic_clientkey` still held their wrapped data key byte for byte in the table's
file, with the master key beside it in `keys.json`: a copy of the data folder and the server's files opened every
"erased" entry still in the other tables' pages. SQLite's erasure overwrites the row and empties the WAL
(`keys.empty_the_wal`); on PostgreSQL nothing removed it. The erasure now vacuums the key table once it commits."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from postgres_only import postgres_only
from reverie.clinic.models import ClientKey
from reverie.clinic.services import journal, portability
from reverie.clinic.services.journal import EntryDraft

pytestmark = [
    *postgres_only("a deleted row stays in PostgreSQL's table pages until VACUUM"),
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "a long test password"


def _rows_in_the_table_file_holding(needle: bytes) -> int:
    """Tuples, live or dead, in the key table's pages whose bytes hold ``needle`` (pageinspect reads the pages)."""
    table = ClientKey._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pageinspect")
        cursor.execute("SELECT pg_relation_size(%s) / current_setting('block_size')::int", [table])
        blocks = int(cursor.fetchone()[0])
        found = 0
        for block in range(blocks):
            cursor.execute(
                "SELECT count(*) FROM heap_page_items(get_raw_page(%s, %s))"
                " WHERE t_data IS NOT NULL AND position(%s::bytea IN t_data) > 0",
                [table, block, needle],
            )
            found += int(cursor.fetchone()[0])
    return found


def test_an_erased_clients_wrapped_data_key_is_not_left_in_the_key_tables_pages(make_user: Any) -> None:
    person = make_user("t-erase-pg")
    journal.create_entry(person, EntryDraft(kind="dream", body="words that were meant to be erased"))
    wrapped = bytes(ClientKey.objects.get(client=person).wrapped)
    assert _rows_in_the_table_file_holding(wrapped) == 1
    portability.erase_client(person, "t-erase-pg", PASSWORD)
    assert not ClientKey.objects.filter(client_id=person.pk).exists()
    assert _rows_in_the_table_file_holding(wrapped) == 0
