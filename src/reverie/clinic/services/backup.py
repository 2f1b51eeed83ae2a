"""Whole-database backup and restore in one versioned, portable file.

Sealed columns stay sealed in the backup (they are base64 ciphertext), so a backup is no more readable than the
database; the key files are NOT in it and must be kept separately: ``keys.json`` and ``backup-keys.json`` (each
person's data key is sealed in the backup under that person's backup key, ``backup_keys.py``). A backup is taken
inside one read snapshot (``clinic.snapshot.read_snapshot``: no write lock, so saves go on meanwhile, review r124),
so it holds every entry acknowledged before it started, and no later change; its first read is made under
``backup-keys.json``'s lock (``backup_keys.keys_for_backup``), so an erasure committing meanwhile is either wholly
out of it or loses its key after it. Restore goes into an empty database
only, and refuses up front when ``backup-keys.json`` is missing (without it no person's journal can be opened)
unless asked explicitly to restore only what opens without it; what is left out is always counted.

Versions. A backup records the last migration of each app it holds. One made by a newer Reverie (a migration this
code does not know) is refused before anything changes. Any other is restored at its own version: the empty
database is migrated back to the backup's migrations, the records are loaded with the models of that state, and the
database is migrated forward to today's, so every data migration since (care 0012, 0015, …) runs on the restored
records as on an upgrade in place. All of it runs in one transaction (SQLite and PostgreSQL both undo schema changes
on rollback): a restore that fails leaves the empty database at today's version, as it found it. Entries that were
waiting for analysis when the backup was taken are queued again after the restore commits, risk first.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import stat
import uuid
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import Any, BinaryIO

from django.apps import apps
from django.apps.registry import Apps
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.python import Deserializer as PythonDeserializer
from django.db import DatabaseError, connection, transaction
from django.db import IntegrityError as DatabaseIntegrityError
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from reverie import text
from reverie.clinic.services import ownership
from reverie.clinic.snapshot import read_snapshot
from reverie.errors import Conflict, IntegrityError, InvalidInput, KeyUnavailable
from reverie.files import write_private_atomic
from reverie.vault.keys import DataKey

# 2: data keys sealed under per-person backup keys (backup_keys.py); 3: ``taken_at``, the moment the backup was taken
# (purged.py: an entry deleted for good is left out only by a backup taken before its deletion); 4: each person's
# authenticator secret (``clinic.user.totp_secret``) sealed under their data key, never plain (clinic 0014). A /2 or
# /3 backup is restored at its own migrations and migrated forward: 0014 seals its plain secrets on the way in.
# 5: every date and time written in full, to the microsecond (r43): /4 and older were written by Django's JSON
# serializer, which cuts times to the millisecond, so the audit digests (made over the microseconds) of a restored
# trail no longer match at the millisecond kept; restoring one of those finds each event's time again among the
# 1,000 within its millisecond and writes it back, in the restore's transaction (audit.recover_cut_times, h53): the
# restored trail is the original and verifies exactly, with no re-anchoring; an event none matches was altered in
# the backup, and is reported, never re-anchored (r44).
# 6: ``backup_keys_mark``, the mark of the backup-keys.json that sealed its data keys (``backup_keys.MARK``): a
# restore refuses a file with another mark before anything is written (r130); /5 is read as before.
FORMAT = "reverie.backup/6"
READS = ("reverie.backup/2", "reverie.backup/3", "reverie.backup/4", "reverie.backup/5", FORMAT)
TIMES_CUT = READS[:3]  # formats whose times were cut to the millisecond
KEY_MODEL = "clinic.clientkey"
ENTRY_MODEL = "clinic.entry"
ATTACHMENT_MODEL = "clinic.attachment"
USER_MODEL = "clinic.user"
RECOVERY_CODE_MODEL = "clinic.recoverycode"
KEY_PURPOSE = "backup.data_key"
APPS = ("clinic", "care", "api")
MAX_BACKUP_BYTES = 4 * 1024**3  # the largest backup file read
# Unpacked, a backup may be at most MAX_UNPACK_RATIO times its file's size (at least MIN_UNPACK_CAP, at most
# MAX_UNPACKED_BYTES): its sealed columns are ciphertext, which does not compress, so a real backup unpacks to a few
# times its size; a gzip bomb (9 MB unpacking to 8 GiB, 1,000 to 1) is refused once past the cap, never held whole.
MAX_UNPACK_RATIO = 100
MIN_UNPACK_CAP = 64 * 1024**2
MAX_UNPACKED_BYTES = 4 * 1024**3


def _models() -> list[Any]:
    return [m for label in APPS for m in apps.get_app_config(label).get_models()]


def _last_migration() -> dict[str, str]:
    last: dict[str, str] = {}
    for row in MigrationRecorder.Migration.objects.filter(app__in=APPS).order_by("id"):
        last[row.app] = row.name
    return last


def create_backup(path: Path) -> int:
    """Write a gzip'd JSON backup to ``path`` (mode 0600, atomically). Returns the number of records."""
    from reverie.clinic.models import ClientKey
    from reverie.clinic.services import backup_keys

    mark = backup_keys.mark_for_backup()  # the file's installation mark, recorded so a restore knows its file
    # One snapshot, read without SQLite's write lock: saves go on while a long backup reads (review r124).
    with read_snapshot(repeatable=True):
        taken_at = timezone.now()  # before the first read: the snapshot is this moment or later
        sealers = backup_keys.keys_for_backup(
            lambda: ClientKey.objects.order_by("client_id").values_list("client_id", flat=True)
        )
        objects: list[Any] = []
        for model in _models():
            rows = serializers.serialize("python", model.objects.order_by("pk"))
            objects.extend(json.loads(json.dumps(rows, cls=_FullTimes)))
        _seal_data_keys(objects, sealers)
        doc = {
            "format": FORMAT,
            "taken_at": taken_at.isoformat(),
            "migration": _last_migration(),
            "backup_keys_mark": mark,
            "objects": objects,
        }
    data = gzip.compress(json.dumps(doc, separators=(",", ":")).encode(), mtime=0)
    write_private_atomic(path, data)
    return len(objects)


