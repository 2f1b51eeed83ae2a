"""Backups and restore (faults found by review r29): what was deleted for good stays out, a full disk is a
plain message.

A restore here goes into the same (emptied) test database: ``_emptied`` deletes every row, as a fresh data folder
after ``migrate`` would hold, while the key files of this test stay (they are what a restore needs).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from reverie.clinic.models import Entry, User
from reverie.clinic.services import journal
from reverie.clinic.services.backup import create_backup, restore_backup
from reverie.errors import ReverieError

# Real commits: on PostgreSQL a backup sets its isolation level, allowed at a transaction's start only.
pytestmark = [pytest.mark.db, pytest.mark.django_db(transaction=True)]


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


def test_backup_onto_a_fifo_is_refused_and_leaves_it_a_fifo(cli: Any, tmp_path: Path) -> None:
    """r56: `reverie backup PATH` where PATH is a special file (a FIFO here; a device alike) renamed its finished
    temporary file over it, replacing it with a regular file. A path that exists and is not a regular file (or a
    folder) is refused now, plainly, before anything is written."""
    import os
    import stat

    fifo = tmp_path / "backup.pipe"
    os.mkfifo(fifo)
    status, _out, err = cli("backup", str(fifo), check=False)
    assert status == 2, err
    assert "not a regular file" in err and str(fifo) in err, err
    assert "unexpected" not in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["backup.pipe"]  # no temp left


def test_r33_an_entry_imported_again_after_a_purge_survives_a_restore(make_user: Any, tmp_path: Path) -> None:
    """An entry the person imported (and kept) after deleting an earlier import for good comes back from a restore."""
    from reverie.clinic.services import portability
    from reverie.journal.interchange import dump_reverie_json

    client = make_user()
    original = journal.create_entry(client, journal.EntryDraft(kind="reflection", body="words I keep"))
    exported = dump_reverie_json(portability.export_journal(client))
    journal.trash_entry(client, original.id)
    journal.purge_entry(client, original.id)
    portability.import_journal(client, exported)  # back, under an id of the person's own
    first_import = Entry.objects.get(client=client)
    journal.trash_entry(client, first_import.id)
    journal.purge_entry(client, first_import.id)
    portability.import_journal(client, exported)  # back again: the same id as the one just deleted for good
    kept = Entry.objects.get(client=client)
    path = tmp_path / "backup.json.gz"
    create_backup(path)  # taken while the entry is live
    _emptied()
    done = restore_backup(path)
    assert Entry.objects.filter(pk=kept.pk).exists(), (
        f"a live entry was left out of the restore as deleted for good ({done.purged_entries} left out)"
    )


def _backup_doc(path: Path) -> dict[str, Any]:
    import gzip
    import json

    doc: dict[str, Any] = json.loads(gzip.decompress(path.read_bytes()))
    return doc


def _write_backup_doc(path: Path, doc: dict[str, Any]) -> None:
    import gzip
    import json

    path.write_bytes(gzip.compress(json.dumps(doc).encode()))


def test_a_backup_says_when_it_was_taken_and_one_that_does_not_leaves_every_purged_id_out(
    make_user: Any, tmp_path: Path
) -> None:
    """r33: reverie.backup/3 records when it was taken; the purge record (/2) when each entry was deleted for good.
    A backup taken after a deletion keeps an entry it still holds under that id; a /2 backup (no moment) leaves it
    out as before, and says the moment is not known."""
    from datetime import timedelta

    from django.utils import timezone

    from reverie.clinic.services import purged

    client = make_user()
    entry = journal.create_entry(client, journal.EntryDraft(kind="reflection", body="live words"))
    path = tmp_path / "backup.json.gz"
    create_backup(path)
    doc = _backup_doc(path)
    assert doc["format"] == "reverie.backup/6" and doc["taken_at"]
    assert purged.left_out(str(entry.id), {str(entry.id): None}, timezone.now())  # /1: moment unknown
    moment = timezone.now() - timedelta(hours=1)  # deleted for good (under this id) before the backup
    purged.path().write_text(
        json.dumps({"format": "reverie.purged-entries/2", "entries": {str(entry.id): moment.isoformat()}})
    )
    assert purged.entries() == {str(entry.id): moment}
    _emptied()
    done = restore_backup(path)
    assert Entry.objects.filter(pk=entry.id).exists() and done.purged_entries == 0
    _emptied()
    older = dict(doc, format="reverie.backup/2")
    del older["taken_at"]
    _write_backup_doc(path, older)
    done = restore_backup(path)
    assert not Entry.objects.filter(pk=entry.id).exists()
    assert done.purged_entries == 1 and done.purged_undated == 1


def test_a_purge_record_of_format_1_is_read_and_written_back_as_2(make_user: Any, tmp_path: Path) -> None:
    """r33: ids recorded by reverie.purged-entries/1 keep no moment (every restore leaves them out, as before)."""
    from reverie.clinic.services import purged

    client = make_user()
    entry = journal.create_entry(client, journal.EntryDraft(kind="reflection", body="gone"))
    path = tmp_path / "backup.json.gz"
    create_backup(path)
    purged.path().write_text(json.dumps({"format": "reverie.purged-entries/1", "entries": ["old-id"]}))
    journal.trash_entry(client, entry.id)
    journal.purge_entry(client, entry.id)
    doc = json.loads(purged.path().read_text())
    assert doc["format"] == "reverie.purged-entries/2" and doc["entries"]["old-id"] is None
    assert doc["entries"][str(entry.id)]
    _emptied()
    done = restore_backup(path)
    assert done.purged_entries == 1 and done.purged_undated == 0 and not Entry.objects.exists()


def test_a_deletion_for_good_that_rolls_back_leaves_no_id_in_the_record(
    make_user: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """r33: an entry whose deletion for good did not commit is live: its id leaves the record again, and a backup
    taken before the attempt restores it."""
    from reverie.clinic.models import Entry as EntryModel
    from reverie.clinic.services import purged

    client = make_user()
    entry = journal.create_entry(client, journal.EntryDraft(kind="reflection", body="still here"))
    path = tmp_path / "backup.json.gz"
    create_backup(path)
    journal.trash_entry(client, entry.id)

    def failing_delete(self: Any, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(EntryModel, "delete", failing_delete)
    with pytest.raises(RuntimeError):
        journal.purge_entry(client, entry.id)
    monkeypatch.undo()
    assert Entry.objects.filter(pk=entry.id).exists()
    assert str(entry.id) not in purged.entries()
    _emptied()
    assert restore_backup(path).purged_entries == 0 and Entry.objects.filter(pk=entry.id).exists()


def test_an_import_that_brings_an_id_back_takes_it_out_of_the_record(
    make_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """r33: once an import commits an entry under an id deleted for good before, the id leaves the record."""
    from reverie.clinic.services import portability, purged
    from reverie.journal.interchange import dump_reverie_json

    client = make_user()
    original = journal.create_entry(client, journal.EntryDraft(kind="reflection", body="words"))
    exported = dump_reverie_json(portability.export_journal(client))
    journal.trash_entry(client, original.id)
    journal.purge_entry(client, original.id)
    portability.import_journal(client, exported)
    first = Entry.objects.get(client=client)
    journal.trash_entry(client, first.id)
    with django_capture_on_commit_callbacks(execute=True):
        journal.purge_entry(client, first.id)
    assert str(first.id) in purged.entries()
    with django_capture_on_commit_callbacks(execute=True):
        portability.import_journal(client, exported)
    assert Entry.objects.filter(pk=first.id).exists() and str(first.id) not in purged.entries()


def test_an_erasure_inside_a_transaction_that_rolls_back_afterwards_records_nothing(
    make_user: Any, tmp_path: Path
) -> None:
    """h30: an entry deleted for good inside a larger transaction that raises afterwards is live; its id is not in
    the purge record, and a backup taken before restores it (it used to be written before the commit, and stayed)."""
    from django.db import transaction

    from reverie.clinic.services import purged

    client = make_user()
    entry = journal.create_entry(client, journal.EntryDraft(kind="reflection", body="not erased after all"))
    path = tmp_path / "backup.json.gz"
    create_backup(path)
    journal.trash_entry(client, entry.id)
    with pytest.raises(RuntimeError), transaction.atomic():
        journal.purge_entry(client, entry.id)
        raise RuntimeError("something after the erasure failed")
    assert Entry.objects.filter(pk=entry.id).exists()
    assert str(entry.id) not in purged.entries()
    _emptied()
    assert restore_backup(path).purged_entries == 0 and Entry.objects.filter(pk=entry.id).exists()


def test_an_erasure_inside_a_transaction_is_recorded_when_it_commits(make_user: Any) -> None:
    """h30: the purge record is written when the outermost transaction commits, not before."""
    from django.db import transaction

    from reverie.clinic.services import purged

    client = make_user()
    entry = journal.create_entry(client, journal.EntryDraft(kind="reflection", body="erased"))
    journal.trash_entry(client, entry.id)
    with transaction.atomic():
        journal.purge_entry(client, entry.id)
        assert str(entry.id) not in purged.entries()  # not yet: nothing has committed
    assert str(entry.id) in purged.entries() and not Entry.objects.filter(pk=entry.id).exists()


def test_an_erasure_whose_record_cannot_be_written_is_refused_before_anything_is_deleted(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """h30: the record is written only after the commit, so it is checked writable first: a refusal, nothing deleted."""
    import errno

    from reverie.clinic.services import purged
    from reverie.errors import KeyUnavailable

    client = make_user()
    entry = journal.create_entry(client, journal.EntryDraft(kind="reflection", body="kept"))
    journal.trash_entry(client, entry.id)

    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(purged, "write_private_atomic", full)
    with pytest.raises(KeyUnavailable) as refused:
        journal.purge_entry(client, entry.id)
    # the person's words since r90/h105: no server path, the same fact ("nothing was deleted")
    assert "nothing was deleted" in str(refused.value) and "kept" not in str(refused.value)
    assert "purged-entries.json" not in str(refused.value)
    assert Entry.objects.filter(pk=entry.id).exists()
