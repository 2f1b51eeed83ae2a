"""Per-person backup keys, kept beside the key file and outside every backup, so that erasure reaches old backups.

In a backup, each person's data key is sealed under that person's own backup key (not under the master key). The
backup keys live in ``backup-keys.json`` next to the key file (mode 0600). Erasing a person deletes their backup
key, so every earlier backup holds their data key only in a form nothing can open any more; restoring such a
backup leaves the erased person out. A copy of ``backup-keys.json`` made before the erasure can still open it —
the same limit as any key kept elsewhere (``docs/security.md``).

The file carries its installation's mark (``installation``, a random id made with the file, or at the first backup
with a file of format 1), and every backup records the mark of the file that sealed it (``mark_for_backup``): a
restore refuses, before anything is written, a file with another mark (another installation's), r130.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import secrets
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

from django.conf import settings

from reverie.errors import KeyUnavailable
from reverie.files import locked_document
from reverie.vault.blob import KEY_BYTES
from reverie.vault.keys import DataKey, require_private

# 2: the installation's mark (``installation``); /1 (no mark) is still read and gets one at the next backup.
FORMAT = "reverie.backup-keys/2"
READS = ("reverie.backup-keys/1", FORMAT)
# In the document map this module reads and writes, the mark is kept under this name, never a person's id (digits).
MARK = "installation"


def path() -> Path:
    return Path(settings.REVERIE.key_file).parent / "backup-keys.json"


def _locked() -> contextlib.AbstractContextManager[dict[str, str]]:
    """The key map, read and written under an exclusive lock (backups and erasures may overlap)."""
    return locked_document(path(), _read, _encode)


def _encode(keys: dict[str, str]) -> bytes:
    clients = {k: v for k, v in keys.items() if k != MARK}
    doc: dict[str, object] = {"format": FORMAT, "clients": clients}
    if MARK in keys:
        doc[MARK] = keys[MARK]
    return json.dumps(doc, indent=1).encode()


def _read(target: Path) -> dict[str, str]:
    if not target.exists():
        return {}
    try:
        require_private(target, what="The backup key file")
        doc = json.loads(target.read_text())
    except (OSError, ValueError):
        raise KeyUnavailable(f"The backup key file {target} cannot be read.") from None
    if (
        not isinstance(doc, dict)
        or doc.get("format") not in READS
        or not isinstance(doc.get("clients"), dict)
    ):
        raise KeyUnavailable(f"The backup key file {target} is not in a format this Reverie knows.")
    keys = {str(k): str(v) for k, v in doc["clients"].items() if str(k) != MARK}
    if isinstance(doc.get(MARK), str) and doc[MARK]:
        keys[MARK] = doc[MARK]
    return keys


def keys_for(client_ids: Iterable[int], *, create: bool) -> dict[int, DataKey]:
    """Backup keys of these people; ``create`` adds keys for those who have none yet (when backing up)."""
    with _locked() as keys:
        return _of(keys, client_ids, create=create)


def keys_for_backup(holders: Callable[[], Iterable[int]]) -> dict[int, DataKey]:
    """The backup keys a backup seals with, made for those who have none yet. ``holders`` (the people with a data
    key: the backup's first read, which begins its snapshot) is read under the key file's lock.

    An erasure forgets its person's key under the same lock once its transaction has committed, so it comes either
    before the snapshot (that person is not in it) or after their key was read here (the backup holds their data key
    sealed under a key no file keeps then: it cannot bring them back). Read outside the lock, a snapshot taken just
    before an erasure committed could meet the key already forgotten and make that person a new one."""
    with _locked() as keys:
        return _of(keys, list(holders()), create=True)


def mark_for_backup() -> str:
    """The installation's mark a backup records, made (and written into the file) when the file has none yet."""
    with _locked() as keys:
        if MARK not in keys:
            keys[MARK] = uuid.uuid4().hex
        return keys[MARK]


def opening(client_ids: Iterable[int]) -> tuple[dict[int, DataKey], str | None]:
    """For a restore: the backup keys the file holds for these people, and the file's mark (None: none)."""
    with _locked() as keys:
        return _of(keys, client_ids, create=False), keys.get(MARK)


def _of(keys: dict[str, str], client_ids: Iterable[int], *, create: bool) -> dict[int, DataKey]:
    out: dict[int, DataKey] = {}
    for client_id in client_ids:
        raw = keys.get(str(client_id))
        if raw is None and create:
            raw = base64.b64encode(secrets.token_bytes(32)).decode()
            keys[str(client_id)] = raw
        if raw is not None:
            out[client_id] = _key(raw, client_id)
    return out


def _key(raw: str, client_id: int) -> DataKey:
    """The one check of a key read from the file: base64 of exactly 32 bytes, or a plain error naming the file and
    whose key it is (never the key)."""
    try:
        material = base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        material = b""
    if len(material) != KEY_BYTES:
        raise KeyUnavailable(
            f"The backup key file {path()} (backup-keys.json) is damaged: the key for person {client_id} is not"
            f" a key ({KEY_BYTES} bytes in base64); nothing was done. Put a good copy of backup-keys.json there (the one"
            " kept with your backups; keep this one aside first) and try again."
        )
    return DataKey(material)


def check() -> None:
    """``reverie doctor``: the backup key file, when there is one, is private (the same check as the key file's)."""
    target = path()
    if target.exists():
        require_private(target, what="The backup key file")


def forget(client_id: int) -> None:
    """Erasure: after this, no backup can give back this person's data key."""
    with _locked() as keys:
        keys.pop(str(client_id), None)