class _FullTimes(DjangoJSONEncoder):
    """Django's JSON encoder, but times to the microsecond: its own cuts them to the millisecond, and an audit
    event's digest covers its time to the microsecond (``audit._fields``)."""

    def default(self, o: Any) -> Any:
        if isinstance(o, (datetime, time)):
            return o.isoformat()
        return super().default(o)


def _seal_data_keys(objects: list[Any], sealers: dict[int, DataKey]) -> None:
    """Replace each master-wrapped data key with the same key sealed under the person's backup key (``sealers``,
    made for every data key of the same snapshot)."""
    from reverie.clinic.services import keys
    from reverie.vault.envelope import seal

    rows = [o for o in objects if o["model"] == KEY_MODEL]
    ring = keys.keyring()
    for row in rows:
        client = int(row["fields"]["client"])
        data_key = ring.unwrap(base64.b64decode(row["fields"]["wrapped"]), str(client))
        sealed = seal(
            sealers[client], data_key.material, client_id=str(client), record_id="backup", purpose=KEY_PURPOSE
        )
        row["fields"]["wrapped"] = base64.b64encode(sealed).decode()


def _open_data_keys(
    objects: list[Any], mark: object = None, *, none_opened_allowed: bool = False
) -> tuple[list[Any], set[int]]:
    """Re-wrap each data key under this installation's master key; people whose backup key is gone were erased.

    Before anything is written, refuses (``KeyUnavailable``) a backup-keys.json that is not this backup's: one whose
    installation mark differs from the one the backup recorded (``mark``), or, where the marks cannot be compared (a
    backup before format 6, a file of format 1), one that opens none of the backup's data keys (another
    installation's file that happens to hold no key for the same person ids; r130: it left every client out, exit
    0), unless ``none_opened_allowed`` (``--without-backup-keys``: everyone in the backup with a key erased since)."""
    from reverie.clinic.services import backup_keys, keys
    from reverie.vault.envelope import open_sealed

    rows = [o for o in objects if o["model"] == KEY_MODEL]
    file_there = backup_keys.path().exists()
    openers, file_mark = backup_keys.opening(int(o["fields"]["client"]) for o in rows)
    marks_compared = file_there and isinstance(mark, str) and file_mark is not None
    if marks_compared and file_mark != mark:
        raise KeyUnavailable(foreign_backup_keys_message())
    # Opening none is read as another installation's file unless the marks prove it this one's (then: everyone in
    # the backup with a key was erased since, or the file is an older copy; counted below as before).
    if file_there and rows and not openers and not marks_compared and not none_opened_allowed:
        raise KeyUnavailable(foreign_backup_keys_message(opens_none=len(rows)))
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


