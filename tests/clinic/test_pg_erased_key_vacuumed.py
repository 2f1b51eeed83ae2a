"""Review r136, on a real PostgreSQL: a client erased their account; 14 minutes later (autovacuum idle: it waits for
50 dead rows) the deleted row of `clinic_clientkey` still held their wrapped data key byte for byte in the table's
file, with the master key beside it in `keys.json`: a copy of the data folder and the server's files opened every
"erased" entry still in the other tables' pages. SQLite's erasure overwrites the row and empties the WAL
(`keys.empty_the_wal`); on PostgreSQL nothing removed it, and a plain VACUUM leaves the bytes in the page's free
space. The erasure now rewrites the key table's file once it commits (VACUUM FULL, with a short lock wait)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from postgres_only import postgres_only
from reverie.clinic.models import ClientKey
from reverie.clinic.services import journal, portability
from reverie.clinic.services.journal import EntryDraft

pytestmark = [
    *postgres_only("a deleted row stays in PostgreSQL's table file until it is rewritten"),
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "a long test password"


def _in_the_table_file(needle: bytes) -> bool:
    """Whether the key table's file on the server's disk holds ``needle`` anywhere, free space in its pages
    included (flushed first by a checkpoint; a superuser reads the file, as the test server's role is)."""
    table = ClientKey._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("CHECKPOINT")
        cursor.execute(
            "SELECT position(%s::bytea IN pg_read_binary_file(pg_relation_filepath(%s))) > 0", [needle, table]
        )
        return bool(cursor.fetchone()[0])


def test_an_erased_clients_wrapped_data_key_is_not_left_in_the_key_tables_pages(make_user: Any) -> None:
    """The person erased holds the newest key row, as a new client who leaves soon does: a plain VACUUM prunes
    the row but leaves its bytes in the page's free space (measured on the clinic: the wrap still at its offset,
    above the page's free-space pointer), so only a rewrite of the table's file (VACUUM FULL) takes them out."""
    journal.create_entry(make_user("t-stays-pg"), EntryDraft(kind="dream", body="a journal that stays"))
    person = make_user("t-erase-pg")
    journal.create_entry(person, EntryDraft(kind="dream", body="words that were meant to be erased"))
    wrapped = bytes(ClientKey.objects.get(client=person).wrapped)
    assert _in_the_table_file(wrapped)
    portability.erase_client(person, "t-erase-pg", PASSWORD)
    assert not ClientKey.objects.filter(client_id=person.pk).exists()
    assert not _in_the_table_file(wrapped)


def test_an_erasure_while_a_backup_reads_the_keys_is_not_held_up_by_the_rewrite(
    make_user: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """A backup reads in one snapshot (REPEATABLE READ) for as long as it takes, holding its lock on the key table:
    the rewrite waits for it at most half a second, gives up (logged by type), and the erasure is done."""
    import time

    import psycopg

    person = make_user("t-erase-backup")
    journal.create_entry(person, EntryDraft(kind="dream", body="words that were meant to be erased"))
    s = connection.settings_dict
    with psycopg.connect(
        host=s["HOST"], port=s["PORT"], user=s["USER"], password=s["PASSWORD"] or None, dbname=s["NAME"]
    ) as backup:
        backup.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        backup.execute(f'SELECT count(*) FROM "{ClientKey._meta.db_table}"')
        started = time.monotonic()
        portability.erase_client(person, "t-erase-backup", PASSWORD)
        took = time.monotonic() - started
        backup.rollback()
    assert not ClientKey.objects.filter(client_id=person.pk).exists()
    assert took < 5, took
    assert "rewriting the data keys' table after an erasure failed: OperationalError" in caplog.text


def test_a_rewrite_that_had_to_keep_the_deleted_row_says_so(
    make_user: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """A transaction that began before the erasure (its snapshot taken on another table) still sees the deleted key
    row, so VACUUM FULL copies it into the new file: PostgreSQL reports it, the rewrite tries again a few times,
    then says it, never silently done (the bytes gone once that transaction ends and the rewrite runs again)."""
    import psycopg

    from reverie.clinic.services import keys

    person = make_user("t-erase-snapshot")
    journal.create_entry(person, EntryDraft(kind="dream", body="words that were meant to be erased"))
    wrapped = bytes(ClientKey.objects.get(client=person).wrapped)
    s = connection.settings_dict
    with psycopg.connect(
        host=s["HOST"], port=s["PORT"], user=s["USER"], password=s["PASSWORD"] or None, dbname=s["NAME"]
    ) as other:
        other.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        other.execute("SELECT 1")
        portability.erase_client(person, "t-erase-snapshot", PASSWORD)
        assert "kept 1 deleted row(s) another transaction sees" in caplog.text
        assert _in_the_table_file(wrapped)
        other.rollback()
    assert keys.vacuum_key_table()
    assert not _in_the_table_file(wrapped)
