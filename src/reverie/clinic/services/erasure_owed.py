"""What a committed erasure still owes, recorded until it is done.

Once an erasure has committed, three steps outside the transaction remain: remove the person's recovery copies,
forget their backup key (``backup_keys.forget``) and, on SQLite, empty the database's WAL, which still holds the
page images of the wrapped data key (``keys.empty_the_wal``). :func:`after_erasure` runs every step, whatever the
others do, logs each failure by its type only, and records what was not done in ``erasure-owed.json`` beside the
key file (mode 0600; ``{"format": "reverie.erasure-owed/1", "recovery": [ids], "backup_keys": [ids],
"wal_truncation": bool}`` — person ids, never entry data). The erasure itself stands: the person is told it is
done.

:func:`settle` retries what is owed. It runs after the next erasure, in the worker's upkeep thread and in
``reverie doctor``, which says in plain words what is still owed (:func:`describe`). An erasure is written down
before its transaction commits (:func:`intend`, the record's ``pending``), so a process stopped between the commit
and its record leaves nothing for good: :func:`settle` finds that person gone and does what is owed. Nothing else
is inferred from the state: a backup key or recovery copy whose person row is missing for another reason is kept. A record that cannot be read,
is malformed or is in a format this Reverie does not know is never overwritten or deleted: it is moved aside
(``erasure-owed.json.unreadable-<timestamp>``) and ``reverie doctor`` says so and exits non-zero until a person has
dealt with it.
"""

from __future__ import annotations

import fcntl
import functools
import json
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection

from reverie.files import write_private_atomic

log = logging.getLogger(__name__)

FORMAT = (
    "reverie.erasure-owed/2"  # 2 adds "pending" (erasures about to commit); a /1 record is read as it was
)
FORMATS = ("reverie.erasure-owed/1", FORMAT)
PENDING_GRACE = timedelta(hours=1)  # a pending erasure whose person still exists after this did not happen


@dataclass
class Owed:
    """Steps of committed erasures not done yet."""

    recovery: set[int] = field(default_factory=set)
    backup_keys: set[int] = field(default_factory=set)
    wal_truncation: bool = False
    unreadable: list[str] = field(default_factory=list)  # records that could not be read, moved aside (names)
    pending: dict[int, str] = field(default_factory=dict)  # erasures about to commit: person id -> when (ISO)
    # erasures found committed from ``pending`` alone by this settle (a process stopped before their steps): told
    # by ``reverie doctor`` once, never recorded
    completed: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.recovery or self.backup_keys or self.wal_truncation or self.unreadable)


class _Unreadable(Exception):
    """The record cannot be read, is in a format this Reverie does not know, or is malformed."""


def path() -> Path:
    return Path(settings.REVERIE.key_file).parent / "erasure-owed.json"


def _set_aside(target: Path) -> list[str]:
    """Names of the records moved aside because they could not be read (a person deals with them)."""
    return sorted(p.name for p in target.parent.glob(f"{target.name}.unreadable-*"))


def _ids(doc: dict[str, Any], key: str) -> set[int]:
    value = doc.get(key, [])
    if not isinstance(value, list) or not all(type(i) is int for i in value):
        raise _Unreadable(key)
    return set(value)


def _read(target: Path) -> Owed:
    """The record; raises ``_Unreadable`` for one that cannot be read, of an unknown format, or malformed."""
    if not target.exists():
        return Owed()
    try:
        doc = json.loads(target.read_text())
        if not isinstance(doc, dict) or doc.get("format") not in FORMATS:
            raise _Unreadable("format")
        wal = doc.get("wal_truncation", False)
        if not isinstance(wal, bool):
            raise _Unreadable("wal_truncation")
        pending = doc.get("pending", {})
        if not isinstance(pending, dict) or not all(
            k.isdigit() and isinstance(v, str) for k, v in pending.items()
        ):
            raise _Unreadable("pending")
        return Owed(
            recovery=_ids(doc, "recovery"),
            backup_keys=_ids(doc, "backup_keys"),
            wal_truncation=wal,
            pending={int(k): v for k, v in pending.items()},
        )
    except (OSError, ValueError, _Unreadable) as exc:
        raise _Unreadable(type(exc).__name__) from None