class _Counted:
    """A file read through, counting the bytes taken from it (a pipe's size is only known as it is read)."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.taken = 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.taken += len(data)
        return data

    def seek(self, offset: int, whence: int = 0) -> int:  # gzip's reader asks for it; reading never seeks
        return self.raw.seek(offset, whence)


def _read(path: Path) -> dict[str, Any]:
    """The backup's document, its shape checked once (:func:`_check_shape`): every reader after this trusts it.

    Unpacked in a stream, never past :func:`_unpacked_cap` (a gzip bomb of a few MB that unpacks to gigabytes is
    refused after reading that much, not held whole); a damaged file is one plain :class:`InvalidInput` naming it.
    A regular file's size is the system's, checked before anything is read; a file of unknown size (a pipe,
    ``/dev/stdin``: ``stat`` says 0) is measured as it is read, so both caps hold on it too: past
    ``MAX_BACKUP_BYTES`` read it is refused, and it may unpack to ``MAX_UNPACK_RATIO`` times what was read so far."""
    try:
        with path.open("rb") as raw:
            status = os.fstat(raw.fileno())
            regular = stat.S_ISREG(status.st_mode)
            if regular and status.st_size > MAX_BACKUP_BYTES:
                raise InvalidInput(f"{path} is too large to be a Reverie backup.")
            counted = _Counted(raw)
            text = bytearray()
            with gzip.GzipFile(fileobj=counted, mode="rb") as unpacking:
                while chunk := unpacking.read(1024**2):
                    text += chunk
                    size = status.st_size if regular else counted.taken
                    if size > MAX_BACKUP_BYTES:
                        raise InvalidInput(f"{path} is too large to be a Reverie backup.")
                    cap = _unpacked_cap(size)
                    if len(text) > cap:
                        raise InvalidInput(
                            f"{path} unpacks to more than {cap // 1024**2} MiB, more than a Reverie backup of its"
                            f" size ever does (at most {MAX_UNPACK_RATIO} times its size): it is damaged or not a"
                            " backup. Nothing was restored."
                        )
        doc = json.loads(text)
    except FileNotFoundError:
        raise InvalidInput(f"No backup file at {path}.") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path} is a folder; give a backup file.") from None
    except PermissionError:
        raise InvalidInput(f"No permission to read {path}.") from None
    except (OSError, EOFError, ValueError, zlib.error, RecursionError):
        raise InvalidInput(f"{path} is not a Reverie backup (it is damaged or of another kind).") from None
    return _check_shape(path, doc)


def _unpacked_cap(size: int) -> int:
    """How many bytes a backup of ``size`` bytes may unpack to: ``MAX_UNPACK_RATIO`` times its size (at least
    ``MIN_UNPACK_CAP``, never more than ``MAX_UNPACKED_BYTES``)."""
    return min(MAX_UNPACKED_BYTES, max(MIN_UNPACK_CAP, size * MAX_UNPACK_RATIO))


def newer_reverie_message(why: str) -> str:
    """The one sentence for a backup made by a newer Reverie (its format, or a migration unknown here)."""
    return f"This backup was made by a newer Reverie ({why}); upgrade Reverie, then restore. Nothing was changed."


def _check_shape(path: Path, doc: Any) -> dict[str, Any]:
    """The document's shape, checked once before anything reads it: an object of a format this Reverie reads whose
    ``objects`` are records (an object with a ``model`` label, a ``pk`` and ``fields``), each client key with its
    person and its sealed key, each entry with its person, each person with a number. A fault is one plain
    ``InvalidInput`` naming the file and what is wrong, by record number and field name, never a value."""

    def damaged(what: str) -> InvalidInput:
        return InvalidInput(f"The backup {path} is damaged: {what}. Nothing was restored.")

    if not isinstance(doc, dict):
        raise damaged("it holds no backup document")
    format_ = doc.get("format")
    name, _, number = str(format_).partition("/")
    if format_ not in READS:
        if (
            name == FORMAT.partition("/")[0]
            and number.isdigit()
            and int(number) > int(FORMAT.partition("/")[2])
        ):
            raise InvalidInput(
                newer_reverie_message(
                    f"its format {name}/{int(number)} is newer than this Reverie's, {FORMAT}"
                )
            )
        raise InvalidInput(f"{path} is not a Reverie backup of a version this Reverie knows.")
    objects = doc.get("objects")
    if not isinstance(objects, list):
        raise damaged('it has no list of "objects"')
    for number_, obj in enumerate(objects, start=1):
        if not isinstance(obj, dict):
            raise damaged(f"record {number_} is not a record")
        if not isinstance(obj.get("model"), str):
            raise damaged(f'record {number_} has no "model"')
        if not _is_id(obj.get("pk")) and not isinstance(obj.get("pk"), str):
            raise damaged(f'record {number_} has no "pk"')
        fields = obj.get("fields")
        if not isinstance(fields, dict):
            raise damaged(f'record {number_} has no "fields"')
        model = obj["model"]
        if model == USER_MODEL and not _is_id(obj["pk"]):
            raise damaged(f'record {number_} (a person) has a "pk" that is not a number')
        if model in (KEY_MODEL, ENTRY_MODEL) and not _is_id(fields.get("client")):
            raise damaged(f'record {number_} ({model}) has no "client" number')
        if model == KEY_MODEL and not _is_base64(fields.get("wrapped")):
            raise damaged(f'record {number_} ({model}) has no sealed key in "wrapped"')
    return doc


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_base64(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        base64.b64decode(value, validate=True)
    except ValueError:  # binascii.Error is one
        return False
    return True


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore brought back, and what it had to leave out (people whose backup key it did not have).

    ``queued``: entries that had no analysis of their current revision (waiting when the backup was taken), handed to
    the analysis again after the restore."""

    records: int
    people: int
    left_out_people: int
    left_out_entries: int
    left_out_attachments: int
    queued: int = 0
    purged_entries: int = 0  # entries deleted for good after the backup was taken (purged.py), left out
    purged_attachments: int = 0
    purged_undated: int = 0  # of those, how many by an unknown moment (a /2 backup, or an id recorded by /1)
    audit_restored: int = 0  # audit events keyed under another key file's master key: re-anchored (audit.py)
    # people restored without backup-keys.json whose sealed authenticator secret could not be opened: cleared (r41)
    two_step_cleared: int = 0
    # a backup with times cut to the millisecond (/4 and older): the id of the first audit event that no time within
    # its millisecond matches (altered in the backup: the trail was not re-anchored and fails its check; r44)
    audit_altered: int | None = None


