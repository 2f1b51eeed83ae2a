"""Whole-database backup and restore in one versioned, portable file.

Sealed columns stay sealed in the backup (they are base64 ciphertext), so a backup is no more readable than the
database; the key files are NOT in it and must be kept separately: ``keys.json`` and ``backup-keys.json`` (each
person's data key is sealed in the backup under that person's backup key, ``backup_keys.py``). A backup is taken
inside one transaction, so it holds every entry acknowledged before it started. Restore goes into an empty database
only, and refuses up front when ``backup-keys.json`` is missing (without it no person's journal can be opened)
unless asked explicitly to restore only what opens without it; what is left out is always counted.
"""

from __future__ import annotations

import base64
import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core import serializers
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from reverie.errors import Conflict, IntegrityError, InvalidInput, KeyUnavailable
from reverie.files import write_private_atomic

FORMAT = "reverie.backup/2"  # 2: data keys sealed under per-person backup keys (backup_keys.py)
READS = ("reverie.backup/2",)
KEY_MODEL = "clinic.clientkey"
ENTRY_MODEL = "clinic.entry"
ATTACHMENT_MODEL = "clinic.attachment"
USER_MODEL = "clinic.user"
KEY_PURPOSE = "backup.data_key"
APPS = ("clinic", "care", "api")
MAX_BACKUP_BYTES = 4 * 1024**3


def _models() -> list[Any]:
    return [m for label in APPS for m in apps.get_app_config(label).get_models()]


def _last_migration() -> dict[str, str]:
    last: dict[str, str] = {}
    for row in MigrationRecorder.Migration.objects.filter(app__in=APPS).order_by("id"):
        last[row.app] = row.name
    return last


def create_backup(path: Path) -> int:
    """Write a gzip'd JSON backup to ``path`` (mode 0600, atomically). Returns the number of records."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        objects: list[Any] = []
        for model in _models():
            objects.extend(json.loads(serializers.serialize("json", model.objects.order_by("pk"))))
        _seal_data_keys(objects)
        doc = {"format": FORMAT, "migration": _last_migration(), "objects": objects}
    data = gzip.compress(json.dumps(doc, separators=(",", ":")).encode(), mtime=0)
    write_private_atomic(path, data)
    return len(objects)


def _seal_data_keys(objects: list[Any]) -> None:
    """Replace each master-wrapped data key with the same key sealed under the person's backup key."""
    from reverie.clinic.services import backup_keys, keys
    from reverie.vault.envelope import seal

    rows = [o for o in objects if o["model"] == KEY_MODEL]
    sealers = backup_keys.keys_for((int(o["fields"]["client"]) for o in rows), create=True)
    ring = keys.keyring()
    for row in rows:
        client = int(row["fields"]["client"])
        data_key = ring.unwrap(base64.b64decode(row["fields"]["wrapped"]), str(client))
        sealed = seal(
            sealers[client], data_key.material, client_id=str(client), record_id="backup", purpose=KEY_PURPOSE
        )
        row["fields"]["wrapped"] = base64.b64encode(sealed).decode()


