"""An erasure that fails after it started must leave everything as it was (backup keys included)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reverie.clinic.models import Entry, User
from reverie.clinic.services import audit, backup_keys, journal, portability
from reverie.clinic.services.backup import create_backup
from reverie.clinic.services.journal import EntryDraft

# Real transactions: create_backup sets its isolation level first, which PostgreSQL refuses inside a test's transaction.
pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a long test password"


def test_a_failed_erasure_does_not_destroy_the_persons_backup_key(
    make_user: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``erase_client`` deletes the person's backup key from backup-keys.json (a file, outside the transaction)
    before the database part commits. When anything after it fails (here the audit write; in life "database is
    locked", a dropped PostgreSQL connection), the transaction rolls back: the account and journal are still
    there, but every backup made so far can no longer give this person's journal back. The next restore (a broken
    disk) silently leaves them out: their whole journal is lost although they never erased it."""
    alice = make_user("t-backup")
    journal.create_entry(alice, EntryDraft(kind="dream", body="kept in last night's backup"))
    create_backup(tmp_path / "nightly.json")
    assert alice.pk in backup_keys.keys_for([alice.pk], create=False)

    real_record = audit.record

    def failing_record(actor: Any, action: str, *args: Any, **kwargs: Any) -> Any:
        if action == "client.erase":
            raise RuntimeError("database is locked")
        return real_record(actor, action, *args, **kwargs)

    monkeypatch.setattr(audit, "record", failing_record)
    with pytest.raises(RuntimeError):
        portability.erase_client(alice, "t-backup", PASSWORD)

    assert User.objects.filter(pk=alice.pk).exists() and Entry.objects.filter(client=alice).count() == 1
    assert alice.pk in backup_keys.keys_for([alice.pk], create=False), (
        "the erasure rolled back, but the person's backup key is gone: every backup of their journal is dead"
    )