def _left_out(objects: list[Any], people: set[int]) -> tuple[int, int]:
    """Entries and attachments of these people in the backup."""
    entries = {o["pk"] for o in objects if o["model"] == ENTRY_MODEL and int(o["fields"]["client"]) in people}
    attachments = sum(
        1 for o in objects if o["model"] == ATTACHMENT_MODEL and o["fields"].get("entry") in entries
    )
    return len(entries), attachments


def _taken_at(doc: dict[str, Any]) -> datetime | None:
    """When the backup was taken (``reverie.backup/3`` and later); None for a ``/2`` backup, which does not say."""
    if doc.get("format") == READS[0]:
        return None
    try:
        taken_at = datetime.fromisoformat(str(doc.get("taken_at")))
    except ValueError:
        raise InvalidInput("That file is not a Reverie backup of a version this Reverie knows.") from None
    if taken_at.tzinfo is None:
        raise InvalidInput("That file is not a Reverie backup of a version this Reverie knows.")
    return taken_at


@dataclass(frozen=True)
class _Purged:
    """What :func:`_without_purged` left out: the backup's rows without them, how many entries, attachments and
    entries by an unknown moment, and each entry left out with its writer and the moment it was deleted for good
    (for :func:`_tombstones_again`)."""

    objects: list[Any]
    entries: int = 0
    attachments: int = 0
    undated: int = 0
    owners: dict[str, tuple[int, datetime | None]] = field(default_factory=dict)


