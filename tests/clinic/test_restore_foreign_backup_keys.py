"""r130 fault 2: a backup-keys.json from another installation is refused before anything is written, whatever
person ids it happens to hold. Before, the check fired only when the foreign file held a key for the same numeric id;
another installation's file with keys for other ids made every client "erased since the backup": restored without
them, exit 0, and the database no longer empty.

Mechanism: the file carries its installation's mark and the backup records it (``backup_keys_mark``): another mark
is refused; a file that opens none of the backup's data keys (an unmarked file of format 1 too) is refused."""

from __future__ import annotations

import base64
import json
import secrets
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from reverie.clinic.services import backup, backup_keys
from reverie.errors import KeyUnavailable
from reverie.files import write_private_atomic

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.db]


def _backed_up(make_user: Any, tmp_path: Path) -> Path:
    from reverie.clinic.services import journal

    client = make_user("alice-r130")
    journal.create_entry(client, journal.EntryDraft(kind="free_association", body="words of alice"))
    path = tmp_path / "backup.json.gz"
    backup.create_backup(path)
    call_command("flush", interactive=False, verbosity=0)
    return path


def _foreign_file(doc: dict[str, Any]) -> None:
    """Another installation's backup-keys.json: a key for a person id this backup does not hold."""
    write_private_atomic(backup_keys.path(), json.dumps(doc).encode())


def _key() -> str:
    return base64.b64encode(secrets.token_bytes(32)).decode()


def _nothing_restored() -> None:
    from reverie.clinic.models import Entry, User

    assert not User.objects.exists() and not Entry.objects.exists()


def test_another_installations_marked_file_is_refused(make_user: Any, tmp_path: Path) -> None:
    path = _backed_up(make_user, tmp_path)
    _foreign_file({"format": backup_keys.FORMAT, "installation": "another", "clients": {"987654": _key()}})
    with pytest.raises(KeyUnavailable) as refused:
        backup.restore_backup(path)
    assert (
        "does not belong to this backup" in refused.value.message
        and "Nothing was restored" in refused.value.message
    )
    _nothing_restored()


def test_an_unmarked_file_that_opens_none_of_the_backups_keys_is_refused(
    make_user: Any, tmp_path: Path
) -> None:
    path = _backed_up(make_user, tmp_path)
    _foreign_file({"format": "reverie.backup-keys/1", "clients": {"987654": _key()}})
    with pytest.raises(KeyUnavailable) as refused:
        backup.restore_backup(path)
    assert "holds none of the keys of the 1 person" in refused.value.message
    _nothing_restored()


def test_the_backups_own_file_restores_and_the_backup_records_its_mark(
    make_user: Any, tmp_path: Path
) -> None:
    from reverie.clinic.models import Entry

    path = _backed_up(make_user, tmp_path)
    import gzip

    doc = json.loads(gzip.decompress(path.read_bytes()))
    assert doc["backup_keys_mark"] == backup_keys._read(backup_keys.path())[backup_keys.MARK]
    done = backup.restore_backup(path)
    assert done.left_out_people == 0 and Entry.objects.count() == 1
