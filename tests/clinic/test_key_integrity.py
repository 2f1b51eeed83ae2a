"""Issue 11, items 1 and 6: a data key is never cached from a transaction that did not commit; one key per client.

These tests commit for real (``transaction=True``), as the server does, and run on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from django.db import IntegrityError as DatabaseIntegrityError
from django.db import connection, transaction

from reverie.clinic.models import ClientKey, Entry
from reverie.clinic.services import journal, keys
from reverie.clinic.services.journal import AttachmentDraft, EntryDraft
from reverie.errors import InvalidInput
from reverie.vault.envelope import sealed_with
from reverie.vault.keys import DataKey

pytestmark = pytest.mark.django_db(transaction=True)

NOT_AN_IMAGE = b"%PDF-1.4 this is not a picture at all\n" * 4


def _bodies_after_restart(client: Any) -> list[str]:
    keys.forget_cached_keys()  # what a restart does
    return sorted(view.body for view in journal.list_entries(client))


def _one_key_naming_every_entry(client: Any) -> None:
    rows = list(ClientKey.objects.filter(client=client))
    assert len(rows) == 1
    kids = {sealed_with(e.payload) for e in Entry.objects.filter(client=client)}
    assert kids == {rows[0].kid}


def test_key_integrity_first_save_refused_upload_then_every_acknowledged_entry_opens_after_restart(
    make_user: Any,
) -> None:
    client = make_user("kit")
    with pytest.raises(InvalidInput):  # the first save: an art upload that is not an image
        journal.create_entry(
            client,
            EntryDraft(kind="art", body="my drawing"),
            [AttachmentDraft("me.png", "image/png", NOT_AN_IMAGE)],
        )
    assert not ClientKey.objects.filter(client=client).exists()
    assert not keys._data_keys  # nothing cached from the transaction that rolled back
    for n in range(3):
        journal.create_entry(client, EntryDraft(kind="dream", body=f"acknowledged dream {n}"))
    _one_key_naming_every_entry(client)
    assert _bodies_after_restart(client) == [f"acknowledged dream {n}" for n in range(3)]


def test_key_integrity_refused_import_in_an_outer_transaction_caches_nothing(make_user: Any) -> None:
    client = make_user("lou")
    with pytest.raises(InvalidInput), transaction.atomic():  # an import that is refused after its first entry
        journal.create_entry(client, EntryDraft(kind="reflection", body="imported, then refused"))
        raise InvalidInput("Entry 2 of the import is refused. Nothing was imported.")
    assert not ClientKey.objects.filter(client=client).exists() and not keys._data_keys
    journal.create_entry(client, EntryDraft(kind="reflection", body="written after"))
    assert client.pk in keys._data_keys  # cached once committed
    _one_key_naming_every_entry(client)
    assert _bodies_after_restart(client) == ["written after"]


def test_key_integrity_a_key_replaced_elsewhere_is_never_used_to_seal(make_user: Any) -> None:
    """Another process (erasure, restore, a worker) replaced the row: the cached key must not seal anything."""
    client = make_user("max")
    journal.create_entry(client, EntryDraft(kind="dream", body="first"))
    old = keys._data_keys[client.pk]
    replacement = DataKey.generate()
    with transaction.atomic():  # as another process would, without touching this process's memory
        ClientKey.objects.filter(client=client).delete()
        ClientKey.objects.create(
            client=client, kid=replacement.kid, wrapped=keys.keyring().wrap(replacement, str(client.pk))
        )
    blob = keys.seal_for(client, "record-1", "entry.payload", b"new text")
    assert sealed_with(blob) == replacement.kid != old.kid
    assert keys.open_for(client, "record-1", "entry.payload", blob) == b"new text"


def test_key_integrity_rows_without_a_stored_kid_get_it_on_first_use(make_user: Any) -> None:
    client = make_user("ned")
    journal.create_entry(client, EntryDraft(kind="dream", body="before kid was stored"))
    ClientKey.objects.filter(client=client).update(kid="")  # a row from before migration 0004
    keys.forget_cached_keys()
    assert [v.body for v in journal.list_entries(client)] == ["before kid was stored"]
    assert ClientKey.objects.get(client=client).kid == sealed_with(Entry.objects.get(client=client).payload)


def test_key_integrity_the_database_holds_one_key_per_client(make_user: Any) -> None:
    client = make_user("oli")
    keys.data_key(client)
    with pytest.raises(DatabaseIntegrityError), transaction.atomic():
        ClientKey.objects.create(client=client, kid="dk-000000000000", wrapped=b"x")


def test_key_integrity_first_write_race_loser_reads_the_winners_key(make_user: Any) -> None:
    """Deterministic race: A creates the key and holds its transaction open; B, finding no row, must wait and
    then use A's key (IntegrityError -> re-read), never a second key and never an error."""
    client = make_user("pia")
    created, release = threading.Event(), threading.Event()
    results: dict[str, str] = {}
    errors: list[BaseException] = []

    def first() -> None:
        try:
            with transaction.atomic():
                results["a"] = keys.data_key(client).kid
                created.set()
                release.wait(20)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    def second() -> None:
        try:
            results["b"] = keys.data_key(client).kid
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    a = threading.Thread(target=first)
    a.start()
    assert created.wait(20)
    b = threading.Thread(target=second)
    b.start()
    time.sleep(0.5)  # B has found no row and is waiting on A's uncommitted insert / write lock
    release.set()
    a.join(30)
    b.join(30)
    assert not errors, [type(e).__name__ for e in errors]
    assert results["a"] == results["b"]
    assert list(ClientKey.objects.filter(client=client).values_list("kid", flat=True)) == [results["a"]]


def test_key_integrity_eight_concurrent_first_writes_all_succeed(make_user: Any) -> None:
    client = make_user("quin")
    start = threading.Barrier(8)
    failures: list[str] = []

    def write(n: int) -> None:
        try:
            start.wait(10)
            journal.create_entry(client, EntryDraft(kind="dream", body=f"concurrent {n}"))
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(type(exc).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert failures == []
    _one_key_naming_every_entry(client)
    assert _bodies_after_restart(client) == sorted(f"concurrent {n}" for n in range(8))


def test_key_integrity_the_reported_web_journey_loses_nothing(make_user: Any, web_as: Any) -> None:
    """The report, step by step in the browser: a first art upload that is not an image, then ordinary entries,
    then a restart: every acknowledged entry is listed and exported."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    web = web_as(make_user("vera"))
    fake = SimpleUploadedFile("me.png", NOT_AN_IMAGE, content_type="image/png")
    assert web.post("/write/", {"kind": "art", "body": "my drawing", "attachment": fake}).status_code == 400
    for n in range(3):
        assert web.post("/write/", {"kind": "dream", "body": f"web dream {n}"}).status_code == 302
    keys.forget_cached_keys()
    page = web.get("/journal/")
    assert page.status_code == 200 and all(f"web dream {n}".encode() in page.content for n in range(3))
    export = web.post("/export/", {"format": "json"})
    assert export.status_code == 200 and all(f"web dream {n}".encode() in export.content for n in range(3))