def _without_purged(objects: list[Any], taken_at: datetime | None) -> _Purged:
    """Leave out the entries deleted for good after the backup was taken (``purged-entries.json``; every recorded
    one when the backup does not say when it was taken) and every row that belongs to one of them, before anything
    is written: their words never reach the database again. An entry recorded there that a backup taken after its
    deletion still holds was live then (imported again, or the deletion did not commit): it is kept."""
    from reverie.clinic.services import purged

    gone = purged.entries()
    dropped = {
        o["pk"]
        for o in objects
        if o["model"] == ENTRY_MODEL and purged.left_out(str(o["pk"]), gone, taken_at)
    }
    undated = sum(1 for pk in dropped if taken_at is None or gone[str(pk)] is None)
    if not dropped:
        return _Purged(objects)
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
    owners = {
        str(o["pk"]): (int(o["fields"]["client"]), gone[str(o["pk"])])
        for o in objects
        if o["model"] == ENTRY_MODEL and o["pk"] in dropped
    }
    return _Purged([o for o in objects if not belongs(o)], len(dropped), attachments, undated, owners)


def _tombstones_again(owners: dict[str, tuple[int, datetime | None]], erased: set[int]) -> None:
    """The tombstones of the entries the restore left out as deleted for good, written again (a backup taken before
    a deletion does not hold its tombstone, ``clinic.DeletedForGood``): the database's index of ``purged-entries.json``
    is whole again for every entry whose writer the backup names (``journal.refuse_deleted_for_good`` reads that
    record too, for an entry made after the backup and deleted since, whose writer no backup names; review r85).
    In the restore's transaction, after its migrations, so the table is today's; people left out get none."""
    from reverie.clinic.models import DeletedForGood

    now = timezone.now()
    DeletedForGood.objects.bulk_create(
        [
            DeletedForGood(id=uuid.UUID(pk), client_id=client, deleted_at=moment or now)
            for pk, (client, moment) in owners.items()
            if client not in erased
        ],
        ignore_conflicts=True,
    )


def _needing_keys(objects: list[Any]) -> set[int]:
    """The people who own a sealed record in the backup other than their authenticator secret (an entry, a note, an
    answer: every sealed column ``reverie doctor`` checks): their journal needs their data key. A person whose data
    key seals nothing else (every therapist has one for the secret alone, r41) can be restored without it."""
    from reverie.clinic.services.doctor import sealed_columns

    rows: dict[str, dict[Any, Any]] = {}

    def rows_of(label: str) -> dict[Any, Any]:
        if label not in rows:
            rows[label] = {o["pk"]: o["fields"] for o in objects if o["model"] == label}
        return rows[label]

    columns: dict[str, list[Any]] = {}
    for column in sealed_columns()[0]:
        columns.setdefault(column.model._meta.label_lower, []).append(column)
    needing: set[int] = set()
    for obj in objects:
        for column in columns.get(obj["model"], ()):
            if obj["fields"].get(column.field) in (None, ""):
                continue
            client = ownership.owner_in_rows(column.model, obj["fields"], column.owner, rows_of)
            if client is not None:
                needing.add(int(client))
    return needing


def _secret_only(objects: list[Any], without_keys: set[int]) -> tuple[list[Any], set[int], set[int]]:
    """Keep the people among ``without_keys`` whose data key seals nothing but their authenticator secret: their
    account is restored, the secret that cannot be opened is cleared with their recovery codes (two-step sign-in is
    set up again at the next sign-in). Returns the objects, the people kept and those whose secret was cleared."""
    from reverie.clinic.services.signin import SEALED_MARK

    kept = without_keys - _needing_keys(objects)
    cleared: set[int] = set()
    for obj in objects:
        sealed_secret = str(obj["fields"].get("totp_secret") or "").startswith(SEALED_MARK)
        if obj["model"] == USER_MODEL and obj["pk"] in kept and sealed_secret:
            obj["fields"]["totp_secret"] = ""
            cleared.add(int(obj["pk"]))
    objects = [
        o for o in objects if not (o["model"] == RECOVERY_CODE_MODEL and o["fields"].get("user") in cleared)
    ]
    return objects, kept, cleared


def _clients(objects: list[Any]) -> set[int]:
    """The clients among the people in the backup (the only people an erasure removes)."""
    return {
        int(o["pk"])
        for o in objects
        if o["model"] == USER_MODEL and o["fields"].get("role", "client") == "client"
    }


