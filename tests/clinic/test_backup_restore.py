"""Backups and restore (faults found by review r29): what was deleted for good stays out, a full disk is a
plain message.

A restore here goes into the same (emptied) test database: ``_emptied`` deletes every row, as a fresh data folder
after ``migrate`` would hold, while the key files of this test stay (they are what a restore needs).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from reverie.clinic.models import Entry, User
from reverie.clinic.services import journal
from reverie.clinic.services.backup import create_backup, restore_backup
from reverie.errors import ReverieError

pytestmark = pytest.mark.db


def _emptied() -> None:
    call_command("flush", interactive=False, verbosity=0)
    assert not User.objects.exists()


def test_an_entry_deleted_for_good_does_not_come_back_from_an_older_backup(
    make_user: Any, tmp_path: Path
) -> None:
    """An entry deleted for good ("This cannot be undone") after a backup stays deleted when that backup is restored."""
    client = make_user()
    gone = journal.create_entry(
        client, journal.EntryDraft(kind="reflection", body="words I deleted for good")
    )
    journal.create_entry(client, journal.EntryDraft(kind="reflection", body="words I kept"))
    path = tmp_path / "backup.json.gz"
    create_backup(path)
    journal.trash_entry(client, gone.id)
    journal.purge_entry(client, gone.id)
    assert not Entry.objects.filter(pk=gone.id).exists()
    _emptied()
    restore_backup(path)
    assert Entry.objects.count() == 1
    assert not Entry.objects.filter(pk=gone.id).exists()


def test_a_full_disk_during_backup_is_a_plain_message(
    make_user: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backup onto a full disk ends in a plain message naming the file (not "unexpected OSError"), leaving nothing."""
    import errno
    import os

    from reverie.cli import admin

    client = make_user()
    journal.create_entry(client, journal.EntryDraft(kind="reflection", body="a full disk"))

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)  # the OS edge: the disk fills as the backup is flushed
    path = tmp_path / "backup.json.gz"
    with pytest.raises(ReverieError) as refused:
        admin.backup(path)
    assert str(path) in str(refused.value)
    assert list(tmp_path.iterdir()) == []


def test_entries_emptied_from_the_trash_stay_out_of_a_restore_and_are_counted(
    make_user: Any, tmp_path: Path
) -> None:
    """Emptying the trash names each entry in purged-entries.json (0600, ids only, never text); restore counts them."""
    import json
    import stat

    from reverie.clinic.services import purged

    client = make_user()
    gone = [
        journal.create_entry(client, journal.EntryDraft(kind="reflection", body=body)).id
        for body in ("first gone", "second gone")
    ]
    journal.create_entry(client, journal.EntryDraft(kind="reflection", body="kept"))
    path = tmp_path / "backup.json.gz"
    create_backup(path)
    for entry_id in gone:
        journal.trash_entry(client, entry_id)
    assert journal.empty_trash(client, journal.trash_fingerprint(client)) == 2
    record = purged.path().read_text()
    assert stat.S_IMODE(purged.path().stat().st_mode) == 0o600
    assert "gone" not in record and {str(i) for i in gone} <= set(json.loads(record)["entries"])
    _emptied()
    done = restore_backup(path)
    assert done.purged_entries == 2 and Entry.objects.count() == 1


def test_a_full_or_read_only_disk_is_a_plain_message_whatever_file_the_error_names(tmp_path: Path) -> None:
    """`writing_to` (every backup and export a person names) says the disk refused, not "unexpected OSError"."""
    import errno

    from reverie.cli.paths import writing_to
    from reverie.errors import InvalidInput

    target = tmp_path / "export.json"
    for code, said in (
        (errno.ENOSPC, "The disk is full"),
        (errno.EROFS, "read-only"),
        (errno.EDQUOT, "quota"),
    ):
        with pytest.raises(InvalidInput) as refused, writing_to(target):
            raise OSError(code, "refused", "/somewhere/else/keys.json")
        assert said in str(refused.value) and str(target) in str(refused.value)
        assert "nothing was written" in str(refused.value)
