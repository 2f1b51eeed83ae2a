"""The record of entries deleted for good, kept beside the key file and outside the database and every backup.

A backup taken before an entry was deleted for good still holds it. Erasing a whole account reaches old backups
through ``backup-keys.json`` (the person's backup key is forgotten); one entry has no key of its own to forget, so
``purge_entry`` writes the entry's id here, with the moment, once its deletion commits (:func:`remember_on_commit`:
the commit of the outermost transaction, so an erasure inside a larger transaction that rolls back afterwards
records nothing, and a later restore keeps that entry, which is live). Before deleting, :func:`check_writable`
refuses the deletion if the record cannot be written. The one gap left: a process killed between the commit and
that write leaves the id unrecorded (``docs/security.md``).
A restore leaves an entry named here out (with its attachments, analyses, revisions, screens, feedback and goal
evidence) only when the backup was taken before that moment (``reverie.backup/3`` records when it was taken): a
backup taken after it that still holds the id holds a live entry (imported again under the same id, or a deletion
that did not commit), which is kept. A backup that does not say when it was taken (``reverie.backup/2``), or an id
recorded without a moment (``/1``), leaves the entry out, as before.

``purged-entries.json`` (mode 0600, format ``reverie.purged-entries/2``) maps entry ids to the moment (UTC, ISO
8601) each was deleted for good: random UUIDs that say nothing about what was written, never text, titles or person
ids. ``reverie.purged-entries/1`` (a list of ids) is still read, each id without a moment. When an id is live again
(an import brings it back, or its deletion was undone) :func:`forget` takes it out. The same limit as the backup key
file: a copy of this file older than the deletion does not name it (``docs/security.md``).

``purged-files.json`` (format ``reverie.purged-files/1``, the same shape under ``files``) names the files removed for
good (``attachments.delete_attachment``), with the moment. Both records outlive every restore, so they are the lasting
answer to "was this id deleted for good?" (:func:`deleted_for_good`), which ``journal.refuse_deleted_for_good`` reads
with the database's tombstones (``clinic.DeletedForGood``, its index): a save sent again under such an id (an API
``Idempotency-Key`` retry, a replayed form) is refused after a restore of a backup taken before the deletion too,
and that restore writes the tombstones of the entries it leaves out again (``backup._tombstones_again``; review r85).
"""

from __future__ import annotations

import contextlib
import json
import logging
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from reverie.errors import KeyUnavailable
from reverie.files import locked_document, write_private_atomic

FORMAT = "reverie.purged-entries/2"  # 2: each id with the moment it was deleted for good
READS = ("reverie.purged-entries/1", FORMAT)
FILES_FORMAT = "reverie.purged-files/1"  # 1: each removed file's id with the moment it was removed for good

log = logging.getLogger(__name__)

UNREADABLE = (
    "Reverie cannot read one of its own records just now, so nothing was changed (nothing saved, nothing deleted):"
    " try again later."
    " Whoever runs this Reverie: `reverie doctor` names the file to repair."
)
UNWRITABLE = (
    "Not done: Reverie cannot write one of its own records just now; nothing was deleted. Try again later."
    " Whoever runs this Reverie: the log names the file (check that the data folder can be written)."
)


@dataclass(frozen=True)
class Record:
    """One record kept beside the key file: its file's name, the format it writes, the formats it reads (the first
    of them may be the ``/1`` list of ids, without moments), its key in the document, and what it names, in words."""

    name: str
    format: str
    reads: tuple[str, ...]
    key: str
    what: str


ENTRIES = Record("purged-entries.json", FORMAT, READS, "entries", "entries deleted for good")
FILES = Record("purged-files.json", FILES_FORMAT, (FILES_FORMAT,), "files", "files removed for good")


def path(record: Record = ENTRIES) -> Path:
    return Path(settings.REVERIE.key_file).parent / record.name


def _moment(raw: object) -> datetime | None:
    if not isinstance(raw, str):
        return None
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


class Unreadable(KeyUnavailable):
    """A record that cannot be read (damaged, or in a format this Reverie does not know). Its message is told to
    whoever's save it refused (a client's app, a page) and names no server path (r90); ``for_operator`` names the
    file, for the log and ``reverie doctor`` only."""

    def __init__(self, record: Record, target: Path, why: str) -> None:
        super().__init__(UNREADABLE)
        self.for_operator = f"The record of {record.what}, {target}, {why}; nothing was changed."


def _reader(record: Record) -> Callable[[Path], dict[str, datetime | None]]:
    def read(target: Path) -> dict[str, datetime | None]:
        """Each recorded id with the moment it was deleted for good (None: recorded by ``/1``, moment unknown)."""
        if not target.exists():
            return {}
        try:
            doc = json.loads(target.read_text())
        except (OSError, ValueError):
            raise _unreadable(record, target, "cannot be read") from None
        version = doc.get("format") if isinstance(doc, dict) else None
        ids = doc.get(record.key) if isinstance(doc, dict) else None
        if version == record.format and isinstance(ids, dict):
            return {str(e): _moment(at) for e, at in ids.items()}
        if version == record.reads[0] and isinstance(ids, list):
            return {str(e): None for e in ids}
        raise _unreadable(record, target, "is not in a format this Reverie knows")

    return read


def _unreadable(record: Record, target: Path, why: str) -> Unreadable:
    refused = Unreadable(record, target, why)
    log.error("%s Repair it (or restore it from a copy), then run `reverie doctor`.", refused.for_operator)
    return refused