def _others_records(models: Apps, people: set[int]) -> dict[str, int]:
    """How many rows of each model are the records of a client not among ``people`` (by the backup's models)."""
    user_model = models.get_model("clinic", "User")
    counts: dict[str, int] = {}
    for model in models.get_models():
        if model._meta.app_label not in APPS:
            continue
        path = ownership.owner_path(model, user_model)
        if path is not None:
            counts[model._meta.label_lower] = (
                model._default_manager.filter(**{f"{path}__isnull": False})
                .exclude(**{f"{path}__in": people})
                .count()
            )
    return counts


def cascade_refused_message(people: int) -> str:
    from reverie.clinic.services import backup_keys

    return (
        f"The backup key file {backup_keys.path()} (backup-keys.json) holds no key for"
        f" {text.counted(people, 'person', 'people')} in this"
        " backup, and leaving them out would take other people's records with them (a course they hold, say)."
        " Nothing was restored. Put the backup-keys.json kept with this backup there (keep the current one aside"
        " first) and restore again."
    )


def missing_backup_keys_message(objects: list[Any]) -> str:
    from reverie.clinic.services import backup_keys

    with_key = {int(o["fields"]["client"]) for o in objects if o["model"] == KEY_MODEL}
    sealed = with_key & _needing_keys(objects)
    entries, _ = _left_out(objects, sealed)
    secret_only = len(with_key - sealed)
    return (
        f"This backup needs the backup key file backup-keys.json, expected at {backup_keys.path()} (beside the key"
        f" file); it is not there. Without it {text.counted(len(sealed), 'person', 'people')} and their"
        f" {text.counted(entries, 'entry', 'entries')} cannot be opened"
        + (
            f", and {text.counted(secret_only, 'person', 'people')} would have to set two-step sign-in up again."
            if secret_only
            else "."
        )
        + " Copy the backup-keys.json kept with this backup there and restore again. Nothing was restored."
        " To restore only what the key file alone opens, add --without-backup-keys."
    )


def _backup_state(doc: dict[str, Any], executor: MigrationExecutor) -> list[tuple[str, str]]:
    """The migration of each app the backup was taken at; a migration unknown here is a newer Reverie's."""
    recorded = doc.get("migration")
    if not isinstance(recorded, dict) or not all(
        isinstance(recorded.get(label), str) for label in APPS if label in recorded
    ):
        raise InvalidInput("That file is not a Reverie backup of a version this Reverie knows.")
    targets = [(label, recorded[label]) for label in APPS if label in recorded]
    unknown = [
        f"{label} {name}" for label, name in targets if (label, name) not in executor.loader.graph.nodes
    ]
    if unknown:
        raise InvalidInput(newer_reverie_message(f"its migrations {', '.join(unknown)} are not known here"))
    return targets


def foreign_backup_keys_message(opens_none: int = 0) -> str:
    """A backup-keys.json that is not this backup's; ``opens_none``: the people with a key in the backup, none of
    whose keys the file holds (then erasing all of them since is the one other reading, said with its way out)."""
    from reverie.clinic.services import backup_keys

    if opens_none:
        return (
            f"The backup key file {backup_keys.path()} (backup-keys.json) does not belong to this backup: it holds"
            f" none of the keys of the {text.counted(opens_none, 'person', 'people')} whose journal or two-step sign-in"
            " the backup seals (it comes from another installation, or from one restored from another backup)."
            " Nothing was restored. Put the backup-keys.json kept with this backup there (keep the current one"
            " aside first) and restore again. Only if every one of them was erased since the backup: add"
            " --without-backup-keys."
        )
    return (
        f"The backup key file {backup_keys.path()} (backup-keys.json) does not belong to this backup: it comes"
        " from another installation (its mark is not the one the backup recorded), or the keys it holds do not"
        " open the journals in it. Nothing was restored. Put the backup-keys.json kept with this backup there"
        " (keep the current one aside first) and restore again."
    )


class _HistoricalDeserializer(PythonDeserializer):
    """Django's deserializer, reading each record with the models of one migration state (the backup's)."""

    def __init__(self, objects: list[Any], models: Apps) -> None:
        super().__init__(objects)
        self._state_models = models

    def _handle_object(self, obj: Any) -> Iterator[Any]:
        try:  # as Django's JSON deserializer does: whatever a damaged record raises is a DeserializationError
            yield from super()._handle_object(obj)  # type: ignore[misc]
        except (GeneratorExit, serializers.base.DeserializationError):
            raise
        except Exception as exc:
            raise serializers.base.DeserializationError(type(exc).__name__) from None

    def _get_model_from_node(self, model_identifier: str) -> Any:
        try:
            return self._state_models.get_model(model_identifier)
        except (LookupError, TypeError, ValueError):
            raise serializers.base.DeserializationError(
                f"Invalid model identifier: {model_identifier}"
            ) from None