def _move_aside(target: Path) -> None:
    """Keep an unreadable record for a person to look at: never overwrite or delete it (it may hold the ids of
    people whose backup key is still owed, or be a newer Reverie's). Raises OSError when it cannot be moved."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    aside = target.with_name(f"{target.name}.unreadable-{stamp}")
    os.replace(target, aside)


@contextmanager
def _locked() -> Iterator[Owed]:
    """The record, read and written under an exclusive lock (erasures, the worker and doctor may overlap).

    A record that cannot be read is moved aside (never overwritten or deleted, and reported by ``reverie doctor``
    until a person has dealt with it); emptying the WAL is owed instead, as it costs nothing when done."""
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with open(target.with_suffix(".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            owed = _read(target)
        except _Unreadable as exc:
            _move_aside(target)
            log.warning(
                "the record of what erasures still owe cannot be read (%s): moved aside for a person", exc
            )
            owed = Owed(wal_truncation=True)
        yield owed
        owed.unreadable = _set_aside(target)
        if not (owed.recovery or owed.backup_keys or owed.wal_truncation or owed.pending):
            target.unlink(missing_ok=True)
        else:
            document = {
                "format": FORMAT,
                "recovery": sorted(owed.recovery),
                "backup_keys": sorted(owed.backup_keys),
                "wal_truncation": owed.wal_truncation,
                "pending": {str(k): v for k, v in sorted(owed.pending.items())},
            }
            write_private_atomic(target, json.dumps(document, indent=1).encode())


def current() -> Owed:
    """What is owed now, as recorded (read without changing anything; an unreadable record is named)."""
    target = path()
    try:
        owed = _read(target)
    except _Unreadable:
        owed = Owed(unreadable=[target.name])
    owed.unreadable = sorted(set(owed.unreadable) | set(_set_aside(target)))
    return owed


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
    if not _step("wal", _truncate_wal):  # PostgreSQL: the key table vacuumed, never owed (docs/security.md)
        owed.wal_truncation = True
    try:
        with _locked() as record:
            record.recovery |= owed.recovery
            record.backup_keys |= owed.backup_keys
            record.wal_truncation |= owed.wal_truncation
            record.pending.pop(owner_id, None)  # what it owes is recorded above: no longer only intended
        settle()
    except Exception as exc:  # the record is best effort here; the erasure has committed
        log.warning("after an erasure, what is owed could not be recorded (%s)", type(exc).__name__)


def intend(owner_id: int, now: datetime | None = None) -> None:
    """Write down, before an erasure's transaction commits, that this person is about to be erased (write-ahead):
    if the process stops between the commit and :func:`after_erasure` (a kill, a power cut, a deploy's SIGTERM),
    :func:`settle` finds the person gone and does what the erasure owed. Raises ``OSError`` when it cannot be
    written, so the erasure is refused before anything is erased.

    Only a person written down here is ever treated as erased: a backup key or recovery copy whose person row is
    missing for any other reason (a restore under way, a mistake in the database) is left alone, as it may be the
    only way back to that journal."""
    with _locked() as record:
        record.pending[owner_id] = (now or datetime.now(UTC)).isoformat()


def _intended(owed: Owed, now: datetime) -> None:
    """Settle the pending erasures: a person no longer in the database was erased (their steps are owed); one
    still there after :data:`PENDING_GRACE` was not (the transaction rolled back); one still there within it may
    be committing now, so it is kept."""
    from reverie.clinic.models import User

    if not owed.pending:
        return
    existing = set(User.objects.filter(pk__in=list(owed.pending)).values_list("pk", flat=True))
    for owner_id, since in sorted(owed.pending.items()):
        if owner_id not in existing:
            owed.recovery.add(owner_id)
            owed.backup_keys.add(owner_id)
            owed.completed.add(owner_id)
            del owed.pending[owner_id]
        elif now - _moment(since) > PENDING_GRACE:
            del owed.pending[owner_id]


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)  # unreadable: old enough to be settled
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def settle(now: datetime | None = None) -> Owed:
    """Retry every step still owed, recorded or written down before a commit (:func:`intend`); returns what is
    still owed afterwards, with any unreadable record moved aside (empty when all is done), and in ``completed``
    the people whose erasure was found committed from its write-ahead record alone (their steps done or owed)."""
    with _locked() as owed:
        _intended(owed, now or datetime.now(UTC))
        for owner_id in sorted(owed.recovery):
            if _step("recovery", functools.partial(_forget_recovery, owner_id, None)):
                owed.recovery.discard(owner_id)
        for owner_id in sorted(owed.backup_keys):
            if _step("backup-key", functools.partial(_forget_backup_key, owner_id)):
                owed.backup_keys.discard(owner_id)
        if owed.wal_truncation and (connection.vendor != "sqlite" or _step("wal", _truncate_wal)):
            owed.wal_truncation = False
    return Owed(
        set(owed.recovery),
        set(owed.backup_keys),
        owed.wal_truncation,
        list(owed.unreadable),
        completed=set(owed.completed),
    )


def describe_completed(owed: Owed) -> list[str]:
    """The erasures a stopped process left unfinished that :func:`settle` has now finished from the write-ahead
    record alone, in plain words (for ``reverie doctor``); person ids only, never names or content. One whose
    steps are still owed is not said to be finished: :func:`describe` says what it still owes."""
    done = sorted(owed.completed - owed.recovery - owed.backup_keys)
    if not done:
        return []
    who = ", ".join(str(i) for i in done)
    return [
        f"An erasure that a stopped Reverie had left unfinished is now completed (person {who}): the erasure"
        " had been committed, and the person's recovery copies and backup key are now removed too."
        if len(done) == 1
        else f"Erasures that a stopped Reverie had left unfinished are now completed (people {who}): each erasure"
        " had been committed, and those people's recovery copies and backup keys are now removed too."
    ]


def describe(owed: Owed) -> list[str]:
    """What is still owed, in plain words (for ``reverie doctor``); person ids only, never names or content."""
    lines: list[str] = []
    if owed.unreadable:
        lines.append(
            f"The record of what an earlier erasure still owes could not be read (damaged, edited by hand, or"
            f" written by a newer Reverie), so it was moved aside, not deleted: {', '.join(owed.unreadable)}"
            " beside the key file. Reverie cannot tell what that record held: backup keys or recovery copies of"
            " erased people may still be there. Look at it (it holds person ids only, never journal text): if a newer Reverie wrote it,"
            " run that version again; otherwise delete it once you have checked. Then run `reverie doctor`"
            " again."
        )
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