def _read(target: Path, record: Record = ENTRIES) -> dict[str, datetime | None]:
    return _reader(record)(target)


def _locked(record: Record = ENTRIES) -> contextlib.AbstractContextManager[dict[str, datetime | None]]:
    """The record, read and written under an exclusive lock (deletions, imports and restores may overlap)."""
    return locked_document(path(record), _reader(record), _encoder(record))


def _encoder(record: Record) -> Callable[[dict[str, datetime | None]], bytes]:
    def encode(ids: dict[str, datetime | None]) -> bytes:
        doc = {
            "format": record.format,
            record.key: {e: (at.isoformat() if at else None) for e, at in sorted(ids.items())},
        }
        return json.dumps(doc, indent=0).encode()

    return encode


def _unwritable(error: OSError, record: Record) -> KeyUnavailable:
    """The refusal of a deletion whose record cannot be written: told to whoever asked (a client's app, a page),
    naming no server path; the log names the file for whoever runs this Reverie (r90)."""
    done = "entry was not deleted" if record is ENTRIES else "file was not removed"
    log.error(
        "The %s: the record of %s (%s) cannot be written (%s). Check that the data folder can be written.",
        done,
        record.what,
        path(record),
        error.strerror or type(error).__name__,
    )
    return KeyUnavailable(UNWRITABLE)


def check_writable(record: Record = ENTRIES) -> None:
    """Refuse a deletion for good before anything is deleted (``KeyUnavailable``, said plainly) when the record
    cannot be read or written: it is read and written back as it is, durably, under its lock. Names nothing."""
    try:
        with _locked(record) as ids:
            write_private_atomic(path(record), _encoder(record)(ids))
    except OSError as error:
        raise _unwritable(error, record) from None


def remember(entry_ids: Iterable[uuid.UUID | str], record: Record = ENTRIES) -> None:
    """Name these entries (or files, ``FILES``), deleted for good now, so that no backup taken before this moment
    brings them back, and no save sent again brings them back after any restore (:func:`deleted_for_good`).

    Called once their deletion has committed (:func:`remember_on_commit`; the moment, after the commit, covers a
    backup whose snapshot was taken while the deletion was under way). Written durably (fsync'd, atomic rename)."""
    now = timezone.now()
    try:
        with _locked(record) as ids:
            for e in entry_ids:
                ids[str(e)] = now
    except OSError as error:
        raise KeyUnavailable(
            f"Something was deleted for good, but the record of {record.what} ({path(record)}) could not be"
            f" written ({error.strerror or type(error).__name__}): a backup taken before now would bring it back."
        ) from None


def remember_on_commit(entry_ids: Iterable[uuid.UUID | str], record: Record = ENTRIES) -> None:
    """:func:`remember` these ids once the transaction that deletes them commits: the outermost one, so a deletion
    inside a larger transaction that rolls back records nothing (the entries are live, and a restore keeps them)."""
    ids = [str(e) for e in entry_ids]
    transaction.on_commit(lambda: remember(ids, record), robust=True)


def forget(entry_ids: Iterable[uuid.UUID | str], record: Record = ENTRIES) -> None:
    """These entries are live again (imported again under the same id, or their deletion was undone): take them
    out of the record. Best effort: an id left in it keeps the entry in every backup taken after its moment."""
    wanted = {str(e) for e in entry_ids}
    if not wanted:
        return
    try:
        if not wanted & set(_read(path(record), record)):
            return
        with _locked(record) as ids:
            for e in wanted:
                ids.pop(e, None)
    except (OSError, KeyUnavailable):
        return


def forget_on_commit(entry_ids: Iterable[uuid.UUID | str], record: Record = ENTRIES) -> None:
    """:func:`forget` these ids once the transaction that makes them live again commits."""
    ids = [str(e) for e in entry_ids]
    transaction.on_commit(lambda: forget(ids, record), robust=True)


def entries() -> dict[str, datetime | None]:
    """Each entry deleted for good here, with the moment it was (None: unknown, recorded by ``/1``)."""
    return _read(path(ENTRIES), ENTRIES)


def files() -> dict[str, datetime | None]:
    """Each file removed for good here, with the moment it was."""
    return _read(path(FILES), FILES)


def unreadable() -> list[str]:
    """For ``reverie doctor``: each record (entries, files) that cannot be read, said for whoever runs this
    Reverie, naming the file to repair; empty when both can be read (or are not there yet)."""
    said = []
    for record in (ENTRIES, FILES):
        try:
            _read(path(record), record)
        except Unreadable as exc:
            said.append(exc.for_operator)
    return said


def deleted_for_good(record_id: uuid.UUID | str) -> bool:
    """Whether this id names an entry deleted for good or a file removed for good, by these records alone (they
    outlive every restore; ``journal.refuse_deleted_for_good`` asks them and the database's tombstones). A record
    that cannot be read refuses (``KeyUnavailable``): nothing is saved under an id that may have been deleted."""
    wanted = str(record_id)
    return wanted in entries() or wanted in files()


def left_out(entry_id: str, record: dict[str, datetime | None], taken_at: datetime | None) -> bool:
    """Whether a restore of a backup taken at ``taken_at`` (None: it does not say) leaves this entry out: it was
    deleted for good after the backup was taken, or either moment is unknown."""
    if entry_id not in record:
        return False
    moment = record[entry_id]
    return moment is None or taken_at is None or taken_at <= moment
