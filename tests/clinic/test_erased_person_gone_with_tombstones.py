"""Review r93: what of an erased person stays after today's stored things (tombstones, ``purged-*.json``,
``reverie.recovery/3`` copies with undecoded bytes), and whether a backup taken before the erasure brings them back.

A restore here goes into the same (emptied) test database, as ``test_backup_restore.py`` does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from cli_process import files_holding
from reverie.clinic.models import DeletedForGood, Entry, User
from reverie.clinic.services import journal, portability, purged, recovery
from reverie.clinic.services.backup import create_backup, restore_backup

pytestmark = [pytest.mark.db, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long test password"
KEPT = "purple elephants whisper at dawn"
GONE = "second secret mango thought"
TYPED = "latin bytes about my sister".encode("latin-1") + b" caf\xe9"


def _folders() -> list[Path]:
    return [Path(settings.REVERIE.data_dir), Path(settings.REVERIE.key_file).parent]


def _checkpoint() -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _lived(make_user: Any, tmp_path: Path) -> tuple[Any, Path]:
    """A client who wrote, deleted one entry for good, kept a recovery/3 copy of bytes that are not UTF-8, and a
    backup taken before they erase their account."""
    zed = make_user("zed-r93")
    journal.create_entry(zed, journal.EntryDraft(kind="reflection", body=KEPT))
    gone = journal.create_entry(zed, journal.EntryDraft(kind="reflection", body=GONE))
    journal.trash_entry(zed, gone.id)
    journal.purge_entry(zed, gone.id)
    recovery.keep(zed, journal.EntryDraft(kind="reflection", body=""), undecoded=TYPED)
    assert recovery.folder_of(zed.pk).exists()
    assert DeletedForGood.objects.filter(client=zed).exists()
    path = tmp_path / "before-erasure.json.gz"
    create_backup(path)
    return zed, path


def test_after_erasure_nothing_of_the_person_stays_in_the_data_or_key_folder(
    make_user: Any, tmp_path: Path
) -> None:
    """After "Erase everything", no tombstone row, no recovery copy (with its undecoded bytes), and no file in the
    data folder or beside the key file holds the person's words or user name; ids alone may stay in the
    purged records (documented), never a name."""
    zed, _ = _lived(make_user, tmp_path)
    zed_id = zed.pk
    portability.erase_client(zed, "zed-r93", PASSWORD)
    _checkpoint()
    assert not DeletedForGood.objects.filter(client_id=zed_id).exists()
    assert not recovery.folder_of(zed_id).exists()
    for words in (KEPT, GONE, "zed-r93", "latin bytes about my sister"):
        left = [p for folder in _folders() for p in files_holding(folder, words)]
        assert left == [], f"{words!r} stays after the erasure in {left}"
    for record in (purged.ENTRIES, purged.FILES):
        if purged.path(record).exists():
            assert "zed-r93" not in purged.path(record).read_text()
            doc = json.loads(purged.path(record).read_text())
            assert set(doc) == {"format", record.key}


def test_a_backup_taken_before_the_erasure_brings_back_neither_the_person_nor_their_tombstones(
    make_user: Any, tmp_path: Path
) -> None:
    """A restore of a backup taken before an erasure leaves the erased person out, with their tombstones (the
    backup holds them) and their entries: the person, and any row naming them, does not come back."""
    make_user("keeps-r93")  # someone who stays
    zed, path = _lived(make_user, tmp_path)
    zed_id = zed.pk
    portability.erase_client(zed, "zed-r93", PASSWORD)
    call_command("flush", interactive=False, verbosity=0)
    restore_backup(path)
    assert not User.objects.filter(pk=zed_id).exists()
    assert not User.objects.filter(username="zed-r93").exists()
    assert not Entry.objects.filter(client_id=zed_id).exists()
    assert not DeletedForGood.objects.filter(client_id=zed_id).exists()
    assert not recovery.folder_of(zed_id).exists()
    _checkpoint()
    for words in (KEPT, GONE, "latin bytes about my sister"):
        left = [p for folder in _folders() for p in files_holding(folder, words)]
        assert left == [], f"{words!r} back after the restore in {left}"