@contextmanager
def _schema_changes_allowed() -> Iterator[None]:
    """SQLite's schema editor needs its foreign-key checks off, and they can only be switched off outside a
    transaction: off for the whole restore (its schema changes and its records), checked at once before the commit
    (:func:`connection.check_constraints`), on again after."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    switched_off = connection.disable_constraint_checking()
    try:
        yield
    finally:
        if switched_off:
            connection.enable_constraint_checking()


def restore_backup(path: Path, *, without_backup_keys: bool = False) -> Restored:
    """Load a backup into an empty database (after ``migrate``), at the backup's own version. All or nothing.

    Refuses (``InvalidInput``, nothing changed) a backup made by a newer Reverie. Refuses (``KeyUnavailable``,
    nothing restored) when the backup holds sealed data keys and ``backup-keys.json`` is not there, unless
    ``without_backup_keys``: then the people whose journal needs those keys are left out, and counted; a person whose
    data key seals nothing but their authenticator secret (every therapist) is kept, that secret cleared (two-step
    sign-in is set up again), audited and counted; so is one who is not a client and whose key is not in a
    ``backup-keys.json`` that is there (an older copy; only a client can be erased). Refuses (``KeyUnavailable``,
    nothing restored) when leaving a person out would take a kept client's records with it. A backup made by an older
    Reverie is loaded at its version and migrated forward (the module's doc); entries waiting for analysis are queued.
    """
    from reverie.clinic.services import backup_keys

    doc = _read(path)
    targets = _backup_state(doc, MigrationExecutor(connection))
    _refuse_not_empty()
    sealed = any(o["model"] == KEY_MODEL for o in doc["objects"])
    if sealed and not without_backup_keys and not backup_keys.path().exists():
        raise KeyUnavailable(missing_backup_keys_message(doc["objects"]))
    keys_missing = not backup_keys.path().exists()
    objects, erased = _open_data_keys(
        doc["objects"], doc.get("backup_keys_mark"), none_opened_allowed=without_backup_keys
    )
    purged = _without_purged(objects, _taken_at(doc))
    objects = purged.objects
    cleared: set[int] = set()
    if erased:
        # Whoever needs their key only for the authenticator secret keeps their account, that secret cleared: when
        # there is no key file at all (r41), and when the file is there but older than their key (r43: a therapist
        # who joined after the copy was made). Only a client can be erased (which leaves their key out of the
        # file), so with the file there a client without a key stays out, as an erasure asks.
        objects, kept, cleared = _secret_only(objects, erased if keys_missing else erased - _clients(objects))
        erased -= kept
    with _schema_changes_allowed(), transaction.atomic():
        executor = MigrationExecutor(connection)
        executor.migrate(targets)  # back to the backup's version (nothing to do when it is today's)
        then = executor.loader.project_state(targets).apps
        try:
            with transaction.atomic():
                for obj in _HistoricalDeserializer(objects, then):
                    obj.save()
                # Erased since the backup (or their key is not in this backup-keys.json): they stay out, with
                # their own records only; what would take another person's records with it is refused.
                others = _others_records(then, erased) if erased else {}
                dropped, _ = then.get_model("clinic", "User").objects.filter(pk__in=erased).delete()
                if erased and _others_records(then, erased) != others:
                    raise KeyUnavailable(cascade_refused_message(len(erased)))
                connection.check_constraints()
        except (
            serializers.base.DeserializationError,
            ValueError,
            KeyError,
            LookupError,
            DatabaseIntegrityError,
        ):
            raise InvalidInput("The backup's records could not be read; nothing was restored.") from None
        forward = MigrationExecutor(connection)
        try:
            forward.migrate(forward.loader.graph.leaf_nodes())  # the data migrations since the backup, if any
        except DatabaseError:
            raise InvalidInput(
                "The backup's records could not be brought up to this version of Reverie; nothing was restored."
            ) from None
        _tombstones_again(purged.owners, erased)
        times_cut = doc.get("format") in TIMES_CUT
        if times_cut:
            from reverie.clinic.services import audit

            audit.recover_cut_times()  # the microseconds the backup cut, written back (what fails: reported below)
    _reset_sequences()
    audit_restored, audit_altered = _reanchor_audit(times_cut=times_cut)
    _audit_cleared(cleared)
    entries, attachments = _left_out(objects, erased)
    people = sum(1 for o in objects if o["model"] == USER_MODEL) - len(erased)
    return Restored(
        len(objects) - dropped,
        people,
        len(erased),
        entries,
        attachments,
        queued=_queue_waiting_analysis(),
        purged_entries=purged.entries,
        purged_attachments=purged.attachments,
        purged_undated=purged.undated,
        audit_restored=audit_restored,
        two_step_cleared=len(cleared),
        audit_altered=audit_altered,
    )


# Rows a freshly migrated database already holds: the audit chain's head (clinic 0008 seeds it; it says nothing
# that the audit events would not, and the restore loads the backup's over it).
_SEEDED = frozenset({"clinic.audithead"})


def _refuse_not_empty() -> None:
    """Refuse (``Conflict``, nothing changed) a database that holds any record a restore writes or would mix with:
    an account, and as much any other record of the backed-up apps, audit events included (a refused sign-in on
    the new server before the restore is audited: loading the backup's trail over it would leave a trail that
    fails its check, so a restore goes into an empty database only, as docs/deploy.md says)."""
    held = [  # "1 user", "5 users": the model's own words for one and for many
        (model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural, count)
        for model in _models()
        if model._meta.label_lower not in _SEEDED and (count := model.objects.count())
    ]
    if held:
        what = ", ".join(f"{count} {name}" for name, count in held[:3]) + (", …" if len(held) > 3 else "")
        if (
            connection.vendor == "postgresql"
        ):  # a fresh data folder still opens the database the URL names (r130)
            where = (
                f" Create a new, empty PostgreSQL database (not {connection.settings_dict['NAME']}), point"
                " REVERIE_DATABASE_URL at it and restore again."
            )
        else:
            where = " Restore into a fresh data folder (REVERIE_DATA_DIR) or a new, empty database."
        raise Conflict(
            f"The database is not empty (it holds {what}; audit events of sign-ins tried before the restore"
            f" count too). Nothing was changed.{where}"
        )


def _audit_cleared(people: set[int]) -> None:
    """One ``totp.reset`` event (outcome ``restore``) for each person whose unopenable secret a restore cleared."""
    from reverie.clinic.services import audit

    User = apps.get_model("clinic", "User")
    for user in User.objects.filter(pk__in=people).order_by("pk"):
        audit.record(None, "totp.reset", "user", user.pk, subject=user, outcome="restore")


def _queue_waiting_analysis() -> int:
    """Queue the analysis of every entry waiting for one (as the save path does: risk first). Returns how many."""
    from reverie.clinic.services.analysis import queue_waiting

    return queue_waiting()


def _reanchor_audit(*, times_cut: bool) -> tuple[int, int | None]:
    """Check the restored audit trail in full, once, and rebuild the verification checkpoints (the first page view
    then checks only what comes after the restore); re-anchor it when it was keyed under another key file's master key.
    Returns how many events were re-anchored, and (a backup that cut its times, ``reverie.backup/4`` and older, whose
    times were recovered) the id of the first event that does not hold, if any (altered in the backup: nothing
    re-anchored; 0 when only the head row or the count fails)."""
    from reverie.clinic.models import AuditCheckpoint
    from reverie.clinic.services import audit

    # The backup's checkpoints vouch for events no one has checked here yet (a page view would trust them): gone;
    # the full check below stores a new one when the trail holds.
    AuditCheckpoint.objects.all().delete()
    check = audit.verify(check_anchor=False)  # stores a checkpoint when it holds
    if check.ok:
        audit.anchor_restored()  # a fresh data folder gets its anchor from the trail just checked (r130)
        return 0, None
    restored = audit.reanchor_after_restore()
    if restored:
        audit.verify(check_anchor=False)  # the checkpoint past the re-anchoring (which moved the anchor too)
        return restored, None
    return 0, (check.first_bad_id or 0) if times_cut else None


def _reset_sequences() -> None:
    if connection.vendor != "postgresql":
        return
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), _models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