def _open_data_keys(objects: list[Any]) -> tuple[list[Any], set[int]]:
    """Re-wrap each data key under this installation's master key; people whose backup key is gone were erased."""
    from reverie.clinic.services import backup_keys, keys
    from reverie.vault.envelope import open_sealed
    from reverie.vault.keys import DataKey

    rows = [o for o in objects if o["model"] == KEY_MODEL]
    openers = backup_keys.keys_for((int(o["fields"]["client"]) for o in rows), create=False)
    ring = keys.keyring()
    erased: set[int] = set()
    for row in rows:
        client = int(row["fields"]["client"])
        if client not in openers:
            erased.add(client)
            continue
        sealed = base64.b64decode(row["fields"]["wrapped"])
        try:
            material = open_sealed(
                openers[client], sealed, client_id=str(client), record_id="backup", purpose=KEY_PURPOSE
            )
        except IntegrityError:
            # Its key for this person is another's: said plainly, no key ids named (they mean nothing here).
            raise KeyUnavailable(foreign_backup_keys_message()) from None
        row["fields"]["wrapped"] = base64.b64encode(ring.wrap(DataKey(material), str(client))).decode()
    kept = [o for o in objects if not (o["model"] == KEY_MODEL and int(o["fields"]["client"]) in erased)]
    return kept, erased


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
        if len(raw) > MAX_BACKUP_BYTES:
            raise InvalidInput("That backup file is too large to be a Reverie backup.")
        doc = json.loads(gzip.decompress(raw))
    except FileNotFoundError:
        raise InvalidInput(f"No backup file at {path}.") from None
    except (OSError, EOFError, ValueError):
        raise InvalidInput("That file is not a Reverie backup (it is damaged or of another kind).") from None
    if (
        not isinstance(doc, dict)
        or doc.get("format") not in READS
        or not isinstance(doc.get("objects"), list)
    ):
        raise InvalidInput("That file is not a Reverie backup of a version this Reverie knows.")
    return doc


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore brought back, and what it had to leave out (people whose backup key it did not have)."""

    records: int
    people: int
    left_out_people: int
    left_out_entries: int
    left_out_attachments: int
    purged_entries: int = 0  # entries deleted for good after the backup was taken (purged.py), left out
    purged_attachments: int = 0
    audit_restored: int = 0  # audit events keyed under another key file's master key: re-anchored (audit.py)


def _left_out(objects: list[Any], people: set[int]) -> tuple[int, int]:
    """Entries and attachments of these people in the backup."""
    entries = {o["pk"] for o in objects if o["model"] == ENTRY_MODEL and int(o["fields"]["client"]) in people}
    attachments = sum(
        1 for o in objects if o["model"] == ATTACHMENT_MODEL and o["fields"].get("entry") in entries
    )
    return len(entries), attachments


def _without_purged(objects: list[Any]) -> tuple[list[Any], int, int]:
    """Leave out the entries deleted for good since the backup (``purged-entries.json``) and every row that belongs
    to one of them, before anything is written: their words never reach the database again."""
    from reverie.clinic.services import purged

    gone = purged.entries()
    dropped = {o["pk"] for o in objects if o["model"] == ENTRY_MODEL and str(o["pk"]) in gone}
    if not dropped:
        return objects, 0, 0
    owned_by_entry = {
        model._meta.label_lower: [
            f.name
            for f in model._meta.concrete_fields
            if f.is_relation
            and f.related_model is not None
            and f.related_model._meta.label_lower == ENTRY_MODEL
        ]
        for model in _models()
    }

    def belongs(obj: Any) -> bool:
        if obj["model"] == ENTRY_MODEL:
            return obj["pk"] in dropped
        return any(obj["fields"].get(name) in dropped for name in owned_by_entry.get(obj["model"], ()))

    attachments = sum(1 for o in objects if o["model"] == ATTACHMENT_MODEL and belongs(o))
    return [o for o in objects if not belongs(o)], len(dropped), attachments


def missing_backup_keys_message(objects: list[Any]) -> str:
    from reverie.clinic.services import backup_keys

    sealed = {int(o["fields"]["client"]) for o in objects if o["model"] == KEY_MODEL}
    entries, _ = _left_out(objects, sealed)
    return (
        f"This backup needs the backup key file backup-keys.json, expected at {backup_keys.path()} (beside the key"
        f" file); it is not there. Without it {len(sealed)} people and their {entries} entries cannot be opened."
        " Copy the backup-keys.json kept with this backup there and restore again. Nothing was restored."
        " To restore only what the key file alone opens, add --without-backup-keys."
    )


def foreign_backup_keys_message() -> str:
    from reverie.clinic.services import backup_keys

    return (
        f"The backup key file {backup_keys.path()} (backup-keys.json) does not belong to this backup: the keys it"
        " holds do not open the journals in it (it comes from another installation, or from one restored from"
        " another backup). Nothing was restored. Put the backup-keys.json kept with this backup there (keep the"
        " current one aside first) and restore again."
    )


def restore_backup(path: Path, *, without_backup_keys: bool = False) -> Restored:
    """Load a backup into an empty database (after ``migrate``). All or nothing.

    Refuses (``KeyUnavailable``, nothing restored) when the backup holds sealed data keys and ``backup-keys.json``
    is not there, unless ``without_backup_keys``: then the people whose keys it holds are left out, and counted.
    """
    from reverie.clinic.services import backup_keys

    doc = _read(path)
    User = apps.get_model("clinic", "User")
    if User.objects.exists():
        raise Conflict("The database is not empty. Restore into a fresh data folder or database.")
    sealed = any(o["model"] == KEY_MODEL for o in doc["objects"])
    if sealed and not without_backup_keys and not backup_keys.path().exists():
        raise KeyUnavailable(missing_backup_keys_message(doc["objects"]))
    objects, erased = _open_data_keys(doc["objects"])
    objects, purged_entries, purged_attachments = _without_purged(objects)
    try:
        with transaction.atomic():
            for obj in serializers.deserialize("json", json.dumps(objects)):
                obj.save()
            # Erased since the backup (or their key is not in this backup-keys.json): they stay out.
            dropped, _ = User.objects.filter(pk__in=erased).delete()
    except (serializers.base.DeserializationError, ValueError, KeyError):
        raise InvalidInput("The backup's records could not be read; nothing was restored.") from None
    _reset_sequences()
    audit_restored = _reanchor_audit()
    entries, attachments = _left_out(objects, erased)
    people = sum(1 for o in objects if o["model"] == USER_MODEL) - len(erased)
    return Restored(
        len(objects) - dropped,
        people,
        len(erased),
        entries,
        attachments,
        purged_entries,
        purged_attachments,
        audit_restored,
    )


def _reanchor_audit() -> int:
    """The restored audit trail verifies under this key ring: re-anchored when it was keyed under another's."""
    from reverie.clinic.services import audit

    return audit.reanchor_after_restore()


def _reset_sequences() -> None:
    if connection.vendor != "postgresql":
        return
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), _models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
