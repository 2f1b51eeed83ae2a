"""What a committed erasure still owes, recorded until it is done.

Once an erasure has committed, three steps outside the transaction remain: remove the person's recovery copies,
forget their backup key (``backup_keys.forget``) and, on SQLite, empty the database's WAL, which still holds the
page images of the wrapped data key (``keys.empty_the_wal``). :func:`after_erasure` runs every step, whatever the
others do, logs each failure by its type only, and records what was not done in ``erasure-owed.json`` beside the
key file (mode 0600; ``{"format": "reverie.erasure-owed/1", "recovery": [ids], "backup_keys": [ids],
"wal_truncation": bool}`` — person ids, never entry data). The erasure itself stands: the person is told it is
done.

:func:`settle` retries what is owed. It runs after the next erasure, in the worker's heartbeat and in
``reverie doctor``, which says in plain words what is still owed (:func:`describe`).
"""

from __future__ import annotations

import fcntl
import functools
import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection

from reverie.files import write_private_atomic

log = logging.getLogger(__name__)

FORMAT = "reverie.erasure-owed/1"


@dataclass
class Owed:
    """Steps of committed erasures not done yet."""

    recovery: set[int] = field(default_factory=set)
    backup_keys: set[int] = field(default_factory=set)
    wal_truncation: bool = False

    def __bool__(self) -> bool:
        return bool(self.recovery or self.backup_keys or self.wal_truncation)


def path() -> Path:
    return Path(settings.REVERIE.key_file).parent / "erasure-owed.json"


def _read(target: Path) -> Owed:
    if not target.exists():
        return Owed()
    try:
        doc = json.loads(target.read_text())
    except (OSError, ValueError):
        log.warning("the record of what erasures still owe cannot be read: every step is retried")
        return Owed(wal_truncation=True)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        log.warning("the record of what erasures still owe is in a format this Reverie does not know")
        return Owed(wal_truncation=True)
    return Owed(
        recovery={int(i) for i in doc.get("recovery", [])},
        backup_keys={int(i) for i in doc.get("backup_keys", [])},
        wal_truncation=bool(doc.get("wal_truncation", False)),
    )


@contextmanager
def _locked() -> Iterator[Owed]:
    """The record, read and written under an exclusive lock (erasures, the worker and doctor may overlap)."""
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with open(target.with_suffix(".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        owed = _read(target)
        yield owed
        if not owed:
            target.unlink(missing_ok=True)
        else:
            document = {
                "format": FORMAT,
                "recovery": sorted(owed.recovery),
                "backup_keys": sorted(owed.backup_keys),
                "wal_truncation": owed.wal_truncation,
            }
            write_private_atomic(target, json.dumps(document, indent=1).encode())


def current() -> Owed:
    """What is owed now (read without changing anything)."""
    return _read(path())


def _step(name: str, action: Callable[[], bool]) -> bool:
    """Run one step; True when it is done. A failure is logged by its type only (no paths, ids or content)."""
    try:
        return action()
    except Exception as exc:  # the erasure has committed: nothing may stop the other steps
        log.warning("after an erasure, step %s failed (%s): it is recorded as owed", name, type(exc).__name__)
        return False


def _forget_recovery(owner_id: int, data_dir: Path | None) -> bool:
    from reverie.clinic.services import recovery

    recovery.forget(owner_id, data_dir)
    return not recovery.folder_of(owner_id, data_dir).exists()


def _forget_backup_key(owner_id: int) -> bool:
    from reverie.clinic.services import backup_keys

    backup_keys.forget(owner_id)
    return True


def _truncate_wal() -> bool:
    from reverie.clinic.services import keys

    return keys.empty_the_wal()


def after_erasure(owner_id: int, data_dir: Path | None = None) -> None:
    """The steps of an erasure that has just committed, each run whatever the others do; what fails is recorded
    and retried (:func:`settle`) together with anything earlier erasures still owe. Never raises."""
    owed = Owed()
    if not _step("recovery", lambda: _forget_recovery(owner_id, data_dir)) and data_dir is None:
        owed.recovery.add(owner_id)
    if not _step("backup-key", lambda: _forget_backup_key(owner_id)):
        owed.backup_keys.add(owner_id)
    if not _step("wal", _truncate_wal):  # nothing to empty on PostgreSQL (True at once; docs/security.md)
        owed.wal_truncation = True
    try:
        with _locked() as record:
            record.recovery |= owed.recovery
            record.backup_keys |= owed.backup_keys
            record.wal_truncation |= owed.wal_truncation
        settle()
    except Exception as exc:  # the record is best effort here; the erasure has committed
        log.warning("after an erasure, what is owed could not be recorded (%s)", type(exc).__name__)


def settle() -> Owed:
    """Retry every step still owed; returns what is still owed afterwards (empty when all is done)."""
    target = path()
    if not target.exists():
        return Owed()
    with _locked() as owed:
        for owner_id in sorted(owed.recovery):
            if _step("recovery", functools.partial(_forget_recovery, owner_id, None)):
                owed.recovery.discard(owner_id)
        for owner_id in sorted(owed.backup_keys):
            if _step("backup-key", functools.partial(_forget_backup_key, owner_id)):
                owed.backup_keys.discard(owner_id)
        if owed.wal_truncation and (connection.vendor != "sqlite" or _step("wal", _truncate_wal)):
            owed.wal_truncation = False
        left = Owed(set(owed.recovery), set(owed.backup_keys), owed.wal_truncation)
    return left


def describe(owed: Owed) -> list[str]:
    """What is still owed, in plain words (for ``reverie doctor``); person ids only, never names or content."""
    lines: list[str] = []
    if owed.wal_truncation:
        lines.append(
            "An erasure is not finished: the database's write-ahead log (the -wal file beside the database) still"
            " holds the erased person's sealed key, because another connection was reading when it was to be"
            " emptied. Reverie empties it as soon as nothing else is reading; run `reverie doctor` again when"
            " Reverie is idle."
        )
    if owed.backup_keys:
        lines.append(
            f"An erasure is not finished: the backup key of {len(owed.backup_keys)} erased"
            f" {'person' if len(owed.backup_keys) == 1 else 'people'} could not be removed from"
            " backup-keys.json (beside the key file), so older backups can still give their journal back. Check"
            " that file can be read and written, then run `reverie doctor` again."
        )
    if owed.recovery:
        lines.append(
            f"An erasure is not finished: the recovery copies of {len(owed.recovery)} erased"
            f" {'person' if len(owed.recovery) == 1 else 'people'} could not be removed from the data folder's"
            " recovery folder. Check that folder can be written, then run `reverie doctor` again."
        )
    return lines
